/// How reports name nodes in tables: by label, and with `--ids` by label and id.
///
/// JSON and CSV always carry ids (and labels where the report has them); this only changes tables.
public enum ReportLabels {
    /// Whether tables show each node's id beside its label, for the task rendering them.
    @TaskLocal public static var showIDs = false

    /// The label on one line (line breaks as spaces) and, when ``showIDs`` is set and the id is not the
    /// label, ` [id]` after it.
    /// - Complexity: O(*ℓ*) in the label's length.
    public static func name(_ label: String, id: String) -> String {
        let line = label.replacingOccurrences(of: "\n", with: " ")
        guard showIDs, !label.unicodeScalars.elementsEqual(id.unicodeScalars) else { return line }
        return "\(line) [\(id.replacingOccurrences(of: "\n", with: " "))]"
    }
}
