import BackchannelModel
import Foundation

// Reading the sheets: each sheet as a table (header and rows), the columns that play each role,
// and the reader that turns the rows into a network. The format is described in CSVSheets.swift.

/// One parsed sheet: its header and rows, every row as wide as the header.
struct SheetTable {
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
struct SheetColumns {
    var roles: [String: Int] = [:]
    var attributes: [(column: Int, slot: AttributeSlot)] = []

    /// - Parameters:
    ///   - roles: role names with the column each is read from, and whether the column must exist.
    ///   - consumed: columns to leave out of the attributes (the mapping's `ignore`).
    init(
        _ table: SheetTable, roles wanted: [(role: String, column: String, required: Bool)], consumed: [String],
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
                throw table.headerError(
                    matches[1], "column \(FieldText.quoted(name)) appears twice (columns \(matches[0] + 1) and \(matches[1] + 1))")
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
                let purpose =
                    role.lowercased() == normalized(column)
                    ? ""
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
struct SheetReader {
    let mapping: CSVMapping
    var warnings: [String] = []

    init(mapping: CSVMapping) {
        self.mapping = mapping
    }

    /// The three sheets.
    enum SheetRole: Hashable { case nodes, edges, sources }

    /// Where a node, edge or source came from: a row of a sheet, and its role columns.
    struct Origin {
        var sheet: SheetRole
        var row: Int
        var fieldColumn: [String: Int]
    }

    let defaults = CSVMapping()
    var network = Network()
    var tables: [SheetRole: SheetTable] = [:]
    var nodeOrigins: [Origin] = []
    var edgeOrigins: [Origin] = []
    var sourceOrigins: [Origin] = []
    /// Node positions by id (exact scalars).
    var index: [ExactID: Int] = [:]
    /// Problems found while reading (a cell that cannot be read, a sheet without a required column):
    /// reported together with the network's validation problems by ``validated(edgesFile:)``.
    var problems: [Diagnostic] = []

    mutating func read(nodes: CSVSheets.Sheet?, edges: CSVSheets.Sheet, sources: CSVSheets.Sheet?) throws(FormatError) -> (
        network: Network, warnings: [String]
    ) {
        network = Network(name: CSVSheets.networkName(fromEdgesFile: edges.file))
        // Each sheet is read even when another has problems, so that every problem is reported at once.
        if let nodes {
            do { try readNodes(nodes) } catch { problems += error.diagnostics }
        }
        do { try readEdges(edges, nodeSheet: nodes) } catch { problems += error.diagnostics }
        do { try readSources(sources) } catch { problems += error.diagnostics }
        return try validated(edgesFile: edges.file)
    }

    /// The nodes sheet: one node per row.
    mutating func readNodes(_ nodes: CSVSheets.Sheet) throws(FormatError) {
        let table = try SheetTable(nodes, delimiter: mapping.delimiter)
        tables[.nodes] = table
        let wanted: [(String, String, Bool)] = [
            ("id", mapping.nodeID, true), ("label", mapping.nodeLabel, mapping.nodeLabel != defaults.nodeLabel),
            ("kind", mapping.nodeKind, mapping.nodeKind != defaults.nodeKind), ("track", "track", false),
            ("start", "start", false), ("end", "end", false), ("year", "year", false),
            ("description", "description", false), ("designations", "designations", false), ("sources", "sources", false),
            ("confidential", "confidential", false),
        ]
        let columns = try SheetColumns(table, roles: wanted, consumed: [], attributeWarning: { warnings.append($0) })
        var withoutKind = 0
        // A row's problem is kept (see `problems`) and the next row read, so every problem is reported at once.
        for row in table.rows.indices {
            do throws(FormatError) {
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
                var confidential = false
                if let text = table.word(row, columns["confidential"]) {
                    guard let flag = FieldText.bool(text) else {
                        throw table.error(row, columns["confidential"]!, "\(FieldText.quoted(text)) is not true or false")
                    }
                    confidential = flag
                }
                let node = Node(
                    id: id, label: table.value(row, columns["label"]), kind: kind, track: track, years: years,
                    description: table.value(row, columns["description"]),
                    attributes: try attributes(table, row, columns), designations: designations,
                    sources: try list(table, row, columns["sources"]), confidential: confidential)
                if index[ExactID(id)] == nil { index[ExactID(id)] = network.nodes.count }
                network.nodes.append(node)
                nodeOrigins.append(Origin(sheet: .nodes, row: row, fieldColumn: columns.roles))
            } catch { problems += error.diagnostics }
        }
        if withoutKind > 0 {
            warnings.append(
                columns["kind"] == nil
                    ? "\(table.file): no kind column; every node is a participant"
                    : "\(table.file): \(withoutKind) node\(withoutKind == 1 ? " has" : "s have") no kind; read as participant")
        }
    }

    /// The edges sheet: one edge per row, and nodes for the endpoints no nodes sheet lists.
    mutating func readEdges(_ edges: CSVSheets.Sheet, nodeSheet nodes: CSVSheets.Sheet?) throws(FormatError) {
        let table = try SheetTable(edges, delimiter: mapping.delimiter)
        tables[.edges] = table
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
        let columns = try SheetColumns(table, roles: wanted, consumed: mapping.ignore, attributeWarning: { warnings.append($0) })

        let hadNodeSheet = nodes != nil
        var made: [String] = []
        var conflictingKinds: [String] = []
        var conflicting = Set<ExactID>()
        var unmappedKinds: [String] = []
        var withoutRelation = 0
        var withoutEnds: [String] = []
        // A row's problem is kept (see `problems`) and the next row read, so every problem is reported at once.
        for row in table.rows.indices {
            do throws(FormatError) {
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
                        if nodeOrigins[existing].sheet == .edges, network.nodes[existing].kind != kind {
                            if conflicting.insert(ExactID(id)).inserted { conflictingKinds.append(id) }
                        }
                        if nodeOrigins[existing].sheet == .edges, network.nodes[existing].label == id,
                            let label = table.word(row, columns[side + ".label"])
                        {
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
                    network.nodes.append(
                        Node(
                            id: id, label: table.word(row, columns[side + ".label"]), kind: kind, track: end.track,
                            attributes: attributes))
                    nodeOrigins.append(Origin(sheet: .edges, row: row, fieldColumn: ["id": columns[side]!]))
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
                network.edges.append(
                    Edge(
                        ends[0], relation, ends[1], key: table.value(row, columns["key"]), support: support, weight: weight,
                        years: try years(table, row, columns), description: table.value(row, columns["description"]),
                        attributes: try attributes(table, row, columns), sources: try list(table, row, columns["sources"])))
                edgeOrigins.append(Origin(sheet: .edges, row: row, fieldColumn: columns.roles))
            } catch { problems += error.diagnostics }
        }
        if withoutRelation > 0 {
            warnings.append(
                columns["relation"] == nil
                    ? "\(table.file): no \(FieldText.quoted(mapping.relation)) column; every edge is \(mapping.defaultRelation.rawValue)"
                    : "\(table.file): \(withoutRelation) edge\(withoutRelation == 1 ? " has" : "s have") no relation; read as \(mapping.defaultRelation.rawValue)"
            )
        }
        if !withoutEnds.isEmpty {
            warnings.append(
                "\(table.file): \(withoutEnds.count) row\(withoutEnds.count == 1 ? " has" : "s have") an empty source or target and \(withoutEnds.count == 1 ? "was" : "were") left out (line\(withoutEnds.count == 1 ? "" : "s") \(withoutEnds.prefix(5).joined(separator: ", "))\(withoutEnds.count > 5 ? ", …" : ""))"
            )
        }
        if hadNodeSheet, !made.isEmpty {
            warnings.append(
                "\(table.file): \(made.count) edge endpoint\(made.count == 1 ? " is" : "s are") not in \(nodes!.file); made as nodes: \(Self.some(made))"
            )
        }
        if !conflictingKinds.isEmpty {
            warnings.append(
                "\(table.file): \(conflictingKinds.count) node\(conflictingKinds.count == 1 ? "" : "s") appear with different kinds; the first was kept: \(Self.some(conflictingKinds.sorted()))"
            )
        }
        if !unmappedKinds.isEmpty {
            warnings.append(
                "\(table.file): kind-column values that name no kind and have no kind.value.<text> mapping, read with the side's default kind: \(Self.some(unmappedKinds))"
            )
        }
    }

    /// The sources sheet, or made-up sources for the ids cited when there is none.
    mutating func readSources(_ sources: CSVSheets.Sheet?) throws(FormatError) {
        if let sources {
            let table = try SheetTable(sources, delimiter: mapping.delimiter)
            tables[.sources] = table
            let columns = try SheetColumns(
                table, roles: [("id", "id", true), ("citation", "citation", true), ("url", "url", false)], consumed: [],
                attributeWarning: { warnings.append($0) })
            if !columns.attributes.isEmpty {
                warnings.append(
                    "\(table.file): columns other than id, citation and url are left out: \(Self.some(columns.attributes.map { table.name($0.column) }))"
                )
            }
            for row in table.rows.indices {
                network.sources.append(
                    Source(
                        id: table.value(row, columns["id"]) ?? "", citation: table.value(row, columns["citation"]) ?? "",
                        url: table.value(row, columns["url"])))
                sourceOrigins.append(Origin(sheet: .sources, row: row, fieldColumn: columns.roles))
            }
        } else {
            var cited: [String] = []
            var seen = Set<ExactID>()
            let ids = network.nodes.flatMap { $0.sources + $0.designations.flatMap(\.sources) } + network.edges.flatMap(\.sources)
            for id in ids where seen.insert(ExactID(id)).inserted { cited.append(id) }
            if !cited.isEmpty {
                network.sources = cited.map { Source(id: $0, citation: $0) }
                warnings.append(
                    "no sources sheet: \(cited.count) cited source id\(cited.count == 1 ? " is" : "s are") listed with the id as citation")
            }
        }
    }

    /// The network, validated; every problem found while reading and every validation problem is
    /// reported at once, each at the file, line and column name it came from.
    func validated(edgesFile: String) throws(FormatError) -> (network: Network, warnings: [String]) {
        let (nodeOrigins, edgeOrigins, sourceOrigins, tables) = (self.nodeOrigins, self.edgeOrigins, self.sourceOrigins, self.tables)
        let sourcesName = tables[.sources].map { "the sources sheet \($0.file)" } ?? "the sources sheet"
        try ValidationLocation.check(network, file: edgesFile, earlier: problems, sourcesName: sourcesName) { target in
            let list: [Origin]
            switch target.collection {
            case .nodes: list = nodeOrigins
            case .edges: list = edgeOrigins
            case .sources: list = sourceOrigins
            case .graph: return nil
            }
            guard list.indices.contains(target.index) else { return nil }
            let origin = list[target.index]
            guard let table = tables[origin.sheet] else { return nil }
            var field = target.field ?? (target.collection == .edges ? "relation" : "id")
            if field == "year", origin.fieldColumn["year"] == nil { field = "start" }
            if field == "start" || field == "end", origin.fieldColumn[field] == nil { field = "year" }
            let column = origin.fieldColumn[field] ?? origin.fieldColumn["id"]
            let place = table.place(origin.row, column)
            return ProblemPlace(
                file: place.file, line: place.line, column: place.column,
                path: column.map { "column \(FieldText.quoted(table.name($0)))" } ?? "")
        }
        return (network, warnings)
    }

    /// Up to five items, quoted, then how many more.
    static func some(_ items: [String]) -> String {
        let shown = items.prefix(5).map { FieldText.quoted($0) }.joined(separator: ", ")
        return items.count > 5 ? shown + " and \(items.count - 5) more" : shown
    }

    private func years(_ table: SheetTable, _ row: Int, _ columns: SheetColumns) throws(FormatError) -> Period {
        func year(_ role: String) throws(FormatError) -> PartialDate? {
            guard let text = table.word(row, columns[role]) else { return nil }
            switch FieldText.date(text) {
            case let .date(d): return d
            case let .invalid(why): throw table.error(row, columns[role]!, "\(FieldText.quoted(text)) is not a date: \(why)")
            case .notADate:
                throw table.error(
                    row, columns[role]!, "\(FieldText.quoted(text)) is not a year such as 1993 or an ISO date such as 1993-01-20")
            }
        }
        let start = try year("start"), end = try year("end")
        if let single = try year("year") {
            if start != nil || end != nil {
                throw table.error(row, columns["year"]!, "give either a year or a start and end, not both")
            }
            return .on(single)
        }
        return Period(start: start, end: end)
    }

    private func list(_ table: SheetTable, _ row: Int, _ column: Int?) throws(FormatError) -> [String] {
        guard let text = table.value(row, column) else { return [] }
        do {
            return try FieldText.parseList(text)
        } catch {
            throw table.error(row, column!, error.message)
        }
    }

    private func attributes(_ table: SheetTable, _ row: Int, _ columns: SheetColumns) throws(FormatError) -> [String: AttributeValue] {
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
