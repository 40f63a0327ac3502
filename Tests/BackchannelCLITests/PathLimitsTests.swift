import BackchannelAnalysis
import BackchannelTestSupport
import Foundation
import Testing

/// Path enumeration is bounded: what cannot reach the target is pruned, and the list is capped,
/// with a note when the cap is hit.
@Suite("Path limits")
struct PathLimitsTests {
    /// The complete directed graph on 15 nodes, with an isolated node "lonely".
    static func complete(in dir: URL) throws -> (edges: URL, nodes: URL) {
        var lines = ["source,target"]
        for a in 0..<15 { for b in 0..<15 where a != b { lines.append("n\(a),n\(b)") } }
        let edges = dir.appendingPathComponent("k15.csv"), nodes = dir.appendingPathComponent("k15-nodes.csv")
        try (lines.joined(separator: "\n") + "\n").write(to: edges, atomically: true, encoding: .utf8)
        try ("id\n" + (0..<15).map { "n\($0)" }.joined(separator: "\n") + "\nlonely\n").write(to: nodes, atomically: true, encoding: .utf8)
        return (edges, nodes)
    }

    @Test func unreachableTargetIsPrunedAtOnce() throws {
        // 14!/(14-19)! simple paths of up to 20 edges exist from n0; none reaches "lonely". Without the
        // pruning this enumerates them all.
        let ids = (0..<15).map { "n\($0)" } + ["lonely"]
        var s: [Int32] = [], t: [Int32] = []
        for a in 0..<15 { for b in 0..<15 where a != b { s.append(Int32(a)); t.append(Int32(b)) } }
        let graph = try CompactGraph(ids: ids, sources: s, targets: t, weights: Array(repeating: 1, count: s.count), directed: true)
        #expect(try AllSimplePaths.find(graph, from: 0, to: 15, maxLength: 20).isEmpty)
        // Within reach but beyond the length: a path needs at least one edge, so maxLength 0 finds none.
        #expect(try AllSimplePaths.find(graph, from: 0, to: 1, maxLength: 0).isEmpty)
        // The pruning never drops a path that exists: all paths of up to 2 edges from n0 to n1 are
        // the direct one and the 13 through another node.
        #expect(try AllSimplePaths.find(graph, from: 0, to: 1, maxLength: 2).count == 14)
    }

    @Test func theCapIsStatedAndSettable() throws {
        let dir = try Fixtures.temporaryDirectory()
        let (edges, nodes) = try Self.complete(in: dir)
        let none = try Fixtures.run([
            "paths", "--edges", edges.path, "--nodes", nodes.path, "--from", "n0", "--to", "lonely", "--all-simple", "--max-length", "20",
        ])
        #expect(none.status == 0 && none.stderr.isEmpty, "\(none.stderr)")
        let capped = try Fixtures.run([
            "paths", "--edges", edges.path, "--from", "n0", "--to", "n1", "--all-simple", "--max-length", "20", "--max-paths", "50",
            "--format", "json",
        ])
        #expect(capped.status == 0)
        #expect(capped.stderr.contains("stopped at 50 paths (--max-paths)"))
        #expect(capped.stdout.components(separatedBy: "\"nodes\"").count - 1 == 50)
        let k = try Fixtures.run([
            "paths", "--edges", edges.path, "--from", "n0", "--to", "n1", "--k", "1000000", "--max-paths", "20", "--format", "json",
        ])
        #expect(k.status == 0 && k.stderr.contains("stopped at 20 paths"))
        let exact = try Fixtures.run([
            "paths", "--edges", edges.path, "--from", "n0", "--to", "n1", "--all-simple", "--max-length", "2", "--max-paths", "14",
            "--format", "json",
        ])
        #expect(exact.stderr.isEmpty, "exactly the cap is not cut")
        #expect(try Fixtures.run(["paths", "--from", "pkk", "--to", "ltte", "--max-paths", "0"]).status == 64)
    }
}

/// `--threads N` changes how many threads run, never the result.
@Suite("Threads")
struct ThreadsCLITests {
    @Test(arguments: ["betweenness", "closeness", "harmonic", "pagerank"])
    func resultsAreIdenticalForEveryThreadCount(_ measure: String) throws {
        let outputs = try [nil, "1", "2", "5"].map { threads in
            try Fixtures.run(["centrality", "--measure", measure, "--format", "json"] + (threads.map { ["--threads", $0] } ?? []))
        }
        #expect(outputs.allSatisfy { $0.status == 0 })
        #expect(Set(outputs.map(\.stdout)).count == 1, "\(measure): the same bytes for every --threads")
        #expect(try Fixtures.run(["centrality", "--measure", measure, "--threads", "0"]).status == 64)
    }
}
