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
        var result: [Path] = []
        var onPath = [Bool](repeating: false, count: graph.nodeCount)
        var stack = [source]
        onPath[source] = true
        func walk(_ u: Int, _ length: Double) {
            if result.count >= limit { return }
            if u == target && stack.count > 1 {
                result.append(Path(nodes: stack, length: length))
                return
            }
            guard stack.count - 1 < maxLength else { return }
            for k in view.arcs(u) {
                let v = Int(view.targets[k])
                if onPath[v] { continue }
                onPath[v] = true
                stack.append(v)
                walk(v, length + view.length(k))
                stack.removeLast()
                onPath[v] = false
            }
        }
        if source != target { walk(source, 0) }
        return result
    }
}
