import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// The bundled history holds every actor, event and relation of the Alliance for Peacebuilding brief.
@Suite("Bundled Track II history")
struct HistoryDatasetTests {
    let network: Network
    let brief = "apb-track2"

    init() throws {
        network = try Network.bundled()
    }

    func node(_ id: String, _ kind: NodeKind, file: String = #fileID, line: Int = #line) throws -> Node {
        let node = try #require(network.node(id), "missing node \(id)")
        #expect(node.kind == kind, "\(id) should be a \(kind)")
        return node
    }

    /// The edges `source -relation-> target` that cite the brief.
    func briefEdge(_ source: String, _ relation: Relation, _ target: String) -> Edge? {
        network.edges.first { $0.source == source && $0.relation == relation && $0.target == target && $0.sources.contains(brief) }
    }

    @Test func citesTheBriefExactly() throws {
        let source = try #require(network.sources.first { $0.id == brief })
        #expect(
            source.citation == "Alliance for Peacebuilding, \"Track II Diplomacy\" (brief)", "the publisher first; the brief gives no year")
    }

    @Test func everyNodeAndEdgeHasASource() {
        #expect(network.nodes.filter(\.sources.isEmpty).map(\.id) == [])
        #expect(network.edges.indices.filter { network.edges[$0].sources.isEmpty } == [])
        #expect(network.validationProblems().isEmpty)
        #expect(network.sources.allSatisfy { $0.url?.hasPrefix("https://") ?? true }, "links are https")
        #expect(
            network.sources.count { $0.url != nil } >= network.sources.count - 3, "nearly every source links to where it can be checked")
        #expect(Set(network.sources.map(\.id)).count == network.sources.count, "source ids are unique")
    }

    /// Every node, edge and designation cites at least one source the file lists, and every source
    /// the file lists is cited by something: no claim without a source, no source without a claim.
    @Test func everySourceIsCitedAndEveryCitationIsASource() {
        let listed = Set(network.sources.map(\.id))
        var citations: [(what: String, sources: [String])] = []
        for node in network.nodes {
            citations.append(("node \(node.id)", node.sources))
            for (i, designation) in node.designations.enumerated() {
                citations.append(("node \(node.id) designation \(i) (\(designation.list))", designation.sources))
            }
        }
        for (i, edge) in network.edges.enumerated() {
            citations.append(("edge \(i) \(edge.source) -\(edge.relation.rawValue)-> \(edge.target)", edge.sources))
        }
        #expect(citations.count == network.nodes.count + network.edges.count + network.nodes.reduce(0) { $0 + $1.designations.count })
        #expect(network.nodes.contains { !$0.designations.isEmpty }, "the history has designated groups, so designations are checked")
        for (what, sources) in citations {
            #expect(!sources.isEmpty, "\(what) cites no source")
            let unknown = sources.filter { !listed.contains($0) }
            #expect(unknown.isEmpty, "\(what) cites \(unknown), which the file does not list")
        }
        let cited = Set(citations.flatMap(\.sources))
        let uncited = network.sources.map(\.id).filter { !cited.contains($0) }
        #expect(uncited.isEmpty, "listed but never cited: \(uncited)")
    }

    @Test func nineteenSixtyDartmouth() throws {
        let u2 = try node("u2-incident-1960", .event)
        #expect(u2.years == .year(1960))
        _ = try node("dwight-d-eisenhower", .official)
        _ = try node("norman-cousins", .convener)
        #expect(network.node("norman-cousins")?.description?.contains("Saturday Review") == true)
        let urges = try #require(briefEdge("dwight-d-eisenhower", .urges, "norman-cousins"))
        #expect(urges.years == .year(1960))
        #expect(urges.description?.contains("I can't talk to the Soviets, but somebody better") == true)
        // The brief credits Eisenhower's urging, not the incident itself: no causal edge from the U-2.
        #expect(!network.edges.contains { $0.source == "u2-incident-1960" && $0.relation == .ledTo && $0.target == "dartmouth-conference" })
        #expect(briefEdge("norman-cousins", .convenes, "dartmouth-conference")?.years.start == 1960)
        #expect(briefEdge("prominent-us-citizens", .participatesIn, "dartmouth-conference") != nil)
        #expect(briefEdge("prominent-soviet-citizens", .participatesIn, "dartmouth-conference") != nil)
        #expect(try node("dartmouth-conference", .dialogue).track == .two)
    }

    @Test func nineteenEightyNineAcademyMeetingsPrepareOslo() throws {
        _ = try node("american-academy-of-arts-and-sciences", .convener)
        #expect(briefEdge("american-academy-of-arts-and-sciences", .convenes, "aaas-israeli-arab-meetings-1989")?.years == .year(1989))
        #expect(briefEdge("israeli-civilians", .participatesIn, "aaas-israeli-arab-meetings-1989") != nil)
        #expect(briefEdge("arab-civilians", .participatesIn, "aaas-israeli-arab-meetings-1989") != nil)
        #expect(briefEdge("aaas-israeli-arab-meetings-1989", .addresses, "israeli-palestinian-conflict") != nil)
        #expect(briefEdge("aaas-israeli-arab-meetings-1989", .prepares, "oslo-accords") != nil)
        let oslo = try node("oslo-accords", .agreement)
        #expect(oslo.track == .one && oslo.years.start == 1993)
    }

    @Test func nineteenNinetyFourCarterInNorthKorea() throws {
        _ = try node("jimmy-carter", .convener)
        _ = try node("us-north-korea-nuclear-crisis-1994", .conflict)
        #expect(briefEdge("jimmy-carter", .convenes, "carter-pyongyang-talks-1994")?.years == .year(1994))
        #expect(briefEdge("carter-pyongyang-talks-1994", .addresses, "us-north-korea-nuclear-crisis-1994") != nil)
        #expect(briefEdge("us-government", .partyTo, "us-north-korea-nuclear-crisis-1994") != nil)
        #expect(briefEdge("north-korea-government", .partyTo, "us-north-korea-nuclear-crisis-1994") != nil)
    }

    @Test func nineteenNinetySevenNorthernIreland() throws {
        _ = try node("stanford-scicn", .convener)
        _ = try node("community-dialogue", .convener)
        _ = try node("ira-ceasefire-1997", .event)
        #expect(briefEdge("stanford-scicn", .convenes, "ni-stakeholder-negotiations-1997")?.years == .year(1997))
        #expect(briefEdge("community-dialogue", .convenes, "ni-stakeholder-negotiations-1997")?.years == .year(1997))
        // The brief says the partnership came "after" the ceasefire, not because of it.
        #expect(
            !network.edges.contains {
                $0.source == "ira-ceasefire-1997" && $0.relation == .ledTo && $0.target == "ni-stakeholder-negotiations-1997"
            })
        #expect(briefEdge("stanford-scicn", .partnersWith, "community-dialogue")?.years.start == 1997)
        #expect(briefEdge("provisional-ira", .participatesIn, "ira-ceasefire-1997") != nil)
        #expect(briefEdge("ni-stakeholder-negotiations-1997", .addresses, "the-troubles") != nil)
    }

    @Test func twentyTenHolderAndTheMaterialSupportProhibition() throws {
        let holder = try node("holder-v-hlp", .legal)
        #expect(holder.years.start == 2010)
        let statute = try node("material-support-statute", .legal)
        #expect(statute.description?.contains("PATRIOT") == true || statute.label.contains("PATRIOT"))
        // "Service" and the definitions came in 2004; the maximum was 15 years in 2010 and is 20 since 2015.
        #expect(statute.description?.contains("Intelligence Reform and Terrorism Prevention Act of 2004") == true)
        #expect(
            statute.attributes["maximum_sentence_years_in_2010"] == .int(15) && statute.attributes["maximum_sentence_years"] == .int(20))
        #expect(!statute.label.contains("PATRIOT"), "the label names the statute, not one of its amendments")
        // The brief names neither designation nor EO 13224: they cite their own sources only.
        #expect(!network.edges.contains { $0.relation == .designates && $0.sources.contains("apb-track2") })
        #expect(network.node("eo-13224")?.sources.contains("apb-track2") == false)
        #expect(
            network.node("oslo-back-channel")?.track == .oneAndAHalf && network.node("carter-pyongyang-talks-1994")?.track == .oneAndAHalf)
        _ = try node("eo-13224", .legal)
        _ = try node("treasury-ofac", .official)
        _ = try node("us-department-of-state", .official)
        _ = try node("us-supreme-court", .official)
        #expect(briefEdge("holder-v-hlp", .upholds, "material-support-statute")?.years == .year(2010))
        // The statute's support types are the model's.
        let prohibited = Set(network.edges.filter { $0.relation == .provides }.compactMap(\.support))
        #expect(prohibited.isSubset(of: Set(SupportType.allCases)) && !prohibited.isEmpty)
        for listed in ["pkk", "ltte"] {
            let group = try node(listed, .participant)
            #expect(group.designations.first?.by == "U.S. Department of State")
            #expect(group.designations.first?.since == 1997)
        }
    }

    @Test func twentyTenToThePresentPeacebuildersCurtailWork() throws {
        for id in ["alliance-for-peacebuilding", "usip"] {
            _ = try node(id, .convener)
            let edge = try #require(briefEdge("holder-v-hlp", .constrains, id))
            #expect(edge.years.start == 2010 && edge.years.end == nil, "2010 to the present")
        }
    }

    @Test func canonicalFileIsExactlyWhatExportWrites() throws {
        let text = try String(contentsOf: Network.Bundled.track2History.url, encoding: .utf8)
        #expect(
            network.jsonText() == text,
            "run `backchannel export --format json -o Datasets/track2-history.json Datasets/track2-history.json.new` style reformatting")
        let source = try String(contentsOf: Fixtures.datasetsDirectory.appendingPathComponent("track2-history.json"), encoding: .utf8)
        #expect(source == text, "the bundled copy is the canonical file in Datasets/")
    }

    /// NetworkX reads the file as it is (`node_link_graph(data, edges="edges")`), and the committed
    /// checker's schema and history checks pass.
    @Test func networkXReadsItAndTheCheckerPasses() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.datasetsDirectory.appendingPathComponent("check_history.py").path]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "check_history.py failed (bash scripts/setup.sh installs networkx): \(message)")
    }
}
