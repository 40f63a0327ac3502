import BackchannelModel
import Foundation

/// How to read someone else's CSV tables: which column holds what, and what to assume when a table
/// says nothing (the kind of each side of an edge, the relation).
///
/// With a mapping, an edges table alone is enough: nodes are made from the edge endpoints, with the
/// kind, track, label and attributes the mapping gives each side. Column names are matched ignoring
/// case and surrounding spaces. Every column the mapping does not use becomes a string attribute of
/// the edge, unless listed in ``ignore``.
///
/// Defaults, when the table and mapping say nothing: kind `participant`, relation `partners_with`,
/// weight 1, no track, no years, and the canonical column names of ``CSVSheets``.
///
/// ## The mapping file
/// A text file of `key = value` lines; blank lines and lines starting with `#` are ignored; the key
/// is everything before the first `=`, so column names may hold spaces but not `=`. For PA-X's
/// signatories table (agreement × actor):
/// ```
/// # actor → agreement, one row per signature
/// source = to_node_id
/// source.label = to_node_name
/// source.kind.column = to_node_type
/// source.attributes = abbreviation, to_node_type
/// target = from_node_id
/// target.label = from_node_name
/// target.kind = dialogue
/// relation = signatory_type
/// relation.value.party = participates_in
/// relation.value.third party = convenes
/// kind.value.Country/State = official
/// kind.value.NGO = convener
/// ignore = signatory_id, to_id, from_id
/// ```
/// | key | value |
/// |---|---|
/// | `source`, `target` | the column holding each end's node id (required in the table) |
/// | `source.label`, `target.label` | the column holding its label (first non-empty value wins) |
/// | `source.kind`, `target.kind` | its kind when nothing else says (default `participant`) |
/// | `source.kind.column`, `target.kind.column` | a column whose values give its kind, through `kind.value.*` |
/// | `source.track`, `target.track` | its track (`I`, `1.5`, `II`, `III`, `prevention`) |
/// | `source.attributes`, `target.attributes` | comma-separated columns that become node attributes of that end |
/// | `relation`, `support`, `weight`, `year`, `start`, `end`, `description`, `sources`, `key` | the column for that edge field |
/// | `relation.default` | the relation when the row has none (default `partners_with`) |
/// | `relation.value.<text>` | the relation a table value stands for |
/// | `support.default` | the support type of `provides` edges without one |
/// | `kind.value.<text>` | the kind a value of a kind column stands for |
/// | `node.id`, `node.label`, `node.kind` | the nodes sheet's id, label and kind columns |
/// | `ignore` | comma-separated columns to leave out |
/// | `delimiter` | `,` (default), `;`, `tab` or `|` |
public struct CSVMapping: Sendable, Hashable {
    /// The field separator of every sheet.
    public enum Delimiter: String, Sendable, Hashable, CaseIterable {
        case comma = ","
        case semicolon = ";"
        case tab = "\t"
        case pipe = "|"

        var byte: UInt8 { rawValue.utf8.first! }
        var character: Character { Character(rawValue) }
    }

    /// One end of the edges: where its id is and what its nodes are.
    public struct Endpoint: Sendable, Hashable {
        /// The column holding the node id.
        public var column: String
        /// The column holding the node's label.
        public var label: String?
        /// The kind of nodes made for this end, unless ``kindColumn`` says otherwise.
        public var kind: NodeKind
        /// A column whose values, through ``CSVMapping/kindValues`` or as kind names, give the kind.
        public var kindColumn: String?
        public var track: Track?
        /// Columns that become attributes of the node rather than of the edge.
        public var attributes: [String]

        public init(
            column: String, label: String? = nil, kind: NodeKind = .participant, kindColumn: String? = nil,
            track: Track? = nil, attributes: [String] = []
        ) {
            self.column = column
            self.label = label
            self.kind = kind
            self.kindColumn = kindColumn
            self.track = track
            self.attributes = attributes
        }
    }

