import BackchannelAnalysis
import BackchannelModel
import BackchannelPresentation

/// `backchannel inclusion`: which parties of each conflict unofficial channels engage.
///
/// Parties are the nodes with a `party_to` edge to the conflict. A party is engaged by a node when
/// the party, or one of its members (`member_of`, either direction), is tied to that node by an
/// engagement: `participates_in`, `convenes`, `urges`, `partners_with` or `provides` (either
/// direction). The engagement is unofficial when that node is on track II, III, 1.5 or prevention,
/// or is a convener without a track; official when it is on track I or of kind `official`. Nodes
/// with neither (an undated, untracked event) engage no one. Armed groups are not marked by the
/// model; designated parties are (a designation in the data).
///
/// - Complexity: O(n + m).
public struct InclusionJob: Sendable {
    public var conflict: String?
    /// The time window (``NetworkFilter/period``) and ``NetworkFilter/datedOnly`` that ``report(_:)``
    /// applies; inclusion reads no other part of a filter.
    public var filter: NetworkFilter
    /// Per-period inclusion (`--every`), or nil for one report.
    public var every: TimeStep?

    public init(conflict: String? = nil, filter: NetworkFilter = NetworkFilter(), every: TimeStep? = nil) {
        self.conflict = conflict
        self.filter = filter
        self.every = every
    }

    static let engagements: Set<Relation> = [.participatesIn, .convenes, .urges, .partnersWith, .provides]

    enum Channel { case unofficial, official, none }

    static func channel(of node: Node) -> Channel {
        if node.kind == .official || node.track == .one { return .official }
        if let track = node.track { return track == .one ? .official : .unofficial }
        return node.kind == .convener ? .unofficial : .none
    }

    /// The report ``filter`` and ``every`` ask for: per period (``runEvery(_:every:window:datedOnly:)``
    /// within the filter's window), or ``run(_:)`` on the network as it stood in the window. A
    /// conflict asked for that does not exist in the window has no entry.
    /// - Complexity: O(n + m), or P × O(n + m) for P periods.
    public func report(_ network: Network) throws -> InclusionReport {
        if let every { return try runEvery(network, every: every, window: filter.period, datedOnly: filter.datedOnly) }
        var time = NetworkFilter()
        time.period = filter.period
        time.datedOnly = filter.datedOnly
        let snapshot = time.isTimed ? network.filtered(by: time) : network
        if let conflict, time.isTimed, snapshot.node(conflict) == nil, network.node(conflict)?.kind == .conflict {
            return InclusionReport(conflicts: [])
        }
        return try run(snapshot)
    }

    /// The parties' inclusion in every period (`--every year|quarter|month`): the network as it stood
    /// in each period (``NetworkFilter/period``, undated nodes and ties kept unless `datedOnly`, as
    /// `--at` gives it), one conflict entry per conflict and period, with its `period`.
    /// - Parameter window: the window whose periods are listed, each period clipped to it
    ///   (``TimeStep/period(_:count:within:)``); nil: the span of the data's dates. At most
    ///   ``TimeStep/maximumPeriods`` periods.
    /// - Complexity: P × O(n + m) for P periods.
    public func runEvery(_ network: Network, every: TimeStep, window: Period? = nil, datedOnly: Bool = false) throws
        -> InclusionReport
    {
        guard let span = window?.days ?? TemporalGraph(network).span else {
            throw AnalysisError.invalidParameter(
                name: "every", value: every.rawValue, reason: "the network holds no dates, so it has no periods")
        }
        var conflicts: [InclusionReport.Conflict] = []
        for index in try every.indices(covering: span, limit: TimeStep.maximumPeriods) {
            var filter = NetworkFilter()
            filter.period = every.period(index, within: window)
            filter.datedOnly = datedOnly
            let snapshot = network.filtered(by: filter)
            // A conflict asked for that does not exist in this period has no entry there.
            if let conflict, snapshot.node(conflict) == nil { continue }
            var report = try run(snapshot)
            for i in report.conflicts.indices { report.conflicts[i].period = every.label(index) }
            conflicts += report.conflicts
        }
        return InclusionReport(conflicts: conflicts)
    }

    public func run(_ network: Network) throws -> InclusionReport {
        let index = network.nodeIndex()
        if let conflict, index[ExactID(conflict)].map({ network.nodes[$0].kind }) != .conflict {
            throw JobError.notAConflict(conflict)
        }
        var members: [[Int]] = Array(repeating: [], count: network.nodes.count)
        var engaged: [[Int]] = Array(repeating: [], count: network.nodes.count)
        for edge in network.edges {
            guard let s = index[ExactID(edge.source)], let t = index[ExactID(edge.target)] else { continue }
            if edge.relation == .memberOf {
                members[s].append(t)
                members[t].append(s)
            } else if Self.engagements.contains(edge.relation) {
                engaged[s].append(t)
                engaged[t].append(s)
            }
        }
        let found = ConflictParties(network, conflict: conflict) { edge in
            index[ExactID(edge.source)] != nil && index[ExactID(edge.target)] != nil
        }
        var partiesOf: [Int: [Int]] = [:]
        var order: [Int] = []
        for c in found.order {
            guard let t = index[ExactID(c)] else { continue }
            order.append(t)
            // Two parties of one id are one node, as every edge end resolves to the first.
            var ps: [Int] = []
            for p in found.parties[ExactID(c)] ?? [] { if let s = index[ExactID(p.id)], !ps.contains(s) { ps.append(s) } }
            partiesOf[t] = ps
        }
        if let conflict, order.isEmpty, let c = index[ExactID(conflict)] { order = [c] }
        var conflicts: [InclusionReport.Conflict] = []
        for c in order {
            let parties = (partiesOf[c] ?? []).map { p -> InclusionReport.Party in
                let party = network.nodes[p]
                var unofficial: [String] = [], official: [String] = []
                for who in [p] + members[p] {
                    for other in engaged[who] where other != p {
                        let id = network.nodes[other].id
                        switch Self.channel(of: network.nodes[other]) {
                        case .unofficial: if !unofficial.contains(id) { unofficial.append(id) }
                        case .official: if !official.contains(id) { official.append(id) }
                        case .none: break
                        }
                    }
                }
                let status: InclusionReport.Status = !unofficial.isEmpty ? .unofficial : (!official.isEmpty ? .officialOnly : .none)
                return InclusionReport.Party(
                    id: party.id, label: party.label, designated: !party.designations.isEmpty, status: status,
                    unofficialTies: unofficial, officialTies: official)
            }
            let node = network.nodes[c]
            conflicts.append(InclusionReport.Conflict(id: node.id, label: node.label, parties: parties))
        }
        return InclusionReport(conflicts: conflicts)
    }
}
