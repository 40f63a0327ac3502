/// Single-source shortest-path distances, for analyses and tests that need them directly.
///
/// - Complexity: O(m) unweighted (BFS), O(m log n) weighted (Dijkstra).
/// - Reference: Dijkstra, E. W. (1959). A note on two problems in connexion with graphs. Numerische
///   Mathematik 1, 269–271. doi:10.1007/BF01386390
public enum ShortestPaths {
    /// Distances from `source` along out-arcs (`+inf` where unreachable); `incoming` searches along in-arcs.
    ///
    /// - Throws: ``AnalysisError/invalidParameter(name:value:reason:)`` when `source` is not a node
    ///   index or a weighted search meets an invalid weight.
    public static func distances(_ graph: CompactGraph, from source: Int, weight: WeightMode = .none, incoming: Bool = false)
        throws(AnalysisError) -> [Double]
    {
        try Check.node(source, "source", nodeCount: graph.nodeCount)
        let lengths = try graph.lengths(weight, incoming: incoming)
        let offsets = incoming ? graph.inOffsets : graph.outOffsets
        let targets = incoming ? graph.inSources : graph.outTargets
        return offsets.withUnsafeBufferPointer { o in
            targets.withUnsafeBufferPointer { t in
                withOptionalBuffer(lengths) { l in
                    let search = ShortestPathSearch(n: graph.nodeCount, offsets: o, targets: t, lengths: l)
                    search.run(from: source, countPaths: false)
                    return Array(search.distance)
                }
            }
        }
    }
}
