/// Every shortest path from a source to a target (NetworkX's `all_shortest_paths`).
///
/// Ties are exact (`==` on summed lengths, as NetworkX). Paths are sorted by their node index
/// sequence; at most `limit` are returned, since their number can grow exponentially.
///
/// - Complexity: O(m log n) plus the size of the output.
public enum AllShortestPaths {
    /// - Throws: ``AnalysisError`` when `source` or `target` is not a node, `limit` < 1, or a weight is invalid.
    public static func find(_ graph: CompactGraph, from source: Int, to target: Int, weight: WeightMode = .none, limit: Int = 10_000)
        throws(AnalysisError) -> [Path]
    {
        try ArcView.check(graph, source: source, target: target)
        try Check.positive(limit, "limit")
        let view = try ArcView(graph, weight: weight)
        let (distance, _) = view.search(from: source)
        guard distance[target].isFinite else { return [] }
        let inLengths = try graph.lengths(weight, incoming: true)
        // Depth-first over the shortest-path predecessor DAG, back from the target, with an explicit
        // stack (a path can be as long as the graph, deeper than the thread's stack would allow).
        var result: [Path] = []
        var stack = [target]
        var nextArc = [Int(graph.inOffsets[target])]
        while let w = stack.last, result.count < limit {
            if w == source {
                result.append(Path(nodes: stack.reversed(), length: distance[target]))
                stack.removeLast()
                nextArc.removeLast()
                continue
            }
            let k = nextArc[nextArc.count - 1]
            guard k < Int(graph.inOffsets[w + 1]) else {
                stack.removeLast()
                nextArc.removeLast()
                continue
            }
            nextArc[nextArc.count - 1] = k + 1
            let v = Int(graph.inSources[k])
            if distance[v] + (inLengths?[k] ?? 1) == distance[w] {
                stack.append(v)
                nextArc.append(Int(graph.inOffsets[v]))
            }
        }
        return result.sorted { $0.nodes.lexicographicallyPrecedes($1.nodes) }
    }
}
