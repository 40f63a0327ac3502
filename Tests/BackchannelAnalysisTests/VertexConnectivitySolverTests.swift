import BackchannelAnalysis
import BackchannelModel
import BackchannelTestSupport
import Testing

/// The reusable ``VertexConnectivity/Solver`` against a flow network built afresh for each pair
/// (``freshNetworkChannels(in:between:and:intermediaries:)``): the same paths, cuts, order and
/// direct ties for every pair, whatever the pairs asked before.
@Suite("Vertex connectivity: the reusable solver equals a fresh network per pair")
struct VertexConnectivitySolverTests {
    /// A small deterministic generator (SplitMix64), so the graphs are the same on every run.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// Every ordered pair, asked of one solver in a shuffled order; returns how many pairs had at
    /// least two channels (so the comparison is not only among empty answers).
    @discardableResult
    static func compareEveryPair(_ graph: CompactGraph, mask: [Bool], seed: UInt64) throws -> (pairs: Int, multiple: Int) {
        var solver = try VertexConnectivity.Solver(graph: graph, intermediaries: mask)
        let n = graph.nodeCount
        var pairs: [(Int, Int)] = []
        for a in 0..<n { for b in 0..<n where a != b { pairs.append((a, b)) } }
        var random = Generator(state: seed)
        for i in pairs.indices.reversed() where i > 0 { pairs.swapAt(i, random.below(i + 1)) }
        var multiple = 0
        for (a, b) in pairs {
            let reused = try solver.channels(between: a, and: b)
            let fresh = freshNetworkChannels(in: graph, between: a, and: b, intermediaries: mask)
            #expect(reused == fresh, "pair \(a)–\(b)")
            if fresh.count >= 2 { multiple += 1 }
        }
        return (pairs.count, multiple)
    }

    @Test func generatedGraphs() throws {
        var random = Generator(state: 2026)
        var multiple = 0, pairs = 0
        for round in 0..<60 {
            let n = 2 + random.below(24)
            let density = 1 + random.below(6)
            var sources: [Int32] = [], targets: [Int32] = []
            for _ in 0..<(n * density / 2) {
                sources.append(Int32(random.below(n)))
                targets.append(Int32(random.below(n)))
            }
            let graph = try CompactGraph(
                ids: (0..<n).map { "v\($0)" }, sources: sources, targets: targets,
                weights: Array(repeating: 1, count: sources.count), directed: round % 2 == 0)
            let mask = (0..<n).map { _ in random.below(5) != 0 }
            let found = try Self.compareEveryPair(graph, mask: mask, seed: UInt64(round))
            pairs += found.pairs
            multiple += found.multiple
        }
        #expect(pairs > 5_000)
        #expect(multiple > 100, "enough pairs with several channels")
    }

    @Test func bundledHistory() throws {
        let network = try Network.bundled()
        let graph = CompactGraph(network)
        let byID = Dictionary(network.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Everyone, and the channels command's default: no conflicts, legal decisions or official actors.
        let everyone = [Bool](repeating: true, count: graph.nodeCount)
        let unofficial = graph.ids.map { id in
            guard let node = byID[id] else { return false }
            switch node.kind {
            case .conflict, .legal, .event, .official, .agreement: return false
            default: return node.track != .one
            }
        }
        let all = try Self.compareEveryPair(graph, mask: everyone, seed: 1)
        let some = try Self.compareEveryPair(graph, mask: unofficial, seed: 2)
        #expect(all.multiple > 0 && some.multiple > 0)
    }
}
