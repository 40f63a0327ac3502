/// Errors of the rendering module, carrying Graphviz's own messages.
public enum RenderError: Error, Sendable, CustomStringConvertible {
    /// Graphviz's parser rejected the DOT text.
    case syntax(message: String)
    /// The layout engine failed.
    case layout(engine: LayoutEngine, message: String)
    /// The renderer failed or the format's plugin is missing.
    case render(format: RenderFormat, message: String)

    public var description: String {
        switch self {
        case let .syntax(message):
            "Graphviz could not parse the DOT: \(message.isEmpty ? "syntax error" : message)"
        case let .layout(engine, message):
            "Graphviz's \(engine.rawValue) layout failed: \(message.isEmpty ? "no message" : message)"
                + (engine == .dot ? " (for large networks try --engine sfdp)" : "")
        case let .render(format, message):
            "Graphviz could not render \(format.rawValue): \(message.isEmpty ? "no message" : message)"
                + " (is the graphviz package, with its cairo plugin, installed?)"
        }
    }
}
