import BackchannelAnalysis
import BackchannelModel
import BackchannelPresentation
import BackchannelRender

/// `backchannel report`: the interactive HTML report of a network.
///
/// Applies ``filter`` to the network, draws what is left with Graphviz (through ``RenderJob``, as
/// `render` would), and for every period computes the tables: the influence of conveners
/// (``ConvenerInfluence``, undirected, brokerage by track), centralities (degree, normalized
/// betweenness, harmonic closeness, PageRank, directed, default parameters), legal exposure
/// (``LegalExposure``) and, when the network has parties (`party_to`), channels between opposed
/// parties (``ChannelsJob`` with its defaults). The page is assembled by ``InteractiveReport``.
///
/// Periods (a dated network only): one per year in which a node or tie begins (its first year, or
/// its only year), from the earliest to the latest. A period's network is everything *recorded up
/// to* that year: the nodes and ties whose first year is that year or earlier, and everything
/// undated; a tie also needs both its ends. Between two such years the network does not change, so
/// no other year is offered. The last period is the whole (filtered) network.
///
/// - Complexity: one layout, plus P periods of O(n + m) to cut the period's network and the
///   tables' measures on it (Brandes betweenness O(n·m) dominates).
public struct ReportJob: Sendable {
    public var filter: NetworkFilter
    public var title: String?
    public var engine: LayoutEngine?
    public var worker: GraphvizWorker?

    public init(filter: NetworkFilter = NetworkFilter(), title: String? = nil, engine: LayoutEngine? = nil, worker: GraphvizWorker? = nil) {
        self.filter = filter
        self.title = title
        self.engine = engine
        self.worker = worker
    }

    /// Past this many edges (after the filter) the tables are computed for the last period only:
    /// P periods of betweenness on a large network would take minutes. The diagram still follows
    /// the time control, and the page says so.
    public static let perPeriodTablesEdgeLimit = 1_500

    public static let timeRule =
        "The time control shows the network as recorded up to the chosen year: every actor and tie whose first year is that year or earlier, and everything undated (a tie also needs both its ends). Ties and actors that ended earlier stay shown. The years offered are those in which something begins; the network does not change between them. The diagram keeps the layout of the whole network; the tables are computed again for each year."

    /// The page, and notes for the user (engine chosen, Graphviz warnings).
    public func run(_ input: Network) throws -> (html: String, notes: [String]) {
        try filter.checkCounterfactual(against: input)
        let network = Self.filtered(input, by: filter)
        let title = self.title ?? network.title ?? network.name
        let (bytes, notes) = try RenderJob(options: DOTOptions(title: title), engine: engine, worker: worker).run(network, format: .svg)
        return (try report(network, svg: String(decoding: bytes, as: UTF8.self)).html(), notes)
    }

    /// The report of an already filtered `network` with its drawing `svg` (Graphviz's SVG of the
    /// network as ``DOTWriter`` writes it): the tables of every period, computed here.
    public func report(_ network: Network, svg: String) throws -> InteractiveReport {
        let title = self.title ?? network.title ?? network.name
        let index = network.nodeIndex()
        let hasParties = network.edges.contains { $0.relation == .partyTo }
        var tables = [InteractiveReport.influenceTable, InteractiveReport.centralityTable, InteractiveReport.exposureTable]
        if hasParties { tables.append(InteractiveReport.channelsTable) }

        let years = Self.periodYears(network)
        var periods: [InteractiveReport.Period] = []
        if years.isEmpty {
            periods.append(
                try period(
                    network, label: "all years", nodes: network.nodes.map { _ in true }, edges: network.edges.map { _ in true },
                    index: index, channels: hasParties))
        } else {
            let everyPeriod = network.edges.count <= Self.perPeriodTablesEdgeLimit
            for (p, year) in years.enumerated() {
                let nodes = network.nodes.map { Self.begins($0.years, by: year) }
                let edges = network.edges.map { e in
                    Self.begins(e.years, by: year) && (index[ExactID(e.source)].map { nodes[$0] } ?? false)
                        && (index[ExactID(e.target)].map { nodes[$0] } ?? false)
                }
                if everyPeriod || p == years.count - 1 {
                    periods.append(try period(network, label: String(year), nodes: nodes, edges: edges, index: index, channels: hasParties))
                } else {
                    var skipped = InteractiveReport.Period(label: String(year), nodes: nodes, edges: edges, rows: [:])
                    skipped.note =
                        "The tables are computed for \(years[years.count - 1]) only: the network has more than \(Self.perPeriodTablesEdgeLimit) edges (\(network.edges.count))."
                    periods.append(skipped)
                }
            }
        }
        return InteractiveReport(
            network: network, svg: svg, title: title, filters: Self.describe(filter), timeRule: years.isEmpty ? nil : Self.timeRule,
            methods: [
                "Influence of conveners: \(InteractiveReport.influenceTable.note)",
                "Centralities: \(InteractiveReport.centralityTable.note)",
                "Legal exposure: material-support paths of up to \(LegalExposure.maximumHops) hops.",
            ]
                + (hasParties
                    ? ["Channels: maximum flow on the node-split graph (Edmonds–Karp); counts equal NetworkX's node_connectivity."] : []),
            tables: tables, periods: periods)
    }

