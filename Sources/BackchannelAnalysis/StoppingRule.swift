/// When an iterative measure (eigenvector, PageRank, Katz, HITS) stops.
///
/// - With a `tolerance` (NetworkX's rule): when the change of one step, `Σ_v |x_v − x_last,v|`, is
///   below `n · tolerance`.
/// - Without one (the default): when the iterate is within ``target`` (1e-11, ten times inside the
///   documented 1e-10) of the exact fixed point, per score. A power iteration's distance to its fixed
///   point after a step that changed the vector by `c` (L1) is at most `c · r / (1 − r)` for a
///   contraction by r per step. PageRank is a contraction by α in L1, so its bound is exact; for
///   the others r is estimated as the larger of the last two ratios of successive changes (the rate
///   at which they shrink, λ₂/λ₁ for a power iteration). A step that changes nothing, or changes
///   less than floating-point rounding can resolve (64 ε · Σ|x|), also stops.
///
/// A change that is not a finite number (the series diverges) stops at once with
/// ``AnalysisError/noConvergence(measure:iterations:)``.
///
/// - Complexity: O(1) per step.
struct StoppingRule {
    /// Per-score distance to the fixed point the default rule reaches.
    static let target = 1e-11
    /// The guarantee documented and reported: 1e-10.
    static let reported = "1e-10"

    let tolerance: Double?
    /// A known contraction factor per step, in L1 (PageRank's α).
    let contraction: Double?
    let measure: String
    private var previousChange = Double.nan
    private var lastRatio = Double.nan
    private var iteration = 0

    init(tolerance: Double?, contraction: Double? = nil, measure: String) {
        self.tolerance = tolerance
        self.contraction = contraction
        self.measure = measure
    }

    /// Whether to stop after a step that changed the iterate by `change` (L1) to a vector of L1 size `size`.
    mutating func isDone(change: Double, size: Double, n: Int) throws(AnalysisError) -> Bool {
        iteration += 1
        guard change.isFinite && size.isFinite else { throw .noConvergence(measure: measure, iterations: iteration) }
        if let tolerance { return change < Double(n) * tolerance }
        if change == 0 { return true }
        defer { previousChange = change }
        if let contraction, contraction < 1 {
            return change * contraction / (1 - contraction) <= Self.target || change <= 64 * .ulpOfOne * size
        }
        let ratio = change / previousChange
        defer { lastRatio = ratio }
        if change <= 64 * .ulpOfOne * size { return true }
        guard ratio.isFinite, lastRatio.isFinite else { return false }
        let r = max(ratio, lastRatio)
        return r < 1 && change * r / (1 - r) <= Self.target
    }
}
