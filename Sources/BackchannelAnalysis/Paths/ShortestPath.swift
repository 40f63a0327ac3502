/// One shortest path from a source to a target: breadth-first search for hops, Dijkstra for weights.
///
/// Weights: `none` counts hops; `distance` uses the weight as a length; `strength` uses 1/weight.
/// Among equally short paths the one found first (lowest node indices first) is returned.
///
/// - Complexity: O(m) unweighted, O(m log n) weighted.
/// - Reference: Dijkstra (1959), doi:10.1007/BF01386390
public enum ShortestPath {
    /// - Throws: ``AnalysisError`` when `source` or `target` is not a node, or a weight is invalid.
    public static func find(_ graph: CompactGraph, from source: Int, to target: Int, weight: WeightMode = .none) throws(AnalysisError)
        -> Path?
    {
        try ArcView.check(graph, source: source, target: target)
        let view = try ArcView(graph, weight: weight)
        let (distance, parent) = view.search(from: source)
        guard distance[target].isFinite else { return nil }
        var nodes = [target]
        var v = target
        while v != source {
            v = view.tail(ofArc: parent[v])
            nodes.append(v)
        }
        return Path(nodes: nodes.reversed(), length: distance[target])
    }
}
