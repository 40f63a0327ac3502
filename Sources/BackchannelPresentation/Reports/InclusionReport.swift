import BackchannelFormats
import BackchannelModel
import Foundation

/// Which parties of each conflict unofficial channels engage, as a table, JSON or CSV.
///
/// JSON: `{"conflicts": [{"conflict": ID, "included_share": x, "parties": [{"id", "designated",
/// "engaged": "unofficial"|"official_only"|"none", "unofficial_ties": [ID], "official_ties": [ID]}]}]}`,
/// with `"period"` ("2021", "2021-Q3", "2021-07") first on each conflict entry over time (`--every`).
public struct InclusionReport: Sendable {
    public enum Status: String, Sendable {
        case unofficial
        case officialOnly = "official_only"
        case none
    }

    public struct Party: Sendable {
        public var id: String
        public var label: String
        public var designated: Bool
        public var status: Status
        public var unofficialTies: [String]
        public var officialTies: [String]
        public init(id: String, label: String, designated: Bool, status: Status, unofficialTies: [String], officialTies: [String]) {
            self.id = id
            self.label = label
            self.designated = designated
            self.status = status
            self.unofficialTies = unofficialTies
            self.officialTies = officialTies
        }
    }

    public struct Conflict: Sendable {
        public var id: String
        public var label: String
        public var parties: [Party]
        /// The period this entry is for, over time (`--every`).
        public var period: String?
        public init(id: String, label: String, parties: [Party], period: String? = nil) {
            self.id = id
            self.label = label
            self.parties = parties
            self.period = period
        }

        /// The share of parties engaged by unofficial channels (nil without parties).
        public var includedShare: Double? {
            parties.isEmpty ? nil : Double(parties.filter { $0.status == .unofficial }.count) / Double(parties.count)
        }
    }

    public var conflicts: [Conflict]
    public init(conflicts: [Conflict]) {
        self.conflicts = conflicts
    }

    public func render(_ format: MeasureReport.Format) -> String {
        switch format {
        case .json:
            let items: [JSONValue] = conflicts.map { c in
                ReportJSON.object(
                    (c.period.map { [("period", JSONValue.string($0))] } ?? []) + [
                        ("conflict", .string(c.id)),
                        ("included_share", c.includedShare.map(ReportNumber.json) ?? .null),
                        (
                            "parties",
                            ReportJSON.array(
                                c.parties.map { p in
                                    ReportJSON.object([
                                        ("id", .string(p.id)), ("designated", .bool(p.designated)), ("engaged", .string(p.status.rawValue)),
                                        ("unofficial_ties", ReportJSON.strings(p.unofficialTies)),
                                        ("official_ties", ReportJSON.strings(p.officialTies)),
                                    ])
                                })
                        ),
                    ])
            }
            return JSONWriter.document(ReportJSON.object([("conflicts", ReportJSON.array(items))]))
        case .csv:
            let periods = conflicts.contains { $0.period != nil }
            var lines = [(periods ? "period," : "") + "conflict,party,designated,engaged,unofficial_ties,official_ties"]
            for c in conflicts {
                for p in c.parties {
                    let cells: [String] =
                        (periods ? [c.period ?? ""] : []) + [
                            c.id, p.id, p.designated ? "true" : "false", p.status.rawValue, p.unofficialTies.joined(separator: ";"),
                            p.officialTies.joined(separator: ";"),
                        ]
                    lines.append(cells.map(MeasureReport.csvField).joined(separator: ","))
                }
            }
            return lines.joined(separator: "\n") + "\n"
        case .table:
            var lines: [String] = []
            for c in conflicts {
                let share = c.includedShare.map { " — \(Int(($0 * 100).rounded()))% engaged by unofficial channels" } ?? ""
                lines.append(
                    "\(c.period.map { "\($0): " } ?? "")\(c.label.replacingOccurrences(of: "\n", with: " ")) [\(c.id)]: \(c.parties.count) part\(c.parties.count == 1 ? "y" : "ies")\(share)"
                )
                for p in c.parties {
                    let what =
                        switch p.status {
                        case .unofficial: "unofficial channels (\(p.unofficialTies.count))"
                        case .officialOnly: "official channels only (\(p.officialTies.count))"
                        case .none: "no recorded engagement"
                        }
                    lines.append("  \(ReportLabels.name(p.label, id: p.id))\(p.designated ? " [designated]" : ""): \(what)")
                }
            }
            if conflicts.isEmpty { lines.append("No conflict with parties (party_to edges) in this network.") }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
