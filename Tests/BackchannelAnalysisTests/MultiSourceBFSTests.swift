import BackchannelAnalysis
import BackchannelTestSupport
import Testing

/// Unweighted closeness and harmonic run 256 searches per pass. Closeness must be bit for bit that of
/// one breadth-first search per node; harmonic, whose exact fixed-point sum is rounded once, within
/// a few units in the last place of the Double sum in level order (which rounds once per term), and
/// both the same for every thread count.
@Suite("Multi-source BFS", .serialized)
struct MultiSourceBFSTests {
    static func graph(n: Int, m: Int, seed: UInt64, directed: Bool) throws -> CompactGraph {
        var random = SeededRandom(seed: seed)
        var s: [Int32] = [], t: [Int32] = []
        for _ in 0..<m {
            s.append(Int32(Int.random(in: 0..<n, using: &random)))
            t.append(Int32(Int.random(in: 0..<n, using: &random)))
        }
        return try CompactGraph(
            ids: (0..<n).map { "v\($0)" }, sources: s, targets: t, weights: Array(repeating: 1, count: m), directed: directed)
    }

    @Test(arguments: [(1, 0), (63, 120), (64, 200), (65, 90), (300, 900), (300, 250), (257, 700), (600, 2400)], [true, false])
    func bitIdenticalToOneSearchPerNode(_ size: (n: Int, m: Int), _ directed: Bool) throws {
        let g = try Self.graph(n: size.n, m: size.m, seed: UInt64(size.n * 7 + size.m), directed: directed)
        let closeness = try ClosenessCentrality().scores(g)
        let harmonic = try HarmonicCentrality().scores(g)
        let n = g.nodeCount
        for u in 0..<n {
            // Incoming distances, in level order (all terms of a level are equal).
            let d = try ShortestPaths.distances(g, from: u, incoming: true).filter(\.isFinite).sorted()
            var total = 0.0, h = 0.0
            for x in d.dropFirst() {
                total += x
                h += 1 / x
            }
            let r = Double(d.count - 1)
            var c = total > 0 && n > 1 ? r / total : 0
            if total > 0 && n > 1 { c *= r / Double(n - 1) }
            #expect(closeness[u].bitPattern == c.bitPattern, "closeness of \(u): \(closeness[u]) vs \(c)")
            // Level-order summation rounds once per term: at most d.count half-ulps apart.
            let bound = Double(max(d.count, 1)) * h.ulp
            #expect(abs(harmonic[u] - h) <= bound, "harmonic of \(u): \(harmonic[u]) vs \(h)")
        }
    }

    @Test func sameForEveryThreadCount() throws {
        let g = try Self.graph(n: 900, m: 2700, seed: 11, directed: true)
        defer { try? AnalysisThreads.limit(to: nil) }
        try AnalysisThreads.limit(to: 1)
        let c1 = try ClosenessCentrality().scores(g), h1 = try HarmonicCentrality().scores(g)
        try AnalysisThreads.limit(to: 3)
        let c3 = try ClosenessCentrality().scores(g), h3 = try HarmonicCentrality().scores(g)
        #expect(c1.map(\.bitPattern) == c3.map(\.bitPattern))
        #expect(h1.map(\.bitPattern) == h3.map(\.bitPattern))
    }
}
