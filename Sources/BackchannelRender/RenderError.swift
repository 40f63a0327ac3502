/// Errors of the rendering module, carrying Graphviz's own messages.
public enum RenderError: Error, Sendable, CustomStringConvertible {
    /// Graphviz's parser rejected the DOT text.
    case syntax(message: String)
    /// The layout engine failed.
    case layout(engine: LayoutEngine, message: String)
    /// The renderer failed or the format's plugin is missing.
    case render(format: RenderFormat, message: String)
    /// Graphviz crashed (in a child process, see ``GraphvizWorker``) with this signal.
    case crashed(engine: LayoutEngine, signal: Int32)

    public var description: String {
        switch self {
        case let .syntax(message):
            "Graphviz could not parse the DOT: \(message.isEmpty ? "syntax error" : message)"
        case let .layout(engine, message):
            "Graphviz's \(engine.rawValue) layout failed: \(message.isEmpty ? "no message" : message)"
                + (engine == .dot ? " (for large networks try --engine sfdp)" : "")
        case let .crashed(engine, signal):
            "Graphviz's \(engine.rawValue) layout crashed (signal \(signal)\(signal == 11 ? ", a segmentation fault" : "")) on this graph, a bug in the installed Graphviz; "
                + "try another engine (\(LayoutEngine.allCases.filter { $0 != engine }.map { "--engine \($0.rawValue)" }.joined(separator: ", ")))"
        case let .render(format, message):
            "Graphviz could not render \(format.rawValue): \(message.isEmpty ? "no message" : message)"
                + " (is the graphviz package, with its cairo plugin, installed?)"
        }
    }
}
