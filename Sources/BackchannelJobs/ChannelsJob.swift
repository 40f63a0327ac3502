import BackchannelAnalysis
import BackchannelModel
import BackchannelPresentation

/// Who can still reach whom across the conflict line: for every conflict, the vertex-disjoint
/// channels between each pair of opposed parties and the intermediaries that every channel needs.
///
/// - Parties of a conflict are the nodes with a `party_to` edge to it. A party's side is the `side`
///   attribute of its `party_to` edge, or else of the party itself. Two parties are opposed unless
///   both have a side and it is the same one; without sides every pair counts as opposed.
/// - Intermediaries are every node except the pair itself, conflicts, events, legal decisions,
///   agreements and official actors (kind `official`, or track I); `includeOfficial` lets the
///   official actors and the agreements in.
/// - Ties count in both directions; a direct tie between the two parties is reported on its own.
///
/// See ``VertexConnectivity`` for the method (Edmonds–Karp on the node-split graph).
public struct ChannelsJob: Sendable {
    /// Only this conflict (by id), or every conflict with parties.
    public var conflict: String?
    public var includeOfficial: Bool
    public var filter: NetworkFilter

    public init(conflict: String? = nil, includeOfficial: Bool = false, filter: NetworkFilter = NetworkFilter()) {
        self.conflict = conflict
        self.includeOfficial = includeOfficial
        self.filter = filter
    }

    /// Whether `node` may carry a channel between two other parties.
    public func mayIntermediate(_ node: Node) -> Bool {
        switch node.kind {
        case .conflict, .legal, .event: return false
        case .official, .agreement: return includeOfficial
        default: return includeOfficial || node.track != .one
        }
    }

    /// The channels with the counterfactual removals of ``filter`` (`without`…) beside those without
    /// them: what leaving those actors out costs.
    public func compare(_ network: Network) throws -> ChannelsComparison {
        var factual = self
        factual.filter = filter.factual
        return ChannelsComparison(before: try factual.run(network), after: try run(network), removed: filter.without.map(\.text).sorted())
    }

    public func run(_ network: Network) throws -> ChannelsReport {
        try filter.checkCounterfactual(against: network)
        let graph = CompactGraph(network, filter: filter, directed: true)
        var index: [ExactID: Int] = [:]
        for (i, id) in graph.ids.enumerated() { index[ExactID(id)] = i }
        let nodeByID = Dictionary(network.nodes.map { (ExactID($0.id), $0) }, uniquingKeysWith: { first, _ in first })
        func actor(_ id: String) -> ChannelsReport.Actor { ChannelsReport.Actor(id: id, label: nodeByID[ExactID(id)]?.label ?? id) }
        let mask = graph.ids.map { nodeByID[ExactID($0)].map(mayIntermediate) ?? false }

        if let conflict, nodeByID[ExactID(conflict)]?.kind != .conflict {
            throw JobError.notAConflict(conflict)
        }
        // Parties by conflict, in edge order, each once; the first side given wins.
        var order: [String] = []
        var parties: [ExactID: [(id: String, side: String?)]] = [:]
        for edge in network.edges where edge.relation == .partyTo && filter.includes(edge) {
            guard index[ExactID(edge.source)] != nil, index[ExactID(edge.target)] != nil else { continue }
            if let conflict, ExactID(edge.target) != ExactID(conflict) { continue }
            if parties[ExactID(edge.target)] == nil { order.append(edge.target) }
            let side = edge.attributes["side"]?.text ?? nodeByID[ExactID(edge.source)]?.attributes["side"]?.text
            let key = ExactID(edge.target)
            if let i = parties[key, default: []].firstIndex(where: { ExactID($0.id) == ExactID(edge.source) }) {
                if parties[key]![i].side == nil { parties[key]![i].side = side }
            } else {
                parties[key, default: []].append((edge.source, side))
            }
        }
        if let conflict, order.isEmpty { order = [conflict] }

        var conflicts: [ChannelsReport.Conflict] = []
        for c in order {
            let members = parties[ExactID(c)] ?? []
            var pairs: [ChannelsReport.Pair] = []
            for i in members.indices {
                for j in members.indices where j > i {
                    let (p, q) = (members[i], members[j])
                    if let s = p.side, let t = q.side, s == t { continue }
                    let channels = try VertexConnectivity.channels(in: graph, between: index[ExactID(p.id)]!, and: index[ExactID(q.id)]!, intermediaries: mask)
                    pairs.append(ChannelsReport.Pair(
                        a: actor(p.id), b: actor(q.id), sideA: p.side, sideB: q.side, directTie: channels.directTie,
                        paths: channels.paths.map { $0.dropFirst().dropLast().map { actor(graph.ids[$0]) } },
                        cut: channels.cut.map { actor(graph.ids[$0]) }))
                }
            }
            conflicts.append(ChannelsReport.Conflict(conflict: actor(c), parties: members.map { actor($0.id) }, pairs: pairs))
        }
        var parameters: [(key: String, value: JSONValue)] = [("include_official", .bool(includeOfficial))]
        if let conflict { parameters.insert(("conflict", .string(conflict)), at: 0) }
        if let years = filter.years { parameters.append(("years", .string("\(years.lowerBound)-\(years.upperBound)"))) }
        if !filter.without.isEmpty { parameters.append(("without", .array(filter.without.map(\.text).sorted().map { JSONNode(.string($0)) }))) }
        if !filter.withoutKinds.isEmpty { parameters.append(("without_kinds", .array(filter.withoutKinds.map(\.rawValue).sorted().map { JSONNode(.string($0)) }))) }
        if filter.withoutDesignated { parameters.append(("without_designated", .bool(true))) }
        return ChannelsReport(parameters: parameters, conflicts: conflicts)
    }
}
