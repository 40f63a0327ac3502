/// HITS hubs and authorities: good hubs point to good authorities, good authorities are pointed to by good hubs.
///
/// As NetworkX 3.6 `hits`: the authority vector is the principal right singular vector of the
/// adjacency matrix A (here by power iteration on AᵀA from a uniform start), hubs are `A a`; both are
/// then scaled to sum to 1. Iteration stops when `Σ|a − a_last| < n · tolerance` (NetworkX's
/// default tolerance is 1e-8). Weights: `none` or `strength` (NetworkX's `hits` uses the `weight`
/// attribute when present).
///
/// - Complexity: O(m) per iteration.
/// - Reference: Kleinberg, J. M. (1999). Authoritative sources in a hyperlinked environment.
///   Journal of the ACM 46(5), 604–632. doi:10.1145/324133.324140
public struct HITS: Sendable {
    public var weight: WeightMode = .none
    public var tolerance = 1e-8
    public var maxIterations = 1000

    public init(weight: WeightMode = .none, tolerance: Double = 1e-8, maxIterations: Int = 1000) {
        self.weight = weight
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }

    public func scores(_ graph: CompactGraph) throws(AnalysisError) -> (hubs: [Double], authorities: [Double]) {
        let n = graph.nodeCount
        guard n > 0 else { return ([], []) }
        let outW = try graph.strengths(weight, measure: "hits", incoming: false)
        let inW = try graph.strengths(weight, measure: "hits", incoming: true)
        func hubsOf(_ a: [Double]) -> [Double] {
            (0..<n).map { u in
                var s = 0.0
                for k in Int(graph.outOffsets[u])..<Int(graph.outOffsets[u + 1]) { s += a[Int(graph.outTargets[k])] * (outW?[k] ?? 1) }
                return s
            }
        }
        func authoritiesOf(_ h: [Double]) -> [Double] {
            (0..<n).map { v in
                var s = 0.0
                for k in Int(graph.inOffsets[v])..<Int(graph.inOffsets[v + 1]) { s += h[Int(graph.inSources[k])] * (inW?[k] ?? 1) }
                return s
            }
        }
        func scaledToSum(_ v: [Double]) -> [Double] {
            let total = v.reduce(0, +)
            return total == 0 ? v : v.map { $0 / total }
        }
        var a = [Double](repeating: 1 / Double(n), count: n)
        for _ in 0..<maxIterations {
            let next = scaledToSum(authoritiesOf(hubsOf(a)))
            var error = 0.0
            for v in 0..<n { error += abs(next[v] - a[v]) }
            a = next
            if error < Double(n) * tolerance {
                return (scaledToSum(hubsOf(a)), a)
            }
        }
        throw .noConvergence(measure: "hits", iterations: maxIterations)
    }
}
