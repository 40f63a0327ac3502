/// Errors of the export module.
public enum ExportError: Error, Sendable, CustomStringConvertible {
    /// The output path names one of the inputs; writing would destroy it.
    case wouldOverwriteInput(path: String)
    /// The output could not be written; nothing was left behind.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .wouldOverwriteInput(path):
            "refusing to write \(path): it is the input of this run; choose another output path with -o"
        case let .cannotWrite(path, reason):
            "cannot write \(path): \(reason)"
        }
    }
}
