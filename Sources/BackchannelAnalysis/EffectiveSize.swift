/// Burt's effective size: the number of a node's contacts, less their redundancy with one another.
///
/// As NetworkX 3.6 `effective_size` (its general formula, which it also uses for every graph when
/// SciPy is present): with mutual weights `m_ij = a_ij + a_ji`, `p_ij = m_ij / Σ_k m_ik` and
/// `r_jq = m_jq / max_k m_jk`, `E(i) = Σ_{j ∈ N(i)} (1 − Σ_q p_iq r_jq)`. For an undirected, unweighted
/// graph this equals Borgatti's `n − 2t/n` over the ego network. NaN for isolated nodes.
/// Weights: `none` or `strength`.
///
/// - Complexity: O(Σ_i d_i² log d).
/// - Reference: Burt (1992), Structural Holes, ch. 2; Borgatti, S. P. (1997). Structural holes:
///   unpacking Burt's redundancy measures. Connections 20(1), 35–38.
public struct EffectiveSize: Sendable {
    public var weight: WeightMode = .none

    public init(weight: WeightMode = .none) {
        self.weight = weight
    }

    public func scores(_ graph: CompactGraph) throws(AnalysisError) -> [Double] {
        if weight == .distance { throw .unsupportedWeight(measure: "effective-size", weight: weight, allowed: [.none, .strength]) }
        try graph.checkWeights(weight)
        let ties = MutualTies(graph, weight: weight)
        let sums = (0..<graph.nodeCount).map(ties.sum)
        let maxima = (0..<graph.nodeCount).map(ties.maximum)
        return (0..<graph.nodeCount).map { i in
            guard sums[i] > 0 else { return .nan }
            var e = 0.0
            for a in ties.range(i) {
                let j = Int(ties.neighbours[a])
                var redundancy = 0.0
                if maxima[j] > 0 {
                    for b in ties.range(i) {
                        redundancy += ties.weights[b] / sums[i] * ties.weight(j, ties.neighbours[b]) / maxima[j]
                    }
                }
                e += 1 - redundancy
            }
            return e
        }
    }
}
