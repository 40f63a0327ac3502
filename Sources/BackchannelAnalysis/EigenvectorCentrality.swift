/// Eigenvector centrality: a node is central when central nodes point to it.
///
/// As NetworkX 3.6 `eigenvector_centrality`: the principal eigenvector of Aᵀ (scores flow along
/// edges to their targets, so on a directed graph it is the in-edge, "left" eigenvector), found by
/// power iteration on (Aᵀ + I) from a uniform start, each step scaled to unit Euclidean norm, stopping
/// when `Σ|x − x_last| < n · tolerance`. Scores have unit Euclidean norm. Defaults are NetworkX's:
/// tolerance 1e-6, at most 100 iterations. Weights: `none` or `strength`.
///
/// - Complexity: O(m) per iteration.
/// - Reference: Bonacich, P. (1987). Power and centrality: a family of measures. American Journal
///   of Sociology 92(5), 1170–1182. doi:10.1086/228631
public struct EigenvectorCentrality: Sendable {
    public var weight: WeightMode = .none
    public var tolerance = 1e-6
    public var maxIterations = 100

    public init(weight: WeightMode = .none, tolerance: Double = 1e-6, maxIterations: Int = 100) {
        self.weight = weight
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }

    public func scores(_ graph: CompactGraph) throws(AnalysisError) -> [Double] {
        let n = graph.nodeCount
        guard n > 0 else { return [] }
        let w = try graph.strengths(weight, measure: "eigenvector", incoming: true)
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = x
        for _ in 0..<maxIterations {
            for v in 0..<n {
                var sum = x[v]
                for k in Int(graph.inOffsets[v])..<Int(graph.inOffsets[v + 1]) {
                    sum += x[Int(graph.inSources[k])] * (w?[k] ?? 1)
                }
                next[v] = sum
            }
            var norm = 0.0
            for v in 0..<n { norm += next[v] * next[v] }
            norm = norm.squareRoot()
            if norm == 0 { norm = 1 }
            var error = 0.0
            for v in 0..<n {
                next[v] /= norm
                error += abs(next[v] - x[v])
            }
            swap(&x, &next)
            if error < Double(n) * tolerance { return x }
        }
        throw .noConvergence(measure: "eigenvector", iterations: maxIterations)
    }
}
