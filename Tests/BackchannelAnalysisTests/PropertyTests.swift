import BackchannelFormats
import BackchannelTestSupport
import Testing

@testable import BackchannelAnalysis

/// A seeded random directed graph with weights 1...9 and some isolated nodes.
func randomGraph(nodes n: Int, arcs m: Int, seed: UInt64, directed: Bool = true) -> CompactGraph {
    var rng = SeededRandom(seed: seed)
    var s: [Int32] = [], t: [Int32] = [], w: [Double] = []
    for _ in 0..<m {
        let a = Int32.random(in: 0..<Int32(n - 3), using: &rng)
        let b = Int32.random(in: 0..<Int32(n - 3), using: &rng)
        s.append(a)
        t.append(b)
        w.append(Double(Int.random(in: 1...9, using: &rng)))
    }
    return try! CompactGraph(ids: (0..<n).map { "v\($0)" }, sources: s, targets: t, weights: w, directed: directed)
}

/// The same graph with its nodes renumbered by `permutation` (new index of old node i).
func relabel(_ g: CompactGraph, _ permutation: [Int]) -> CompactGraph {
    var ids = g.ids
    for i in 0..<g.nodeCount { ids[permutation[i]] = g.ids[i] }
    var s: [Int32] = [], t: [Int32] = [], w: [Double] = []
    for u in 0..<g.nodeCount {
        for k in Int(g.outOffsets[u])..<Int(g.outOffsets[u + 1]) where g.isDirected || u < Int(g.outTargets[k]) {
            s.append(Int32(permutation[u]))
            t.append(Int32(permutation[Int(g.outTargets[k])]))
            w.append(g.outStrengths[k])
        }
    }
    return try! CompactGraph(ids: ids, sources: s, targets: t, weights: w, directed: g.isDirected)
}

@Suite("Properties of the measures")
struct PropertyTests {
    @Test(arguments: [(UInt64(1), true), (2, true), (3, false), (4, false)])
    func rawBetweennessSumsTheInteriorOfEveryShortestPath(seed: UInt64, directed: Bool) throws {
        // Each shortest s–t path of length d has d − 1 interior nodes, so Σ_v b(v) = Σ_{(s,t) reachable} (d(s,t) − 1)
        // over ordered pairs (halved for undirected raw scores); with endpoints, d + 1 per pair.
        let g = randomGraph(nodes: 60, arcs: 150, seed: seed, directed: directed)
        var interior = 0.0, withEnds = 0.0, pairs = 0.0
        for s in 0..<g.nodeCount {
            let d = try ShortestPaths.distances(g, from: s)
            for t in 0..<g.nodeCount where t != s && d[t].isFinite {
                interior += d[t] - 1
                withEnds += d[t] + 1
                pairs += 1
            }
        }
        let half = directed ? 1.0 : 0.5
        let raw = try BetweennessCentrality(normalized: false).scores(g).reduce(0, +)
        #expect(abs(raw - interior * half) < 1e-6, "Σ b = \(raw), Σ (d − 1) = \(interior * half)")
        let ends = try BetweennessCentrality(normalized: false, endpoints: true).scores(g).reduce(0, +)
        #expect(abs(ends - withEnds * half) < 1e-6)
        #expect(pairs > 100, "the graph is connected enough to test something")
    }

