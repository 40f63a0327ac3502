import BackchannelModel
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension GEXF {
    // MARK: Reading

    /// Reads a network from GEXF bytes (1.1, 1.2 and 1.3; static and dynamic; Gephi's own files).
    ///
    /// ## What maps to what
    /// - `<meta>`: `<title>` is the title, `<description>` the description; the name comes from the
    ///   file name (`x.gexf` → `x`).
    /// - Nodes: `id`, `label`; attribute values titled `kind`, `track`, `description`,
    ///   `designations`, `sources` fill those fields (as ``write(_:)`` writes them); a value titled
    ///   `attr.<name>` is the attribute `<name>`; every other value is an attribute named by its
    ///   column's title, typed by the column (`integer`/`long` → whole number, `float`/`double` →
    ///   number, `boolean`, everything else text). A column's `<default>` applies to nodes without a
    ///   value. Ids are kept exactly.
    /// - Edges: `source`, `target`; `weight`; the `relation` value, else GEXF 1.3's `kind` when it
    ///   is a relation word; `edge_key` (else the edge `id`, unless it is the edge's position `0`, `1`, … as Backchannel,
    ///   Gephi and NetworkX number edges) is the key; `label` and a `kind` that
    ///   is no relation become attributes.
    /// - Time: `start`/`end` (also 1.2's `startopen`/`endopen`), `timestamp`, `timestamps` and
    ///   `<spells>` become periods: the first start to the last end (an open end stays open;
    ///   `-inf`/`+inf`/`infinity` are open). An integer is a year; a date (`2009-03-01`, `2009-03`,
    ///   `timeformat="date"`) keeps its day or month; a `dateTime`'s time of day and a fraction of a
    ///   year (`timeformat="double"`) are left out, with a warning counting them; an impossible date
    ///   (`2009-02-30`) is an error. Several spells become one period, with a warning. Dynamic attribute values (with
    ///   `start`/`end`): the last one written is kept, with a warning.
    /// - `viz`: `<viz:color>` becomes the attribute `viz_color` (`#rrggbb`, `#rrggbbaa` with an
    ///   alpha below 1), `<viz:position>` `viz_x`, `viz_y` (and `viz_z` when not 0),
    ///   `<viz:size>` `viz_size`, `<viz:shape>` `viz_shape`, `<viz:thickness>` (edges)
    ///   `viz_thickness`; a warning says so. Palette and layout declarations under
    ///   `<attributes>` are left out, with a warning.
    /// - Defaults, as in the other readers, each with a warning counting it: nodes without a kind are
    ///   participants, edges without a relation `partners_with`; a kind, track, relation or support
    ///   value outside the vocabulary is kept as the attribute of that name (the field defaults);
    ///   undirected and mutual edges (`defaultedgetype`, or an edge's `type`) are read once each,
    ///   directed from source to target; nested nodes (hierarchies) are flattened, `pid` kept as an
    ///   attribute; edges to undeclared nodes make participant nodes.
    ///
    /// Input passes the same guard as GraphML: UTF-8 only, no DOCTYPE internal subsets or entity
    /// declarations, no external entities, nesting at most 256 deep.
    ///
    /// - Throws: ``FormatError/malformed(file:line:column:message:)`` with line and column for XML
    ///   that is not well formed or not safe, a root other than `<gexf>`, nodes without ids, edges
    ///   without ends, values that do not match their column's type, and validation problems.
    /// - Complexity: O(n) in the size of the document (plus validation, O(nodes + edges)).
    /// - Reference: GEXF 1.3 specification, https://gexf.net/ (GEXF Working Group, 2022).
    public static func read(_ bytes: [UInt8], file: String) throws(FormatError) -> (network: Network, warnings: [String]) {
        let handler = GEXFHandler(file: file)
        try XMLDocument.parse(bytes, file: file, format: "GEXF", root: "gexf", with: handler)
        return try handler.network()
    }

    /// The network name a file name stands for: `x.gexf` → `x`; otherwise the default.
    static func networkName(fromFile file: String) -> String {
        let last = file.split(separator: "/").last.map(String.init) ?? ""
        for ext in [".gexf", ".GEXF", ".xml"] where last.hasSuffix(ext) && last.count > ext.count {
            return String(last.dropLast(ext.count))
        }
        return Network().name
    }
}

