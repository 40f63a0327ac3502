import BackchannelAnalysis
import BackchannelFormats
import BackchannelModel
import Foundation

/// A computed measure, ready to print as a table, JSON or CSV. Deterministic: rows are ordered by
/// score (descending, NaN last) then node order; numbers are written as ``ReportNumber`` says.
public struct MeasureReport: Sendable {
    public enum Format: String, CaseIterable, Sendable { case table, json, csv }

    public var measure: Measure
    public var parameters: [(String, AttributeValue)]
    public var ids: [String]
    /// Labels and kinds by node index, when the graph came from a typed network.
    public var labels: [String]?
    public var kinds: [NodeKind]?
    public var scores: Measure.Scores
    /// Only nodes of this kind appear (scores are computed on the whole graph).
    public var kind: NodeKind?
    /// At most this many rows (none when 0 or less).
    public var top: Int?

    public init(
        measure: Measure, parameters: [(String, AttributeValue)], ids: [String], labels: [String]? = nil, kinds: [NodeKind]? = nil,
        scores: Measure.Scores, kind: NodeKind? = nil, top: Int? = nil
    ) {
        self.measure = measure
        self.parameters = parameters
        self.ids = ids
        self.labels = labels
        self.kinds = kinds
        self.scores = scores
        self.kind = kind
        self.top = top
    }

    private func included(_ i: Int) -> Bool {
        guard let kind, let kinds else { return true }
        return kinds[i] == kind
    }

    /// Report order of two scores: larger first, NaN after every number (−∞ included); nil when tied.
    private static func before(_ x: Double, _ y: Double) -> Bool? {
        switch (x.isNaN, y.isNaN) {
        case (true, true): nil
        case (true, false): false
        case (false, true): true
        case (false, false): x == y ? nil : x > y
        }
    }

    /// Node indices in report order: score descending (NaN last), then node order; at most ``top``.
    public var rows: [Int] {
        let key: [Double]
        switch scores {
        case let .nodes(s): key = s
        case let .roles(raw, _): key = ids.indices.map { i in Brokerage.Role.allCases.reduce(0) { $0 + raw[$1]![i] } }
        case .edges: return []
        }
        let ordered = ids.indices.filter(included).sorted { a, b in
            Self.before(key[a], key[b]) ?? (a < b)
        }
        return top.map { Array(ordered.prefix(max(0, $0))) } ?? ordered
    }

    private var edgeRows: [(source: Int, target: Int, score: Double)] {
        guard case let .edges(e) = scores else { return [] }
        let ordered = e.enumerated().filter { included($0.element.source) || included($0.element.target) }
            .sorted { a, b in Self.before(a.element.score, b.element.score) ?? (a.offset < b.offset) }
            .map(\.element)
        return top.map { Array(ordered.prefix(max(0, $0))) } ?? ordered
    }

    /// The report in `format`.
    /// - Complexity: O(n log n) for the ordering, plus the output's length.
    public func render(_ format: Format) -> String {
        switch format {
        case .json: json()
        case .csv: csv()
        case .table: table()
        }
    }

    /// The report as JSON: `{"measure": NAME, "parameters": {...}, "scores": ...}`, where scores are
    /// `{"<id>": number}` for node measures, `[{"source", "target", "score"}]` for edge measures and
    /// `{"<id>": {"<role>": {"raw", "expected", "normalized"}}}` for brokerage; `"labels": {"<id>": label}`
    /// for the nodes listed, when the network has labels. Numbers follow
    /// ``ReportNumber`` (non-finite → `null`).
    /// - Complexity: O(n log n) for the ordering.
    public var jsonValue: JSONValue {
        let scoreValue: JSONValue
        switch scores {
        case let .nodes(s):
            scoreValue = ReportJSON.object(rows.map { (ids[$0], ReportNumber.json(s[$0])) })
        case .edges:
            scoreValue = ReportJSON.array(
                edgeRows.map {
                    ReportJSON.object([
                        ("source", .string(ids[$0.source])), ("target", .string(ids[$0.target])), ("score", ReportNumber.json($0.score)),
                    ])
                })
        case let .roles(raw, expected):
            scoreValue = ReportJSON.object(
                rows.map { i in
                    (
                        ids[i],
                        ReportJSON.object(
                            Brokerage.Role.allCases.map { role in
                                let r = raw[role]![i], e = expected[role]![i]
                                return (
                                    role.rawValue,
                                    ReportJSON.object([
                                        ("raw", ReportNumber.json(r)), ("expected", ReportNumber.json(e)),
                                        ("normalized", e > 0 ? ReportNumber.json(r / e) : .null),
                                    ])
                                )
                            })
                    )
                })
        }
        var members: [(String, JSONValue)] = [
            ("measure", .string(measure.rawValue)),
            ("parameters", ReportJSON.object(parameters.map { ($0.0, ReportJSON.attribute($0.1)) })),
            ("scores", scoreValue),
        ]
        if let labels {
            let shown: [Int] = if case .edges = scores { Array(Set(edgeRows.flatMap { [$0.source, $0.target] })).sorted() } else { rows }
            members.append(("labels", ReportJSON.object(shown.map { (ids[$0], .string(labels[$0])) })))
        }
        return ReportJSON.object(members)
    }

