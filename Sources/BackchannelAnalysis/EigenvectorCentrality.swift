/// Eigenvector centrality: a node is central when central nodes point to it.
///
/// As NetworkX 3.6 `eigenvector_centrality`: the principal eigenvector of Aᵀ (scores flow along
/// edges to their targets, so on a directed graph it is the in-edge, "left" eigenvector), found by
/// power iteration on (Aᵀ + I) from a uniform start, each step scaled to unit Euclidean norm. Scores
/// have unit Euclidean norm. By default iteration runs until every score is within 1e-10 of the
/// exact eigenvector (see ``StoppingRule``), at most 10,000 iterations; a `tolerance` stops as
/// NetworkX does, when `Σ|x − x_last| < n · tolerance` (NetworkX's default: 1e-6, 100 iterations).
/// Weights: `none` or `strength`.
///
/// - Complexity: O(m) per iteration.
/// - Reference: Bonacich, P. (1987). Power and centrality: a family of measures. American Journal
///   of Sociology 92(5), 1170–1182. doi:10.1086/228631
public struct EigenvectorCentrality: Sendable {
    public var weight: WeightMode = .none
    /// NetworkX's stopping rule with this tolerance; nil: within 1e-10 of the exact answer.
    public var tolerance: Double? = nil
    public var maxIterations = 10_000

    public init(weight: WeightMode = .none, tolerance: Double? = nil, maxIterations: Int = 10_000) {
        self.weight = weight
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }

    /// - Throws: ``AnalysisError`` for an unsupported weight, a tolerance that is not positive, fewer
    ///   than one iteration, or no convergence.
    public func scores(_ graph: CompactGraph) throws(AnalysisError) -> [Double] {
        try Check.tolerance(tolerance)
        try Check.positive(maxIterations, "maxIterations")
        let n = graph.nodeCount
        let w = try graph.strengths(weight, measure: "eigenvector", incoming: true)
        guard n > 0 else { return [] }
        var rule = StoppingRule(tolerance: tolerance, measure: "eigenvector")
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
            var error = 0.0, size = 0.0
            for v in 0..<n {
                next[v] /= norm
                error += abs(next[v] - x[v])
                size += abs(next[v])
            }
            swap(&x, &next)
            if try rule.isDone(change: error, size: size, n: n) { return x }
        }
        throw .noConvergence(measure: "eigenvector", iterations: maxIterations)
    }
}
