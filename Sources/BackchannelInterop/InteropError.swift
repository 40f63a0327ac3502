/// Errors of the interop module: a file in some format that cannot be read as a network.
public enum InteropError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A syntax or content problem at a place in the file (line and column are 1-based; 0 when unknown).
    case malformed(file: String, line: Int, column: Int, message: String)
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)

    public var description: String {
        switch self {
        case let .malformed(file, line, column, message):
            line > 0 ? (column > 0 ? "\(file):\(line):\(column): \(message)" : "\(file):\(line): \(message)") : "\(file): \(message)"
        case let .unreadable(file, reason):
            "\(file): cannot read: \(reason)"
        }
    }
}
