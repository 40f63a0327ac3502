import BackchannelModel
import Foundation

// The canonical format: NetworkX node-link JSON (`directed`, `multigraph`, `graph`, `nodes`, `edges`)
// carrying Backchannel's typed fields. Datasets/README.md documents it field by field.

extension Network {
    /// Reads and validates a network from canonical node-link JSON.
    ///
    /// Every structural problem (wrong types, unknown fields or values) and every problem found by
    /// ``validationProblems()`` is reported together, each with file, line, column and JSON path.
    ///
    /// - Parameter file: the name used in error messages.
    public init(json bytes: [UInt8], file: String? = nil) throws(ModelError) {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw .malformedJSON(file: file, line: error.line, column: error.column, message: error.message)
        }
        try self.init(parsed: root, file: file)
    }

    /// Decodes and validates an already parsed document; errors carry the positions recorded in `root`.
    init(parsed root: JSONNode, file: String?) throws(ModelError) {
        var decoder = NodeLinkDecoder()
        let network = decoder.decode(root)
        var problems = decoder.problems
        if problems.isEmpty { problems = network.validationProblems() }
        guard problems.isEmpty else {
            throw .invalid(
                problems.map { problem in
                    var located = problem
                    located.file = file
                    let node = root.locate(problem.path)
                    located.line = node.line
                    located.column = node.column
                    return located
                })
        }
        self = network
    }

    /// Reads and validates a network from a canonical JSON file.
    public init(contentsOf url: URL) throws(ModelError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(file: url.path, reason: InputFile.reason(error))
        }
        try self.init(json: [UInt8](data), file: url.path)
    }

    /// The canonical JSON object of one node (as it appears in `nodes`).
    public func jsonValue(node: Node) -> JSONValue {
        guard case let .object(top) = Network(nodes: [node]).jsonValue,
            case let .array(nodes) = top.first(where: { $0.key == "nodes" })!.value.value
        else { return .null }
        return nodes[0].value
    }

    /// The canonical JSON object of one edge (as it appears in `edges`).
    public func jsonValue(edge: Edge) -> JSONValue {
        guard case let .object(top) = Network(edges: [edge]).jsonValue,
            case let .array(edges) = top.first(where: { $0.key == "edges" })!.value.value
        else { return .null }
        return edges[0].value
    }

    /// The canonical `graph` object (name, title, description, sources).
    public func jsonValue(graph: Void) -> JSONValue {
        guard case let .object(top) = Network(name: name, title: title, description: description, sources: sources).jsonValue else {
            return .null
        }
        return top.first(where: { $0.key == "graph" })!.value.value
    }

    /// The network as a canonical node-link JSON value.
    public var jsonValue: JSONValue {
        func n(_ v: JSONValue) -> JSONNode { JSONNode(v) }
        func strings(_ a: [String]) -> JSONNode { n(.array(a.map { n(.string($0)) })) }
        func attributes(_ a: [String: AttributeValue]) -> JSONNode {
            n(
                .object(
                    a.keys.sorted().map { key in
                        let v: JSONValue =
                            switch a[key]! {
                            case let .string(s): .string(s)
                            case let .int(i): .int(i)
                            case let .double(d): .double(d)
                            case let .bool(b): .bool(b)
                            }
                        return (key, n(v))
                    }))
        }
        // A date known to the year is an integer (what the format always held); a finer one its ISO text.
        func date(_ d: PartialDate) -> JSONNode { d.precision == .year ? n(.int(d.year)) : n(.string(d.text)) }
        func years(_ y: Period, into m: inout [(key: String, value: JSONNode)]) {
            if let s = y.start, y.end == s, s.precision == .year {
                m.append(("year", n(.int(s.year))))
            } else {
                if let s = y.start { m.append(("start", date(s))) }
                if let e = y.end { m.append(("end", date(e))) }
            }
        }

        var graph: [(key: String, value: JSONNode)] = [("name", n(.string(name)))]
        if let title { graph.append(("title", n(.string(title)))) }
        if let description { graph.append(("description", n(.string(description)))) }
        graph.append(
            (
                "sources",
                n(
                    .array(
                        sources.map { s in
                            var m: [(key: String, value: JSONNode)] = [("id", n(.string(s.id))), ("citation", n(.string(s.citation)))]
                            if let url = s.url { m.append(("url", n(.string(url)))) }
                            return n(.object(m))
                        }))
            ))

        let nodeValues = nodes.map { node -> JSONNode in
            var m: [(key: String, value: JSONNode)] = [
                ("id", n(.string(node.id))), ("label", n(.string(node.label))), ("kind", n(.string(node.kind.rawValue))),
            ]
            if let t = node.track { m.append(("track", n(.string(t.rawValue)))) }
            if let s = node.years.start { m.append(("start", date(s))) }
            if let e = node.years.end { m.append(("end", date(e))) }
            if let d = node.description { m.append(("description", n(.string(d)))) }
            if !node.designations.isEmpty {
                m.append(
                    (
                        "designations",
                        n(
                            .array(
                                node.designations.map { d in
                                    var dm: [(key: String, value: JSONNode)] = [("list", n(.string(d.list)))]
                                    if let by = d.by { dm.append(("by", n(.string(by)))) }
                                    if let s = d.since { dm.append(("since", date(s))) }
                                    if let u = d.until { dm.append(("until", date(u))) }
                                    dm.append(("sources", strings(d.sources)))
                                    return n(.object(dm))
                                }))
                    ))
            }
            if !node.attributes.isEmpty { m.append(("attributes", attributes(node.attributes))) }
            m.append(("sources", strings(node.sources)))
            if node.confidential { m.append(("confidential", n(.bool(true)))) }
            return n(.object(m))
        }

        let edgeValues = edges.map { edge -> JSONNode in
            var m: [(key: String, value: JSONNode)] = [("source", n(.string(edge.source))), ("target", n(.string(edge.target)))]
            if let k = edge.key { m.append(("key", n(.string(k)))) }
            m.append(("relation", n(.string(edge.relation.rawValue))))
            if let s = edge.support { m.append(("support", n(.string(s.rawValue)))) }
            if edge.weight != 1 { m.append(("weight", n(.double(edge.weight)))) }
            years(edge.years, into: &m)
            if let d = edge.description { m.append(("description", n(.string(d)))) }
            if !edge.attributes.isEmpty { m.append(("attributes", attributes(edge.attributes))) }
            m.append(("sources", strings(edge.sources)))
            return n(.object(m))
        }

        return .object([
            ("directed", n(.bool(true))),
            ("multigraph", n(.bool(true))),
            ("graph", n(.object(graph))),
            ("nodes", n(.array(nodeValues))),
            ("edges", n(.array(edgeValues))),
        ])
    }

    /// The network as canonical node-link JSON text: deterministic, two-space indented, newline-terminated.
    public func jsonText() -> String {
        JSONWriter.document(jsonValue)
    }
}

