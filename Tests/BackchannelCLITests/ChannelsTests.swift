import BackchannelAnalysis
import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// `channels`: parties, sides, intermediaries and the report, on hand-built conflicts and the bundled history.
@Suite("Channels between conflict parties")
struct ChannelsTests {
    /// Two sides of a war, A (a1, a2) and B (b1); conveners c1 and c2 reach across; an official and a
    /// court sit between a1 and b1 too, and carry nothing by default.
    static let war: Network = {
        let s = ["s"]
        func node(_ id: String, _ kind: NodeKind, _ track: Track? = nil) -> Node {
            Node(id: id, label: id.uppercased(), kind: kind, track: track, sources: s)
        }
        return Network(
            name: "war", title: "War", sources: [Source(id: "s", citation: "Fixture")],
            nodes: [
                node("war", .conflict), node("a1", .participant), node("a2", .participant), node("b1", .participant),
                node("c1", .convener, .two), node("c2", .convener, .two), node("gov", .official, .one), node("court", .legal),
                node("talks", .dialogue, .one),
            ],
            edges: [
                Edge("a1", .partyTo, "war", attributes: ["side": .string("A")], sources: s),
                Edge("a2", .partyTo, "war", attributes: ["side": .string("A")], sources: s),
                Edge("b1", .partyTo, "war", attributes: ["side": .string("B")], sources: s),
                Edge("c1", .convenes, "a1", sources: s), Edge("c1", .convenes, "b1", sources: s),
                Edge("c2", .convenes, "a1", sources: s), Edge("b1", .partnersWith, "c2", sources: s),
                Edge("c1", .convenes, "a2", sources: s),
                Edge("gov", .urges, "a1", sources: s), Edge("gov", .urges, "b1", sources: s),
                Edge("court", .constrains, "a2", sources: s), Edge("court", .constrains, "b1", sources: s),
                Edge("talks", .addresses, "a2", sources: s), Edge("b1", .participatesIn, "talks", sources: s),
                Edge("a1", .partnersWith, "b1", sources: s),
            ])
    }()

    @Test func opposedPairsOnlyAndOfficialsExcluded() throws {
        let report = try ChannelsJob().run(Self.war)
        #expect(report.conflicts.count == 1)
        let pairs = report.conflicts[0].pairs
        // a1–a2 share side A and are not a pair.
        #expect(pairs.map { "\($0.a.id)-\($0.b.id)" } == ["a1-b1", "a2-b1"])
        let a1b1 = pairs[0]
        #expect(a1b1.channels == 2 && a1b1.directTie)
        #expect(Set(a1b1.paths.map { $0.map(\.id) }) == [["c1"], ["c2"]])
        #expect(Set(a1b1.cut.map(\.id)) == ["c1", "c2"])
        // a2–b1: only c1 (the court is legal, the talks Track I): one intermediary holds it.
        let a2b1 = pairs[1]
        #expect(a2b1.channels == 1 && a2b1.cut.map(\.id) == ["c1"])
        #expect(report.conflicts[0].hangingOnOne.count == 1)
        #expect(report.conflicts[0].indispensable.first.map { ($0.actor.id, $0.pairs) } ?? ("", 0) == ("c1", 2))
    }

    /// A designation (or any legal act) records what an authority did, not contact: it carries no
    /// channel even when officials may intermediate; the same official's contact with both does.
    @Test func legalActsCarryNoChannel() throws {
        let s = ["s"]
        func network(_ toA: Relation) -> Network {
            Network(
                name: "acts", sources: [Source(id: "s", citation: "Fixture")],
                nodes: [
                    Node(id: "war", kind: .conflict, sources: s), Node(id: "a", kind: .participant, sources: s),
                    Node(id: "b", kind: .participant, sources: s), Node(id: "gov", kind: .official, track: .one, sources: s),
                ],
                edges: [
                    Edge("a", .partyTo, "war", sources: s), Edge("b", .partyTo, "war", sources: s),
                    Edge("gov", toA, "a", sources: s), Edge("gov", .urges, "b", sources: s),
                ])
        }
        for act in ChannelsJob.legalActs.sorted() {
            let pair = try ChannelsJob(includeOfficial: true).run(network(act)).conflicts[0].pairs[0]
            #expect(pair.channels == 0 && pair.cut.isEmpty, "\(act.rawValue)")
        }
        let contact = try ChannelsJob(includeOfficial: true).run(network(.urges)).conflicts[0].pairs[0]
        #expect(contact.channels == 1 && contact.cut.map(\.id) == ["gov"])
    }

