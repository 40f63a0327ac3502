/// Katz centrality: the attenuated count of walks that reach a node.
///
/// As NetworkX 3.6 `katz_centrality`: `x ← α Aᵀ x + β`, from x = 0, then (normalized) scaled to unit
/// Euclidean norm. Defaults: α = 0.1, β = 1, normalized; by default iteration runs until every score
/// is within 1e-10 of the exact solution of `x = α Aᵀ x + β` (see ``StoppingRule``), at most 10,000
/// iterations; a `tolerance` stops as NetworkX does, when `Σ|x − x_last| < n · tolerance` (NetworkX's
/// default: 1e-6, 1000 iterations). α must be below 1/λ_max for the series to converge. Weights:
/// `none` or `strength`.
///
/// - Complexity: O(m) per iteration.
/// - Reference: Katz, L. (1953). A new status index derived from sociometric analysis.
///   Psychometrika 18(1), 39–43. doi:10.1007/BF02289026
public struct KatzCentrality: Sendable {
    public var alpha = 0.1
    public var beta = 1.0
    public var normalized = true
    public var weight: WeightMode = .none
    /// NetworkX's stopping rule with this tolerance; nil: within 1e-10 of the exact answer.
    public var tolerance: Double? = nil
    public var maxIterations = 10_000

    public init(
        alpha: Double = 0.1, beta: Double = 1, normalized: Bool = true, weight: WeightMode = .none, tolerance: Double? = nil,
        maxIterations: Int = 10_000
    ) {
        self.alpha = alpha
        self.beta = beta
        self.normalized = normalized
        self.weight = weight
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }

    /// - Throws: ``AnalysisError`` for an unsupported weight, α or β not finite, a tolerance that is
    ///   not positive, fewer than one iteration, or no convergence (α ≥ 1/λ_max).
    public func scores(_ graph: CompactGraph) throws(AnalysisError) -> [Double] {
        try Check.finite(alpha, "alpha")
        try Check.finite(beta, "beta")
        try Check.tolerance(tolerance)
        try Check.positive(maxIterations, "maxIterations")
        let n = graph.nodeCount
        let w = try graph.strengths(weight, measure: "katz", incoming: true)
        guard n > 0 else { return [] }
        var rule = StoppingRule(tolerance: tolerance, measure: "katz")
        var x = [Double](repeating: 0, count: n)
        var next = x
        for _ in 0..<maxIterations {
            var error = 0.0, size = 0.0
            for v in 0..<n {
                var sum = 0.0
                for k in Int(graph.inOffsets[v])..<Int(graph.inOffsets[v + 1]) {
                    sum += x[Int(graph.inSources[k])] * (w?[k] ?? 1)
                }
                next[v] = alpha * sum + beta
                error += abs(next[v] - x[v])
                size += abs(next[v])
            }
            swap(&x, &next)
            // Normalizing divides the error by the norm (≥ 1 when β = 1), so the raw bound is safe
            // when the norm is at least 1; otherwise compare in normalized units.
            let norm = normalized ? x.reduce(0) { $0 + $1 * $1 }.squareRoot() : 1
            let scale = tolerance == nil && normalized && norm > 0 && norm < 1 ? norm : 1
            if try rule.isDone(change: error / scale, size: size / scale, n: n) {
                guard normalized else { return x }
                return norm == 0 ? x : x.map { $0 / norm }
            }
        }
        throw .noConvergence(measure: "katz", iterations: maxIterations)
    }
}