/// Turns XMLParser events on a GEXF document into a network.
final class GEXFHandler: NSObject, XMLDocumentHandler {
    struct Column {
        var title: String
        var type: AttributeType
        var defaultText: String?
    }

    struct Item {
        var id: String
        var place: (Int, Int)
        var label: String?
        var source = ""
        var target = ""
        var weight: String?
        var edgeKind: String?
        var start: PartialDate?
        var end: PartialDate?
        var hasTime = false
        var spells = 0
        /// Field values (`kind`, `relation`, …) as text, by field name.
        var fields: [String: String] = [:]
        var attributes: [String: AttributeValue] = [:]
        var places: [String: (Int, Int)] = [:]
    }

    let file: String
    var failure: FormatError?
    var parseError: FormatError?
    var sawRoot = false
    var rootClosed = false
    var depth = 0

    var title: String?
    var metaDescription: String?
    var textTarget: String?
    var text = ""

    var defaultEdgeType = "directed"
    var timeFormat = "integer"
    var columns: [String: [String: Column]] = ["node": [:], "edge": [:]]
    var columnClass: String?
    var columnID: String?
    var inDefault = false

    var nodes: [Item] = []
    var edges: [Item] = []
    /// The node or edge being read: (is edge, index, depth).
    var current: [(edge: Bool, index: Int, depth: Int)] = []
    var vizDepth: Int?
    var graphPlace: (Int, Int) = (1, 1)

    var cutFractions = 0
    var cutTimes = 0
    var mergedSpells = 0
    var dynamicValues = 0
    var undirected = 0
    var nested = 0
    var vizKept = NameList()
    var vizLeftOut = false
    var foreignValues: [String: Int] = [:]
    var unknownColumns = NameList()

    init(file: String) {
        self.file = file
    }

    func place(_ parser: XMLParser) -> (Int, Int) { (parser.lineNumber, parser.columnNumber) }

    func fail(_ parser: XMLParser, _ at: (Int, Int), _ message: String) {
        guard failure == nil else { return }
        failure = .malformed(file: file, line: at.0, column: at.1, message: message)
        parser.abortParsing()
    }

    private func refuseDeclaration(_ parser: XMLParser, _ what: String) {
        fail(parser, place(parser), "refused: the document declares \(what); DTD declarations are not allowed in GEXF input")
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        refuseDeclaration(parser, "the entity \(FieldText.quoted(name))")
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        refuseDeclaration(parser, "the external entity \(FieldText.quoted(name))")
    }

    func parser(
        _ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String, publicID: String?, systemID: String?,
        notationName: String?
    ) {
        refuseDeclaration(parser, "the unparsed entity \(FieldText.quoted(name))")
    }

    func parser(_ parser: XMLParser, foundElementDeclarationWithName elementName: String, model: String) {
        refuseDeclaration(parser, "the element <\(elementName)>")
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if self.parseError == nil, failure == nil { self.parseError = describe(parseError, parser) }
        parser.abortParsing()
    }

