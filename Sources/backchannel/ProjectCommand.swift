import ArgumentParser
import BackchannelAnalysis
import BackchannelJobs
import BackchannelModel
import Foundation

struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Project a two-mode network onto one side: nodes tied by the neighbours they share.",
        discussion: """
            --onto names the side kept: a kind (convener, participant, dialogue, …) or ATTRIBUTE=VALUE. Two kept nodes are tied (relation shares_with) when they share a neighbour outside the kept side; ties count in both directions. --weighting: count (shared neighbours, NetworkX's bipartite.weighted_projected_graph), newman (Σ 1/(d−1) over the shared neighbours, collaboration_weighted_projected_graph) or jaccard (shared / all neighbours, overlap_weighted_projected_graph). The weight is written in the edge's weight, so every command can use it (--weight strength). The output format follows -o's extension (json, graphml, gexf, dot, csv) unless --to names it.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("The side to keep: a kind or ATTRIBUTE=VALUE.", valueName: "kind|attribute=value"))
    var onto: ProjectJob.Side

    @Option(help: "count, newman or jaccard.")
    var weighting: BipartiteProjection.Weighting = .count

    @Option(name: .shortAndLong, help: "The file to write (never the input).")
    var output: String

    @Option(help: "Output format: json, graphml, gexf, dot or csv.")
    var to: OutputFormat?

    func validate() throws {
        if to == nil && OutputFormat.detect(URL(fileURLWithPath: output)) == nil {
            throw ValidationError(
                "cannot tell the output format from \"\(output)\"; use --to (\(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
    }

    func run() throws {
        try reportingFailures {
            let source = input.source
            // Covered nodes keep the attribute the projection selects by, so it keeps the same nodes.
            let keeping: Set<String> = if case let .attribute(name, _) = onto { [name] } else { [] }
            let network = try input.loadRedacted(keeping: keeping).network
            let projected = try ProjectJob(onto: onto, weighting: weighting).run(network)
            let url = URL(fileURLWithPath: output)
            let (files, warnings) = try ConvertJob.write(
                projected, to: url, as: to ?? OutputFormat.detect(url)!, protecting: source.protectedFiles)
            warnings.forEach { note("warning: " + $0) }
            note("wrote \(files.map(\.path).joined(separator: ", ")): \(projected.nodes.count) nodes, \(projected.edges.count) ties")
        }
    }
}

extension ProjectJob.Side: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension BipartiteProjection.Weighting: ExpressibleByArgument {}
