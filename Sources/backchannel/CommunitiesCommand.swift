import ArgumentParser
import BackchannelAnalysis
import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation

struct CommunitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communities",
        abstract: "Communities by the Louvain method, with the partition's modularity.",
        discussion: """
            The network is read as undirected. --weight strength weighs each tie by its strength (otherwise every tie counts 1). The same --seed gives the same partition; it need not be the one NetworkX's louvain_communities finds with that seed, since the node order is drawn with Backchannel's own generator. Stops when a level raises modularity by no more than 1e-7, as NetworkX does.
            """
    )

    enum Method: String, ExpressibleByArgument, CaseIterable { case louvain }

    @OptionGroup var graph: GraphOptions
    @OptionGroup var weighting: WeightOptions

    @Option(help: "The method: louvain.")
    var method: Method = .louvain

    @Option(help: "Seed for the node order.")
    var seed: UInt64 = 0

    @Option(help: "Resolution γ: above 1 favours smaller communities, below 1 larger ones.")
    var resolution: Double = 1

    @Option(help: "table, json or csv.")
    var format: ReportFormat = .table

    @OptionGroup var output: OutputOptions

    @OptionGroup var table: TableOptions

    func validate() throws {
        try graph.refuseUndirected("communities")
        guard resolution.isFinite, resolution >= 0 else { throw ValidationError("--resolution must be a finite number ≥ 0") }
        guard weighting.weight != .distance else { throw ValidationError("communities use --weight none or strength, not distance") }
    }

    func run() throws {
        try table.reportingFailures {
            let input = try graph.load()
            let weighted = weighting.weight == .strength
            let louvain = Louvain(resolution: resolution, seed: seed, weighted: weighted)
            let communities = try louvain.communities(input.graph)
            var membership = [Int](repeating: 0, count: input.graph.nodeCount)
            for (c, members) in communities.enumerated() { for v in members { membership[v] = c } }
            let q = try Modularity(resolution: resolution, weighted: weighted).score(input.graph, community: membership)
            let nodes = input.nodes
            let report = CommunitiesReport(
                method: method.rawValue,
                parameters: [
                    ("seed", .int(Int(truncatingIfNeeded: seed))), ("resolution", .double(resolution)),
                    ("weight", .string(weighting.weight.rawValue)), ("threshold", .double(louvain.threshold)),
                ],
                modularity: q,
                communities: communities.map { $0.map { (input.graph.ids[$0], nodes?[$0].label ?? input.graph.ids[$0]) } })
            try output.write(
                Array(TimeScope(graph.filter).record(report.render(format), format: format).utf8), binary: false,
                protecting: input.protectedFiles)
        }
    }
}