    /// ``jsonValue`` written by ``JSONWriter``.
    public func json() -> String { JSONWriter.document(jsonValue) }

    /// `s` as one RFC 4180 CSV field: quoted, with quotes doubled, when it holds a comma, quote or line break.
    public static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// The report as CSV (LF line ends): `id,label,<measure>`, `source,target,<measure>` or, for brokerage,
    /// `id,label,<role>,<role>_expected,...` (the label is the id for plain edge lists). Numbers follow ``ReportNumber``.
    public func csv() -> String {
        let n = ReportNumber.csv
        var lines: [String] = []
        switch scores {
        case let .nodes(s):
            lines.append("id,label,\(measure.rawValue)")
            for i in rows { lines.append("\(Self.csvField(ids[i])),\(Self.csvField(labels?[i] ?? ids[i])),\(n(s[i]))") }
        case .edges:
            lines.append("source,target,\(measure.rawValue)")
            for e in edgeRows { lines.append("\(Self.csvField(ids[e.source])),\(Self.csvField(ids[e.target])),\(n(e.score))") }
        case let .roles(raw, expected):
            lines.append(
                "id,label," + Brokerage.Role.allCases.flatMap { ["\($0.rawValue)", "\($0.rawValue)_expected"] }.joined(separator: ","))
            for i in rows {
                lines.append(
                    Self.csvField(ids[i]) + "," + Self.csvField(labels?[i] ?? ids[i]) + ","
                        + Brokerage.Role.allCases.flatMap { [n(raw[$0]![i]), n(expected[$0]![i])] }.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as an aligned table: a header with the parameters, one ranked row per node (or
    /// edge), brokerage roles with their ratio to the expected count. Numbers as ``ReportNumber/fixed(_:digits:)``.
    /// - Complexity: O(n log n).
    public func table() -> String {
        func name(_ i: Int) -> String { ReportLabels.name(labels?[i] ?? ids[i], id: ids[i]) }
        func text(_ value: AttributeValue) -> String {
            if case let .double(d) = value { return ReportNumber.text(d) }
            return value.text
        }
        var header = "\(measure.rawValue) (" + parameters.map { "\($0.0)=\(text($0.1))" }.joined(separator: ", ") + ")"
        if let kind { header += ", \(kind.rawValue)s only" }
        var lines = [header]
        switch scores {
        case let .nodes(s):
            let r = rows
            let width = min(60, r.map { name($0).count }.max() ?? 0)
            for (rank, i) in r.enumerated() {
                let label = name(i)
                let kindText = kinds.map { "  [\($0[i].rawValue)]" } ?? ""
                lines.append("\(String(rank + 1).leftPadded(4)). \(label.padded(width))  \(Self.fixed(s[i]))\(kindText)")
            }
        case .edges:
            for (rank, e) in edgeRows.enumerated() {
                lines.append("\(String(rank + 1).leftPadded(4)). \(name(e.source)) → \(name(e.target))  \(Self.fixed(e.score))")
            }
        case let .roles(raw, expected):
            let r = rows
            let width = min(50, r.map { name($0).count }.max() ?? 0)
            lines.append("      " + "".padded(width) + "  " + Brokerage.Role.allCases.map { $0.rawValue.padded(16) }.joined())
            for (rank, i) in r.enumerated() {
                let cells = Brokerage.Role.allCases.map { role -> String in
                    let x = raw[role]![i], e = expected[role]![i]
                    return (ReportNumber.whole(x) + (e > 0 ? " (×\(Self.fixed(x / e, digits: 2)))" : "")).padded(16)
                }
                lines.append("\(String(rank + 1).leftPadded(4)). \(name(i).padded(width))  " + cells.joined())
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `x` for a table, as ``ReportNumber/fixed(_:digits:)``.
    public static func fixed(_ x: Double, digits: Int = 6) -> String { ReportNumber.fixed(x, digits: digits) }
}

extension String {
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
