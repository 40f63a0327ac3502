/// Errors of the rendering module, carrying Graphviz's own messages. Descriptions name engines and
/// commands in words, never a command-line flag; the CLI adds those.
public enum RenderError: Error, Sendable, CustomStringConvertible {
    /// Graphviz's parser rejected the DOT text.
    case syntax(message: String)
    /// The layout engine failed.
    case layout(engine: LayoutEngine, message: String)
    /// The renderer failed or the format's plugin is missing.
    case render(format: RenderFormat, message: String)
    /// Graphviz crashed (in a child process, see ``GraphvizWorker``) with this signal.
    case crashed(engine: LayoutEngine, signal: Int32)
    /// The layout was still running after `seconds` and was stopped (see ``RenderLimits/timeout``);
    /// `edges` is the graph's size when known.
    case timedOut(engine: LayoutEngine, seconds: Double, edges: Int?)
    /// The graph is past a size limit (see ``RenderLimits``) and was not laid out: `edges` of at most
    /// `edgeLimit`, or `bytes` of DOT of at most `byteLimit`.
    case tooLarge(edges: Int?, edgeLimit: Int?, bytes: Int, byteLimit: Int?)

    public var description: String {
        switch self {
        case let .syntax(message):
            "Graphviz could not parse the DOT: \(message.isEmpty ? "syntax error" : message)"
        case let .layout(engine, message):
            "Graphviz's \(engine.rawValue) layout failed: \(message.isEmpty ? "no message" : message)"
                + (engine == .dot ? " (for large networks try the sfdp engine)" : "")
        case let .crashed(engine, signal):
            "Graphviz's \(engine.rawValue) layout crashed (signal \(signal)\(signal == 11 ? ", a segmentation fault" : "")) on this graph, a bug in the installed Graphviz; "
                + "try another engine: " + Self.others(than: engine).map(\.rawValue).joined(separator: ", ")
        case let .timedOut(engine, seconds, edges):
            "Graphviz's \(engine.rawValue) layout did not finish within \(Self.seconds(seconds)) and was stopped"
                + (edges.map { " (\($0) edges)" } ?? "") + "; " + Self.timeoutAdvice(engine: engine, edges: edges)
        case let .tooLarge(edges, edgeLimit, bytes, byteLimit):
            "not laying out the whole graph: " + Self.sizeText(edges: edges, edgeLimit: edgeLimit, bytes: bytes, byteLimit: byteLimit)
                + "; Graphviz would run for hours and draw nothing readable. Lay out a focused view instead: one node's neighbourhood (reach), one conflict's actors (the overview's conflict views), or a network filtered by kind, relation, track or years; or lift the size limit"
        case let .render(format, message):
            "Graphviz could not render \(format.rawValue): \(message.isEmpty ? "no message" : message)"
                + " (is the graphviz package, with its cairo plugin, installed?)"
        }
    }

    /// The other layout engines, to try after `engine` failed.
    /// - Complexity: O(1).
    public static func others(than engine: LayoutEngine) -> [LayoutEngine] {
        LayoutEngine.allCases.filter { $0 != engine }
    }

    /// What to try after a timeout: a faster engine for this size, or a smaller graph.
    /// - Complexity: O(1).
    static func timeoutAdvice(engine: LayoutEngine, edges: Int?) -> String {
        if engine != .sfdp {
            return "try the sfdp engine, the one that finishes on large graphs"
                + (edges.map { $0 > LayoutEngine.dotEdgeLimit ? " (dot is slow past \(LayoutEngine.dotEdgeLimit) edges)" : "" } ?? "")
                + ", or lay out a smaller part of the network"
        }
        return "lay out a smaller part of the network (one node's neighbourhood, one conflict, a filter), or allow more time"
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() && value < 1e15 ? "\(Int(value)) s" : "\(value) s"
    }

    static func sizeText(edges: Int?, edgeLimit: Int?, bytes: Int, byteLimit: Int?) -> String {
        var parts: [String] = []
        if let edges, let edgeLimit, edges > edgeLimit { parts.append("\(edges) edges, more than the limit of \(edgeLimit)") }
        if let byteLimit, bytes > byteLimit { parts.append("\(megabytes(bytes)) of DOT, more than the limit of \(megabytes(byteLimit))") }
        return parts.joined(separator: " and ")
    }

    static func megabytes(_ bytes: Int) -> String {
        let mb = Double(bytes) / Double(1 << 20)
        return mb >= 10 ? "\(Int(mb)) MB" : "\((mb * 10).rounded() / 10) MB"
    }
}
