import BackchannelAnalysis
import BackchannelModel
import BackchannelPresentation

/// `backchannel timeline`: a measure on every period's snapshot of the network.
///
/// The network is read once into a ``TemporalGraph``; each period (a year, quarter or month, or a
/// sliding window of `window` periods ending in it) is cut from it and the measure runs on that
/// snapshot. A node absent in a period (its own period does not overlap it) has no score there
/// (`null` in JSON). With a time window (``NetworkFilter/period``, `--at` / `--between`) the periods
/// are those it touches and each snapshot is clipped to it: `--at 2008-02 --every year` gives the
/// period 2008 holding only February 2008.
///
/// - Complexity: P snapshots of O(n + m) plus P runs of the measure, P at most ``TimeStep/maximumPeriods``.
public struct TimelineJob: Sendable {
    public var measure: Measure
    public var parameters: Measure.Parameters
    /// The periods: years, quarters or months.
    public var every: TimeStep
    /// Periods per snapshot: each snapshot is the `window` periods ending in its period.
    public var window: Int
    /// Which part of the network to read; its ``NetworkFilter/period`` (when set) chooses the periods
    /// and clips every snapshot, its ``NetworkFilter/datedOnly`` leaves out undated ties.
    public var filter: NetworkFilter
    public var directed: Bool

    public init(
        measure: Measure, parameters: Measure.Parameters = Measure.Parameters(), every: TimeStep = .year, window: Int = 1,
        filter: NetworkFilter = NetworkFilter(), directed: Bool = true
    ) {
        self.measure = measure
        self.parameters = parameters
        self.every = every
        self.window = window
        self.filter = filter
        self.directed = directed
    }

    public func run(_ network: Network) throws -> TimelineReport {
        guard (1...TimeStep.maximumPeriods).contains(window) else {
            throw AnalysisError.invalidParameter(
                name: "window", value: "\(window)", reason: "must be 1 to \(TimeStep.maximumPeriods) periods")
        }
        try filter.checkCounterfactual(against: network)
        let temporal = TemporalGraph(network, filter: filter.untimed, directed: directed)
        guard let span = filter.period?.days ?? temporal.span else {
            throw AnalysisError.invalidParameter(name: "years", value: "none", reason: "the network holds no dates, so it has no timeline")
        }
        let labels = Dictionary(network.nodes.map { (ExactID($0.id), $0.label) }, uniquingKeysWith: { first, _ in first })
        var scores = [[Double?]](repeating: [], count: temporal.ids.count)
        var periods: [String] = []
        let indices = try every.indices(covering: span, limit: TimeStep.maximumPeriods)
        for index in indices {
            let first = index - self.window + 1
            let days = every.period(index, count: self.window, within: filter.period).days
            let (graph, present) = try temporal.snapshot(days, datedOnly: filter.datedOnly)
            guard case let .nodes(values) = try measure.compute(graph, parameters) else {
                throw AnalysisError.invalidParameter(
                    name: "measure", value: measure.rawValue, reason: "gives no score per node; a timeline needs one")
            }
            for i in values.indices { scores[i].append(present[i] ? values[i] : nil) }
            periods.append(self.window == 1 ? every.label(index) : "\(every.label(first))–\(every.label(index))")
        }
        var described: [(key: String, value: JSONValue)] = measure.describe(parameters, directed: directed).map {
            (key: $0.0, value: ReportJSON.attribute($0.1))
        }
        described.append((key: "every", value: .string(every.rawValue)))
        described.append((key: "window", value: .int(window)))
        // The time window as every command records it ("at", "between", "dated_only"); the periods
        // covered are the report's "periods".
        described += filter.timeParameters
        return TimelineReport(
            measure: measure.rawValue, parameters: described, periods: periods,
            series: temporal.ids.indices.map {
                TimelineReport.Series(
                    id: temporal.ids[$0], label: labels[ExactID(temporal.ids[$0])] ?? temporal.ids[$0], scores: scores[$0])
            })
    }
}
