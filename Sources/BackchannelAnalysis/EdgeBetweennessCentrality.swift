/// Edge betweenness: for each edge, the share of shortest paths between all pairs that run along it.
///
/// `b(e) = Σ_{s,t} σ(s,t | e) / σ(s,t)` over ordered pairs. Rescaled as NetworkX 3.6
/// `edge_betweenness_centrality`: normalized, divided by n(n − 1); not normalized, raw sums halved on
/// undirected graphs; sampled from K sources, multiplied by n/K (normalized: divided by K(n − 1)).
/// Weights as in ``BetweennessCentrality``.
///
/// - Complexity: O(nm) unweighted, O(nm + n² log n) weighted.
/// - Reference: Brandes, U. (2008). On variants of shortest-path betweenness centrality and their
///   generic computation. Social Networks 30(2), 136–145. doi:10.1016/j.socnet.2007.11.001
public struct EdgeBetweennessCentrality: Sendable {
    public var weight: WeightMode = .none
    public var normalized = true
    public var sources: [Int]?

    public init(weight: WeightMode = .none, normalized: Bool = true, sources: [Int]? = nil) {
        self.weight = weight
        self.normalized = normalized
        self.sources = sources
    }

    /// One score per edge: `(source, target, score)` in out-arc order; an undirected edge appears
    /// once, with `source < target`.
    ///
    /// - Throws: ``AnalysisError/invalidParameter(name:value:reason:)`` when a source is not a node or
    ///   repeats, or a weighted measure meets an invalid weight.
    public func scores(_ graph: CompactGraph) throws(AnalysisError) -> [(source: Int, target: Int, score: Double)] {
        if let sources {
            guard !sources.isEmpty else { throw .invalidParameter(name: "sources", value: "[]", reason: "needs at least one source") }
            try Check.nodes(sources, "sources", nodeCount: graph.nodeCount, distinct: true)
        }
        let n = graph.nodeCount
        guard n > 0 else { return [] }
        let m = graph.arcCount
        // in-arc position → out-arc position
        var inToOut = [Int](repeating: 0, count: m)
        var cursor = graph.inOffsets.map(Int.init)
        for u in 0..<n {
            for k in Int(graph.outOffsets[u])..<Int(graph.outOffsets[u + 1]) {
                let t = Int(graph.outTargets[k])
                inToOut[cursor[t]] = k
                cursor[t] += 1
            }
        }
        let sourceList = sources ?? Array(0..<n)
        let lengths = try graph.lengths(weight)
        let inLengths = try graph.lengths(weight, incoming: true)
        var arcScore = [Double](repeating: 0, count: m)
        var delta = [Double](repeating: 0, count: n)
        graph.outOffsets.withUnsafeBufferPointer { offsets in
            graph.outTargets.withUnsafeBufferPointer { targets in
                withOptionalBuffer(lengths) { lengthBuffer in
                    let search = ShortestPathSearch(n: n, offsets: offsets, targets: targets, lengths: lengthBuffer)
                    for s in sourceList {
                        search.run(from: s)
                        var j = search.reached - 1
                        while j >= 0 {
                            let w = Int(search.order[j])
                            let coeff = (1 + delta[w]) / search.sigma[w]
                            for k in Int(graph.inOffsets[w])..<Int(graph.inOffsets[w + 1]) {
                                let v = Int(graph.inSources[k])
                                if search.distance[v] + (inLengths?[k] ?? 1) == search.distance[w] {
                                    let c = search.sigma[v] * coeff
                                    arcScore[inToOut[k]] += c
                                    delta[v] += c
                                }
                            }
                            j -= 1
                        }
                        for j in 0..<search.reached { delta[Int(search.order[j])] = 0 }
                    }
                }
            }
        }
        let N = Double(n)
        let correction: Double = graph.isDirected ? 1 : 2
        let k = Double(sourceList.count)
        let scale: Double =
            if N < 2 {
                1
            } else if normalized {
                1 / (k * (N - 1))
            } else {
                N / (k * correction)
            }
        var result: [(source: Int, target: Int, score: Double)] = []
        for u in 0..<n {
            for a in Int(graph.outOffsets[u])..<Int(graph.outOffsets[u + 1]) {
                let t = Int(graph.outTargets[a])
                if graph.isDirected {
                    result.append((u, t, arcScore[a] * scale))
                } else if u < t {
                    // The reverse arc t→u: find it in t's sorted row.
                    let row = Int(graph.outOffsets[t])..<Int(graph.outOffsets[t + 1])
                    let back = row.first { graph.outTargets[$0] == Int32(u) }!
                    result.append((u, t, (arcScore[a] + arcScore[back]) * scale))
                }
            }
        }
        return result
    }
}
