import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation
import BackchannelTestSupport
import Foundation
import Testing

/// `communities` end to end on the bundled history.
@Suite("communities command")
struct CommunitiesCLITests {
    @Test func jsonCoversEveryNodeOnceWithNetworkXLikeModularity() throws {
        let result = try Fixtures.run(["communities", "--format", "json", "--seed", "4"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONParser.parse(Array(result.stdout.utf8))
        #expect(json["method"]?.value == .string("louvain"))
        #expect(json["parameters"]?["seed"]?.value == .int(4))
        guard case let .double(q)? = json["modularity"]?.value, case let .array(communities)? = json["communities"]?.value else {
            Issue.record("unexpected shape: \(result.stdout)")
            return
        }
        // NetworkX 3.6.1's louvain_communities on the same undirected graph reaches 0.7568 at best over ten seeds.
        #expect(q > 0.73 && q < 0.78)
        var ids: [String] = []
        for c in communities {
            if case let .array(members) = c.value { ids += members.compactMap { if case let .string(s) = $0.value { s } else { nil } } }
        }
        #expect(ids.count == 93 && Set(ids).count == 93)
        let again = try Fixtures.run(["communities", "--format", "json", "--seed", "4"])
        #expect(again.stdout == result.stdout, "deterministic for a seed")
    }

    @Test func badValuesAreUsageErrors() throws {
        #expect(try Fixtures.run(["communities", "--resolution", "-1"]).status == 64)
        #expect(try Fixtures.run(["communities", "--weight", "distance"]).status == 64)
    }

    /// Three cliques of four conveners in a ring, each joined to the next by one tie: Louvain's answer
    /// is unambiguous, one community per clique (a lone node, with no tie, gets no box).
    static let ringOfCliques: Network = {
        let s = ["s"]
        var nodes: [Node] = []
        var edges: [Edge] = []
        for c in ["a", "b", "c"] {
            for k in 1...4 { nodes.append(Node(id: "\(c)\(k)", label: "\(c.uppercased())\(k)", kind: .convener, sources: s)) }
            for i in 1...3 { for j in (i + 1)...4 { edges.append(Edge("\(c)\(i)", .partnersWith, "\(c)\(j)", sources: s)) } }
        }
        edges += [
            Edge("a1", .partnersWith, "b1", sources: s), Edge("b2", .partnersWith, "c1", sources: s),
            Edge("c2", .partnersWith, "a2", sources: s),
        ]
        nodes.append(Node(id: "alone", label: "Alone", kind: .participant, sources: s))
        return Network(name: "ring", title: "Ring of cliques", sources: [Source(id: "s", citation: "Fixture")], nodes: nodes, edges: edges)
    }()

    /// The members of each `cluster_K` subgraph of a DOT drawing, by `bc_id`.
    static func clusters(_ dot: String) -> [Set<String>] {
        var idOf: [String: String] = [:]
        for line in dot.split(separator: "\n") where line.hasPrefix("  \"n") && !line.contains("->") {
            let name = line.dropFirst(3).prefix { $0 != "\"" }
            if let r = line.range(of: "bc_id=\"") { idOf[String(name)] = String(line[r.upperBound...].prefix { $0 != "\"" }) }
        }
        var out: [Set<String>] = []
        for block in dot.components(separatedBy: "subgraph \"cluster_").dropFirst() {
            let body = block.prefix { $0 != "}" }
            let members = body.split(separator: "\n").filter { $0.hasPrefix("    \"n") }.flatMap { line in
                line.split(separator: ";").compactMap { item -> String? in
                    let name = item.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                    return idOf[name]
                }
            }
            out.append(Set(members))
        }
        return out
    }

    @Test func clusterByCommunityBoxesEachCommunityOnce() throws {
        let dir = try Fixtures.temporaryDirectory()
        let input = dir.appendingPathComponent("ring.json")
        try Self.ringOfCliques.jsonText().write(to: input, atomically: true, encoding: .utf8)
        let first = try Fixtures.run(["render", input.path, "--format", "dot", "--cluster-by", "community"])
        #expect(first.status == 0, "\(first.stderr)")
        let boxes = Self.clusters(first.stdout)
        let expected: Set<Set<String>> = [["a1", "a2", "a3", "a4"], ["b1", "b2", "b3", "b4"], ["c1", "c2", "c3", "c4"]]
        #expect(boxes.count == 3 && Set(boxes) == expected, "\(boxes)")
        #expect(first.stdout.contains("Community 1 (4 members):\\n") && first.stdout.contains("Louvain communities (seed 0)"))
        // The job's clusters are the same, and the same on every run.
        let diagram = RenderJob.diagram(Self.ringOfCliques, options: DOTOptions(clusterBy: .community))
        #expect(Set(diagram.clusters.map { Set($0.members.map { Self.ringOfCliques.nodes[$0].id }) }) == expected)
        let again = try Fixtures.run(["render", input.path, "--format", "dot", "--cluster-by", "community"])
        #expect(again.stdout == first.stdout, "deterministic")
        // In the SVG each clique's nodes lie inside one box, and the lone node in none.
        let svg = try Fixtures.run(["render", input.path, "--format", "svg", "--cluster-by", "community"])
        #expect(svg.status == 0, "\(svg.stderr)")
        for k in 0..<3 { #expect(svg.stdout.contains("<title>cluster_\(k)</title>")) }
        #expect(!svg.stdout.contains("<title>cluster_3</title>"))
        // On the bundled history, boxes follow `communities`: as many boxes as communities of two or more.
        let history = try Fixtures.run(["render", "--format", "dot", "--cluster-by", "community"])
        let listed = try Fixtures.run(["communities", "--format", "csv"])
        let sizes = Dictionary(
            grouping: listed.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").last ?? "" }, by: { $0 })
        #expect(Self.clusters(history.stdout).count == sizes.values.filter { $0.count > 1 }.count)
        // `overview --cluster-by community` boxes the whole-network drawing the same way.
        let out = dir.appendingPathComponent("renders")
        let overview = try Fixtures.run(["overview", input.path, "-o", out.path, "--cluster-by", "community"])
        #expect(overview.status == 0, "\(overview.stderr)")
        let drawn = try String(contentsOf: out.appendingPathComponent("ring.dot"), encoding: .utf8)
        #expect(Set(Self.clusters(drawn)) == expected)
    }
}
