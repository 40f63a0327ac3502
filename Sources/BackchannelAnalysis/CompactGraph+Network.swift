import BackchannelModel

/// Which part of a typed network an analysis looks at.
public struct NetworkFilter: Sendable {
    /// Keep only nodes of these kinds (all when nil).
    public var kinds: Set<NodeKind>?
    /// Keep only nodes on these tracks (all when nil; nodes without a track are dropped when set).
    public var tracks: Set<Track>?
    /// Keep only edges of these relations (all when nil).
    public var relations: Set<Relation>?
    /// Keep only edges whose years overlap this window (undated edges are kept).
    public var years: ClosedRange<Int>?
    /// Leave out these nodes (by id) and their edges: the counterfactual "without these actors".
    public var without: Set<ExactID> = []
    /// Leave out every node of these kinds.
    public var withoutKinds: Set<NodeKind> = []
    /// Leave out every node with a designation (on any list, at any time).
    public var withoutDesignated = false
    /// Count intended engagements (an edge's `status`) as ties too; by default only engagements that
    /// took place are ties. A refused engagement is never a tie (see ``Edge/isTie(includingIntended:)``).
    public var includeIntended = false
    /// Keep every edge whatever its `status`, refused ones included: for pages and drawings that
    /// show engagements that are no tie (a report's diagram and exposure table), never for measures.
    public var keepsEveryEngagement = false
    /// The network as it stood during this window (`--at`, `--between`), a year, year-month or day
    /// at each end: keep the nodes and the edges whose own periods overlap it, day by day (see
    /// ``Period/days``: the period 2021 overlaps 2021-07, the period 2021-03…2021-05 does not);
    /// undated nodes and edges stay unless ``datedOnly``.
    ///
    /// Unlike ``years`` (edges only), nodes are filtered by their own periods too. A period with only
    /// a start runs to the present. The window's ends must both be given.
    public var period: Period? {
        didSet { periodDays = period?.days }
    }
    /// ``period``'s days, once.
    var periodDays: ClosedRange<Int>?
    /// Keep only what the data dates: leave out undated edges, and every node with no dated edge
    /// kept (in ``period``, when one is given).
    public var datedOnly = false

    /// Whether ``period`` or ``datedOnly`` is set: the answer depends on the data's dates.
    public var isTimed: Bool { period != nil || datedOnly }

    /// The same filter without ``period`` and ``datedOnly``: what per-period snapshots are cut from.
    public var untimed: NetworkFilter {
        var f = self
        f.period = nil
        f.datedOnly = false
        return f
    }

    /// The time filter in words, for table headers and diagram titles: "at 2011", "2009–2011",
    /// with ", dated items only" for ``datedOnly``; nil when there is none.
    public var timeDescription: String? {
        guard isTimed else { return nil }
        var text: String
        if let period, let from = period.start, let to = period.end {
            text = from == to ? "at \(from.text)" : "between \(from.text) and \(to.text)"
            text += datedOnly ? " (dated nodes and ties only)" : " (undated nodes and ties kept)"
        } else {
            text = "dated nodes and ties only"
        }
        return text
    }

    /// The time filter as JSON `parameters` members: `"at": 2011` or `"between": [2009, 2011]` (a
    /// year-month or day as ISO text, `"at": "2021-07"`), and `"dated_only": true`.
    public var timeParameters: [(key: String, value: JSONValue)] {
        var out: [(key: String, value: JSONValue)] = []
        func value(_ d: PartialDate) -> JSONValue { d.precision == .year ? .int(d.year) : .string(d.text) }
        if let period, let from = period.start, let to = period.end {
            if from == to {
                out.append((key: "at", value: value(from)))
            } else {
                out.append((key: "between", value: .array([JSONNode(value(from)), JSONNode(value(to))])))
            }
        }
        if datedOnly { out.append((key: "dated_only", value: .bool(true))) }
        return out
    }

    /// Whether any node is left out on purpose (``without``, ``withoutKinds``, ``withoutDesignated``).
    public var isCounterfactual: Bool { !without.isEmpty || !withoutKinds.isEmpty || withoutDesignated }

    /// The same filter without the counterfactual removals: what a comparison is made against.
    public var factual: NetworkFilter {
        var f = self
        f.without = []
        f.withoutKinds = []
        f.withoutDesignated = false
        return f
    }

    public init(kinds: Set<NodeKind>? = nil, tracks: Set<Track>? = nil, relations: Set<Relation>? = nil, years: ClosedRange<Int>? = nil) {
        self.kinds = kinds
        self.tracks = tracks
        self.relations = relations
        self.years = years
    }

