/// Every simple path from a source to a target with at most `maxLength` edges (NetworkX's
/// `all_simple_paths` with `cutoff`), depth-first in node index order, at most `limit` paths.
///
/// - Complexity: exponential in `maxLength` in the worst case; bounded by `limit`.
public enum AllSimplePaths {
    /// - Throws: ``AnalysisError`` when `source` or `target` is not a node, `maxLength` < 0,
    ///   `limit` < 1, or a weight is invalid.
    public static func find(_ graph: CompactGraph, from source: Int, to target: Int, maxLength: Int, weight: WeightMode = .none, limit: Int = 10_000) throws(AnalysisError) -> [Path] {
        try ArcView.check(graph, source: source, target: target)
        guard maxLength >= 0 else { throw .invalidParameter(name: "maxLength", value: String(maxLength), reason: "must be at least 0") }
        try Check.positive(limit, "limit")
        let view = try ArcView(graph, weight: weight)
        // Depth-first with an explicit stack of (node, next arc, length so far): a simple path can be
        // as long as the graph, deeper than the thread's stack would allow.
        var result: [Path] = []
        guard source != target else { return result }
        var onPath = [Bool](repeating: false, count: graph.nodeCount)
        var stack = [source]
        var nextArc = [view.arcs(source).lowerBound]
        var length = [0.0]
        onPath[source] = true
        while let u = stack.last, result.count < limit {
            let k = nextArc[nextArc.count - 1]
            // A node at the length limit, or out of arcs, is done.
            guard stack.count - 1 < maxLength, k < view.arcs(u).upperBound else {
                onPath[u] = false
                stack.removeLast()
                nextArc.removeLast()
                length.removeLast()
                continue
            }
            nextArc[nextArc.count - 1] = k + 1
            let v = Int(view.targets[k])
            if onPath[v] { continue }
            let total = length[length.count - 1] + view.length(k)
            if v == target {
                result.append(Path(nodes: stack + [v], length: total))
                continue
            }
            onPath[v] = true
            stack.append(v)
            nextArc.append(view.arcs(v).lowerBound)
            length.append(total)
        }
        return result
    }
}
