import BackchannelFormats
import BackchannelModel

/// The nodes a text matches (`backchannel find`): id, label, kind, track and years of each, with how
/// it matched.
public struct FindReport: Sendable {
    public struct Row: Sendable, Hashable {
        public var id: String
        public var label: String
        /// Nil for a plain edge list's nodes.
        public var kind: NodeKind?
        public var track: Track?
        public var years: Period
        /// How the text matched: `exact id`, `name`, `prefix`, `word prefix` or `contains`.
        public var match: String

        public init(id: String, label: String, kind: NodeKind?, track: Track?, years: Period, match: String) {
            self.id = id
            self.label = label
            self.kind = kind
            self.track = track
            self.years = years
            self.match = match
        }
    }

    public var query: String
    public var rows: [Row]
    /// The closest ids and labels, shown when nothing matches.
    public var closest: [(id: String, label: String)]

    public init(query: String, rows: [Row], closest: [(id: String, label: String)] = []) {
        self.query = query
        self.rows = rows
        self.closest = closest
    }

    /// `{"query", "nodes": [{"id", "label", "kind", "track", "start", "end", "match"}], "closest": [{"id", "label"}]}`;
    /// an absent kind, track or year is `null`.
    /// - Complexity: O(rows).
    public var jsonValue: JSONValue {
        ReportJSON.object([
            ("query", .string(query)),
            (
                "nodes",
                ReportJSON.array(
                    rows.map { row in
                        ReportJSON.object([
                            ("id", .string(row.id)), ("label", .string(row.label)), ("kind", ReportJSON.string(row.kind?.rawValue)),
                            ("track", ReportJSON.string(row.track?.rawValue)), ("start", ReportJSON.date(row.years.start)),
                            ("end", ReportJSON.date(row.years.end)), ("match", .string(row.match)),
                        ])
                    })
            ),
            ("closest", ReportJSON.array(closest.map { ReportJSON.object([("id", .string($0.id)), ("label", .string($0.label))]) })),
        ])
    }

    /// The report in `format`: JSON (``jsonValue``), CSV (`id,label,kind,track,start,end,match`, LF line
    /// ends) or an aligned table.
    /// - Complexity: O(rows).
    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .json:
            return JSONWriter.document(jsonValue)
        case .csv:
            let f = MeasureReport.csvField
            let lines = rows.map { row in
                [
                    f(row.id), f(row.label), row.kind?.rawValue ?? "", row.track?.rawValue ?? "",
                    row.years.start?.text ?? "", row.years.end?.text ?? "", f(row.match),
                ].joined(separator: ",")
            }
            return (["id,label,kind,track,start,end,match"] + lines).joined(separator: "\n") + "\n"
        case .table:
            guard !rows.isEmpty else {
                let hint =
                    closest.isEmpty
                    ? "" : "; closest: " + closest.map { $0.id == $0.label ? $0.id : "\($0.id) (\($0.label))" }.joined(separator: ", ")
                return "No node matches \(JSONValue.quoted(query))\(hint)\n"
            }
            let one: (String) -> String = { $0.replacingOccurrences(of: "\n", with: " ") }
            let header = ["id", "label", "kind", "track", "years", "match"]
            let cells = rows.map {
                [one($0.id), one($0.label), $0.kind?.rawValue ?? "", $0.track?.rawValue ?? "", $0.years.text, $0.match]
            }
            var widths = header.map(\.count)
            for row in cells { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
            func line(_ row: [String]) -> String {
                var text = " "
                for (i, cell) in row.enumerated() {
                    text += " " + (i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count + 1))
                }
                return String(text.reversed().drop { $0 == " " }.reversed())
            }
            let title = "\(rows.count) node\(rows.count == 1 ? "" : "s") match\(rows.count == 1 ? "es" : "") \(JSONValue.quoted(query))"
            return ([title, line(header)] + cells.map(line)).joined(separator: "\n") + "\n"
        }
    }
}
