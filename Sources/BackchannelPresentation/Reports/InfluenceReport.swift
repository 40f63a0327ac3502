import Foundation
import BackchannelFormats
import BackchannelAnalysis
import BackchannelModel

/// The influence ranking of conveners with every component, as a table, JSON or CSV.
public struct InfluenceReport: Sendable {
    public var entries: [ConvenerInfluence.Entry]
    public var ids: [String]
    public var labels: [String]?
    public var directed: Bool

    public init(entries: [ConvenerInfluence.Entry], ids: [String], labels: [String]?, directed: Bool) {
        self.entries = entries
        self.ids = ids
        self.labels = labels
        self.directed = directed
    }

    /// One component of an entry, by name, raw and scaled by its maximum among conveners.
    /// The only place that reads ``ConvenerInfluence/Entry``'s components.
    static func components(_ e: ConvenerInfluence.Entry) -> [(name: String, raw: Double, scaled: Double)] {
        ConvenerInfluence.components.indices.map { (ConvenerInfluence.components[$0], e.raw[$0], e.scaled[$0]) }
    }

    /// The report as JSON: `{"measure": "influence", "parameters": {...}, "conveners": [{"id",
    /// "label", "score", "components": {"<name>": {"raw", "scaled"}}}]}`. Numbers follow
    /// ``ReportNumber`` (non-finite → `null`).
    /// - Complexity: O(entries).
    public var jsonValue: JSONValue {
        let parameters = ReportJSON.object([
            ("components", ReportJSON.strings(ConvenerInfluence.components)),
            ("combination", .string("mean of components scaled by their maximum among conveners")),
            ("reach_radius", .int(ConvenerInfluence.reachRadius)),
            ("brokerage_partition", .string("track")),
            ("undirected", .bool(true)),
        ])
        let conveners = entries.map { e in
            ReportJSON.object([
                ("id", .string(ids[e.node])),
                ("label", .string(labels?[e.node] ?? ids[e.node])),
                ("score", ReportNumber.json(e.score)),
                ("components", ReportJSON.object(Self.components(e).map { c in
                    (c.name, ReportJSON.object([("raw", ReportNumber.json(c.raw)), ("scaled", ReportNumber.json(c.scaled))]))
                })),
            ])
        }
        return ReportJSON.object([("measure", .string("influence")), ("parameters", parameters), ("conveners", ReportJSON.array(conveners))])
    }

    public func render(_ format: MeasureReport.Format) -> String {
        switch format {
        case .json:
            return JSONWriter.document(jsonValue)
        case .csv:
            var lines = ["id,score," + ConvenerInfluence.components.flatMap { [$0, $0 + "_scaled"] }.joined(separator: ",")]
            for e in entries {
                let cells = [ReportNumber.csv(e.score)] + Self.components(e).flatMap { [ReportNumber.csv($0.raw), ReportNumber.csv($0.scaled)] }
                lines.append(MeasureReport.csvField(ids[e.node]) + "," + cells.joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        case .table:
            let width = min(44, entries.map { (labels?[$0.node] ?? ids[$0.node]).count }.max() ?? 0)
            func name(_ i: Int) -> String {
                let text = (labels?[i] ?? ids[i]).replacingOccurrences(of: "\n", with: " ")
                return text.count > width ? String(text.prefix(max(0, width - 1))) + "…" : text
            }
            var lines = [
                "Influence of conveners: the mean of four components, each scaled so the best convener scores 1",
                "(brokerage: cross-track two-paths · betweenness · reach: conflicts and participants within 2 steps · pagerank; undirected)",
                "      " + "convener".padded(width) + "  score   brokerage      betweenness        reach          pagerank",
            ]
            let fixed = ReportNumber.fixed
            for (rank, e) in entries.enumerated() {
                let c = Self.components(e)
                let cells = [
                    "\(ReportNumber.whole(c[0].raw)) (\(fixed(c[0].scaled, 2)))",
                    "\(fixed(c[1].raw, 4)) (\(fixed(c[1].scaled, 2)))",
                    "\(fixed(c[2].raw * 100, 0))% (\(fixed(c[2].scaled, 2)))",
                    "\(fixed(c[3].raw, 4)) (\(fixed(c[3].scaled, 2)))",
                ]
                lines.append("\(String(rank + 1).leftPadded(4)). \(name(e.node).padded(width))  \(fixed(e.score, 3))   " + cells.map { $0.padded(15) }.joined())
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