    /// Whether something dated `years` has begun by `year`: undated things always have.
    static func begins(_ years: Period, by year: Int) -> Bool {
        guard let first = years.start ?? years.end else { return true }
        return first.year <= year
    }

    /// The years in which a node or tie of `network` begins, ascending.
    static func periodYears(_ network: Network) -> [Int] {
        let nodeYears = network.nodes.compactMap { ($0.years.start ?? $0.years.end)?.year }
        let edgeYears = network.edges.compactMap { ($0.years.start ?? $0.years.end)?.year }
        return Set(nodeYears + edgeYears).sorted()
    }

    /// The network restricted by `filter`: kept nodes, and kept edges with both ends kept; sources kept when used.
    /// Intended and refused engagements stay in the page (its exposure table and diagram show them, with
    /// their status); the measures computed from it count only engagements that took place (and
    /// intended ones with ``NetworkFilter/includeIntended``). With ``NetworkFilter/datedOnly``, a
    /// node stays only with a kept dated tie (a refused engagement is none), as `render --dated-only`
    /// keeps it.
    public static func filtered(_ network: Network, by filter: NetworkFilter) -> Network {
        let out = network.filtered(by: filter, keepingEveryEngagement: true)
        // Nothing left out: every source stays, cited or not.
        return out.nodes.count == network.nodes.count && out.edges.count == network.edges.count ? network : out
    }

    /// The filter in words, one line per restriction; empty for no filter.
    public static func describe(_ filter: NetworkFilter) -> [String] {
        var lines: [String] = []
        if let kinds = filter.kinds { lines.append("kinds: " + kinds.map(\.rawValue).sorted().joined(separator: ", ")) }
        if let tracks = filter.tracks { lines.append("tracks: " + tracks.map(\.rawValue).sorted().joined(separator: ", ")) }
        if let relations = filter.relations { lines.append("relations: " + relations.map(\.rawValue).sorted().joined(separator: ", ")) }
        if let years = filter.years { lines.append("ties dated within \(years.lowerBound)–\(years.upperBound) (undated ties kept)") }
        // `--at`, `--between`, `--dated-only`, worded as every command's header words them.
        if let time = TimeScope(filter).text { lines.append("time: " + time) }
        if !filter.without.isEmpty { lines.append("without: " + filter.without.map(\.text).sorted().joined(separator: ", ")) }
        if !filter.withoutKinds.isEmpty {
            lines.append("without kinds: " + filter.withoutKinds.map(\.rawValue).sorted().joined(separator: ", "))
        }
        if filter.withoutDesignated { lines.append("without designated actors") }
        if filter.includeIntended { lines.append("intended engagements count as ties") }
        return lines
    }

    /// One period's tables on the network of the present nodes and edges.
    func period(_ network: Network, label: String, nodes: [Bool], edges: [Bool], index: [ExactID: Int], channels: Bool) throws
        -> InteractiveReport.Period
    {
        var sub = network
        sub.nodes = network.nodes.indices.filter { nodes[$0] }.map { network.nodes[$0] }
        sub.edges = network.edges.indices.filter { edges[$0] }.map { network.edges[$0] }
        var rows: [String: [[InteractiveReport.Cell]]] = [:]

        // The measures count the engagements that took place, and intended ones with --include-intended.
        var ties = NetworkFilter()
        ties.includeIntended = filter.includeIntended
        let undirected = CompactGraph(sub, filter: ties, directed: false)
        let kinds = sub.nodes.map(\.kind)
        let noKinds = !kinds.contains(.convener)
        var codes: [String: Int] = [:]
        let tracks = sub.nodes.map { $0.track?.rawValue ?? "" }
        for t in tracks.sorted() where codes[t] == nil { codes[t] = codes.count }
        let influence = ConvenerInfluence(
            isConvener: kinds.map { noKinds || $0 == .convener },
            isReachTarget: kinds.map { noKinds || $0 == .conflict || $0 == .participant },
            groups: tracks.map { codes[$0]! })
        rows[InteractiveReport.influenceTable.id] = InteractiveReport.influenceRows(
            try influence.rank(undirected), ids: undirected.ids, index: index)

        let directed = CompactGraph(sub, filter: ties, directed: true)
        var scores = [DegreeCentrality(normalized: false).scores(directed)]
        for measure in [Measure.betweenness, .harmonic, .pagerank] {
            guard case let .nodes(s) = try measure.compute(directed, Measure.Parameters()) else { continue }
            scores.append(s)
        }
        rows[InteractiveReport.centralityTable.id] = InteractiveReport.centralityRows(
            ids: directed.ids, present: directed.ids.map { _ in true }, scores: scores, kinds: kinds, index: index)

        rows[InteractiveReport.exposureTable.id] = InteractiveReport.exposureRows(
            ExposureReport(paths: LegalExposure().paths(sub), network: sub), index: index)
        if channels {
            rows[InteractiveReport.channelsTable.id] = InteractiveReport.channelsRows(try ChannelsJob(filter: ties).run(sub), index: index)
        }
        return InteractiveReport.Period(label: label, nodes: nodes, edges: edges, rows: rows)
    }
}
