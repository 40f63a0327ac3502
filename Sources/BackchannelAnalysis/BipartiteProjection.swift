/// The one-mode projection of a two-mode network onto one side: two nodes of that side are tied
/// when they share a neighbour on the other side, with a weight saying how strongly.
///
/// Ties count in both directions (the two-mode graph is read as undirected); only neighbours
/// outside the projected side count. With N(u) the neighbours of u on the other side and d_k the
/// degree of k:
/// - ``Weighting/count``: |N(u) ∩ N(v)|, NetworkX's `bipartite.weighted_projected_graph(B, nodes)`;
/// - ``Weighting/newman``: Σ_{k ∈ N(u) ∩ N(v)} 1 / (d_k − 1), Newman's collaboration weight,
///   `bipartite.collaboration_weighted_projected_graph(B, nodes)`;
/// - ``Weighting/jaccard``: |N(u) ∩ N(v)| / |N(u) ∪ N(v)|,
///   `bipartite.overlap_weighted_projected_graph(B, nodes, jaccard=True)`.
/// Pairs are listed with u < v in node order, ascending.
///
/// - Complexity: O(Σ_k d_k²) over the other side's nodes k.
/// - Reference: Newman, M. E. J. (2001). Scientific collaboration networks. II. Shortest paths,
///   weighted networks, and centrality. Physical Review E 64, 016132. doi:10.1103/PhysRevE.64.016132
public struct BipartiteProjection: Sendable {
    public enum Weighting: String, CaseIterable, Sendable {
        case count, newman, jaccard
    }

    public var weighting: Weighting

    public init(weighting: Weighting = .count) {
        self.weighting = weighting
    }

    /// The projected ties among the nodes where `onto` is true: (u, v, weight) with u < v.
    ///
    /// - Throws: ``AnalysisError/invalidParameter(name:value:reason:)`` when `onto` has the wrong length.
    public func ties(_ graph: CompactGraph, onto: [Bool]) throws(AnalysisError) -> [(u: Int, v: Int, weight: Double)] {
        let n = graph.nodeCount
        guard onto.count == n else {
            throw .invalidParameter(name: "onto", value: "\(onto.count) flags", reason: "needs one flag per node (\(n))")
        }
        // Undirected neighbour sets on the other side, ascending.
        var neighbours: [[Int]] = Array(repeating: [], count: n)
        for u in 0..<n {
            for k in Int(graph.outOffsets[u])..<Int(graph.outOffsets[u + 1]) {
                let v = Int(graph.outTargets[k])
                neighbours[u].append(v)
                if graph.isDirected { neighbours[v].append(u) }
            }
        }
        for u in 0..<n { neighbours[u] = Array(Set(neighbours[u])).sorted() }
        var weights: [Int: [Int: Double]] = [:]
        for k in 0..<n where !onto[k] {
            let members = neighbours[k].filter { onto[$0] }
            // NetworkX's collaboration weight divides by the degree in the whole two-mode graph.
            let degree = neighbours[k].count
            for (i, u) in members.enumerated() {
                for v in members[(i + 1)...] {
                    let add: Double = weighting == .newman ? (degree > 1 ? 1 / Double(degree - 1) : 0) : 1
                    weights[u, default: [:]][v, default: 0] += add
                }
            }
        }
        var result: [(u: Int, v: Int, weight: Double)] = []
        for u in weights.keys.sorted() {
            for (v, shared) in weights[u]!.sorted(by: { $0.key < $1.key }) {
                switch weighting {
                case .count, .newman:
                    result.append((u, v, shared))
                case .jaccard:
                    let nu = neighbours[u].filter { !onto[$0] }.count, nv = neighbours[v].filter { !onto[$0] }.count
                    result.append((u, v, shared / Double(nu + nv - Int(shared))))
                }
            }
        }
        return result
    }
}
