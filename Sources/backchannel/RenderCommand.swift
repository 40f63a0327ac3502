import ArgumentParser
import BackchannelAnalysis
import BackchannelJobs
import BackchannelModel
import BackchannelRender
import Foundation

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the network with Graphviz's libraries as SVG, PNG, PDF, or write its DOT.",
        discussion: """
            Shape shows the kind, fill colour the track, line colour and style the relation, a thick purple border a designated actor; node size follows degree; the legend above the drawing draws each sample. Past \(RenderJob.largeEdgeThreshold) edges only the most connected nodes (by degree) are drawn unless --full is given. --focus, --paths and --exposure draw a focused view. Without --engine, dot lays out networks of up to \(LayoutEngine.dotEdgeLimit) edges and sfdp larger ones (dot takes minutes past a few thousand). Without -o, output goes to stdout (PNG and PDF only when stdout is not a terminal).
            """
    )

    @OptionGroup var input: InputOptions

    @Option(
        help:
            "What to draw: an image (svg, png, pdf) or its DOT (default: the -o file's extension, .svg, .png, .pdf, .dot or .gv; svg without -o or without an extension)."
    )
    var format: DiagramFormat?

    @Option(help: "Graphviz layout engine (default: dot, or sfdp past \(LayoutEngine.dotEdgeLimit) edges).")
    var engine: LayoutEngine?

    @OptionGroup var diagram: DiagramOptions

    @OptionGroup var renderLimits: RenderLimitOptions

    @OptionGroup var time: TimeOptions

    @Option(
        help: ArgumentHelp(
            "Scale nodes by this measure instead of degree (any `centrality` measure that scores nodes).", valueName: "measure"))
    var sizeBy: Measure?

    @Option(
        help: ArgumentHelp(
            "Highlight the paths in this JSON file (the output of `paths --format json` or `exposure --format json`).",
            valueName: "file.json"))
    var highlightPaths: String?

    @Flag(help: "For a DOT input: draw the file as it is, with its own styling, instead of Backchannel's.")
    var asIs = false

    @Option(help: ArgumentHelp("Draw only this node and its neighbourhood (--focus-radius steps).", valueName: "id"))
    var focus: String?

    @Option(help: ArgumentHelp("Steps around --focus to draw (default: 1).", valueName: "n"))
    var focusRadius: Int?

    @Option(
        help: ArgumentHelp(
            "Draw only the paths in this JSON file (as --highlight-paths reads it), highlighted, with the nodes tied to two or more of their nodes.",
            valueName: "file.json"))
    var paths: String?

    @Flag(
        help:
            "Draw only the legal-exposure paths (as `exposure` finds them), highlighted, with the designators, the legal decisions bearing on them and the nodes tied to two or more path nodes."
    )
    var exposure = false

    @Flag(
        help:
            "Draw the network collapsed to its Louvain communities (seed 0): one node per community, sized by members, labelled by its three most connected actors (conveners, participants, officials; its most connected members when it has none), one per line; one line without arrowheads per pair of communities with ties, wider for more ties."
    )
    var communities = false

    @Flag(help: "Draw every node of a network past \(RenderJob.largeEdgeThreshold) edges, not only its most connected ones.")
    var full = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if asIs {
            guard let path = input.input, (input.inputFormat ?? InputFormat.detect(URL(fileURLWithPath: path))) == .dot else {
                throw ValidationError("--as-is draws a DOT file as it is; give a .dot or .gv INPUT")
            }
            if sizeBy != nil || highlightPaths != nil || focus != nil || paths != nil || exposure || full || communities
                || diagram.title != nil || diagram.clusterBy != nil || !diagram.legend
            {
                throw ValidationError(
                    "--as-is draws the file's own styling; it cannot take --size-by, --highlight-paths, --focus, --paths, --exposure, --full, --communities, --title, --cluster-by or --no-legend"
                )
            }
            if time.isSet { throw ValidationError("--as-is draws the file as it is; it cannot take --at, --between or --dated-only") }
        }
        if [focus != nil, paths != nil, exposure].filter({ $0 }).count > 1 {
            throw ValidationError("give at most one of --focus, --paths and --exposure")
        }
        if communities && (full || sizeBy != nil || highlightPaths != nil || diagram.clusterBy != nil) {
            throw ValidationError(
                "--communities draws communities sized by members; it cannot take --full, --size-by, --highlight-paths or --cluster-by")
        }
        if let focusRadius {
            if focus == nil { throw ValidationError("--focus-radius goes with --focus") }
            if focusRadius < 0 { throw ValidationError("--focus-radius must be 0 or more, not \(focusRadius)") }
        }
        _ = try drawnFormat()
    }

    /// `--format`, or the one the `-o` file's extension names: SVG when neither says (no `-o`, or a
    /// name without an extension); a usage error for an extension that names no format.
    func drawnFormat() throws -> DiagramFormat {
        if let format { return format }
        guard let path = output.output else { return .svg }
        let ext = URL(fileURLWithPath: path).pathExtension
        guard !ext.isEmpty else { return .svg }
        guard let inferred = DiagramFormat(fileExtension: ext) else {
            throw ValidationError(
                "cannot tell the format from the extension .\(ext) of \(path): give --format svg, png, pdf or dot, or an output ending in \(DiagramFormat.fileExtensions.map { "." + $0 }.joined(separator: ", "))"
            )
        }
        return inferred
    }

    func run() throws {
        let format = try drawnFormat()
        try reportingFailures {
            if asIs, let path = input.input {
                let redacted = try input.loadRedacted()
                let network = redacted.network
                // The file's own text is drawn, so nothing in it could be put under a pseudonym.
                if redacted.count > 0 {
                    throw UsageFailure(
                        message:
                            "--as-is draws the file's own text, which names \(redacted.count) node\(redacted.count == 1 ? "" : "s") to redact; leave out --as-is (or give --reveal when nothing is to be hidden)"
                    )
                }
                let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
                let (bytes, notes) = try RenderJob(engine: engine, worker: renderLimits.worker).run(
                    dot: text, edgeCount: network.edges.count, format: format)
                notes.forEach(note)
                try output.write(bytes, binary: format.isBinary, protecting: input.source.protectedFiles)
                return
            }
            let redacted = try input.loadRedacted()
            var network = time.restrict(redacted.network)
            var options = diagram.dotOptions
            // `--title` is text like any other: covered nodes' names in it are replaced.
            options.title = options.title.map(redacted.scrub)
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
                // Paths files name nodes by their original ids or by their pseudonyms.
                options.highlight = try RenderJob.highlightPaths(from: URL(fileURLWithPath: highlightPaths)).map {
                    $0.map(redacted.id(for:))
                }
            }
            options.full = full
            options.communities = communities
            // A focused view draws no boxes unless asked (its edges then carry their full labels).
            if focus != nil || paths != nil || exposure { options.clusterBy = diagram.clusterBy ?? .none }
            if let focus = focus.map(redacted.id(for:)) {
                guard network.nodes.contains(where: { ExactID($0.id) == ExactID(focus) }) else { throw AnalysisError.unknownNode(focus) }
                options.keep = RenderJob.focus(on: focus, radius: focusRadius ?? 1, in: network)
            } else if let paths {
                let nodePaths = try RenderJob.highlightPaths(from: URL(fileURLWithPath: paths)).map { $0.map(redacted.id(for:)) }
                options.highlight += nodePaths
                options.keep = RenderJob.focus(onPaths: nodePaths, in: network)
            } else if exposure {
                let view = RenderJob.exposureView(network)
                options.highlight += view.highlight
                options.keep = view.keep
            }
            let (bytes, notes) = try RenderJob(options: options, engine: engine, worker: renderLimits.worker).run(network, format: format)
            notes.forEach(note)
            try output.write(
                bytes, binary: format.isBinary,
                protecting: input.source.protectedFiles + [highlightPaths, paths].compactMap { $0.map { URL(fileURLWithPath: $0) } })
        }
    }
}
