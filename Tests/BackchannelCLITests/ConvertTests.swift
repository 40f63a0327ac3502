import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// `backchannel convert` and every command reading every format, end to end.
@Suite("convert and every input format", .serialized)
struct ConvertTests {
    /// Writes the bundled history as `format`, converts it back to JSON, and compares.
    @Test(arguments: ["graphml", "dot", "csv"])
    func roundTripThroughEachFormat(format: String) throws {
        let dir = try Fixtures.temporaryDirectory()
        let history = try Network.bundled()
        let out = dir.appendingPathComponent(format == "csv" ? "track2-history-edges.csv" : "history.\(format)")
        let write = try Fixtures.run(["convert", Network.Bundled.track2History.url.path, out.path])
        #expect(write.status == 0, "\(write.stderr)")
        let back = dir.appendingPathComponent("back.json")
        let read = try Fixtures.run(["convert", out.path, back.path])
        #expect(read.status == 0, "\(read.stderr)")
        var network = try Network(contentsOf: back)
        if format == "csv" {
            // CSV sheets cannot hold the title and description: the tool says so, and they are the only loss.
            #expect(write.stderr.contains("warning:"))
            network.title = history.title
            network.description = history.description
        }
        #expect(network == history, "\(format) round trip")
        // Every analysis and render command reads the format.
        #expect(try Fixtures.run(["centrality", out.path, "--measure", "pagerank", "--top", "1"]).status == 0)
        #expect(try Fixtures.run(["render", out.path, "--format", "dot"]).status == 0)
        #expect(try Fixtures.run(["influence", out.path, "--top", "1"]).stdout.contains("The Carter Center"))
    }

    @Test func gexfSaysWhatItDropsAndReadsBack() throws {
        let dir = try Fixtures.temporaryDirectory()
        let out = dir.appendingPathComponent("history.gexf")
        let result = try Fixtures.run(["convert", Network.Bundled.track2History.url.path, out.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning:"), "GEXF cannot hold the citations: warned, not dropped silently")
        #expect(try String(contentsOf: out, encoding: .utf8).contains("<gexf"))
        let back = try Fixtures.run(["info", out.path])
        #expect(back.status == 0 && back.stdout.contains("93"), "GEXF reads back: \(back.stderr)")
    }

    @Test func mappedForeignTable() throws {
        let dir = try Fixtures.temporaryDirectory()
        let table = dir.appendingPathComponent("links.csv")
        try "agreement,actor,role,year\nA1,UN,third party,1995\nA1,Govt,party,1995\nA2,UN,third party,1999\n".write(
            to: table, atomically: true, encoding: .utf8)
        let mapping = dir.appendingPathComponent("links.mapping")
        try """
        source = actor
        target = agreement
        year = year
        relation = role
        relation.value.third party = convenes
        relation.value.party = participates_in
        source.kind = convener
        target.kind = dialogue
        """.write(to: mapping, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("links.json")
        let result = try Fixtures.run(["convert", table.path, out.path, "--mapping", mapping.path])
        #expect(result.status == 0, "\(result.stderr)")
        let network = try Network(contentsOf: out)
        #expect(network.edges.map(\.relation) == [.convenes, .participatesIn, .convenes])
        #expect(network.edges.map(\.years.start) == [1995, 1995, 1999])
    }

    @Test func largeGraphMLReads() throws {
        // Past libxml2's 10 MB look-up limit, which a whole-document parse would hit.
        var network = Network(name: "large")
        for i in 0..<40_000 {
            network.nodes.append(Node(id: "n\(i)", label: "A label long enough to make the file large \(i)", kind: .participant))
        }
        for i in 1..<40_000 { network.edges.append(Edge("n\(i - 1)", .partnersWith, "n\(i)", weight: Double(i % 7 + 1))) }
        let (text, _) = GraphML.write(network)
        #expect(text.utf8.count > 10_000_000)
        let (back, _) = try GraphML.read(Array(text.utf8), file: "large.graphml")
        #expect(back == network)
    }

    @Test func convertRefusesToOverwriteItsInput() throws {
        let dir = try Fixtures.temporaryDirectory()
        let input = dir.appendingPathComponent("net.json")
        try Fixtures.small.jsonText().write(to: input, atomically: true, encoding: .utf8)
        let result = try Fixtures.run(["convert", input.path, input.path])
        #expect(result.status == 73)
        #expect(try Network(contentsOf: input) == Fixtures.small)
    }
}
