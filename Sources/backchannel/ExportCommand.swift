import ArgumentParser
import BackchannelJobs
import BackchannelFormats
import BackchannelPresentation

struct ExportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, json
    }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the network as styled DOT, or as canonical node-link JSON (itself a valid input).",
        discussion: "Output is deterministic: the same input gives byte-identical files."
    )

    @OptionGroup var input: InputOptions

    @Option(help: "dot or json.")
    var format: Format = .dot

    @OptionGroup var diagram: DiagramOptions

    @Option(name: .shortAndLong, help: "Output file, written atomically (default: stdout).")
    var output: String?

    func run() throws {
        try reportingFailures {
            let network = try input.load()
            let text = switch format {
            case .dot: RenderJob(options: diagram.dotOptions).dot(network)
            case .json: network.jsonText()
            }
            try emit(Array(text.utf8), to: output, binary: false, protecting: input.source.protectedFiles)
        }
    }
}