extension JSONNode {
    /// The deepest value along a path such as `$.nodes[3].kind`; stops at the last part that exists.
    func locate(_ path: String) -> JSONNode {
        var current = self
        var rest = Substring(path.hasPrefix("$") ? String(path.dropFirst()) : path)
        while !rest.isEmpty {
            if rest.hasPrefix(".") {
                rest = rest.dropFirst()
                let name = rest.prefix { $0 != "." && $0 != "[" }
                rest = rest.dropFirst(name.count)
                guard let next = current[String(name)] else { return current }
                current = next
            } else if rest.hasPrefix("[") {
                let digits = rest.dropFirst().prefix { $0 != "]" }
                rest = rest.dropFirst(digits.count + 2)
                guard case let .array(items) = current.value, let i = Int(digits), items.indices.contains(i) else {
                    return current
                }
                current = items[i]
            } else {
                return current
            }
        }
        return current
    }
}

/// Turns a parsed JSON tree into a ``Network``, collecting every structural problem with its path.
struct NodeLinkDecoder {
    var problems: [Diagnostic] = []

    private mutating func problem(_ path: String, _ message: String) {
        problems.append(Diagnostic(path: path, message: message))
    }

    private mutating func members(_ node: JSONNode, _ path: String, allowed: [String]) -> [(key: String, value: JSONNode)]? {
        guard case let .object(members) = node.value else {
            problem(path, "expected an object, found \(node.found)")
            return nil
        }
        for member in members where !allowed.contains(member.key) {
            problem(
                "\(path).\(member.key)",
                "unknown field \(JSONWriter.quoted(member.key))"
                    + suggestion(for: member.key, among: allowed) + "; allowed here: \(allowed.joined(separator: ", "))")
        }
        return members
    }

