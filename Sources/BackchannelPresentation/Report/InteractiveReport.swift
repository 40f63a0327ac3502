import BackchannelAnalysis
import BackchannelFormats
import BackchannelModel

/// `backchannel report`: one self-contained HTML page (inline SVG, styles, script and data; no
/// network access) with the diagram, sortable tables and, for dated networks, a time control.
///
/// The page's data is one JSON blob in `<script type="application/json" id="bc-data">`, keyed by
/// the SVG's node and edge group ids (`node1`, `edge4`). For each period it holds which nodes and
/// edges are present (a `0`/`1` string in network order) and every table's rows, all computed here
/// in advance; the script only shows, hides and sorts. Everything is deterministic: the same inputs
/// give the same bytes.
///
/// - Complexity: O(size of the SVG + n + m + periods · (n + m + table rows)).
public struct InteractiveReport: Sendable {
    /// A table's column.
    public struct Column: Sendable {
        public var title: String
        public var numeric: Bool
        public init(_ title: String, numeric: Bool = false) {
            self.title = title
            self.numeric = numeric
        }
    }

    /// One cell: text, a number with its shown text, or a node (network index) shown by its label.
    public enum Cell: Sendable {
        case text(String)
        case number(Double, String)
        case node(Int)
    }

    /// A table of the page. Its rows come per period.
    public struct Table: Sendable {
        public var id: String
        public var title: String
        public var note: String
        public var columns: [Column]
        public init(id: String, title: String, note: String, columns: [Column]) {
            self.id = id
            self.title = title
            self.note = note
            self.columns = columns
        }
    }

    /// The network as it stood in one period, with the rows of every table.
    public struct Period: Sendable {
        /// What the time control shows ("1994", "all years").
        public var label: String
        /// Presence of each node and edge of ``InteractiveReport/network``, in network order.
        public var nodes: [Bool]
        public var edges: [Bool]
        /// Rows by ``Table/id``; a missing table was not computed for this period (see ``note``).
        public var rows: [String: [[Cell]]]
        /// Shown in place of a table that was not computed for this period.
        public var note: String?
        public init(label: String, nodes: [Bool], edges: [Bool], rows: [String: [[Cell]]]) {
            self.label = label
            self.nodes = nodes
            self.edges = edges
            self.rows = rows
        }
    }

    public var network: Network
    /// Graphviz's SVG of ``network`` as ``DOTWriter`` writes it (node `i` named `ni`).
    public var svg: String
    public var title: String
    /// The filters applied, in words; "none" is written when empty.
    public var filters: [String]
    /// How periods are cut, in words; nil for an undated network (no time control).
    public var timeRule: String?
    /// Notes on how the tables were computed.
    public var methods: [String]
    public var tables: [Table]
    /// At least one; the last is shown first.
    public var periods: [Period]

    public init(
        network: Network, svg: String, title: String, filters: [String], timeRule: String?, methods: [String], tables: [Table],
        periods: [Period]
    ) {
        self.network = network
        self.svg = svg
        self.title = title
        self.filters = filters
        self.timeRule = timeRule
        self.methods = methods
        self.tables = tables
        self.periods = periods
    }

    /// The page.
    /// - Throws: ``GraphvizSVG/Failure`` when ``svg`` is not a Graphviz SVG or holds unexpected markup.
    public func html() throws(GraphvizSVG.Failure) -> String {
        let drawing = try GraphvizSVG(svg)
        let h = HTMLText.escape
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        // No network access at all: scripts, styles and images only from the page itself.
        out +=
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        out += "<title>\(h(title))</title>\n<style>\n\(ReportAssets.css)</style>\n</head>\n<body>\n"
        out += "<header><h1 id=\"bc-title\">\(h(title))</h1>\n<p class=\"bc-sub\">\(h(Diagram.standardSubtitle(network)))</p></header>\n"
        out += "<div class=\"bc-controls\">\n"
        out +=
            "<label>Find an actor <input id=\"bc-search\" type=\"search\" autocomplete=\"off\" placeholder=\"name or id\"></label> <span id=\"bc-search-count\" aria-live=\"polite\"></span>\n"
        if timeRule != nil, periods.count > 1 {
            out +=
                "<label class=\"bc-time\">As of <input id=\"bc-year\" type=\"range\" min=\"0\" max=\"\(periods.count - 1)\" step=\"1\" value=\"\(periods.count - 1)\"> <output id=\"bc-year-label\">\(h(periods[periods.count - 1].label))</output></label>\n"
        }
        out +=
            "<span class=\"bc-zoom\"><button type=\"button\" id=\"bc-zoom-in\" title=\"Zoom in\">+</button><button type=\"button\" id=\"bc-zoom-out\" title=\"Zoom out\">−</button><button type=\"button\" id=\"bc-zoom-reset\" title=\"Whole drawing\">fit</button></span>\n"
        out += "<span id=\"bc-shown\"></span>\n</div>\n"
        out += "<main class=\"bc-main\">\n<div id=\"bc-diagram\">\n\(drawing.markup)</div>\n"
        out +=
            "<aside id=\"bc-details\" aria-live=\"polite\"><p class=\"bc-hint\">Click an actor to see its ties and sources; drag to pan, scroll to zoom.</p></aside>\n</main>\n"
        out += "<div id=\"bc-tip\" hidden></div>\n"
        out += "<section id=\"bc-tables\"></section>\n"
        out += aboutSection()
        out += "<script type=\"application/json\" id=\"bc-data\">\(HTMLText.scriptJSON(data(drawing)))</script>\n"
        out += "<script>\n\(ReportAssets.script)</script>\n</body>\n</html>\n"
        return out
    }

