import BackchannelFormats
import BackchannelModel
import Foundation

/// A measure over time: one score per node and period, as a table, JSON, CSV or an SVG line chart.
///
/// JSON: `{"measure", "parameters": {...}, "periods": [...], "scores": {"<id>": [x|null, ...]}}`;
/// CSV: `id,period,score` (one row per node and period; empty where the node is absent). Numbers
/// follow the reports' one policy (``ReportNumber``).
public struct TimelineReport: Sendable {
    public struct Series: Sendable {
        public var id: String
        public var label: String
        /// One score per period; nil where the node is absent.
        public var scores: [Double?]
        public init(id: String, label: String, scores: [Double?]) {
            self.id = id
            self.label = label
            self.scores = scores
        }
        /// The largest score over all periods (−∞ when it has none).
        public var peak: Double { scores.compactMap { $0 }.filter(\.isFinite).max() ?? -.infinity }
    }

    public var measure: String
    public var parameters: [(key: String, value: JSONValue)]
    public var periods: [String]
    public var series: [Series]

    public init(measure: String, parameters: [(key: String, value: JSONValue)], periods: [String], series: [Series]) {
        self.measure = measure
        self.parameters = parameters
        self.periods = periods
        self.series = series
    }

    /// The `k` series with the highest peak, ties by input order.
    public func top(_ k: Int) -> [Series] {
        Array(
            series.enumerated().sorted { $0.element.peak != $1.element.peak ? $0.element.peak > $1.element.peak : $0.offset < $1.offset }
                .prefix(max(0, k)).map(\.element))
    }

