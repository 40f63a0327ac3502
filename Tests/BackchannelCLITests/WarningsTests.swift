import BackchannelAnalysis
import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation
import BackchannelTestSupport
import Foundation
import Testing

/// Hand-built temporal scenarios, one per early-warning signal, each asserting the exact warnings
/// and their evidence.
@Suite("Warnings")
struct WarningsTests {
    static let s = ["s"]

    /// A conflict `war` with parties P and Q (undated `party_to`), and the given nodes and edges.
    static func scenario(_ nodes: [Node], _ edges: [Edge], partyP: Node? = nil) -> Network {
        Network(
            name: "w", sources: [Source(id: "s", citation: "Fixture")],
            nodes: [
                Node(id: "war", label: "War", kind: .conflict, sources: s),
                partyP ?? Node(id: "p", label: "P", kind: .participant, sources: s),
                Node(id: "q", label: "Q", kind: .participant, sources: s),
            ] + nodes,
            edges: [Edge("p", .partyTo, "war", sources: s), Edge("q", .partyTo, "war", sources: s)] + edges)
    }

    static func node(_ id: String, _ kind: NodeKind = .participant) -> Node { Node(id: id, label: id.uppercased(), kind: kind, sources: s) }
    static func tie(_ a: String, _ b: String, _ years: Period) -> Edge { Edge(a, .partnersWith, b, years: years, sources: s) }
    static func channel(via v: String, _ years: Period) -> [Edge] { [tie("p", v, years), tie(v, "q", years)] }

    func evidence(_ w: WarningsReport.Warning) -> String { JSONWriter.compact(w.evidence) }

