import BackchannelFormats
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
    /// GEXF 1.1–1.3, Gephi's format (`.gexf`).
    case gexf
    /// An edges sheet (`.csv`), with `nodes.csv` and `sources.csv` beside an `edges.csv` when present.
    case csv

    public static func detect(_ url: URL) -> InputFormat? {
        switch url.pathExtension.lowercased() {
        case "json": .json
        case "graphml", "xml": .graphml
        case "dot", "gv": .dot
        case "gexf": .gexf
        case "csv", "tsv": .csv
        default: nil
        }
    }
}

/// Where a command's network comes from: a file the user named, or the bundled history.
public enum NetworkInput: Sendable, CustomStringConvertible {
    /// A file; `strict` refuses it when reading it needs any warning (defaults, foreign fields kept
    /// as attributes, dates cut, anything left out), and reads JSON only in the canonical form.
    case file(URL, format: InputFormat?, strict: Bool = false)
    case bundled(Network.Bundled)

    /// `path` when given, else the bundled Track II history.
    public init(path: String?, format: InputFormat? = nil, strict: Bool = false) {
        if let path {
            self = .file(URL(fileURLWithPath: path), format: format, strict: strict)
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
        case let .file(url, format, strict):
            let (network, warnings) = try Self.read(url, format: format, strict: strict)
            if strict { try Self.refuse(url, needing: warnings) }
            return (network, warnings)
        }
    }

    /// What `--strict` does with a file read with `warnings`: refuses it when there are any.
    /// - Throws: ``FormatError/malformed(file:line:column:message:)`` naming the file and every warning.
    public static func refuse(_ url: URL, needing warnings: [String]) throws(FormatError) {
        guard !warnings.isEmpty else { return }
        throw .malformed(
            file: url.path, line: 0, column: 0,
            message:
                "read strictly, the file is refused: reading it needs \(warnings.count) warning\(warnings.count == 1 ? "" : "s"): \(warnings.joined(separator: "; "))"
        )
    }

    private static func read(_ url: URL, format: InputFormat?, strict: Bool) throws -> (network: Network, warnings: [String]) {
        let path = url.path
        guard let format = format ?? InputFormat.detect(url) else {
            throw FormatError.malformed(
                file: path, line: 0, column: 0,
                message:
                    "unknown file type \".\(url.pathExtension)\"; name the format with --input-format (--from for convert): \(InputFormat.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        let (network, warnings) = try readFormat(url, format: format, strict: strict)
        // Any attribute named `confidential` is the mark, whatever the format called it.
        return (try network.promotingConfidentialAttributes(file: path), warnings)
    }

    private static func readFormat(_ url: URL, format: InputFormat, strict: Bool) throws -> (network: Network, warnings: [String]) {
        let path = url.path
        switch format {
        case .csv:
            return try CSVSheets.read(
                nodes: Self.sibling(of: url, "nodes.csv"), edges: url, sources: Self.sibling(of: url, "sources.csv"), mapping: nil)
        case .json: return try Network.read(json: Self.bytes(url), file: path, lenient: !strict)
        case .graphml: return try GraphML.read(Self.bytes(url), file: path)
        case .dot: return try readDOT(Self.bytes(url), file: path)
        case .gexf: return try GEXF.read(Self.bytes(url), file: path)
        }
    }

    private static func bytes(_ url: URL) throws -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            throw ModelError.unreadable(file: url.path, reason: (error as NSError).localizedDescription)
        }
    }

    /// For `NAME-edges.csv` (or `edges.csv`): the `NAME-nodes.csv`-style sheet beside it, if it exists.
    private static func sibling(of url: URL, _ name: String) -> URL? {
        guard url.lastPathComponent.lowercased().hasSuffix("edges.csv") else { return nil }
        let candidate = url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent.dropLast("edges.csv".count) + name)
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }

    /// Files an output must never overwrite: every file loading reads (for an edges sheet, the
    /// `nodes.csv` and `sources.csv` beside it too).
    /// - Complexity: O(1) `stat` calls.
    public var protectedFiles: [URL] {
        switch self {
        case let .file(url, format, _):
            guard (format ?? InputFormat.detect(url)) == .csv else { return [url] }
            return [url] + [Self.sibling(of: url, "nodes.csv"), Self.sibling(of: url, "sources.csv")].compactMap { $0 }
        case let .bundled(dataset): return [dataset.url]
        }
    }

    public var description: String {
        switch self {
        case let .file(url, _, _): url.path
        case let .bundled(dataset): "bundled dataset \(dataset.rawValue)"
        }
    }
}

/// DOT through Graphviz's parser; its syntax errors become ``FormatError``s naming the line.
func readDOT(_ bytes: [UInt8], file: String) throws(FormatError) -> (network: Network, warnings: [String]) {
    try DOTNetworkReader.read(bytes, file: file, parser: GraphvizDOTParser())
}
