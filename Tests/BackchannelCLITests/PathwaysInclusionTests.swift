import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation
import BackchannelTestSupport
import Foundation
import Testing

/// `pathways` and `inclusion`: the seed's roles of preparing official talks and recognising all parties.
@Suite("Pathways to official talks, inclusion of parties")
struct PathwaysInclusionTests {
    static let s = ["s"]
    static func node(_ id: String, _ kind: NodeKind, _ track: Track? = nil, _ year: Int? = nil, designated: Bool = false) -> Node {
        Node(
            id: id, label: id, kind: kind, track: track, years: year.map { .year($0) } ?? Period(),
            designations: designated ? [Designation(list: "L", sources: s)] : [], sources: s)
    }

    @Test func chainsFromUnofficialDialoguesToOfficialOutcomes() {
        let network = Network(
            name: "p", sources: [Source(id: "s", citation: "Fixture")],
            nodes: [
                Self.node("ngo", .convener, .two), Self.node("t2", .dialogue, .two, 1990), Self.node("t15", .dialogue, .oneAndAHalf, 1992),
                Self.node("talks", .dialogue, .one, 1995), Self.node("lonely", .dialogue, .two), Self.node("event", .conflict),
            ],
            edges: [
                Edge("ngo", .convenes, "t2", sources: Self.s), Edge("t2", .prepares, "t15", sources: Self.s),
                Edge("t15", .ledTo, "event", sources: Self.s), Edge("event", .ledTo, "talks", sources: Self.s),
            ])
        let report = PathwaysJob().run(network)
        #expect(report.pathways.map { $0.chain.map(\.id) } == [["t2", "t15", "event", "talks"], ["t15", "event", "talks"]])
        #expect(report.pathways.map(\.years) == [5, 3])
        #expect(report.pathways[0].conveners.map(\.id) == ["ngo"])
        #expect(report.withoutOutcome.map(\.id) == ["lonely"])
    }

    @Test func pathwaysOnTheBundledHistory() throws {
        let result = try Fixtures.run(["pathways", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("oslo-back-channel,oslo-accords,1,oslo-back-channel;oslo-accords,fafo;terje-rod-larsen\n"))
        #expect(result.stdout.contains("carter-pyongyang-talks-1994,agreed-framework,0,"))
    }

    @Test func partiesEngagedUnofficiallyOfficiallyOrNot() throws {
        let network = Network(
            name: "i", sources: [Source(id: "s", citation: "Fixture")],
            nodes: [
                Self.node("war", .conflict), Self.node("rebels", .participant, designated: true), Self.node("gov", .official, .one),
                Self.node("loner", .participant), Self.node("leader", .participant), Self.node("t2", .dialogue, .two),
                Self.node("ministry", .official, .one),
            ],
            edges: [
                Edge("rebels", .partyTo, "war", sources: Self.s), Edge("gov", .partyTo, "war", sources: Self.s),
                Edge("loner", .partyTo, "war", sources: Self.s),
                Edge("leader", .memberOf, "rebels", sources: Self.s), Edge("leader", .participatesIn, "t2", sources: Self.s),
                Edge("ministry", .urges, "gov", sources: Self.s),
            ])
        let report = try InclusionJob().run(network)
        let parties = report.conflicts[0].parties
        #expect(parties.map(\.status) == [.unofficial, .officialOnly, .none])
        #expect(parties[0].designated && parties[0].unofficialTies == ["t2"], "engaged through a member")
        #expect(report.conflicts[0].includedShare == 1.0 / 3.0)
        #expect(throws: JobError.notAConflict("gov")) { try InclusionJob(conflict: "gov").run(network) }
    }

    @Test func inclusionOnTheBundledHistory() throws {
        let result = try Fixtures.run(["inclusion", "--conflict", "the-troubles", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONParser.parse(Array(result.stdout.utf8))
        #expect(json["conflicts"]?.items.first?["conflict"]?.value == .string("the-troubles"))
        #expect(try Fixtures.run(["inclusion", "--conflict", "plo"]).status == 65)
        #expect(try Fixtures.run(["channels", "--conflict", "plo"]).status == 65)
    }
}

extension JSONNode {
    fileprivate var items: [JSONNode] {
        if case let .array(a) = value { return a }
        return []
    }
}
