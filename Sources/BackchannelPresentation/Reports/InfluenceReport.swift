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

    public func render(_ format: MeasureReport.Format) -> String {
        let components = ConvenerInfluence.components
        switch format {
        case .json:
            var out = "{\n  \"measure\": \"influence\",\n  \"parameters\": {\"components\": [\(components.map(JSONWriter.quoted).joined(separator: ", "))], \"combination\": \"mean of components scaled by their maximum among conveners\", \"reach_radius\": \(ConvenerInfluence.reachRadius), \"brokerage_partition\": \"track\", \"undirected\": true},\n  \"conveners\": [\n"
            out += entries.map { e in
                let parts = zip(e.raw.named, e.scaled.named).map { raw, scaled in "\(JSONWriter.quoted(raw.name)): {\"raw\": \(JSONWriter.number(raw.value)), \"scaled\": \(JSONWriter.number(scaled.value))}" }
                return "    {\"id\": \(JSONWriter.quoted(ids[e.node])), \"label\": \(JSONWriter.quoted(labels?[e.node] ?? ids[e.node])), \"score\": \(JSONWriter.number(e.score)), \"components\": {\(parts.joined(separator: ", "))}}"
            }.joined(separator: ",\n")
            return out + "\n  ]\n}\n"
        case .csv:
            var lines = ["id,score," + components.flatMap { [$0, $0 + "_scaled"] }.joined(separator: ",")]
            for e in entries {
                let id = MeasureReport.csvField(ids[e.node])
                lines.append(id + "," + JSONWriter.number(e.score) + "," + zip(e.raw.named, e.scaled.named).flatMap { [JSONWriter.number($0.value), JSONWriter.number($1.value)] }.joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        case .table:
            let width = min(44, entries.map { (labels?[$0.node] ?? ids[$0.node]).count }.max() ?? 0)
            func name(_ i: Int) -> String {
                let text = (labels?[i] ?? ids[i]).replacingOccurrences(of: "\n", with: " ")
                return text.count > width ? String(text.prefix(width - 1)) + "…" : text
            }
            var lines = [
                "Influence of conveners: the mean of four components, each scaled so the best convener scores 1",
                "(brokerage: cross-track two-paths · betweenness · reach: conflicts and participants within 2 steps · pagerank; undirected)",
                "      " + "convener".padded(width) + "  score   brokerage      betweenness        reach          pagerank",
            ]
            for (rank, e) in entries.enumerated() {
                let cells = [
                    "\(Int(e.raw.brokerage)) (\(MeasureReport.fixed(e.scaled.brokerage, digits: 2)))",
                    "\(MeasureReport.fixed(e.raw.betweenness, digits: 4)) (\(MeasureReport.fixed(e.scaled.betweenness, digits: 2)))",
                    "\(MeasureReport.fixed(e.raw.reach * 100, digits: 0))% (\(MeasureReport.fixed(e.scaled.reach, digits: 2)))",
                    "\(MeasureReport.fixed(e.raw.pagerank, digits: 4)) (\(MeasureReport.fixed(e.scaled.pagerank, digits: 2)))",
                ]
                lines.append("\(String(rank + 1).leftPadded(4)). \(name(e.node).padded(width))  \(MeasureReport.fixed(e.score, digits: 3))   " + cells.map { $0.padded(15) }.joined())
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