    private mutating func string(_ node: JSONNode?, _ path: String, required: Bool = false) -> String? {
        guard let node else {
            if required { problem(path, "missing required field") }
            return nil
        }
        guard case let .string(s) = node.value else {
            problem(path, "expected a string, found \(node.found)")
            return nil
        }
        return s
    }

    /// A boolean field such as `confidential`; absent is false.
    private mutating func flag(_ node: JSONNode?, _ path: String) -> Bool {
        guard let node else { return false }
        guard case let .bool(b) = node.value else {
            problem(path, "expected true or false, found \(node.found)")
            return false
        }
        return b
    }

    /// A date: a whole year (`1993`), or ISO text for a year, year-month or day (`"1993-01"`,
    /// `"1993-01-20"`); an impossible date (`"2021-02-30"`) is a problem saying why.
    private mutating func year(_ node: JSONNode?, _ path: String) -> PartialDate? {
        guard let node else { return nil }
        switch node.value {
        case let .int(i): return PartialDate(i)
        case .null: return nil
        case let .string(text):
            switch PartialDate.read(text) {
            case let .date(d): return d
            case let .invalid(why):
                problem(path, "\(JSONWriter.quoted(text)) is not a date: \(why)")
                return nil
            case .notADate: break
            }
        default: break
        }
        problem(
            path,
            "expected a year such as 1993 or an ISO date such as \"1993-01\" or \"1993-01-20\", found \(node.found)"
        )
        return nil
    }

    private mutating func enumValue<E: RawRepresentable & CaseIterable>(
        _ node: JSONNode?, _ path: String, _ what: String, required: Bool = false
    ) -> E? where E.RawValue == String {
        guard let raw = string(node, path, required: required) else { return nil }
        guard let value = E(rawValue: raw) else {
            problem(
                path,
                "unknown \(what) \(JSONWriter.quoted(raw))"
                    + suggestion(for: raw, among: E.allCases.map(\.rawValue)) + "; expected one of: \(E.allRawValues)")
            return nil
        }
        return value
    }

    private mutating func stringArray(_ node: JSONNode?, _ path: String) -> [String] {
        guard let node else { return [] }
        guard case let .array(items) = node.value else {
            problem(path, "expected an array of strings, found \(node.found)")
            return []
        }
        return items.enumerated().compactMap { string($1, "\(path)[\($0)]") }
    }

    private mutating func attributes(_ node: JSONNode?, _ path: String) -> [String: AttributeValue] {
        guard let node else { return [:] }
        guard case let .object(members) = node.value else {
            problem(path, "expected an object of attributes, found \(node.found)")
            return [:]
        }
        var result: [String: AttributeValue] = [:]
        for (key, value) in members {
            switch value.value {
            case let .string(s): result[key] = .string(s)
            case let .int(i): result[key] = .int(i)
            case let .double(d): result[key] = .double(d)
            case let .bool(b): result[key] = .bool(b)
            default:
                problem("\(path).\(key)", "attribute values must be strings, numbers or booleans, found \(value.value.typeName)")
            }
        }
        return result
    }

    private mutating func array(_ node: JSONNode?, _ path: String) -> [JSONNode] {
        guard let node else {
            problem(path, "missing required field")
            return []
        }
        guard case let .array(items) = node.value else {
            problem(path, "expected an array, found \(node.found)")
            return []
        }
        return items
    }

