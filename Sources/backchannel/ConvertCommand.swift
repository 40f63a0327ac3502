import ArgumentParser
import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import Foundation

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a network between formats: JSON, GraphML, GEXF, DOT, CSV sheets.",
        discussion: """
            Formats follow the extensions (.json, .graphml, .gexf, .dot/.gv, .csv) unless --from/--to name them. CSV input is an edges sheet; a nodes.csv and sources.csv beside an edges.csv are read too, and --mapping FILE reads other people's tables (which column is the source, target, relation, year, and what kind each side is); --recipe FILE.toml reads them by an import recipe (several nodes and edges per row, lists split, dates read, several tables merged by id). CSV output writes NAME-edges.csv with NAME-nodes.csv and NAME-sources.csv. Whatever a format cannot hold is reported on stderr. convert and export write the same formats; the diagram options apply to DOT output.
            """
    )

    @Argument(help: "The network to read.")
    var input: String

    @Argument(help: "The file to write (never the input).")
    var output: String

    @Option(help: "Input format (default: by the extension).")
    var from: InputFormat?

    @Option(help: "Output format (default: by the extension).")
    var to: OutputFormat?

    @Option(help: ArgumentHelp("For CSV input: a column mapping file (see Datasets/README.md).", valueName: "file"))
    var mapping: String?

    @Option(help: ArgumentHelp("For CSV input with --mapping: a nodes sheet to read too.", valueName: "file.csv"))
    var nodesSheet: String?

    @Option(
        help: ArgumentHelp(
            "For CSV input: an import recipe (TOML; see Datasets/README.md): several node and edge rules per row, lists, dates, several tables.",
            valueName: "file.toml"))
    var recipe: String?

    @Flag(
        help:
            "Refuse an input that needs any warning to read (defaults, foreign fields kept as attributes, dates cut, data left out); JSON only in the canonical form."
    )
    var strict = false

    @OptionGroup var diagram: DiagramOptions

    @OptionGroup var redaction: RedactionOptions

    /// The format to write: `--to`, or the output's extension.
    private var format: OutputFormat? { to ?? OutputFormat.detect(URL(fileURLWithPath: output)) }

    func validate() throws {
        if format == nil {
            throw ValidationError(
                "cannot tell the output format from \"\(URL(fileURLWithPath: output).lastPathComponent)\"; use --to (\(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
        if nodesSheet != nil && mapping == nil { throw ValidationError("--nodes-sheet goes with --mapping") }
        if recipe != nil && mapping != nil { throw ValidationError("give --recipe or --mapping, not both") }
        if from != nil && (recipe != nil || mapping != nil) {
            throw ValidationError("--\(recipe != nil ? "recipe" : "mapping") says how to read the input already; it takes no --from")
        }
    }

    func run() throws {
        try reportingFailures {
            let inURL = URL(fileURLWithPath: input), outURL = URL(fileURLWithPath: output)
            guard let format else { throw UsageFailure(message: "cannot tell the output format; use --to") }
            let source = NetworkInput(path: input, format: from, strict: strict)
            var (network, readWarnings): (BackchannelModel.Network, [String])
            var recipeFiles: [URL] = []
            if let recipe {
                let recipeURL = URL(fileURLWithPath: recipe)
                let read = try RecipeReader.read(main: inURL, recipe: try Recipe.read(contentsOf: recipeURL))
                (network, readWarnings) = (read.network, read.warnings)
                recipeFiles = read.files + [recipeURL]
            } else if let mapping {
                let parsed = try CSVMapping.read(contentsOf: URL(fileURLWithPath: mapping))
                (network, readWarnings) = try CSVSheets.read(
                    nodes: nodesSheet.map { URL(fileURLWithPath: $0) }, edges: inURL, sources: nil, mapping: parsed)
            } else {
                (network, readWarnings) = try source.loadWithWarnings()
            }
            // The other inputs were refused by NetworkInput already.
            if strict && (recipe != nil || mapping != nil) { try NetworkInput.refuse(inURL, needing: readWarnings) }
            readWarnings.forEach { note("warning: " + $0) }
            network = redaction.apply(network).network
            let read =
                recipe != nil
                ? recipeFiles
                : mapping == nil
                    ? source.protectedFiles : [inURL] + [nodesSheet, mapping].compactMap { $0.map { URL(fileURLWithPath: $0) } }
            let (files, warnings) = try ConvertJob.write(network, to: outURL, as: format, protecting: read, dot: diagram.dotOptions)
            warnings.forEach { note("warning: " + $0) }
            note("wrote \(files.map(\.path).joined(separator: ", ")): \(network.nodes.count) nodes, \(network.edges.count) edges")
        }
    }
}
