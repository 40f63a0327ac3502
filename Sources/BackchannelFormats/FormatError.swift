import BackchannelModel

/// Errors of the formats layer: a file that cannot be read as a network, or an output that could not
/// be written.
public enum FormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A syntax or content problem at a place in the file (line and column are 1-based; 0 when unknown).
    case malformed(file: String, line: Int, column: Int, message: String)
    /// Every problem found in an input (more than one), each located in the format's own terms: a CSV
    /// file, line and column name; a GraphML element and line; a DOT node or edge; a JSON path.
    case problems([Diagnostic])
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The output path names one of the inputs; writing would destroy it.
    case wouldOverwriteInput(path: String)
    /// The output could not be written; nothing was left behind.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .malformed(file, line, column, message):
            line > 0 ? (column > 0 ? "\(file):\(line):\(column): \(message)" : "\(file):\(line): \(message)") : "\(file): \(message)"
        case let .problems(diagnostics):
            diagnostics.map(\.description).joined(separator: "\n")
        case let .unreadable(file, reason):
            "\(file): cannot read: \(reason)"
        case let .wouldOverwriteInput(path):
            "refusing to write \(path): it is an input of this run; choose another output path"
        case let .cannotWrite(path, reason):
            "cannot write \(path): \(reason)"
        }
    }
}

extension FormatError {
    /// One problem as ``malformed(file:line:column:message:)``, several as ``problems(_:)``.
    /// - Precondition: `diagnostics` is not empty.
    public static func reporting(_ diagnostics: [Diagnostic], file: String) -> FormatError {
        guard diagnostics.count == 1, let d = diagnostics.first else { return .problems(diagnostics) }
        return .malformed(
            file: d.file ?? file, line: d.line ?? 0, column: d.column ?? 0, message: d.path.isEmpty ? d.message : "\(d.path): \(d.message)")
    }

    /// The problems this error reports, each located: one for ``malformed(file:line:column:message:)``,
    /// every one for ``problems(_:)``, none for output errors.
    public var diagnostics: [Diagnostic] {
        switch self {
        case let .problems(d): d
        case let .malformed(file, line, column, message):
            [Diagnostic(file: file, line: line > 0 ? line : nil, column: column > 0 ? column : nil, path: "", message: message)]
        case let .unreadable(file, reason): [Diagnostic(file: file, path: "", message: "cannot read: \(reason)")]
        case .wouldOverwriteInput, .cannotWrite: []
        }
    }
}
