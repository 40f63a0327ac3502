import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// `project`: two-mode projections written in any format and read back by every command.
@Suite("project command")
struct ProjectCLITests {
    @Test func convenersTiedByWhatTheyShare() throws {
        // c1 and c2 both convene d1; c2 and c3 convene d2 and d3; c4 convenes alone.
        let s = ["s"]
        let network = Network(
            name: "two-mode", sources: [Source(id: "s", citation: "Fixture")],
            nodes: ["c1", "c2", "c3", "c4"].map { Node(id: $0, label: $0, kind: .convener, sources: s) }
                + ["d1", "d2", "d3", "d4"].map { Node(id: $0, label: $0, kind: .dialogue, sources: s) },
            edges: [
                Edge("c1", .convenes, "d1", sources: s), Edge("c2", .convenes, "d1", sources: s),
                Edge("c2", .convenes, "d2", sources: s), Edge("c3", .convenes, "d2", sources: s),
                Edge("c2", .convenes, "d3", sources: s), Edge("c3", .convenes, "d3", sources: s),
                Edge("c4", .convenes, "d4", sources: s),
            ])
        let count = try ProjectJob(onto: .kind(.convener)).run(network)
        #expect(count.nodes.map(\.id) == ["c1", "c2", "c3", "c4"])
        #expect(count.edges.map { "\($0.source)-\($0.target):\($0.weight)" } == ["c1-c2:1.0", "c2-c3:2.0"])
        #expect(count.edges.allSatisfy { $0.relation == .sharesWith })
        #expect(count.validationProblems().isEmpty)
        let jaccard = try ProjectJob(onto: .kind(.convener), weighting: .jaccard).run(network)
        #expect(jaccard.edges.map(\.weight) == [1.0 / 3.0, 2.0 / 3.0])
        #expect(ProjectJob.Side("track=II") == .attribute(name: "track", value: "II"))
        #expect(ProjectJob.Side("nonsense") == nil)
    }

    @Test func writesAnyFormatThatEveryCommandReads() throws {
        let dir = try Fixtures.temporaryDirectory()
        let out = dir.appendingPathComponent("conveners.graphml")
        let result = try Fixtures.run(["project", "--onto", "convener", "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("17 nodes"))
        let centrality = try Fixtures.run(["centrality", out.path, "--measure", "strength", "--weight", "strength", "--format", "csv"])
        #expect(centrality.status == 0, "\(centrality.stderr)")
        #expect(centrality.stdout.split(separator: "\n").count == 18, "a header and one row per convener")
        #expect(try Fixtures.run(["project", "--onto", "nonsense", "-o", out.path]).status == 64)
        #expect(try Fixtures.run(["project", "--onto", "convener", "-o", dir.appendingPathComponent("x.unknown").path]).status == 64)
    }
}
