import BackchannelAnalysis
import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// Modularity and Louvain against NetworkX, from Tests/References/generate_community_references.py.
@Suite("Communities: modularity and Louvain")
struct CommunityTests {
    struct Reference: Sendable, CustomTestStringConvertible {
        var name: String
        var weighted: Bool
        var graph: CompactGraph
        var index: [String: Int]
        var partitions: [(communities: [[String]], resolution: Double, modularity: Double)]
        var louvain: [Double]
        var planted: [[String]]?
        var testDescription: String { name }
    }

    static let references: [Reference] = {
        let url = Fixtures.packageRoot.appendingPathComponent("Tests/References/community-references.json")
        guard let data = try? Data(contentsOf: url), let root = try? JSONParser.parse([UInt8](data)) else { return [] }
        return root["graphs"]!.items.map { g in
            let ids = g["nodes"]!.strings
            let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            let edges = g["edges"]!.items.map { $0.items }
            let graph = try! CompactGraph(
                ids: ids, sources: edges.map { Int32(index[$0[0].string]!) }, targets: edges.map { Int32(index[$0[1].string]!) },
                weights: edges.map { $0[2].number! }, directed: false)
            let partitions = g["partitions"]!.items.map { p in
                (p["communities"]!.items.map(\.strings), p["resolution"]!.number!, p["modularity"]!.number!)
            }
            return Reference(
                name: g["name"]!.string, weighted: g["weighted"]!.value == .bool(true), graph: graph, index: index,
                partitions: partitions, louvain: g["louvain_modularity"]!.items.map { $0.number! },
                planted: g["planted"].map { $0.items.map(\.strings) })
        }
    }()

    @Test func referencesArePresent() {
        #expect(Self.references.count == 6)
        #expect(Self.references.filter { $0.planted != nil }.count == 2)
    }

    @Test(arguments: references)
    func modularityMatchesNetworkX(_ r: Reference) throws {
        #expect(!r.partitions.isEmpty)
        for p in r.partitions {
            var community = [Int](repeating: -1, count: r.graph.nodeCount)
            for (c, members) in p.communities.enumerated() { for id in members { community[r.index[id]!] = c } }
            let q = try Modularity(resolution: p.resolution, weighted: r.weighted).score(r.graph, community: community)
            #expect(abs(q - p.modularity) < 1e-12, "\(r.name) γ=\(p.resolution): \(q) vs NetworkX \(p.modularity)")
        }
    }

    /// Louvain's modularity is as good as NetworkX's typical result: at least its worst over ten seeds,
    /// less a small tolerance, for every seed tried here.
    @Test(arguments: references)
    func louvainReachesNetworkXModularity(_ r: Reference) throws {
        let worst = r.louvain.min()!
        for seed in UInt64(0)..<5 {
            let louvain = Louvain(seed: seed, weighted: r.weighted)
            let membership = try louvain.membership(r.graph)
            let q = try Modularity(weighted: r.weighted).score(r.graph, community: membership)
            #expect(q >= worst - 0.01, "\(r.name) seed \(seed): \(q) vs NetworkX's worst \(worst)")
            #expect(try louvain.membership(r.graph) == membership, "the same seed gives the same partition")
        }
    }

    @Test(arguments: references.filter { $0.planted != nil })
    func louvainFindsUnambiguousCommunities(_ r: Reference) throws {
        let found = try Louvain(seed: 3).communities(r.graph).map { $0.map { r.graph.ids[$0] }.sorted() }.sorted {
            $0.lexicographicallyPrecedes($1)
        }
        #expect(found == r.planted!.map { $0.sorted() }.sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test func communitiesAreOrderedAndCoverEveryNode() throws {
        let r = Self.references.first { $0.name == "karate" }!
        let communities = try Louvain(seed: 1).communities(r.graph)
        #expect(communities.flatMap { $0 }.sorted() == Array(0..<r.graph.nodeCount))
        #expect(zip(communities, communities.dropFirst()).allSatisfy { $0.count >= $1.count })
        // An edgeless graph: every node alone.
        let empty = try CompactGraph(ids: ["a", "b"], sources: [], targets: [], weights: [], directed: false)
        #expect(try Louvain().communities(empty) == [[0], [1]])
    }

    /// A sparse random graph of 3,000 nodes: two communities that are equally good once traded a node
    /// back and forth on rounding error, pass after pass (Louvain did not finish in minutes).
    @Test func sparseRandomGraphsFinishAndAreDeterministic() throws {
        var random = SeededRandom(seed: 3)
        var s: [Int32] = [], t: [Int32] = []
        for _ in 0..<9_000 {
            let a = Int32(Int.random(in: 0..<3_000, using: &random)), b = Int32(Int.random(in: 0..<3_000, using: &random))
            if a != b {
                s.append(a)
                t.append(b)
            }
        }
        let g = try CompactGraph(
            ids: (0..<3_000).map { "v\($0)" }, sources: s, targets: t, weights: Array(repeating: 1, count: s.count), directed: false)
        let membership = try Louvain(seed: 5).membership(g)
        #expect(try Louvain(seed: 5).membership(g) == membership)
        // A sanity bound, not a reference: on a random graph of this shape (3,000 nodes, mean degree 6)
        // NetworkX's louvain_communities reaches about 0.38–0.39, and so does this Louvain.
        #expect(try Modularity().score(g, community: membership) > 0.35)
    }

    @Test func badParametersAreTypedErrors() throws {
        let g = try CompactGraph(ids: ["a", "b"], sources: [0], targets: [1], weights: [1], directed: false)
        #expect(throws: AnalysisError.self) { try Louvain(resolution: -1).communities(g) }
        #expect(throws: AnalysisError.self) { try Louvain(resolution: .nan).communities(g) }
        #expect(throws: AnalysisError.self) { try Modularity().score(g, community: [0]) }
        #expect(throws: AnalysisError.self) { try Modularity().score(g, community: [0, -2]) }
    }
}
