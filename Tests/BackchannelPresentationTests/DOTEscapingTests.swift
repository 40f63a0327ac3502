import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation
import BackchannelRender
import BackchannelTestSupport
import Foundation
import Testing

/// A network with one node per string, labelled (and identified) by it, chained by edges.
private func network(labels: [String]) -> Network {
    var network = Network(name: labels.first ?? "empty")
    for (i, label) in labels.enumerated() {
        network.nodes.append(
            Node(id: "\(i)\u{1F}" + label, label: label, kind: NodeKind.allCases[i % NodeKind.allCases.count], description: label))
        if i > 0 {
            network.edges.append(
                Edge(
                    network.nodes[i - 1].id, Relation.allCases[i % Relation.allCases.count], network.nodes[i].id,
                    support: i % Relation.allCases.count == Relation.allCases.firstIndex(of: .provides) ? .training : nil,
                    years: .year(1990)))
        }
    }
    return network
}

@Suite("DOT quoting: every label survives Graphviz's parser and drawing")
struct DOTEscapingTests {
    static let hostile = HostileStrings.fixed + HostileStrings.generated(count: 300, seed: 2026)

    @Test func everyIdAndLabelSurvivesAgmemread() throws {
        let labels = Self.hostile
        let net = network(labels: labels)
        let dot = RenderJob().dot(net)
        let parsed = try Graphviz.shared.parse(dot: dot)
        #expect(parsed.directed && !parsed.strict)
        #expect(DOTText.unescapeLabel(parsed.name) == net.name)
        let byName = Dictionary(uniqueKeysWithValues: parsed.nodes.map { ($0.name, $0) })
        for (i, node) in net.nodes.enumerated() {
            let parsedNode = try #require(byName["n\(i)"], "node n\(i) for \(JSONWriter.quoted(node.label))")
            #expect(
                DOTText.unescapeLabel(parsedNode.attributes["label"] ?? "<none>") == node.label, "label \(JSONWriter.quoted(node.label))")
            #expect(DOTText.unescapeLabel(parsedNode.attributes["bc_id"] ?? "<none>") == node.id)
        }
        #expect(parsed.edges.count == net.edges.count)
        #expect(byName.count == net.nodes.count, "the nodes, nothing else (the legend is the graph label)")
    }

    @Test func everyDrawnLabelIsExactlyTheText() throws {
        let drawable = (HostileStrings.fixed + HostileStrings.generated(count: 150, seed: 11, drawable: true))
            .filter { !$0.contains("\t") && !$0.contains("  ") }
        let net = network(labels: drawable)
        let dot = RenderJob(options: DOTOptions(clusterBy: .none, legend: false)).dot(net)
        let svg = try Graphviz.shared.render(dot: dot, engine: .dot, format: .svg).bytes
        let drawn = try #require(SVGTextCollector.collect(svg), "Graphviz's SVG is well-formed XML")
        for (i, label) in drawable.enumerated() {
            // Graphviz draws one <text> per line and none for an empty line.
            let lines = label.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var expected = lines
            while expected.last == "" { expected.removeLast() }
            expected = expected.filter { !$0.isEmpty }
            #expect((drawn["n\(i)"] ?? []) == expected, "label \(JSONWriter.quoted(label)) was drawn as \(drawn["n\(i)"] ?? [])")
        }
    }

    @Test func quotingNeutralisesKeywordsNumeralsAndEscapes() {
        #expect(DOTText.escString("node") == "\"node\"")
        #expect(DOTText.escString("") == "\"\"")
        #expect(DOTText.escString("12abc") == "\"12abc\"")
        #expect(DOTText.escString("a\\N\"b\"") == "\"a\\\\N\\\"b\\\"\"")
        #expect(DOTText.escString("x\ny") == "\"x\\ny\"")
        #expect(DOTText.escString("AT&T &amp;") == "\"AT&amp;T &amp;amp;\"")
        #expect(DOTText.escString("ends\\") == "\"ends\\\\\"")
        #expect(DOTText.html("<b>&\"\nx") == "&lt;b&gt;&amp;&quot;<BR/>x")
        for s in Self.hostile {
            #expect(
                DOTText.unescapeLabel(String(DOTText.escString(s).dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")) == s
            )
        }
    }
}
