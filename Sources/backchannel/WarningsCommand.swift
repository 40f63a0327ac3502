import ArgumentParser
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation

struct WarningsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warnings",
        abstract: "Early warning: where channels across the conflict line dry up, brokers leave, parties fall silent.",
        discussion: """
            For each conflict and period (--every year, quarter or month; labels 2021, 2021-Q3, 2021-07), compares each period's snapshot with the one before: unofficial channels between opposed parties falling (by --channel-fall or to zero); a broker (an intermediary carrying --broker-share of the conflict's channels, or in the most minimum cuts) with no tie for --absent-periods periods; a party with no unofficial channel left to any opposed party; a party newly designated, engaged the period before or that period, with no engagement for --absent-periods periods after; a convener within two steps of the conflict losing --curtail-share of its ties (from at least --minimum-ties). Each warning gives its evidence (the periods compared, the actors, the numbers) in factual words, most severe first. JSON: {"parameters": {...}, "warnings": [{"conflict", "period", "signal", "severity", "evidence", "text"}, ...]}. --at / --between choose the periods, each clipped to that window.
            """
    )

    @OptionGroup var graph: GraphOptions

    @Option(help: "The period: year, quarter or month.")
    var every: EveryPeriod = .year

    @Option(help: "Only this conflict (its id).")
    var conflict: String?

    @Option(
        name: .customLong("channel-fall"),
        help: "The share of a pair's channels lost from one period to the next that counts as a fall (a fall to zero always counts).")
    var channelFall = 0.5

    @Option(name: .customLong("broker-share"), help: "The share of a conflict's channels an intermediary must carry to count as a broker.")
    var brokerShare = 0.5

    @Option(
        name: .customLong("absent-periods"),
        help: "How many periods in a row a broker, or engagement with a newly designated party, must be absent.")
    var absentPeriods = 2

    @Option(
        name: .customLong("curtail-share"),
        help: "The share of a convener's ties lost from one period to the next that counts as curtailing."
    )
    var curtailShare = 0.5

    @Option(name: .customLong("minimum-ties"), help: "The ties a convener needs in the earlier period for curtailing to count.")
    var minimumTies = 3

    @Option(help: "table, json or csv.")
    var format: ReportFormat = .table

    @OptionGroup var output: OutputOptions

    var thresholds: WarningsJob.Thresholds {
        var t = WarningsJob.Thresholds()
        t.channelFall = channelFall
        t.brokerShare = brokerShare
        t.absentPeriods = absentPeriods
        t.curtailShare = curtailShare
        t.minimumTies = minimumTies
        return t
    }

    func validate() throws {
        try graph.refuseUndirected("warnings")
        if graph.edges != nil { throw ValidationError("warnings need a typed, dated network (party_to edges), not --edges") }
        for (flag, value) in [("--channel-fall", channelFall), ("--broker-share", brokerShare), ("--curtail-share", curtailShare)] {
            guard value.isFinite, value > 0, value <= 1 else {
                throw ValidationError("\(flag) must be a share above 0 and at most 1, not \(value)")
            }
        }
        if absentPeriods < 1 { throw ValidationError("--absent-periods must be 1 or more, not \(absentPeriods)") }
        if minimumTies < 1 { throw ValidationError("--minimum-ties must be 1 or more, not \(minimumTies)") }
        try every.check(graph.filters.time)
    }

    func run() throws {
        try reportingFailures {
            let input = try graph.load()
            guard let network = input.network else { throw UsageFailure(message: "warnings need a typed network") }
            let report = try WarningsJob(conflict: conflict, every: every.step, thresholds: thresholds, filter: input.filter).run(network)
            let text = report.render(format)
            try output.write(
                Array((format == .table ? (TimeScope(graph.filter).header.map { $0 + "\n" } ?? "") + text : text).utf8), binary: false,
                protecting: input.protectedFiles)
        }
    }
}
