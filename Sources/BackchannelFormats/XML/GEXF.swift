import BackchannelModel

/// Networks as GEXF 1.3, Gephi's native format. Writing is here; reading (GEXF 1.1–1.3, Gephi's own
/// files) is ``read(_:file:)`` in GEXFReader.swift.
///
/// ## What maps to what
/// - `<meta>`: `<creator>Backchannel</creator>` and a `<description>` holding the network's title and
///   description.
/// - `<graph defaultedgetype="directed">`, with `mode="dynamic"` when any node or edge is dated, so
///   Gephi's timeline can play the network: `timeformat="integer"` when every date is a year
///   (`start="1993"`), else `timeformat="date"` with every time a day (a start its first day, an end
///   its last: 1993 → `start="1993-01-01"`, `end="1993-12-31"`), and a start or end known only to the
///   year or month also written, as written, in the `period_start` / `period_end` columns, so that
///   reading gives back the same precision.
/// - Nodes: `<node id label>`, the period as the `start` and `end` attributes (inclusive; an open end is
///   left out), and `<attvalues>` for `kind`, `track`, `description`, `designations`, `sources`,
///   `confidential` (a boolean column declared only when some node is) and each attribute.
/// - Edges: `<edge id source target label kind weight>` with the relation as label and as GEXF 1.3's
///   `kind` (so Gephi keeps parallel edges of different relations apart), years as `start`/`end`,
///   and `<attvalues>` for `relation`, `support`, `edge_key` (the multigraph key; NetworkX's GEXF
///   reader fails on an attribute titled `key`), `description`, `sources` and each attribute.
/// - `<attributes class="node|edge">` declares every column with its type: `string`, `integer`
///   (`long` beyond 32 bits), `double` or `boolean`. An attribute named like a fixed column, or
///   like something readers treat specially (`id`, `label`, `weight`, `start`, `end`, `key`, …), is
///   titled `attr.<name>`. Lists use the encodings of ``FieldText`` (`;`-separated sources,
///   `list|by|since|until|sources` designations).
///
/// ## What GEXF cannot hold (each gets a warning)
/// The network's name and its citations (`graph.sources`; node and edge `sources` keep the ids); an
/// attribute with values of more than one type (written as strings); an empty designation `by`;
/// characters XML 1.0 cannot hold (written as U+FFFD).
///
/// - Reference: GEXF 1.3 specification and primer, https://gexf.net/
public enum GEXF {
    static let namespace = "http://gexf.net/1.3"
    static let nodeFixed = ["kind", "track", "description", "designations", "sources"]
    static let edgeFixed = ["relation", "support", "edge_key", "description", "sources"]
    /// Columns written after the fixed ones when `timeformat="date"`: a start or end known only to
    /// the year or month (`1993`, `1993-07`), whose spell says its first or last day.
    static let periodFixed = ["period_start", "period_end"]
    /// Names readers give meaning to (NetworkX's `read_gexf` passes attribute values to
    /// `add_edge(…, key=…, **values)`, so an attribute titled `key` breaks it).
    static let nodeReserved = ["id", "label", "start", "end", confidentialField] + periodFixed
    /// The boolean node column that marks a node off the record, declared only when some node is.
    static let confidentialField = "confidential"
    static let edgeReserved = ["id", "label", "weight", "start", "end", "key", "kind", "source", "target"] + periodFixed

