import HeapModule

/// The k shortest simple paths, shortest first (Yen's algorithm; NetworkX's `shortest_simple_paths`).
///
/// Paths of equal length are ordered by their node index sequence (NetworkX's order among ties
/// depends on its search and may differ; lengths agree).
///
/// Candidates wait in a binary heap (swift-collections' `HeapModule`); each spur search runs on the
/// shared ``ShortestPathSearch`` core.
///
/// - Complexity: O(k n (m + n log n)).
/// - Reference: Yen, J. Y. (1971). Finding the k shortest loopless paths in a network. Management
///   Science 17(11), 712–716. doi:10.1287/mnsc.17.11.712
public enum KShortestPaths {
    /// - Throws: ``AnalysisError`` when `source` or `target` is not a node, `k` < 1, or a weight is invalid.
    public static func find(_ graph: CompactGraph, from source: Int, to target: Int, k: Int, weight: WeightMode = .none)
        throws(AnalysisError) -> [Path]
    {
        try Check.positive(k, "k")
        guard let first = try ShortestPath.find(graph, from: source, to: target, weight: weight) else { return [] }
        let view = try ArcView(graph, weight: weight)
        var blockedNodes = [Bool](repeating: false, count: graph.nodeCount)
        var blockedArcs = [Bool](repeating: false, count: graph.arcCount)
        var accepted = [first]
        var candidates = Heap<Candidate>()
        var seen: Set<[Int]> = [first.nodes]
        while accepted.count < k {
            let last = accepted[accepted.count - 1].nodes
            for i in 0..<(last.count - 1) {
                let spur = last[i]
                let root = Array(last[0...i])
                var arcs: [Int] = []
                for p in accepted where p.nodes.count > i + 1 && Array(p.nodes[0...i]) == root {
                    if let a = view.arc(p.nodes[i], p.nodes[i + 1]) { arcs.append(a) }
                }
                for a in arcs { blockedArcs[a] = true }
                for v in root.dropLast() { blockedNodes[v] = true }
                let (distance, parent) = view.search(from: spur, blockedNodes: blockedNodes, blockedArcs: blockedArcs)
                for a in arcs { blockedArcs[a] = false }
                for v in root.dropLast() { blockedNodes[v] = false }
                guard distance[target].isFinite else { continue }
                var spurPath = [target]
                var v = target
                while v != spur {
                    v = view.tail(ofArc: parent[v])
                    spurPath.append(v)
                }
                let nodes = root.dropLast() + spurPath.reversed()
                if seen.insert(Array(nodes)).inserted {
                    candidates.insert(Candidate(path: Path(nodes: Array(nodes), length: view.pathLength(Array(nodes)))))
                }
            }
            guard let best = candidates.popMin() else { break }
            accepted.append(best.path)
        }
        return accepted
    }
}

/// A candidate path in Yen's set B, ordered by length, then by node index sequence.
private struct Candidate: Comparable {
    var path: Path

    static func < (a: Candidate, b: Candidate) -> Bool {
        a.path.length != b.path.length ? a.path.length < b.path.length : a.path.nodes.lexicographicallyPrecedes(b.path.nodes)
    }

    static func == (a: Candidate, b: Candidate) -> Bool { a.path == b.path }
}