    public var source: Endpoint
    public var target: Endpoint
    public var relation: String
    /// The relation of rows without one.
    public var defaultRelation: Relation
    /// Table values and the relations they stand for (matched ignoring case and surrounding spaces).
    public var relationValues: [String: Relation]
    public var support: String
    /// The support type of `provides` edges without one.
    public var defaultSupport: SupportType?
    public var weight: String
    public var year: String
    public var start: String
    public var end: String
    public var description: String
    public var sources: String
    public var key: String
    /// Values of kind columns and the kinds they stand for (matched ignoring case and surrounding spaces).
    public var kindValues: [String: NodeKind]
    /// Columns to leave out of the attributes.
    public var ignore: [String]
    public var delimiter: Delimiter
    /// The nodes sheet's id, label and kind columns.
    public var nodeID: String
    public var nodeLabel: String
    public var nodeKind: String

    public init(
        source: Endpoint = Endpoint(column: "source"), target: Endpoint = Endpoint(column: "target"),
        relation: String = "relation", defaultRelation: Relation = .partnersWith, relationValues: [String: Relation] = [:],
        support: String = "support", defaultSupport: SupportType? = nil, weight: String = "weight",
        year: String = "year", start: String = "start", end: String = "end", description: String = "description",
        sources: String = "sources", key: String = "key", kindValues: [String: NodeKind] = [:], ignore: [String] = [],
        delimiter: Delimiter = .comma, nodeID: String = "id", nodeLabel: String = "label", nodeKind: String = "kind"
    ) {
        self.source = source
        self.target = target
        self.relation = relation
        self.defaultRelation = defaultRelation
        self.relationValues = relationValues
        self.support = support
        self.defaultSupport = defaultSupport
        self.weight = weight
        self.year = year
        self.start = start
        self.end = end
        self.description = description
        self.sources = sources
        self.key = key
        self.kindValues = kindValues
        self.ignore = ignore
        self.delimiter = delimiter
        self.nodeID = nodeID
        self.nodeLabel = nodeLabel
        self.nodeKind = nodeKind
    }

    /// The keys a mapping file may use (besides `relation.value.*` and `kind.value.*`).
    static let keys = [
        "source", "source.label", "source.kind", "source.kind.column", "source.track", "source.attributes",
        "target", "target.label", "target.kind", "target.kind.column", "target.track", "target.attributes",
        "relation", "relation.default", "support", "support.default", "weight", "year", "start", "end",
        "description", "sources", "key", "ignore", "delimiter", "node.id", "node.label", "node.kind",
    ]

    /// Reads the mapping file at `url`.
    ///
    /// - Throws: ``FormatError/unreadable(file:reason:)`` with the reason in words when the file
    ///   cannot be read (missing, a directory, no permission), or
    ///   ``FormatError/malformed(file:line:column:message:)`` for text that is not UTF-8 and for
    ///   everything ``parse(_:file:)`` refuses.
    /// - Complexity: O(n) for n bytes.
    public static func read(contentsOf url: URL) throws(FormatError) -> CSVMapping {
        let input = try InputBytes(try InputFile.bytes(url), file: url.path)
        return try parse(input.text(input.start..<input.bytes.count), file: url.path)
    }