    mutating func decode(_ root: JSONNode) -> Network {
        var network = Network()
        guard members(root, "$", allowed: ["directed", "multigraph", "graph", "nodes", "edges"]) != nil else { return network }
        if let directed = root["directed"], directed.value != .bool(true) {
            problem("$.directed", "Backchannel networks are directed: expected true, found \(directed.excerpt)")
        }
        if let multigraph = root["multigraph"], case .bool = multigraph.value {
        } else if let multigraph = root["multigraph"] {
            problem("$.multigraph", "expected a boolean, found \(multigraph.excerpt)")
        }
        if let graph = root["graph"], members(graph, "$.graph", allowed: ["name", "title", "description", "sources"]) != nil {
            network.name = string(graph["name"], "$.graph.name") ?? network.name
            network.title = string(graph["title"], "$.graph.title")
            network.description = string(graph["description"], "$.graph.description")
            if let sources = graph["sources"] {
                for (i, s) in array(sources, "$.graph.sources").enumerated() {
                    let path = "$.graph.sources[\(i)]"
                    guard members(s, path, allowed: ["id", "citation", "url"]) != nil else { continue }
                    let id = string(s["id"], path + ".id", required: true)
                    let citation = string(s["citation"], path + ".citation", required: true)
                    let url = string(s["url"], path + ".url")
                    if let id, let citation { network.sources.append(Source(id: id, citation: citation, url: url)) }
                }
            }
        }

        let nodeFields = [
            "id", "label", "kind", "track", "start", "end", "description", "designations", "attributes", "sources", "confidential",
        ]
        for (i, item) in array(root["nodes"], "$.nodes").enumerated() {
            let path = "$.nodes[\(i)]"
            guard members(item, path, allowed: nodeFields) != nil else { continue }
            var id = string(item["id"], path + ".id", required: true)
            if id == nil, let raw = item["id"], case let .int(number) = raw.value {
                // NetworkX writes integer node ids as numbers; keep them as their decimal text.
                problems.removeLast()
                id = String(number)
            }
            let label = string(item["label"], path + ".label")
            let kind: NodeKind? = enumValue(item["kind"], path + ".kind", "kind", required: true)
            let track: Track? = enumValue(item["track"], path + ".track", "track")
            let years = Period(start: year(item["start"], path + ".start"), end: year(item["end"], path + ".end"))
            let description = string(item["description"], path + ".description")
            var designations: [Designation] = []
            if let list = item["designations"] {
                for (j, d) in array(list, path + ".designations").enumerated() {
                    let dpath = "\(path).designations[\(j)]"
                    guard members(d, dpath, allowed: ["list", "by", "since", "until", "sources"]) != nil else { continue }
                    guard let name = string(d["list"], dpath + ".list", required: true) else { continue }
                    designations.append(
                        Designation(
                            list: name, by: string(d["by"], dpath + ".by"), since: year(d["since"], dpath + ".since"),
                            until: year(d["until"], dpath + ".until"), sources: stringArray(d["sources"], dpath + ".sources")))
                }
            }
            let attrs = attributes(item["attributes"], path + ".attributes")
            let sources = stringArray(item["sources"], path + ".sources")
            let confidential = flag(item["confidential"], path + ".confidential")
            guard let id, let kind else { continue }
            network.nodes.append(
                Node(
                    id: id, label: label, kind: kind, track: track, years: years, description: description,
                    attributes: attrs, designations: designations, sources: sources, confidential: confidential))
        }

        let edgeFields = [
            "source", "target", "key", "relation", "support", "weight", "year", "start", "end", "description", "attributes", "sources",
        ]
        for (i, item) in array(root["edges"], "$.edges").enumerated() {
            let path = "$.edges[\(i)]"
            guard members(item, path, allowed: edgeFields) != nil else { continue }
            let source = endpoint(item["source"], path + ".source")
            let target = endpoint(item["target"], path + ".target")
            var key: String?
            if let k = item["key"] {
                switch k.value {
                case let .string(s): key = s
                case let .int(n): key = String(n)
                default: problem(path + ".key", "expected a string or integer key, found \(k.excerpt)")
                }
            }
            let relation: Relation? = enumValue(item["relation"], path + ".relation", "relation", required: true)
            let support: SupportType? = enumValue(item["support"], path + ".support", "support type")
            var weight = 1.0
            if let w = item["weight"] {
                switch w.value {
                case let .int(n): weight = Double(n)
                case let .double(d): weight = d
                default: problem(path + ".weight", "expected a number, found \(w.found)")
                }
            }
            var years = Period(start: year(item["start"], path + ".start"), end: year(item["end"], path + ".end"))
            if let y = year(item["year"], path + ".year") {
                if !years.isEmpty {
                    problem(path + ".year", "give either \"year\" or \"start\"/\"end\", not both")
                }
                years = .on(y)
            }
            let description = string(item["description"], path + ".description")
            let attrs = attributes(item["attributes"], path + ".attributes")
            let sources = stringArray(item["sources"], path + ".sources")
            guard let source, let target, let relation else { continue }
            network.edges.append(
                Edge(
                    source, relation, target, key: key, support: support, weight: weight, years: years,
                    description: description, attributes: attrs, sources: sources))
        }
        return network
    }

    private mutating func endpoint(_ node: JSONNode?, _ path: String) -> String? {
        if let node, case let .int(n) = node.value { return String(n) }
        return string(node, path, required: true)
    }
}
