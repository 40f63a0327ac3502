import BackchannelAnalysis
import BackchannelFormats
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
        return try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted().map {
            [UInt8](try Data(contentsOf: dir.appendingPathComponent($0)))
        }
    }

    /// Whether a JSON reader's error says where: a syntax error at a line and column of `file`, or a
    /// list of problems, each naming `file`. Any other error (unreadable, an empty list) is a failure.
    static func isLocated(_ error: ModelError, in file: String) -> Bool {
        guard error.description.contains(file) else { return false }
        switch error {
        case let .malformedJSON(name, line, column, message):
            return name == file && line > 0 && column > 0 && !message.isEmpty
        case let .invalid(diagnostics):
            return !diagnostics.isEmpty
                && diagnostics.allSatisfy { $0.file == file && !$0.message.isEmpty && $0.description.contains(file) }
        case .unreadable:
            return false
        }
    }

    /// Whether a CSV reader's error is a syntax or content problem at a line of `url`, and says so.
    static func isLocated(_ error: FormatError, in url: URL) -> Bool {
        guard case let .malformed(file, line, _, message) = error else { return false }
        return file == url.path && line > 0 && !message.isEmpty && error.description.contains(url.lastPathComponent)
    }

    @Test func nodeLinkJSON() throws {
        let seeds = try Self.seeds("json")
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.appendingPathComponent("json").path).filter {
            $0.hasSuffix(".json")
        }
        #expect(!seeds.isEmpty && seeds.count == files.count, "Tests/Corpus/json holds the seeds")
        var accepted = 0, rejected = 0
        for (s, seed) in seeds.enumerated() {
            for mutant in Mutator.mutants(of: seed, count: Self.mutantsPerSeed, seed: UInt64(s)) {
                do {
                    let network = try Network.read(json: mutant, file: "mutant.json").network
                    // Work is bounded by the input: no more nodes or edges than there are bytes.
                    #expect(network.nodes.count + network.edges.count <= mutant.count)
                    accepted += 1
                } catch {
                    #expect(Self.isLocated(error, in: "mutant.json"), "not a located error: \(error)")
                    rejected += 1
                }
            }
        }
        #expect(rejected > 0 && accepted > 0)
        #expect(accepted + rejected == seeds.count * Self.mutantsPerSeed)
    }

    @Test func edgeListCSV() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let seeds = try Self.seeds("csv")
        #expect(!seeds.isEmpty)
        var accepted = 0, rejected = 0
        for (s, seed) in seeds.enumerated() {
            for (i, mutant) in Mutator.mutants(of: seed, count: Self.mutantsPerSeed, seed: UInt64(100 + s)).enumerated() {
                let url = dir.appendingPathComponent("m\(s)-\(i).csv")
                try Data(mutant).write(to: url)
                do throws(FormatError) {
                    let list = try EdgeListReader.read(url)
                    // The reader refuses non-positive and non-finite weights, so the graph always builds.
                    let graph = try! CompactGraph(
                        ids: list.ids, sources: list.sources, targets: list.targets, weights: list.weights, directed: true)
                    #expect(graph.outOffsets.count == graph.nodeCount + 1)
                    // One edge per record at most, and every node an endpoint of one.
                    #expect(list.sources.count <= mutant.count && graph.nodeCount <= 2 * list.sources.count)
                    accepted += 1
                } catch {
                    #expect(Self.isLocated(error, in: url), "not a located error: \(error)")
                    rejected += 1
                }
            }
        }
        #expect(rejected > 0 && accepted > 0)
        #expect(accepted + rejected == seeds.count * Self.mutantsPerSeed)
    }

    @Test func dotThroughGraphvizsParser() throws {
        var seeds = try Self.seeds("dot")
        #expect(!seeds.isEmpty)
        // Three of Graphviz's own graphs (clusters, anonymous subgraphs, a large real one); a missing one
        // is an error, not a smaller corpus (these were read with `try?` and skipped while the path was wrong).
        let valid = Fixtures.dotCorpus.appendingPathComponent("valid")
        for path in ["rtest/graphs/clust4.gv", "graphs/directed/world.gv", "graphs/directed/unix.gv"] {
            seeds.append([UInt8](try Data(contentsOf: valid.appendingPathComponent(path))))
        }
        var accepted = 0, rejected = 0
        for (s, seed) in seeds.enumerated() {
            for mutant in Mutator.mutants(of: seed, count: Self.mutantsPerSeed / 2, seed: UInt64(200 + s)) {
                do {
                    let (network, _) = try DOTImport.read(mutant, file: "mutant.dot")
                    #expect(network.validationProblems().isEmpty)
                    #expect(network.nodes.count + network.edges.count <= mutant.count)
                    accepted += 1
                } catch {
                    // Graphviz's parser says where it stopped ("syntax error in line N near '…'"), or that
                    // the text ended before any graph began.
                    guard case let .malformed(file, line, _, message) = error, file == "mutant.dot"
                    else {
                        Issue.record("not a located DOT error: \(error)")
                        continue
                    }
                    // Graphviz names the line of a syntax error; a text with no graph has none to name; a
                    // graph that parses but breaks the model says so.
                    #expect(
                        (line > 0 && message.contains("syntax error in line ")) || message == "not valid DOT: no graph found"
                            || message.hasPrefix("the graph does not make a valid network"), "not located: \(message)")
                    rejected += 1
                }
            }
        }
        #expect(rejected > 0 && accepted > 0)
        #expect(accepted + rejected == seeds.count * (Self.mutantsPerSeed / 2))
    }

    @Test func extremeInputs() throws {
        // A 1 MB label, deep nesting, NUL bytes, invalid UTF-8, empty input.
        let huge = String(repeating: "ß", count: 500_000)
        let big = #"{"nodes": [{"id": "a", "kind": "convener", "label": "\#(huge)"}], "edges": []}"#
        #expect(try Network.read(json: Array(big.utf8)).network.nodes[0].label.count == 500_000)
        #expect(throws: ModelError.self) { try Network.read(json: Array((String(repeating: "[", count: 100_000)).utf8)) }
        #expect(throws: ModelError.self) { try Network.read(json: [0x7B, 0x00, 0x7D]) }
        #expect(throws: ModelError.self) {
            try Network.read(json: Array("{\"nodes\": [{\"id\": \"\u{0}\", \"kind\": \"convener\"}], \"edges\": []}".utf8))
        }
        #expect(throws: ModelError.self) { try Network.read(json: [0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: ModelError.self) { try Network.read(json: []) }
        #expect(throws: FormatError.self) { try DOTImport.read([], file: "empty.dot") }
        #expect(throws: FormatError.self) {
            try DOTImport.read(Array("digraph { a -> b ".utf8) + [0x00] + Array(" }".utf8), file: "nul.dot")
        }
        let deepDOT = "digraph {" + String(repeating: "subgraph {", count: 2_000) + " a " + String(repeating: "}", count: 2_000) + "}"
        _ = try? DOTImport.read(Array(deepDOT.utf8), file: "deep.dot")
    }
}
