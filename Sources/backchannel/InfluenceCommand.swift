import ArgumentParser
import BackchannelAnalysis
import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation

struct InfluenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "influence",
        abstract: "Rank conveners by a documented composite of brokerage, betweenness, reach and PageRank.",
        discussion: """
            On the undirected network, each convener gets four components: cross-track brokerage (Gould–Fernandez itinerant + representative + gatekeeper + liaison two-paths, partition by track), normalized betweenness, reach (the share of conflicts and participants within two steps) and PageRank. Each is divided by its maximum among conveners; the score is their mean. Every component is shown. With --edges, give --nodes with a `kind` column to mark conveners (otherwise every node is ranked).
            """
    )

    @OptionGroup var graph: GraphOptions
    @OptionGroup var threading: ThreadOptions

    @Option(help: "Show at most this many conveners (default: 15 for tables, all otherwise).")
    var top: Int?

    @Option(help: "How to write the ranking.")
    var format: ReportFormat = .table

    @OptionGroup var output: OutputOptions

    @OptionGroup var table: TableOptions

    func validate() throws {
        try graph.refuseUndirected("influence")
        if let top, top < 0 { throw ValidationError("--top must be 0 or more, not \(top)") }
    }

    func run() throws {
        try table.reportingFailures {
            try threading.apply()
            let input = try graph.load(nodeColumn: graph.edges != nil && graph.edgeList.nodes != nil ? "kind" : nil, undirected: true)
            let n = input.graph.nodeCount
            let kinds: [String] = input.nodes?.map(\.kind.rawValue) ?? input.nodeColumn ?? [String](repeating: "convener", count: n)
            let noKinds = !kinds.contains("convener")
            let influence = ConvenerInfluence(
                isConvener: kinds.map { noKinds || $0 == "convener" },
                isReachTarget: kinds.map { noKinds || $0 == "conflict" || $0 == "participant" },
                groups: input.network == nil ? [Int](repeating: 0, count: n) : try input.groups(by: "track"))
            var entries = try influence.rank(input.graph)
            if let limit = top ?? (format == .table ? 15 : nil) { entries = Array(entries.prefix(limit)) }
            let report = InfluenceReport(entries: entries, ids: input.graph.ids, labels: input.nodes?.map(\.label), directed: false)
            try output.write(
                Array(TimeScope(graph.filter).record(report.render(format), format: format).utf8), binary: false,
                protecting: input.protectedFiles)
        }
    }
}