    /// Reads a mapping file (see the type's documentation for the format).
    ///
    /// - Parameter file: the name used in error messages.
    /// - Throws: ``FormatError/malformed(file:line:column:message:)`` naming the line of an unknown
    ///   key, a repeated key, a line without `=`, or a value that is not a kind, track, relation,
    ///   support type or delimiter.
    /// - Complexity: O(n) for n characters.
    public static func parse(_ text: String, file: String) throws(FormatError) -> CSVMapping {
        var mapping = CSVMapping()
        var seen: [String: Int] = [:]
        var lineNumber = 0
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        for rawLine in lines {
            lineNumber += 1
            let line = FieldText.trimmed(rawLine)
            if line.isEmpty || line.hasPrefix("#") { continue }
            func fail(_ message: String) -> FormatError {
                .malformed(file: file, line: lineNumber, column: 1, message: message)
            }
            guard let eq = line.firstIndex(of: "=") else {
                throw fail("expected key = value, found \(FieldText.quoted(line))")
            }
            let key = FieldText.trimmed(String(line[..<eq]))
            let value = FieldText.trimmed(String(line[line.index(after: eq)...]))
            let lowerKey = key.lowercased()
            if let previous = seen[lowerKey] {
                throw fail("\(FieldText.quoted(key)) is already given on line \(previous)")
            }
            seen[lowerKey] = lineNumber
            func vocabulary<E: RawRepresentable & CaseIterable>(_ what: String, _ type: E.Type) throws(FormatError) -> E
            where E.RawValue == String {
                guard let v = FieldText.vocabulary(value, type) else { throw fail(FieldText.unknown(what, value, type)) }
                return v
            }
            func columns() -> [String] {
                value.split(separator: ",").map { FieldText.trimmed(String($0)) }.filter { !$0.isEmpty }
            }
            if lowerKey.hasPrefix("relation.value.") {
                let text = String(key.dropFirst("relation.value.".count))
                mapping.relationValues[text] = try vocabulary("relation", Relation.self)
                continue
            }
            if lowerKey.hasPrefix("kind.value.") {
                let text = String(key.dropFirst("kind.value.".count))
                mapping.kindValues[text] = try vocabulary("kind", NodeKind.self)
                continue
            }
            if value.isEmpty, !["ignore", "source.attributes", "target.attributes"].contains(lowerKey) {
                throw fail("\(FieldText.quoted(key)) has no value")
            }
            switch lowerKey {
            case "source": mapping.source.column = value
            case "target": mapping.target.column = value
            case "source.label": mapping.source.label = value
            case "target.label": mapping.target.label = value
            case "source.kind": mapping.source.kind = try vocabulary("kind", NodeKind.self)
            case "target.kind": mapping.target.kind = try vocabulary("kind", NodeKind.self)
            case "source.kind.column": mapping.source.kindColumn = value
            case "target.kind.column": mapping.target.kindColumn = value
            case "source.track": mapping.source.track = try vocabulary("track", Track.self)
            case "target.track": mapping.target.track = try vocabulary("track", Track.self)
            case "source.attributes": mapping.source.attributes = columns()
            case "target.attributes": mapping.target.attributes = columns()
            case "relation": mapping.relation = value
            case "relation.default": mapping.defaultRelation = try vocabulary("relation", Relation.self)
            case "support": mapping.support = value
            case "support.default": mapping.defaultSupport = try vocabulary("support type", SupportType.self)
            case "weight": mapping.weight = value
            case "year": mapping.year = value
            case "start": mapping.start = value
            case "end": mapping.end = value
            case "description": mapping.description = value
            case "sources": mapping.sources = value
            case "key": mapping.key = value
            case "ignore": mapping.ignore = columns()
            case "node.id": mapping.nodeID = value
            case "node.label": mapping.nodeLabel = value
            case "node.kind": mapping.nodeKind = value
            case "delimiter":
                switch value.lowercased() {
                case ",", "comma": mapping.delimiter = .comma
                case ";", "semicolon": mapping.delimiter = .semicolon
                case "tab", "\\t", "\t": mapping.delimiter = .tab
                case "|", "pipe": mapping.delimiter = .pipe
                default: throw fail("unknown delimiter \(FieldText.quoted(value)); expected one of: , ; tab |")
                }
            default:
                throw fail(
                    "unknown key \(FieldText.quoted(key))" + FieldText.suggestion(for: key, among: keys)
                        + "; expected one of: \(keys.joined(separator: ", ")), relation.value.<text>, kind.value.<text>")
            }
        }
        return mapping
    }

    /// The relation a table value stands for: through ``relationValues``, else the relation's name.
    func relation(for text: String) -> Relation? {
        let word = FieldText.normalizedWord(text)
        for k in relationValues.keys.sorted() where FieldText.normalizedWord(k) == word { return relationValues[k] }
        return FieldText.vocabulary(text, Relation.self)
    }

    /// The kind a kind-column value stands for: through ``kindValues``, else the kind's name.
    func kind(for text: String) -> NodeKind? {
        let word = FieldText.normalizedWord(text)
        for k in kindValues.keys.sorted() where FieldText.normalizedWord(k) == word { return kindValues[k] }
        return FieldText.vocabulary(text, NodeKind.self)
    }
}
