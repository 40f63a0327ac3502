/// Errors of the jobs layer: a request that does not fit the network it is run on.
public enum JobError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The id names no conflict of the network (or a node of another kind).
    case notAConflict(String)

    public var description: String {
        switch self {
        case let .notAConflict(id): "\"\(id)\" is not a conflict in this network"
        }
    }
}
