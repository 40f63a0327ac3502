/// Errors of the formats layer: a file that cannot be read as a network, or an output that could not
/// be written.
public enum FormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A syntax or content problem at a place in the file (line and column are 1-based; 0 when unknown).
    case malformed(file: String, line: Int, column: Int, message: String)
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
        case let .unreadable(file, reason):
            "\(file): cannot read: \(reason)"
        case let .wouldOverwriteInput(path):
            "refusing to write \(path): it is an input of this run; choose another output path"
        case let .cannotWrite(path, reason):
            "cannot write \(path): \(reason)"
        }
    }
}
