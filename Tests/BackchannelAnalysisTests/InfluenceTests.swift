import BackchannelAnalysis
import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Testing

/// The influence composite on the bundled history against an independent computation
/// (Tests/References/generate_networkx_references.py, `influence`: NetworkX betweenness and PageRank,
/// brute-force cross-track brokerage, breadth-first reach).
@Suite("Influence of conveners")
struct InfluenceTests {
    /// The composite as the influence command builds it: undirected, track groups, conveners and
    /// reach targets by kind.
    static func rank() throws -> (entries: [ConvenerInfluence.Entry], graph: CompactGraph) {
        let network = try Network.bundled()
        let graph = CompactGraph(network, directed: false)
        let byID = Dictionary(network.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let nodes = graph.ids.map { byID[$0]! }
        let tracks = nodes.map { $0.track?.rawValue ?? "" }
        var codes: [String: Int] = [:]
        for t in tracks.sorted() where codes[t] == nil { codes[t] = codes.count }
        let influence = ConvenerInfluence(
            isConvener: nodes.map { $0.kind == .convener },
            isReachTarget: nodes.map { $0.kind == .conflict || $0.kind == .participant },
            groups: tracks.map { codes[$0]! })
        return (try influence.rank(graph), graph)
    }

    @Test func compositeMatchesAnIndependentComputation() throws {
        let (entries, graph) = try Self.rank()
        let reference = try #require(ReferenceGraph.influence?["conveners"]?.items, "influence reference missing")
        #expect(entries.count == reference.count, "one entry per convener")
        #expect(entries.count >= 10, "the history has conveners to rank")
        for (ours, theirs) in zip(entries, reference) {
            let id = try #require(theirs["id"]?.stringValue)
            #expect(graph.ids[ours.node] == id, "same order")
            func close(_ a: Double, _ key: String, _ part: String? = nil) throws {
                let node = part.map { theirs[key]?[$0] } ?? theirs[key]
                let b = try #require(node?.number, "\(id) \(key) \(part ?? "")")
                #expect(abs(a - b) <= 1e-10, "\(id) \(key) \(part ?? ""): ours \(a), reference \(b)")
            }
            try close(ours.score, "score")
            for ((name, raw), (_, scaled)) in zip(ours.raw.named, ours.scaled.named) {
                try close(raw, "raw", name)
                try close(scaled, "scaled", name)
            }
        }
    }

    /// Hand-checkable: the brokerage component is a count, reach a share of the 27 conflicts and
    /// participants, every scaled component at most 1 with a 1 for each component's best convener,
    /// and the score the mean of the four scaled components.
    @Test func componentsHoldTogether() throws {
        let (entries, _) = try Self.rank()
        for e in entries {
            #expect(e.raw.brokerage == e.raw.brokerage.rounded())
            #expect((e.raw.reach * 27).rounded() == e.raw.reach * 27 || abs((e.raw.reach * 27).rounded() - e.raw.reach * 27) < 1e-12)
            #expect(abs(e.score - (e.scaled.brokerage + e.scaled.betweenness + e.scaled.reach + e.scaled.pagerank) / 4) < 1e-15)
            for (_, s) in e.scaled.named { #expect(s >= 0 && s <= 1) }
        }
        for c in 0..<4 {
            #expect(entries.contains { $0.scaled.named[c].value == 1 }, "\(ConvenerInfluence.components[c]): the best convener scores 1")
        }
        #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.score >= $1.score }, "best first")
    }

    /// Reach runs 256 searches per pass from the targets, against the arcs; it must count exactly the
    /// targets one search from each convener finds within two steps, past one batch of targets,
    /// along arcs when the network is directed.
    @Test(arguments: [(40, 30), (300, 520), (700, 1400), (700, 5000)], [true, false])
    func reachCountsWhatOneSearchPerConvenerFinds(_ size: (n: Int, m: Int), _ directed: Bool) throws {
        let g = try MultiSourceBFSTests.graph(n: size.n, m: size.m, seed: UInt64(size.n + size.m), directed: directed)
        let n = g.nodeCount
        let isConvener = (0..<n).map { $0 % 5 == 0 }
        let isTarget = (0..<n).map { $0 % 3 != 1 }
        let entries = try ConvenerInfluence(isConvener: isConvener, isReachTarget: isTarget, groups: Array(repeating: 0, count: n))
            .rank(g)
        let targets = Double(isTarget.count { $0 })
        #expect(entries.count == isConvener.count { $0 })
        for e in entries {
            let d = try ShortestPaths.distances(g, from: e.node)
            let expected = (0..<n).count { $0 != e.node && isTarget[$0] && d[$0] <= Double(ConvenerInfluence.reachRadius) }
            #expect(e.raw.reach == Double(expected) / targets, "reach of \(g.ids[e.node]): \(e.raw.reach * targets) vs \(expected)")
        }
    }
}
