import BackchannelModel

/// The fewest-hop path in which each edge is no earlier than the one before (a time-respecting path).
///
/// An edge dated by a period [start, end] (as days: the first day of its start to the last of its end) can be taken at any time t with start ≤ t ≤ end (no end:
/// to the present); walking it moves the path's clock to max(clock, start). Undated edges can be taken
/// at any time and leave the clock alone. Among paths with the fewest hops, the one whose clock ends
/// earliest is kept (ties: the edge listed first).
///
/// Runs on the network's compact graph (``CompactGraph`` with its arc → edge map) with the edges'
/// years as index arrays.
///
/// - Complexity: O(h·m) for h hops: a breadth-first search over (node, clock) labels, keeping per node
///   only labels not dominated by an earlier-clock label with no more hops.
/// - Reference: Kempe, Kleinberg & Kumar (2002). Connectivity and inference problems for temporal
///   networks. Journal of Computer and System Sciences 64(4), 820–842. doi:10.1006/jcss.2002.1829
public enum TimeRespectingPath {
    /// Node ids and the index (in `network.edges`) of the edge used for each hop.
    public struct Result: Sendable, Equatable {
        public var nodes: [String]
        public var edges: [Int]
    }

    /// The path from the node with id `source` to the one with id `target`, or nil when no
    /// time-respecting path joins them (or either id is not a node the filter keeps).
    public static func find(
        _ network: Network, from source: String, to target: String, filter: NetworkFilter = NetworkFilter(), directed: Bool = true
    ) -> Result? {
        let typed = TypedGraph(network, directed: directed, keepNode: filter.includes, keep: filter.includes)
        let index = network.nodeIndex()
        guard let s = index[ExactID(source)], let t = index[ExactID(target)], filter.includes(network.nodes[s]),
            filter.includes(network.nodes[t])
        else {
            return nil
        }
        // Per kept edge: the clock bounds, as day ordinals (the first day of its start, the last of its end).
        let start = typed.edgeIndex.map { (network.edges[$0].years.start ?? network.edges[$0].years.end)?.firstDay }
        let end = typed.edgeIndex.map { network.edges[$0].years.end?.lastDay }
        let (offsets, heads, edges) = typed.incidenceInEdgeOrder()
        struct Label { var node: Int; var clock: Int; var parent: Int; var edge: Int }
        var labels = [Label(node: s, clock: Int.min, parent: -1, edge: -1)]
        var bestClock = [Int?](repeating: nil, count: typed.graph.nodeCount)
        bestClock[s] = Int.min
        var frontier = [0]
        while !frontier.isEmpty {
            var next: [Int] = []
            for l in frontier {
                let label = labels[l]
                for a in offsets[label.node]..<offsets[label.node + 1] {
                    let to = Int(heads[a]), e = Int(edges[a])
                    var clock = label.clock
                    if let first = start[e] {
                        clock = max(clock, first)
                        if let last = end[e], clock > last { continue }
                    }
                    if let best = bestClock[to], best <= clock { continue }
                    bestClock[to] = clock
                    labels.append(Label(node: to, clock: clock, parent: l, edge: e))
                    next.append(labels.count - 1)
                }
            }
            if let hit = next.filter({ labels[$0].node == t }).min(by: { labels[$0].clock < labels[$1].clock }) {
                var nodes: [String] = [], path: [Int] = []
                var l = hit
                while l >= 0 {
                    nodes.append(network.nodes[labels[l].node].id)
                    if labels[l].edge >= 0 { path.append(typed.edgeIndex[labels[l].edge]) }
                    l = labels[l].parent
                }
                return Result(nodes: nodes.reversed(), edges: path.reversed())
            }
            frontier = next
        }
        return s == t ? Result(nodes: [source], edges: []) : nil
    }
}
