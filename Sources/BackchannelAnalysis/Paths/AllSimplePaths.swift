/// Every simple path from a source to a target with at most `maxLength` edges (NetworkX's
/// `all_simple_paths` with `cutoff`), depth-first in node index order, at most `limit` paths.
///
/// The search never enters a node from which the target lies more than the remaining number of
/// edges away (breadth-first hop counts to the target, computed once over the in-arcs): a target
/// that cannot be reached returns at once, and no branch is walked that cannot end at the target.
/// To know whether `limit` cut the list, ask for one path more than you will show.
///
/// - Complexity: O(n + m) for the hop counts, then exponential in `maxLength` in the worst case
///   (every path found costs at most `maxLength` steps per branch that can still reach the target);
///   bounded by `limit` paths.
public enum AllSimplePaths {
    /// - Throws: ``AnalysisError`` when `source` or `target` is not a node, `maxLength` < 0,
    ///   `limit` < 1, or a weight is invalid.
    public static func find(
        _ graph: CompactGraph, from source: Int, to target: Int, maxLength: Int, weight: WeightMode = .none, limit: Int = 10_000
    ) throws(AnalysisError) -> [Path] {
        try ArcView.check(graph, source: source, target: target)
        guard maxLength >= 0 else { throw .invalidParameter(name: "maxLength", value: String(maxLength), reason: "must be at least 0") }
        try Check.positive(limit, "limit")
        let view = try ArcView(graph, weight: weight)
        // Depth-first with an explicit stack of (node, next arc, length so far): a simple path can be
        // as long as the graph, deeper than the thread's stack would allow.
        var result: [Path] = []
        guard source != target else { return result }
        // Hops from every node to the target, against arc direction (a lower bound for any view).
        let unreachable = Int.max
        var hops = [Int](repeating: unreachable, count: graph.nodeCount)
        hops[target] = 0
        var queue = [target], head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            for k in Int(graph.inOffsets[v])..<Int(graph.inOffsets[v + 1]) {
                let u = Int(graph.inSources[k])
                if hops[u] == unreachable {
                    hops[u] = hops[v] + 1
                    queue.append(u)
                }
            }
        }
        guard hops[source] <= maxLength else { return result }
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
            // Edges used after stepping to v, plus the fewest still needed from v.
            if hops[v] == unreachable || stack.count + hops[v] > maxLength { continue }
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
