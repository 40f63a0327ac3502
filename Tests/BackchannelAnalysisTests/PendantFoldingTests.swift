import BackchannelTestSupport
import Testing

@testable import BackchannelAnalysis

/// Exact betweenness with pendant trees folded (``PendantFolding``) against plain Brandes on the
/// same graph: the same scores to 1e-12 relative, on trees, stars, paths, graphs with many pendants
/// and disconnected graphs, directed and undirected, for every weight mode, endpoints and normalization.
@Suite("Pendant folding")
struct PendantFoldingTests {
    enum Shape: String, CaseIterable, CustomTestStringConvertible {
        case tree, star, path, pendants, forest, chains
        var testDescription: String { rawValue }
    }

    /// A seeded graph of `shape` with `n` nodes and integer weights 1–9.
    static func graph(_ shape: Shape, n size: Int, seed: UInt64, directed: Bool) throws -> CompactGraph {
        // Forests and chains need room for their parts.
        let n = shape == .forest || shape == .chains ? max(size, 20) : size
        var rng = SeededRandom(seed: seed)
        var s: [Int32] = [], t: [Int32] = []
        func arc(_ x: Int, _ y: Int) {
            // Pendant arcs point either way, so directed graphs get source and sink pendants.
            if Bool.random(using: &rng) {
                s.append(Int32(x))
                t.append(Int32(y))
            } else {
                s.append(Int32(y))
                t.append(Int32(x))
            }
        }
        switch shape {
        case .tree:
            for i in 1..<n { arc(i, Int.random(in: 0..<i, using: &rng)) }
        case .star:
            for i in 1..<n { arc(0, i) }
        case .path:
            for i in 1..<n { arc(i - 1, i) }
        case .pendants:
            // A random core of a third of the nodes, with trees and pendants hanging off it.
            let core = min(n, max(3, n / 3))
            for _ in 0..<(3 * core) {
                let x = Int.random(in: 0..<core, using: &rng), y = Int.random(in: 0..<core, using: &rng)
                if x != y { arc(x, y) }
            }
            for i in core..<n { arc(i, Int.random(in: 0..<i, using: &rng)) }
        case .forest:
            // Several components: trees, a cycle with tails, isolated nodes.
            for i in 1..<(n / 3) where i % 7 != 0 { arc(i, Int.random(in: 0..<i, using: &rng)) }
            let c0 = n / 3, c1 = 2 * n / 3
            for i in c0..<(c0 + 6) { arc(i, i + 1 < c0 + 6 ? i + 1 : c0) }
            for i in (c0 + 6)..<c1 { arc(i, Int.random(in: c0..<i, using: &rng)) }
            for i in c1..<(n - 3) where Bool.random(using: &rng) { arc(i, Int.random(in: c1...i, using: &rng)) }
        case .chains:
            // Directed chains and anti-chains into and out of a dense middle.
            let middle = max(4, n / 4)
            for x in 0..<middle { for y in 0..<middle where x != y && Int.random(in: 0..<3, using: &rng) == 0 { arc(x, y) } }
            var previous = Int.random(in: 0..<middle, using: &rng)
            for i in middle..<n {
                if i % 5 == 0 { previous = Int.random(in: 0..<middle, using: &rng) }
                arc(i, previous)
                previous = i
            }
        }
        let w = s.map { _ in Double(Int.random(in: 1...9, using: &rng)) }
        let pairs = zip(s, t).filter { $0 != $1 }
        return try CompactGraph(
            ids: (0..<n).map { "v\($0)" }, sources: pairs.map(\.0), targets: pairs.map(\.1), weights: Array(w.prefix(pairs.count)),
            directed: directed)
    }

    func expectSame(_ folded: [Double], _ plain: [Double], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(folded.count == plain.count, "\(what): count", sourceLocation: sourceLocation)
        for (v, (x, y)) in zip(folded, plain).enumerated() {
            #expect(abs(x - y) <= 1e-12 * abs(y), "\(what) node \(v): folded \(x), Brandes \(y)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: Shape.allCases, [true, false])
    func foldedEqualsBrandes(shape: Shape, directed: Bool) throws {
        for (n, seed) in [(2, 1), (3, 2), (12, 3), (40, 4), (150, 5)] as [(Int, UInt64)] {
            let g = try Self.graph(shape, n: n, seed: seed + (directed ? 100 : 0), directed: directed)
            for weight in [WeightMode.none, .distance, .strength] {
                for (normalized, endpoints) in [(true, false), (false, false), (true, true), (false, true)] {
                    var folded = BetweennessCentrality(weight: weight, normalized: normalized, endpoints: endpoints)
                    var plain = folded
                    folded.foldsPendants = true
                    plain.foldsPendants = false
                    expectSame(
                        try folded.scores(g), try plain.scores(g),
                        "\(shape) n=\(n) \(directed ? "directed" : "undirected") \(weight) normalized=\(normalized) endpoints=\(endpoints)")
                }
            }
        }
    }

    /// Folding must actually remove the pendants, so that fewer searches run: a tree folds to one node
    /// per component; unweighted and integer-weighted graphs fold source pendants, non-integer lengths
    /// only sink pendants (directed) or nothing (undirected).
    @Test func whatFolds() throws {
        let tree = try Self.graph(.tree, n: 60, seed: 9, directed: false)
        #expect(PendantFolding(tree, foldSources: true).isCore.filter { $0 }.count == 1)
        #expect(PendantFolding(tree, foldSources: false).isTrivial)
        let directed = try Self.graph(.pendants, n: 90, seed: 4, directed: true)
        let all = PendantFolding(directed, foldSources: true)
        let sinksOnly = PendantFolding(directed, foldSources: false)
        #expect(all.folded.contains { $0.fold == .source } && all.folded.contains { $0.fold == .sink })
        #expect(!sinksOnly.folded.isEmpty && sinksOnly.folded.allSatisfy { $0.fold == .sink })
        #expect(PendantFolding.foldsSources(nil))
        #expect(PendantFolding.foldsSources(try directed.lengths(.distance)))
        #expect(!PendantFolding.foldsSources(try directed.lengths(.strength)))
        #expect(!PendantFolding.foldsSources([1, 2.5]))
        #expect(!PendantFolding.foldsSources([4e15, 4e15, 4e15]))
    }

    /// A path a → b → c folds completely: b lies on a → c; with endpoints each pair counts its ends too.
    @Test func directedPath() throws {
        let g = try CompactGraph(ids: ["a", "b", "c"], sources: [0, 1], targets: [1, 2], weights: [1, 1], directed: true)
        #expect(PendantFolding(g, foldSources: true).isCore.filter { $0 }.count == 1)
        #expect(try BetweennessCentrality(normalized: false).scores(g) == [0, 1, 0])
        #expect(try BetweennessCentrality(normalized: false, endpoints: true).scores(g) == [2, 3, 2])
    }

    /// The NetworkX reference graphs (Tests/References) still match with folding, and fold something
    /// on the graphs that have pendants.
    @Test(arguments: ReferenceGraph.all.map(\.name))
    func referencesFold(name: String) throws {
        let g = ReferenceGraph.named(name)
        let reference = g.measure("betweenness")!
        let ours = try BetweennessCentrality().scores(g.graph)
        for (i, r) in reference.enumerated() { #expect(abs(ours[i] - r!) <= 1e-12 * max(1, abs(r!)), "\(name) \(g.graph.ids[i])") }
    }
}
