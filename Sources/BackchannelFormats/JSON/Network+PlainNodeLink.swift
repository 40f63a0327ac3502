import BackchannelModel

extension Network {
    /// Reads node-link JSON: Backchannel's canonical form, or plain node-link data written by
    /// NetworkX (`node_link_data`, with `edges` or the older `links`) or d3 that lacks the typed fields.
    ///
    /// A document is *plain* when no node has a `kind` and no edge a `relation`. Then kinds default to
    /// `participant` and relations to `partners_with`; a node's `label` (or `name`) becomes its label;
    /// an edge's `weight` (or, without one, d3's numeric `value`) its weight (which must be a positive finite number, as in every reader) and `key` its key; every other field becomes an
    /// attribute (objects and arrays as compact JSON text); integer ids become their decimal text; an
    /// undirected graph's edges keep the direction written; when no node has an `id` (d3's older
    /// format), a node's id is its position, as d3's edges count. Each of these is reported in `warnings`.
    /// Any other (typed) document is read as canonical (``init(json:file:)``); with `lenient` (the
    /// default) it is first rewritten by ``lenientCanonical(_:file:)``: `links` as edges, foreign
    /// fields and values kept as attributes, each change a warning. Without `lenient` a typed
    /// document must be canonical, so typos are caught.
    public static func read(json bytes: [UInt8], file: String? = nil, lenient: Bool = true) throws(ModelError) -> (
        network: Network, warnings: [String]
    ) {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw .malformedJSON(file: file, line: error.line, column: error.column, message: error.message)
        }
        guard let (canonical, warnings) = plainToCanonical(root, file: file ?? "<input>") else {
            if lenient, let (rewritten, warnings) = lenientCanonical(root, file: file ?? "<input>") {
                return (try Network(parsed: rewritten, file: file), warnings)
            }
            return (try Network(parsed: root, file: file), [])
        }
        return (try Network(parsed: canonical, file: file), warnings)
    }

    /// The canonical document for a plain one, or nil when `root` is not plain node-link data.
    static func plainToCanonical(_ root: JSONNode, file: String) -> (JSONNode, [String])? {
        guard case let .object(top) = root.value,
            let nodesNode = root["nodes"], case let .array(nodes) = nodesNode.value
        else { return nil }
        let edgesKey = root["edges"] != nil ? "edges" : (root["links"] != nil ? "links" : nil)
        var edges: [JSONNode] = []
        if let edgesKey, case let .array(e)? = root[edgesKey]?.value { edges = e }
        let typed = nodes.contains { $0["kind"] != nil } || edges.contains { $0["relation"] != nil }
        guard !typed else { return nil }
        var warnings: [String] = [
            "\(file): plain node-link data without Backchannel's typed fields: kinds default to participant, relations to partners_with"
        ]
        if edgesKey == "links" { warnings.append("\(file): read the older NetworkX key \"links\" as the edges") }
        if root["directed"]?.value == .bool(false) {
            warnings.append("\(file): the graph is undirected; each edge is kept in the direction it is written")
        }
        let ignoredTop = top.map(\.key).filter { !["directed", "multigraph", "graph", "nodes", "edges", "links"].contains($0) }
        if !ignoredTop.isEmpty { warnings.append("\(file): top-level fields not read: \(ignoredTop.joined(separator: ", "))") }

        func text(_ node: JSONNode) -> JSONNode {
            switch node.value {
            case let .int(i): JSONNode(.string(String(i)), line: node.line, column: node.column)
            default: node
            }
        }
        func attribute(_ node: JSONNode) -> JSONNode {
            switch node.value {
            case .string, .int, .double, .bool: node
            case .null: JSONNode(.string("null"), line: node.line, column: node.column)
            case .array, .object: JSONNode(.string(JSONWriter.compact(node.value)), line: node.line, column: node.column)
            }
        }
        var canonicalNodes: [JSONNode] = []
        let positional = !nodes.isEmpty && nodes.allSatisfy { $0["id"] == nil }
        if positional {
            warnings.append(
                "\(file): nodes have no \"id\"; as in d3's older format, each node's id is its position (0, 1, …), which edges' source and target refer to"
            )
        }
        for (position, node) in nodes.enumerated() {
            guard case let .object(members) = node.value else { canonicalNodes.append(node); continue }
            var out: [(key: String, value: JSONNode)] = []
            if let id = node["id"] { out.append(("id", text(id))) }
            if positional { out.append(("id", JSONNode(.string(String(position)), line: node.line, column: node.column))) }
            if let label = node["label"] ?? node["name"], case .string = label.value { out.append(("label", label)) }
            out.append(("kind", JSONNode(.string("participant"))))
            let attributes = members.filter { $0.key != "id" && $0.key != "label" && !($0.key == "name" && node["label"] == nil) }
                .sorted { $0.key < $1.key }.map { (key: $0.key, value: attribute($0.value)) }
            if !attributes.isEmpty { out.append(("attributes", JSONNode(.object(attributes)))) }
            canonicalNodes.append(JSONNode(.object(out), line: node.line, column: node.column))
        }
        var canonicalEdges: [JSONNode] = []
        var d3Values = 0
        for edge in edges {
            guard case let .object(members) = edge.value else { canonicalEdges.append(edge); continue }
            var out: [(key: String, value: JSONNode)] = []
            if let s = edge["source"] { out.append(("source", text(s))) }
            if let t = edge["target"] { out.append(("target", text(t))) }
            if let k = edge["key"] { out.append(("key", text(k))) }
            out.append(("relation", JSONNode(.string("partners_with"))))
            // One weight rule for every reader: a weight is a positive finite number, and anything
            // else is an error at its place (validation says so), never quietly 1.
            // d3's force examples (miserables.json) give the weight as `value`.
            let weightField =
                edge["weight"] != nil
                ? "weight"
                : (edge["value"].map { v in if case .int = v.value { true } else if case .double = v.value { true } else { false } } == true
                    ? "value" : nil)
            if let f = weightField, let w = edge[f] { out.append(("weight", w)) }
            if weightField == "value" { d3Values += 1 }
            let attributes = members.filter { !["source", "target", "key", "weight"].contains($0.key) && $0.key != weightField }
                .sorted { $0.key < $1.key }.map { (key: $0.key, value: attribute($0.value)) }
            if !attributes.isEmpty { out.append(("attributes", JSONNode(.object(attributes)))) }
            canonicalEdges.append(JSONNode(.object(out), line: edge.line, column: edge.column))
        }
        if d3Values > 0 {
            warnings.append(
                "\(file): \(d3Values) edge\(d3Values == 1 ? "" : "s") without \"weight\" give d3's numeric \"value\": read as the weight")
        }
        var graph: [(key: String, value: JSONNode)] = []
        if case let .object(g)? = root["graph"]?.value {
            if let name = root["graph"]?["name"], case .string = name.value { graph.append(("name", name)) }
            let rest = g.map(\.key).filter { $0 != "name" }
            if !rest.isEmpty { warnings.append("\(file): graph attributes not read: \(rest.joined(separator: ", "))") }
        }
        let document = JSONNode(
            .object([
                ("directed", JSONNode(.bool(true))), ("multigraph", JSONNode(.bool(true))),
                ("graph", JSONNode(.object(graph))), ("nodes", JSONNode(.array(canonicalNodes))),
                ("edges", JSONNode(.array(canonicalEdges))),
            ]))
        return (document, warnings)
    }
}
