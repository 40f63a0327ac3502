import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// Other tools' files in (GEXF, typed node-link JSON, GraphML conventions) and ours valid for
/// their schemas (issue 9, "Other tools' files, in and out").
@Suite("Other tools' files")
struct ForeignFilesTests {
    static var gexfFixtures: URL { Fixtures.committedFixtures.appendingPathComponent("gexf") }

    static func gexf(_ name: String) throws -> (network: Network, warnings: [String]) {
        let url = gexfFixtures.appendingPathComponent(name)
        return try GEXF.read([UInt8](try Data(contentsOf: url)), file: url.path)
    }

    static func node(_ network: Network, _ id: String) throws -> Node {
        try #require(network.nodes.first { $0.id == id }, "node \(id)")
    }

    // MARK: GEXF in

    @Test func gephiStaticGEXF12() throws {
        let (network, warnings) = try Self.gexf("gephi-static-1.2.gexf")
        #expect(network.nodes.map(\.id) == ["n1", "n2", "n3", "n4"])
        #expect(network.description == "Mediation contacts, as Gephi exports a modularity run")
        let n1 = try Self.node(network, "n1"), n2 = try Self.node(network, "n2"), n3 = try Self.node(network, "n3")
        #expect(n1.kind == .convener && n1.label == "Norwegian facilitators")
        #expect(n1.attributes["Modularity Class"] == .int(0), "columns are named by their title, typed by their type")
        #expect(n1.attributes["role"] == .string("host") && n3.attributes["role"] == .string("observer"), "a column's default applies")
        #expect(n2.kind == .participant && n2.attributes["kind"] == .string("person"), "a foreign kind is kept as an attribute")
        #expect(n1.attributes["viz_color"] == .string("#1f77b4") && n2.attributes["viz_color"] == .string("#ff7f0e80"))
        #expect(n1.attributes["viz_x"] == .double(-120.25) && n1.attributes["viz_size"] == .double(20.5) && n1.attributes["viz_z"] == nil)
        #expect(network.edges.count == 3)
        #expect(network.edges[0].weight == 2 && network.edges[0].attributes["5th Edition"] == .string("1993"))
        #expect(network.edges[0].attributes["viz_thickness"] == .double(3))
        #expect(network.edges[0].key == nil, "an edge id that is its position is not a key")
        #expect(network.edges[1].key == "e-17" && network.edges[1].attributes["label"] == .string("hosts"))
        #expect(warnings.contains("2 edges are undirected or mutual: read once each, directed from source to target"), "\(warnings)")
        #expect(warnings.contains { $0.contains("kind value is not in the vocabulary") })
        #expect(warnings.contains { $0.contains("not a declared node") && $0.contains("\"n4\"") })
        #expect(warnings.contains { $0.hasPrefix("viz data kept as attributes") })
        #expect(warnings.contains("3 edges have no relation: read as partners_with"))
    }

