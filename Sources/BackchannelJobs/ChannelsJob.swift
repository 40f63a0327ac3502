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
///   Legal acts (``legalActs``: `designates`, `constrains`, `upholds`, `administers`) are no ties
///   here: a listing or a ruling records what an authority did to an actor, not a line of contact,
///   so a designating department never carries a channel to the actor it lists.
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

    /// The relations that record a legal act rather than contact, which carry no channel.
    public static let legalActs: Set<Relation> = [.designates, .constrains, .upholds, .administers]

    /// ``filter`` without the ``legalActs``: the ties channels run along.
    var tieFilter: NetworkFilter {
        var f = filter
        f.relations = (f.relations ?? Set(Relation.allCases)).subtracting(Self.legalActs)
        return f
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
        let graph = CompactGraph(network, filter: tieFilter, directed: true)
        let setting = try Setting(self, network: network, ids: graph.ids, edgeFilter: filter)
        let conflicts = try setting.conflicts(in: graph, present: nil)
        return ChannelsReport(parameters: parameters, conflicts: conflicts)
    }

    /// The channels in every period's snapshot (`--every year|quarter|month`): one conflict entry per
    /// conflict and period, with its `period` ("2021", "2021-Q3", "2021-07").
    ///
    /// The network is read once into a ``TemporalGraph``; each period's graph is cut from its arrays
    /// (ties whose periods overlap the period's days, undated ties unless ``NetworkFilter/datedOnly``).
    /// Parties are the conflict's `party_to` nodes over the whole span; a pair is listed in a period
    /// when both parties are present then, and only present intermediaries carry channels.
    /// - Parameter window: the days whose periods are listed, each period's snapshot clipped to them;
    ///   nil: ``NetworkFilter/period``'s days, or (unclipped) the span of the data's dates. At most
    ///   ``TimeStep/maximumPeriods`` periods.
    /// - Complexity: P snapshots of O(n + m) and P runs of ``run(_:)``'s flows.
    public func runEvery(_ network: Network, every: TimeStep = .year, window: ClosedRange<Int>? = nil) throws -> ChannelsReport {
        let periods = try periods(network, every: every, window: window)
        var conflicts: [ChannelsReport.Conflict] = []
        for p in periods { conflicts += p.conflicts }
        var parameters = parameters
        parameters.append((key: "every", value: .string(every.rawValue)))
        return ChannelsReport(parameters: parameters, conflicts: conflicts)
    }

    /// One period's conflicts, as ``runEvery(_:every:window:)`` lists them.
    public struct Period: Sendable {
        /// "2021", "2021-Q3" or "2021-07".
        public var label: String
        /// The period's days (day ordinals, ``PartialDate/ordinal(year:month:day:)``), clipped to the window.
        public var days: ClosedRange<Int>
        public var conflicts: [ChannelsReport.Conflict]
        /// Which of the temporal graph's nodes are present in the period, and their ties (distinct neighbours).
        public var present: [Bool]
        public var neighbours: [Int]
        public var graph: CompactGraph
    }

    /// The per-period channels and snapshots behind ``runEvery(_:every:window:)`` (and `warnings`),
    /// with the ids of the temporal graph every snapshot shares.
    public func periods(_ network: Network, every: TimeStep = .year, window: ClosedRange<Int>? = nil) throws -> [Period] {
        try filter.checkCounterfactual(against: network)
        let base = filter.untimed
        let temporal = TemporalGraph(network, filter: tieFilter.untimed, directed: true)
        let clip = window ?? filter.period?.days
        guard let span = clip ?? temporal.span else {
            throw AnalysisError.invalidParameter(
                name: "every", value: every.rawValue, reason: "the network holds no dates, so it has no periods")
        }
        let setting = try Setting(self, network: network, ids: temporal.ids, edgeFilter: base)
        var out: [Period] = []
        for index in try every.indices(covering: span, limit: TimeStep.maximumPeriods) {
            // Each period clipped to the window asked for: --at 2008-03 --every quarter counts March only.
            var days = every.days(index)
            if let clip { days = max(days.lowerBound, clip.lowerBound)...min(days.upperBound, clip.upperBound) }
            let label = every.label(index)
            let (graph, present) = try temporal.snapshot(days, datedOnly: filter.datedOnly)
            var conflicts = try setting.conflicts(in: graph, present: present)
            for i in conflicts.indices { conflicts[i].period = label }
            let neighbours = Self.neighbourCounts(graph)
            out.append(Period(label: label, days: days, conflicts: conflicts, present: present, neighbours: neighbours, graph: graph))
        }
        return out
    }

    /// Each node's distinct neighbours, ties in either direction.
    /// - Complexity: O(n + m).
    static func neighbourCounts(_ graph: CompactGraph) -> [Int] {
        var seen = [Int](repeating: -1, count: graph.nodeCount)
        return (0..<graph.nodeCount).map { v in
            var count = 0
            for k in Int(graph.outOffsets[v])..<Int(graph.outOffsets[v + 1]) {
                let w = Int(graph.outTargets[k])
                if w != v && seen[w] != v { seen[w] = v; count += 1 }
            }
            for k in Int(graph.inOffsets[v])..<Int(graph.inOffsets[v + 1]) {
                let w = Int(graph.inSources[k])
                if w != v && seen[w] != v { seen[w] = v; count += 1 }
            }
            return count
        }
    }

    /// What the JSON `parameters` record.
    var parameters: [(key: String, value: JSONValue)] {
        var parameters: [(key: String, value: JSONValue)] = [("include_official", .bool(includeOfficial))]
        if let conflict { parameters.insert(("conflict", .string(conflict)), at: 0) }
        if let years = filter.years { parameters.append(("years", .string("\(years.lowerBound)-\(years.upperBound)"))) }
        if !filter.without.isEmpty {
            parameters.append(("without", .array(filter.without.map(\.text).sorted().map { JSONNode(.string($0)) })))
        }
        if !filter.withoutKinds.isEmpty {
            parameters.append(("without_kinds", .array(filter.withoutKinds.map(\.rawValue).sorted().map { JSONNode(.string($0)) })))
        }
        if filter.withoutDesignated { parameters.append(("without_designated", .bool(true))) }
        parameters += filter.timeParameters
        return parameters
    }

    /// The conflicts, their parties and the intermediaries, fixed for every snapshot of one id list.
    struct Setting {
        var order: [String] = []
        var parties: [ExactID: [(id: String, side: String?)]] = [:]
        var index: [ExactID: Int] = [:]
        var mask: [Bool]
        var ids: [String]
        var actors: [ExactID: ChannelsReport.Actor] = [:]

        init(_ job: ChannelsJob, network: Network, ids: [String], edgeFilter: NetworkFilter) throws {
            self.ids = ids
            for (i, id) in ids.enumerated() { index[ExactID(id)] = i }
            let nodeByID = Dictionary(network.nodes.map { (ExactID($0.id), $0) }, uniquingKeysWith: { first, _ in first })
            for node in network.nodes where actors[ExactID(node.id)] == nil {
                actors[ExactID(node.id)] = ChannelsReport.Actor(id: node.id, label: node.label)
            }
            mask = ids.map { nodeByID[ExactID($0)].map(job.mayIntermediate) ?? false }
            if let conflict = job.conflict, nodeByID[ExactID(conflict)]?.kind != .conflict {
                throw JobError.notAConflict(conflict)
            }
            // Parties by conflict, in edge order, each once; the first side given wins.
            let found = ConflictParties(network, conflict: job.conflict) { edge in
                edgeFilter.includes(edge) && index[ExactID(edge.source)] != nil && index[ExactID(edge.target)] != nil
            }
            order = found.order
            parties = found.parties.mapValues { $0.map { (id: $0.id, side: $0.side) } }
            if let conflict = job.conflict, order.isEmpty { order = [conflict] }
        }

        func actor(_ id: String) -> ChannelsReport.Actor { actors[ExactID(id)] ?? ChannelsReport.Actor(id: id, label: id) }

        /// Every conflict's opposed pairs in `graph` (whose ids are ``ids``); with `present`, only
        /// pairs of present parties, through present intermediaries.
        func conflicts(in graph: CompactGraph, present: [Bool]?) throws -> [ChannelsReport.Conflict] {
            let mask = present.map { p in self.mask.indices.map { self.mask[$0] && p[$0] } } ?? self.mask
            var conflicts: [ChannelsReport.Conflict] = []
            var solver = try VertexConnectivity.Solver(graph: graph, intermediaries: mask)
            for c in order {
                let members = parties[ExactID(c)] ?? []
                var pairs: [ChannelsReport.Pair] = []
                for i in members.indices {
                    for j in members.indices where j > i {
                        let (p, q) = (members[i], members[j])
                        if let s = p.side, let t = q.side, s == t { continue }
                        let u = index[ExactID(p.id)]!, v = index[ExactID(q.id)]!
                        if let present, !(present[u] && present[v]) { continue }
                        let channels = try solver.channels(between: u, and: v)
                        pairs.append(
                            ChannelsReport.Pair(
                                a: actor(p.id), b: actor(q.id), sideA: p.side, sideB: q.side, directTie: channels.directTie,
                                paths: channels.paths.map { $0.dropFirst().dropLast().map { actor(graph.ids[$0]) } },
                                cut: channels.cut.map { actor(graph.ids[$0]) }))
                    }
                }
                conflicts.append(ChannelsReport.Conflict(conflict: actor(c), parties: members.map { actor($0.id) }, pairs: pairs))
            }
            return conflicts
        }
    }
}
