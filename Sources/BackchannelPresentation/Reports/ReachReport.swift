import BackchannelFormats
import BackchannelModel
import Foundation

/// An ego network as a list: each node within the radius with its distance from the centre.
public struct ReachReport: Sendable {
    public struct Row: Sendable {
        public var id: String
        public var label: String
        public var kind: String?
        public var distance: Int

        public init(id: String, label: String, kind: String?, distance: Int) {
            self.id = id
            self.label = label
            self.kind = kind
            self.distance = distance
        }
    }

    public var center: String
    public var centerLabel: String
    public var radius: Int
    public var direction: String
    public var rows: [Row]

    public init(center: String, centerLabel: String, radius: Int, direction: String, rows: [Row]) {
        self.center = center
        self.centerLabel = centerLabel
        self.radius = radius
        self.direction = direction
        self.rows = rows
    }

    /// The report as JSON: `{"center", "radius", "direction", "nodes": [{"id", "label", "kind", "distance"}]}`.
    /// - Complexity: O(rows).
    public var jsonValue: JSONValue {
        ReportJSON.object([
            ("center", .string(center)), ("radius", .int(radius)), ("direction", .string(direction)),
            (
                "nodes",
                ReportJSON.array(
                    rows.map { row in
                        ReportJSON.object([
                            ("id", .string(row.id)), ("label", .string(row.label)), ("kind", ReportJSON.string(row.kind)),
                            ("distance", .int(row.distance)),
                        ])
                    })
            ),
        ])
    }

    /// The report in `format`: JSON (``jsonValue``), CSV (`id,label,distance`) or a list by distance.
    /// - Complexity: O(rows).
    public func render(_ format: MeasureReport.Format) -> String {
        switch format {
        case .json:
            return JSONWriter.document(jsonValue)
        case .csv:
            let lines = rows.map { row -> String in "\(MeasureReport.csvField(row.id)),\(MeasureReport.csvField(row.label)),\(row.distance)"
            }
            return (["id,label,distance"] + lines).joined(separator: "\n") + "\n"
        case .table:
            let steps = radius == 1 ? "step" : "steps"
            let lines = rows.map { row -> String in
                let kind = row.kind.map { "  [\($0)]" } ?? ""
                return "  \(row.distance)  \(ReportLabels.name(row.label, id: row.id))\(kind)"
            }
            return (["Within \(radius) \(steps) of \(centerLabel) (\(direction)): \(rows.count) nodes"] + lines).joined(separator: "\n")
                + "\n"
        }
    }
}
