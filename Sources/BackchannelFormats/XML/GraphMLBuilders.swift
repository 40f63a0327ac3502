import BackchannelModel
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What the GraphML events build: keys, node and edge builders, and the network they make.
extension GraphMLHandler {
    struct Key {
        var id: String
        var domain: String
        var name: String
        /// nil for a key without `attr.type` (read as strings).
        var type: AttributeType?
        var graphics: Bool
        var defaultText: String?
        var desc: String?
        var place: (Int, Int)
    }

    struct NodeBuilder {
        var id: String
        var place: (Int, Int)
        /// `id` data (igraph's `v_id`, Backchannel's for ids that are not NMTOKENs): the node's id.
        var originalID: String?
        var label: String?
        var yedLabel: String?
        var kind: NodeKind?
        var track: Track?
        var start: PartialDate?
        var end: PartialDate?
        var description: String?
        var designations: [Designation] = []
        var sources: [String] = []
        var confidential = false
        var attributes: [String: AttributeValue] = [:]
        var places: [String: (Int, Int)] = [:]
        var seen = Set<String>()
    }

    struct EdgeBuilder {
        var source: String
        var target: String
        var id: String?
        var place: (Int, Int)
        var key: String?
        var relation: Relation?
        var support: SupportType?
        var weight: Double = 1
        var start: PartialDate?
        var end: PartialDate?
        var description: String?
        var sources: [String] = []
        var attributes: [String: AttributeValue] = [:]
        var places: [String: (Int, Int)] = [:]
        var seen = Set<String>()
    }

    enum Owner {
        case graph
        case node(Int)
        case edge(Int)
        case skipped
    }

    struct DataElement {
        var key: String
        var owner: Owner
        var depth: Int
        var place: (Int, Int)
        var text = ""
        var hasChildren = false
        var nodeLabel: String?
        var inNodeLabel = false
    }

    func applyDefaults(to owner: Owner, domain: String, _ parser: XMLParser) {
        if !keysWithDefaultsSorted {
            keysWithDefaults.sort()
            keysWithDefaultsSorted = true
        }
        for id in keysWithDefaults {
            let key = keys[id]!
            guard let text = key.defaultText, key.domain == domain || key.domain == "all" else { continue }
            let seen: Bool
            switch owner {
            case let .node(i): seen = nodes[i].seen.contains(id)
            case let .edge(i): seen = edges[i].seen.contains(id)
            default: seen = true
            }
            if !seen { assign(key, text, to: owner, at: key.place, parser) }
        }
    }

    func finish(_ d: DataElement, _ parser: XMLParser) {
        let key: Key
        if let k = keys[d.key] {
            key = k
        } else {
            unknownKeys.insert(d.key)
            key = Key(id: d.key, domain: "all", name: d.key, type: nil, graphics: false, defaultText: nil, desc: nil, place: d.place)
        }
        if key.graphics || d.hasChildren {
            graphicsSkipped = true
            if case let .node(i) = d.owner, let label = d.nodeLabel, nodes[i].yedLabel == nil {
                nodes[i].yedLabel = FieldText.trimmed(label)
            }
            return
        }
        switch d.owner {
        case let .node(i):
            if nodes[i].seen.contains(key.id) {
                return fail(parser, d.place, "node \(FieldText.quoted(nodes[i].id)) has two values for key \(FieldText.quoted(key.id))")
            }
            nodes[i].seen.insert(key.id)
        case let .edge(i):
            if edges[i].seen.contains(key.id) {
                return fail(
                    parser, d.place,
                    "edge \(FieldText.quoted(edges[i].source)) → \(FieldText.quoted(edges[i].target)) has two values for key \(FieldText.quoted(key.id))"
                )
            }
            edges[i].seen.insert(key.id)
        default:
            break
        }
        assign(key, d.text, to: d.owner, at: d.place, parser)
    }