    @Test func sampledBetweennessWithEverySourceIsExact() throws {
        let g = randomGraph(nodes: 50, arcs: 200, seed: 9)
        let exact = try BetweennessCentrality().scores(g)
        // All n sources, in a shuffled order, rescaled as a sample of n: the same numbers.
        var all = Array(0..<g.nodeCount)
        var rng = SeededRandom(seed: 5)
        all.shuffle(using: &rng)
        let p = Measure.Parameters()
        var sampled = p
        sampled.samples = g.nodeCount
        guard case let .nodes(viaMeasure) = try! Measure.betweenness.compute(g, sampled) else { Issue.record("not node scores"); return }
        for v in 0..<g.nodeCount {
            #expect(abs(viaMeasure[v] - exact[v]) < 1e-12)
        }
        let shuffledRaw = try BetweennessCentrality(normalized: false).accumulate(g, sources: all)
        let exactRaw = try BetweennessCentrality(normalized: false).accumulate(g, sources: Array(0..<g.nodeCount))
        for v in 0..<g.nodeCount { #expect(abs(shuffledRaw[v] - exactRaw[v]) < 1e-9) }
    }

    /// Sampled betweenness with k < n, through `Measure` (samples and seed, as the CLI passes them),
    /// against NetworkX's Brandes accumulation and sampled rescaling over the same sources (the
    /// reference script replays ``SeededRandom``).
    @Test(arguments: ReferenceGraph.all.filter { $0.root["betweenness_sampled_backchannel"] != nil }.map(\.name))
    func sampledBetweennessWithFewerSourcesMatchesNetworkX(name: String) throws {
        let g = ReferenceGraph.named(name)
        let record = try #require(g.root["betweenness_sampled_backchannel"])
        let k = Int(try #require(record["k"]?.number)), seed = UInt64(try #require(record["seed"]?.number))
        #expect(k < g.graph.nodeCount, "a real sample")
        let sources = try BetweennessCentrality.sampleSources(k, nodeCount: g.graph.nodeCount, seed: seed)
        #expect(
            sources.map { g.graph.ids[$0] } == record["sources"]!.strings, "\(name): the sources NetworkX was given are the ones we draw")
        for (key, normalized) in [("values", true), ("values_raw", false)] {
            var p = Measure.Parameters()
            p.samples = k
            p.seed = seed
            p.normalized = normalized
            guard case let .nodes(ours) = try Measure.betweenness.compute(g.graph, p) else {
                Issue.record("not node scores")
                return
            }
            let exact = try BetweennessCentrality(normalized: normalized).scores(g.graph)
            #expect(ours != exact, "\(name): a sample of \(k) differs from exact betweenness")
            for (i, id) in g.graph.ids.enumerated() {
                let r = try #require(record[key]?[id]?.number, "\(name) \(key) \(id)")
                #expect(abs(ours[i] - r) <= 1e-9 * max(1, abs(r)), "\(name) \(key) \(id): ours \(ours[i]), NetworkX \(r)")
            }
        }
    }

    @Test(arguments: Measure.allCases.filter { $0 != .edgeBetweenness && $0 != .brokerage })
    func measuresAreInvariantUnderRelabelling(measure: Measure) throws {
        let g = randomGraph(nodes: 40, arcs: 160, seed: 21)
        var permutation = Array(0..<g.nodeCount)
        var rng = SeededRandom(seed: 3)
        permutation.shuffle(using: &rng)
        let h = relabel(g, permutation)
        var p = Measure.Parameters()
        p.tolerance = 1e-13
        p.maxIterations = 100_000
        if measure == .katz { p.alpha = 0.05 }
        guard case let .nodes(a) = try measure.compute(g, p), case let .nodes(b) = try measure.compute(h, p) else {
            Issue.record("not node scores")
            return
        }
        for i in 0..<g.nodeCount {
            let x = a[i], y = b[permutation[i]]
            #expect((x.isNaN && y.isNaN) || abs(x - y) <= 1e-9 * max(1, abs(x)), "\(measure) node \(g.ids[i]): \(x) vs \(y)")
        }
    }

    @Test(arguments: [WeightMode.none, .distance])
    func resultsDoNotDependOnTheNumberOfLanesOrCores(weight: WeightMode) throws {
        let g = randomGraph(nodes: 200, arcs: 900, seed: 77)
        let one = try BetweennessCentrality(weight: weight, lanes: 1).scores(g)
        #expect(one.contains { $0 > 0 }, "the graph has brokers")
        for lanes in [3, 8, 13] {
            let other = try BetweennessCentrality(weight: weight, lanes: lanes).scores(g)
            // Bit for bit, not within a tolerance: compare the IEEE bit patterns.
            #expect(other.map(\.bitPattern) == one.map(\.bitPattern), "\(lanes) lanes differ from 1 lane")
        }
        // Sampled, with fewer sources than partial sums: still the same bits.
        let sources = [5, 17, 3]
        let few = try BetweennessCentrality(weight: weight, sources: sources, lanes: 1).scores(g)
        #expect(try BetweennessCentrality(weight: weight, sources: sources, lanes: 8).scores(g).map(\.bitPattern) == few.map(\.bitPattern))
    }

    @Test func parallelEdgesMergeAndSelfLoopsDrop() throws {
        // a→b twice (weights 2 and 5), a→a, b→c.
        let g = try CompactGraph(
            ids: ["a", "b", "c"], sources: [0, 0, 0, 1], targets: [1, 1, 0, 2], weights: [2, 5, 3, 1], directed: true)
        #expect(g.arcCount == 2)
        #expect(g.outStrengths == [7, 1], "strength: parallel weights add")
        #expect(g.outLengths == [2, 1], "distance: the shortest parallel edge")
        #expect(try Strength().scores(g) == [7, 8, 1])
        #expect(DegreeCentrality(.total, normalized: false).scores(g) == [1, 2, 1])
    }

    /// Arcs are ordered by (row, column) with parallel edges merged in edge order, whether a row is
    /// sorted by insertion (at most 32 arcs) or by key (more): checked against a plain sort, with a
    /// hub of 300 arcs in shuffled order, parallel edges of distinct weights (whose sum depends on
    /// its order) and self-loops.
    @Test func arcsAreSortedByRowThenColumnWithParallelEdgesInEdgeOrder() throws {
        var random = SeededRandom(seed: 9)
        let n = 60
        var s: [Int32] = [], t: [Int32] = [], w: [Double] = []
        for _ in 0..<300 {  // the hub: node 0
            s.append(0)
            t.append(Int32(Int.random(in: 0..<n, using: &random)))
            w.append([0.1, 0.2, 0.3, 1e16, 1, 7][Int.random(in: 0..<6, using: &random)])
        }
        for _ in 0..<400 {
            s.append(Int32(Int.random(in: 1..<n, using: &random)))
            t.append(Int32(Int.random(in: 0..<n, using: &random)))
            w.append([0.1, 0.2, 0.3, 1e16, 1, 7][Int.random(in: 0..<6, using: &random)])
        }
        let order = Array(s.indices).shuffled(using: &random)
        s = order.map { s[$0] }
        t = order.map { t[$0] }
        w = order.map { w[$0] }
        let g = try CompactGraph(ids: (0..<n).map { "v\($0)" }, sources: s, targets: t, weights: w, directed: true)
        // The expected arrays: edges sorted by (source, target, edge index), self-loops dropped,
        // parallel edges merged by adding their weights in edge order.
        let sorted = s.indices.filter { s[$0] != t[$0] }.sorted { (s[$0], t[$0], $0) < (s[$1], t[$1], $1) }
        var offsets = [Int32](repeating: 0, count: n + 1), targets: [Int32] = [], strengths: [Double] = []
        var last: (Int32, Int32)? = nil
        for e in sorted {
            if let l = last, l == (s[e], t[e]) {
                strengths[strengths.count - 1] += w[e]
            } else {
                targets.append(t[e])
                strengths.append(w[e])
                offsets[Int(s[e]) + 1] += 1
                last = (s[e], t[e])
            }
        }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        #expect(Int(g.outOffsets[1] - g.outOffsets[0]) > 32, "the hub's row takes the sort by key")
        #expect(g.outOffsets == offsets)
        #expect(g.outTargets == targets)
        #expect(g.outStrengths.map(\.bitPattern) == strengths.map(\.bitPattern), "parallel weights added in edge order")
    }
}
