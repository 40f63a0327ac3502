import BackchannelAnalysis
import BackchannelModel
import BackchannelPresentation

/// `backchannel timeline`: a measure on every period's snapshot of the network.
///
/// The network is read once into a ``TemporalGraph``; each period (a year, or a sliding window of
/// `window` years ending in it) is cut from it and the measure runs on that snapshot. A node absent
/// in a period (its own years do not overlap it) has no score there (`null` in JSON).
///
/// - Complexity: P snapshots of O(n + m) plus P runs of the measure.
public struct TimelineJob: Sendable {
    public var measure: Measure
    public var parameters: Measure.Parameters
    /// Years per period: each period is the `window` years ending in its year.
    public var window: Int
    /// First and last year; nil: the span of the data's dates.
    public var years: ClosedRange<Int>?
    public var datedOnly: Bool
    public var filter: NetworkFilter
    public var directed: Bool

    public init(
        measure: Measure, parameters: Measure.Parameters = Measure.Parameters(), window: Int = 1, years: ClosedRange<Int>? = nil,
        datedOnly: Bool = false, filter: NetworkFilter = NetworkFilter(), directed: Bool = true
    ) {
        self.measure = measure
        self.parameters = parameters
        self.window = window
        self.years = years
        self.datedOnly = datedOnly
        self.filter = filter
        self.directed = directed
    }

    public func run(_ network: Network) throws -> TimelineReport {
        guard window >= 1 else { throw AnalysisError.invalidParameter(name: "window", value: "\(window)", reason: "must be 1 or more") }
        try filter.checkCounterfactual(against: network)
        let temporal = TemporalGraph(network, filter: filter, directed: directed)
        guard let span = years ?? temporal.span else {
            throw AnalysisError.invalidParameter(name: "years", value: "none", reason: "the network holds no dates, so it has no timeline")
        }
        let labels = Dictionary(network.nodes.map { (ExactID($0.id), $0.label) }, uniquingKeysWith: { first, _ in first })
        var scores = [[Double?]](repeating: [], count: temporal.ids.count)
        var periods: [String] = []
        for year in span {
            let window = (year - self.window + 1)...year
            let (graph, present) = try temporal.snapshot(window, datedOnly: datedOnly)
            guard case let .nodes(values) = try measure.compute(graph, parameters) else {
                throw AnalysisError.invalidParameter(
                    name: "measure", value: measure.rawValue, reason: "gives no score per node; a timeline needs one")
            }
            for i in values.indices { scores[i].append(present[i] ? values[i] : nil) }
            periods.append(self.window == 1 ? String(year) : "\(window.lowerBound)–\(year)")
        }
        var described: [(key: String, value: JSONValue)] = measure.describe(parameters, directed: directed).map {
            (key: $0.0, value: ReportJSON.attribute($0.1))
        }
        described.append((key: "every", value: .string("year")))
        described.append((key: "window", value: .int(window)))
        described.append((key: "between", value: .string("\(span.lowerBound)-\(span.upperBound)")))
        if datedOnly { described.append((key: "dated_only", value: .bool(true))) }
        return TimelineReport(
            measure: measure.rawValue, parameters: described, periods: periods,
            series: temporal.ids.indices.map {
                TimelineReport.Series(
                    id: temporal.ids[$0], label: labels[ExactID(temporal.ids[$0])] ?? temporal.ids[$0], scores: scores[$0])
            })
    }
}
