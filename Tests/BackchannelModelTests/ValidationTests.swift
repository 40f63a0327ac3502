import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Testing

/// A valid document with one node and edge per line, so tests can point at lines.
private func document(nodes: [String], edges: [String], sources: String = #"[{"id": "s", "citation": "Source S"}]"#) -> String {
    """
    {"directed": true, "multigraph": true,
    "graph": {"name": "t", "sources": \(sources)},
    "nodes": [
    \(nodes.joined(separator: ",\n"))
    ],
    "edges": [
    \(edges.joined(separator: ",\n"))
    ]}
    """
}

private let a = #"{"id": "a", "label": "A", "kind": "convener", "sources": ["s"]}"#
private let b = #"{"id": "b", "label": "B", "kind": "dialogue", "track": "II"}"#

private func problems(_ text: String) -> [Diagnostic] {
    do {
        _ = try Network(json: Array(text.utf8), file: "net.json")
        return []
    } catch {
        return error.diagnostics
    }
}

@Suite("Validation names the file, line, JSON path and offending value")
struct ValidationTests {
    @Test func validDocumentLoads() throws {
        let network = try Network(
            json: Array(document(nodes: [a, b], edges: [#"{"source": "a", "target": "b", "relation": "convenes", "year": 1960}"#]).utf8))
        #expect(network.nodes.map(\.id) == ["a", "b"])
        #expect(network.edges.first?.years == .year(1960))
    }

    @Test func duplicateIds() {
        let found = problems(document(nodes: [a, b, a], edges: []))
        #expect(found.count == 1)
        let p = found[0]
        #expect(p.file == "net.json")
        #expect(p.line == 6)
        #expect(p.path == "$.nodes[2].id")
        #expect(p.message.contains("duplicate node id \"a\""))
        #expect(p.message.contains("$.nodes[0]"))
        #expect(p.description.hasPrefix("net.json:6:8: $.nodes[2].id: duplicate node id"))
    }

    @Test func edgeToUnknownIdSuggestsTheNearestId() {
        let found = problems(document(nodes: [a, b], edges: [#"{"source": "a", "target": "bb", "relation": "convenes"}"#]))
        #expect(found.count == 1)
        #expect(found[0].path == "$.edges[0].target")
        #expect(found[0].line == 8)
        #expect(found[0].message.contains("\"bb\""))
        #expect(found[0].message.contains("did you mean 'b'"))
    }

    @Test func unknownKindTrackAndRelation() {
        let badNode = #"{"id": "c", "kind": "convenor", "track": "2"}"#
        let badEdge = #"{"source": "a", "target": "b", "relation": "hosts"}"#
        let found = problems(document(nodes: [a, badNode], edges: [badEdge]))
        let byPath = Dictionary(uniqueKeysWithValues: found.map { ($0.path, $0) })
        #expect(byPath["$.nodes[1].kind"]?.message.contains("unknown kind \"convenor\" (did you mean 'convener'?)") == true)
        #expect(byPath["$.nodes[1].track"]?.message.contains("unknown track \"2\"") == true)
        #expect(byPath["$.edges[0].relation"]?.message.contains("unknown relation \"hosts\"") == true)
        #expect(byPath["$.edges[0].relation"]?.line == 8)
    }

    @Test func impossibleYears() {
        let node = #"{"id": "c", "kind": "conflict", "start": 1998, "end": 1968}"#
        let edge = #"{"source": "a", "target": "b", "relation": "convenes", "year": 19600}"#
        let found = problems(document(nodes: [a, b, node], edges: [edge]))
        #expect(
            found.contains { $0.path == "$.nodes[2].end" && $0.message.contains("end year 1968 is before start year 1998") && $0.line == 6 }
        )
        #expect(found.contains { $0.path == "$.edges[0].year" && $0.message.contains("year 19600 is outside 1000–2100") && $0.line == 9 })
        let fractional = problems(document(nodes: [#"{"id": "c", "kind": "conflict", "start": 1960.5}"#], edges: []))
        #expect(
            fractional.first?.message.contains(
                "expected a year such as 1993 or an ISO date such as \"1993-01\" or \"1993-01-20\", found a number 1960.5") == true)
    }

    @Test func supportTypesBelongToProvides() {
        let missing = #"{"source": "a", "target": "b", "relation": "provides"}"#
        let misplaced = #"{"source": "a", "target": "b", "relation": "convenes", "support": "training"}"#
        let unknown = #"{"source": "a", "target": "b", "relation": "provides", "support": "weapons"}"#
        let found = problems(document(nodes: [a, b], edges: [missing, misplaced]))
        #expect(found.contains { $0.path == "$.edges[0]" && $0.message.contains("needs \"support\"") && $0.line == 8 })
        #expect(found.contains { $0.path == "$.edges[1].support" && $0.message.contains("only meaningful on 'provides'") && $0.line == 9 })
        let typo = problems(document(nodes: [a, b], edges: [unknown]))
        #expect(typo.contains { $0.path == "$.edges[0].support" && $0.message.contains("unknown support type \"weapons\"") })
    }

    @Test func unknownFieldsAndSourcesAndWeights() {
        let node = #"{"id": "c", "kind": "conflict", "lable": "C", "sources": ["t"]}"#
        let edge = #"{"source": "a", "target": "b", "relation": "convenes", "weight": -1}"#
        let found = problems(document(nodes: [a, b, node], edges: [edge]))
        #expect(found.contains { $0.path == "$.nodes[2].lable" && $0.message.contains("did you mean 'label'") })
        // Structural problems are reported first; fix them and the semantic ones appear.
        let next = problems(document(nodes: [a, b, #"{"id": "c", "kind": "conflict", "sources": ["t"]}"#], edges: [edge]))
        #expect(next.contains { $0.path == "$.nodes[2].sources[0]" && $0.message.contains("unknown source id \"t\"") })
        #expect(next.contains { $0.path == "$.edges[0].weight" && $0.message.contains("positive") })
    }

    @Test func controlCharactersInLabels() {
        let node = #"{"id": "c", "kind": "conflict", "label": "bell\u0007 here"}"#
        let crlf = #"{"id": "d", "kind": "conflict", "label": "one\r\ntwo"}"#
        let ok = #"{"id": "e", "kind": "conflict", "label": "one\ntwo\tthree"}"#
        let found = problems(document(nodes: [node, crlf, ok], edges: []))
        #expect(found.count == 2)
        #expect(found[0].message.contains("U+0007"))
        #expect(found[1].message.contains("use \\n alone"))
    }

    @Test func malformedJSONNamesLineAndColumn() {
        let text = "{\"directed\": true,\n  \"nodes\": [\n    {\"id\": \"a\" \"kind\": \"convener\"}\n]}"
        #expect {
            _ = try Network(json: Array(text.utf8), file: "bad.json")
        } throws: { error in
            guard case let .malformedJSON(file, line, column, message) = error as? ModelError else { return false }
            return file == "bad.json" && line == 3 && column == 16 && message.contains("expected ',' or '}'")
        }
    }

    @Test func programmaticNetworksValidateToo() {
        var network = Fixtures.small
        #expect(network.validationProblems().isEmpty)
        network.edges.append(Edge("ngo", .convenes, "nowhere"))
        network.nodes.append(network.nodes[0])
        let found = network.validationProblems().map(\.path)
        #expect(found == ["$.nodes[6].id", "$.edges[7].target"])
    }
}
