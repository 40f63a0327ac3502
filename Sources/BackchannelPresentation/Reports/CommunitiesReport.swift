import BackchannelFormats
import BackchannelModel
import Foundation

/// Communities as a table, JSON or CSV.
///
/// JSON: `{"method": "louvain", "parameters": {...}, "modularity": x, "communities": [[ID, ...], ...]}`;
/// CSV: `id,community` (communities numbered from 0, largest first).
public struct CommunitiesReport: Sendable {
    public var method: String
    public var parameters: [(key: String, value: JSONValue)]
    public var modularity: Double
    /// Each community's members as (id, label), largest community first.
    public var communities: [[(id: String, label: String)]]

    public init(
        method: String, parameters: [(key: String, value: JSONValue)], modularity: Double, communities: [[(id: String, label: String)]]
    ) {
        self.method = method
        self.parameters = parameters
        self.modularity = modularity
        self.communities = communities
    }

    public func render(_ format: MeasureReport.Format) -> String {
        switch format {
        case .json:
            let value = ReportJSON.object([
                ("method", .string(method)),
                ("parameters", ReportJSON.keyed(parameters)),
                ("modularity", ReportNumber.json(modularity)),
                ("communities", ReportJSON.array(communities.map { ReportJSON.strings($0.map(\.id)) })),
                ("labels", ReportJSON.object(communities.flatMap { $0 }.map { ($0.id, .string($0.label)) })),
            ])
            return JSONWriter.document(value)
        case .csv:
            var lines = ["id,label,community"]
            for (c, members) in communities.enumerated() {
                for m in members { lines.append("\(MeasureReport.csvField(m.id)),\(MeasureReport.csvField(m.label)),\(c)") }
            }
            return lines.joined(separator: "\n") + "\n"
        case .table:
            var lines = [
                "\(communities.count) communit\(communities.count == 1 ? "y" : "ies") (\(method)), modularity \(String(format: "%.4f", modularity))"
            ]
            for (c, members) in communities.enumerated() {
                let names = members.prefix(8).map { ReportLabels.name($0.label, id: $0.id) }.joined(separator: ", ")
                let more = members.count > 8 ? ", … (\(members.count - 8) more)" : ""
                lines.append(String(format: "%4d. %4d members: ", c + 1, members.count) + names + more)
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
