import ArgumentParser
import BackchannelJobs
import BackchannelAnalysis
import BackchannelRender
import Foundation

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the network with Graphviz's libraries as SVG, PNG, PDF, or write its DOT.",
        discussion: """
            Shape shows the kind, fill colour the track, line style the relation, a red border a designated actor; node size follows degree. Without --engine, dot lays out networks of up to \(LayoutEngine.dotEdgeLimit) edges and sfdp larger ones (dot takes minutes past a few thousand). Without -o, output goes to stdout (PNG and PDF only when stdout is not a terminal).
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "What to draw: an image (svg, png, pdf) or its DOT.")
    var format: DiagramFormat = .svg

    @Option(help: "Graphviz layout engine (default: dot, or sfdp past \(LayoutEngine.dotEdgeLimit) edges).")
    var engine: LayoutEngine?

    @OptionGroup var diagram: DiagramOptions

    @OptionGroup var renderLimits: RenderLimitOptions

    @OptionGroup var time: TimeOptions

    @Option(help: ArgumentHelp("Scale nodes by this measure instead of degree (any `centrality` measure that scores nodes).", valueName: "measure"))
    var sizeBy: Measure?

    @Option(help: ArgumentHelp("Highlight the paths in this JSON file (the output of `paths --format json` or `exposure --format json`).", valueName: "file.json"))
    var highlightPaths: String?

    @Flag(help: "For a DOT input: draw the file as it is, with its own styling, instead of Backchannel's.")
    var asIs = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if asIs {
            guard let path = input.input, (input.inputFormat ?? InputFormat.detect(URL(fileURLWithPath: path))) == .dot else {
                throw ValidationError("--as-is draws a DOT file as it is; give a .dot or .gv INPUT")
            }
            if sizeBy != nil || highlightPaths != nil { throw ValidationError("--as-is draws the file's own styling; it cannot take --size-by or --highlight-paths") }
            if time.isSet { throw ValidationError("--as-is draws the file as it is; it cannot take --at, --between or --dated-only") }
        }
    }

    func run() throws {
        try reportingFailures {
            if asIs, let path = input.input {
                let network = try input.load()
                let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
                let (bytes, notes) = try RenderJob(engine: engine, worker: renderLimits.worker).run(dot: text, edgeCount: network.edges.count, format: format)
                notes.forEach(note)
                try output.write(bytes, binary: format.isBinary, protecting: input.source.protectedFiles)
                return
            }
            var network = time.restrict(try input.load())
            var options = diagram.dotOptions
            if time.isSet {
                if let title = options.title {
                    options.title = time.scope.title(title)
                } else {
                    network.title = time.scope.title(network.title ?? network.name)
                }
            }
            if let sizeBy {
                options.sizeScores = try RenderJob.sizeScores(network, by: sizeBy)
                options.sizeMeasure = sizeBy.rawValue
            }
            if let highlightPaths {
                options.highlight = try RenderJob.highlightPaths(from: URL(fileURLWithPath: highlightPaths))
            }
            let (bytes, notes) = try RenderJob(options: options, engine: engine, worker: renderLimits.worker).run(network, format: format)
            notes.forEach(note)
            try output.write(bytes, binary: format.isBinary, protecting: input.source.protectedFiles + [highlightPaths].compactMap { $0.map { URL(fileURLWithPath: $0) } })
        }
    }
}
