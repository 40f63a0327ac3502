import BackchannelFormats
import BackchannelModel
import Foundation

/// Writes a ``Diagram`` as a styled Graphviz DOT digraph. Pure Swift; runs no measure (the diagram
/// carries its node sizes and clusters); the output is deterministic.
///
/// Nodes get opaque ids (`n0`, `n1`, … in network order) and their text in `label`, escaped with
/// ``DOTText/escString(_:)``; the original id, kind, track and relation ride along as `bc_id`,
/// `bc_kind`, `bc_track` and `bc_relation` attributes, which Graphviz keeps but does not draw, and
/// everything else the model holds (years, weight, support, description, designations, free
/// attributes, sources, the graph's citations) as `bc_data`, a canonical-JSON fragment, so a DOT
/// export reads back (``DOTImport``) as the same network.
/// Shape shows the kind, fill the track, a red border a designation, line style the relation, size
/// the diagram's ``Diagram/nodeSizes``.
///
/// - Complexity: O(n + m + total cluster size + total highlighted path length).
public struct DOTWriter: Sendable {
    public init() {}

    public func write(_ diagram: Diagram) -> String {
        let q = DOTText.escString
        let network = diagram.network
        let index = network.nodeIndex()
        let highlightedNodes = Set(diagram.highlight.joined())
        let highlightedSteps = Set(diagram.highlight.flatMap { path in zip(path, path.dropFirst()).map { "\($0.0)\u{0}\($0.1)" } })

        var out = "digraph \(q(network.name)) {\n"
        let label = diagram.legend && !network.nodes.isEmpty ? "<\(headerTable(diagram))>" : q(diagram.title + "\n" + diagram.subtitle)
        out += "  graph [charset=\"UTF-8\", label=\(label), labelloc=\"t\", labeljust=\"l\", fontname=\"\(DOTStyle.fontname)\", "
        out += "fontsize=\"20\", rankdir=\(q(diagram.rankdir)), nodesep=\"0.3\", ranksep=\"0.6\", pad=\"0.3\", "
        out += "outputorder=\"edgesfirst\", forcelabels=\"false\", bgcolor=\"white\""
        if let data = Self.extraData(network.jsonValue(graph: ()), dropping: []) { out += ", bc_data=\(q(data))" }
        out += "];\n"
        out += "  node [fontname=\"\(DOTStyle.fontname)\", fontsize=\"11\", penwidth=\"1.2\", color=\"#4d4d4d\", margin=\"0.08,0.04\"];\n"
        out += "  edge [fontname=\"\(DOTStyle.fontname)\", fontsize=\"9\", arrowsize=\"0.7\"];\n"

        func nodeLine(_ i: Int, indent: String) -> String {
            let node = network.nodes[i]
            let (shape, style, _, _) = DOTStyle.shape(node.kind)
            let s = diagram.nodeSizes.indices.contains(i) && !diagram.nodeSizes[i].isNaN ? min(1, max(0, diagram.nodeSizes[i])) : 0
            var attrs = [
                "label=\(q(node.label))",
                "shape=\"\(shape)\"",
                "style=\"\(style)\"",
                "fillcolor=\"\(DOTStyle.fill(node.track, kind: node.kind))\"",
                "fontsize=\"\(format(10 + 8 * s))\"",
                "width=\"\(format(0.5 + 1.1 * s))\"",
                "height=\"\(format(0.3 + 0.5 * s))\"",
            ]
            if node.isDesignated {
                attrs.append("color=\"\(DOTStyle.designatedBorder.color)\"")
                attrs.append("penwidth=\"\(format(DOTStyle.designatedBorder.penwidth))\"")
            } else if highlightedNodes.contains(node.id) {
                attrs.append("color=\"\(DOTStyle.highlight)\"")
                attrs.append("penwidth=\"3\"")
            }
            if highlightedNodes.contains(node.id) { attrs.append("peripheries=\"2\"") }
            var tip = node.label
            if !node.years.isEmpty { tip += " (\(node.years.text))" }
            for d in node.designations { tip += "\nListed: \(d.list)" + (d.since.map { " since \($0)" } ?? "") }
            if let d = node.description { tip += "\n" + d }
            attrs.append("tooltip=\(q(tip))")
            attrs.append("bc_id=\(q(node.id))")
            attrs.append("bc_kind=\"\(node.kind.rawValue)\"")
            if let t = node.track { attrs.append("bc_track=\"\(t.rawValue)\"") }
            if let data = Self.extraData(network.jsonValue(node: node), dropping: ["id", "label", "kind", "track"]) {
                attrs.append("bc_data=\(q(data))")
            }
            return "\(indent)\"n\(i)\" [\(attrs.joined(separator: ", "))];\n"
        }

        // Nodes first, in network order (so Graphviz numbers them in that order), then clusters by membership.
        out += "\n"
        for i in network.nodes.indices { out += nodeLine(i, indent: "  ") }
        for (c, cluster) in diagram.clusters.enumerated() {
            let members = cluster.members.filter { network.nodes.indices.contains($0) }
            guard !members.isEmpty else { continue }
            out += "\n  subgraph \"cluster_\(c)\" {\n"
            out +=
                "    graph [label=\(q(cluster.label)), style=\"rounded,filled\", fillcolor=\"#f7f7f7\", color=\"#bdbdbd\", fontsize=\"14\", fontname=\"\(DOTStyle.fontname)\"];\n"
            out += "    " + members.map { "\"n\($0)\";" }.joined(separator: " ") + "\n"
            out += "  }\n"
        }

        out += "\n"
        for (k, edge) in network.edges.enumerated() {
            guard let s = index[ExactID(edge.source)], let t = index[ExactID(edge.target)] else { continue }
            var style = DOTStyle.edge(edge.relation)
            if diagram.edgeWidths.indices.contains(k), diagram.edgeWidths[k] > 0 { style.penwidth = diagram.edgeWidths[k] }
            var name = edge.relation.rawValue.replacingOccurrences(of: "_", with: " ")
            if let support = edge.support { name += ": " + support.title }
            // An engagement that did not take place (intended or refused) is drawn tapered: the
            // relation's colour, but a thin dashed line, and its status in the annotation.
            let happened = edge.tookPlace
            if !happened { name += " (\(edge.attributes["status"]?.text ?? "not provided"))" }
            let highlighted =
                highlightedSteps.contains("\(edge.source)\u{0}\(edge.target)")
                || highlightedSteps.contains("\(edge.target)\u{0}\(edge.source)")
            var attrs = [
                "color=\"\(highlighted ? DOTStyle.highlight : style.color)\"",
                "style=\"\(happened ? style.style : "dashed")\"",
                "penwidth=\"\(format(highlighted ? max(4, style.penwidth * 2) : (happened ? style.penwidth : 1)))\"",
            ]
            if diagram.undirected { attrs.append("dir=\"none\"") }
            if style.labelled && diagram.edgeLabels != .none {
                // `xlabel` where there are clusters: Graphviz 2.43's dot layout double-frees the virtual
                // nodes it makes for edge labels inside clusters (gvFreeLayout aborts); xlabels are
                // placed after layout, and with forcelabels=false only where they overlap nothing.
                let when = edge.years.isEmpty ? "" : "\n" + edge.years.text
                // (Mixing the two does not work: a `label` outside the boxes crashes nothing, but the
                // xlabel placer does not see it and may put an xlabel over it.)
                attrs.append("\(diagram.edgeLabels == .inline ? "label" : "xlabel")=\(q(name + when))")
                attrs.append("fontcolor=\"\(style.color)\"")
            }
            var tip = "\(network.nodes[s].label) \(name) \(network.nodes[t].label)"
            if !edge.years.isEmpty { tip += " (\(edge.years.text))" }
            if let d = edge.description { tip += "\n" + d }
            attrs.append("tooltip=\(q(tip))")
            attrs.append("bc_relation=\"\(edge.relation.rawValue)\"")
            if let data = Self.extraData(network.jsonValue(edge: edge), dropping: ["source", "target", "relation"]) {
                attrs.append("bc_data=\(q(data))")
            }
            out += "  \"n\(s)\" -> \"n\(t)\" [\(attrs.joined(separator: ", "))];\n"
        }

        out += "}\n"
        return out
    }