    /// A time value as a date: `nil` for open ends; an integer is a year, an ISO date (`2009-03-01`,
    /// `2009-03`) keeps its precision; a time of day after a date, and a fraction of a year, are
    /// left out (and counted); an impossible date is an error naming it.
    func year(_ raw: String, _ parser: XMLParser, _ at: (Int, Int), _ what: String) -> PartialDate?? {
        let t = FieldText.trimmed(raw)
        switch t.lowercased() {
        case "", "-inf", "+inf", "inf", "-infinity", "+infinity", "infinity": return .some(nil)
        default: break
        }
        if let y = Int(t) { return .some(PartialDate(y)) }
        if let d = Double(t), d.isFinite, abs(d) < 1e9 {
            if d != d.rounded(.down) { cutFractions += 1 }
            return .some(PartialDate(Int(d.rounded(.down))))
        }
        var dateText = Substring(t)
        if let i = t.firstIndex(where: { $0 == "T" || $0 == " " }) {
            dateText = t[..<i]
            // A time of day: midnight (`T00:00:00`, with or without a zone) loses nothing.
            let time = t[t.index(after: i)...]
            if !time.hasPrefix("00:00:00") || time.dropFirst(8).contains(where: { $0.isNumber && $0 != "0" }) { cutTimes += 1 }
        }
        switch PartialDate.read(dateText) {
        case let .date(d): return .some(d)
        case let .invalid(why):
            fail(parser, at, "\(what) \(FieldText.quoted(raw)) is not a date: \(why)")
            return nil
        case .notADate:
            fail(parser, at, "\(what) \(FieldText.quoted(raw)) is not a time GEXF allows (a number or an ISO date such as 2009-03-01)")
            return nil
        }
    }

    /// Widens an item's period by one interval.
    func addTime(_ item: inout Item, start: PartialDate?, end: PartialDate?) {
        if item.hasTime {
            if item.spells == 1 { mergedSpells += 1 }
            item.start = item.start.flatMap { a in start.map { min(a, $0) } }
            item.end = item.end.flatMap { a in end.map { $0.lastDay > a.lastDay ? $0 : a } }
        } else {
            item.start = start
            item.end = end
            item.hasTime = true
        }
        item.spells += 1
    }

    /// Reads `start`/`end`/`timestamp`(s) on an element into `item`'s period.
    func readTime(_ attributes: [String: String], into item: inout Item, _ parser: XMLParser, _ at: (Int, Int)) {
        if let stamps = attributes["timestamps"] {
            let parts = stamps.split { "<>[](),; ".contains($0) }.map(String.init)
            for p in parts {
                guard let y = year(p, parser, at, "timestamp") else { return }
                addTime(&item, start: y, end: y)
            }
            return
        }
        if let stamp = attributes["timestamp"] {
            guard let y = year(stamp, parser, at, "timestamp") else { return }
            addTime(&item, start: y, end: y)
            return
        }
        let startText = attributes["start"] ?? attributes["startopen"]
        let endText = attributes["end"] ?? attributes["endopen"]
        guard startText != nil || endText != nil else { return }
        var s: PartialDate?, e: PartialDate?
        if let startText { guard let y = year(startText, parser, at, "start") else { return }; s = y }
        if let endText { guard let y = year(endText, parser, at, "end") else { return }; e = y }
        addTime(&item, start: s, end: e)
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard failure == nil else { return }
        depth += 1
        let here = place(parser)
        if depth > GraphML.maximumDepth {
            fail(parser, here, "elements are nested deeper than \(GraphML.maximumDepth) levels")
            return
        }
        if !sawRoot {
            sawRoot = true
            if name != "gexf" { fail(parser, here, "not GEXF: the root element is <\(qualifiedName ?? name)>, expected <gexf>") }
            return
        }
        if vizDepth != nil { return }
        let isViz = namespaceURI.map { $0.hasSuffix("/viz") } ?? false
        if isViz {
            viz(name, attributes)
            vizDepth = depth
            return
        }
        switch name {
        case "title", "description":
            if current.isEmpty, columnClass == nil {
                textTarget = name
                text = ""
            }
        case "graph":
            graphPlace = here
            if let t = attributes["defaultedgetype"] { defaultEdgeType = t }
            if let t = attributes["timeformat"] { timeFormat = t }
        case "attributes":
            columnClass = attributes["class"] ?? "node"
        case "attribute":
            guard let cls = columnClass, let id = attributes["id"] else { return }
            let type: AttributeType
            switch attributes["type"] ?? "string" {
            case "integer", "long", "short", "byte", "biginteger": type = .int
            case "float", "double", "bigdecimal": type = .double
            case "boolean": type = .bool
            default: type = .string
            }
            columns[cls, default: [:]][id] = Column(title: attributes["title"] ?? id, type: type)
            columnID = id
        case "default":
            if columnID != nil {
                inDefault = true
                text = ""
            }
        case "node":
            guard let id = attributes["id"] else { return fail(parser, here, "<node> without an id") }
            if current.contains(where: { !$0.edge }) { nested += 1 }
            var item = Item(id: id, place: here, label: attributes["label"])
            if let pid = attributes["pid"] { item.attributes["pid"] = .string(pid) }
            readTime(attributes, into: &item, parser, here)
            nodes.append(item)
            current.append((false, nodes.count - 1, depth))
        case "edge":
            guard let source = attributes["source"], let target = attributes["target"] else {
                return fail(parser, here, "<edge> needs both source and target")
            }
            var item = Item(id: attributes["id"] ?? "", place: here, label: attributes["label"])
            item.source = source
            item.target = target
            item.weight = attributes["weight"]
            item.edgeKind = attributes["kind"]
            let type = attributes["type"] ?? defaultEdgeType
            if type == "undirected" || type == "mutual" { undirected += 1 }
            readTime(attributes, into: &item, parser, here)
            edges.append(item)
            current.append((true, edges.count - 1, depth))
        case "spell":
            guard let owner = current.last else { return }
            var item = owner.edge ? edges[owner.index] : nodes[owner.index]
            readTime(attributes, into: &item, parser, here)
            if owner.edge { edges[owner.index] = item } else { nodes[owner.index] = item }
        case "attvalue":
            guard let owner = current.last else { return }
            guard let key = attributes["for"] ?? attributes["id"], let value = attributes["value"] else { return }
            if attributes["start"] != nil || attributes["end"] != nil || attributes["timestamp"] != nil
                || attributes["startopen"] != nil || attributes["endopen"] != nil
            {
                dynamicValues += 1
            }
            assign(key, value, owner: owner, at: here, parser)
        default:
            break
        }
    }

