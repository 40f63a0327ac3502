/// Errors of the analysis module.
///
/// Every case names the library parameter it concerns (`personalization`, `sources`, `weights`, …),
/// never a command-line flag: the CLI maps parameters to its flags.
public enum AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A weight mode a measure cannot use (e.g. `distance` for PageRank).
    case unsupportedWeight(measure: String, weight: WeightMode, allowed: [WeightMode])
    /// A node id that is not in the graph.
    case unknownNode(String)
    /// A parameter outside its domain: `name` is the library parameter (`source`, `alpha`, …).
    case invalidParameter(name: String, value: String, reason: String)
    /// An iterative method did not reach its tolerance.
    case noConvergence(measure: String, iterations: Int)
    /// A per-period analysis over more than `limit` periods of `step` (`year`, `quarter`, `month`):
    /// `span` is their first and last label.
    case tooManyPeriods(step: String, count: Int, limit: Int, span: String)

    /// A neutral message naming parameters as the library calls them (`max_iter`, `tolerance`); the
    /// command line words these for its flags.
    public var description: String {
        switch self {
        case let .unsupportedWeight(measure, weight, allowed):
            "\(measure) cannot use weight mode \(weight.rawValue); use \(allowed.map(\.rawValue).joined(separator: " or "))"
        case let .unknownNode(id):
            "no node with id \"\(id)\""
        case let .invalidParameter(name, value, reason):
            "\(name) \(value): \(reason)"
        case let .noConvergence(measure, iterations):
            "\(measure) did not converge in \(iterations) iterations; allow more iterations or a looser tolerance"
        case let .tooManyPeriods(step, count, limit, span):
            "the dates span \(span), \(count) \(step)s; one report holds at most \(limit) periods: choose a shorter window or a longer period"
        }
    }
}

/// Up-front argument checks shared by the measures: each throws ``AnalysisError/invalidParameter(name:value:reason:)``.
enum Check {
    /// `index` is a node of a graph with `nodeCount` nodes.
    static func node(_ index: Int, _ name: String, nodeCount: Int) throws(AnalysisError) {
        guard index >= 0 && index < nodeCount else {
            throw .invalidParameter(
                name: name, value: String(index), reason: "is not a node index (the graph has \(nodeCount) nodes, 0..<\(nodeCount))")
        }
    }

    /// Every entry of `indices` is a node, and (when `distinct`) none repeats.
    static func nodes(_ indices: [Int], _ name: String, nodeCount: Int, distinct: Bool) throws(AnalysisError) {
        var seen = distinct ? [Bool](repeating: false, count: nodeCount) : []
        for (i, v) in indices.enumerated() {
            guard v >= 0 && v < nodeCount else {
                throw .invalidParameter(
                    name: "\(name)[\(i)]", value: String(v),
                    reason: "is not a node index (the graph has \(nodeCount) nodes, 0..<\(nodeCount))")
            }
            if distinct {
                guard !seen[v] else { throw .invalidParameter(name: "\(name)[\(i)]", value: String(v), reason: "repeats an earlier entry") }
                seen[v] = true
            }
        }
    }

    /// A per-node vector: one finite, non-negative value per node.
    static func perNode(_ values: [Double], _ name: String, nodeCount: Int) throws(AnalysisError) {
        try count(values.count, name, nodeCount: nodeCount)
        for (i, x) in values.enumerated() where !(x.isFinite && x >= 0) {
            throw .invalidParameter(name: "\(name)[\(i)]", value: String(x), reason: "must be a finite number ≥ 0")
        }
    }

    /// `count` equals the number of nodes.
    static func count(_ count: Int, _ name: String, nodeCount: Int) throws(AnalysisError) {
        guard count == nodeCount else {
            throw .invalidParameter(name: name, value: "\(count) entries", reason: "needs one entry per node (\(nodeCount))")
        }
    }

    /// A finite number in `range` (bounds given as text for the message).
    static func finite(
        _ x: Double, _ name: String, above low: Double? = nil, below high: Double? = nil, atMost: Double? = nil, atLeast: Double? = nil
    ) throws(AnalysisError) {
        var ok = x.isFinite
        var parts: [String] = []
        if let low { ok = ok && x > low; parts.append("> \(low)") }
        if let atLeast { ok = ok && x >= atLeast; parts.append("≥ \(atLeast)") }
        if let high { ok = ok && x < high; parts.append("< \(high)") }
        if let atMost { ok = ok && x <= atMost; parts.append("≤ \(atMost)") }
        guard ok else {
            throw .invalidParameter(
                name: name, value: String(x),
                reason: "must be a finite number" + (parts.isEmpty ? "" : " " + parts.joined(separator: " and ")))
        }
    }

    /// A positive iteration count or limit.
    static func positive(_ k: Int, _ name: String) throws(AnalysisError) {
        guard k > 0 else { throw .invalidParameter(name: name, value: String(k), reason: "must be at least 1") }
    }

    /// A tolerance, when given: finite and positive.
    static func tolerance(_ t: Double?) throws(AnalysisError) {
        if let t { try finite(t, "tolerance", above: 0) }
    }
}

/// How edge weights enter a measure.
///
/// NetworkX takes a `weight` attribute and uses it as a *length* for path measures but as a *strength*
/// for spectral ones, which trips users up (networkx#3369). Backchannel makes the choice explicit:
/// - `none`: every edge counts 1.
/// - `distance`: path measures use the weight as a length (shorter is closer); NetworkX `weight="weight"`.
/// - `strength`: the weight is a tie's strength; path measures use 1/weight as the length, spectral
///   measures (PageRank, eigenvector, Katz, HITS) multiply by the weight.
///
/// Parallel edges (two relations between the same pair) merge into one arc: its length is the
/// smallest of their weights (`distance`), its strength the sum (`strength`, and lengths 1/sum).
public enum WeightMode: String, CaseIterable, Sendable {
    case none, distance, strength
}
