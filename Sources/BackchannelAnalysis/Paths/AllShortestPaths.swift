/// Every shortest path from a source to a target (NetworkX's `all_shortest_paths`).
///
/// Ties are exact (`==` on summed lengths, as NetworkX). Paths are sorted by their node index
/// sequence; at most `limit` are returned, since their number can grow exponentially.
///
/// - Complexity: O(m log n) plus the size of the output.
public enum AllShortestPaths {
    /// - Throws: ``AnalysisError`` when `source` or `target` is not a node, `limit` < 1, or a weight is invalid.
    public static func find(_ graph: CompactGraph, from source: Int, to target: Int, weight: WeightMode = .none, limit: Int = 10_000) throws(AnalysisError) -> [Path] {
        try ArcView.check(graph, source: source, target: target)
        try Check.positive(limit, "limit")
        let view = try ArcView(graph, weight: weight)
        let (distance, _) = view.search(from: source)
        guard distance[target].isFinite else { return [] }
        let inLengths = try graph.lengths(weight, incoming: true)
        var result: [Path] = []
        var stack = [target]
        func walk(_ w: Int) {
            if result.count >= limit { return }
            if w == source {
                result.append(Path(nodes: stack.reversed(), length: distance[target]))
                return
            }
            for k in Int(graph.inOffsets[w])..<Int(graph.inOffsets[w + 1]) {
                let v = Int(graph.inSources[k])
                if distance[v] + (inLengths?[k] ?? 1) == distance[w] {
                    stack.append(v)
                    walk(v)
                    stack.removeLast()
                }
            }
        }
        walk(target)
        return result.sorted { $0.nodes.lexicographicallyPrecedes($1.nodes) }
    }
}