    /// Keeps one `viz` element as attributes of the current node or edge (or notes it left out).
    func viz(_ name: String, _ a: [String: String]) {
        guard let owner = current.last else {
            vizLeftOut = true
            return
        }
        var values: [(String, AttributeValue)] = []
        func number(_ key: String) -> Double? { a[key].flatMap { FieldText.double($0) } }
        switch name {
        case "color":
            if let hex = a["hex"] {
                values.append(("viz_color", .string(hex)))
            } else if let r = a["r"].flatMap({ Int($0) }), let g = a["g"].flatMap({ Int($0) }), let b = a["b"].flatMap({ Int($0) }) {
                func h(_ v: Int) -> String {
                    let s = String(max(0, min(255, v)), radix: 16)
                    return s.count == 1 ? "0" + s : s
                }
                var hex = "#" + h(r) + h(g) + h(b)
                if let alpha = number("a"), alpha < 1 { hex += h(Int((alpha * 255).rounded())) }
                values.append(("viz_color", .string(hex)))
            }
        case "position":
            if let x = number("x") { values.append(("viz_x", .double(x))) }
            if let y = number("y") { values.append(("viz_y", .double(y))) }
            if let z = number("z"), z != 0 { values.append(("viz_z", .double(z))) }
        case "size":
            if let v = number("value") { values.append(("viz_size", .double(v))) }
        case "thickness":
            if let v = number("value") { values.append(("viz_thickness", .double(v))) }
        case "shape":
            if let v = a["value"] { values.append(("viz_shape", .string(v))) }
        default:
            vizLeftOut = true
        }
        for (k, v) in values {
            vizKept.insert(k)
            if owner.edge { edges[owner.index].attributes[k] = v } else { nodes[owner.index].attributes[k] = v }
        }
    }

    static let nodeFields = Set(GEXF.nodeFixed + [GEXF.confidentialField] + GEXF.periodFixed)
    static let edgeFields = Set(GEXF.edgeFixed + GEXF.periodFixed)

