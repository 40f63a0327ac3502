import BackchannelTestSupport
import Testing

@testable import BackchannelAnalysis

/// Unweighted betweenness from batches of sources (``BatchedBrandes``) against one source at a time
/// (``BreadthFirstBrandes``): the same scores to 1e-12 relative on seeded random graphs whose sizes
/// are not multiples of the batch width, disconnected graphs and graphs with pendants, directed and
/// undirected, folded and not, with endpoints and normalization on and off, exact and sampled; and
/// the same bits for every number of lanes.
@Suite("Batched Brandes")
struct BatchedBrandesTests {
    /// A seeded graph on `n` nodes: `arcs` random arcs among the first `core` nodes, the rest hung
    /// off earlier nodes as trees (`pendants`) or left isolated.
    static func graph(n: Int, arcs: Int, core: Int, pendants: Bool, seed: UInt64, directed: Bool) throws -> CompactGraph {
        var rng = SeededRandom(seed: seed)
        var s: [Int32] = [], t: [Int32] = []
        let core = min(max(core, 1), n)
        for _ in 0..<arcs {
            let x = Int.random(in: 0..<core, using: &rng), y = Int.random(in: 0..<core, using: &rng)
            if x != y {
                s.append(Int32(x))
                t.append(Int32(y))
            }
        }
        if pendants {
            for i in core..<n where i > 0 && i % 4 != 3 {
                let p = Int.random(in: 0..<i, using: &rng)
                if Bool.random(using: &rng) {
                    s.append(Int32(i))
                    t.append(Int32(p))
                } else {
                    s.append(Int32(p))
                    t.append(Int32(i))
                }
            }
        }
        return try CompactGraph(
            ids: (0..<n).map { "v\($0)" }, sources: s, targets: t, weights: s.map { _ in 1 }, directed: directed)
    }

    /// (n, arcs, core, pendants): sparse and dense, connected and not, sizes around multiples of 8.
    static let shapes: [(Int, Int, Int, Bool)] = [
        (1, 0, 1, false), (2, 1, 2, false), (5, 6, 5, false), (7, 12, 7, false), (9, 14, 9, false),
        (13, 8, 13, false), (17, 40, 10, true), (31, 60, 31, false), (33, 45, 20, true), (63, 90, 40, true),
        (100, 400, 100, false), (129, 150, 129, false), (151, 300, 60, true),
    ]

    func expectSame(_ batched: [Double], _ plain: [Double], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(batched.count == plain.count, "\(what): count", sourceLocation: sourceLocation)
        for (v, (x, y)) in zip(batched, plain).enumerated() {
            // One sampled source leaves the source's own score undefined (NaN) either way.
            #expect(
                (x.isNaN && y.isNaN) || abs(x - y) <= 1e-12 * abs(y), "\(what) node \(v): batched \(x), one at a time \(y)",
                sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [false, true])
    func batchedEqualsOneAtATime(directed: Bool) throws {
        for (index, (n, arcs, core, pendants)) in Self.shapes.enumerated() {
            let g = try Self.graph(n: n, arcs: arcs, core: core, pendants: pendants, seed: UInt64(index + 1), directed: directed)
            for folds in [true, false] {
                for (normalized, endpoints) in [(true, false), (false, false), (true, true), (false, true)] {
                    var batched = BetweennessCentrality(normalized: normalized, endpoints: endpoints)
                    batched.foldsPendants = folds
                    var plain = batched
                    plain.batched = false
                    expectSame(
                        try batched.scores(g), try plain.scores(g),
                        "n=\(n) arcs=\(arcs) \(directed ? "directed" : "undirected") folds=\(folds) normalized=\(normalized) endpoints=\(endpoints)"
                    )
                }
            }
        }
    }

    /// The pendant-folding shapes (trees, stars, paths, forests, chains) batched as well.
    @Test(arguments: PendantFoldingTests.Shape.allCases, [true, false])
    func foldingShapes(shape: PendantFoldingTests.Shape, directed: Bool) throws {
        for (n, seed) in [(3, 1), (12, 2), (41, 3), (150, 4)] as [(Int, UInt64)] {
            let g = try PendantFoldingTests.graph(shape, n: n, seed: seed, directed: directed)
            for endpoints in [false, true] {
                let batched = BetweennessCentrality(normalized: false, endpoints: endpoints)
                var plain = batched
                plain.batched = false
                plain.foldsPendants = false
                expectSame(try batched.scores(g), try plain.scores(g), "\(shape) n=\(n) directed=\(directed) endpoints=\(endpoints)")
            }
        }
    }

    /// Sampled sources (any order, any count) batch too.
    @Test(arguments: [false, true])
    func sampled(directed: Bool) throws {
        let g = try Self.graph(n: 90, arcs: 200, core: 70, pendants: true, seed: 7, directed: directed)
        for k in [1, 5, 8, 13, 90] {
            let sources = try BetweennessCentrality.sampleSources(k, nodeCount: g.nodeCount, seed: UInt64(k))
            for endpoints in [false, true] {
                let batched = BetweennessCentrality(endpoints: endpoints, sources: sources)
                var plain = batched
                plain.batched = false
                expectSame(try batched.scores(g), try plain.scores(g), "k=\(k) directed=\(directed) endpoints=\(endpoints)")
            }
        }
    }

    /// Every number of lanes gives the same bits, and the kernel is the one that runs.
    @Test(arguments: [false, true])
    func lanesDoNotChangeBits(directed: Bool) throws {
        let g = try Self.graph(n: 203, arcs: 600, core: 150, pendants: true, seed: 11, directed: directed)
        let reference = try BetweennessCentrality(lanes: 1).scores(g)
        for lanes in [2, 3, 8, 13] { #expect(try BetweennessCentrality(lanes: lanes).scores(g) == reference, "lanes=\(lanes)") }
        var plain = BetweennessCentrality(lanes: 1)
        plain.batched = false
        #expect(try plain.scores(g) != reference || g.edgeCount == 0, "batched and one at a time sum in different orders here")
    }

    /// A batch's sources are grouped by breadth-first position: a permutation of the given sources.
    @Test func groupingIsAPermutation() throws {
        let g = try Self.graph(n: 77, arcs: 120, core: 50, pendants: true, seed: 3, directed: true)
        let sources = Array((0..<77).reversed())
        let grouped = g.outOffsets.withUnsafeBufferPointer { o in
            g.outTargets.withUnsafeBufferPointer { BatchedBrandes.groupedSources(sources, offsets: o, targets: $0) }
        }
        #expect(grouped.sorted() == Array(0..<77))
        #expect(grouped != sources)
    }
}