    /// Puts one data value where its key's name says.
    func assign(_ key: Key, _ text: String, to owner: Owner, at place: (Int, Int), _ parser: XMLParser) {
        func bad(_ message: String) {
            contentProblems.append(
                Diagnostic(
                    file: file, line: place.0, column: place.1, path: element(owner),
                    message: "key \(FieldText.quoted(key.id)) (\(key.name)): \(message)"))
        }
        func year() -> PartialDate?? {
            if FieldText.trimmed(text).isEmpty { return .some(nil) }
            switch FieldText.date(text) {
            case let .date(d): return .some(d)
            case let .invalid(why):
                bad("\(FieldText.quoted(text)) is not a date: \(why)")
                return nil
            case .notADate:
                bad("\(FieldText.quoted(text)) is not a year such as 1993 or an ISO date such as 1993-01-20")
                return nil
            }
        }
        func vocabulary<E: RawRepresentable & CaseIterable>(_ what: String, _ type: E.Type) -> E?? where E.RawValue == String {
            if FieldText.trimmed(text).isEmpty { return .some(nil) }
            guard let v = FieldText.vocabulary(text, type) else {
                bad(FieldText.unknown(what, text, type))
                return nil
            }
            return .some(v)
        }
        func list() -> [String]? {
            do { return try FieldText.parseList(text) } catch {
                bad(error.message)
                return nil
            }
        }
        func attributeValue() -> AttributeValue? {
            let type = key.type ?? .string
            if type != .string, FieldText.trimmed(text).isEmpty { return nil }
            guard let v = type.value(text) else {
                bad("\(FieldText.quoted(text)) is not \(type.noun)")
                return nil
            }
            return v
        }
        let isAttribute = key.name.hasPrefix("attr.")
        let name = isAttribute ? String(key.name.dropFirst(5)) : key.name
        switch owner {
        case .skipped:
            dataLeftOut.insert(key.name)
        case .graph:
            if !isAttribute, GraphML.graphFields.contains(name) {
                graphSeen[name] = place
                switch name {
                case "name": graphName = text
                case "title": graphTitle = text
                case "description": graphDescription = text
                default:
                    do { graphSources = try FieldText.parseSources(text) } catch { bad(error.message) }
                }
            } else {
                graphDataLeftOut.insert(key.name)
            }
        case let .node(i):
            if !isAttribute, name == GraphML.confidentialField {
                guard let flag = FieldText.bool(text) else { return bad("\(FieldText.quoted(text)) is not true or false") }
                nodes[i].confidential = flag
                return
            }
            guard !isAttribute, GraphML.nodeFields.contains(name) else {
                if let v = attributeValue() { nodes[i].attributes[name] = v }
                return
            }
            nodes[i].places[name] = place
            switch name {
            case "id": nodes[i].originalID = text
            case "label": nodes[i].label = text
            case "kind": if let v = vocabulary("kind", NodeKind.self) { nodes[i].kind = v }
            case "track": if let v = vocabulary("track", Track.self) { nodes[i].track = v }
            case "start": if let y = year() { nodes[i].start = y }
            case "end": if let y = year() { nodes[i].end = y }
            case "year": if let y = year() { nodes[i].start = y; nodes[i].end = y }
            case "description": nodes[i].description = text
            case "designations":
                do { nodes[i].designations = try FieldText.parseDesignations(text) } catch { bad(error.message) }
            default: if let l = list() { nodes[i].sources = l }
            }
        case let .edge(i):
            guard !isAttribute, GraphML.edgeFields.contains(name) else {
                if let v = attributeValue() { edges[i].attributes[name] = v }
                return
            }
            edges[i].places[name] = place
            switch name {
            case "key": edges[i].key = text
            case "relation": if let v = vocabulary("relation", Relation.self) { edges[i].relation = v }
            case "support": if let v = vocabulary("support type", SupportType.self) { edges[i].support = v }
            case "weight":
                guard let w = FieldText.double(text) else { return bad("weight \(FieldText.quoted(text)) is not a number") }
                edges[i].weight = w
            case "start": if let y = year() { edges[i].start = y }
            case "end": if let y = year() { edges[i].end = y }
            case "year": if let y = year() { edges[i].start = y; edges[i].end = y }
            case "description": edges[i].description = text
            default: if let l = list() { edges[i].sources = l }
            }
        }
    }

