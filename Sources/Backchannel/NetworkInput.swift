import BackchannelModel
import Foundation

/// Where a command's network comes from: a file the user named, or the bundled history.
public enum NetworkInput: Sendable, CustomStringConvertible {
    case file(URL)
    case bundled(Network.Bundled)

    /// `path` when given, else the bundled Track II history.
    public init(path: String?) {
        if let path {
            self = .file(URL(fileURLWithPath: path))
        } else {
            self = .bundled(.track2History)
        }
    }

    public func load() throws(ModelError) -> Network {
        switch self {
        case let .file(url): try Network(contentsOf: url)
        case let .bundled(dataset): try Network.bundled(dataset)
        }
    }

    /// Files an output must never overwrite.
    public var protectedFiles: [URL] {
        switch self {
        case let .file(url): [url]
        case let .bundled(dataset): [dataset.url]
        }
    }

    public var description: String {
        switch self {
        case let .file(url): url.path
        case let .bundled(dataset): "bundled dataset \(dataset.rawValue)"
        }
    }
}
