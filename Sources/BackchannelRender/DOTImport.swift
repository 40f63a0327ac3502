import BackchannelFormats
import BackchannelModel

/// Graphviz's own parser (libcgraph `agread`) as the formats layer's ``DOTParser``.
public struct GraphvizDOTParser: DOTParser {
    public init() {}

    public func parseAll(dot bytes: [UInt8]) throws(DOTSyntaxError) -> [DOTGraph] {
        do {
            return try Graphviz.shared.parseAll(dot: bytes)
        } catch {
            let message: String
            if case let .syntax(text) = error { message = text } else { message = error.description }
            let line = message.range(of: "line ").flatMap { Int(message[$0.upperBound...].prefix { $0.isNumber }) }
            throw DOTSyntaxError(message: message, line: line)
        }
    }
}

/// Reads any DOT file as a typed network through Graphviz's parser: ``DOTNetworkReader`` with
/// ``GraphvizDOTParser``.
public enum DOTImport {
    public static func read(_ bytes: [UInt8], file: String) throws(FormatError) -> (network: Network, warnings: [String]) {
        try DOTNetworkReader.read(bytes, file: file, parser: GraphvizDOTParser())
    }
}
