import BackchannelAnalysis
import BackchannelFormats
import BackchannelModel
import Foundation

/// The influence ranking of conveners with every component, as a table, JSON or CSV.
public struct InfluenceReport: Sendable {
    /// One component of a convener's score.
    public struct Component: Sendable, Equatable {
        public var name: String
        public var raw: Double
        /// `raw` divided by the component's largest value among conveners.
        public var scaled: Double

        public init(name: String, raw: Double, scaled: Double) {
            self.name = name
            self.raw = raw
            self.scaled = scaled
        }
    }

    /// One convener, in rank order.
    public struct Row: Sendable, Equatable {
        /// Node index into `ids` and `labels`.
        public var node: Int
        public var score: Double
        /// Brokerage (count), betweenness, reach (share), pagerank, in that order.
        public var components: [Component]

        public init(node: Int, score: Double, components: [Component]) {
            self.node = node
            self.score = score
            self.components = components
        }
    }

    public var rows: [Row]
    public var ids: [String]
    public var labels: [String]?
    public var directed: Bool

    public init(rows: [Row], ids: [String], labels: [String]?, directed: Bool) {
        self.rows = rows
        self.ids = ids
        self.labels = labels
        self.directed = directed
    }

    public init(entries: [ConvenerInfluence.Entry], ids: [String], labels: [String]?, directed: Bool) {
        self.init(rows: entries.map(Self.row), ids: ids, labels: labels, directed: directed)
    }

    /// A ranking entry as a row. The only place that reads ``ConvenerInfluence/Entry``'s components.
    static func row(_ e: ConvenerInfluence.Entry) -> Row {
        Row(
            node: e.node, score: e.score,
            components: zip(e.raw.named, e.scaled.named).map { raw, scaled in
                Component(name: raw.name, raw: raw.value, scaled: scaled.value)
            })
    }

    /// The label shown for node `i`: its label, or its id.
    private func text(_ i: Int) -> String {
        labels.flatMap { $0.indices.contains(i) ? $0[i] : nil } ?? (ids.indices.contains(i) ? ids[i] : "#\(i)")
    }

    private func id(_ i: Int) -> String { ids.indices.contains(i) ? ids[i] : "#\(i)" }

    /// The components' names, from the first row (the composite's four when there is no row).
    private var componentNames: [String] {
        rows.first.map { $0.components.map(\.name) } ?? ConvenerInfluence.components
    }

    /// The report as JSON: `{"measure": "influence", "parameters": {...}, "conveners": [{"id",
    /// "label", "score", "components": {"<name>": {"raw", "scaled"}}}]}`. Numbers follow
    /// ``ReportNumber`` (non-finite → `null`).
    /// - Complexity: O(entries).
    public var jsonValue: JSONValue {
        let parameters = ReportJSON.object([
            ("components", ReportJSON.strings(componentNames)),
            ("combination", .string("mean of components scaled by their maximum among conveners")),
            ("reach_radius", .int(ConvenerInfluence.reachRadius)),
            ("brokerage_partition", .string("track")),
            ("undirected", .bool(true)),
        ])
        let conveners = rows.map { e in
            ReportJSON.object([
                ("id", .string(id(e.node))),
                ("label", .string(text(e.node))),
                ("score", ReportNumber.json(e.score)),
                (
                    "components",
                    ReportJSON.object(
                        e.components.map { c in
                            (c.name, ReportJSON.object([("raw", ReportNumber.json(c.raw)), ("scaled", ReportNumber.json(c.scaled))]))
                        })
                ),
            ])
        }
        return ReportJSON.object([
            ("measure", .string("influence")), ("parameters", parameters), ("conveners", ReportJSON.array(conveners)),
        ])
    }

    /// The report in `format`: JSON (``jsonValue``), CSV (`id,label,score,<component>,<component>_scaled,...`)
    /// or the ranked table. Numbers follow ``ReportNumber``.
    /// - Complexity: O(rows).
    public func render(_ format: MeasureReport.Format) -> String {
        switch format {
        case .json:
            return JSONWriter.document(jsonValue)
        case .csv:
            var lines = ["id,label,score," + componentNames.flatMap { [$0, $0 + "_scaled"] }.joined(separator: ",")]
            for e in rows {
                let cells = [ReportNumber.csv(e.score)] + e.components.flatMap { [ReportNumber.csv($0.raw), ReportNumber.csv($0.scaled)] }
                lines.append(
                    MeasureReport.csvField(id(e.node)) + "," + MeasureReport.csvField(text(e.node)) + "," + cells.joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        case .table:
            // Labels are cut at 44 characters; with ids shown, at 88, so that the id stays readable.
            let width = min(ReportLabels.showIDs ? 88 : 44, rows.map { ReportLabels.name(text($0.node), id: id($0.node)).count }.max() ?? 0)
            func name(_ i: Int) -> String {
                let text = ReportLabels.name(text(i), id: id(i))
                return text.count > width ? String(text.prefix(max(0, width - 1))) + "…" : text
            }
            var lines = [
                "Influence of conveners: the mean of four components, each scaled so the best convener scores 1",
                "(brokerage: cross-track two-paths · betweenness · reach: conflicts and participants within 2 steps · pagerank; undirected)",
                "      " + "convener".padded(width) + "  score   brokerage      betweenness        reach          pagerank",
            ]
            let fixed = ReportNumber.fixed
            for (rank, e) in rows.enumerated() {
                // The four columns by position; a missing component is shown as n/a.
                let c = (0..<4).map { e.components.indices.contains($0) ? e.components[$0] : Component(name: "", raw: .nan, scaled: .nan) }
                let cells = [
                    "\(ReportNumber.whole(c[0].raw)) (\(fixed(c[0].scaled, 2)))",
                    "\(fixed(c[1].raw, 4)) (\(fixed(c[1].scaled, 2)))",
                    "\(fixed(c[2].raw * 100, 0))% (\(fixed(c[2].scaled, 2)))",
                    "\(fixed(c[3].raw, 4)) (\(fixed(c[3].scaled, 2)))",
                ]
                lines.append(
                    "\(String(rank + 1).leftPadded(4)). \(name(e.node).padded(width))  \(fixed(e.score, 3))   "
                        + cells.map { $0.padded(15) }.joined())
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
