import BackchannelAnalysis
import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

private func read(_ text: String, file: String = "g.graphml") throws -> (network: Network, warnings: [String]) {
    try GraphML.read(Array(text.utf8), file: file)
}

private func failure(_ bytes: [UInt8], file: String = "g.graphml") -> FormatError? {
    do {
        _ = try GraphML.read(bytes, file: file)
        return nil
    } catch {
        return error
    }
}

private func failure(_ text: String) -> FormatError? { failure(Array(text.utf8)) }

/// A GraphML document around `body`, with kind and relation keys declared.
private func document(_ body: String, graph: String = #"<graph id="G" edgedefault="directed">"#) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
      <key id="k" for="node" attr.name="kind" attr.type="string"/>
      <key id="r" for="edge" attr.name="relation" attr.type="string"/>
      <key id="n" for="node" attr.name="count" attr.type="int"/>
      \(graph)
    \(body)
      </graph>
    </graphml>
    """
}

/// What NetworkX 3.6 writes for a small MultiDiGraph (`nx.write_graphml`).
private let networkXMultiDiGraph = """
    <?xml version='1.0' encoding='utf-8'?>
    <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
      <key id="d7" for="edge" attr.name="note" attr.type="string" />
      <key id="d6" for="edge" attr.name="relation" attr.type="string" />
      <key id="d5" for="edge" attr.name="weight" attr.type="double" />
      <key id="d4" for="node" attr.name="ok" attr.type="boolean" />
      <key id="d3" for="node" attr.name="ratio" attr.type="double" />
      <key id="d2" for="node" attr.name="size" attr.type="long" />
      <key id="d1" for="node" attr.name="label" attr.type="string" />
      <key id="d0" for="graph" attr.name="name" attr.type="string" />
      <graph edgedefault="directed">
        <node id="a">
          <data key="d1">Alpha</data>
          <data key="d2">3</data>
          <data key="d3">0.5</data>
          <data key="d4">True</data>
        </node>
        <node id="b">
          <data key="d1">Beta &amp; &lt;co&gt;</data>
        </node>
        <node id="3" />
        <edge source="a" target="b" id="0">
          <data key="d5">2.5</data>
          <data key="d6">urges</data>
        </edge>
        <edge source="a" target="b" id="1">
          <data key="d5">1.0</data>
        </edge>
        <edge source="b" target="3" id="0">
          <data key="d7">x</data>
        </edge>
        <data key="d0">nx-sample</data>
      </graph>
    </graphml>
    """

/// What NetworkX writes for an undirected `nx.Graph`.
private let networkXGraph = """
    <?xml version='1.0' encoding='utf-8'?>
    <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
      <key id="d0" for="edge" attr.name="weight" attr.type="long" />
      <graph edgedefault="undirected">
        <node id="x" />
        <node id="y" />
        <node id="z" />
        <edge source="x" target="y">
          <data key="d0">3</data>
        </edge>
        <edge source="y" target="z" />
      </graph>
    </graphml>
    """

/// The shape of a yEd document: graphics keys, labels only inside `y:NodeLabel`.
private let yEdDocument = """
    <?xml version="1.0" encoding="UTF-8" standalone="no"?>
    <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml" xmlns:yed="http://www.yworks.com/xml/yed/3">
      <key for="node" id="d6" yfiles.type="nodegraphics"/>
      <key for="edge" id="d10" yfiles.type="edgegraphics"/>
      <key attr.name="description" attr.type="string" for="node" id="d5"/>
      <graph edgedefault="directed" id="G">
        <node id="n0">
          <data key="d5"><![CDATA[Track II <convener>]]></data>
          <data key="d6">
            <y:ShapeNode>
              <y:Geometry height="30.0" width="30.0" x="0.0" y="0.0"/>
              <y:NodeLabel alignment="center" autoSizePolicy="content">Saunders</y:NodeLabel>
              <y:Shape type="rectangle"/>
            </y:ShapeNode>
          </data>
        </node>
        <node id="n1"/>
        <edge id="e0" source="n0" target="n1">
          <data key="d10"><y:PolyLineEdge><y:Arrows source="none" target="standard"/></y:PolyLineEdge></data>
        </edge>
      </graph>
    </graphml>
    """

@Suite("GraphML")
struct GraphMLTests {
    // MARK: Round trips

    @Test func smallFixtureRoundTripsExactly() throws {
        let written = GraphML.write(Fixtures.small)
        #expect(written.warnings.isEmpty)
        let back = try read(written.text)
        #expect(back.network == Fixtures.small)
        #expect(back.warnings.isEmpty, "\(back.warnings)")
        #expect(GraphML.write(back.network).text == written.text, "the same network gives the same bytes")
    }

    @Test func bundledHistoryRoundTripsExactly() throws {
        let network = try Network.bundled()
        let written = GraphML.write(network)
        #expect(written.warnings.isEmpty)
        let back = try read(written.text)
        #expect(back.network == network)
        #expect(back.warnings.isEmpty)
    }

    @Test(arguments: [1, 2, 3, 7, 42] as [UInt64])
    func hostileNetworksRoundTripExactly(seed: UInt64) throws {
        let network = TestNetworks.hostile(seed: seed)
        #expect(network.validationProblems().isEmpty)
        let written = GraphML.write(network)
        #expect(written.warnings.isEmpty, "\(written.warnings.prefix(3))")
        let back = try read(written.text)
        #expect(back.network == network)
        if back.network != network {
            for (a, b) in zip(back.network.nodes, network.nodes) where a != b { Issue.record("node \(a) != \(b)"); break }
            for (a, b) in zip(back.network.edges, network.edges) where a != b { Issue.record("edge \(a) != \(b)"); break }
        }
    }

    @Test func megabyteLabelsRoundTrip() throws {
        let network = TestNetworks.huge()
        let text = GraphML.write(network).text
        expectLinearSize(text.utf8.count, of: network, "GraphML")
        let back = try read(text)
        #expect(back.network == network)
    }

    // MARK: The written format

    @Test func keysAreTypedAndAttributesNamedLikeFieldsArePrefixed() {
        var network = Fixtures.small
        network.nodes[0].attributes = ["kind": .string("ngo"), "attr.x": .int(1), "big": .int(5_000_000_000), "ok": .bool(false)]
        let text = GraphML.write(network).text
        #expect(text.contains(#"<key id="d0" for="graph" attr.name="name" attr.type="string"/>"#))
        #expect(text.contains(#"attr.name="start" attr.type="int"/>"#))
        #expect(text.contains(#"for="node" attr.name="attr.attr.x" attr.type="int"/>"#))
        #expect(text.contains(#"for="node" attr.name="big" attr.type="long"/>"#))
        #expect(text.contains(#"for="node" attr.name="attr.kind" attr.type="string"/>"#))
        #expect(text.contains(#"for="node" attr.name="ok" attr.type="boolean"/>"#))
        #expect(text.contains(#"for="edge" attr.name="weight" attr.type="double"/>"#))
        #expect(text.contains(#"for="edge" attr.name="share" attr.type="double"/>"#))
        #expect(text.contains("<data key=\"d10\">FTO list|State|1997||s1</data>"), "designations: list|by|since|until|sources")
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""))
    }

    @Test func charactersXMLCannotHoldAreReplacedWithAWarning() throws {
        let network = Network(nodes: [Node(id: "a", kind: .convener, attributes: ["x": .string("bell\u{7}")])])
        let written = GraphML.write(network)
        #expect(written.warnings == ["node \"a\" attribute \"x\": characters XML cannot hold, written as U+FFFD"])
        #expect(try read(written.text).network.nodes[0].attributes["x"] == .string("bell\u{FFFD}"))
    }

    @Test func emptyURLsAndDesignationAuthoritiesAreWarnings() {
        let network = Network(
            sources: [Source(id: "s", citation: "S", url: "")],
            nodes: [Node(id: "a", kind: .participant, designations: [Designation(list: "L", by: "")])])
        let warnings = GraphML.write(network).warnings
        #expect(warnings.count == 2)
    }

    // MARK: Other tools' GraphML

    @Test func readsNetworkXMultiDiGraph() throws {
        let (n, warnings) = try read(networkXMultiDiGraph)
        #expect(n.name == "nx-sample")
        #expect(n.nodes.map(\.id) == ["a", "b", "3"])
        #expect(n.nodes.map(\.label) == ["Alpha", "Beta & <co>", "3"])
        #expect(n.nodes.allSatisfy { $0.kind == .participant })
        #expect(n.nodes[0].attributes == ["size": .int(3), "ratio": .double(0.5), "ok": .bool(true)])
        #expect(n.edges.map(\.key) == ["0", "1", "0"], "NetworkX's edge ids are its multigraph keys")
        #expect(n.edges.map(\.relation) == [.urges, .partnersWith, .partnersWith])
        #expect(n.edges.map(\.weight) == [2.5, 1, 1])
        #expect(n.edges[2].attributes == ["note": .string("x")])
        #expect(warnings == ["3 nodes have no kind: read as participant", "2 edges have no relation: read as partners_with"])
    }

    @Test func undirectedGraphsAreReadOnceDirectedWithAWarning() throws {
        let (n, warnings) = try read(networkXGraph, file: "/tmp/friends.graphml")
        #expect(n.name == "friends")
        #expect(n.edges.map { "\($0.source)>\($0.target)" } == ["x>y", "y>z"])
        #expect(n.edges[0].weight == 3)
        #expect(warnings.first == "the graph is undirected: 2 edges were read once each, directed from source to target")
    }

    @Test func readsYEdLabelsAndSkipsGraphics() throws {
        let (n, warnings) = try read(yEdDocument)
        #expect(n.nodes.map(\.label) == ["Saunders", "n1"])
        #expect(n.nodes[0].description == "Track II <convener>")
        #expect(n.edges.first?.key == "e0")
        #expect(warnings.contains("yEd graphics data (shapes, geometry, colours) left out"))
    }

    @Test func defaultsUndeclaredKeysHyperedgesPortsAndNestedGraphs() throws {
        let text = document(
            """
                <node id="a"><data key="k">convener</data><data key="mystery">?</data><port name="p"/></node>
                <node id="b"><graph id="inner" edgedefault="directed"><node id="b::c"><data key="k">dialogue</data></node></graph></node>
                <edge source="a" target="b::c"><data key="r">convenes</data></edge>
                <edge source="a" target="ghost"><data key="r">urges</data></edge>
                <hyperedge><endpoint node="a"/><endpoint node="b"/><endpoint node="b::c"/></hyperedge>
            """
        ).replacingOccurrences(
            of: #"<key id="n" for="node" attr.name="count" attr.type="int"/>"#,
            with: #"<key id="n" for="node" attr.name="count" attr.type="int"><default>7</default></key>"#)
        let (n, warnings) = try read(text)
        #expect(n.nodes.map(\.id) == ["a", "b", "b::c", "ghost"])
        #expect(n.nodes.map { $0.attributes["count"] } == [.int(7), .int(7), .int(7), nil])
        #expect(n.nodes[0].attributes["mystery"] == .string("?"))
        #expect(n.nodes[2].kind == .dialogue)
        #expect(warnings.contains { $0.contains("not a declared node; made as participants: \"ghost\"") })
        #expect(warnings.contains { $0.contains("undeclared keys") && $0.contains("mystery") })
        #expect(warnings.contains("1 nested graph was flattened into the top-level graph"))
        #expect(warnings.contains("1 hyperedge left out: a network has only edges between two nodes"))
        #expect(warnings.contains("1 port left out"))
    }

    @Test func dataOutsideTheGraphIsAWarning() throws {
        let (n, warnings) = try read(
            """
            <graphml><key id="v" for="graphml" attr.name="version"/><key id="c" for="graph" attr.name="colour"/>
            <data key="v">2</data><graph><data key="c">red</data><node id="a"/></graph></graphml>
            """)
        #expect(n.nodes.count == 1)
        #expect(warnings.contains("data outside the top-level graph, its nodes and edges left out: \"version\""))
        #expect(warnings.contains("graph data with no place in a network left out: \"colour\""))
    }

    // MARK: Hostile and malformed input

    @Test func billionLaughsIsRefusedBeforeParsing() {
        var lol = "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\n  <!ENTITY lol \"lol\">\n"
        for i in 1...9 { lol += "  <!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">\n" }
        lol += "]>\n<graphml><graph><node id=\"&lol9;\"/></graph></graphml>\n"
        let error = failure(lol)
        #expect(
            error?.description.hasPrefix("g.graphml:2:1: refused: the document has a DOCTYPE with an internal subset") == true,
            "\(String(describing: error))")
    }

    @Test func externalEntitiesAreRefusedAndExternalDTDsNeverLoaded() throws {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <graphml><graph><node id="&xxe;"/></graph></graphml>
            """
        #expect(failure(xxe)?.description.contains("refused") == true)
        #expect(failure("<graphml><!ENTITY x \"y\"></graphml>")?.description.contains("refused: the document declares an entity") == true)

        // A DOCTYPE naming an external DTD is allowed, but the DTD is never read: its entity stays undefined.
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dtd = directory.appendingPathComponent("evil.dtd")
        try "<!ENTITY leak \"LEAKED\">".write(to: dtd, atomically: true, encoding: .utf8)
        let external = """
            <?xml version="1.0"?>
            <!DOCTYPE graphml SYSTEM "\(dtd.absoluteString)">
            <graphml><key id="k" for="node" attr.name="label"/><graph><node id="a"><data key="k">&leak;</data></node></graph></graphml>
            """
        let outcome = Result { try read(external) }
        switch outcome {
        case let .success(result): #expect(!result.network.nodes.contains { $0.label.contains("LEAKED") })
        case let .failure(error): #expect(error is FormatError)
        }
    }

    @Test(
        arguments: [
            ("<graphml><graph><node id=\"a\"></graph></graphml>", 1, "not well-formed XML"),
            ("<graphml><graph><node id=\"a\"/>", 1, "is the file truncated?"),
            ("<graphml><graph></grap></graphml>", 1, "an end tag that does not match its start tag"),
            ("<graphml><graph>&undefined;</graph></graphml>", 1, "not well-formed XML"),
            ("<gexf><graph/></gexf>", 1, "not GraphML: the root element is <gexf>"),
            ("", 1, "not GraphML: the document has no elements"),
            ("<graphml><graph", 1, "'>' was expected"),
            ("<graphml><graph>\n<node id=\"a\"/>\n", 2, "the document ends before all its elements are closed (is the file truncated?)"),
            ("<graphml/><graphml/>", 1, "content after the end of the root element"),
            ("<graphml><graph><node id=\"a\"><?pi?></node></graph></graphml>", 1, "processing instruction without data (\"<?pi?>\")"),
            ("<graphml><graph><node id=\"a\" id=\"b\"/></graph></graphml>", 1, "an attribute given twice"),
            ("<graphml><graph><node/></graph></graphml>", 1, "<node> without an id"),
            ("<graphml><graph><edge source=\"a\"/></graph></graphml>", 1, "<edge> needs both source and target"),
            ("<graphml><key id=\"k\" attr.type=\"integer\"/></graphml>", 1, "unknown attr.type \"integer\""),
            ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><graphml/>", 1, "must be UTF-8"),
        ] as [(String, Int, String)])
    func malformedXMLIsAnError(text: String, line: Int, message: String) {
        let error = failure(text)
        guard case let .malformed(file, l, _, m)? = error else {
            Issue.record("expected malformed, got \(String(describing: error))")
            return
        }
        #expect(file == "g.graphml")
        #expect(l == line)
        #expect(m.contains(message), "\(m)")
    }

    @Test func contentErrorsNameLineColumnAndAllowedValues() {
        let unknownKind = failure(
            document(
                """
                    <node id="a"><data key="k">convener</data></node>
                    <node id="b"><data key="k">convenor</data></node>
                """))
        guard case let .malformed(_, line, column, message)? = unknownKind else {
            Issue.record("expected malformed, got \(String(describing: unknownKind))")
            return
        }
        #expect(line == 8)
        #expect(column > 1)
        #expect(
            message.contains(
                "unknown kind \"convenor\" (did you mean 'convener'?); expected one of: convener, participant, conflict, legal, dialogue, official, agreement, event"
            ), "\(message)")

        let badInt = failure(document(#"<node id="a"><data key="n">many</data></node>"#))
        #expect(badInt?.description.contains("\"many\" is not an integer") == true)

        let duplicate = failure(
            document(
                """
                    <node id="a"/>
                    <node id="a"/>
                """))
        #expect(
            duplicate?.description.hasPrefix("g.graphml:8:") == true && duplicate?.description.contains("duplicate node id \"a\"") == true,
            "\(String(describing: duplicate))")

        let provides = failure(
            document(
                """
                    <node id="a"/><node id="b"/>
                    <edge source="a" target="b"><data key="r">provides</data></edge>
                """))
        #expect(provides?.description.contains("a 'provides' edge needs \"support\"") == true)
        #expect(
            failure(document(#"<node id="a"><data key="k">legal</data><data key="k">official</data></node>"#))?.description.contains(
                "two values for key") == true)
    }

    @Test func deepNestingInvalidUTF8AndNULAreErrors() {
        let deep =
            "<graphml><graph><node id=\"a\"><data key=\"d\">" + String(repeating: "<x>", count: 100_000)
            + String(repeating: "</x>", count: 100_000) + "</data></node></graph></graphml>"
        let error = failure(deep)
        #expect(error?.description.contains("nested deeper than 256") == true, "\(String(describing: error))")

        var bytes = Array("<graphml>\n<graph>".utf8)
        bytes += [0xE2, 0x82]
        bytes += Array("</graph></graphml>".utf8)
        #expect(
            failure(bytes)
                == .malformed(
                    file: "g.graphml", line: 2, column: 8, message: "invalid UTF-8 sequence starting with byte 0xE2; save the file as UTF-8"
                ))
        #expect(failure(Array("<graphml>\u{0}</graphml>".utf8))?.description.contains("NUL byte") == true)
        #expect(
            failure([0xFF, 0xFE] + Array("<graphml/>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })) != nil, "UTF-16 is refused")
    }

    @Test func truncatedDocumentsAreErrors() {
        let text = Array(GraphML.write(Fixtures.small).text.utf8)
        for cut in stride(from: 10, to: text.count - 1, by: 97) {
            #expect(failure(Array(text[..<cut])) != nil, "cut at \(cut)")
        }
    }

    @Test func mutatedDocumentsReadOrThrow() {
        let original = Array(GraphML.write(TestNetworks.hostile(seed: 5, nodes: 10, edges: 16)).text.utf8)
        let snippets = [
            "<", ">", "/>", "</node>", "<node id=\"x\">", "<data key=\"d5\">", "&amp;", "&lol;", "<!DOCTYPE g [<!ENTITY a \"b\">]>",
            "<![CDATA[", "]]>", "\"", "'", "convenor", "provides", "-1", "<graph>", "<hyperedge>", "\u{0}", "\u{FF}", "<?xml?>",
        ]
        var read = 0, rejected = 0
        for mutant in Mutator.mutants(of: original, count: 300, seed: 77, extra: snippets) {
            let error = failure(mutant)
            if let error {
                #expect(!error.description.isEmpty)
                rejected += 1
            } else {
                read += 1
            }
        }
        #expect(read + rejected == 300)
        #expect(rejected > 0)
    }
}
