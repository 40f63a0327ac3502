import BackchannelFormats
import BackchannelAnalysis
import BackchannelModel
import BackchannelRender
import BackchannelTestSupport
import Foundation
import Testing

/// Seeded generative tests of every parser on malformed input: each mutant of a valid seed must
/// parse or be rejected with the parser's typed error: no crash, no hang, no unbounded memory.
@Suite("Malformed input never crashes a parser", .serialized)
struct ParserFuzzTests {
    static let corpus = Fixtures.packageRoot.appendingPathComponent("Tests/Corpus")
    static let mutantsPerSeed = Int(ProcessInfo.processInfo.environment["BACKCHANNEL_FUZZ_MUTANTS"] ?? "") ?? 300

    static func seeds(_ folder: String) throws -> [[UInt8]] {
        let dir = corpus.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted().map { [UInt8](try Data(contentsOf: dir.appendingPathComponent($0))) }
    }

    /// Runs `body` and fails if it takes longer than `limit` seconds.
    func timed(_ limit: Double, _ what: String, _ body: () -> Void) {
        let start = Date()
        body()
        #expect(Date().timeIntervalSince(start) < limit, "\(what) took too long")
    }

    @Test func nodeLinkJSON() throws {
        var accepted = 0, rejected = 0
        for (s, seed) in try Self.seeds("json").enumerated() {
            for mutant in Mutator.mutants(of: seed, count: Self.mutantsPerSeed, seed: UInt64(s)) {
                timed(1, "JSON mutant") {
                    do {
                        _ = try Network.read(json: mutant, file: "mutant.json")
                        accepted += 1
                    } catch {
                        #expect(!"\(error)".isEmpty)
                        rejected += 1
                    }
                }
            }
        }
        #expect(rejected > 0 && accepted + rejected == 2 * Self.mutantsPerSeed)
    }

    @Test func edgeListCSV() throws {
        let dir = try Fixtures.temporaryDirectory()
        var rejected = 0
        for (s, seed) in try Self.seeds("csv").enumerated() {
            for (i, mutant) in Mutator.mutants(of: seed, count: Self.mutantsPerSeed, seed: UInt64(100 + s)).enumerated() {
                let url = dir.appendingPathComponent("m\(s)-\(i).csv")
                try Data(mutant).write(to: url)
                timed(1, "CSV mutant") {
                    do {
                        let list = try EdgeListReader.read(url)
                        let graph = try CompactGraph(ids: list.ids, sources: list.sources, targets: list.targets, weights: list.weights, directed: true)
                        #expect(graph.outOffsets.count == graph.nodeCount + 1)
                    } catch {
                        rejected += 1
                    }
                }
            }
        }
        #expect(rejected > 0)
    }

    @Test func dotThroughGraphvizsParser() throws {
        var seeds = try Self.seeds("dot")
        let valid = Fixtures.sharedData.appendingPathComponent("graphviz-dot-corpus/valid/graphs/directed")
        for name in ["clust4.gv", "world.gv", "unix.gv"] {
            if let data = try? Data(contentsOf: valid.appendingPathComponent(name)) { seeds.append([UInt8](data)) }
        }
        var rejected = 0
        for (s, seed) in seeds.enumerated() {
            for mutant in Mutator.mutants(of: seed, count: Self.mutantsPerSeed / 2, seed: UInt64(200 + s)) {
                timed(2, "DOT mutant") {
                    do {
                        let (network, _) = try DOTImport.read(mutant, file: "mutant.dot")
                        #expect(network.validationProblems().isEmpty)
                    } catch {
                        rejected += 1
                    }
                }
            }
        }
        #expect(rejected > 0)
    }

    @Test func extremeInputs() throws {
        // A 1 MB label, deep nesting, NUL bytes, invalid UTF-8, empty input.
        let huge = String(repeating: "ß", count: 500_000)
        let big = #"{"nodes": [{"id": "a", "kind": "convener", "label": "\#(huge)"}], "edges": []}"#
        #expect(try Network.read(json: Array(big.utf8)).network.nodes[0].label.count == 500_000)
        #expect(throws: ModelError.self) { try Network.read(json: Array((String(repeating: "[", count: 100_000)).utf8)) }
        #expect(throws: ModelError.self) { try Network.read(json: [0x7B, 0x00, 0x7D]) }
        #expect(throws: ModelError.self) { try Network.read(json: Array("{\"nodes\": [{\"id\": \"\u{0}\", \"kind\": \"convener\"}], \"edges\": []}".utf8)) }
        #expect(throws: ModelError.self) { try Network.read(json: [0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: ModelError.self) { try Network.read(json: []) }
        #expect(throws: FormatError.self) { try DOTImport.read([], file: "empty.dot") }
        #expect(throws: FormatError.self) { try DOTImport.read(Array("digraph { a -> b ".utf8) + [0x00] + Array(" }".utf8), file: "nul.dot") }
        let deepDOT = "digraph {" + String(repeating: "subgraph {", count: 2_000) + " a " + String(repeating: "}", count: 2_000) + "}"
        _ = try? DOTImport.read(Array(deepDOT.utf8), file: "deep.dot")
    }
}
