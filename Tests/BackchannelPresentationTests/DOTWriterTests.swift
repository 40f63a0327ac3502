import BackchannelFormats
import BackchannelPresentation
import BackchannelModel
import BackchannelRender
import BackchannelTestSupport
import Testing

@Suite("DOT writer")
struct DOTWriterTests {
    @Test func deterministic() throws {
        let history = try Network.bundled()
        let first = DOTWriter().write(history)
        #expect(DOTWriter().write(history) == first)
        let reread = try Network(json: Array(history.jsonText().utf8))
        #expect(DOTWriter().write(reread) == first, "a JSON round trip changes nothing in the DOT")
    }

    @Test func stylesByKindTrackRelationAndDesignation() throws {
        let parsed = try Graphviz.shared.parse(dot: DOTWriter().write(Fixtures.small))
        let nodes = Dictionary(uniqueKeysWithValues: parsed.nodes.map { (DOTText.unescapeLabel($0.attributes["bc_id"] ?? $0.name), $0.attributes) })
        #expect(nodes["ngo"]?["shape"] == "box" && nodes["ngo"]?["style"] == "rounded,filled")
        #expect(nodes["war"]?["shape"] == "octagon")
        #expect(nodes["court"]?["shape"] == "note")
        #expect(nodes["ngo"]?["fillcolor"] == DOTStyle.fill(.two, kind: .convener))
        #expect(nodes["gov"]?["fillcolor"] == DOTStyle.fill(.one, kind: .official))
        #expect(nodes["group"]?["color"] == DOTStyle.designatedBorder.color, "designated actors have a red border")
        let constrains = try #require(parsed.edges.first { $0.attributes["bc_relation"] == "constrains" })
        #expect(constrains.attributes["style"] == "dashed" && constrains.attributes["color"] == "#cb181d")
        #expect(DOTText.unescapeLabel(constrains.attributes["xlabel"] ?? "") == "constrains\n2010–present")
        let provides = try #require(parsed.edges.first { $0.attributes["bc_relation"] == "provides" })
        #expect(DOTText.unescapeLabel(provides.attributes["xlabel"] ?? "").hasPrefix("provides: training"))
        #expect(DOTText.unescapeLabel(parsed.attributes["label"] ?? "").hasPrefix("Small fixture\n"))
        let legend = try #require(parsed.nodes.first { $0.name == "legend" })
        #expect(legend.attributes["label"]?.contains("designated") == true)
    }

    @Test func nodeSizeFollowsDegree() throws {
        let parsed = try Graphviz.shared.parse(dot: DOTWriter().write(Fixtures.small))
        let width = Dictionary(uniqueKeysWithValues: parsed.nodes.map { (DOTText.unescapeLabel($0.attributes["bc_id"] ?? $0.name), Double($0.attributes["width"] ?? "0") ?? 0) })
        // ngo, group, talks, war: 3 edges each (the most); court, gov: 1.
        #expect(width["group"] == width["ngo"])
        #expect(width["ngo"] == 1.6, "the largest score gets the largest size")
        #expect(width["ngo"]! > width["court"]!)
        #expect(width["court"] == width["gov"])
    }

    @Test func clustersByConflictTrackOrNone() throws {
        func clusters(_ by: ClusterBy) throws -> [String: [String]] {
            let parsed = try Graphviz.shared.parse(dot: DOTWriter(options: DOTOptions(clusterBy: by)).write(Fixtures.small))
            let names = Dictionary(uniqueKeysWithValues: parsed.nodes.map { ($0.name, DOTText.unescapeLabel($0.attributes["bc_id"] ?? "")) })
            return Dictionary(uniqueKeysWithValues: parsed.subgraphs.filter { $0.name.hasPrefix("cluster") }.map {
                (DOTText.unescapeLabel($0.attributes["label"] ?? ""), $0.nodes.map { names[$0]! }.sorted())
            })
        }
        #expect(try clusters(.none).isEmpty)
        #expect(try clusters(.track) == ["Track I": ["gov"], "Track II": ["ngo", "talks"]])
        // Everything is within two steps of the war except the ruling (three steps away).
        #expect(try clusters(.conflict) == ["A war": ["gov", "group", "ngo", "talks", "war"]])
    }

    @Test func legendAndTitleCanBeTurnedOff() throws {
        let parsed = try Graphviz.shared.parse(dot: DOTWriter(options: DOTOptions(title: "Other title", legend: false)).write(Fixtures.small))
        #expect(!parsed.nodes.contains { $0.name == "legend" })
        #expect(DOTText.unescapeLabel(parsed.attributes["label"] ?? "").hasPrefix("Other title\n"))
    }
}