    public func includes(_ node: Node) -> Bool {
        if without.contains(ExactID(node.id)) || withoutKinds.contains(node.kind) { return false }
        if withoutDesignated && !node.designations.isEmpty { return false }
        if let kinds, !kinds.contains(node.kind) { return false }
        if let tracks {
            guard let t = node.track, tracks.contains(t) else { return false }
        }
        if let window = periodDays, !node.years.isEmpty, !node.years.overlaps(window) { return false }
        return true
    }

    /// Which of `network`'s nodes the filter keeps: ``includes(_:)-(Node)``, and with ``datedOnly``
    /// only those with a kept dated edge.
    /// - Complexity: O(n + m) with a dictionary of ids.
    public func keptNodes(_ network: Network) -> [Bool] {
        var kept = network.nodes.map(includes)
        guard datedOnly else { return kept }
        var position: [ExactID: Int] = [:]
        for (i, node) in network.nodes.enumerated() where kept[i] && position[ExactID(node.id)] == nil { position[ExactID(node.id)] = i }
        var tied = [Bool](repeating: false, count: kept.count)
        for edge in network.edges where includes(edge) {
            guard let a = position[ExactID(edge.source)], let b = position[ExactID(edge.target)] else { continue }
            tied[a] = true
            tied[b] = true
        }
        for i in kept.indices { kept[i] = kept[i] && tied[i] }
        return kept
    }

    public func includes(_ edge: Edge) -> Bool {
        if !keepsEveryEngagement && !edge.isTie(includingIntended: includeIntended) { return false }
        if let relations, !relations.contains(edge.relation) { return false }
        if let years, !edge.years.isEmpty {
            let window = PartialDate(years.lowerBound).firstDay...PartialDate(years.upperBound).lastDay
            if !edge.years.overlaps(window) { return false }
        }
        if edge.years.isEmpty {
            if datedOnly { return false }
        } else if let window = periodDays, !edge.years.overlaps(window) {
            return false
        }
        return true
    }
}

extension Network {
    /// The part of the network `filter` keeps: its nodes, the edges it keeps between them, and the
    /// sources they cite; what commands that work on the typed network (drawings, exposure,
    /// pathways, inclusion) read under `--at` / `--between`.
    ///
    /// With `keepingEveryEngagement`, intended and refused engagements stay among the edges
    /// (``NetworkFilter/keepsEveryEngagement``), while which nodes stay is still decided by ties: with
    /// ``NetworkFilter/datedOnly``, a node whose only dated edge is a refused engagement is left out.
    /// - Complexity: O(n + m) with a set of ids.
    public func filtered(by filter: NetworkFilter, keepingEveryEngagement: Bool = false) -> Network {
        let kept = filter.keptNodes(self)
        var edgeFilter = filter
        if keepingEveryEngagement { edgeFilter.keepsEveryEngagement = true }
        var sub = self
        sub.nodes = nodes.indices.filter { kept[$0] }.map { nodes[$0] }
        let ids = Set(sub.nodes.map { ExactID($0.id) })
        sub.edges = edges.filter { edgeFilter.includes($0) && ids.contains(ExactID($0.source)) && ids.contains(ExactID($0.target)) }
        let used = Set(
            sub.nodes.flatMap(\.sources) + sub.edges.flatMap(\.sources) + sub.nodes.flatMap { $0.designations.flatMap(\.sources) })
        sub.sources = sources.filter { used.contains($0.id) }
        return sub
    }
}

extension CompactGraph {
    /// The compact graph of `network`, restricted by `filter`; node order is the network's.
    ///
    /// Never fails: an edge whose weight is not a positive finite number (which `Network.validate`
    /// reports) is kept, recorded in ``invalidWeight``, and refused by every weighted measure.
    ///
    /// - Parameter directed: false treats every edge as undirected.
    /// - Complexity: O(n + m) with a dictionary of ids.
    public init(_ network: Network, filter: NetworkFilter = NetworkFilter(), directed: Bool = true) {
        // Ids are the same exactly when their scalars are (ExactID), as in validation.
        var index: [ExactID: Int32] = [:]
        var ids: [String] = []
        let kept = filter.keptNodes(network)
        for (i, node) in network.nodes.enumerated() where kept[i] && index[ExactID(node.id)] == nil {
            index[ExactID(node.id)] = Int32(ids.count)
            ids.append(node.id)
        }
        var s: [Int32] = [], t: [Int32] = [], w: [Double] = []
        var invalid: (edge: Int, weight: Double)?
        for edge in network.edges where filter.includes(edge) {
            guard let a = index[ExactID(edge.source)], let b = index[ExactID(edge.target)] else { continue }
            s.append(a)
            t.append(b)
            if invalid == nil && !(edge.weight.isFinite && edge.weight > 0) { invalid = (w.count, edge.weight) }
            w.append(edge.weight)
        }
        self.init(checked: ids, sources: s, targets: t, weights: w, directed: directed, invalidWeight: invalid)
    }
}
