import ArgumentParser
import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation

struct ChannelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "channels",
        abstract: "Who can still reach whom across the conflict line: channels between opposed parties.",
        discussion: """
            Parties of a conflict are the nodes with a party_to edge to it; a side attribute on that edge (or on the party) says which side it is on, and without sides every pair counts as opposed. For each opposed pair: the number of channels that share no intermediary (vertex-disjoint paths, ties in both directions), the channels, and the minimum vertex cut: the intermediaries whose loss would cut every channel. Conflicts, legal decisions and official actors (kind official or Track I) carry no channel unless --include-official is given; legal acts (designates, constrains, upholds, administers) are no ties; a direct tie between the two parties is reported on its own. --every year, quarter or month gives the channels in each period's snapshot (cut from one compact graph), with "period" on each conflict entry (2021, 2021-Q3, 2021-07); --at or --between then choose the periods, each clipped to that window.
            """
    )

    @OptionGroup var graph: GraphOptions

    @Option(help: "Only this conflict: its id, name or a unique prefix.")
    var conflict: String?

    @Flag(help: "Let official actors (kind official, or Track I) carry channels.")
    var includeOfficial = false

    @Flag(help: "With --without (or --without-kind, --without-designated): the channels with everyone beside the channels without them.")
    var compare = false

    @Option(help: "The channel counts per period: year, quarter or month.")
    var every: EveryPeriod?

    @Option(help: "table, json or csv.")
    var format: ReportFormat = .table

    @OptionGroup var output: OutputOptions

    @OptionGroup var table: TableOptions

    func validate() throws {
        try graph.refuseUndirected("channels")
        if graph.edges != nil { throw ValidationError("channels needs a typed network (party_to edges), not --edges") }
        if compare && !graph.filter.isCounterfactual {
            throw ValidationError("--compare needs --without, --without-kind or --without-designated")
        }
        try every?.check(graph.filters.time)
        if every != nil && compare { throw ValidationError("--every and --compare do not go together") }
    }

    func run() throws {
        try table.reportingFailures {
            let input = try graph.load()
            guard let network = input.network else { throw UsageFailure(message: "channels needs a typed network") }
            let conflictID = try conflict.map { name throws(NodeLookupError) in
                try NodeLookup.conflict(name, in: network, redacted: input.redacted)
            }
            let job = ChannelsJob(conflict: conflictID, includeOfficial: includeOfficial, filter: input.filter)
            let text =
                if compare {
                    try job.compare(network).render(format)
                } else if every != nil {
                    try job.runEvery(network, every: every!.step).render(format)
                } else {
                    try job.run(network).render(format)
                }
            let recorded = TimeScope(graph.filter, every: every?.step).record(text, format: format)
            try output.write(Array(recorded.utf8), binary: false, protecting: input.protectedFiles)
        }
    }
}
