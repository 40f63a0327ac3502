import Foundation
import BackchannelFormats
import BackchannelAnalysis
import BackchannelModel

/// A computed measure, ready to print as a table, JSON or CSV. Deterministic: rows are ordered by
/// score (descending) then node order; numbers are written in Swift's shortest round-trip form.
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
    /// At most this many rows.
    public var top: Int?

    public init(measure: Measure, parameters: [(String, AttributeValue)], ids: [String], labels: [String]? = nil, kinds: [NodeKind]? = nil, scores: Measure.Scores, kind: NodeKind? = nil, top: Int? = nil) {
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

    /// Node indices in report order.
    public var rows: [Int] {
        let key: [Double]
        switch scores {
        case let .nodes(s): key = s
        case let .roles(raw, _): key = ids.indices.map { i in Brokerage.Role.allCases.reduce(0) { $0 + raw[$1]![i] } }
        case .edges: return []
        }
        let ordered = ids.indices.filter(included).sorted { a, b in
            let x = key[a].isNaN ? -Double.infinity : key[a], y = key[b].isNaN ? -Double.infinity : key[b]
            return x != y ? x > y : a < b
        }
        return top.map { Array(ordered.prefix($0)) } ?? ordered
    }

    private var edgeRows: [(source: Int, target: Int, score: Double)] {
        guard case let .edges(e) = scores else { return [] }
        let ordered = e.enumerated().filter { included($0.element.source) || included($0.element.target) }
            .sorted { $0.element.score != $1.element.score ? $0.element.score > $1.element.score : $0.offset < $1.offset }
            .map(\.element)
        return top.map { Array(ordered.prefix($0)) } ?? ordered
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .json: json()
        case .csv: csv()
        case .table: table()
        }
    }

    private static func number(_ x: Double) -> String {
        x.isNaN ? "null" : (x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) + ".0" : x.description)
    }

    public func json() -> String {
        var out = "{\n  \"measure\": \(JSONWriter.quoted(measure.rawValue)),\n  \"parameters\": {"
        out += parameters.map { name, value in
            let v = switch value {
            case let .string(s): JSONWriter.quoted(s)
            case let .int(i): String(i)
            case let .double(d): JSONWriter.number(d)
            case let .bool(b): b ? "true" : "false"
            }
            return "\(JSONWriter.quoted(name)): \(v)"
        }.joined(separator: ", ")
        out += "},\n  \"scores\": "
        switch scores {
        case let .nodes(s):
            out += "{\n" + rows.map { "    \(JSONWriter.quoted(ids[$0])): \(Self.number(s[$0]))" }.joined(separator: ",\n") + "\n  }"
        case .edges:
            out += "[\n" + edgeRows.map {
                "    {\"source\": \(JSONWriter.quoted(ids[$0.source])), \"target\": \(JSONWriter.quoted(ids[$0.target])), \"score\": \(Self.number($0.score))}"
            }.joined(separator: ",\n") + "\n  ]"
        case let .roles(raw, expected):
            out += "{\n" + rows.map { i in
                let roles = Brokerage.Role.allCases.map { role in
                    let r = raw[role]![i], e = expected[role]![i]
                    return "\(JSONWriter.quoted(role.rawValue)): {\"raw\": \(Self.number(r)), \"expected\": \(Self.number(e)), \"normalized\": \(e > 0 ? Self.number(r / e) : "null")}"
                }
                return "    \(JSONWriter.quoted(ids[i])): {" + roles.joined(separator: ", ") + "}"
            }.joined(separator: ",\n") + "\n  }"
        }
        return out + "\n}\n"
    }

    /// `s` as one RFC 4180 CSV field: quoted, with quotes doubled, when it holds a comma, quote or line break.
    public static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    public func csv() -> String {
        var lines: [String] = []
        switch scores {
        case let .nodes(s):
            lines.append("id,\(measure.rawValue)")
            for i in rows { lines.append("\(Self.csvField(ids[i])),\(s[i].isNaN ? "" : Self.number(s[i]))") }
        case .edges:
            lines.append("source,target,\(measure.rawValue)")
            for e in edgeRows { lines.append("\(Self.csvField(ids[e.source])),\(Self.csvField(ids[e.target])),\(Self.number(e.score))") }
        case let .roles(raw, expected):
            lines.append("id," + Brokerage.Role.allCases.flatMap { ["\($0.rawValue)", "\($0.rawValue)_expected"] }.joined(separator: ","))
            for i in rows {
                lines.append(Self.csvField(ids[i]) + "," + Brokerage.Role.allCases.flatMap { [Self.number(raw[$0]![i]), Self.number(expected[$0]![i])] }.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func table() -> String {
        func name(_ i: Int) -> String { (labels?[i] ?? ids[i]).replacingOccurrences(of: "\n", with: " ") }
        var header = "\(measure.rawValue) (" + parameters.map { "\($0.0)=\($0.1.text)" }.joined(separator: ", ") + ")"
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
                    return ("\(Int(x))" + (e > 0 ? " (×\(Self.fixed(x / e, digits: 2)))" : "")).padded(16)
                }
                lines.append("\(String(rank + 1).leftPadded(4)). \(name(i).padded(width))  " + cells.joined())
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `x` with `digits` decimals, locale-free.
    public static func fixed(_ x: Double, digits: Int = 6) -> String {
        guard x.isFinite else { return x.isNaN ? "n/a" : (x > 0 ? "inf" : "-inf") }
        if digits == 0 { return String(Int(x.rounded())) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let r = (abs(x) * scale).rounded()
        let whole = Int(r / scale)
        let frac = Int(r - Double(whole) * scale)
        let f = String(frac)
        return (x < 0 && r > 0 ? "-" : "") + "\(whole)." + String(repeating: "0", count: max(0, digits - f.count)) + f
    }
}

extension String {
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
