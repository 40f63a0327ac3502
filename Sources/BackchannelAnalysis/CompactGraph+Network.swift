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

    public init(kinds: Set<NodeKind>? = nil, tracks: Set<Track>? = nil, relations: Set<Relation>? = nil, years: ClosedRange<Int>? = nil) {
        self.kinds = kinds
        self.tracks = tracks
        self.relations = relations
        self.years = years
    }

    public func includes(_ node: Node) -> Bool {
        if let kinds, !kinds.contains(node.kind) { return false }
        if let tracks {
            guard let t = node.track, tracks.contains(t) else { return false }
        }
        return true
    }

    public func includes(_ edge: Edge) -> Bool {
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
    /// - Parameter directed: false treats every edge as undirected (`--undirected`).
    public init(_ network: Network, filter: NetworkFilter = NetworkFilter(), directed: Bool = true) {
        // Ids are the same exactly when their scalars are (ExactID), as in validation.
        var index: [ExactID: Int32] = [:]
        var ids: [String] = []
        for node in network.nodes where filter.includes(node) && index[ExactID(node.id)] == nil {
            index[ExactID(node.id)] = Int32(ids.count)
            ids.append(node.id)
        }
        var s: [Int32] = [], t: [Int32] = [], w: [Double] = []
        for edge in network.edges where filter.includes(edge) {
            guard let a = index[ExactID(edge.source)], let b = index[ExactID(edge.target)] else { continue }
            s.append(a)
            t.append(b)
            w.append(edge.weight)
        }
        self.init(ids: ids, sources: s, targets: t, weights: w, directed: directed)
    }
}
