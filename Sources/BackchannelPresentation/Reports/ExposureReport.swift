import BackchannelAnalysis
import BackchannelFormats
import BackchannelModel
import Foundation

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

    private func label(_ id: String) -> String { ReportLabels.name(network.node(id)?.label ?? id, id: id) }

    private func designationText(_ d: Designation) -> String {
        d.list + (d.by.map { " (\($0))" } ?? "") + (d.since.map { " since \($0)" } ?? "") + (d.until.map { " until \($0)" } ?? "")
    }

    /// The paths in factual wording, with designations, legal instruments and sources.
    /// - Complexity: O(total path length · sources).
    public func text() -> String {
        var lines = [
            "Legal exposure: paths of material support (provides) from conveners and organisations to designated actors.", Self.disclaimer,
            "",
        ]
        if paths.isEmpty { lines.append("No recorded path of material support reaches a designated actor.") }
        for (i, p) in paths.enumerated() {
            guard let start = p.nodes.first, let end = p.nodes.last else { continue }
            lines.append(
                "\(i + 1). \(label(start)) → \(label(end)) (\(p.hops.count == 1 ? "direct" : "through \(p.hops.count - 1) intermediar\(p.hops.count == 2 ? "y" : "ies")"))"
            )
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
            if !p.legal.isEmpty {
                lines.append("     legal decisions and instruments bearing on it: " + p.legal.map(label).joined(separator: "; "))
            }
            let sources = Set(p.hops.flatMap { network.edges[$0.edge].sources })
            if !sources.isEmpty {
                lines.append("     sources: " + network.sources.filter { sources.contains($0.id) }.map(\.citation).joined(separator: "; "))
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// The report as JSON: `{"note", "exposures": [{"actor", "designated", "nodes", "hops": [{"source",
    /// "target", "support", "timing", "start"?, "end"?, "status"?}], "designations": [{"list", "by"?,
    /// "since"?}], "designated_by", "legal"}], "paths": [{"nodes", "relations", "length"}]}`; the
    /// `paths` list is in ``PathReport``'s form.
    /// - Complexity: O(total path length + designations).
    public var jsonValue: JSONValue {
        let exposures = paths.map { p in
            let hops = p.hops.map { h in
                let e = network.edges[h.edge]
                var members: [(String, JSONValue)] = [
                    ("source", .string(e.source)), ("target", .string(e.target)), ("support", ReportJSON.string(h.support?.rawValue)),
                    ("timing", .string(h.timing.rawValue)),
                ]
                if let s = e.years.start { members.append(("start", ReportJSON.date(s))) }
                if let s = e.years.end { members.append(("end", ReportJSON.date(s))) }
                if let status = h.status { members.append(("status", .string(status))) }
                return ReportJSON.object(members)
            }
            let designations = p.designations.map { d in
                var members: [(String, JSONValue)] = [("list", .string(d.list))]
                if let by = d.by { members.append(("by", .string(by))) }
                if let since = d.since { members.append(("since", ReportJSON.date(since))) }
                return ReportJSON.object(members)
            }
            return ReportJSON.object([
                ("actor", ReportJSON.string(p.nodes.first)), ("designated", ReportJSON.string(p.nodes.last)),
                ("nodes", ReportJSON.strings(p.nodes)),
                ("hops", ReportJSON.array(hops)), ("designations", ReportJSON.array(designations)),
                ("designated_by", ReportJSON.strings(p.designatedBy)), ("legal", ReportJSON.strings(p.legal)),
            ])
        }
        let asPaths = paths.map { p in
            ReportJSON.object([
                ("nodes", ReportJSON.strings(p.nodes)), ("relations", ReportJSON.strings(p.hops.map { _ in Relation.provides.rawValue })),
                ("length", ReportNumber.json(Double(p.hops.count))),
            ])
        }
        return ReportJSON.object([
            ("note", .string(Self.disclaimer)), ("exposures", ReportJSON.array(exposures)), ("paths", ReportJSON.array(asPaths)),
        ])
    }

    /// ``jsonValue`` written by ``JSONWriter``.
    public func json() -> String { JSONWriter.document(jsonValue) }
}
