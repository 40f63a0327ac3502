import BackchannelModel
import Foundation

/// Networks as spreadsheet tables: a nodes sheet, an edges sheet and a sources sheet, the way
/// analysts keep actor maps in spreadsheets, Kumu and Gephi's data laboratory.
///
/// ## The sheets
/// RFC 4180 CSV in UTF-8 (a byte order mark is accepted, not written), one header row, CRLF line
/// ends when written (LF or CR also read). Header names are matched ignoring case and surrounding
/// spaces, so Gephi's `Id`, `Label`, `Source`, `Target` and `Weight` work as they are.
///
/// - **nodes.csv**: `id, label, kind, track, start, end, description, designations, sources`, then
///   `confidential` (`true` or empty; written only when some node is), then one column per
///   attribute. Only `id` is required; a missing label is the id; a missing kind is `participant`;
///   `year` may stand for `start` and `end` together.
/// - **edges.csv**: `source, target, key, relation, support, weight, year, start, end, description,
///   sources`, then one column per attribute. Only `source` and `target` are required; a missing
///   relation is `partners_with`, a missing weight 1. `year` is a single year, `start`/`end` a span.
/// - **sources.csv**: `id, citation, url`: the network's citations, which cannot live in the other
///   two sheets. When it is not given, each cited source id is listed with the id as its citation
///   (and a warning says so).
///
/// ## Encodings
/// - **Absent and empty.** An empty cell is an absent value; a quoted empty cell (`""`) is an empty
///   string (PostgreSQL's `COPY … CSV` convention). So a description or string attribute can be
///   empty text and still differ from none. For kinds, tracks, relations, support, weights and years
///   both read as absent.
/// - **Attributes.** A plain extra column holds strings. A column named `name:int`, `name:double`,
///   `name:bool` or `name:string` holds values of that type; the writer uses a suffix for every
///   non-string attribute and for string attributes whose names would otherwise be read as something
///   else (`kind:string`, `a:int:string`, an empty name). One attribute with values of two types gets
///   two columns. Reading never guesses types from values: untyped columns are strings.
/// - **Lists.** `sources` holds ids separated by `;`; `designations` holds `list|by|since|until|sources`
///   entries separated by `;`, their sources separated by `,` (see ``FieldText``); a backslash
///   escapes `\`, `;`, `|` and `,`.
///
/// ## What the sheets cannot hold
/// The network's title and description (a warning names them), and its name, which is read back
/// from the edges file's name: `track2-history-edges.csv` gives `track2-history`, `edges.csv` the
/// default `network`. An empty designation `by` reads back as none, and NUL characters become U+FFFD;
/// warnings say so. Everything else — ids, labels, kinds, tracks, years, descriptions, designations,
/// attributes with their types, relations, support, weights, keys, sources and citations — reads back
/// exactly.
///
/// - Reference: RFC 4180, https://www.rfc-editor.org/rfc/rfc4180
public enum CSVSheets {
    /// The bytes of one sheet and the name to use in messages.
    public struct Sheet: Sendable, Hashable {
        public var bytes: [UInt8]
        public var file: String

        public init(bytes: [UInt8], file: String) {
            self.bytes = bytes
            self.file = file
        }

        /// Reads the file at `url`.
        public init(contentsOf url: URL) throws(FormatError) {
            bytes = try InputFile.bytes(url)
            file = url.path
        }
    }

    static let nodeColumns = ["id", "label", "kind", "track", "start", "end", "description", "designations", "sources"]
    static let edgeColumns = ["source", "target", "key", "relation", "support", "weight", "year", "start", "end", "description", "sources"]
    static let attributeSuffixes = AttributeType.allCases.map { ":" + $0.suffix }

    // MARK: Reading