    /// The item's period, with the `period_start` / `period_end` values Backchannel writes for a
    /// year or year-month whose spell gives its first or last day (used when they agree with it).
    func period(_ b: Item) throws(FormatError) -> Period {
        var p = Period(start: b.start, end: b.end)
        for (field, isStart) in [("period_start", true), ("period_end", false)] {
            guard let text = b.fields[field] else { continue }
            let at = b.places[field] ?? b.place
            guard let d = PartialDate(iso: FieldText.trimmed(text)) else {
                throw .malformed(
                    file: file, line: at.0, column: at.1, message: "\(field) \(FieldText.quoted(text)) is not a year or year-month")
            }
            let spell = isStart ? p.start : p.end
            guard let spell, isStart ? spell.firstDay == d.firstDay : spell.lastDay == d.lastDay else {
                throw .malformed(
                    file: file, line: at.0, column: at.1,
                    message: "\(field) \(FieldText.quoted(text)) disagrees with the \(isStart ? "start" : "end") \(spell?.text ?? "(none)")"
                )
            }
            if isStart { p.start = d } else { p.end = d }
        }
        return p
    }

    func assign(_ key: String, _ value: String, owner: (edge: Bool, index: Int, depth: Int), at: (Int, Int), _ parser: XMLParser) {
        let cls = owner.edge ? "edge" : "node"
        let column: Column
        if let c = columns[cls]?[key] {
            column = c
        } else {
            unknownColumns.insert(key)
            column = Column(title: key, type: .string)
        }
        var item = owner.edge ? edges[owner.index] : nodes[owner.index]
        defer { if owner.edge { edges[owner.index] = item } else { nodes[owner.index] = item } }
        let fixed = owner.edge ? Self.edgeFields : Self.nodeFields
        if fixed.contains(column.title) {
            item.fields[column.title] = value
            item.places[column.title == "edge_key" ? "key" : column.title] = at
            return
        }
        let name = column.title.hasPrefix("attr.") ? String(column.title.dropFirst(5)) : column.title
        if column.type != .string, FieldText.trimmed(value).isEmpty { return }
        guard let v = column.type.value(value) else {
            return fail(parser, at, "attribute \(FieldText.quoted(column.title)): \(FieldText.quoted(value)) is not \(column.type.noun)")
        }
        item.attributes[name] = v
        item.places[name] = at
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if textTarget != nil || inDefault { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        defer { depth -= 1 }
        if depth == 1 { rootClosed = true }
        if let v = vizDepth {
            if depth == v { vizDepth = nil }
            return
        }
        switch name {
        case "title" where textTarget == "title":
            title = text
            textTarget = nil
        case "description" where textTarget == "description":
            metaDescription = text
            textTarget = nil
        case "attributes":
            columnClass = nil
        case "attribute":
            columnID = nil
        case "default" where inDefault:
            inDefault = false
            if let cls = columnClass, let id = columnID { columns[cls]?[id]?.defaultText = text }
        case "node", "edge":
            if let last = current.last, last.depth == depth { current.removeLast() }
        default:
            break
        }
    }

    /// The network the events described, validated.
    func network() throws(FormatError) -> (network: Network, warnings: [String]) {
        var warnings: [String] = []
        func plural(_ n: Int, _ one: String, _ many: String) -> String { n == 1 ? "1 \(one)" : "\(n) \(many)" }
        func defaults(_ cls: String, _ item: inout Item) {
            for (id, c) in (columns[cls] ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let d = c.defaultText else { continue }
                let fixed = cls == "edge" ? Self.edgeFields : Self.nodeFields
                if fixed.contains(c.title) {
                    if item.fields[c.title] == nil { item.fields[c.title] = d }
                    continue
                }
                let name = c.title.hasPrefix("attr.") ? String(c.title.dropFirst(5)) : c.title
                if item.attributes[name] == nil, let v = c.type.value(d) { item.attributes[name] = v }
                _ = id
            }
        }
        /// A vocabulary field, or nil with the raw value kept as an attribute of the field's name.
        func vocabulary<E: RawRepresentable & CaseIterable>(_ field: String, _ item: inout Item, _: E.Type) -> E?
        where E.RawValue == String {
            guard let raw = item.fields[field], !FieldText.trimmed(raw).isEmpty else { return nil }
            if let v = FieldText.vocabulary(raw, E.self) { return v }
            item.attributes[field] = .string(raw)
            foreignValues[field, default: 0] += 1
            return nil
        }
        func list(_ text: String?, _ at: (Int, Int)?, _ what: String) throws(FormatError) -> [String] {
            guard let text else { return [] }
            do { return try FieldText.parseList(text) } catch {
                throw .malformed(file: file, line: at?.0 ?? 0, column: at?.1 ?? 0, message: "\(what): \(error.message)")
            }
        }

        var assembly = XMLNetworkAssembly(
            Network(
                name: GEXF.networkName(fromFile: file), title: title.map(FieldText.trimmed),
                description: metaDescription.map(FieldText.trimmed)))
        if assembly.network.title == "" { assembly.network.title = nil }
        if assembly.network.description == "" { assembly.network.description = nil }
        var withoutKind = 0
        for var b in nodes {
            defaults("node", &b)
            let kind: NodeKind? = vocabulary("kind", &b, NodeKind.self)
            let track: Track? = vocabulary("track", &b, Track.self)
            if kind == nil { withoutKind += 1 }
            var designations: [Designation] = []
            if let d = b.fields["designations"] {
                do { designations = try FieldText.parseDesignations(d) } catch {
                    let at = b.places["designations"] ?? b.place
                    throw .malformed(
                        file: file, line: at.0, column: at.1, message: "node \(FieldText.quoted(b.id)) designations: \(error.message)")
                }
            }
            let sources = try list(b.fields["sources"], b.places["sources"], "node \(FieldText.quoted(b.id)) sources")
            var confidential = false
            if let text = b.fields[GEXF.confidentialField], !FieldText.trimmed(text).isEmpty {
                guard let flag = FieldText.bool(text) else {
                    let at = b.places[GEXF.confidentialField] ?? b.place
                    throw .malformed(
                        file: file, line: at.0, column: at.1,
                        message: "node \(FieldText.quoted(b.id)) confidential: \(FieldText.quoted(text)) is not true or false")
                }
                confidential = flag
            }
            let node = Node(
                id: b.id, label: b.label, kind: kind ?? .participant, track: track, years: try period(b),
                description: b.fields["description"], attributes: b.attributes, designations: designations, sources: sources,
                confidential: confidential)
            assembly.add(node, at: b.place, fields: b.places)
        }
        var withoutRelation = 0
        var edgePlaces: [(Int, Int)] = []
        var edgeFieldPlaces: [[String: (Int, Int)]] = []
        for (position, var b) in edges.enumerated() {
            defaults("edge", &b)
            assembly.addMissingEnds([b.source, b.target], at: b.place)
            var relation: Relation? = vocabulary("relation", &b, Relation.self)
            if let k = b.edgeKind {
                let word = FieldText.vocabulary(k, Relation.self)
                if relation == nil, let word {
                    relation = word
                } else if word == nil || word != relation {
                    b.attributes["kind"] = .string(k)
                }
            }
            if let l = b.label, l != relation?.rawValue, b.attributes["label"] == nil { b.attributes["label"] = .string(l) }
            let support: SupportType? = vocabulary("support", &b, SupportType.self)
            if relation == nil { withoutRelation += 1 }
            var weight = 1.0
            if let w = b.weight {
                guard let v = FieldText.double(w) else {
                    throw .malformed(
                        file: file, line: b.place.0, column: b.place.1,
                        message:
                            "edge \(FieldText.quoted(b.source)) → \(FieldText.quoted(b.target)): weight \(FieldText.quoted(w)) is not a number"
                    )
                }
                weight = v
            }
            let sources = try list(
                b.fields["sources"], b.places["sources"], "edge \(FieldText.quoted(b.source)) → \(FieldText.quoted(b.target)) sources")
            let key = b.fields["edge_key"] ?? (b.id.isEmpty || b.id == String(position) ? nil : b.id)
            assembly.network.edges.append(
                Edge(
                    b.source, relation ?? .partnersWith, b.target, key: key, support: support, weight: weight,
                    years: try period(b), description: b.fields["description"], attributes: b.attributes,
                    sources: sources))
            edgePlaces.append(b.place)
            edgeFieldPlaces.append(b.places)
        }
        let cited = assembly.listCitedSourceIDs()
        if cited > 0 {
            warnings.append(
                "GEXF holds no citations: \(plural(cited, "cited source id is", "cited source ids are")) listed with the id as citation")
        }
        let network = assembly.network, made = assembly.made

        if undirected > 0 {
            warnings.append(
                "\(plural(undirected, "edge is", "edges are")) undirected or mutual: read once each, directed from source to target")
        }
        if withoutKind > 0 { warnings.append("\(plural(withoutKind, "node has", "nodes have")) no kind: read as participant") }
        if withoutRelation > 0 {
            warnings.append("\(plural(withoutRelation, "edge has", "edges have")) no relation: read as partners_with")
        }
        for (field, count) in foreignValues.sorted(by: { $0.key < $1.key }) {
            warnings.append(
                "\(plural(count, "\(field) value is", "\(field) values are")) not in the vocabulary: kept as the attribute \(FieldText.quoted(field)), the field defaulted"
            )
        }
        if cutFractions > 0 {
            warnings.append(
                "\(plural(cutFractions, "time with a fraction was", "times with a fraction were")) read as its whole year (the model holds years, months and days)"
            )
        }
        if cutTimes > 0 {
            warnings.append(
                "\(plural(cutTimes, "time of day was", "times of day were")) left out: the date is kept (the model holds days, not times)")
        }
        if mergedSpells > 0 {
            warnings.append(
                "\(plural(mergedSpells, "node or edge has", "nodes or edges have")) several spells or timestamps: each read as one period, from the first start to the last end"
            )
        }
        if dynamicValues > 0 {
            warnings.append(
                "\(plural(dynamicValues, "dynamic attribute value", "dynamic attribute values")) (with start or end): for each attribute the last value written is kept, its times left out"
            )
        }
        if nested > 0 { warnings.append("\(plural(nested, "nested node was", "nested nodes were")) flattened into the graph") }
        if !made.isEmpty {
            warnings.append(
                "\(plural(made.count, "edge end is", "edge ends are")) not a declared node; made as participants: \(GraphMLHandler.some(made))"
            )
        }
        if !unknownColumns.isEmpty {
            warnings.append(
                "values for undeclared attribute ids read as text attributes named by the id: \(GraphMLHandler.some(unknownColumns.names))")
        }
        if !vizKept.isEmpty { warnings.append("viz data kept as attributes: \(vizKept.names.joined(separator: ", "))") }
        if vizLeftOut {
            warnings.append("viz data outside nodes' and edges' colour, position, size, shape and thickness (palettes, layouts) left out")
        }

        let graphPlace = self.graphPlace
        try ValidationLocation.check(network, file: file, sourcesName: "the graph's sources attribute") { target in
            let at: (Int, Int)?
            var name: String
            switch target.collection {
            case .nodes:
                guard let place = assembly.place(ofNode: target.index, field: target.field) else { return nil }
                at = place
                name = "<node id=\(FieldText.quoted(network.nodes[target.index].id))>"
            case .edges:
                guard edgePlaces.indices.contains(target.index) else { return nil }
                at = target.field.flatMap { edgeFieldPlaces[target.index][$0] } ?? edgePlaces[target.index]
                name =
                    "<edge source=\(FieldText.quoted(network.edges[target.index].source)) target=\(FieldText.quoted(network.edges[target.index].target))>"
            case .sources, .graph:
                at = graphPlace
                name = "<graph>"
            }
            if let field = target.field, !["id", "source", "target"].contains(field) { name += " attribute \(field)" }
            return at.map { ProblemPlace(file: file, line: $0.0, column: $0.1, path: name) }
        }
        return (network, warnings)
    }
}
