import BackchannelAnalysis
import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation
import BackchannelTestSupport
import Foundation
import Testing

@Suite("Interactive HTML report")
struct InteractiveReportTests {
    /// The JSON blob of a page, parsed.
    static func blob(_ html: String) throws -> JSONNode {
        let open = "<script type=\"application/json\" id=\"bc-data\">"
        let start = try #require(html.range(of: open))
        let end = try #require(html[start.upperBound...].range(of: "</script>"))
        return try JSONParser.parse(String(html[start.upperBound..<end.lowerBound]))
    }

    @Test func scriptJSONEscapesEverythingThatCouldEndTheElement() throws {
        let value = JSONValue.object([(key: "a</script><!--&>", value: JSONNode(.string("</SCRIPT> <!-- & \u{2028}\u{2029} \"q\" \\")))])
        let text = HTMLText.scriptJSON(value)
        for bad in ["<", ">", "&", "\u{2028}", "\u{2029}"] { #expect(!text.contains(bad), "\(bad) left raw") }
        #expect(try JSONParser.parse(text).value == value)
    }

    @Test func htmlEscapeCoversTextAndAttributes() {
        #expect(HTMLText.escape("<a href=\"x\" title='y'>&amp;</a>") == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;")
        #expect(HTMLText.isWebLink("https://example.org/a?b=1"))
        #expect(!HTMLText.isWebLink("javascript:alert(1)") && !HTMLText.isWebLink("data:text/html,x") && !HTMLText.isWebLink("https://a b"))
    }

    @Test func graphvizSVGIsStrippedOfItsPrologAndIndexed() throws {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE svg>
            <!-- Title: x&#45;&#45;&gt; Pages: 1 -->
            <svg viewBox="0 0 10 10"><g id="graph0" class="graph"><title>g</title>
            <!-- n0 -->
            <g id="node1" class="node">
            <title>n0</title></g>
            <g id="edge2" class="edge">
            <title>n1&#45;&gt;n0</title></g>
            </g></svg>
            """
        let svg = try GraphvizSVG(text)
        #expect(svg.markup.hasPrefix("<svg") && !svg.markup.contains("<!--") && !svg.markup.contains("<?xml"))
        #expect(svg.nodes.map(\.svgID) == ["node1"] && svg.nodes.map(\.name) == ["n0"])
        #expect(svg.edges.map(\.svgID) == ["edge2"] && svg.edges.map(\.number) == [2] && svg.edges.map(\.title) == ["n1->n0"])
        #expect(throws: GraphvizSVG.Failure.unexpectedMarkup("<script")) { try GraphvizSVG("<svg><ScRiPt>x</script></svg>") }
        #expect(throws: GraphvizSVG.Failure.noSVG) { try GraphvizSVG("not a drawing") }
    }

    @Test func hostileTextIsEscapedEverywhereInThePage() throws {
        let (html, _) = try ReportJob().run(HostileReportNetwork.network)
        for bad in HostileReportNetwork.forbidden { #expect(!html.contains(bad), "\(bad) appears raw") }
        // Exactly the two script elements of the page close: the data and the code.
        #expect(html.components(separatedBy: "</script>").count - 1 == 2)
        #expect(html.components(separatedBy: "<script").count - 1 == 2)
        #expect(html.contains("<title>\(HTMLText.escape(HostileReportNetwork.title))</title>"))
        let data = try Self.blob(html)
        guard case let .object(nodes)? = data["nodes"]?.value else { Issue.record("no nodes"); return }
        let labels = nodes.compactMap { member -> String? in
            if case let .string(s)? = member.value["label"]?.value { return s }
            return nil
        }
        #expect(Set(labels) == Set(HostileReportNetwork.network.nodes.map(\.label)))
        #expect(data["title"]?.value == .string(HostileReportNetwork.title))
        // The javascript: source is cited but never linked; the web source is.
        #expect(!html.contains("javascript"))
        #expect(html.contains("href=\"https://example.org/?a=1&amp;b=%3C2%3E\""))
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        // Graphviz in-process may lay the same graph out differently on a second call in one process
        // (the CLI renders once per process; CLITests compares two runs' files), so the drawing is
        // fixed here and everything the report adds to it must be byte-identical.
        let network = try Network.bundled()
        let svg = String(decoding: try RenderJob(options: DOTOptions(title: network.title)).run(network, format: .svg).bytes, as: UTF8.self)
        let first = try ReportJob().report(network, svg: svg).html()
        let second = try ReportJob().report(network, svg: svg).html()
        #expect(first == second)
        #expect(first.hasPrefix("<!DOCTYPE html>") && first.contains(HTMLText.escape(network.title ?? "")))
        // Nothing is loaded from elsewhere: no src= or stylesheet link at all, and a policy that forbids it.
        #expect(!first.contains(" src=") && !first.contains("<link") && first.contains("default-src 'none'"))
    }

    @Test func periodsAreTheYearsSomethingBeginsAndAccumulate() throws {
        let network = try Network.bundled()
        let html = try ReportJob().run(network).html
        let data = try Self.blob(html)
        guard case let .array(periods)? = data["periods"]?.value else { Issue.record("no periods"); return }
        let labels = periods.compactMap { p -> String? in
            if case let .string(s)? = p["label"]?.value { return s }; return nil
        }
        let firstYears = Set(
            network.nodes.compactMap { ($0.years.start ?? $0.years.end)?.year }
                + network.edges.compactMap { ($0.years.start ?? $0.years.end)?.year })
        #expect(labels == firstYears.sorted().map(String.init), "a period per year, whatever the dates' precision")
        func mask(_ p: JSONNode, _ key: String) -> [Bool] {
            if case let .string(s)? = p[key]?.value { return s.map { $0 == "1" } }
            return []
        }
        // Every period holds what the one before held.
        for (a, b) in zip(periods, periods.dropFirst()) {
            #expect(zip(mask(a, "nodes"), mask(b, "nodes")).allSatisfy { !$0 || $1 })
            #expect(zip(mask(a, "edges"), mask(b, "edges")).allSatisfy { !$0 || $1 })
        }
        let last = try #require(periods.last)
        #expect(mask(last, "nodes") == network.nodes.map { _ in true } && mask(last, "edges") == network.edges.map { _ in true })
        let i1960 = try #require(labels.firstIndex(of: "1960"))
        let talks = try #require(network.nodes.firstIndex { $0.id == "carter-pyongyang-talks-1994" })
        let dartmouth = try #require(network.nodes.firstIndex { $0.id == "dartmouth-conference" })
        #expect(!mask(periods[i1960], "nodes")[talks] && mask(periods[i1960], "nodes")[dartmouth])
        // Tables of the period: the Carter Center (founded 1982) is no convener of 1960.
        guard case let .array(rows)? = periods[i1960]["rows"]?["influence"]?.value else { Issue.record("no influence rows"); return }
        let names = rows.compactMap { row -> String? in
            if case let .array(cells) = row.value, cells.count > 1, case let .string(t)? = cells[1]["t"]?.value { return t }
            return nil
        }
        #expect(names.contains("Norman Cousins") && !names.contains("The Carter Center"))
    }

    @Test func anUndatedNetworkHasNoTimeControlAndFiltersAreStated() throws {
        var network = Fixtures.small
        for i in network.nodes.indices { network.nodes[i].years = Period() }
        for i in network.edges.indices { network.edges[i].years = Period() }
        let html = try ReportJob().run(network).html
        #expect(!html.contains("id=\"bc-year\""))
        #expect(html.contains("The network holds no dates"))
        var filter = NetworkFilter(kinds: [.convener, .participant, .conflict, .dialogue])
        filter.withoutDesignated = true
        let filtered = try ReportJob(filter: filter).run(Fixtures.small).html
        #expect(
            filtered.contains("<li>kinds: conflict, convener, dialogue, participant</li>")
                && filtered.contains("<li>without designated actors</li>"))
        #expect(filtered.contains("id=\"bc-year\""))
        let data = try Self.blob(filtered)
        guard case let .object(nodes)? = data["nodes"]?.value else { Issue.record("no nodes"); return }
        #expect(nodes.count == 3)
    }
}

@Suite("Interactive HTML report: large networks")
struct InteractiveReportLimitTests {
    @Test func pastTheEdgeLimitOnlyTheLastPeriodHasTables() throws {
        let n = 400
        let nodes = (0..<n).map { Node(id: "a\($0)", kind: $0 % 10 == 0 ? .convener : .participant, years: .year(2000 + $0 % 4)) }
        var edges: [Edge] = []
        for i in 0..<n {
            for step in [1, 2, 3, 5] where edges.count <= ReportJob.perPeriodTablesEdgeLimit {
                edges.append(Edge("a\(i)", .partnersWith, "a\((i + step) % n)", years: .year(2000 + (i + step) % 4)))
            }
        }
        let network = Network(name: "big", nodes: nodes, edges: edges)
        #expect(network.edges.count == ReportJob.perPeriodTablesEdgeLimit + 1)
        let report = try ReportJob().report(network, svg: "<svg></svg>")
        #expect(report.periods.map(\.label) == ["2000", "2001", "2002", "2003"])
        #expect(report.periods.dropLast().allSatisfy { $0.rows.isEmpty && $0.note?.contains("computed for 2003 only") == true })
        #expect(report.periods.last?.rows["centrality"]?.count == n && report.periods.last?.note == nil)
        // One edge fewer and every period has its tables.
        var smaller = network
        smaller.edges.removeLast()
        #expect(try ReportJob().report(smaller, svg: "<svg></svg>").periods.allSatisfy { $0.rows["influence"] != nil })
    }
}