    /// Reads a network from CSV files: an optional nodes sheet, an edges sheet and an optional
    /// sources sheet, through an optional ``CSVMapping`` for other people's tables.
    ///
    /// Without a nodes sheet, nodes are made from the edge endpoints with the mapping's kinds
    /// (default `participant`); with one, endpoints missing from it are made the same way, with a
    /// warning. The network is validated like canonical JSON.
    ///
    /// - Returns: the network and warnings: defaults that were applied, columns that were ignored,
    ///   nodes and sources that had to be made up.
    /// - Throws: ``FormatError/unreadable(file:reason:)`` when a file cannot be read, or
    ///   ``FormatError/malformed(file:line:column:message:)`` naming the file, line, column and
    ///   offending value: invalid UTF-8, unbalanced quotes, rows with too many or too few fields,
    ///   missing required columns, unknown kinds, tracks, relations or support types (with the
    ///   allowed values), values that are not numbers or years, and validation problems.
    /// - Complexity: O(n) in the size of the files (plus validation, O(nodes + edges)).
    public static func read(
        nodes: URL?, edges: URL, sources: URL?, mapping: CSVMapping?
    ) throws(FormatError) -> (network: Network, warnings: [String]) {
        let nodeSheet = if let nodes { try Sheet(contentsOf: nodes) } else { Sheet?.none }
        let edgeSheet = try Sheet(contentsOf: edges)
        let sourceSheet = if let sources { try Sheet(contentsOf: sources) } else { Sheet?.none }
        return try read(nodes: nodeSheet, edges: edgeSheet, sources: sourceSheet, mapping: mapping)
    }

    /// Reads a network from sheets already in memory (for standard input, or bytes from elsewhere);
    /// otherwise the same as reading from files.
    public static func read(
        nodes: Sheet?, edges: Sheet, sources: Sheet?, mapping: CSVMapping?
    ) throws(FormatError) -> (network: Network, warnings: [String]) {
        var reader = SheetReader(mapping: mapping ?? CSVMapping())
        return try reader.read(nodes: nodes, edges: edges, sources: sources)
    }

    // MARK: Writing

    /// Writes a network as three sheets: nodes, edges and sources.
    ///
    /// Reading the three back gives the same network, apart from what the type's documentation
    /// lists (each case gets a warning).
    /// Columns: the fixed ones in a fixed order, then attribute columns sorted by name and type.
    ///
    /// - Returns: the three sheets' text and warnings for anything they cannot hold.
    /// - Complexity: O(n + m + a) for n nodes, m edges and a attribute values.
    public static func write(_ network: Network) -> (nodes: String, edges: String, sources: String, warnings: [String]) {
        var warnings: [String] = []
        if network.name != Network().name {
            warnings.append(
                "CSV sheets have no place for the network's name \(FieldText.quoted(network.name)); it is read back from the edges file's name (\(network.name)-edges.csv)"
            )
        }
        if let title = network.title {
            warnings.append("CSV sheets have no place for the network's title \(FieldText.quoted(title)); it is not written")
        }
        if network.description != nil {
            warnings.append("CSV sheets have no place for the network's description; it is not written")
        }
        func clean(_ s: String, _ what: @autoclosure () -> String) -> String {
            guard s.unicodeScalars.contains("\u{0}") else { return s }
            warnings.append("\(what()): NUL characters cannot be held in CSV; written as U+FFFD")
            return String(String.UnicodeScalarView(s.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }))
        }
        func attributeHeaders(_ slots: [AttributeSlot], reserved: [String]) -> [String] {
            slots.map { slot in
                let plainIsSafe =
                    slot.type == .string && !FieldText.trimmed(slot.name).isEmpty
                    && !reserved.contains(CSVTokenizer.headerName(slot.name))
                    && !attributeSuffixes.contains { slot.name.hasSuffix($0) }
                return clean(plainIsSafe ? slot.name : slot.name + ":" + slot.type.suffix, "attribute name \(FieldText.quoted(slot.name))")
            }
        }
        func attributeCells(_ attributes: [String: AttributeValue], _ slots: [AttributeSlot], _ owner: String) -> [String?] {
            slots.map { slot in
                guard let value = attributes[slot.name], AttributeType(value) == slot.type else { return nil }
                return clean(value.exactText, "\(owner) attribute \(FieldText.quoted(slot.name))")
            }
        }

