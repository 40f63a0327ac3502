import BackchannelFormats
import BackchannelModel
import Foundation

/// Early-warning signals per conflict and period, most severe first, as a table, JSON or CSV.
///
/// JSON: `{"parameters": {...}, "warnings": [{"conflict": ID, "period": "2011", "signal": NAME,
/// "severity": x, "evidence": {...}, "text": "..."}, ...]}`. CSV: `conflict,period,signal,severity,text`.
/// The order is fixed by the job, so the same input gives the same bytes.
public struct WarningsReport: Sendable {
    /// One signal seen in one conflict and period.
    public struct Warning: Sendable {
        public var conflict: ChannelsReport.Actor
        /// "2011": the period in which the signal is seen.
        public var period: String
        /// `channels_fall`, `broker_leaves`, `party_unreachable`, `designation_silence` or `convener_curtails`.
        public var signal: String
        /// From 0 to 1; how the job ranks (see `WarningsJob`).
        public var severity: Double
        /// The periods compared, the actors and the numbers, as a JSON object.
        public var evidence: JSONValue
        /// The finding in words (factual, never advice).
        public var text: String

        public init(conflict: ChannelsReport.Actor, period: String, signal: String, severity: Double, evidence: JSONValue, text: String) {
            self.conflict = conflict
            self.period = period
            self.signal = signal
            self.severity = severity
            self.evidence = evidence
            self.text = text
        }
    }

    public var parameters: [(key: String, value: JSONValue)]
    public var warnings: [Warning]
    /// The periods looked at, for the table's first line ("1990–2023").
    public var span: String

    public init(parameters: [(key: String, value: JSONValue)], warnings: [Warning], span: String) {
        self.parameters = parameters
        self.warnings = warnings
        self.span = span
    }

    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .json: JSONWriter.document(json)
        case .csv: csv
        case .table: table
        }
    }

    public var json: JSONValue {
        func node(_ v: JSONValue) -> JSONNode { JSONNode(v) }
        let items: [JSONNode] = warnings.map { w in
            node(
                .object([
                    (key: "conflict", value: node(.string(w.conflict.id))), (key: "period", value: node(.string(w.period))),
                    (key: "signal", value: node(.string(w.signal))), (key: "severity", value: node(ReportNumber.json(w.severity))),
                    (key: "evidence", value: node(w.evidence)), (key: "text", value: node(.string(w.text))),
                ]))
        }
        return .object([
            (key: "parameters", value: node(.object(parameters.map { (key: $0.key, value: node($0.value)) }))),
            (key: "warnings", value: node(.array(items))),
        ])
    }

    private var csv: String {
        var lines = ["conflict,period,signal,severity,text"]
        for w in warnings {
            lines.append(
                [w.conflict.id, w.period, w.signal, ReportNumber.csv(w.severity), w.text].map(MeasureReport.csvField).joined(separator: ",")
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var table: String {
        var lines = ["\(warnings.count) warning\(warnings.count == 1 ? "" : "s") over \(span), most severe first"]
        for (i, w) in warnings.enumerated() {
            let name = w.conflict.label.replacingOccurrences(of: "\n", with: " ")
            lines.append(
                "\(String(format: "%4d", i + 1)). \(w.period)  \(ReportNumber.fixed(w.severity, digits: 2))  \(w.signal.replacingOccurrences(of: "_", with: " "))  \(name) [\(w.conflict.id)]"
            )
            lines.append("       " + w.text.replacingOccurrences(of: "\n", with: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
