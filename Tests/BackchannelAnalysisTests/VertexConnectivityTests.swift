import BackchannelAnalysis
import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// Channels (vertex-disjoint paths) and minimum vertex cuts against NetworkX's
/// `local_node_connectivity` and `minimum_st_node_cut`, from
/// Tests/References/generate_connectivity_references.py.
@Suite("Vertex connectivity: channels and cuts")
struct VertexConnectivityTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var graph: String
        var directed: Bool
        var ids: [String]
        var edges: [(String, String)]
        var a: String, b: String
        var excluded: [String]
        var directTie: Bool
        var connectivity: Int
        var cutSize: Int
        var testDescription: String { "\(graph) \(a)–\(b)" }
    }

    static let cases: [Case] = {
        let url = Fixtures.packageRoot.appendingPathComponent("Tests/References/connectivity-references.json")
        guard let data = try? Data(contentsOf: url), let root = try? JSONParser.parse([UInt8](data)) else { return [] }
        var result: [Case] = []
        for g in root["graphs"]!.items {
            let ids = g["nodes"]!.strings
            let edges = g["edges"]!.items.map { ($0.items[0].string, $0.items[1].string) }
            for c in g["cases"]!.items {
                result.append(
                    Case(
                        graph: g["name"]!.string, directed: g["directed"]!.value == .bool(true), ids: ids, edges: edges,
                        a: c["a"]!.string, b: c["b"]!.string, excluded: c["excluded"]!.strings,
                        directTie: c["direct_tie"]!.value == .bool(true),
                        connectivity: Int(c["connectivity"]!.number!), cutSize: Int(c["cut_size"]!.number!)))
            }
        }
        return result
    }()

    @Test func referencesArePresent() {
        #expect(Self.cases.count >= 300, "Tests/References/connectivity-references.json holds the cases")
        #expect(
            Self.cases.contains { $0.connectivity == 0 } && Self.cases.contains { $0.connectivity >= 5 }
                && Self.cases.contains(where: \.directTie))
    }

    @Test(arguments: cases)
    func matchesNetworkX(_ c: Case) throws {
        let index = Dictionary(uniqueKeysWithValues: c.ids.enumerated().map { ($1, $0) })
        let graph = try CompactGraph(
            ids: c.ids, sources: c.edges.map { Int32(index[$0.0]!) }, targets: c.edges.map { Int32(index[$0.1]!) },
            weights: Array(repeating: 1, count: c.edges.count), directed: c.directed)
        var allowed = [Bool](repeating: true, count: c.ids.count)
        for id in c.excluded { allowed[index[id]!] = false }
        let a = index[c.a]!, b = index[c.b]!
        let channels = try VertexConnectivity.channels(in: graph, between: a, and: b, intermediaries: allowed)
        #expect(channels.count == c.connectivity)
        #expect(channels.cut.count == c.cutSize)
        #expect(channels.directTie == c.directTie)
        try Self.checkWitnesses(channels, graph: graph, a: a, b: b, allowed: allowed)
    }

    /// Paths are real, disjoint, avoid excluded nodes; the cut separates a from b.
    static func checkWitnesses(_ channels: Channels, graph: CompactGraph, a: Int, b: Int, allowed: [Bool]) throws {
        func tied(_ u: Int, _ v: Int) -> Bool {
            graph.outTargets[Int(graph.outOffsets[u])..<Int(graph.outOffsets[u + 1])].contains(Int32(v))
                || graph.outTargets[Int(graph.outOffsets[v])..<Int(graph.outOffsets[v + 1])].contains(Int32(u))
        }
        var seen = Set<Int>()
        for path in channels.paths {
            #expect(path.first == a && path.last == b && path.count >= 3)
            for (u, v) in zip(path, path.dropFirst()) { #expect(tied(u, v)) }
            for v in path.dropFirst().dropLast() {
                #expect(allowed[v])
                #expect(seen.insert(v).inserted, "intermediary \(v) on two channels")
            }
        }
        // Removing the cut leaves no path from a to b other than the direct tie.
        var blocked = allowed
        for v in channels.cut { blocked[v] = false }
        let after = try VertexConnectivity.channels(in: graph, between: a, and: b, intermediaries: blocked)
        #expect(after.count == 0)
        for v in channels.cut { #expect(v != a && v != b && allowed[v]) }
    }

    @Test func aDirectTieIsNotAChannel() throws {
        // a - b directly, and a - m - b through one intermediary.
        let graph = try CompactGraph(ids: ["a", "b", "m"], sources: [0, 0, 2], targets: [1, 2, 1], weights: [1, 1, 1], directed: true)
        let channels = try VertexConnectivity.channels(in: graph, between: 0, and: 1, intermediaries: [true, true, true])
        #expect(channels == Channels(paths: [[0, 2, 1]], cut: [2], directTie: true))
    }

    @Test func tiesCountInBothDirections() throws {
        // a → m and b → m: directed arcs that meet at m still make a channel a – m – b.
        let graph = try CompactGraph(ids: ["a", "b", "m"], sources: [0, 1], targets: [2, 2], weights: [1, 1], directed: true)
        let channels = try VertexConnectivity.channels(in: graph, between: 0, and: 1, intermediaries: [true, true, true])
        #expect(channels.paths == [[0, 2, 1]])
    }

    @Test func excludedIntermediariesCarryNothing() throws {
        let graph = try CompactGraph(ids: ["a", "b", "m"], sources: [0, 2], targets: [2, 1], weights: [1, 1], directed: false)
        let channels = try VertexConnectivity.channels(in: graph, between: 0, and: 1, intermediaries: [true, true, false])
        #expect(channels == Channels(paths: [], cut: [], directTie: false))
    }

    @Test func badArgumentsAreTypedErrors() throws {
        let graph = try CompactGraph(ids: ["a", "b"], sources: [0], targets: [1], weights: [1], directed: false)
        #expect(throws: AnalysisError.self) {
            try VertexConnectivity.channels(in: graph, between: 0, and: 7, intermediaries: [true, true])
        }
        #expect(throws: AnalysisError.self) {
            try VertexConnectivity.channels(in: graph, between: -1, and: 1, intermediaries: [true, true])
        }
        #expect(throws: AnalysisError.self) {
            try VertexConnectivity.channels(in: graph, between: 1, and: 1, intermediaries: [true, true])
        }
        #expect(throws: AnalysisError.self) { try VertexConnectivity.channels(in: graph, between: 0, and: 1, intermediaries: [true]) }
    }
}