        let nodeSlots = AttributeSlot.all(network.nodes.map(\.attributes))
        // `confidential` is a column only when some node is, so sheets without one stay as they were.
        let anyConfidential = network.nodes.contains(where: \.confidential)
        let confidentialColumn = anyConfidential ? ["confidential"] : []
        var nodesText = RFC4180.record(
            nodeColumns + confidentialColumn + attributeHeaders(nodeSlots, reserved: nodeColumns + ["year", "confidential"]))
        for node in network.nodes {
            let owner = "node \(FieldText.quoted(node.id))"
            let designations = FieldText.designations(node.designations, owner: owner)
            warnings += designations.warnings
            let cells: [String?] = [
                clean(node.id, owner + " id"), clean(node.label, owner + " label"), node.kind.rawValue, node.track?.rawValue,
                node.years.start?.text, node.years.end?.text,
                node.description.map { clean($0, owner + " description") },
                node.designations.isEmpty ? nil : clean(designations.text, owner + " designations"),
                node.sources.isEmpty ? nil : clean(FieldText.list(node.sources), owner + " sources"),
            ]
            let flag: [String?] = anyConfidential ? [node.confidential ? "true" : nil] : []
            nodesText += RFC4180.record(cells + flag + attributeCells(node.attributes, nodeSlots, owner))
        }

        let edgeSlots = AttributeSlot.all(network.edges.map(\.attributes))
        var edgesText = RFC4180.record(edgeColumns + attributeHeaders(edgeSlots, reserved: edgeColumns))
        for (i, edge) in network.edges.enumerated() {
            let owner = "edge \(i) (\(FieldText.quoted(edge.source)) → \(FieldText.quoted(edge.target)))"
            let single = edge.years.start != nil && edge.years.start == edge.years.end && edge.years.isYearsOnly
            let cells: [String?] = [
                clean(edge.source, owner + " source"), clean(edge.target, owner + " target"),
                edge.key.map { clean($0, owner + " key") }, edge.relation.rawValue, edge.support?.rawValue,
                edge.weight.description,
                single ? edge.years.start?.text : nil,
                single ? nil : edge.years.start?.text, single ? nil : edge.years.end?.text,
                edge.description.map { clean($0, owner + " description") },
                edge.sources.isEmpty ? nil : clean(FieldText.list(edge.sources), owner + " sources"),
            ]
            edgesText += RFC4180.record(cells + attributeCells(edge.attributes, edgeSlots, owner))
        }

        var sourcesText = RFC4180.record(["id", "citation", "url"])
        for source in network.sources {
            let owner = "source \(FieldText.quoted(source.id))"
            sourcesText += RFC4180.record([
                clean(source.id, owner + " id"), clean(source.citation, owner + " citation"),
                source.url.map { clean($0, owner + " url") },
            ])
        }
        return (nodesText, edgesText, sourcesText, warnings)
    }

    /// The network name an edges file's name stands for: `x-edges.csv` → `x`; `edges.csv` → `network`.
    static func networkName(fromEdgesFile file: String) -> String {
        var stem = Substring(file.split(separator: "/").last ?? "")
        for ext in [".csv", ".tsv", ".txt", ".CSV", ".TSV", ".TXT"] where stem.hasSuffix(ext) {
            stem = stem.dropLast(ext.count)
            break
        }
        if stem.lowercased().hasSuffix("edges") {
            stem = stem.dropLast(5)
            while let last = stem.last, last == "-" || last == "_" || last == "." || last == " " { stem = stem.dropLast() }
        }
        return stem.isEmpty ? Network().name : String(stem)
    }
}