    /// The members of a canonical-JSON object other than `dropping`, as one-line JSON; nil when none.
    static func extraData(_ value: JSONValue, dropping: Set<String>) -> String? {
        guard case let .object(members) = value else { return nil }
        let kept = members.filter {
            !dropping.contains($0.key) && !(($0.key == "sources" || $0.key == "attributes") && $0.value.value.isEmptyContainer)
        }
        guard !kept.isEmpty else { return nil }
        return JSONWriter.compact(.object(kept))
    }

    /// The graph's label: the title, the subtitle and, below them, the legend (``legendTable(_:)``),
    /// as one HTML-like table. A graph label, not a node, so the drawing holds only the network's nodes
    /// and the legend sits above the drawing, as wide as its columns, never inside it.
    func headerTable(_ diagram: Diagram) -> String {
        let h = DOTText.html
        func lines(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { h(String($0)) }.joined(separator: "<BR/>")
        }
        var rows = "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"20\">\(lines(diagram.title))</FONT></TD></TR>"
        rows += "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"13\">\(lines(diagram.subtitle))</FONT></TD></TR>"
        rows += "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"14\">\(legendTable(diagram))</FONT></TD></TR>"
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">\(rows)</TABLE>"
    }

    /// The most rows in one column of the legend; longer sections wrap into further columns.
    static let legendColumnRows = 5

