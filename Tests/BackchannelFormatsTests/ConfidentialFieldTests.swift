import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// `confidential` on nodes: read and written by JSON, CSV sheets, GraphML and GEXF, and absent from
/// files with no confidential node, so they stay as they were.
@Suite("The confidential mark in every format")
struct ConfidentialFieldTests {
    static let network = ConfidentialNetwork.network

    static func marks(_ network: Network) -> [String: Bool] {
        Dictionary(uniqueKeysWithValues: network.nodes.map { ($0.id, $0.confidential) })
    }

    @Test func roundTripsInEveryFormat() throws {
        let expected = Self.marks(Self.network)
        #expect(expected.values.filter { $0 }.count == 2)

        let json = Self.network.jsonText()
        #expect(json.contains("\"confidential\": true"))
        let fromJSON = try Network.read(json: Array(json.utf8), file: "c.json", lenient: false).network
        #expect(fromJSON == Self.network)

        let graphml = GraphML.write(Self.network).text
        #expect(graphml.contains("attr.name=\"confidential\" attr.type=\"boolean\""))
        #expect(Self.marks(try GraphML.read(Array(graphml.utf8), file: "c.graphml").network) == expected)

        let gexf = GEXF.write(Self.network).text
        #expect(gexf.contains("title=\"confidential\" type=\"boolean\""))
        #expect(Self.marks(try GEXF.read(Array(gexf.utf8), file: "c.gexf").network) == expected)

        let sheets = CSVSheets.write(Self.network)
        #expect(sheets.nodes.hasPrefix("id,label,kind,track,start,end,description,designations,sources,confidential"))
        let fromCSV = try CSVSheets.read(
            nodes: .init(bytes: Array(sheets.nodes.utf8), file: "c-nodes.csv"),
            edges: .init(bytes: Array(sheets.edges.utf8), file: "c-edges.csv"),
            sources: .init(bytes: Array(sheets.sources.utf8), file: "c-sources.csv"), mapping: nil
        ).network
        #expect(Self.marks(fromCSV) == expected)
    }

    @Test func writtenOnlyWhenSomeNodeIsConfidential() throws {
        var open = Self.network
        for i in open.nodes.indices { open.nodes[i].confidential = false }
        let sheets = CSVSheets.write(open)
        for text in [open.jsonText(), GraphML.write(open).text, GEXF.write(open).text, sheets.nodes] {
            #expect(!text.contains("confidential"))
        }
    }

    @Test func anAttributeNamedConfidentialStaysAnAttribute() throws {
        var network = Self.network
        network.nodes[0].attributes["confidential"] = .string("internal")
        let graphml = try GraphML.read(Array(GraphML.write(network).text.utf8), file: "c.graphml").network
        #expect(graphml.nodes[0].attributes["confidential"] == .string("internal"))
        #expect(graphml.nodes[0].confidential == false)
        let gexf = try GEXF.read(Array(GEXF.write(network).text.utf8), file: "c.gexf").network
        #expect(gexf.nodes[0].attributes["confidential"] == .string("internal"))
        #expect(gexf.nodes[0].confidential == false)
    }

    @Test func aValueThatIsNotABooleanIsAnError() {
        let json = Self.network.jsonText().replacingOccurrences(of: "\"confidential\": true", with: "\"confidential\": \"yes\"")
        #expect(throws: (any Error).self) { try Network.read(json: Array(json.utf8), file: "c.json", lenient: false) }
        let sheets = CSVSheets.write(Self.network)
        let nodes = sheets.nodes.replacingOccurrences(of: ",true", with: ",maybe")
        #expect(throws: FormatError.self) {
            try CSVSheets.read(
                nodes: .init(bytes: Array(nodes.utf8), file: "c-nodes.csv"),
                edges: .init(bytes: Array(sheets.edges.utf8), file: "c-edges.csv"),
                sources: .init(bytes: Array(sheets.sources.utf8), file: "c-sources.csv"), mapping: nil)
        }
    }
}

/// A recipe's `confidential`: a constant or a column read as a boolean; a typo counts as confidential.
@Suite("Recipes mark confidential nodes")
struct RecipeConfidentialTests {
    @Test func fromAConstantOrAColumn() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let table = dir.appendingPathComponent("people.csv")
        try "name,private,meeting\r\nAda,yes,m1\r\nBo,no,m1\r\nCy,,m1\r\nDee,perhaps,m1\r\nAda,no,m1\r\n".write(
            to: table, atomically: true, encoding: .utf8)
        let recipe = try Recipe.parse(
            """
            [source]
            id = "s"
            citation = "Fixture"

            [[node]]
            id = "{name}"
            kind = "participant"
            confidential = "{private}"

            [[node]]
            id = "{meeting}"
            kind = "dialogue"
            confidential = true

            [[edge]]
            source = "{name}"
            target = "{meeting}"
            relation = "participates_in"
            """, file: "r.toml")
        let read = try RecipeReader.read(main: table, recipe: recipe)
        let marks = Dictionary(uniqueKeysWithValues: read.network.nodes.map { ($0.id, $0.confidential) })
        #expect(marks == ["Ada": true, "Bo": false, "Cy": false, "Dee": true, "m1": true])
        #expect(read.warnings.contains { $0.contains("confidential values that are not true or false; read as confidential") })
    }

    /// Review finding 1: an attribute named `confidential` in any case (plain NetworkX JSON, a typed
    /// JSON attribute, a GraphML key `Confidential`) is read as the mark; a value that is not true
    /// or false is a located error.
    @Test func confidentialAttributeInAnyFormIsTheMark() throws {
        let plain =
            #"{"directed": true, "multigraph": false, "graph": {}, "nodes": [{"id": "zm", "label": "Zoë", "confidential": true}, {"id": "x"}], "links": [{"source": "zm", "target": "x"}]}"#
        let typed =
            #"{"name": "t", "nodes": [{"id": "zm", "label": "Zoë", "kind": "participant", "attributes": {"Confidential": "TRUE"}}, {"id": "x", "label": "X", "kind": "convener"}], "edges": []}"#
        let graphml =
            #"<?xml version="1.0" encoding="UTF-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="k2" for="node" attr.name="Confidential" attr.type="boolean"/><graph edgedefault="directed"><node id="zm"><data key="k2">true</data></node><node id="x"/></graph></graphml>"#
        let read = [
            try Network.read(json: Array(plain.utf8), file: "p.json", lenient: true).network,
            try Network.read(json: Array(typed.utf8), file: "t.json", lenient: true).network,
            try GraphML.read(Array(graphml.utf8), file: "g.graphml").network,
        ]
        for network in read {
            let promoted = try network.promotingConfidentialAttributes(file: "f")
            #expect(ConfidentialFieldTests.marks(promoted) == ["zm": true, "x": false])
            #expect(promoted.nodes.allSatisfy { $0.attributes.keys.allSatisfy { $0.lowercased() != "confidential" } })
        }
        var bad = read[1]
        bad.nodes[0].attributes = ["confidential": .string("maybe")]
        #expect(throws: FormatError.self) { try bad.promotingConfidentialAttributes(file: "t.json") }
        do {
            _ = try bad.promotingConfidentialAttributes(file: "t.json")
        } catch {
            #expect(
                error.description.contains("t.json") && error.description.contains("\"maybe\"") && error.description.contains("nodes[0]"))
        }
    }
}
