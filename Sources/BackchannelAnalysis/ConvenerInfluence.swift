/// Which conveners are most influential, and why: a composite of four documented components.
///
/// On the undirected view of the network (a tie is a tie whichever way the relation runs), for every
/// convener:
/// 1. **brokerage**: Gould–Fernandez brokerage across groups (itinerant + representative +
///    gatekeeper + liaison two-paths, see ``Brokerage``) with the track as the partition: how often
///    the convener links actors who are not tied to each other, across tracks and parties;
/// 2. **betweenness**: normalized betweenness centrality (``BetweennessCentrality``);
/// 3. **reach**: the conflicts and participants within two steps, as a share of all of them;
/// 4. **pagerank**: PageRank (α = 0.85) of the undirected network.
/// Each component is divided by its largest value among the conveners (so the best convener on that
/// component scores 1), and the influence score is the mean of the four. Every component is
/// reported, so an analyst can see why a convener ranks where it does.
///
/// - Complexity: dominated by betweenness, O(nm).
public struct ConvenerInfluence: Sendable {
    public struct Entry: Sendable {
        public var node: Int
        public var score: Double
        /// Raw component values: brokerage (count), betweenness, reach (count), pagerank.
        public var raw: [Double]
        /// Components divided by their maximum among conveners.
        public var scaled: [Double]
    }

    public static let components = ["brokerage", "betweenness", "reach", "pagerank"]
    public static let reachRadius = 2

    public var isConvener: [Bool]
    /// Nodes that count towards reach (conflicts and participants).
    public var isReachTarget: [Bool]
    /// Group per node for brokerage (tracks).
    public var groups: [Int]

    public init(isConvener: [Bool], isReachTarget: [Bool], groups: [Int]) {
        self.isConvener = isConvener
        self.isReachTarget = isReachTarget
        self.groups = groups
    }

    /// Conveners, best first (ties in node order). `graph` should be undirected.
    public func rank(_ graph: CompactGraph) throws(AnalysisError) -> [Entry] {
        let n = graph.nodeCount
        let (roles, _) = Brokerage(groups: groups).scores(graph)
        let crossing: [Brokerage.Role] = [.itinerant, .representative, .gatekeeper, .liaison]
        let brokerage = (0..<n).map { v in crossing.reduce(0.0) { $0 + roles[$1]![v] } }
        let betweenness = BetweennessCentrality().scores(graph)
        let pagerank = try PageRank(maxIterations: 1000).scores(graph)
        let targets = Double(max(1, isReachTarget.count { $0 }))
        let conveners = (0..<n).filter { isConvener[$0] }
        var raw: [[Double]] = []
        for v in conveners {
            let d = ShortestPaths.distances(graph, from: v)
            let reached = (0..<n).count { $0 != v && isReachTarget[$0] && d[$0] <= Double(Self.reachRadius) }
            raw.append([brokerage[v], betweenness[v], Double(reached) / targets, pagerank[v]])
        }
        let maxima = (0..<Self.components.count).map { c in raw.map { $0[c] }.max() ?? 0 }
        var entries = zip(conveners, raw).map { v, r in
            let scaled = r.indices.map { maxima[$0] > 0 ? r[$0] / maxima[$0] : 0 }
            return Entry(node: v, score: scaled.reduce(0, +) / Double(scaled.count), raw: r, scaled: scaled)
        }
        entries.sort { $0.score != $1.score ? $0.score > $1.score : $0.node < $1.node }
        return entries
    }
}
