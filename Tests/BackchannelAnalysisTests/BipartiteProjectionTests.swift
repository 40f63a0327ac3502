import BackchannelAnalysis
import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// Two-mode projections against NetworkX's bipartite projections of Davis's Southern Women, from
/// Tests/References/generate_projection_references.py.
@Suite("Two-mode projections")
struct BipartiteProjectionTests {
    static let root: JSONNode? = {
        let url = Fixtures.packageRoot.appendingPathComponent("Tests/References/projection-references.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONParser.parse([UInt8](data))
    }()

    @Test(arguments: BipartiteProjection.Weighting.allCases, ["women", "events"])
    func matchesNetworkX(_ weighting: BipartiteProjection.Weighting, _ side: String) throws {
        let root = try #require(Self.root)
        let ids = root["nodes"]!.strings
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let edges = root["edges"]!.items.map(\.strings)
        // Directed as written (woman → event): ties count in both directions all the same.
        let graph = try CompactGraph(
            ids: ids, sources: edges.map { Int32(index[$0[0]]!) }, targets: edges.map { Int32(index[$0[1]]!) },
            weights: Array(repeating: 1, count: edges.count), directed: true)
        let women = Set(root["women"]!.strings)
        let onto = ids.map { side == "women" ? women.contains($0) : !women.contains($0) }
        let reference = root["projections"]!.items.first { $0["onto"]!.string == side && $0["weighting"]!.string == weighting.rawValue }!
        var expected: [String: Double] = [:]
        for tie in reference["ties"]!.items { expected["\(tie.items[0].string)|\(tie.items[1].string)"] = tie.items[2].number! }
        let ties = try BipartiteProjection(weighting: weighting).ties(graph, onto: onto)
        #expect(ties.count == expected.count)
        for tie in ties {
            #expect(tie.u < tie.v)
            let (a, b) = (ids[tie.u], ids[tie.v])
            let key = a < b ? "\(a)|\(b)" : "\(b)|\(a)"
            guard let want = expected[key] else {
                Issue.record("\(key) is not in NetworkX's projection")
                continue
            }
            #expect(abs(tie.weight - want) < 1e-12, "\(key): \(tie.weight) vs \(want)")
        }
    }

    @Test func wrongMaskIsATypedError() throws {
        let g = try CompactGraph(ids: ["a", "b"], sources: [0], targets: [1], weights: [1], directed: false)
        #expect(throws: AnalysisError.self) { try BipartiteProjection().ties(g, onto: [true]) }
    }
}
