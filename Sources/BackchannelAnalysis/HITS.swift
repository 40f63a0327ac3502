/// HITS hubs and authorities: good hubs point to good authorities, good authorities are pointed to by good hubs.
///
/// As NetworkX 3.6 `hits`: the authority vector is the principal right singular vector of the
/// adjacency matrix A (here by power iteration on AᵀA from a uniform start), hubs are `A a`; both are
/// then scaled to sum to 1. By default iteration runs until every authority score is within 1e-10 of
/// the exact singular vector (see ``StoppingRule``), at most 10,000 iterations; a `tolerance` stops as
/// NetworkX does, when `Σ|a − a_last| < n · tolerance` (NetworkX's default: 1e-8, 100 iterations).
/// Weights: `none` or `strength` (NetworkX's `hits` uses the `weight` attribute when present).
///
/// - Complexity: O(m) per iteration.
/// - Reference: Kleinberg, J. M. (1999). Authoritative sources in a hyperlinked environment.
///   Journal of the ACM 46(5), 604–632. doi:10.1145/324133.324140
public struct HITS: Sendable {
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
    public func scores(_ graph: CompactGraph) throws(AnalysisError) -> (hubs: [Double], authorities: [Double]) {
        try Check.tolerance(tolerance)
        try Check.positive(maxIterations, "maxIterations")
        let n = graph.nodeCount
        let outW = try graph.strengths(weight, measure: "hits", incoming: false)
        let inW = try graph.strengths(weight, measure: "hits", incoming: true)
        guard n > 0 else { return ([], []) }
        var hubs = [Double](repeating: 0, count: n)
        var next = [Double](repeating: 0, count: n)
        func hubsOf(_ a: [Double], into h: inout [Double]) {
            for u in 0..<n {
                var s = 0.0
                for k in Int(graph.outOffsets[u])..<Int(graph.outOffsets[u + 1]) { s += a[Int(graph.outTargets[k])] * (outW?[k] ?? 1) }
                h[u] = s
            }
        }
        func authoritiesOf(_ h: [Double], into a: inout [Double]) {
            for v in 0..<n {
                var s = 0.0
                for k in Int(graph.inOffsets[v])..<Int(graph.inOffsets[v + 1]) { s += h[Int(graph.inSources[k])] * (inW?[k] ?? 1) }
                a[v] = s
            }
        }
        func scaleToSum(_ v: inout [Double]) {
            let total = v.reduce(0, +)
            if total != 0 { for i in v.indices { v[i] /= total } }
        }
        var rule = StoppingRule(tolerance: tolerance, measure: "hits")
        var a = [Double](repeating: 1 / Double(n), count: n)
        for _ in 0..<maxIterations {
            hubsOf(a, into: &hubs)
            authoritiesOf(hubs, into: &next)
            scaleToSum(&next)
            var error = 0.0, size = 0.0
            for v in 0..<n {
                error += abs(next[v] - a[v])
                size += abs(next[v])
            }
            swap(&a, &next)
            if try rule.isDone(change: error, size: size, n: n) {
                hubsOf(a, into: &hubs)
                scaleToSum(&hubs)
                return (hubs, a)
            }
        }
        throw .noConvergence(measure: "hits", iterations: maxIterations)
    }
}