    /// Filters, time rule, methods and the data's sources, as static HTML.
    func aboutSection() -> String {
        let h = HTMLText.escape
        var out = "<section id=\"bc-about\">\n<h2>About this report</h2>\n"
        out += "<h3>Filters</h3>\n<ul id=\"bc-filters\">"
        out += (filters.isEmpty ? ["none: the whole network"] : filters).map { "<li>\(h($0))</li>" }.joined()
        out +=
            "</ul>\n<h3>Time</h3>\n<p id=\"bc-time-rule\">\(h(timeRule ?? "The network holds no dates, so the report has no time control."))</p>\n"
        if !methods.isEmpty { out += "<h3>Methods</h3>\n<ul>" + methods.map { "<li>\(h($0))</li>" }.joined() + "</ul>\n" }
        if let d = network.description { out += "<h3>The data</h3>\n<p>\(h(d))</p>\n" }
        out += "<h3>Sources</h3>\n"
        if network.sources.isEmpty {
            out += "<p id=\"bc-sources\">The data cites no sources.</p>\n"
        } else {
            out += "<ol id=\"bc-sources\">"
            for s in network.sources {
                out += "<li id=\"bc-source-\(h(s.id))\">\(h(s.citation))"
                if let url = s.url, HTMLText.isWebLink(url) { out += " <a href=\"\(h(url))\" rel=\"noreferrer\">\(h(url))</a>" }
                out += "</li>"
            }
            out += "</ol>\n"
        }
        out +=
            "<p class=\"bc-foot\">Made by Backchannel. A factual summary of the relations recorded in the data, with their sources; not legal advice.</p>\n</section>\n"
        return out
    }

