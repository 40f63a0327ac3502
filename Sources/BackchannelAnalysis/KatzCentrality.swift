/// Katz centrality: the attenuated count of walks that reach a node.
///
/// As NetworkX 3.6 `katz_centrality`: `x ← α Aᵀ x + β`, from x = 0, stopping when
/// `Σ|x − x_last| < n · tolerance`, then (normalized) scaled to unit Euclidean norm. Defaults:
/// α = 0.1, β = 1, normalized, tolerance 1e-6, at most 1000 iterations (NetworkX's). α must be below
/// 1/λ_max for the series to converge. Weights: `none` or `strength`.
///
/// - Complexity: O(m) per iteration.
/// - Reference: Katz, L. (1953). A new status index derived from sociometric analysis.
///   Psychometrika 18(1), 39–43. doi:10.1007/BF02289026
public struct KatzCentrality: Sendable {
    public var alpha = 0.1
    public var beta = 1.0
    public var normalized = true
    public var weight: WeightMode = .none
    public var tolerance = 1e-6
    public var maxIterations = 1000

    public init(alpha: Double = 0.1, beta: Double = 1, normalized: Bool = true, weight: WeightMode = .none, tolerance: Double = 1e-6, maxIterations: Int = 1000) {
        self.alpha = alpha
        self.beta = beta
        self.normalized = normalized
        self.weight = weight
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }

    public func scores(_ graph: CompactGraph) throws(AnalysisError) -> [Double] {
        let n = graph.nodeCount
        guard n > 0 else { return [] }
        let w = try graph.strengths(weight, measure: "katz", incoming: true)
        var x = [Double](repeating: 0, count: n)
        var next = x
        for _ in 0..<maxIterations {
            var error = 0.0
            for v in 0..<n {
                var sum = 0.0
                for k in Int(graph.inOffsets[v])..<Int(graph.inOffsets[v + 1]) {
                    sum += x[Int(graph.inSources[k])] * (w?[k] ?? 1)
                }
                next[v] = alpha * sum + beta
                error += abs(next[v] - x[v])
            }
            swap(&x, &next)
            if error < Double(n) * tolerance {
                guard normalized else { return x }
                let norm = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
                return norm == 0 ? x : x.map { $0 / norm }
            }
        }
        throw .noConvergence(measure: "katz", iterations: maxIterations)
    }
}
