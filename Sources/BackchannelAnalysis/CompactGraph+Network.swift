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
    /// Count intended and refused engagements (an edge's `status`) as ties too; by default only
    /// engagements that took place are ties (see ``EngagementStatus``).
    public var includeIntended = false

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
        return true
    }

    public func includes(_ edge: Edge) -> Bool {
        if !includeIntended && !edge.tookPlace { return false }
        if let relations, !relations.contains(edge.relation) { return false }
        if let years {
            let start = edge.years.start ?? edge.years.end ?? years.lowerBound
            let end = edge.years.end ?? Int.max
            if end < years.lowerBound || start > years.upperBound { return false }
        }
        return true
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
        for node in network.nodes where filter.includes(node) && index[ExactID(node.id)] == nil {
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
