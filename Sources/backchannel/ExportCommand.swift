import ArgumentParser
import BackchannelFormats
import BackchannelJobs
import BackchannelPresentation
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the network as styled DOT, canonical node-link JSON, GraphML, GEXF or CSV sheets.",
        discussion:
            "Output is deterministic: the same input gives byte-identical files. export and convert write the same formats (dot, json, graphml, gexf, csv); export writes to stdout or -o and takes the diagram options for DOT, convert names its output file. CSV is three sheets, so it needs -o NAME-edges.csv."
    )

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("dot, json, graphml, gexf or csv (csv needs -o NAME-edges.csv).", valueName: "format"))
    var format: OutputFormat = .dot

    @OptionGroup var diagram: DiagramOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if format == .csv, output.output == nil || output.output == "-" {
            throw ValidationError(
                "CSV output is three sheets: name the edges sheet with -o NAME-edges.csv (nodes and sources sheets are written beside it)")
        }
    }

    func run() throws {
        try reportingFailures {
            let network = try input.load()
            if format == .csv, let path = output.output {
                let (_, warnings) = try ConvertJob.write(
                    network, to: URL(fileURLWithPath: path), as: .csv, protecting: input.source.protectedFiles)
                warnings.forEach { note("warning: " + $0) }
                return
            }
            let text: String
            var warnings: [String] = []
            switch format {
            case .json: text = network.jsonText()
            case .graphml: (text, warnings) = GraphML.write(network)
            case .gexf: (text, warnings) = GEXF.write(network)
            case .dot, .csv: text = RenderJob(options: diagram.dotOptions).dot(network)
            }
            warnings.forEach { note("warning: " + $0) }
            try output.write(Array(text.utf8), binary: false, protecting: input.source.protectedFiles)
        }
    }
}