    @Test func includeOfficialLetsOfficialsCarry() throws {
        let report = try ChannelsJob(includeOfficial: true).run(Self.war)
        let a1b1 = report.conflicts[0].pairs[0]
        #expect(a1b1.channels == 3)
        #expect(report.conflicts[0].pairs[1].channels == 2, "the Track I talks now carry a2–b1 too; the court never does")
    }

    @Test func withoutSidesEveryPairIsOpposed() throws {
        var network = Self.war
        network.edges = network.edges.map {
            var e = $0; e.attributes = [:]; return e
        }
        let report = try ChannelsJob(conflict: "war").run(network)
        #expect(report.conflicts[0].pairs.count == 3)
    }

    @Test func withoutAConvenerTheComparisonShowsWhatIsLost() throws {
        var filter = NetworkFilter()
        filter.without = [ExactID("c1")]
        let comparison = try ChannelsJob(filter: filter).compare(Self.war)
        let rows = comparison.rows
        #expect(rows.map { "\($0.a.id)-\($0.b.id):\($0.channelsBefore)->\($0.channelsAfter)" } == ["a1-b1:2->1", "a2-b1:1->0"])
        #expect(rows.map { $0.lostIntermediaries.map(\.id) } == [["c1"], ["c1"]])
        let csv = comparison.render(.csv)
        #expect(csv == "conflict,a,b,channels_before,channels_after,lost_intermediaries\nwar,a1,b1,2,1,c1\nwar,a2,b1,1,0,c1\n")
        #expect(comparison.render(.table).contains("1 → 0 (disconnected)"))
        // Leaving out a party drops its pairs: they count as disconnected.
        filter.without = [ExactID("b1")]
        #expect(try ChannelsJob(filter: filter).compare(Self.war).rows.map(\.channelsAfter) == [0, 0])
        filter.without = [ExactID("nobody")]
        #expect(throws: AnalysisError.unknownNode("nobody")) { try ChannelsJob(filter: filter).run(Self.war) }
    }

    @Test func compareOnTheCommandLine() throws {
        let result = try Fixtures.run([
            "channels", "--include-official", "--conflict", "israeli-palestinian-conflict", "--without", "oslo-accords", "--compare",
            "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"channels_before\": 2") && result.stdout.contains("\"channels_after\": 1"))
        #expect(try Fixtures.run(["channels", "--compare"]).status == 64, "--compare needs something left out")
        #expect(try Fixtures.run(["centrality", "--measure", "degree", "--without", "no-such-node"]).status == 65)
        let without = try Fixtures.run(["centrality", "--measure", "degree", "--without", "humanitarian-law-project", "--format", "csv"])
        #expect(without.status == 0 && !without.stdout.contains("humanitarian-law-project"))
    }

    @Test func unknownConflictIsAnError() {
        #expect(throws: (any Error).self) { try ChannelsJob(conflict: "a1").run(Self.war) }
    }

