import ArgumentParser
import BackchannelAnalysis
import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation
import Foundation

struct ExposureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exposure",
        abstract: "Paths of material support from conveners and organisations to designated actors, with the law that bears on them.",
        discussion: """
            Follows `provides` edges (monetary, expert advice or assistance, training, personnel, service), directly or through up to two intermediaries, to any actor with a designation. For each path: the designation and who made it, the legal decisions and instruments with `constrains`, `designates` or `upholds` edges bearing on it, and whether each engagement falls before or after the designation. Ranked: direct paths first, then by how many legal instruments bear on them. Factual wording; not legal advice.
            """
    )

    @OptionGroup var input: InputOptions

    @OptionGroup var time: TimeOptions

    @OptionGroup var renderLimits: RenderLimitOptions

    @Option(help: "table (the numbered paths in words; also `text`) or json.")
    var format: ReportFormat = .table

    @Option(
        name: .customLong("render"),
        help: ArgumentHelp(
            "Also draw the paths, highlighted, with their context: the designators, the legal decisions bearing on them and the nodes tied to two or more path nodes (SVG, PNG or PDF by extension).",
            valueName: "file"))
    var renderFile: String?

    @OptionGroup var output: OutputOptions

    @OptionGroup var table: TableOptions

    func validate() throws {
        if format == .csv { throw ValidationError("exposure writes a table or json, not csv") }
        if let renderFile, diagramFormat(renderFile) == nil {
            throw ValidationError("--render: use a file ending in .svg, .png, .pdf or .dot")
        }
    }

    private func diagramFormat(_ path: String) -> DiagramFormat? {
        DiagramFormat(argument: URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    func run() throws {
        try table.reportingFailures {
            let network = time.restrict(try input.load())
            let paths = LegalExposure().paths(network)
            let report = ExposureReport(paths: paths, network: network)
            try output.write(
                Array(time.scope.record(format == .json ? report.json() : report.text(), format: format).utf8), binary: false,
                protecting: input.source.protectedFiles)
            if let renderFile, let diagram = diagramFormat(renderFile) {
                var options = DOTOptions(
                    title: time.scope.title("Legal exposure: material-support paths to designated actors"), clusterBy: .none)
                // Only the paths and their context, not the whole network.
                let view = RenderJob.exposureView(network)
                options.highlight = view.highlight
                options.keep = view.keep
                let (bytes, notes) = try RenderJob(options: options, worker: renderLimits.worker).run(network, format: diagram)
                notes.forEach(note)
                try emit(bytes, to: renderFile, binary: diagram.isBinary, protecting: input.source.protectedFiles)
            }
        }
    }
}