    public func render(_ format: MeasureReport.Format, top k: Int = 10) -> String {
        switch format {
        case .json:
            return JSONWriter.document(
                ReportJSON.object([
                    ("measure", .string(measure)),
                    ("parameters", ReportJSON.keyed(parameters)),
                    ("periods", ReportJSON.strings(periods)),
                    (
                        "scores",
                        ReportJSON.object(series.map { s in (s.id, ReportJSON.array(s.scores.map { $0.map(ReportNumber.json) ?? .null })) })
                    ),
                    ("labels", ReportJSON.object(series.map { ($0.id, .string($0.label)) })),
                ]))
        case .csv:
            var lines = ["id,label,period,score"]
            for s in series {
                for (p, score) in zip(periods, s.scores) {
                    lines.append(
                        "\(MeasureReport.csvField(s.id)),\(MeasureReport.csvField(s.label)),\(MeasureReport.csvField(p)),\(score.map { $0.isFinite ? String($0) : "" } ?? "")"
                    )
                }
            }
            return lines.joined(separator: "\n") + "\n"
        case .table:
            let shown = top(k)
            let width = max(5, shown.map { ReportLabels.name($0.label, id: $0.id).count }.max() ?? 0)
            var lines = ["\(measure) by period, top \(shown.count) by peak"]
            let columns = periods.map { $0.count > 9 ? String($0.suffix(9)) : $0 }
            lines.append("".padding(toLength: width + 2, withPad: " ", startingAt: 0) + columns.map { $0.leftPad(10) }.joined())
            for s in shown {
                let name = ReportLabels.name(s.label, id: s.id)
                let cells = s.scores.map { score -> String in
                    guard let score else { return "—".leftPad(10) }
                    return (score.isFinite ? String(format: "%.4g", score) : "n/a").leftPad(10)
                }
                lines.append("  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + cells.joined())
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// An SVG line chart of the top `k` series: periods along the x axis, the score up the y axis
    /// (from 0), one line per node with a legend beside the plot. Colours are Okabe and Ito's
    /// colour-blind-safe palette, with dashes once it is used up; absent periods break the line.
    public func svg(top k: Int = 8, title: String? = nil) -> String {
        let shown = top(k)
        let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
        let dashes = ["", "6 3", "2 2", "8 3 2 3"]
        let plot = (x: 70.0, y: 50.0, width: 620.0, height: 320.0)
        let legendX = plot.x + plot.width + 24
        let height = max(plot.y + plot.height + 70, plot.y + Double(shown.count) * 20 + 20)
        let values = shown.flatMap { $0.scores.compactMap { $0 } }.filter(\.isFinite)
        let top = Self.niceCeiling(values.max() ?? 1)
        func x(_ i: Int) -> Double {
            periods.count <= 1 ? plot.x + plot.width / 2 : plot.x + plot.width * Double(i) / Double(periods.count - 1)
        }
        func y(_ v: Double) -> Double { plot.y + plot.height - plot.height * (top > 0 ? max(0, v) / top : 0) }
        func number(_ v: Double) -> String { String(format: "%.1f", v) }
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(legendX + 260))" height="\(Int(height))" viewBox="0 0 \(Int(legendX + 260)) \(Int(height))" font-family="Helvetica, Arial, sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="#ffffff"/>
            <text x="\(number(plot.x))" y="28" font-size="16" font-weight="bold">\(HTMLText.escape(title ?? "\(measure) over time"))</text>

            """
        // Axes, gridlines and ticks.
        for step in 0...4 {
            let v = top * Double(step) / 4
            out +=
                "<line x1=\"\(number(plot.x))\" y1=\"\(number(y(v)))\" x2=\"\(number(plot.x + plot.width))\" y2=\"\(number(y(v)))\" stroke=\"#e0e0e0\"/>\n"
            out +=
                "<text x=\"\(number(plot.x - 8))\" y=\"\(number(y(v) + 4))\" text-anchor=\"end\">\(HTMLText.escape(String(format: "%.3g", v)))</text>\n"
        }
        out +=
            "<line x1=\"\(number(plot.x))\" y1=\"\(number(plot.y + plot.height))\" x2=\"\(number(plot.x + plot.width))\" y2=\"\(number(plot.y + plot.height))\" stroke=\"#333333\"/>\n"
        out +=
            "<line x1=\"\(number(plot.x))\" y1=\"\(number(plot.y))\" x2=\"\(number(plot.x))\" y2=\"\(number(plot.y + plot.height))\" stroke=\"#333333\"/>\n"
        let every = max(1, Int((Double(periods.count) / 12).rounded(.up)))
        for (i, p) in periods.enumerated() where i % every == 0 || i == periods.count - 1 {
            out +=
                "<text x=\"\(number(x(i)))\" y=\"\(number(plot.y + plot.height + 18))\" text-anchor=\"middle\">\(HTMLText.escape(p))</text>\n"
        }
        out +=
            "<text x=\"\(number(plot.x - 52))\" y=\"\(number(plot.y + plot.height / 2))\" transform=\"rotate(-90 \(number(plot.x - 52)) \(number(plot.y + plot.height / 2)))\" text-anchor=\"middle\">\(HTMLText.escape(measure))</text>\n"
        // One line per node.
        for (n, s) in shown.enumerated() {
            let colour = palette[n % palette.count], dash = dashes[(n / palette.count) % dashes.count]
            var d = "", pen = false
            for (i, score) in s.scores.enumerated() {
                guard let score, score.isFinite else { pen = false; continue }
                d += (pen ? " L" : " M") + "\(number(x(i))) \(number(y(score)))"
                pen = true
            }
            let dashAttribute = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
            out +=
                "<path class=\"series\" data-id=\"\(HTMLText.escape(s.id))\" d=\"\(d.trimmingCharacters(in: .whitespaces))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dashAttribute)/>\n"
            let ly = plot.y + Double(n) * 20
            out +=
                "<line x1=\"\(number(legendX))\" y1=\"\(number(ly))\" x2=\"\(number(legendX + 24))\" y2=\"\(number(ly))\" stroke=\"\(colour)\" stroke-width=\"2\"\(dashAttribute)/>\n"
            let label = s.label.replacingOccurrences(of: "\n", with: " ")
            out +=
                "<text x=\"\(number(legendX + 30))\" y=\"\(number(ly + 4))\">\(HTMLText.escape(label.count > 38 ? String(label.prefix(37)) + "…" : label))</text>\n"
        }
        return out + "</svg>\n"
    }

    /// The smallest of 1, 2, 2.5, 5 × 10^k at or above `v` (1 for v ≤ 0).
    static func niceCeiling(_ v: Double) -> Double {
        guard v > 0, v.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(v)))
        for step in [1.0, 2, 2.5, 5, 10] where step * magnitude >= v * (1 - 1e-12) { return step * magnitude }
        return 10 * magnitude
    }

}

extension String {
    fileprivate func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
