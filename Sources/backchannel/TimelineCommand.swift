import ArgumentParser
import BackchannelAnalysis
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "A measure on every period's snapshot of the network: who rose and who fell.",
        discussion: """
            Each period is a year, quarter or month (--every; labels 2021, 2021-Q3, 2021-07), or with --window N the N periods ending in it; --between FROM TO or --at DATE (years, year-months or ISO dates) chooses the periods, and each period's snapshot is clipped to that window (--at 2008-02 --every year gives the period 2008 holding February 2008 only); the JSON parameters record the window as given ("at", "between"). Its snapshot keeps the nodes whose periods overlap it (undated nodes always) and the ties whose periods overlap it, day by day (a tie dated 2021 is in every month of 2021; one dated 2021-03 only in March); undated ties stay in every snapshot unless --dated-only. The network is read once and each snapshot is cut from its arrays. JSON: {"measure", "parameters", "periods": [...], "scores": {"<id>": [number or null, ...]}}; CSV: one row per node and period; --format svg: a line chart of the --top nodes by peak score.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, svg }

    @OptionGroup var graph: GraphOptions
    @OptionGroup var threading: ThreadOptions

    @Option(help: "The measure (any node measure of `centrality`).")
    var measure: Measure

    @OptionGroup var weighting: WeightOptions

    @Option(help: "The period: year, quarter or month.")
    var every: EveryPeriod = .year

    @Option(help: "Each snapshot covers this many periods, ending in its period (a sliding window).")
    var window = 1

    @Option(help: "Nodes shown in tables and charts (by their peak score).")
    var top = 8

    @Option(help: "table, json, csv or svg.")
    var format: Format = .table

    @OptionGroup var output: OutputOptions

    @OptionGroup var table: TableOptions

    func validate() throws {
        if window < 1 { throw ValidationError("--window must be 1 or more, not \(window)") }
        if top < 0 { throw ValidationError("--top must be 0 or more, not \(top)") }
        if graph.edges != nil { throw ValidationError("a timeline needs a dated network, not --edges") }
        if [.edgeBetweenness, .brokerage].contains(measure) {
            throw ValidationError("timeline takes a measure with one score per node, not \(measure.rawValue)")
        }
        try every.check(graph.filters.time)
    }

    func run() throws {
        try table.reportingFailures {
            try threading.apply()
            let input = try graph.load()
            guard let network = input.network else { throw UsageFailure(message: "a timeline needs a dated network") }
            var p = Measure.Parameters()
            p.weight = weighting.weight
            // --at / --between choose the periods and clip each period's snapshot.
            let filter = input.filter
            let job = TimelineJob(
                measure: measure, parameters: p, every: every.step, window: window, filter: filter, directed: !graph.undirected)
            let report = try job.run(network)
            let scope = TimeScope(filter)
            let text =
                switch format {
                case .svg:
                    report.svg(top: top, title: scope.title("\(network.title ?? network.name): \(measure.rawValue) by \(every.rawValue)"))
                case .table: scope.record(report.render(.table, top: top), format: .table)
                case .json: report.render(.json)
                case .csv: report.render(.csv)
                }
            try output.write(Array(text.utf8), binary: false, protecting: input.protectedFiles)
        }
    }
}
