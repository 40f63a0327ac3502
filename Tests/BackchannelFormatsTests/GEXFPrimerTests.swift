import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// The GEXF Working Group's own sample documents (Tests/Fixtures/gexf-primer, CC BY 4.0), read
/// as Gephi would: counts, attributes and times.
@Suite("GEXF primer samples")
struct GEXFPrimerTests {
    static var folder: URL { Fixtures.committedFixtures.appendingPathComponent("gexf-primer") }

    static func read(_ name: String) throws -> (network: Network, warnings: [String]) {
        let url = folder.appendingPathComponent(name)
        return try GEXF.read([UInt8](try Data(contentsOf: url)), file: url.path)
    }

    static func day(_ y: Int, _ m: Int, _ d: Int) -> PartialDate { PartialDate(year: y, month: m, day: d)! }

    @Test(arguments: ["primer-1.3-simple.gexf", "primer-1.2draft-simple.gexf", "primer-1.3-helloworld.gexf"])
    func helloWorld(name: String) throws {
        let (network, warnings) = try Self.read(name)
        #expect(network.description == "A hello world! file")
        #expect(network.nodes.map(\.id) == ["0", "1"] && network.nodes.map(\.label) == ["Hello", "Word"])
        #expect(network.edges.count == 1 && network.edges[0].source == "0" && network.edges[0].target == "1")
        #expect(network.edges[0].key == nil, "edge id 0 is its position, not a key")
        #expect(network.nodes.allSatisfy { $0.kind == .participant && $0.years.isEmpty && $0.attributes.isEmpty })
        #expect(warnings == ["2 nodes have no kind: read as participant", "1 edge has no relation: read as partners_with"])
    }

    @Test func webGraph() throws {
        let (network, warnings) = try Self.read("primer-1.3-webgraph.gexf")
        #expect(network.description == "A Web network")
        #expect(network.nodes.map(\.label) == ["Gephi", "Webatlas", "RTGI", "BarabasiLab"])
        #expect(
            network.nodes.map { $0.attributes["url"] } == [
                .string("http://gephi.org"), .string("http://webatlas.fr"), .string("http://rtgi.fr"), .string("http://barabasilab.com"),
            ])
        #expect(network.nodes.map { $0.attributes["indegree"] } == [.double(1), .double(2), .double(1), .double(1)], "float column")
        #expect(
            network.nodes.map { $0.attributes["frog"] } == [.bool(true), .bool(true), .bool(true), .bool(false)], "the default applies")
        #expect(network.edges.map { "\($0.source)>\($0.target)" } == ["0>1", "0>2", "1>0", "2>1", "0>3"])
        #expect(network.nodes.allSatisfy(\.years.isEmpty) && network.edges.allSatisfy(\.years.isEmpty))
        #expect(warnings == ["4 nodes have no kind: read as participant", "5 edges have no relation: read as partners_with"])
    }

    /// `timeformat="date"`: every time is kept to its day; `start` alone runs to the present, `end`
    /// alone from the beginning.
    @Test func dynamicWebGraphKeepsDays() throws {
        let (network, warnings) = try Self.read("primer-1.3-dynwebgraph.gexf")
        let march1 = Self.day(2009, 3, 1), march10 = Self.day(2009, 3, 10)
        #expect(network.nodes.map(\.label) == ["Gephi", "Webatlas", "RTGI", "BarabasiLab"])
        #expect(network.nodes.map(\.years) == [Period(start: march1), Period(), Period(end: march10), Period()])
        #expect(
            network.edges.map(\.years) == [
                Period(start: march1), Period(start: march1, end: march10), Period(start: march1), Period(end: march10),
                Period(start: march1),
            ])
        #expect(network.edges.map { "\($0.source)>\($0.target)" } == ["0>1", "0>2", "1>0", "2>1", "0>3"])
        #expect(network.nodes[3].attributes["frog"] == .bool(false) && network.nodes[0].attributes["frog"] == .bool(true))
        #expect(network.nodes[1].attributes["indegree"] == .double(1), "the last dynamic value written is kept")
        #expect(network.nodes[1].attributes["url"] == .string("http://webatlas.fr"))
        #expect(
            warnings == [
                "4 nodes have no kind: read as participant", "5 edges have no relation: read as partners_with",
                "7 dynamic attribute values (with start or end): for each attribute the last value written is kept, its times left out",
            ])
        // Days survive the way out and back, in every format that holds dates.
        let json = try Network.read(json: Array(network.jsonText().utf8), file: "d.json").network
        #expect(json.nodes == network.nodes && json.edges == network.edges)
        #expect(network.jsonText().contains(#""start": "2009-03-01""#))
        let gexf = try GEXF.read(Array(GEXF.write(network).text.utf8), file: "d.gexf").network
        #expect(gexf.nodes == network.nodes && gexf.edges == network.edges)
        // The network in March 2009: RTGI (until 10 March) is there on the 5th, gone on the 20th.
        #expect(Period(end: march10).overlaps(Self.day(2009, 3, 5).firstDay...Self.day(2009, 3, 5).lastDay))
        #expect(!Period(end: march10).overlaps(Self.day(2009, 3, 20).firstDay...Self.day(2009, 3, 20).lastDay))
    }
}
