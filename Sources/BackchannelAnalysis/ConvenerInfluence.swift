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
/// - Complexity: dominated by betweenness, O(nm). Reach runs 256 searches per pass
///   (``MultiSourceBFS``), two levels deep from the targets: O(⌈t/256⌉ · (n + m)) word operations
///   for t targets.
public struct ConvenerInfluence: Sendable {
    /// The four components of the composite, by name.
    public struct Components: Sendable, Equatable {
        /// Brokerage across tracks: itinerant + representative + gatekeeper + liaison two-paths.
        public var brokerage: Double
        /// Normalized betweenness.
        public var betweenness: Double
        /// Conflicts and participants within ``ConvenerInfluence/reachRadius`` steps, as a share of all of them.
        public var reach: Double
        /// PageRank (α = 0.85).
        public var pagerank: Double

        public init(brokerage: Double, betweenness: Double, reach: Double, pagerank: Double) {
            self.brokerage = brokerage
            self.betweenness = betweenness
            self.reach = reach
            self.pagerank = pagerank
        }

        /// The components in ``ConvenerInfluence/components`` order, with their names.
        public var named: [(name: String, value: Double)] {
            [("brokerage", brokerage), ("betweenness", betweenness), ("reach", reach), ("pagerank", pagerank)]
        }

        func map(_ f: (Double, KeyPath<Components, Double>) -> Double) -> Components {
            Components(
                brokerage: f(brokerage, \.brokerage), betweenness: f(betweenness, \.betweenness), reach: f(reach, \.reach),
                pagerank: f(pagerank, \.pagerank))
        }
    }

    public struct Entry: Sendable {
        public var node: Int
        public var score: Double
        /// Raw component values: brokerage (count), betweenness, reach (share), pagerank.
        public var raw: Components
        /// Components divided by their maximum among conveners.
        public var scaled: Components
    }

    public static let components = ["brokerage", "betweenness", "reach", "pagerank"]
    public static let reachRadius = 2

    public var isConvener: [Bool]
    /// Nodes that count towards reach (conflicts and participants).
    public var isReachTarget: [Bool]
    /// Group per node for brokerage (tracks).
    public var groups: [Int]
    /// The betweenness component, with its defaults.
    public var betweenness = BetweennessCentrality()
    /// The PageRank component, with its defaults (converged to 1e-10, see ``PageRank``).
    public var pagerank = PageRank()

    public init(isConvener: [Bool], isReachTarget: [Bool], groups: [Int]) {
        self.isConvener = isConvener
        self.isReachTarget = isReachTarget
        self.groups = groups
    }

    /// Conveners, best first (ties in node order). `graph` should be undirected.
    ///
    /// - Throws: ``AnalysisError/invalidParameter(name:value:reason:)`` unless `isConvener`,
    ///   `isReachTarget` and `groups` have one entry per node; errors of the component measures.
    public func rank(_ graph: CompactGraph) throws(AnalysisError) -> [Entry] {
        let n = graph.nodeCount
        try Check.count(isConvener.count, "isConvener", nodeCount: n)
        try Check.count(isReachTarget.count, "isReachTarget", nodeCount: n)
        let (roles, _) = try Brokerage(groups: groups).scores(graph)
        let crossing: [Brokerage.Role] = [.itinerant, .representative, .gatekeeper, .liaison]
        let brokerage = (0..<n).map { v in crossing.reduce(0.0) { $0 + roles[$1]![v] } }
        let betweenness = try self.betweenness.scores(graph)
        let pagerank = try self.pagerank.scores(graph)
        let targets = Double(max(1, isReachTarget.count { $0 }))
        let conveners = (0..<n).filter { isConvener[$0] }
        // Reach: one 256-source search per batch of targets, against the arcs, two levels deep; the
        // count at a node is the number of targets within two steps of it (itself included when it
        // is a target).
        let within = multiSourceIncomingSums(
            graph, from: breadthFirstOrder(graph).filter { isReachTarget[Int($0)] }, maxLevel: Self.reachRadius,
            reversed: true
        ).reached
        let raw = conveners.map { v in
            let reached = within[v] - (isReachTarget[v] ? 1 : 0)
            return Components(
                brokerage: brokerage[v], betweenness: betweenness[v], reach: Double(reached) / targets, pagerank: pagerank[v])
        }
        let zero = Components(brokerage: 0, betweenness: 0, reach: 0, pagerank: 0)
        let maxima = zero.map { _, key in raw.map { $0[keyPath: key] }.max() ?? 0 }
        var entries = zip(conveners, raw).map { v, r in
            let scaled = r.map { x, key in maxima[keyPath: key] > 0 ? x / maxima[keyPath: key] : 0 }
            let score = (scaled.brokerage + scaled.betweenness + scaled.reach + scaled.pagerank) / 4
            return Entry(node: v, score: score, raw: r, scaled: scaled)
        }
        entries.sort { $0.score != $1.score ? $0.score > $1.score : $0.node < $1.node }
        return entries
    }
}