    /// An HTML-like table that draws what the diagram uses, in sections side by side: a sample of
    /// each node shape (a rounded cell for conveners, an outline glyph for the rest), a swatch of each
    /// fill, a line sample of each relation in its colour, width and style, the designation border,
    /// the highlight and what node size shows. Only what the diagram's network uses is listed.
    func legendTable(_ diagram: Diagram) -> String {
        let network = diagram.network
        let h = DOTText.html
        typealias Row = (sample: String, text: String)
        var sections: [(title: String, rows: [Row])] = []
        let kinds = Set(network.nodes.map(\.kind))
        sections.append(
            (
                "shape: kind",
                NodeKind.allCases.filter(kinds.contains).map { kind in
                    let s = DOTStyle.shape(kind)
                    let sample =
                        s.glyph.map { "<TD WIDTH=\"36\" HEIGHT=\"22\"><FONT FACE=\"DejaVu Sans\" POINT-SIZE=\"20\">\($0)</FONT></TD>" }
                        ?? "<TD WIDTH=\"32\" HEIGHT=\"18\" BORDER=\"1\" STYLE=\"rounded\" COLOR=\"#4d4d4d\"> </TD>"
                    return (sample, h(kind.rawValue))
                }
            ))
        var fills: [Row] = []
        func swatch(_ color: String) -> String {
            "<TD WIDTH=\"32\" HEIGHT=\"18\" BORDER=\"1\" COLOR=\"#4d4d4d\" BGCOLOR=\"\(color)\"> </TD>"
        }
        for track in Track.allCases where network.nodes.contains(where: { $0.track == track }) {
            fills.append((swatch(DOTStyle.fill(track, kind: .convener)), h(track.title)))
        }
        if network.nodes.contains(where: { $0.track == nil && $0.kind == .conflict }) {
            fills.append((swatch(DOTStyle.fill(nil, kind: .conflict)), "conflict, no track"))
        }
        if network.nodes.contains(where: { $0.track == nil && $0.kind == .legal }) {
            fills.append((swatch(DOTStyle.fill(nil, kind: .legal)), "legal, no track"))
        }
        if network.nodes.contains(where: { $0.track == nil && $0.kind != .conflict && $0.kind != .legal }) {
            fills.append((swatch(DOTStyle.fill(nil, kind: .convener)), "no track"))
        }
        sections.append(("fill: track", fills))
        func line(_ color: String, _ style: String, _ width: Double) -> String {
            let border = max(1, min(4, Int((width + 0.5).rounded(.down))))
            let css = style == "dashed" || style == "dotted" ? " STYLE=\"\(style)\"" : ""
            return "<TD WIDTH=\"44\" HEIGHT=\"12\" BORDER=\"\(border)\" SIDES=\"B\"\(css) COLOR=\"\(color)\"> </TD>"
        }
        let relations = Set(network.edges.map(\.relation))
        sections.append(
            (
                "line: relation",
                Relation.allCases.filter(relations.contains).map { relation in
                    let s = DOTStyle.edge(relation)
                    return (line(s.color, s.style, s.penwidth), h(relation.rawValue.replacingOccurrences(of: "_", with: " ")))
                }
            ))
        var marks: [Row] = []
        if network.nodes.contains(where: \.isDesignated) {
            marks.append(
                ("<TD WIDTH=\"32\" HEIGHT=\"18\" BORDER=\"3\" COLOR=\"\(DOTStyle.designatedBorder.color)\"> </TD>", "on a designation list")
            )
        }
        if network.edges.contains(where: { !$0.tookPlace }) {
            marks.append((line("#4d4d4d", "dashed", 1), "thin dashed: intended or refused, not a tie"))
        }
        if !diagram.highlight.isEmpty { marks.append((line(DOTStyle.highlight, "solid", 4), "highlighted path")) }
        if let measure = diagram.sizeMeasure {
            marks.append(("<TD WIDTH=\"30\"><FONT POINT-SIZE=\"12\">size</FONT></TD>", "node size: \(h(measure))"))
        }
        for line in diagram.legendNote?.split(separator: "\n") ?? [] { marks.append(("<TD> </TD>", h(String(line)))) }
        sections.append(("marks", marks))

        var columns = ""
        for section in sections where !section.rows.isEmpty {
            var start = 0
            while start < section.rows.count {
                let chunk = section.rows[start..<min(start + Self.legendColumnRows, section.rows.count)]
                var cell = "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>\(start == 0 ? h(section.title) : " ")</B></TD></TR>"
                for row in chunk { cell += "<TR>\(row.sample)<TD ALIGN=\"LEFT\">\(row.text)</TD></TR>" }
                columns +=
                    "<TD VALIGN=\"TOP\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\">\(cell)</TABLE></TD>"
                start += Self.legendColumnRows
            }
        }
        return "<TABLE BORDER=\"1\" COLOR=\"#bdbdbd\" CELLBORDER=\"0\" CELLSPACING=\"6\" CELLPADDING=\"0\"><TR>\(columns)</TR></TABLE>"
    }
}

/// A number with at most three decimals and no trailing zeros: deterministic and locale-free.
/// Safe for any double: NaN is written as `0`, and magnitudes of 1e12 or more (or ±∞, as
/// ±1.7976931348623157e+308) in the shortest round-trip form, which Graphviz reads as a number.
/// - Complexity: O(1).
func format(_ x: Double) -> String {
    guard x.isFinite else { return x.isNaN ? "0" : (x > 0 ? Double.greatestFiniteMagnitude : -Double.greatestFiniteMagnitude).description }
    guard abs(x) < 1e12 else { return x.description }
    let scaled = (x * 1000).rounded()
    let whole = Int(scaled) / 1000
    var frac = abs(Int(scaled) % 1000)
    if frac == 0 { return String(whole) }
    var digits = 3
    while frac % 10 == 0 { frac /= 10; digits -= 1 }
    let f = String(frac)
    return "\(x < 0 && whole == 0 ? "-" : "")\(whole).\(String(repeating: "0", count: digits - f.count))\(f)"
}