    @Test func channelsFall() throws {
        // Two channels (via X and Y) in 2000; only X's in 2001.
        let network = Self.scenario(
            [Self.node("x"), Self.node("y")], Self.channel(via: "x", Period(start: 2000, end: 2001)) + Self.channel(via: "y", .year(2000))
        )
        let warnings = try WarningsJob().run(network).warnings
        #expect(warnings.map(\.signal) == ["channels_fall"])
        let w = try #require(warnings.first)
        #expect(w.conflict.id == "war" && w.period == "2001" && w.severity == 0.5)
        #expect(w.text == "Unofficial channels between P and Q fell from 2 in 2000 to 1 in 2001 (50% fewer). No longer through: Y.")
        #expect(
            evidence(w)
                == #"{"a":"p","b":"q","before":{"period":"2000","channels":2},"after":{"period":"2001","channels":1},"share_lost":0.5,"intermediaries_lost":["y"]}"#
        )
        // A stricter threshold (a fall of at least 60%) no longer reports it.
        var strict = WarningsJob.Thresholds()
        strict.channelFall = 0.6
        #expect(try WarningsJob(thresholds: strict).run(network).warnings.isEmpty)
    }

    @Test func brokerLeaves() throws {
        // Three channels in 2000 (via B, W, Z); B has no tie from 2001 on, W and Z stay to 2002.
        let network = Self.scenario(
            [Self.node("b"), Self.node("w"), Self.node("z")],
            Self.channel(via: "b", .year(2000)) + Self.channel(via: "w", Period(start: 2000, end: 2002))
                + Self.channel(via: "z", Period(start: 2000, end: 2002)))
        // One channel of three lost is below the 50% fall; B carried a third of them, and is first in the cuts.
        let warnings = try WarningsJob().run(network).warnings
        #expect(warnings.map(\.signal) == ["broker_leaves"])
        let w = try #require(warnings.first)
        #expect(w.period == "2001" && w.severity == 1.0 / 3)
        #expect(
            w.text
                == "B carried 1 of the 3 unofficial channels between the parties in 2000 (33%) and was in the minimum cut of 1 of 1 connected pair; it has no recorded tie in 2001–2002."
        )
        #expect(
            evidence(w)
                == #"{"broker":"b","last_period":"2000","absent_periods":["2001","2002"],"channels_carried":1,"channels_total":3,"share":0.3333333333333333,"cuts":1,"pairs_with_channels":1,"top_in_cuts":true,"pairs":[["p","q"]]}"#
        )
        // Absent for three periods is more than the data shows after 2000: no warning.
        var longer = WarningsJob.Thresholds()
        longer.absentPeriods = 3
        #expect(try WarningsJob(thresholds: longer).run(network).warnings.isEmpty)
    }

    @Test func partyBecomesUnreachable() throws {
        // One channel via X in 2000; in 2001 Q is still tied (to S), but no channel is left.
        let network = Self.scenario(
            [Self.node("x"), Self.node("s")], Self.channel(via: "x", .year(2000)) + [Self.tie("q", "s", .year(2001))])
        let warnings = try WarningsJob().run(network).warnings
        #expect(warnings.map(\.signal) == ["party_unreachable", "party_unreachable", "channels_fall"])
        #expect(
            warnings.map(\.text) == [
                "P had unofficial channels to Q in 2000 and none to any opposed party in 2001.",
                "Q had unofficial channels to P in 2000 and none to any opposed party in 2001.",
                "Unofficial channels between P and Q fell from 1 in 2000 to none in 2001. No longer through: X.",
            ])
        #expect(warnings.allSatisfy { $0.severity == 1 && $0.period == "2001" })
        #expect(
            evidence(warnings[0])
                == #"{"party":"p","before":{"period":"2000","reached":["q"],"channels":1},"after":{"period":"2001","opposed_parties":["q"],"channels":0}}"#
        )
    }

    @Test func designationFollowedBySilence() throws {
        // P is listed in 2002; convener K engaged it 2001–2002 and no one after; M keeps Q's ties to 2004.
        let listed = Node(
            id: "p", label: "P", kind: .participant,
            designations: [Designation(list: "Test list", by: "Ministry", since: 2002, sources: Self.s)], sources: Self.s)
        let network = Self.scenario(
            [Self.node("k", .convener), Self.node("m")],
            [
                Edge("k", .convenes, "p", years: Period(start: 2001, end: 2002), sources: Self.s),
                Self.tie("q", "m", Period(start: 2000, end: 2004)),
            ],
            partyP: listed)
        let warnings = try WarningsJob().run(network).warnings
        #expect(warnings.map(\.signal) == ["designation_silence"])
        let w = try #require(warnings.first)
        #expect(w.period == "2003" && w.severity == 1)
        #expect(
            w.text
                == "P was listed on the Test list (Ministry) in 2002; it was engaged by K in 2001–2002 and by no one who may carry a channel in 2003–2004."
        )
        #expect(
            evidence(w)
                == #"{"party":"p","list":"Test list","by":"Ministry","designation_period":"2002","engaged_in":["2001","2002"],"engaged_by":["k"],"silent_periods":["2003","2004"]}"#
        )
        // Engagement that goes on after the listing is no warning.
        var engaged = network
        engaged.edges.append(Edge("m", .partnersWith, "p", years: .year(2004), sources: Self.s))
        #expect(try WarningsJob().run(engaged).warnings.isEmpty)
    }

    @Test func convenerCurtails() throws {
        // Convener V, tied to party P, has four ties in 2000 and one in 2001.
        let others = ["a1", "a2", "a3"]
        let network = Self.scenario(
            [Self.node("v", .convener)] + others.map { Self.node($0) },
            [Edge("v", .convenes, "p", years: Period(start: 2000, end: 2001), sources: Self.s)]
                + others.map { Self.tie("v", $0, .year(2000)) })
        let warnings = try WarningsJob().run(network).warnings
        #expect(warnings.map(\.signal) == ["convener_curtails"])
        let w = try #require(warnings.first)
        #expect(w.period == "2001" && w.severity == 0.75)
        #expect(w.text == "V, within two steps of the conflict, had ties to 4 actors in 2000 and to 1 in 2001 (75% fewer).")
        #expect(
            evidence(w) == #"{"convener":"v","before":{"period":"2000","ties":4},"after":{"period":"2001","ties":1},"share_lost":0.75}"#)
        var fewer = WarningsJob.Thresholds()
        fewer.minimumTies = 5
        #expect(try WarningsJob(thresholds: fewer).run(network).warnings.isEmpty)
    }

    @Test func cliTableJsonAndUsageErrors() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let network = Self.scenario(
            [Self.node("x"), Self.node("s")], Self.channel(via: "x", .year(2000)) + [Self.tie("q", "s", .year(2001))])
        let file = dir.appendingPathComponent("w.json")
        try network.jsonText().write(to: file, atomically: true, encoding: .utf8)
        let json = try Fixtures.run(["warnings", file.path, "--every", "year", "--conflict", "war", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let root = try JSONParser.parse(Array(json.stdout.utf8))
        #expect(root["parameters"]?["every"]?.value == .string("year"))
        #expect(root["parameters"]?["channel_fall"]?.value == .double(0.5))
        guard case let .array(items)? = root["warnings"]?.value else { Issue.record("no warnings array"); return }
        #expect(items.count == 3)
        #expect(items.first.map { Array($0.value.objectKeys) } == ["conflict", "period", "signal", "severity", "evidence", "text"])
        #expect(items.first?["period"]?.value == .string("2001") && items.first?["signal"]?.value == .string("party_unreachable"))
        let table = try Fixtures.run(["warnings", file.path])
        #expect(table.stdout.hasPrefix("3 warnings over 2000–2001, most severe first\n   1. 2001  1.00  party unreachable  War [war]\n"))
        // Quarters and months: a tie dated 2000 is in every quarter of 2000, so the change shows between 2000-Q4 and 2001-Q1.
        let quarters = try Fixtures.run(["warnings", file.path, "--every", "quarter", "--format", "json"])
        #expect(quarters.status == 0, "\(quarters.stderr)")
        let q = try JSONParser.parse(Array(quarters.stdout.utf8))
        #expect(q["parameters"]?["every"]?.value == .string("quarter"))
        func firstPeriod(_ root: JSONNode) -> JSONValue? {
            guard case let .array(items)? = root["warnings"]?.value else { return nil }
            return items.first?["period"]?.value
        }
        #expect(firstPeriod(q) == .string("2001-Q1"), "\(quarters.stdout)")
        let months = try Fixtures.run(["warnings", file.path, "--every", "month", "--format", "json"])
        #expect(firstPeriod(try JSONParser.parse(Array(months.stdout.utf8))) == .string("2001-01"), "\(months.stdout)")
        #expect(try Fixtures.run(["warnings", file.path, "--every", "week"]).status == 64)
        #expect(try Fixtures.run(["warnings", file.path, "--channel-fall", "0"]).status == 64)
        #expect(try Fixtures.run(["warnings", file.path, "--conflict", "p"]).status != 0)
    }
}

extension JSONValue {
    /// An object's keys in order (empty for other values).
    var objectKeys: [String] {
        if case let .object(members) = self { return members.map(\.key) }
        return []
    }
}
