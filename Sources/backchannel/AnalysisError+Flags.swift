import BackchannelAnalysis

extension AnalysisError {
    /// The library's parameter names, as this command line spells them.
    static let flags = [
        "alpha": "--alpha", "tolerance": "--tolerance", "maxIterations": "--max-iter", "samples": "--samples",
        "k": "--k", "maxLength": "--max-length", "groups": "--partition",
    ]

    /// The message for the command line: the library's, with parameters named as flags.
    var commandLineDescription: String {
        switch self {
        case let .unsupportedWeight(measure, weight, allowed):
            "\(measure) cannot use --weight \(weight.rawValue); use \(allowed.map(\.rawValue).joined(separator: " or "))"
        case let .noConvergence(measure, iterations):
            "\(measure) did not converge in \(iterations) iterations; raise --max-iter or loosen --tolerance"
        case let .invalidParameter(name, value, reason):
            "\(Self.flags[name] ?? name) \(value): \(reason)"
        case .unknownNode:
            description
        }
    }
}
