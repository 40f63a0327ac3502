import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

@Suite("Canonical node-link JSON")
struct JSONTests {
    @Test func roundTripKeepsEveryField() throws {
        let text = Fixtures.small.jsonText()
        let back = try Network(json: Array(text.utf8))
        #expect(back == Fixtures.small)
        #expect(back.jsonText() == text)
    }

    @Test func roundTripOfHostileText() throws {
        var network = Network(name: "hostile")
        for (i, s) in (HostileStrings.fixed + HostileStrings.generated(count: 200, seed: 7)).enumerated() {
            network.nodes.append(
                Node(
                    id: "id-\(i)-" + s.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "\t", with: ""), label: s,
                    kind: .participant, description: s))
        }
        let back = try Network(json: Array(network.jsonText().utf8))
        #expect(back == network)
    }

    @Test func parserHandlesEscapesSurrogatesAndBOM() throws {
        let text = "\u{FEFF}{\"s\": \"\\u00e9\\ud83d\\udd4a\\n\\\"\\\\\\/\", \"i\": -12, \"d\": 2.5e1, \"b\": false, \"n\": null}"
        let root = try JSONParser.parse(text)
        #expect(root["s"]?.value == .string("é🕊\n\"\\/"))
        #expect(root["i"]?.value == .int(-12))
        #expect(root["d"]?.value == .double(25))
        #expect(root["b"]?.value == .bool(false))
        #expect(root["n"]?.value == .null)
    }

    @Test(arguments: [
        ("{\"a\": 1, \"a\": 2}", "duplicate member name"),
        ("[1, 2", "end of input"),
        ("\"\\ud800\"", "lone high surrogate"),
        ("01", "leading zeros"),
        ("[1e999]", "out of range"),
        ("{\"a\": tru}", "expected a value"),
        ("\"a\tb\"", "control character"),
        ("[] []", "after the end"),
    ])
    func parserRejects(text: String, message: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func parserRejectsInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22, 0xFF, 0xFE, 0x22]) }
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(deep) }
    }

    @Test func networkXIntegerIdsBecomeText() throws {
        let text =
            #"{"directed": true, "multigraph": false, "graph": {}, "nodes": [{"id": 0, "kind": "participant"}, {"id": 1, "kind": "participant"}], "edges": [{"source": 0, "target": 1, "relation": "partners_with", "key": 0}]}"#
        let network = try Network(json: Array(text.utf8))
        #expect(network.nodes.map(\.id) == ["0", "1"])
        #expect(network.edges[0].source == "0" && network.edges[0].key == "0")
    }
}

@Suite("Documentation")
struct DocumentationTests {
    /// The example in Datasets/README.md is a valid network, so the documentation cannot drift from the code.
    @Test func datasetsReadmeExampleIsValid() throws {
        let readme = try String(contentsOf: Fixtures.datasetsDirectory.appendingPathComponent("README.md"), encoding: .utf8)
        let block = try #require(readme.components(separatedBy: "```json\n").dropFirst().first?.components(separatedBy: "```").first)
        let network = try Network(json: Array(block.utf8), file: "Datasets/README.md")
        #expect(network.nodes.count == 3 && network.edges.count == 2)
        #expect(network.edges[1].support == .training && network.edges[1].weight == 2)
    }
}
