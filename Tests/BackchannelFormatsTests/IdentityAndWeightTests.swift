import BackchannelAnalysis
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

@testable import BackchannelFormats

/// One identity rule for ids (exact Unicode scalars) and one weight rule (positive and finite) in
/// every reader and in validation.
@Suite("One id rule and one weight rule")
struct IdentityAndWeightTests {
    static let nfc = "\u{E9}"  // é, one scalar
    static let nfd = "e\u{301}"  // e + combining acute: canonically equivalent, different scalars

    private func write(_ text: String, _ name: String, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// The two ids, each with an edge to `x`; every reader must give 3 nodes and 2 edges, each edge
    /// from its own node.
    private func checkKeptApart(_ network: Network, _ reader: String) {
        #expect(network.nodes.count == 3, "\(reader): \(network.nodes.map(\.id.unicodeScalars.count))")
        let ids = network.nodes.map { Array($0.id.unicodeScalars) }
        #expect(ids.contains(Array(Self.nfc.unicodeScalars)) && ids.contains(Array(Self.nfd.unicodeScalars)), "\(reader)")
        let sources = network.edges.map { Array($0.source.unicodeScalars) }
        #expect(sources == [Array(Self.nfc.unicodeScalars), Array(Self.nfd.unicodeScalars)], "\(reader)")
        #expect(network.validationProblems().isEmpty, "\(reader): \(network.validationProblems())")
        let graph = CompactGraph(network)
        #expect(graph.ids.count == 3, "\(reader): the compact graph merged the ids")
        #expect(graph.outOffsets.count == 4)
    }

    @Test func canonicalAndPlainJSON() throws {
        let canonical = """
            {"directed": true, "multigraph": true, "graph": {"sources": []},
             "nodes": [{"id": "\(Self.nfc)", "kind": "participant"}, {"id": "\(Self.nfd)", "kind": "participant"}, {"id": "x", "kind": "participant"}],
             "edges": [{"source": "\(Self.nfc)", "target": "x", "relation": "partners_with"}, {"source": "\(Self.nfd)", "target": "x", "relation": "partners_with"}]}
            """
        checkKeptApart(try Network(json: Array(canonical.utf8), file: "c.json"), "canonical JSON")
        let plain = """
            {"directed": true, "multigraph": false, "graph": {}, "nodes": [{"id": "\(Self.nfc)"}, {"id": "\(Self.nfd)"}, {"id": "x"}],
             "links": [{"source": "\(Self.nfc)", "target": "x"}, {"source": "\(Self.nfd)", "target": "x"}]}
            """
        checkKeptApart(try Network.read(json: Array(plain.utf8), file: "p.json").network, "plain JSON")
    }

    @Test func csvSheetsAndEdgeList() throws {
        let nodes = "id\n\(Self.nfc)\n\(Self.nfd)\nx\n"
        let edges = "source,target\n\(Self.nfc),x\n\(Self.nfd),x\n"
        let read = try CSVSheets.read(
            nodes: .init(bytes: Array(nodes.utf8), file: "nodes.csv"), edges: .init(bytes: Array(edges.utf8), file: "edges.csv"),
            sources: nil, mapping: nil)
        checkKeptApart(read.network, "CSV sheets")
        // Without a node sheet, nodes are made from the edge ends: still two.
        let made = try CSVSheets.read(nodes: nil, edges: .init(bytes: Array(edges.utf8), file: "edges.csv"), sources: nil, mapping: nil)
        checkKeptApart(made.network, "CSV edges only")

        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let list = try EdgeListReader.read(
            try write(edges, "edges.csv", in: directory), nodes: try write(nodes, "nodes.csv", in: directory))
        #expect(list.ids.count == 3)
        #expect(list.sources == [0, 1] && list.targets == [2, 2])
    }

    /// The edge list's id table settles short ids by their bytes in the slot and longer ones by
    /// prefix, length and hash before comparing bytes; ids that differ only past the eighth byte, by
    /// length, or by a trailing byte must stay apart, through the table's growth, and a source equal
    /// to the previous row's keeps its id.
    @Test func edgeListIdsThatShareTheirFirstEightBytes() throws {
        var ids: [String] = []
        for i in 0..<3000 { ids.append("participant-\(i)") }  // one 8-byte prefix for all
        for i in 0..<300 { ids.append(String(repeating: "x", count: i % 20)) }  // "" … 19 x's (empty skipped below)
        ids += ["abcdefgh", "abcdefghi", "abcdefgh\(Self.nfc)", "abcdefgi", "a", "ab", "\(Self.nfc)\(Self.nfc)\(Self.nfc)\(Self.nfc)"]
        // Lengths past 255, which the slot records as 255: only the bytes tell these apart.
        let long = String(repeating: "y", count: 299)
        ids += [long + "a", long + "b", long + "ab", long]
        ids = ids.filter { !$0.isEmpty }
        var distinct: [String] = []
        var seen = Set<String>()
        for id in ids where seen.insert(id).inserted { distinct.append(id) }
        var random = SeededRandom(seed: 5)
        var rows: [(String, String)] = []
        for (i, id) in distinct.enumerated() {
            // Runs of the same source, as in a file sorted by source, and random targets.
            for _ in 0..<(1 + i % 3) { rows.append((id, distinct[Int.random(in: 0..<distinct.count, using: &random)])) }
        }
        let text = "source,target\n" + rows.map { "\($0.0),\($0.1)" }.joined(separator: "\n") + "\n"
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let list = try EdgeListReader.read(try write(text, "edges.csv", in: directory))
        #expect(Set(list.ids).count == list.ids.count, "two entries for one id")
        #expect(Set(list.ids) == Set(distinct))
        #expect(list.sources.count == rows.count)
        for (k, row) in rows.enumerated() {
            #expect(list.ids[Int(list.sources[k])] == row.0 && list.ids[Int(list.targets[k])] == row.1, "row \(k)")
        }
        // With every hash equal, only the stored prefix, length and bytes tell ids apart.
        var table = IdentifierTable(everyKeyCollides: true)
        let some = Array(distinct.prefix(700)) + Array(distinct.suffix(320))
        for round in 0..<2 {
            for (i, id) in some.enumerated() {
                let got = Array(id.utf8).withUnsafeBufferPointer { table.intern($0) }
                #expect(got == Int32(i), "\(id) in round \(round)")
            }
        }
        #expect(table.identifiers() == some)
    }

    @Test func graphML() throws {
        let text = """
            <graphml><graph edgedefault="directed">
            <node id="\(Self.nfc)"/><node id="\(Self.nfd)"/><node id="x"/>
            <edge source="\(Self.nfc)" target="x"/><edge source="\(Self.nfd)" target="x"/>
            </graph></graphml>
            """
        checkKeptApart(try GraphML.read(Array(text.utf8), file: "g.graphml").network, "GraphML")
        // An edge end naming only the NFD form is not the NFC node: a node is made for it.
        let made = """
            <graphml><graph><node id="\(Self.nfc)"/><node id="x"/><edge source="\(Self.nfd)" target="x"/></graph></graphml>
            """
        let read = try GraphML.read(Array(made.utf8), file: "g.graphml")
        #expect(read.network.nodes.count == 3)
        #expect(read.warnings.contains { $0.contains("not a declared node") })
    }

    @Test func validationComparesScalars() {
        let both = Network(nodes: [Node(id: Self.nfc, kind: .participant), Node(id: Self.nfd, kind: .participant)])
        #expect(both.validationProblems().isEmpty, "two different ids are not duplicates")
        let twice = Network(nodes: [Node(id: Self.nfc, kind: .participant), Node(id: Self.nfc, kind: .participant)])
        #expect(twice.validationProblems().map(\.message).contains { $0.contains("duplicate node id") })
        var dangling = Network(nodes: [Node(id: Self.nfc, kind: .participant), Node(id: "x", kind: .participant)])
        dangling.edges = [Edge(Self.nfd, .partnersWith, "x")]
        #expect(dangling.validationProblems().map(\.path) == ["$.edges[0].source"], "an NFD end does not attach to the NFC node")
        var cited = Network(nodes: [Node(id: "a", kind: .participant, sources: [Self.nfd])])
        cited.sources = [Source(id: Self.nfc, citation: "c")]
        #expect(cited.validationProblems().map(\.path) == ["$.nodes[0].sources[0]"])
        #expect(ExactID(Self.nfc) != ExactID(Self.nfd) && Self.nfc == Self.nfd, "String == is canonical equivalence; ExactID is not")
    }

    // MARK: Weights

    /// Weights of 0, −1 (and, where the format can write them, infinity and NaN) are errors at their
    /// place in every reader; plain node-link JSON used to read them as 1.
    @Test(arguments: ["0", "-1", "-0.5"])
    func nonPositiveWeightsAreRefusedEverywhere(_ weight: String) throws {
        let plain = """
            {"nodes": [{"id": "a"}, {"id": "b"}],
             "links": [{"source": "a", "target": "b", "weight": \(weight)}]}
            """
        #expect { _ = try Network.read(json: Array(plain.utf8), file: "p.json") } throws: { error in
            "\(error)".contains("p.json:2:") && "\(error)".contains("weight") && "\(error)".contains("positive")
        }
        let edges = "source,target,weight\na,b,\(weight)\n"
        #expect {
            _ = try CSVSheets.read(nodes: nil, edges: .init(bytes: Array(edges.utf8), file: "edges.csv"), sources: nil, mapping: nil)
        } throws: { error in
            "\(error)".contains("edges.csv:2:") && "\(error)".contains("positive")
        }
        let graphml = """
            <graphml><key id="w" for="edge" attr.name="weight" attr.type="double"/><graph>
            <node id="a"/><node id="b"/><edge source="a" target="b"><data key="w">\(weight)</data></edge></graph></graphml>
            """
        #expect { _ = try GraphML.read(Array(graphml.utf8), file: "g.graphml") } throws: { error in
            "\(error)".contains("g.graphml:2:") && "\(error)".contains("positive")
        }
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try write(edges, "edges.csv", in: directory)
        #expect { _ = try EdgeListReader.read(url) } throws: { error in
            "\(error)".contains("edges.csv:2:") && "\(error)".contains("positive")
        }
    }

    @Test func nonFiniteWeightsAreRefused() throws {
        for weight in ["inf", "nan", "1e999"] {
            let edges = "source,target,weight\na,b,\(weight)\n"
            #expect(throws: FormatError.self, "\(weight)") {
                _ = try CSVSheets.read(nodes: nil, edges: .init(bytes: Array(edges.utf8), file: "edges.csv"), sources: nil, mapping: nil)
            }
        }
        let plain = #"{"nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b", "weight": "heavy"}]}"#
        #expect(throws: ModelError.self) { _ = try Network.read(json: Array(plain.utf8), file: "p.json") }
    }
}
