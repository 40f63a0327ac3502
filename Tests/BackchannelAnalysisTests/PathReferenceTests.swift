import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Testing

@testable import BackchannelAnalysis

/// Paths against NetworkX: lengths exactly, and the same paths (as sets; NetworkX's order among ties
/// depends on its search).
@Suite("Paths match NetworkX")
struct PathReferenceTests {
    @Test(arguments: ReferenceGraph.all.map(\.name))
    func paths(name: String) throws {
        let g = ReferenceGraph.named(name)
        let records = g.root["paths"]!.items
        #expect(records.count >= 4)
        for record in records {
            let s = g.index[record["source"]!.string]!, t = g.index[record["target"]!.string]!
            let label = "\(g.name) \(record["source"]!.string)→\(record["target"]!.string)"
            func ids(_ p: BackchannelAnalysis.Path) -> [String] { p.nodes.map { g.graph.ids[$0] } }
            func set(_ node: JSONNode?) -> Set<[String]> { Set((node?.items ?? []).map(\.strings)) }

            let bfs = try ShortestPath.find(g.graph, from: s, to: t)
            #expect(bfs?.length == record["bfs_length"]?.number, "\(label) BFS length")
            let allShortest = set(record["all_shortest"])
            if let bfs { #expect(allShortest.contains(ids(bfs)), "\(label) the BFS path is one of NetworkX's shortest paths") }
            #expect(Set(try AllShortestPaths.find(g.graph, from: s, to: t).map(ids)) == allShortest, "\(label) all shortest")

            let dijkstra = try ShortestPath.find(g.graph, from: s, to: t, weight: .distance)
            #expect(dijkstra?.length == record["dijkstra_length"]?.number, "\(label) Dijkstra length")
            #expect(
                Set(try AllShortestPaths.find(g.graph, from: s, to: t, weight: .distance).map(ids)) == set(record["all_shortest_distance"]),
                "\(label) all shortest (distance)")

            for (key, weight) in [("k_shortest", WeightMode.distance), ("k_shortest_unweighted", .none)] {
                let reference = record[key]!.items
                let ours = try KShortestPaths.find(g.graph, from: s, to: t, k: 5, weight: weight)
                #expect(ours.map(\.length) == reference.map { $0["length"]!.number! }, "\(label) \(key) lengths")
                // Below the longest length listed, the set of paths is fully determined.
                let cut = reference.map { $0["length"]!.number! }.max() ?? 0
                let theirs = Set(reference.filter { $0["length"]!.number! < cut }.map { $0["nodes"]!.strings })
                #expect(Set(ours.filter { $0.length < cut }.map(ids)) == theirs, "\(label) \(key) paths")
                #expect(ours.allSatisfy { Set($0.nodes).count == $0.nodes.count }, "simple paths")
            }
        }
    }

    @Test func allSimplePathsRespectTheLengthLimit() throws {
        let g = ReferenceGraph.named("complete6").graph
        let paths = try AllSimplePaths.find(g, from: 0, to: 1, maxLength: 3)
        // In K6 from 0 to 1: 1 direct, 4 via one node, 4·3 via two.
        #expect(paths.count == 1 + 4 + 12)
        #expect(paths.allSatisfy { $0.nodes.first == 0 && $0.nodes.last == 1 && $0.nodes.count <= 4 })
    }

    @Test func timeRespectingPathsFollowTheClock() throws {
        let network = Network(
            nodes: ["a", "b", "c", "d"].map { Node(id: $0, kind: .participant) },
            edges: [
                Edge("a", .partnersWith, "b", years: .year(2000)),
                Edge("b", .partnersWith, "c", years: .year(1990)),  // too early after a→b
                Edge("b", .partnersWith, "d", years: .year(2005)),
                Edge("d", .partnersWith, "c"),  // undated: fits anywhere
            ])
        let found = TimeRespectingPath.find(network, from: "a", to: "c")
        #expect(found?.nodes == ["a", "b", "d", "c"])
        #expect(found?.edges == [0, 2, 3])
        #expect(try ShortestPath.find(CompactGraph(network), from: 0, to: 2)?.nodes == [0, 1, 2], "the untimed shortest path is shorter")
        #expect(TimeRespectingPath.find(network, from: "c", to: "a") == nil)
        // Undirected, c–b (1990) then b–a (2000) keeps time.
        #expect(TimeRespectingPath.find(network, from: "c", to: "a", directed: false)?.nodes == ["c", "b", "a"])
    }
}

@Suite("Typed analyses on the compact graph")
struct TypedAnalysisTests {
    /// Parallel edges merge into one arc, but each keeps its own years: the path takes the one that fits.
    @Test func timeRespectingPathsChooseAmongParallelEdges() {
        let network = Network(
            nodes: ["a", "b", "c"].map { Node(id: $0, kind: .participant) },
            edges: [
                Edge("a", .partnersWith, "b", years: .year(2010)),
                Edge("a", .urges, "b", years: .year(1990)),
                Edge("b", .partnersWith, "c", years: .year(2000)),
            ])
        #expect(TimeRespectingPath.find(network, from: "a", to: "c")?.edges == [1, 2])
        #expect(TimeRespectingPath.find(network, from: "a", to: "zz") == nil)
        #expect(TimeRespectingPath.find(network, from: "b", to: "b")?.nodes == ["b"])
    }

    @Test func arcsRememberTheirEdges() throws {
        let network = Network(
            nodes: ["a", "b", "c"].map { Node(id: $0, kind: .participant) },
            edges: [Edge("a", .partnersWith, "b"), Edge("b", .partnersWith, "c"), Edge("a", .urges, "b"), Edge("c", .partnersWith, "c")])
        let typed = TypedGraph(network, directed: false)
        #expect(typed.graph.arcCount == 4, "a–b merged, b–c, self-loop dropped; two arcs each")
        let ab = try #require(typed.graph.outTargets.firstIndex(of: 1))
        #expect(typed.edges(ofArc: ab).map { typed.graph.outArcEdges[$0] } == [0, 2])
        #if BACKCHANNEL_INTERNAL_CHECKS
            typed.graph.checkInvariants()
        #endif
    }

    @Test func conflictsAndNeighbourhoods() {
        let network = Network(
            nodes: [
                Node(id: "war", kind: .conflict), Node(id: "crisis", kind: .conflict), Node(id: "talks", kind: .dialogue),
                Node(id: "far", kind: .participant), Node(id: "farther", kind: .participant),
            ],
            edges: [
                Edge("crisis", .partOf, "war"), Edge("talks", .partOf, "crisis"),
                Edge("far", .partnersWith, "talks"), Edge("farther", .partnersWith, "far"),
            ])
        let assignment = ConflictAssignment(network)
        #expect(assignment.roots == [0], "a crisis part of a conflict is no root")
        #expect(assignment.conflictOf == [0, 0, 0, nil, nil], "within two steps of the war")
        #expect(ConflictAssignment.neighbourhood(of: "talks", radius: 1, in: network) == ["talks", "crisis", "far"])
        #expect(ConflictAssignment.neighbourhood(of: "nobody", radius: 2, in: network) == ["nobody"])
    }
}
