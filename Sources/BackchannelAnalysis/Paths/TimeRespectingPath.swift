import BackchannelModel

/// The fewest-hop path in which each edge is no earlier than the one before (a time-respecting path).
///
/// An edge dated by a year span [start, end] can be taken at any time t with start ≤ t ≤ end (no end:
/// to the present); walking it moves the path's clock to max(clock, start). Undated edges can be taken
/// at any time and leave the clock alone. Among paths with the fewest hops, the one whose clock ends
/// earliest is kept (ties: the edge listed first).
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

    public static func find(_ network: Network, from source: String, to target: String, filter: NetworkFilter = NetworkFilter(), directed: Bool = true) -> Result? {
        let keep = Set(network.nodes.filter(filter.includes).map(\.id))
        var adjacency: [String: [(to: String, edge: Int)]] = [:]
        for (i, e) in network.edges.enumerated() where filter.includes(e) && keep.contains(e.source) && keep.contains(e.target) {
            adjacency[e.source, default: []].append((e.target, i))
            if !directed { adjacency[e.target, default: []].append((e.source, i)) }
        }
        struct Label { var node: String; var clock: Int; var parent: Int; var edge: Int }
        var labels = [Label(node: source, clock: Int.min, parent: -1, edge: -1)]
        var bestClock: [String: Int] = [source: Int.min]
        var frontier = [0]
        while !frontier.isEmpty {
            var next: [Int] = []
            for l in frontier {
                let label = labels[l]
                for (to, edgeIndex) in adjacency[label.node] ?? [] {
                    let years = network.edges[edgeIndex].years
                    var clock = label.clock
                    if let start = years.start ?? years.end {
                        clock = max(clock, start)
                        if let end = years.end, clock > end { continue }
                    }
                    if let best = bestClock[to], best <= clock { continue }
                    bestClock[to] = clock
                    labels.append(Label(node: to, clock: clock, parent: l, edge: edgeIndex))
                    next.append(labels.count - 1)
                }
            }
            if let hit = next.filter({ labels[$0].node == target }).min(by: { labels[$0].clock < labels[$1].clock }) {
                var nodes: [String] = [], edges: [Int] = []
                var l = hit
                while l >= 0 {
                    nodes.append(labels[l].node)
                    if labels[l].edge >= 0 { edges.append(labels[l].edge) }
                    l = labels[l].parent
                }
                return Result(nodes: nodes.reversed(), edges: edges.reversed())
            }
            frontier = next
        }
        return source == target ? Result(nodes: [source], edges: []) : nil
    }
}
