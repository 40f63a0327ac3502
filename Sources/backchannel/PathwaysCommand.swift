import ArgumentParser
import BackchannelJobs
import BackchannelPresentation

struct PathwaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pathways",
        abstract: "From each unofficial dialogue, the prepares / led_to chains to official talks and agreements.",
        discussion: """
            Unofficial dialogues are dialogues on track II, III, 1.5 or prevention; official outcomes are dialogues on track I and agreements. Each chain follows prepares and led_to edges forward, is the shortest one recorded, and gives the years from the unofficial dialogue's start to the outcome's where both are dated, with the conveners of the unofficial dialogues on the way.
            """
    )

    @OptionGroup var input: InputOptions

    @OptionGroup var time: TimeOptions

    @Option(help: "table, json or csv.")
    var format: ReportFormat = .table

    @OptionGroup var output: OutputOptions

    @OptionGroup var table: TableOptions

    func run() throws {
        try table.reportingFailures {
            let network = time.restrict(try input.load())
            try output.write(
                Array(time.scope.record(PathwaysJob().run(network).render(format), format: format).utf8), binary: false,
                protecting: input.source.protectedFiles)
        }
    }
}

struct InclusionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inclusion",
        abstract: "For each conflict: which parties unofficial channels engage, which only official ones, which none.",
        discussion: """
            A party (a party_to edge to the conflict), or one of its members (member_of), is engaged by a node tied to it by participates_in, convenes, urges, partners_with or provides. The engagement is unofficial when that node is on track II, III, 1.5 or prevention, or is a convener without a track; official when it is on track I or of kind official. Designated parties are marked. --every year, quarter or month gives the inclusion in each period (the network as --at that period gives it), with "period" on each conflict entry (2021, 2021-Q3, 2021-07).
            """
    )

    @OptionGroup var input: InputOptions

    @OptionGroup var time: TimeOptions

    @Option(help: "Only this conflict: its id, name or a unique prefix.")
    var conflict: String?

    @Option(
        help:
            "Inclusion per period: year, quarter or month (the network as it stood in each; --at or --between choose the periods, each clipped to that window)."
    )
    var every: EveryPeriod?

    @Option(help: "table, json or csv.")
    var format: ReportFormat = .table

    @OptionGroup var output: OutputOptions

    @OptionGroup var table: TableOptions

    func validate() throws {
        try every?.check(time)
    }

    func run() throws {
        try table.reportingFailures {
            let redacted = try input.loadRedacted()
            let network = redacted.network
            let conflictID = try conflict.map { name throws(NodeLookupError) in
                try NodeLookup.conflict(name, in: network, redacted: redacted)
            }
            let report = try InclusionJob(conflict: conflictID, filter: time.filter, every: every?.step).report(network)
            try output.write(
                Array(TimeScope(time.filter, every: every?.step).record(report.render(format), format: format).utf8), binary: false,
                protecting: input.source.protectedFiles
            )
        }
    }
}
