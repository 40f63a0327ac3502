import BackchannelAnalysis
import BackchannelFormats
import BackchannelModel

/// The time filter a report was made under (`--at`, `--between`, `--dated-only`, and the periods of
/// `--every`), recorded the same way in every report: members of the JSON `parameters`, a first
/// line of the table, and words in a diagram's title. CSV stays a plain table.
///
/// The window is recorded as given, whatever the periods: `"at": 2011`, `"at": "2008-02"`,
/// `"between": [2009, 2011]`, `"between": ["2008-03", "2008-05"]` (years as numbers, finer dates as
/// ISO text), then `"every": "quarter"` for per-period reports, whose periods are clipped to the
/// window (``TimeStep/period(_:count:within:)``).
public struct TimeScope: Sendable {
    /// "at 2011 (undated nodes and ties kept)"; nil when there is no time filter.
    public var text: String?
    /// `"at": 2011` or `"between": [2009, 2011]`, `"dated_only": true`, and `"every": "year"`.
    public var parameters: [(key: String, value: JSONValue)]

    public init(_ filter: NetworkFilter, every: TimeStep? = nil) {
        text = filter.timeDescription
        parameters = filter.timeParameters
        if let every { parameters.append((key: "every", value: .string(every.rawValue))) }
    }

    /// The table's first line: "Network at 2011 (undated nodes and ties kept)".
    public var header: String? { text.map { "Network " + $0 } }

    /// `title` with the time filter in words: "Title, at 2011".
    public func title(_ title: String) -> String {
        guard let text else { return title }
        let short = text.components(separatedBy: " (").first ?? text
        return "\(title), \(short)"
    }

    /// A rendered report with the time filter recorded: JSON gains the members in its `parameters`
    /// (added first when the report has none), a table gains ``header`` as its first line, CSV is
    /// left as it is.
    /// - Complexity: O(n) in the length of the report.
    public func record(_ rendered: String, format: ReportFormat) -> String {
        guard text != nil || !parameters.isEmpty else { return rendered }
        switch format {
        case .csv: return rendered
        case .table: return header.map { $0 + "\n" + rendered } ?? rendered
        case .json:
            guard let root = try? JSONParser.parse(rendered), case var .object(members) = root.value else { return rendered }
            let added = parameters.map { (key: $0.key, value: JSONNode($0.value)) }
            if let i = members.firstIndex(where: { $0.key == "parameters" }), case var .object(inner) = members[i].value.value {
                inner.removeAll { member in added.contains { $0.key == member.key } }
                inner.append(contentsOf: added)
                members[i].value = JSONNode(.object(inner))
            } else {
                members.insert((key: "parameters", value: JSONNode(.object(added))), at: 0)
            }
            return JSONWriter.document(.object(members))
        }
    }
}
