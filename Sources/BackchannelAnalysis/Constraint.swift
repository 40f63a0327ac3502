/// Burt's constraint: how much a node's ties are concentrated in, and redundant with, one another.
///
/// As NetworkX 3.6 `constraint`: with mutual weights `m_ij = a_ij + a_ji` and `p_ij = m_ij / Σ_k m_ik`,
/// `c(i) = Σ_{j ∈ N(i)} (p_ij + Σ_q p_iq p_qj)²` over neighbours in either direction. Low constraint
/// marks a broker across structural holes. NaN for isolated nodes. Weights: `none` or `strength`.
///
/// - Complexity: O(Σ_i d_i² log d) for degrees d.
/// - Reference: Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard
///   University Press, ch. 2.
public struct Constraint: Sendable {
    public var weight: WeightMode = .none

    public init(weight: WeightMode = .none) {
        self.weight = weight
    }

    public func scores(_ graph: CompactGraph) throws(AnalysisError) -> [Double] {
        if weight == .distance { throw .unsupportedWeight(measure: "constraint", weight: weight, allowed: [.none, .strength]) }
        try graph.checkWeights(weight)
        let ties = MutualTies(graph, weight: weight)
        let sums = (0..<graph.nodeCount).map(ties.sum)
        return (0..<graph.nodeCount).map { i in
            guard sums[i] > 0 else { return .nan }
            var c = 0.0
            for a in ties.range(i) {
                let j = ties.neighbours[a]
                var indirect = 0.0
                for b in ties.range(i) {
                    let q = Int(ties.neighbours[b])
                    guard sums[q] > 0 else { continue }
                    indirect += ties.weights[b] / sums[i] * ties.weight(q, j) / sums[q]
                }
                let p = ties.weights[a] / sums[i] + indirect
                c += p * p
            }
            return c
        }
    }
}