    @Test func jsonOnTheBundledHistory() throws {
        let result = try Fixtures.run(["channels", "--conflict", "israeli-palestinian-conflict", "--include-official", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONParser.parse(Array(result.stdout.utf8))
        #expect(json["parameters"]?["conflict"]?.value == .string("israeli-palestinian-conflict"))
        guard case let .array(conflicts)? = json["conflicts"]?.value,
            let pair = conflicts.first?["pairs"].flatMap({ node -> JSONNode? in
                if case let .array(pairs) = node.value { return pairs.first }
                return nil
            })
        else {
            Issue.record("no pair in \(result.stdout)")
            return
        }
        #expect(pair["a"]?.value == .string("government-of-israel") && pair["b"]?.value == .string("plo"))
        #expect(pair["channels"]?.value == .int(2))
        // Without officials, no unofficial channel joins Israel to the PLO or to Hamas in the bundled data.
        let unofficial = try Fixtures.run(["channels", "--conflict", "israeli-palestinian-conflict", "--format", "csv"])
        #expect(
            unofficial.stdout
                == "conflict,a,b,side_a,side_b,direct_tie,channels,cut\n"
                + "israeli-palestinian-conflict,government-of-israel,plo,Israel,Palestinian,false,0,\n"
                + "israeli-palestinian-conflict,government-of-israel,hamas,Israel,Palestinian,false,0,\n")
        // With officials, Carter's 2008 meetings (through President Peres) are the one channel to Hamas.
        let hamas = try Fixtures.run([
            "channels", "--conflict", "israeli-palestinian-conflict", "--include-official", "--format", "csv",
            "--without", "carter-middle-east-meetings-2008", "--compare",
        ])
        #expect(hamas.stdout.contains("israeli-palestinian-conflict,government-of-israel,hamas,1,0,"))
    }

    /// The history's one unofficial channel across a conflict line, and the intended ones: PICAR's 1995
    /// meetings join the Government of Sri Lanka and the LTTE; its USIP-funded 1997–1998 discussions
    /// and the Alliance for Peacebuilding's undated dialogue (not held because of the material-support
    /// laws, its source says) are recorded as intended, so they count only with `--include-intended`;
    /// leaving out that dialogue loses its channel, while leaving out USIP and the Alliance (a funder
    /// and the dialogue's would-be convener, on no channel themselves) changes nothing.
    @Test func sriLankaChannelsWithAndWithoutTheIntendedDiscussions() throws {
        let header = "conflict,a,b,side_a,side_b,direct_tie,channels,cut\n"
        let factual = try Fixtures.run(["channels", "--conflict", "sri-lankan-civil-war", "--format", "csv"])
        #expect(factual.status == 0, "\(factual.stderr)")
        #expect(factual.stdout == header + "sri-lankan-civil-war,ltte,government-of-sri-lanka,,,false,1,picar-sri-lanka-meetings-1995\n")
        let intended = try Fixtures.run(["channels", "--conflict", "sri-lankan-civil-war", "--include-intended", "--format", "csv"])
        #expect(
            intended.stdout
                == header
                + "sri-lankan-civil-war,ltte,government-of-sri-lanka,,,false,3,picar-sri-lanka-meetings-1995;picar-sri-lanka-discussions-1997;apb-sri-lanka-dialogue\n"
        )
        let compare = ["channels", "--conflict", "sri-lankan-civil-war", "--include-intended", "--compare", "--format", "csv", "--without"]
        let compareHeader = "conflict,a,b,channels_before,channels_after,lost_intermediaries\n"
        let withoutPlan = try Fixtures.run(compare + ["picar-sri-lanka-discussions-1997"])
        #expect(
            withoutPlan.stdout == compareHeader + "sri-lankan-civil-war,ltte,government-of-sri-lanka,3,2,picar-sri-lanka-discussions-1997\n"
        )
        let withoutBarred = try Fixtures.run(compare + ["apb-sri-lanka-dialogue"])
        #expect(withoutBarred.stdout == compareHeader + "sri-lankan-civil-war,ltte,government-of-sri-lanka,3,2,apb-sri-lanka-dialogue\n")
        let withoutFunders = try Fixtures.run(compare + ["usip,alliance-for-peacebuilding"])
        #expect(withoutFunders.stdout == compareHeader + "sri-lankan-civil-war,ltte,government-of-sri-lanka,3,3,\n")
        // In time: the 1995 meetings carry a channel in 1995, the planned discussions in 1997; the
        // undated, intended Alliance dialogue is in every snapshot (the 2002 talks are Track I).
        for (year, cut) in [
            ("1995", "picar-sri-lanka-meetings-1995;apb-sri-lanka-dialogue"),
            ("1997", "picar-sri-lanka-discussions-1997;apb-sri-lanka-dialogue"), ("2002", "apb-sri-lanka-dialogue"),
        ] {
            let at = try Fixtures.run([
                "channels", "--conflict", "sri-lankan-civil-war", "--include-intended", "--at", year, "--format", "csv",
            ])
            let count = cut.split(separator: ";").count
            #expect(at.stdout == header + "sri-lankan-civil-war,ltte,government-of-sri-lanka,,,false,\(count),\(cut)\n", "at \(year)")
        }
        // With officials: the 2002 talks too. The LTTE's refused place at the 2003 Washington conference
        // (it was not invited) is no tie even with --include-intended: leaving the conference out
        // loses no channel that ran through the LTTE's own tie to it.
        let all = try Fixtures.run([
            "channels", "--conflict", "sri-lankan-civil-war", "--include-intended", "--include-official", "--format", "csv",
        ])
        #expect(all.status == 0 && all.stdout.contains("sri-lankan-civil-war,ltte,government-of-sri-lanka,,,false,"), "\(all.stderr)")
    }

    /// A refused engagement is never a tie: not for channels, not for paths, whatever is asked for;
    /// an intended one counts only with `--include-intended`.
    @Test func aRefusedEngagementNeverYieldsAChannelOrAPath() throws {
        let s = ["s"]
        func node(_ id: String, _ kind: NodeKind, _ track: Track? = nil) -> Node {
            Node(id: id, label: id.uppercased(), kind: kind, track: track, sources: s)
        }
        func network(_ status: String) -> Network {
            Network(
                name: "refused", title: "Refused", sources: [Source(id: "s", citation: "Fixture")],
                nodes: [
                    node("war", .conflict), node("a", .participant), node("b", .participant), node("meeting", .dialogue, .two),
                ],
                edges: [
                    Edge("a", .partyTo, "war", sources: s), Edge("b", .partyTo, "war", sources: s),
                    Edge("a", .participatesIn, "meeting", attributes: ["status": .string(status)], sources: s),
                    Edge("b", .participatesIn, "meeting", sources: s),
                ])
        }
        var counts: [String: [String]] = [:]
        for status in ["refused", "intended", "provided"] {
            let dir = try Fixtures.temporaryDirectory()
            let file = dir.appendingPathComponent("n.json")
            try network(status).jsonText().write(to: file, atomically: true, encoding: .utf8)
            for flags in [[], ["--include-intended"], ["--include-intended", "--include-official"]] {
                let channels = try Fixtures.run(["channels", file.path, "--conflict", "war", "--format", "csv"] + flags)
                #expect(channels.status == 0, "\(channels.stderr)")
                // Without the conflict, through which the two parties are joined too; paths takes no --include-official.
                let pathFlags = flags.filter { $0 != "--include-official" }
                let paths = try Fixtures.run(
                    ["paths", file.path, "--from", "a", "--to", "b", "--undirected", "--without", "war", "--format", "json"] + pathFlags)
                #expect(paths.status == 0, "\(paths.stderr)")
                let found = paths.stdout.contains("\"paths\": [") && !paths.stdout.contains("\"paths\": []")
                counts[status, default: []].append("\(channels.stdout.contains(",false,1,") ? 1 : 0)\(found ? "p" : "-")")
            }
        }
        #expect(counts["refused"] == ["0-", "0-", "0-"], "refused: \(counts)")
        #expect(counts["intended"] == ["0-", "1p", "1p"], "intended: \(counts)")
        #expect(counts["provided"] == ["1p", "1p", "1p"], "provided: \(counts)")
    }
}
