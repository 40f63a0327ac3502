import ArgumentParser
import Backchannel
import BackchannelRender

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the network with Graphviz (in-process) as SVG, PNG, PDF, or write its DOT.",
        discussion: """
            Shape shows the kind, fill colour the track, line style the relation, a red border a
            designated actor; node size follows degree. Without --engine, dot lays out networks of up to
            \(LayoutEngine.dotEdgeLimit) edges and sfdp larger ones (dot takes minutes past a few thousand).
            Without -o, output goes to stdout (PNG and PDF only when stdout is not a terminal).
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "svg, png, pdf or dot.")
    var format: DiagramFormat = .svg

    @Option(help: "Graphviz layout engine: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")) (default: dot, or sfdp past \(LayoutEngine.dotEdgeLimit) edges).")
    var engine: LayoutEngine?

    @OptionGroup var diagram: DiagramOptions

    @Option(name: .shortAndLong, help: "Output file, written atomically (default: stdout).")
    var output: String?

    func run() throws {
        try reportingFailures {
            let network = try input.source.load()
            let (bytes, notes) = try RenderJob(options: diagram.dotOptions, engine: engine).run(network, format: format)
            notes.forEach(note)
            try emit(bytes, to: output, binary: format.isBinary, protecting: input.source.protectedFiles)
        }
    }
}
