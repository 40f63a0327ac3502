import BackchannelFormats
import BackchannelModel
import Foundation

/// Chains from unofficial dialogues to official talks and agreements, as a table, JSON or CSV.
///
/// JSON: `{"pathways": [{"from": ID, "to": ID, "chain": [ID, ...], "years": N|null, "conveners": [ID, ...]}],
/// "without_official_outcome": [ID, ...]}`.
public struct PathwaysReport: Sendable {
    public struct Actor: Sendable, Hashable {
        public var id: String
        public var label: String
        /// The first year the data gives for it.
        public var start: Int?
        public init(id: String, label: String, start: Int?) {
            self.id = id
            self.label = label
            self.start = start
        }
    }

    public struct Pathway: Sendable {
        /// From the unofficial dialogue to the official outcome, both included.
        public var chain: [Actor]
        /// Conveners of the unofficial dialogues on the chain.
        public var conveners: [Actor]
        /// Years from the unofficial dialogue's start to the outcome's, when both are dated.
        public var years: Int?
        public init(chain: [Actor], conveners: [Actor], years: Int?) {
            self.chain = chain
            self.conveners = conveners
            self.years = years
        }
    }

    public var pathways: [Pathway]
    /// Unofficial dialogues with no recorded chain to an official outcome.
    public var withoutOutcome: [Actor]

    public init(pathways: [Pathway], withoutOutcome: [Actor]) {
        self.pathways = pathways
        self.withoutOutcome = withoutOutcome
    }

    public func render(_ format: MeasureReport.Format) -> String {
        func name(_ a: Actor) -> String { ReportLabels.name(a.label, id: a.id) }
        switch format {
        case .json:
            let items: [JSONValue] = pathways.map { p in
                ReportJSON.object([
                    ("from", .string(p.chain.first!.id)), ("to", .string(p.chain.last!.id)),
                    ("chain", ReportJSON.strings(p.chain.map(\.id))), ("years", p.years.map { .int($0) } ?? .null),
                    ("conveners", ReportJSON.strings(p.conveners.map(\.id))),
                ])
            }
            return JSONWriter.document(
                ReportJSON.object([
                    ("pathways", ReportJSON.array(items)), ("without_official_outcome", ReportJSON.strings(withoutOutcome.map(\.id))),
                ]))
        case .csv:
            var lines = ["from,to,years,chain,conveners"]
            for p in pathways {
                lines.append(
                    [
                        p.chain.first!.id, p.chain.last!.id, p.years.map(String.init) ?? "", p.chain.map(\.id).joined(separator: ";"),
                        p.conveners.map(\.id).joined(separator: ";"),
                    ]
                    .map(MeasureReport.csvField).joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        case .table:
            var lines = [
                "\(pathways.count) pathway\(pathways.count == 1 ? "" : "s") from unofficial dialogues to official talks and agreements"
            ]
            for (i, p) in pathways.enumerated() {
                let span = p.years.map { " (\($0) year\($0 == 1 ? "" : "s"))" } ?? ""
                lines.append("\(String(format: "%3d", i + 1)). " + p.chain.map(name).joined(separator: " → ") + span)
                if !p.conveners.isEmpty { lines.append("       convened by " + p.conveners.map(name).joined(separator: ", ")) }
            }
            if !withoutOutcome.isEmpty {
                lines.append(
                    "Unofficial dialogues with no recorded chain to an official outcome: "
                        + withoutOutcome.map(name).joined(separator: ", "))
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
