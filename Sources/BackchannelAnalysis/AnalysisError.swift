/// Errors of the analysis module.
public enum AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A weight mode a measure cannot use (e.g. `distance` for PageRank).
    case unsupportedWeight(measure: String, weight: WeightMode, allowed: [WeightMode])
    /// A node id that is not in the graph.
    case unknownNode(String)
    /// A parameter outside its domain.
    case invalidParameter(name: String, value: String, reason: String)
    /// An iterative method did not reach its tolerance.
    case noConvergence(measure: String, iterations: Int)

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
            "\(measure) did not converge in \(iterations) iterations; raise max_iter or loosen tolerance"
        }
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
