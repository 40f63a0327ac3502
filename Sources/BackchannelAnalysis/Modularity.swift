/// The modularity of a partition of an undirected graph.
///
/// Q = Σ_c [ L_c / m − γ · (d_c / 2m)² ], where m is the total edge weight, L_c the weight of edges
/// inside community c, d_c the sum of the degrees (strengths) of its nodes and γ the resolution.
/// This is NetworkX's `community.modularity(G, communities, weight, resolution)` for undirected
/// graphs. Directed graphs are read as undirected (each merged arc pair counts once, weights added).
///
/// Weights: with `weighted`, an edge counts its strength (the sum of merged parallel edges, both
/// directions for a directed graph); otherwise 1.
///
/// - Complexity: O(n + m).
/// - Reference: Newman, M. E. J. (2006). Modularity and community structure in networks. PNAS
///   103(23), 8577–8582. doi:10.1073/pnas.0601602103
public struct Modularity: Sendable {
    public var resolution: Double
    public var weighted: Bool

    public init(resolution: Double = 1, weighted: Bool = false) {
        self.resolution = resolution
        self.weighted = weighted
    }

    /// Q of `community` (one community number per node, any non-negative integers).
    ///
    /// - Throws: ``AnalysisError/invalidParameter(name:value:reason:)`` for a partition of the
    ///   wrong length or a negative community number, or a non-finite or negative resolution.
    public func score(_ graph: CompactGraph, community: [Int]) throws(AnalysisError) -> Double {
        guard community.count == graph.nodeCount else {
            throw .invalidParameter(
                name: "communities", value: "\(community.count) entries", reason: "needs one community per node (\(graph.nodeCount))")
        }
        guard resolution.isFinite, resolution >= 0 else {
            throw .invalidParameter(name: "resolution", value: "\(resolution)", reason: "must be a finite number ≥ 0")
        }
        if let bad = community.first(where: { $0 < 0 }) {
            throw .invalidParameter(name: "communities", value: "\(bad)", reason: "community numbers must be ≥ 0")
        }
        let u = UndirectedWeights(graph, weighted: weighted)
        let groups = (community.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: groups)
        var degree = [Double](repeating: 0, count: groups)
        for v in 0..<u.n {
            degree[community[v]] += u.degree[v]
            for k in u.offsets[v]..<u.offsets[v + 1] where community[u.targets[k]] == community[v] {
                inside[community[v]] += u.weights[k]
            }
        }
        let m = u.total
        guard m > 0 else { return 0 }
        var q = 0.0
        for c in 0..<groups {
            // `inside` saw each internal edge from both ends.
            q += inside[c] / 2 / m - resolution * (degree[c] / (2 * m)) * (degree[c] / (2 * m))
        }
        return q
    }
}

/// The undirected, symmetric weighted adjacency of a compact graph: each unordered pair once per
/// end, weights summed over both directions of a directed graph.
struct UndirectedWeights {
    let n: Int
    var offsets: [Int]
    var targets: [Int]
    var weights: [Double]
    /// Strength of each node: the sum of its incident weights.
    var degree: [Double]
    /// Total edge weight m (each edge once).
    var total: Double

    init(_ graph: CompactGraph, weighted: Bool) {
        n = graph.nodeCount
        var lists: [[(Int, Double)]] = Array(repeating: [], count: n)
        for v in 0..<n {
            for k in Int(graph.outOffsets[v])..<Int(graph.outOffsets[v + 1]) {
                let w = Int(graph.outTargets[k])
                let weight = weighted ? graph.outStrengths[k] : 1
                lists[v].append((w, weight))
                if graph.isDirected { lists[w].append((v, weight)) }
            }
        }
        offsets = [0]
        targets = []
        weights = []
        degree = [Double](repeating: 0, count: n)
        var total = 0.0
        for v in 0..<n {
            // Merge both directions of a directed pair into one undirected edge.
            let sorted = lists[v].sorted { $0.0 < $1.0 }
            var i = 0
            while i < sorted.count {
                let w = sorted[i].0
                var sum = 0.0
                while i < sorted.count && sorted[i].0 == w {
                    // Unweighted: a reciprocated pair is still one edge of weight 1.
                    sum = weighted ? sum + sorted[i].1 : 1
                    i += 1
                }
                targets.append(w)
                weights.append(sum)
                degree[v] += sum
                total += sum
            }
            offsets.append(targets.count)
        }
        self.total = total / 2
    }
}
