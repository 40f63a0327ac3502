import Foundation
import BackchannelFormats
import BackchannelAnalysis
import BackchannelModel

/// Legal-exposure paths in factual wording, as text or JSON. The JSON also carries a top-level
/// `"paths"` list in the `paths` command's form, so `render --highlight-paths` reads it directly.
public struct ExposureReport: Sendable {
    public static let disclaimer = "A factual summary of the relations recorded in this network, with their sources; not legal advice."

    public var paths: [LegalExposure.ExposurePath]
    public var network: Network

    public init(paths: [LegalExposure.ExposurePath], network: Network) {
        self.paths = paths
        self.network = network
    }

    private func label(_ id: String) -> String { network.node(id)?.label ?? id }

    private func designationText(_ d: Designation) -> String {
        d.list + (d.by.map { " (\($0))" } ?? "") + (d.since.map { " since \($0)" } ?? "") + (d.until.map { " until \($0)" } ?? "")
    }

    public func text() -> String {
        var lines = ["Legal exposure: paths of material support (provides) from conveners and organisations to designated actors.", Self.disclaimer, ""]
        if paths.isEmpty { lines.append("No recorded path of material support reaches a designated actor.") }
        for (i, p) in paths.enumerated() {
            let end = p.nodes.last!
            lines.append("\(i + 1). \(label(p.nodes[0])) → \(label(end)) (\(p.hops.count == 1 ? "direct" : "through \(p.hops.count - 1) intermediar\(p.hops.count == 2 ? "y" : "ies")"))")
            for (j, hop) in p.hops.enumerated() {
                let e = network.edges[hop.edge]
                var line = "     \(label(p.nodes[j])) provides \(hop.support?.title ?? "support") to \(label(p.nodes[j + 1]))"
                line += e.years.isEmpty ? " (undated" : " (\(e.years.text)"
                line += hop.timing == .undated ? ")" : ", \(hop.timing.rawValue))"
                if let status = hop.status { line += "; recorded as \(status)" }
                lines.append(line)
            }
            for d in p.designations { lines.append("     \(label(end)) is listed: \(designationText(d))") }
            if !p.designatedBy.isEmpty { lines.append("     designated by: " + p.designatedBy.map(label).joined(separator: ", ")) }
            if !p.legal.isEmpty { lines.append("     legal decisions and instruments bearing on it: " + p.legal.map(label).joined(separator: "; ")) }
            let sources = Set(p.hops.flatMap { network.edges[$0.edge].sources })
            if !sources.isEmpty { lines.append("     sources: " + network.sources.filter { sources.contains($0.id) }.map(\.citation).joined(separator: "; ")) }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    public func json() -> String {
        let q = JSONWriter.quoted
        var out = "{\n  \"note\": \(q(Self.disclaimer)),\n  \"exposures\": ["
        out += paths.isEmpty ? "" : "\n" + paths.map { p in
            let hops = p.hops.map { h in
                let e = network.edges[h.edge]
                var parts = ["\"source\": \(q(e.source))", "\"target\": \(q(e.target))", "\"support\": \(h.support.map { q($0.rawValue) } ?? "null")", "\"timing\": \(q(h.timing.rawValue))"]
                if let s = e.years.start { parts.append("\"start\": \(s)") }
                if let s = e.years.end { parts.append("\"end\": \(s)") }
                if let status = h.status { parts.append("\"status\": \(q(status))") }
                return "{" + parts.joined(separator: ", ") + "}"
            }
            let designations = p.designations.map { d in
                "{\"list\": \(q(d.list))" + (d.by.map { ", \"by\": \(q($0))" } ?? "") + (d.since.map { ", \"since\": \($0)" } ?? "") + "}"
            }
            return "    {\"actor\": \(q(p.nodes[0])), \"designated\": \(q(p.nodes.last!)), \"nodes\": [\(p.nodes.map(q).joined(separator: ", "))], \"hops\": [\(hops.joined(separator: ", "))], \"designations\": [\(designations.joined(separator: ", "))], \"designated_by\": [\(p.designatedBy.map(q).joined(separator: ", "))], \"legal\": [\(p.legal.map(q).joined(separator: ", "))]}"
        }.joined(separator: ",\n") + "\n  "
        out += "],\n  \"paths\": ["
        out += paths.isEmpty ? "" : "\n" + paths.map { p in
            "    {\"nodes\": [\(p.nodes.map(q).joined(separator: ", "))], \"relations\": [\(p.hops.map { _ in q("provides") }.joined(separator: ", "))], \"length\": \(JSONWriter.number(Double(p.hops.count)))}"
        }.joined(separator: ",\n") + "\n  "
        return out + "]\n}\n"
    }
}
