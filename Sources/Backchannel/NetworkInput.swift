import BackchannelInterop
import BackchannelModel
import BackchannelRender
import Foundation

/// The formats a network can be read from, by file extension unless named.
public enum InputFormat: String, CaseIterable, Sendable {
    /// Canonical or plain node-link JSON (`.json`).
    case json
    /// GraphML (`.graphml`, `.xml`).
    case graphml
    /// Graphviz DOT (`.dot`, `.gv`), through Graphviz's own parser.
    case dot
    /// An edges sheet (`.csv`), with `nodes.csv` and `sources.csv` beside an `edges.csv` when present.
    case csv

    public static func detect(_ url: URL) -> InputFormat? {
        switch url.pathExtension.lowercased() {
        case "json": .json
        case "graphml", "xml": .graphml
        case "dot", "gv": .dot
        case "csv", "tsv": .csv
        default: nil
        }
    }
}

/// Where a command's network comes from: a file the user named, or the bundled history.
public enum NetworkInput: Sendable, CustomStringConvertible {
    case file(URL, format: InputFormat?)
    case bundled(Network.Bundled)

    /// `path` when given, else the bundled Track II history.
    public init(path: String?, format: InputFormat? = nil) {
        if let path {
            self = .file(URL(fileURLWithPath: path), format: format)
        } else {
            self = .bundled(.track2History)
        }
    }

    /// The network, ignoring warnings (see ``loadWithWarnings()``).
    public func load() throws -> Network {
        try loadWithWarnings().network
    }

    /// The network, and what the format could not carry or what was defaulted on the way.
    public func loadWithWarnings() throws -> (network: Network, warnings: [String]) {
        switch self {
        case let .bundled(dataset):
            return (try Network.bundled(dataset), [])
        case let .file(url, format):
            let path = url.path
            guard let format = format ?? InputFormat.detect(url) else {
                throw InteropError.malformed(file: path, line: 0, column: 0, message: "unknown file type \".\(url.pathExtension)\"; name the format with --from (\(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            if format == .csv {
                let directory = url.deletingLastPathComponent()
                let isEdgesSheet = url.lastPathComponent.lowercased().hasSuffix("edges.csv")
                func sibling(_ name: String) -> URL? {
                    guard isEdgesSheet else { return nil }
                    let candidate = directory.appendingPathComponent(url.lastPathComponent.dropLast("edges.csv".count) + name)
                    return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
                }
                return try CSVSheets.read(nodes: sibling("nodes.csv"), edges: url, sources: sibling("sources.csv"), mapping: nil)
            }
            let bytes: [UInt8]
            do {
                bytes = [UInt8](try Data(contentsOf: url))
            } catch {
                throw ModelError.unreadable(file: path, reason: (error as NSError).localizedDescription)
            }
            switch format {
            case .json: return try Network.read(json: bytes, file: path)
            case .graphml: return try GraphML.read(bytes, file: path)
            case .dot: return try readDOT(bytes, file: path)
            case .csv: fatalError("handled above")
            }
        }
    }

    /// Files an output must never overwrite.
    public var protectedFiles: [URL] {
        switch self {
        case let .file(url, _): [url]
        case let .bundled(dataset): [dataset.url]
        }
    }

    public var description: String {
        switch self {
        case let .file(url, _): url.path
        case let .bundled(dataset): "bundled dataset \(dataset.rawValue)"
        }
    }
}

/// DOT through Graphviz's parser; its syntax errors become ``InteropError``s naming the line.
func readDOT(_ bytes: [UInt8], file: String) throws -> (network: Network, warnings: [String]) {
    let result: Result<(network: Network, warnings: [String]), RenderError>
    do {
        result = .success(try DOTImport.read(bytes, file: file))
    } catch {
        result = .failure(error)
    }
    switch result {
    case let .success(value):
        return value
    case let .failure(.syntax(message)):
        let line = message.range(of: "line ").flatMap { Int(message[$0.upperBound...].prefix { $0.isNumber }) } ?? 0
        throw InteropError.malformed(file: file, line: line, column: 0, message: "not valid DOT: \(message)")
    case let .failure(error):
        throw error
    }
}
