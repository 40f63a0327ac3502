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
/// - **nodes.csv**: `id, label, kind, track, start, end, description, designations, sources`, then one
///   column per attribute. Only `id` is required; a missing label is the id; a missing kind is
///   `participant`; `year` may stand for `start` and `end` together.
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
            warnings.append("CSV sheets have no place for the network's name \(FieldText.quoted(network.name)); it is read back from the edges file's name (\(network.name)-edges.csv)")
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
                let plainIsSafe = slot.type == .string && !FieldText.trimmed(slot.name).isEmpty
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
        var nodesText = RFC4180.record(nodeColumns + attributeHeaders(nodeSlots, reserved: nodeColumns + ["year"]))
        for node in network.nodes {
            let owner = "node \(FieldText.quoted(node.id))"
            let designations = FieldText.designations(node.designations, owner: owner)
            warnings += designations.warnings
            let cells: [String?] = [
                clean(node.id, owner + " id"), clean(node.label, owner + " label"), node.kind.rawValue, node.track?.rawValue,
                node.years.start.map(String.init), node.years.end.map(String.init),
                node.description.map { clean($0, owner + " description") },
                node.designations.isEmpty ? nil : clean(designations.text, owner + " designations"),
                node.sources.isEmpty ? nil : clean(FieldText.list(node.sources), owner + " sources"),
            ]
            nodesText += RFC4180.record(cells + attributeCells(node.attributes, nodeSlots, owner))
        }

        let edgeSlots = AttributeSlot.all(network.edges.map(\.attributes))
        var edgesText = RFC4180.record(edgeColumns + attributeHeaders(edgeSlots, reserved: edgeColumns))
        for (i, edge) in network.edges.enumerated() {
            let owner = "edge \(i) (\(FieldText.quoted(edge.source)) → \(FieldText.quoted(edge.target)))"
            let single = edge.years.start != nil && edge.years.start == edge.years.end
            let cells: [String?] = [
                clean(edge.source, owner + " source"), clean(edge.target, owner + " target"),
                edge.key.map { clean($0, owner + " key") }, edge.relation.rawValue, edge.support?.rawValue,
                edge.weight.description,
                single ? edge.years.start.map(String.init) : nil,
                single ? nil : edge.years.start.map(String.init), single ? nil : edge.years.end.map(String.init),
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

/// One parsed sheet: its header and rows, every row as wide as the header.
private struct Table {
    let input: InputBytes
    let header: [CSVField]
    let rows: [CSVRecord]

    init(_ sheet: CSVSheets.Sheet, delimiter: CSVMapping.Delimiter) throws(FormatError) {
        input = try InputBytes(sheet.bytes, file: sheet.file)
        var records = try RFC4180.records(input, delimiter: delimiter.byte)
        guard !records.isEmpty else {
            throw .malformed(file: sheet.file, line: 1, column: 1, message: "the file is empty: expected a header row")
        }
        // The tokenizer has skipped blank rows (",,,,") and checked every row is as wide as the header.
        header = records.removeFirst().fields
        rows = records
    }

    var file: String { input.file }

    func name(_ column: Int) -> String { header[column].text }

    /// The cell's value: nil when the column is not there or the cell is absent (unquoted empty).
    func value(_ row: Int, _ column: Int?) -> String? {
        guard let column else { return nil }
        return rows[row].fields[column].value
    }

    /// The cell's value when it holds more than white space.
    func word(_ row: Int, _ column: Int?) -> String? {
        guard let v = value(row, column), !FieldText.trimmed(v).isEmpty else { return nil }
        return v
    }

    func place(_ row: Int, _ column: Int?) -> (file: String, line: Int, column: Int) {
        let offset = column.map { rows[row].fields[$0].offset } ?? rows[row].offset
        let (line, col) = input.position(offset)
        return (file, line, col)
    }

    func error(_ row: Int, _ column: Int, _ message: String) -> FormatError {
        input.error(at: rows[row].fields[column].offset, "column \(FieldText.quoted(name(column))): \(message)")
    }

    func headerError(_ column: Int?, _ message: String) -> FormatError {
        input.error(at: column.map { header[$0].offset } ?? input.start, message)
    }
}

/// Which column plays which role in a table, and which hold attributes.
private struct Columns {
    var roles: [String: Int] = [:]
    var attributes: [(column: Int, slot: AttributeSlot)] = []

    /// - Parameters:
    ///   - roles: role names with the column each is read from, and whether the column must exist.
    ///   - consumed: columns to leave out of the attributes (the mapping's `ignore`).
    init(
        _ table: Table, roles wanted: [(role: String, column: String, required: Bool)], consumed: [String],
        attributeWarning: (String) -> Void
    ) throws(FormatError) {
        func normalized(_ s: String) -> String { CSVTokenizer.headerName(s) }
        var typed: [Int: AttributeSlot] = [:]
        var plain: [Int] = []
        for (i, field) in table.header.enumerated() {
            let text = field.text
            if let suffix = CSVSheets.attributeSuffixes.first(where: { text.hasSuffix($0) }) {
                let type = AttributeType.allCases.first { ":" + $0.suffix == suffix }!
                typed[i] = AttributeSlot(name: String(text.dropLast(suffix.count)), type: type)
            } else {
                plain.append(i)
            }
        }
        func find(_ name: String) throws(FormatError) -> Int? {
            let matches = plain.filter { normalized(table.name($0)) == normalized(name) }
            if matches.count > 1 {
                throw table.headerError(matches[1], "column \(FieldText.quoted(name)) appears twice (columns \(matches[0] + 1) and \(matches[1] + 1))")
            }
            return matches.first
        }
        var used = Set<Int>()
        for (role, column, required) in wanted {
            if let i = try find(column) {
                roles[role] = i
                used.insert(i)
            } else if required {
                let found = table.header.map { FieldText.quoted($0.text) }.joined(separator: ", ")
                let purpose = role.lowercased() == normalized(column) ? ""
                    : " (named in the mapping as \(role.replacingOccurrences(of: #"\.attribute\.\d+$"#, with: ".attributes", options: .regularExpression)))"
                throw table.headerError(nil, "no \(FieldText.quoted(column)) column\(purpose); the header has: \(found)")
            }
        }
        for column in consumed {
            if let i = try find(column) { used.insert(i) }
        }
        var seen: [AttributeSlot: Int] = [:]
        for i in table.header.indices where !used.contains(i) {
            let slot: AttributeSlot
            if let t = typed[i] {
                slot = t
            } else {
                if FieldText.trimmed(table.name(i)).isEmpty {
                    if table.rows.indices.contains(where: { table.value($0, i) != nil }) {
                        attributeWarning("\(table.file): column \(i + 1) has no name; its values are left out")
                    }
                    continue
                }
                slot = AttributeSlot(name: table.name(i), type: .string)
            }
            if let first = seen[slot] {
                throw table.headerError(i, "attribute column \(FieldText.quoted(table.name(i))) repeats column \(first + 1)")
            }
            seen[slot] = i
            attributes.append((i, slot))
        }
    }

    subscript(_ role: String) -> Int? { roles[role] }
}

/// Reads the sheets into a network, collecting warnings and where each item came from.
private struct SheetReader {
    let mapping: CSVMapping
    var warnings: [String] = []

    init(mapping: CSVMapping) {
        self.mapping = mapping
    }

    /// Where a node or edge came from: a row of a table, and its role columns.
    struct Origin {
        var table: Int  // 0 nodes, 1 edges, 2 sources
        var row: Int
        var fieldColumn: [String: Int]
    }

    mutating func read(nodes: CSVSheets.Sheet?, edges: CSVSheets.Sheet, sources: CSVSheets.Sheet?) throws(FormatError) -> (network: Network, warnings: [String]) {
        let defaults = CSVMapping()
        var tables: [Table?] = [nil, nil, nil]
        var network = Network(name: CSVSheets.networkName(fromEdgesFile: edges.file))
        var nodeOrigins: [Origin] = []
        var edgeOrigins: [Origin] = []
        var sourceOrigins: [Origin] = []
        var index: [ExactID: Int] = [:]

        // Nodes sheet.
        if let nodes {
            let table = try Table(nodes, delimiter: mapping.delimiter)
            tables[0] = table
            let wanted: [(String, String, Bool)] = [
                ("id", mapping.nodeID, true), ("label", mapping.nodeLabel, mapping.nodeLabel != defaults.nodeLabel),
                ("kind", mapping.nodeKind, mapping.nodeKind != defaults.nodeKind), ("track", "track", false),
                ("start", "start", false), ("end", "end", false), ("year", "year", false),
                ("description", "description", false), ("designations", "designations", false), ("sources", "sources", false),
            ]
            let columns = try Columns(table, roles: wanted, consumed: [], attributeWarning: { warnings.append($0) })
            var withoutKind = 0
            for row in table.rows.indices {
                let id = table.value(row, columns["id"]) ?? ""
                var kind = NodeKind.participant
                if let text = table.word(row, columns["kind"]) {
                    guard let k = mapping.kind(for: text) else {
                        throw table.error(row, columns["kind"]!, FieldText.unknown("kind", text, NodeKind.self))
                    }
                    kind = k
                } else {
                    withoutKind += 1
                }
                var track: Track?
                if let text = table.word(row, columns["track"]) {
                    guard let t = FieldText.vocabulary(text, Track.self) else {
                        throw table.error(row, columns["track"]!, FieldText.unknown("track", text, Track.self))
                    }
                    track = t
                }
                let years = try self.years(table, row, columns)
                let designations: [Designation]
                if let text = table.value(row, columns["designations"]) {
                    do {
                        designations = try FieldText.parseDesignations(text)
                    } catch {
                        throw table.error(row, columns["designations"]!, error.message)
                    }
                } else {
                    designations = []
                }
                let node = Node(
                    id: id, label: table.value(row, columns["label"]), kind: kind, track: track, years: years,
                    description: table.value(row, columns["description"]),
                    attributes: try attributes(table, row, columns), designations: designations,
                    sources: try list(table, row, columns["sources"]))
                if index[ExactID(id)] == nil { index[ExactID(id)] = network.nodes.count }
                network.nodes.append(node)
                nodeOrigins.append(Origin(table: 0, row: row, fieldColumn: columns.roles))
            }
            if withoutKind > 0 {
                warnings.append(columns["kind"] == nil
                    ? "\(table.file): no kind column; every node is a participant"
                    : "\(table.file): \(withoutKind) node\(withoutKind == 1 ? " has" : "s have") no kind; read as participant")
            }
        }

        // Edges sheet.
        let table = try Table(edges, delimiter: mapping.delimiter)
        tables[1] = table
        func optional(_ role: String, _ column: String, _ defaultColumn: String) -> (String, String, Bool) {
            (role, column, column != defaultColumn)
        }
        var wanted: [(String, String, Bool)] = [
            ("source", mapping.source.column, true), ("target", mapping.target.column, true),
            optional("key", mapping.key, defaults.key), optional("relation", mapping.relation, defaults.relation),
            optional("support", mapping.support, defaults.support), optional("weight", mapping.weight, defaults.weight),
            optional("year", mapping.year, defaults.year), optional("start", mapping.start, defaults.start),
            optional("end", mapping.end, defaults.end), optional("description", mapping.description, defaults.description),
            optional("sources", mapping.sources, defaults.sources),
        ]
        if let c = mapping.source.label { wanted.append(("source.label", c, true)) }
        if let c = mapping.target.label { wanted.append(("target.label", c, true)) }
        if let c = mapping.source.kindColumn { wanted.append(("source.kind", c, true)) }
        if let c = mapping.target.kindColumn { wanted.append(("target.kind", c, true)) }
        for (k, c) in mapping.source.attributes.enumerated() { wanted.append(("source.attribute.\(k)", c, true)) }
        for (k, c) in mapping.target.attributes.enumerated() { wanted.append(("target.attribute.\(k)", c, true)) }
        let columns = try Columns(table, roles: wanted, consumed: mapping.ignore, attributeWarning: { warnings.append($0) })

        let hadNodeSheet = nodes != nil
        var made: [String] = []
        var conflictingKinds: [String] = []
        var conflicting = Set<ExactID>()
        var unmappedKinds: [String] = []
        var withoutRelation = 0
        var withoutEnds: [String] = []
        for row in table.rows.indices {
            guard table.value(row, columns["source"]).map({ !$0.isEmpty }) == true,
                  table.value(row, columns["target"]).map({ !$0.isEmpty }) == true
            else {
                withoutEnds.append(String(table.place(row, nil).line))
                continue
            }
            // The endpoints, making nodes that no sheet lists.
            var ends: [String] = []
            for (side, end) in [("source", mapping.source), ("target", mapping.target)] {
                let id = table.value(row, columns[side]) ?? ""
                ends.append(id)
                var kind = end.kind
                if let text = table.word(row, columns[side + ".kind"]) {
                    if let k = mapping.kind(for: text) {
                        kind = k
                    } else if !unmappedKinds.contains(text) {
                        unmappedKinds.append(text)
                    }
                }
                if let existing = index[ExactID(id)] {
                    if nodeOrigins[existing].table == 1, network.nodes[existing].kind != kind {
                        if conflicting.insert(ExactID(id)).inserted { conflictingKinds.append(id) }
                    }
                    if nodeOrigins[existing].table == 1, network.nodes[existing].label == id,
                       let label = table.word(row, columns[side + ".label"]) {
                        network.nodes[existing].label = label
                    }
                    continue
                }
                var attributes: [String: AttributeValue] = [:]
                for k in end.attributes.indices {
                    if let column = columns["\(side).attribute.\(k)"], let value = table.value(row, column) {
                        attributes[table.name(column)] = .string(value)
                    }
                }
                index[ExactID(id)] = network.nodes.count
                network.nodes.append(Node(
                    id: id, label: table.word(row, columns[side + ".label"]), kind: kind, track: end.track,
                    attributes: attributes))
                nodeOrigins.append(Origin(table: 1, row: row, fieldColumn: ["id": columns[side]!]))
                made.append(id)
            }

            var relation = mapping.defaultRelation
            if let text = table.word(row, columns["relation"]) {
                guard let r = mapping.relation(for: text) else {
                    var message = FieldText.unknown("relation", text, Relation.self)
                    if columns["relation"] != nil, mapping.relation != defaults.relation || !mapping.relationValues.isEmpty {
                        message += ", or a value given by relation.value.<text> in the mapping"
                    }
                    throw table.error(row, columns["relation"]!, message)
                }
                relation = r
            } else {
                withoutRelation += 1
            }
            var support: SupportType?
            if let text = table.word(row, columns["support"]) {
                guard let s = FieldText.vocabulary(text, SupportType.self) else {
                    throw table.error(row, columns["support"]!, FieldText.unknown("support type", text, SupportType.self))
                }
                support = s
            } else if relation == .provides {
                support = mapping.defaultSupport
            }
            var weight = 1.0
            if let text = table.word(row, columns["weight"]) {
                guard let w = FieldText.double(text) else {
                    throw table.error(row, columns["weight"]!, "weight \(FieldText.quoted(text)) is not a number")
                }
                weight = w
            }
            network.edges.append(Edge(
                ends[0], relation, ends[1], key: table.value(row, columns["key"]), support: support, weight: weight,
                years: try years(table, row, columns), description: table.value(row, columns["description"]),
                attributes: try attributes(table, row, columns), sources: try list(table, row, columns["sources"])))
            edgeOrigins.append(Origin(table: 1, row: row, fieldColumn: columns.roles))
        }
        if withoutRelation > 0 {
            warnings.append(columns["relation"] == nil
                ? "\(table.file): no \(FieldText.quoted(mapping.relation)) column; every edge is \(mapping.defaultRelation.rawValue)"
                : "\(table.file): \(withoutRelation) edge\(withoutRelation == 1 ? " has" : "s have") no relation; read as \(mapping.defaultRelation.rawValue)")
        }
        if !withoutEnds.isEmpty {
            warnings.append("\(table.file): \(withoutEnds.count) row\(withoutEnds.count == 1 ? " has" : "s have") an empty source or target and \(withoutEnds.count == 1 ? "was" : "were") left out (line\(withoutEnds.count == 1 ? "" : "s") \(withoutEnds.prefix(5).joined(separator: ", "))\(withoutEnds.count > 5 ? ", …" : ""))")
        }
        if hadNodeSheet, !made.isEmpty {
            warnings.append("\(table.file): \(made.count) edge endpoint\(made.count == 1 ? " is" : "s are") not in \(nodes!.file); made as nodes: \(Self.some(made))")
        }
        if !conflictingKinds.isEmpty {
            warnings.append("\(table.file): \(conflictingKinds.count) node\(conflictingKinds.count == 1 ? "" : "s") appear with different kinds; the first was kept: \(Self.some(conflictingKinds.sorted()))")
        }
        if !unmappedKinds.isEmpty {
            warnings.append("\(table.file): kind-column values that name no kind and have no kind.value.<text> mapping, read with the side's default kind: \(Self.some(unmappedKinds))")
        }

        // Sources sheet, or made-up sources for the ids cited.
        if let sources {
            let table = try Table(sources, delimiter: mapping.delimiter)
            tables[2] = table
            let columns = try Columns(
                table, roles: [("id", "id", true), ("citation", "citation", true), ("url", "url", false)], consumed: [],
                attributeWarning: { warnings.append($0) })
            if !columns.attributes.isEmpty {
                warnings.append("\(table.file): columns other than id, citation and url are left out: \(Self.some(columns.attributes.map { table.name($0.column) }))")
            }
            for row in table.rows.indices {
                network.sources.append(Source(
                    id: table.value(row, columns["id"]) ?? "", citation: table.value(row, columns["citation"]) ?? "",
                    url: table.value(row, columns["url"])))
                sourceOrigins.append(Origin(table: 2, row: row, fieldColumn: columns.roles))
            }
        } else {
            var cited: [String] = []
            var seen = Set<ExactID>()
            let ids = network.nodes.flatMap { $0.sources + $0.designations.flatMap(\.sources) } + network.edges.flatMap(\.sources)
            for id in ids where seen.insert(ExactID(id)).inserted { cited.append(id) }
            if !cited.isEmpty {
                network.sources = cited.map { Source(id: $0, citation: $0) }
                warnings.append("no sources sheet: \(cited.count) cited source id\(cited.count == 1 ? " is" : "s are") listed with the id as citation")
            }
        }

        let origins = [nodeOrigins, edgeOrigins, sourceOrigins]
        try ValidationLocation.check(network, file: edges.file) { target in
            let list: [Origin]
            switch target.collection {
            case .nodes: list = origins[0]
            case .edges: list = origins[1]
            case .sources: list = origins[2]
            case .graph: return nil
            }
            guard list.indices.contains(target.index) else { return nil }
            let origin = list[target.index]
            guard let table = tables[origin.table] else { return nil }
            var field = target.field ?? (target.collection == .edges ? "relation" : "id")
            if field == "year", origin.fieldColumn["year"] == nil { field = "start" }
            if field == "start" || field == "end", origin.fieldColumn[field] == nil { field = "year" }
            return table.place(origin.row, origin.fieldColumn[field] ?? origin.fieldColumn["id"])
        }
        return (network, warnings)
    }

    /// Up to five items, quoted, then how many more.
    static func some(_ items: [String]) -> String {
        let shown = items.prefix(5).map { FieldText.quoted($0) }.joined(separator: ", ")
        return items.count > 5 ? shown + " and \(items.count - 5) more" : shown
    }

    private func years(_ table: Table, _ row: Int, _ columns: Columns) throws(FormatError) -> YearSpan {
        func year(_ role: String) throws(FormatError) -> Int? {
            guard let text = table.word(row, columns[role]) else { return nil }
            guard let y = FieldText.year(text) else {
                throw table.error(row, columns[role]!, "\(FieldText.quoted(text)) is not a year such as 1993")
            }
            return y
        }
        let start = try year("start"), end = try year("end")
        if let single = try year("year") {
            if start != nil || end != nil {
                throw table.error(row, columns["year"]!, "give either a year or a start and end, not both")
            }
            return .year(single)
        }
        return YearSpan(start: start, end: end)
    }

    private func list(_ table: Table, _ row: Int, _ column: Int?) throws(FormatError) -> [String] {
        guard let text = table.value(row, column) else { return [] }
        do {
            return try FieldText.parseList(text)
        } catch {
            throw table.error(row, column!, error.message)
        }
    }

    private func attributes(_ table: Table, _ row: Int, _ columns: Columns) throws(FormatError) -> [String: AttributeValue] {
        var result: [String: AttributeValue] = [:]
        for (column, slot) in columns.attributes {
            guard let text = table.value(row, column) else { continue }
            if slot.type != .string, FieldText.trimmed(text).isEmpty { continue }
            guard let value = slot.type.value(text) else {
                throw table.error(row, column, "\(FieldText.quoted(text)) is not \(slot.type.noun)")
            }
            if result[slot.name] != nil {
                throw table.error(row, column, "attribute \(FieldText.quoted(slot.name)) already has a value in this row")
            }
            result[slot.name] = value
        }
        return result
    }
}
