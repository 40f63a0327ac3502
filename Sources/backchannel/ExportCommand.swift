import ArgumentParser
import BackchannelJobs
import BackchannelFormats
import BackchannelPresentation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the network as styled DOT, or as canonical node-link JSON (itself a valid input).",
        discussion: "Output is deterministic: the same input gives byte-identical files."
    )

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("dot or json (for graphml, gexf and csv, use `convert`).", valueName: "format"))
    var format: OutputFormat = .dot

    @OptionGroup var diagram: DiagramOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if format != .dot && format != .json {
            throw ValidationError("export writes dot or json; for \(format.rawValue), use `backchannel convert INPUT OUTPUT --to \(format.rawValue)`")
        }
    }

    func run() throws {
        try reportingFailures {
            let network = try input.load()
            let text = format == .json ? network.jsonText() : RenderJob(options: diagram.dotOptions).dot(network)
            try output.write(Array(text.utf8), binary: false, protecting: input.source.protectedFiles)
        }
    }
}