    /// The network the events described, validated.
    func network() throws(FormatError) -> (network: Network, warnings: [String]) {
        var assembly = XMLNetworkAssembly(
            Network(name: graphName ?? GraphML.networkName(fromFile: file), title: graphTitle, description: graphDescription))
        var withoutKind = 0
        // GraphML ids → the nodes' ids (they differ where `id` data gives the original id).
        var idOf: [ExactID: String] = [:]
        for b in nodes where idOf[ExactID(b.id)] == nil { idOf[ExactID(b.id)] = b.originalID ?? b.id }
        for var b in nodes {
            if b.kind == nil { withoutKind += 1 }
            b.id = b.originalID ?? b.id
            let node = Node(
                id: b.id, label: b.label ?? b.yedLabel, kind: b.kind ?? .participant, track: b.track,
                years: Period(start: b.start, end: b.end), description: b.description, attributes: b.attributes,
                designations: b.designations, sources: b.sources, confidential: b.confidential)
            assembly.add(node, at: b.place, fields: b.places)
        }
        var withoutRelation = 0
        for var b in edges {
            b.source = idOf[ExactID(b.source)] ?? b.source
            b.target = idOf[ExactID(b.target)] ?? b.target
            assembly.addMissingEnds([b.source, b.target], at: b.place)
            if b.relation == nil { withoutRelation += 1 }
            assembly.network.edges.append(
                Edge(
                    b.source, b.relation ?? .partnersWith, b.target, key: b.key ?? b.id, support: b.support, weight: b.weight,
                    years: Period(start: b.start, end: b.end), description: b.description, attributes: b.attributes,
                    sources: b.sources))
        }
        if let sources = graphSources {
            assembly.network.sources = sources
        } else {
            let cited = assembly.listCitedSourceIDs()
            if cited > 0 {
                warnings.append(
                    "no graph sources data: \(cited) cited source id\(cited == 1 ? " is" : "s are") listed with the id as citation")
            }
        }
        let network = assembly.network, made = assembly.made

        func plural(_ n: Int, _ one: String, _ many: String) -> String { n == 1 ? "1 \(one)" : "\(n) \(many)" }
        if undirectedEdges > 0 {
            warnings.append(
                "the graph is undirected: \(plural(undirectedEdges, "edge was", "edges were")) read once each, directed from source to target"
            )
        }
        if withoutKind > 0 { warnings.append("\(plural(withoutKind, "node has", "nodes have")) no kind: read as participant") }
        if withoutRelation > 0 {
            warnings.append("\(plural(withoutRelation, "edge has", "edges have")) no relation: read as partners_with")
        }
        if !made.isEmpty {
            warnings.append(
                "\(plural(made.count, "edge end is", "edge ends are")) not a declared node; made as participants: \(Self.some(made))")
        }
        if !unknownKeys.isEmpty {
            warnings.append("data under undeclared keys read as string attributes named by the key: \(Self.some(unknownKeys.names))")
        }
        if !graphDataLeftOut.isEmpty {
            warnings.append("graph data with no place in a network left out: \(Self.some(graphDataLeftOut.names))")
        }
        if !dataLeftOut.isEmpty {
            warnings.append("data outside the top-level graph, its nodes and edges left out: \(Self.some(dataLeftOut.names))")
        }
        if graphicsSkipped { warnings.append("yEd graphics data (shapes, geometry, colours) left out") }
        if nestedGraphs > 0 {
            warnings.append("\(plural(nestedGraphs, "nested graph was", "nested graphs were")) flattened into the top-level graph")
        }
        if topGraphs > 1 { warnings.append("the document holds \(topGraphs) graphs; all were read into one network") }
        if skippedHyperedges > 0 {
            warnings.append("\(plural(skippedHyperedges, "hyperedge", "hyperedges")) left out: a network has only edges between two nodes")
        }
        if skippedPorts > 0 { warnings.append("\(plural(skippedPorts, "port", "ports")) left out") }

        let graphPlace = self.graphPlace
        let sourcesPlace = graphSeen["sources"]
        let declared = nodes.count
        let (nodeElements, edgeElements) = (
            network.nodes.indices.map { i in
                i < declared ? element(.node(i)) : "<node id=\(FieldText.quoted(network.nodes[i].id))> made for an <edge>"
            }, edges.indices.map { element(.edge($0)) }
        )
        try ValidationLocation.check(network, file: file, earlier: contentProblems, sourcesName: "the graph's sources data") { target in
            let at: (Int, Int)?
            var name: String
            switch target.collection {
            case .nodes:
                guard let place = assembly.place(ofNode: target.index, field: target.field) else { return nil }
                at = place
                name = nodeElements[target.index]
            case .edges:
                guard edges.indices.contains(target.index) else { return nil }
                at = target.field.flatMap { edges[target.index].places[$0] } ?? edges[target.index].place
                name = edgeElements[target.index]
            case .sources:
                at = sourcesPlace ?? graphPlace
                name = "<graph> data for sources"
            case .graph:
                at = graphPlace
                name = "<graph>"
            }
            if let field = target.field, target.collection != .sources, !["id", "source", "target"].contains(field) {
                name += " data for \(field)"
            }
            return at.map { ProblemPlace(file: file, line: $0.0, column: $0.1, path: name) }
        }
        return (network, warnings)
    }

    /// The element that owns data, as GraphML writes it: `<node id="a">`, `<edge source="a" target="b">`.
    func element(_ owner: Owner) -> String {
        switch owner {
        case .graph: "<graph>"
        case let .node(i): "<node id=\(FieldText.quoted(nodes[i].id))>"
        case let .edge(i): "<edge source=\(FieldText.quoted(edges[i].source)) target=\(FieldText.quoted(edges[i].target))>"
        case .skipped: "a nested element"
        }
    }

    static func some(_ items: [String]) -> String {
        let shown = items.prefix(5).map { FieldText.quoted($0) }.joined(separator: ", ")
        return items.count > 5 ? shown + " and \(items.count - 5) more" : shown
    }
}
