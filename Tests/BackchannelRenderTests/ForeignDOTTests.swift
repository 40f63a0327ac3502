import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation
import BackchannelRender
import BackchannelTestSupport
import Foundation
import Testing

/// Other tools' DOT in (HTML-like labels, edge labels, styling, warnings for every default), and
/// exported DOT holding exactly the network's nodes and edges (issue 9).
@Suite("DOT from and for other tools", .serialized)
struct ForeignDOTTests {
    static let foreign = """
        digraph G {
          rankdir=LR; bgcolor="white"; label=<<B>Peace</B> talks>;
          node [shape=box, color=blue];
          a [label=<<TABLE><TR><TD>Oslo &amp; Co</TD></TR><TR><TD>1993</TD></TR></TABLE>>];
          b [label="Plain\\nB", style=filled];
          a -> b [label="meets", color=red];
          b -> a [label=<<I>html</I>>];
        }
        """

    /// Graphs are read with SequentialIDs: names are told apart by their exact bytes (not by Swift's
    /// canonical equivalence), subgraphs come in the order the DOT gives them, a read takes nothing
    /// of the text after its graph into the next one, and line numbers start again at 1.
    @Test func namesSubgraphOrderAndReadsKeptApart() throws {
        let nfc = "caf\u{E9}", nfd = "cafe\u{301}"
        let graph = try Graphviz.shared.parse(
            dot: """
                digraph G {
                  subgraph cluster_z { "\(nfc)" }
                  { rank=same; x; y }
                  subgraph cluster_a { "\(nfd)" }
                  subgraph cluster_m { <<b>html</b>> }
                }
                """)
        #expect(graph.nodes.count == 5, "\(graph.nodes.map { Array($0.name.unicodeScalars) })")
        #expect(Set(graph.nodes.map { Array($0.name.unicodeScalars) }).count == 5, "é and e + ◌́ are two nodes")
        #expect(graph.subgraphs.map(\.name).filter { $0.hasPrefix("cluster") } == ["cluster_z", "cluster_a", "cluster_m"])
        // Two graphs in one text: the next read must not start with the second.
        _ = try Graphviz.shared.parse(dot: "digraph G {a} digraph H {b}")
        #expect(try Graphviz.shared.parse(dot: "digraph K {c}").name == "K")
        _ = try? Graphviz.shared.parse(dot: "digraph G {a} junk")
        #expect(try Graphviz.shared.parse(dot: "digraph L {d}").name == "L")
        // After a five-line file, an error on line 2 of the next is on line 2.
        _ = try Graphviz.shared.parseAll(dot: Array("digraph A {\na\nb\nc\n}\n".utf8))
        #expect {
            _ = try Graphviz.shared.parseAll(dot: Array("digraph B {\n a -> -> b }\n".utf8))
        } throws: { error in
            "\(error)".contains("line 2")
        }
    }

    @Test func graphvizTellsHTMLLikeStrings() throws {
        let graph = try Graphviz.shared.parse(dot: Self.foreign)
        #expect(graph.html == ["label"])
        #expect(graph.nodes.first { $0.name == "a" }?.html == ["label"])
        #expect(graph.nodes.first { $0.name == "b" }?.html == [], "a quoted label is not HTML, whatever it holds")
        #expect(graph.edges.map(\.html) == [[], ["label"]])
    }

    @Test func htmlLabelsEdgeLabelsAndStylingAreKept() throws {
        let (network, warnings) = try DOTNetworkReader.read(Array(Self.foreign.utf8), file: "g.dot", parser: GraphvizDOTParser())
        let a = try #require(network.nodes.first { $0.id == "a" }), b = try #require(network.nodes.first { $0.id == "b" })
        #expect(a.label == "Oslo & Co\n1993", "the label is the text the HTML draws")
        #expect(a.attributes["html_label"] == .string("<<TABLE><TR><TD>Oslo &amp; Co</TD></TR><TR><TD>1993</TD></TR></TABLE>>"))
        #expect(a.attributes["shape"] == .string("box") && a.attributes["color"] == .string("blue"), "node defaults are kept")
        #expect(b.label == "Plain\nB" && b.attributes["style"] == .string("filled") && b.attributes["html_label"] == nil)
        #expect(network.edges[0].attributes["label"] == .string("meets") && network.edges[0].attributes["color"] == .string("red"))
        #expect(network.edges[1].attributes["label"] == .string("<<I>html</I>>"))
        #expect(network.title == "Peace talks")
        #expect(warnings.contains("g.dot: 2 nodes have no kind: read as participant"), "\(warnings)")
        #expect(warnings.contains("g.dot: 2 edges have no relation: read as partners_with"))
        #expect(warnings.contains("g.dot: graph attributes left out: \"bgcolor\", \"rankdir\""))
        #expect(warnings.contains { $0.contains("2 HTML-like labels kept as HTML") })
    }

    @Test func htmlTextDecodesEntitiesAndBreaks() {
        #expect(DOTText.htmlText("<B>A</B>&amp;B<BR/>C &#233;&#xE9; &lt;x&gt;") == "A&B\nC éé <x>")
        #expect(DOTText.htmlText("<TABLE><TR><TD>1</TD><TD>2</TD></TR><TR><TD>3</TD></TR></TABLE>") == "1\n2\n3")
        #expect(DOTText.htmlText("AT&T &unknown") == "AT&T &unknown")
    }

    /// The exported DOT holds exactly the network's nodes and edges, by Graphviz's own count; the
    /// legend is part of the graph label.
    @Test(arguments: [true, false])
    func exportedDOTHoldsExactlyTheNetwork(legend: Bool) throws {
        let history = try Network.bundled()
        let dot = RenderJob(options: DOTOptions(legend: legend)).dot(history)
        let graph = try Graphviz.shared.parse(dot: dot)
        #expect(graph.nodes.count == history.nodes.count)
        #expect(graph.edges.count == history.edges.count)
        #expect(graph.html.contains("label") == legend)
        #expect(graph.attributes["label"]?.contains("line: relation") == legend, "the drawn legend is in the graph label")
        let (back, _) = try DOTNetworkReader.read(Array(dot.utf8), file: "h.dot", parser: GraphvizDOTParser())
        #expect(back == history, "the export still reads back as the same network")
    }

    /// `gc`, Graphviz's own counter, where it is installed.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/gc"), "needs Graphviz's gc (Debian's graphviz package)"))
    func gcCountsTheNetwork() throws {
        let history = try Network.bundled()
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("h.dot")
        try Data(RenderJob().dot(history).utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/gc")
        process.arguments = ["-n", "-e", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let numbers = out.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(numbers.prefix(2) == [history.nodes.count, history.edges.count], "gc said: \(out)")
    }
}