    /// The JSON blob: nodes and edges keyed by SVG id, the tables and the periods.
    func data(_ drawing: GraphvizSVG) -> JSONValue {
        let sourceByID = Dictionary(network.sources.map { (ExactID($0.id), $0) }, uniquingKeysWith: { a, _ in a })
        // DOT name `ni` → network index i.
        var svgNode = [String?](repeating: nil, count: network.nodes.count)
        for (svgID, name) in drawing.nodes {
            guard name.hasPrefix("n"), let i = Int(name.dropFirst()), svgNode.indices.contains(i), svgNode[i] == nil else { continue }
            svgNode[i] = svgID
        }
        // Written edges (both ends known) in network order: Graphviz numbers them in that order.
        let index = network.nodeIndex()
        var written: [(edge: Int, s: Int, t: Int)] = []
        for (e, edge) in network.edges.enumerated() {
            if let s = index[ExactID(edge.source)], let t = index[ExactID(edge.target)] { written.append((e, s, t)) }
        }
        var svgEdge = [String?](repeating: nil, count: network.edges.count)
        var used = [Bool](repeating: false, count: written.count)
        let titles = written.map { "n\($0.s)->n\($0.t)" }
        // Unused written edges by title, in order: the fallback when a number does not match.
        var byTitle: [String: [Int]] = [:]
        for (w, t) in titles.enumerated() { byTitle[t, default: []].append(w) }
        var nextByTitle: [String: Int] = [:]
        for (svgID, k, title) in drawing.edges {
            var w = k - 1
            if !(titles.indices.contains(w) && !used[w] && titles[w] == title) {
                let candidates = byTitle[title] ?? []
                var next = nextByTitle[title] ?? 0
                while next < candidates.count && used[candidates[next]] { next += 1 }
                nextByTitle[title] = next
                guard next < candidates.count else { continue }
                w = candidates[next]
            }
            used[w] = true
            svgEdge[written[w].edge] = svgID
        }

        func sources(_ ids: [String]) -> JSONValue {
            ReportJSON.array(
                ids.map { id in
                    let s = sourceByID[ExactID(id)]
                    var members: [(String, JSONValue)] = [("citation", .string(s?.citation ?? id))]
                    if let url = s?.url, HTMLText.isWebLink(url) { members.append(("url", .string(url))) }
                    return ReportJSON.object(members)
                })
        }
        var nodes: [(String, JSONValue)] = []
        for (i, node) in network.nodes.enumerated() {
            guard let key = svgNode[i] else { continue }
            var members: [(String, JSONValue)] = [
                ("i", .int(i)), ("id", .string(node.id)), ("label", .string(node.label)), ("kind", .string(node.kind.rawValue)),
            ]
            if let t = node.track { members.append(("track", .string(t.title))) }
            if !node.years.isEmpty { members.append(("years", .string(node.years.text))) }
            if let d = node.description { members.append(("description", .string(d))) }
            if node.isDesignated {
                members.append(
                    (
                        "designations",
                        ReportJSON.strings(
                            node.designations.map { d in
                                d.list + (d.by.map { " (\($0))" } ?? "") + (d.since.map { " since \($0)" } ?? "")
                                    + (d.until.map { " until \($0)" } ?? "")
                            })
                    ))
            }
            members.append(("sources", sources(node.sources + node.designations.flatMap(\.sources))))
            nodes.append((key, ReportJSON.object(members)))
        }
        var edges: [(String, JSONValue)] = []
        for (e, edge) in network.edges.enumerated() {
            guard let key = svgEdge[e], let s = index[ExactID(edge.source)], let t = index[ExactID(edge.target)], let a = svgNode[s],
                let b = svgNode[t]
            else { continue }
            var relation = edge.relation.rawValue.replacingOccurrences(of: "_", with: " ")
            if let support = edge.support { relation += ": " + support.title }
            var members: [(String, JSONValue)] = [
                ("i", .int(e)), ("source", .string(a)), ("target", .string(b)), ("relation", .string(relation)),
            ]
            if !edge.years.isEmpty { members.append(("years", .string(edge.years.text))) }
            if let d = edge.description { members.append(("description", .string(d))) }
            members.append(("sources", sources(edge.sources)))
            edges.append((key, ReportJSON.object(members)))
        }
        func mask(_ present: [Bool], count: Int) -> JSONValue {
            .string(String((0..<count).map { present.indices.contains($0) && present[$0] ? "1" : "0" }))
        }
        let tableJSON = tables.map { t in
            ReportJSON.object([
                ("id", .string(t.id)), ("title", .string(t.title)), ("note", .string(t.note)),
                (
                    "columns",
                    ReportJSON.array(t.columns.map { ReportJSON.object([("title", .string($0.title)), ("numeric", .bool($0.numeric))]) })
                ),
            ])
        }
        func cell(_ c: Cell) -> JSONValue {
            switch c {
            case let .text(s): return .string(s)
            case let .number(v, text): return ReportJSON.object([("t", .string(text)), ("v", ReportNumber.json(v))])
            case let .node(i):
                let label = network.nodes.indices.contains(i) ? network.nodes[i].label : "#\(i)"
                return ReportJSON.object([("t", .string(label)), ("n", ReportJSON.string(svgNode.indices.contains(i) ? svgNode[i] : nil))])
            }
        }
        let periodJSON = periods.map { p in
            ReportJSON.object([
                ("label", .string(p.label)), ("nodes", mask(p.nodes, count: network.nodes.count)),
                ("edges", mask(p.edges, count: network.edges.count)),
                (
                    "rows",
                    ReportJSON.object(
                        tables.compactMap { t in p.rows[t.id].map { (t.id, ReportJSON.array($0.map { ReportJSON.array($0.map(cell)) })) } })
                ),
                ("note", ReportJSON.string(p.note)),
            ])
        }
        return ReportJSON.object([
            ("title", .string(title)),
            ("nodeOrder", ReportJSON.array(svgNode.map { ReportJSON.string($0) })),
            ("edgeOrder", ReportJSON.array(svgEdge.map { ReportJSON.string($0) })),
            ("nodes", ReportJSON.object(nodes)), ("edges", ReportJSON.object(edges)),
            ("tables", ReportJSON.array(tableJSON)), ("periods", ReportJSON.array(periodJSON)),
        ])
    }
}
