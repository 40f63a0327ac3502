import BackchannelAnalysis
import BackchannelModel

/// The report's standard tables and their rows, built from the analyses' results. Node cells are
/// network indices of ``InteractiveReport/network``, found by id (``ExactID``).
extension InteractiveReport {
    public static let influenceTable = Table(
        id: "influence", title: "Influential conveners",
        note:
            "The mean of four components, each divided by its largest value among conveners (undirected; brokerage: cross-track Gould–Fernandez two-paths; reach: conflicts and participants within 2 steps).",
        columns: [
            Column("rank", numeric: true), Column("convener"), Column("score", numeric: true), Column("brokerage", numeric: true),
            Column("betweenness", numeric: true), Column("reach", numeric: true), Column("pagerank", numeric: true),
        ])

    public static let centralityTable = Table(
        id: "centrality", title: "Centralities",
        note:
            "Every actor present: degree (distinct neighbours), normalized betweenness, harmonic closeness and PageRank on the directed network; each measure with its default parameters.",
        columns: [
            Column("actor"), Column("kind"), Column("degree", numeric: true), Column("betweenness", numeric: true),
            Column("harmonic", numeric: true), Column("pagerank", numeric: true),
        ])

    public static let exposureTable = Table(
        id: "exposure", title: "Legal exposure",
        note:
            "Paths of material support (provides) from conveners and organisations to designated actors, with the listings and the legal decisions and instruments bearing on them. "
            + ExposureReport.disclaimer,
        columns: [
            Column("actor"), Column("designated actor"), Column("hops", numeric: true), Column("support and timing"), Column("listed"),
            Column("legal decisions and instruments"),
        ])

    public static let channelsTable = Table(
        id: "channels", title: "Channels between parties",
        note:
            "For each pair of opposed parties to a conflict: the number of vertex-disjoint unofficial channels (paths sharing no intermediary; officials, conflicts and legal decisions carry none) and the intermediaries whose loss would cut every channel.",
        columns: [
            Column("conflict"), Column("party"), Column("party "), Column("channels", numeric: true), Column("direct tie"),
            Column("cut by losing"),
        ])

    /// Influence rows in rank order: rank, convener, score and the four raw components.
    public static func influenceRows(_ entries: [ConvenerInfluence.Entry], ids: [String], index: [ExactID: Int]) -> [[Cell]] {
        entries.enumerated().compactMap { rank, e in
            guard ids.indices.contains(e.node), let node = index[ExactID(ids[e.node])] else { return nil }
            let c = [e.raw.brokerage, e.raw.betweenness, e.raw.reach, e.raw.pagerank]
            return [
                .number(Double(rank + 1), String(rank + 1)), .node(node), .number(e.score, ReportNumber.fixed(e.score, digits: 3)),
                .number(c[0], ReportNumber.whole(c[0])), .number(c[1], ReportNumber.fixed(c[1], digits: 4)),
                .number(c[2], ReportNumber.fixed(c[2] * 100, digits: 0) + "%"), .number(c[3], ReportNumber.fixed(c[3], digits: 4)),
            ]
        }
    }

    /// Centrality rows for the present nodes, in network order: actor, kind, then one score per measure.
    public static func centralityRows(ids: [String], present: [Bool], scores: [[Double]], kinds: [NodeKind], index: [ExactID: Int])
        -> [[Cell]]
    {
        ids.indices.compactMap { i in
            guard present.indices.contains(i), present[i], let node = index[ExactID(ids[i])] else { return nil }
            var row: [Cell] = [.node(node), .text(kinds.indices.contains(i) ? kinds[i].rawValue : "")]
            for (m, s) in scores.enumerated() {
                let v = s.indices.contains(i) ? s[i] : .nan
                row.append(.number(v, m == 0 ? ReportNumber.whole(v) : ReportNumber.fixed(v, digits: 4)))
            }
            return row
        }
    }

    /// Exposure rows, one per path, in the ranking's order.
    public static func exposureRows(_ report: ExposureReport, index: [ExactID: Int]) -> [[Cell]] {
        let net = report.network
        func label(_ id: String) -> String { net.node(id)?.label ?? id }
        func cell(_ id: String?) -> Cell { id.flatMap { index[ExactID($0)] }.map(Cell.node) ?? .text(id.map(label) ?? "") }
        return report.paths.map { p in
            let hops = p.hops.enumerated().map { j, hop -> String in
                let e = net.edges.indices.contains(hop.edge) ? net.edges[hop.edge] : nil
                let to = p.nodes.indices.contains(j + 1) ? label(p.nodes[j + 1]) : ""
                return
                    "\(hop.support?.title ?? "support") to \(to) (\(e.map { $0.years.isEmpty ? "undated" : $0.years.text } ?? "undated")\(hop.timing == .undated ? "" : ", " + hop.timing.rawValue))"
            }
            let listed = p.designations.map { d in d.list + (d.by.map { " (\($0))" } ?? "") + (d.since.map { " since \($0)" } ?? "") }
            return [
                cell(p.nodes.first), cell(p.nodes.last), .number(Double(p.hops.count), String(p.hops.count)),
                .text(hops.joined(separator: "; ")), .text(listed.joined(separator: "; ")),
                .text(p.legal.map(label).joined(separator: "; ")),
            ]
        }
    }

    /// Channel rows, one per opposed pair, conflict by conflict.
    public static func channelsRows(_ report: ChannelsReport, index: [ExactID: Int]) -> [[Cell]] {
        func cell(_ a: ChannelsReport.Actor) -> Cell { index[ExactID(a.id)].map(Cell.node) ?? .text(a.label) }
        return report.conflicts.flatMap { c in
            c.pairs.map { p in
                [
                    cell(c.conflict), cell(p.a), cell(p.b), .number(Double(p.channels), String(p.channels)),
                    .text(p.directTie ? "yes" : "no"),
                    .text(p.cut.map(\.label).joined(separator: ", ")),
                ]
            }
        }
    }
}