    /// Writes a network as a GEXF 1.3 document.
    ///
    /// - Returns: the document (UTF-8 text, two-space indented, newline-terminated; the same network
    ///   always gives the same text) and warnings for anything GEXF cannot hold.
    /// - Complexity: O(n + m + a) for n nodes, m edges and a attribute values (plus sorting the
    ///   distinct attribute names).
    public static func write(_ network: Network) -> (text: String, warnings: [String]) {
        var warnings: [String] = []
        func content(_ s: String, _ what: @autoclosure () -> String) -> String { XMLText.content(s, what(), warnings: &warnings) }
        func attribute(_ s: String, _ what: @autoclosure () -> String) -> String { XMLText.attribute(s, what(), warnings: &warnings) }
        if network.name != Network().name {
            warnings.append("GEXF has no place for the network's name \(FieldText.quoted(network.name)); it is not written")
        }
        if !network.sources.isEmpty {
            warnings.append(
                "GEXF has no place for the network's \(network.sources.count) citation\(network.sources.count == 1 ? "" : "s") (graph sources); nodes and edges keep their source ids"
            )
        }

        /// One declared column: fixed fields first, then attributes by name.
        struct Column {
            var id: String
            var title: String
            var type: String
            var attribute: String?
        }
        func columns(
            _ fixed: [String], reserved: [String], _ maps: [[String: AttributeValue]], what: String
        ) -> [Column] {
            var result = fixed.enumerated().map { Column(id: String($0.offset), title: $0.element, type: "string") }
            var types: [String: Set<AttributeType>] = [:]
            for map in maps { for (k, v) in map { types[k, default: []].insert(AttributeType(v)) } }
            let names = types.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            for name in names {
                let set = types[name]!
                var type = "string"
                if set.count > 1 {
                    warnings.append("\(what) attribute \(FieldText.quoted(name)) has values of \(set.count) types; written as strings")
                } else {
                    switch set.first! {
                    case .string: type = "string"
                    case .double: type = "double"
                    case .bool: type = "boolean"
                    case .int:
                        let fits = maps.allSatisfy { map in
                            if case let .int(i)? = map[name] { return Int(Int32.min)...Int(Int32.max) ~= i }
                            return true
                        }
                        type = fits ? "integer" : "long"
                    }
                }
                let title = fixed.contains(name) || reserved.contains(name) || name.hasPrefix("attr.") ? "attr." + name : name
                result.append(Column(id: String(result.count), title: title, type: type, attribute: name))
            }
            return result
        }
        let dynamic = network.nodes.contains { !$0.years.isEmpty } || network.edges.contains { !$0.years.isEmpty }
        // Any date finer than a year: timeformat "date", every time a day, and the coarser dates in
        // the period_start / period_end columns so they read back as written.
        let dated = network.nodes.contains { !$0.years.isYearsOnly } || network.edges.contains { !$0.years.isYearsOnly }
        // `confidential` is a column only when some node is, so files without one stay as they were.
        let anyConfidential = network.nodes.contains(where: \.confidential)
        var nodeColumns = columns(
            nodeFixed + (anyConfidential ? [confidentialField] : []) + (dated ? periodFixed : []), reserved: nodeReserved,
            network.nodes.map(\.attributes), what: "node")
        if anyConfidential { nodeColumns[nodeFixed.count].type = "boolean" }
        let edgeColumns = columns(
            edgeFixed + (dated ? periodFixed : []), reserved: edgeReserved, network.edges.map(\.attributes), what: "edge")

        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="\(namespace)" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="\(namespace) \(namespace)/gexf.xsd" version="1.3">
              <meta>
                <creator>Backchannel</creator>

            """
        let about = [network.title, network.description].compactMap { $0 }.joined(separator: "\n\n")
        if !about.isEmpty { out += "    <description>\(content(about, "the network's description"))</description>\n" }
        out += "  </meta>\n"
        out +=
            "  <graph defaultedgetype=\"directed\""
            + (dynamic ? " mode=\"dynamic\" timeformat=\"\(dated ? "date" : "integer")\"" : " mode=\"static\"") + ">\n"
        for (kind, list) in [("node", nodeColumns), ("edge", edgeColumns)] {
            out += "    <attributes class=\"\(kind)\">\n"
            for c in list {
                out +=
                    "      <attribute id=\"\(c.id)\" title=\"\(attribute(c.title, "\(kind) attribute name \(FieldText.quoted(c.title))"))\" type=\"\(c.type)\"/>\n"
            }
            out += "    </attributes>\n"
        }
        func day(_ ordinal: Int) -> String {
            let d = PartialDate.civil(ordinal)
            return PartialDate(year: d.year, month: d.month, day: d.day)!.text
        }
        func spell(_ years: Period) -> String {
            guard dated else {
                return (years.start.map { " start=\"\($0.year)\"" } ?? "") + (years.end.map { " end=\"\($0.year)\"" } ?? "")
            }
            return (years.start.map { " start=\"\(day($0.firstDay))\"" } ?? "") + (years.end.map { " end=\"\(day($0.lastDay))\"" } ?? "")
        }
        /// The period_start / period_end values of dates a day cannot say.
        func coarse(_ years: Period, _ list: [Column], at offset: Int) -> [(Column, String)] {
            guard dated else { return [] }
            var out: [(Column, String)] = []
            if let s = years.start, s.precision != .day { out.append((list[offset], s.text)) }
            if let e = years.end, e.precision != .day { out.append((list[offset + 1], e.text)) }
            return out
        }
        func attvalues(_ values: [(Column, String)], _ indent: String) -> String {
            guard !values.isEmpty else { return "" }
            var s = "\(indent)<attvalues>\n"
            for (c, v) in values { s += "\(indent)  <attvalue for=\"\(c.id)\" value=\"\(v)\"/>\n" }
            return s + "\(indent)</attvalues>\n"
        }
        func attributeValues(_ attributes: [String: AttributeValue], _ list: [Column], _ owner: String) -> [(Column, String)] {
            list.compactMap { c in
                guard let name = c.attribute, let v = attributes[name] else { return nil }
                return (c, attribute(v.exactText, "\(owner) attribute \(FieldText.quoted(name))"))
            }
        }

        out += "    <nodes count=\"\(network.nodes.count)\">\n"
        for node in network.nodes {
            let owner = "node \(FieldText.quoted(node.id))"
            out +=
                "      <node id=\"\(attribute(node.id, owner + " id"))\" label=\"\(attribute(node.label, owner + " label"))\"\(spell(node.years))>\n"
            var values: [(Column, String)] = [(nodeColumns[0], node.kind.rawValue)]
            if let t = node.track { values.append((nodeColumns[1], attribute(t.rawValue, ""))) }
            if let d = node.description { values.append((nodeColumns[2], attribute(d, owner + " description"))) }
            if !node.designations.isEmpty {
                let designations = FieldText.designations(node.designations, owner: owner)
                warnings += designations.warnings
                values.append((nodeColumns[3], attribute(designations.text, owner + " designations")))
            }
            if !node.sources.isEmpty { values.append((nodeColumns[4], attribute(FieldText.list(node.sources), owner + " sources"))) }
            if node.confidential { values.append((nodeColumns[nodeFixed.count], "true")) }
            values += coarse(node.years, nodeColumns, at: nodeFixed.count + (anyConfidential ? 1 : 0))
            out += attvalues(values + attributeValues(node.attributes, nodeColumns, owner), "        ")
            out += "      </node>\n"
        }
        out += "    </nodes>\n"
        out += "    <edges count=\"\(network.edges.count)\">\n"
        for (i, edge) in network.edges.enumerated() {
            let owner = "edge \(i) (\(FieldText.quoted(edge.source)) → \(FieldText.quoted(edge.target)))"
            let relation = edge.relation.rawValue
            out +=
                "      <edge id=\"\(i)\" source=\"\(attribute(edge.source, owner + " source"))\" target=\"\(attribute(edge.target, owner + " target"))\" label=\"\(relation)\" kind=\"\(relation)\" weight=\"\(edge.weight.description)\"\(spell(edge.years))>\n"
            var values: [(Column, String)] = [(edgeColumns[0], relation)]
            if let s = edge.support { values.append((edgeColumns[1], s.rawValue)) }
            if let k = edge.key { values.append((edgeColumns[2], attribute(k, owner + " key"))) }
            if let d = edge.description { values.append((edgeColumns[3], attribute(d, owner + " description"))) }
            if !edge.sources.isEmpty { values.append((edgeColumns[4], attribute(FieldText.list(edge.sources), owner + " sources"))) }
            values += coarse(edge.years, edgeColumns, at: edgeFixed.count)
            out += attvalues(values + attributeValues(edge.attributes, edgeColumns, owner), "        ")
            out += "      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return (out, warnings)
    }
}