    @Test func gephiDynamicGEXF13() throws {
        let (network, warnings) = try Self.gexf("gephi-dynamic-1.3.gexf")
        #expect(network.title == "Back channel over time")
        let fafo = try Self.node(network, "fafo"), plo = try Self.node(network, "plo"), oslo = try Self.node(network, "oslo")
        func day(_ y: Int, _ m: Int, _ d: Int) -> PartialDate { PartialDate(year: y, month: m, day: d)! }
        #expect(fafo.years == Period(start: day(1992, 9, 1), end: nil), "a date is kept as its day; no end is an open end")
        #expect(plo.years == Period(start: day(1964, 5, 28), end: nil), "spells become one period, first start to last (open) end")
        #expect(oslo.years == .year(1993), "an integer time under timeformat=\"date\" is a year")
        #expect(fafo.attributes["meetings"] == .int(4), "the last dynamic value is kept")
        #expect(
            network.edges[0].relation == .convenes && network.edges[0].years == Period(start: day(1993, 1, 20), end: day(1993, 8, 20)),
            "the 1.3 edge kind as the relation")
        #expect(network.edges[1].relation == .participatesIn && network.edges[1].years == Period(start: day(1993, 1, 20), end: nil))
        #expect(network.edges[2].relation == .partnersWith && network.edges[2].attributes["kind"] == .string("met with"))
        #expect(!warnings.contains { $0.contains("cut") || $0.contains("left out: the date is kept") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("several spells or timestamps") })
        #expect(warnings.contains { $0.hasPrefix("2 dynamic attribute values") })
    }

    /// What ``GEXF/write(_:)`` writes reads back as the same nodes and edges (the name, title and
    /// citations are what it does not write as such, and the writer says so).
    @Test func gexfRoundTrip() throws {
        for network in [try Network.bundled(), Fixtures.small, Self.hostileNetwork()] {
            let (text, _) = GEXF.write(network)
            let (back, _) = try GEXF.read(Array(text.utf8), file: "round.gexf")
            #expect(back.nodes == network.nodes, "\(network.name)")
            #expect(back.edges == network.edges, "\(network.name)")
        }
    }

    @Test func gexfIsGuardedLikeGraphML() throws {
        let doctype = "<?xml version=\"1.0\"?><!DOCTYPE gexf [<!ENTITY x \"y\">]><gexf><graph/></gexf>"
        #expect(throws: FormatError.self) { try GEXF.read(Array(doctype.utf8), file: "d.gexf") }
        #expect { try GEXF.read(Array("<graphml/>".utf8), file: "g.gexf") } throws: { error in
            "\(error)".contains("not GEXF: the root element is <graphml>")
        }
        #expect { try GEXF.read(Array("<gexf><graph><nodes><node id=\"a\"/>".utf8), file: "t.gexf") } throws: { error in
            "\(error)".contains("t.gexf")
        }
        let badType =
            "<gexf><graph><attributes class=\"node\"><attribute id=\"0\" title=\"n\" type=\"integer\"/></attributes><nodes><node id=\"a\"><attvalues><attvalue for=\"0\" value=\"x\"/></attvalues></node></nodes></graph></gexf>"
        #expect { try GEXF.read(Array(badType.utf8), file: "b.gexf") } throws: { error in
            guard case let .malformed(_, line, _, message) = error as? FormatError else { return false }
            return line == 1 && message.contains("is not")
        }
    }

    /// Every GEXF document of the GEXF Working Group committed in Tests/Fixtures/gexf-primer reads,
    /// and reads back the same after writing (GEXFPrimerTests checks each one's counts and times).
    @Test func gephiPrimerSamplesReadAndRoundTrip() throws {
        let folder = Fixtures.committedFixtures.appendingPathComponent("gexf-primer")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".gexf") }.sorted()
        #expect(files.count == 5)
        for name in files {
            let url = folder.appendingPathComponent(name)
            let (network, _) = try GEXF.read([UInt8](try Data(contentsOf: url)), file: url.path)
            #expect(!network.nodes.isEmpty && !network.edges.isEmpty, "\(name)")
            let (back, _) = try GEXF.read(Array(GEXF.write(network).text.utf8), file: name)
            #expect(back.nodes == network.nodes && back.edges == network.edges, "\(name)")
        }
    }

    // MARK: Typed node-link JSON from other tools

    static let foreignTyped = """
        {"directed": true, "multigraph": false, "graph": {"name": "nx", "created": "2019"},
         "nodes": [{"id": "a", "kind": "person", "age": 40}, {"id": "b", "kind": "convener", "start": "1995"},
                   {"id": "c", "kind": "Participant", "start": 1990.0, "tags": ["x", "y"]}],
         "links": [{"source": "a", "target": "b", "relation": "convenes", "year": "1995-03-01"},
                   {"source": "b", "target": "c", "relation": "meets", "year": "c. 1990"},
                   {"source": "c", "target": "a", "relation": "partners_with", "start": 1990, "weight": 2}]}
        """

    @Test func typedNodeLinkWithLinksAndForeignFields() throws {
        let (network, warnings) = try Network.read(json: Array(Self.foreignTyped.utf8), file: "nx.json")
        #expect(network.nodes.map(\.id) == ["a", "b", "c"] && network.edges.count == 3, "links are the edges")
        let a = try Self.node(network, "a"), b = try Self.node(network, "b"), c = try Self.node(network, "c")
        #expect(a.kind == .participant && a.attributes["kind"] == .string("person") && a.attributes["age"] == .int(40))
        #expect(b.kind == .convener && b.years.start == 1995, "a year written as a string")
        #expect(c.kind == .participant && c.years.start == 1990 && c.attributes["tags"] == .string("[\"x\",\"y\"]"))
        #expect(network.edges[0].years == .on(PartialDate(year: 1995, month: 3, day: 1)!), "an ISO date is kept as its day")
        #expect(network.edges[1].relation == .partnersWith && network.edges[1].attributes["relation"] == .string("meets"))
        #expect(network.edges[1].years.isEmpty && network.edges[1].attributes["year"] == .string("c. 1990"))
        #expect(network.edges[2].weight == 2)
        let all = warnings.joined(separator: "\n")
        #expect(!all.contains("cut"), "no date is cut: \(all)")
        for expected in [
            "\"links\" as the edges", "graph attributes left out: \"created\"",
            "\"kind\" values not in the vocabulary kept as the attribute \"kind\" (1 value)",
            "fields Backchannel does not define kept as attributes: \"age\"",
            "\"year\" values that are not a year, year-month or ISO date kept as the attribute \"year\" (1 value, at $.links[1].year)",
            "\"relation\" values not in the vocabulary",
        ] {
            #expect(all.contains(expected), "missing warning: \(expected)\n\(all)")
        }
    }

    @Test func strictReadingRefusesForeignFields() throws {
        #expect { try Network.read(json: Array(Self.foreignTyped.utf8), file: "nx.json", lenient: false) } throws: { error in
            guard case let .invalid(problems) = error as? ModelError else { return false }
            return problems.contains { $0.message.contains("unknown field \"links\"") || $0.message.contains("unknown kind \"person\"") }
        }
        // A canonical file reads the same either way, with no warnings.
        let canonical = Array(Fixtures.small.jsonText().utf8)
        let lenient = try Network.read(json: canonical, file: "s.json")
        #expect(lenient.network == Fixtures.small && lenient.warnings.isEmpty)
        #expect(try Network.read(json: canonical, file: "s.json", lenient: false).network == Fixtures.small)
    }

    @Test func d3ValueIsTheWeight() throws {
        let d3 =
            #"{"nodes": [{"id": "Myriel", "group": 1}, {"id": "Napoleon", "group": 1}], "links": [{"source": "Napoleon", "target": "Myriel", "value": 3}]}"#
        let (network, warnings) = try Network.read(json: Array(d3.utf8), file: "miserables.json")
        #expect(network.edges[0].weight == 3 && network.edges[0].attributes["value"] == nil)
        #expect(warnings.contains { $0.contains("d3's numeric \"value\": read as the weight") })
    }

    // MARK: GraphML conventions of other writers

    @Test func igraphVIDHoldsTheOriginalID() throws {
        let igraph = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="v_id" for="node" attr.name="id" attr.type="string"/>
              <key id="v_name" for="node" attr.name="name" attr.type="string"/>
              <graph id="G" edgedefault="directed">
                <node id="n0"><data key="v_id">Sinn Féin</data><data key="v_name">SF</data></node>
                <node id="n1"><data key="v_id">UK government</data></node>
                <edge source="n0" target="n1"/>
              </graph>
            </graphml>
            """
        let (network, _) = try GraphML.read(Array(igraph.utf8), file: "igraph.graphml")
        #expect(network.nodes.map(\.id) == ["Sinn Féin", "UK government"])
        #expect(network.edges.first.map { [$0.source, $0.target] } == ["Sinn Féin", "UK government"])
        #expect(network.nodes[0].attributes["name"] == .string("SF"))
    }

    @Test func yFilesForHTMLLabels() throws {
        let yfiles = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/yfiles-common/4.0" xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/3.0">
              <key id="d0" for="node" attr.name="NodeLabels" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/NodeLabels"/>
              <graph id="G" edgedefault="directed">
                <node id="n0"><data key="d0"><x:List><y:Label><y:Label.Text>Carter Center</y:Label.Text></y:Label></x:List></data></node>
                <node id="n1"/>
                <edge source="n0" target="n1"/>
              </graph>
            </graphml>
            """
        let (network, _) = try GraphML.read(Array(yfiles.utf8), file: "yfiles.graphml")
        #expect(network.nodes[0].label == "Carter Center")
    }

    // MARK: Schemas

    static func hostileNetwork() -> Network {
        let names =
            [
                "5th Edition", "Modularity Class", "États généraux", "日本語 名前", "a<b>&\"c'", "🕊️ peace", "tab\there", "", "attr.kind", "kind",
                "id", "0start", "-x",
            ]
            + HostileStrings.generated(count: 40, seed: 9, maximumLength: 10).map { $0.replacingOccurrences(of: "\u{0}", with: "") }
        var network = Network(name: "hostile names", title: "Hostile names")
        var seen = Set<ExactID>()
        for (i, name) in names.enumerated() {
            // Text the model allows in ids and attribute names (no control characters but tab in values).
            let id = String(String.UnicodeScalarView(name.unicodeScalars.filter { $0.value >= 0x20 }))
            guard !id.isEmpty, seen.insert(ExactID(id)).inserted else { continue }
            var attributes: [String: AttributeValue] = ["Modularity Class": .int(i % 3), "label \(i % 2)": .string(name)]
            attributes[name] = .int(i)
            network.nodes.append(Node(id: id, label: "node \(i)", kind: .participant, attributes: attributes))
        }
        for (a, b) in zip(network.nodes, network.nodes.dropFirst()) {
            var attributes: [String: AttributeValue] = ["5th Edition": .bool(true)]
            attributes["w " + a.id] = .double(1.5)
            network.edges.append(Edge(a.id, .partnersWith, b.id, attributes: attributes))
        }
        return network
    }

    static let needsSchemas: Comment =
        "needs xmllint (Debian's libxml2-utils) and ../shared/data/schemas/ (the GraphML 1.0 and GEXF 1.3 XSDs, not committed: the GraphML schema's licence is not stated)"

    @Test(.enabled(if: SchemaCheck.available, needsSchemas))
    func graphMLValidatesForHostileNames() throws {
        for network in [Self.hostileNetwork(), try Network.bundled(), Fixtures.small] {
            let (text, _) = GraphML.write(network)
            #expect(try SchemaCheck.validate(text, schema: "graphml-1.0/graphml.xsd") == nil, "\(network.name)")
        }
    }

    @Test(.enabled(if: SchemaCheck.available, needsSchemas))
    func gexfValidatesForHostileNames() throws {
        for network in [Self.hostileNetwork(), try Network.bundled(), Fixtures.small] {
            let (text, _) = GEXF.write(network)
            #expect(try SchemaCheck.validate(text, schema: "gexf-1.3/gexf.xsd") == nil, "\(network.name)")
        }
    }

    /// Ids and names that are not NMTOKENs are written as NMTOKENs and still read back exactly.
    @Test func graphMLHostileNamesRoundTrip() throws {
        let network = Self.hostileNetwork()
        let (text, _) = GraphML.write(network)
        #expect(text.contains("attr.name=\"Modularity_Class\"") && text.contains("<desc>Modularity Class</desc>"))
        #expect(text.contains("<node id=\"n0\">"), "ids that are not NMTOKENs are written as n0, n1, …")
        let (back, _) = try GraphML.read(Array(text.utf8), file: "hostile.graphml")
        #expect(back.nodes == network.nodes)
        #expect(back.edges == network.edges)
        // A network whose ids are all NMTOKENs keeps them as GraphML ids.
        #expect(GraphML.write(Fixtures.small).text.contains("<node id=\"ngo\">"))
    }
}
