import BackchannelAnalysis
import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation
import BackchannelTestSupport
import Foundation
import Testing

/// `--at`, `--between` and `--dated-only` on every analysis and drawing command, and the real
/// direction of every path hop.
@Suite("Time filters")
struct TimeFilterTests {
    /// In 2000 convener K ties both parties of `war` (a channel) and provides training to the listed
    /// D; in 2001 only J convenes P, and the Track II dialogue U prepares the official talks O
    /// (which exist from 2001).
    static let network: Network = {
        let s = ["s"]
        return Network(
            name: "t", title: "Time test", sources: [Source(id: "s", citation: "Fixture")],
            nodes: [
                Node(id: "war", label: "War", kind: .conflict, sources: s),
                Node(id: "p", label: "P", kind: .participant, sources: s), Node(id: "q", label: "Q", kind: .participant, sources: s),
                Node(id: "k", label: "K", kind: .convener, sources: s), Node(id: "j", label: "J", kind: .convener, sources: s),
                Node(
                    id: "d", label: "D", kind: .participant,
                    designations: [Designation(list: "Test list", by: "Ministry", since: 1990, sources: s)], sources: s),
                Node(id: "u", label: "U", kind: .dialogue, track: .two, years: Period(start: 2000, end: 2001), sources: s),
                Node(id: "o", label: "O", kind: .dialogue, track: .one, years: .year(2001), sources: s),
            ],
            edges: [
                Edge("p", .partyTo, "war", sources: s), Edge("q", .partyTo, "war", sources: s),
                Edge("k", .convenes, "p", years: .year(2000), sources: s), Edge("k", .convenes, "q", years: .year(2000), sources: s),
                Edge("k", .provides, "d", support: .training, years: .year(2000), sources: s),
                Edge("j", .convenes, "p", years: .year(2001), sources: s),
                Edge("u", .prepares, "o", years: .year(2001), sources: s),
            ])
    }()

    static func withFile<T>(_ body: (String, URL) throws -> T) throws -> T {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("t.json")
        try network.jsonText().write(to: file, atomically: true, encoding: .utf8)
        return try body(file.path, dir)
    }

    static func array(_ node: JSONNode?) -> [JSONNode] {
        if case let .array(items)? = node?.value { return items }
        return []
    }

    /// One command's query and what it must answer in 2000 and in 2001.
    struct Case: Sendable {
        var command: String
        var arguments: [String]
        /// The answer read from the command's output (JSON, or text for drawings).
        var answer: @Sendable (String) throws -> String
        var in2000: String
        var in2001: String
        var recordsParameters = true
    }

    static func json(_ text: String) throws -> JSONNode { try JSONParser.parse(Array(text.utf8)) }

    static let cases: [Case] = [
        Case(
            command: "centrality", arguments: ["--measure", "degree", "--format", "json"],
            answer: { "\(try json($0)["scores"]?["k"]?.value ?? .null)" }, in2000: "\(JSONValue.double(3.0 / 6))",
            in2001: "\(JSONValue.double(0))"),
        Case(
            command: "influence", arguments: ["--format", "json"],
            answer: { array(try json($0)["conveners"]).first?["id"].map { "\($0.value)" } ?? "" }, in2000: "\(JSONValue.string("k"))",
            in2001: "\(JSONValue.string("j"))"),
        Case(
            command: "paths", arguments: ["--from", "k", "--to", "q", "--format", "json"],
            answer: { "\(array(try json($0)["paths"]).count)" }, in2000: "1", in2001: "0"),
        Case(
            command: "reach", arguments: ["--from", "k", "--format", "json"],
            answer: { "\(array(try json($0)["nodes"]).count)" }, in2000: "4", in2001: "1"),
        Case(
            command: "exposure", arguments: ["--format", "json"],
            answer: { "\(array(try json($0)["exposures"]).count)" }, in2000: "1", in2001: "0"),
        Case(
            command: "channels", arguments: ["--format", "json"],
            answer: { array(array(try json($0)["conflicts"]).first?["pairs"]).first?["channels"].map { "\($0.value)" } ?? "" },
            in2000: "\(JSONValue.int(1))", in2001: "\(JSONValue.int(0))"),
        Case(
            command: "communities", arguments: ["--format", "json"],
            answer: { text in
                let groups = array(try json(text)["communities"]).map {
                    array($0).compactMap { if case let .string(s) = $0.value { s } else { nil } }
                }
                return "\((groups.first { $0.contains("k") }?.count ?? 0) > 1)"
            }, in2000: "true", in2001: "false"),
        Case(
            command: "inclusion", arguments: ["--format", "json"],
            answer: { text in
                let parties = array(array(try json(text)["conflicts"]).first?["parties"])
                return parties.first { $0["id"]?.value == .string("q") }?["engaged"].map { "\($0.value)" } ?? ""
            }, in2000: "\(JSONValue.string("unofficial"))", in2001: "\(JSONValue.string("none"))"),
        Case(
            command: "pathways", arguments: ["--format", "json"],
            answer: { "\(array(try json($0)["pathways"]).count)" }, in2000: "0", in2001: "1"),
        Case(
            command: "timeline", arguments: ["--measure", "degree", "--format", "json"],
            answer: { text in
                let root = try json(text)
                let periods = array(root["periods"]).map { if case let .string(s) = $0.value { s } else { "?" } }
                return "\(periods) \(array(root["scores"]?["k"]).first?.value ?? .null)"
            },
            in2000: "[\"2000\"] \(JSONValue.double(3.0 / 7))", in2001: "[\"2001\"] \(JSONValue.double(0))", recordsParameters: false),
        Case(
            command: "render", arguments: ["--format", "dot"],
            answer: {
                "\($0.components(separatedBy: "bc_relation=\"convenes\"").count - 1) \($0.contains("Time test, at 2000")) \($0.contains("Time test, at 2001"))"
            },
            in2000: "2 true false", in2001: "1 false true", recordsParameters: false),
    ]

    @Test func theSameQueryAtTwoYearsGivesTwoAnswersOnEveryCommand() throws {
        try Self.withFile { file, _ in
            for c in Self.cases {
                var answers: [String] = []
                for year in ["2000", "2001"] {
                    let result = try Fixtures.run([c.command, file] + c.arguments + ["--at", year])
                    #expect(result.status == 0, "\(c.command) --at \(year): \(result.stderr)")
                    answers.append(try c.answer(result.stdout))
                    if c.recordsParameters {
                        #expect(
                            try Self.json(result.stdout)["parameters"]?["at"]?.value == .int(Int(year)!),
                            "\(c.command) records --at in its parameters")
                    }
                }
                #expect(answers == [c.in2000, c.in2001], "\(c.command)")
            }
        }
    }

    @Test func overviewAtTwoYears() throws {
        try Self.withFile { file, dir in
            let at2000 = try Fixtures.run(["overview", file, "-o", dir.appendingPathComponent("r0").path, "--at", "2000"])
            #expect(at2000.status == 0, "\(at2000.stderr)")
            #expect(at2000.stdout.hasPrefix("Network at 2000 (undated nodes and ties kept)\n"))
            #expect(at2000.stdout.contains("7 nodes, 5 edges"), "O (2001 only) and its tie are left out")
            let at2001 = try Fixtures.run(["overview", file, "-o", dir.appendingPathComponent("r1").path, "--at", "2001"])
            #expect(at2001.stdout.contains("8 nodes, 4 edges"))
            let view = try String(contentsOf: dir.appendingPathComponent("r1/conflict-war.dot"), encoding: .utf8)
            #expect(view.contains("War: actors within 2 steps, at 2001"))
            // The main job's report states the window it was cut to, as `report --at` does.
            let page = try String(contentsOf: dir.appendingPathComponent("r1/report.html"), encoding: .utf8)
            let report = try Fixtures.run(["report", file, "-o", dir.appendingPathComponent("r1.html").path, "--at", "2001"])
            #expect(report.status == 0, "\(report.stderr)")
            let alone = try String(contentsOf: dir.appendingPathComponent("r1.html"), encoding: .utf8)
            #expect(page.contains("time: at 2001"), "the overview's report states its window")
            #expect(alone.contains("time: at 2001"), "report --at states its window")
        }
    }

    @Test func betweenWindowsTablesAndCSV() throws {
        try Self.withFile { file, _ in
            let twoWords = try Fixtures.run(["centrality", file, "--measure", "degree", "--between", "2000", "2001", "--format", "json"])
            let oneWord = try Fixtures.run(["centrality", file, "--measure", "degree", "--between", "2000-2001", "--format", "json"])
            #expect(twoWords.status == 0 && twoWords.stdout == oneWord.stdout)
            #expect(
                try Self.json(twoWords.stdout)["parameters"]?["between"]?.value == .array([JSONNode(.int(2000)), JSONNode(.int(2001))]))
            let table = try Fixtures.run(["centrality", file, "--measure", "degree", "--between", "2000", "2001"])
            #expect(table.stdout.hasPrefix("Network between 2000 and 2001 (undated nodes and ties kept)\ndegree ("))
            let csv = try Fixtures.run(["centrality", file, "--measure", "degree", "--at", "2000", "--format", "csv"])
            let plain = try Fixtures.run(["centrality", file, "--measure", "degree", "--format", "csv"])
            #expect(
                csv.stdout.components(separatedBy: "\n").first == plain.stdout.components(separatedBy: "\n").first,
                "CSV stays a plain table")
            // --dated-only leaves out the undated party_to ties and the nodes with no dated tie.
            let dated = try Fixtures.run(["reach", file, "--from", "k", "--at", "2000", "--dated-only", "--format", "json"])
            #expect(Self.array(try Self.json(dated.stdout)["nodes"]).count == 4)
            #expect(
                try Fixtures.run(["reach", file, "--from", "war", "--at", "2000", "--dated-only"]).status == 65, "war has no dated tie")
            // The old timeline form still reads.
            let timeline = try Fixtures.run(["timeline", file, "--measure", "degree", "--between", "2000-2001", "--format", "json"])
            #expect(Self.array(try Self.json(timeline.stdout)["periods"]).count == 2)
        }
    }

    @Test func impossibleDatesAreUsageErrorsSayingWhy() throws {
        for (args, why) in [
            (["--at", "2021-02-30"], "February 2021 has 28 days, not 30"), (["--at", "2021-13"], "month 13 is not 1–12"),
            (["--between", "2021-07", "2021-02-29"], "February 2021 has 28 days, not 29"),
        ] {
            for command in [
                ["centrality", "--measure", "degree"], ["render", "--format", "dot"], ["pathways"], ["warnings"], ["channels"],
            ] {
                let result = try Fixtures.run(command + args)
                #expect(result.status == 64, "\(command + args)")
                #expect(result.stderr.contains(args[args.count - 1]) && result.stderr.contains(why), "\(command + args): \(result.stderr)")
            }
        }
        #expect(try Fixtures.run(["centrality", "--measure", "degree", "--at", "soon"]).status == 64)
        #expect(try Fixtures.run(["centrality", "--measure", "degree", "--at", "2000", "--between", "1999", "2001"]).status == 64)
        #expect(try Fixtures.run(["centrality", "--measure", "degree", "--between", "2001", "2000"]).status == 64)
        #expect(try Fixtures.run(["centrality", "--measure", "degree", "--between", "2021-08", "2021-07-31"]).status == 64)
    }

    @Test func channelsEveryYearGivesThePeriodOnEachConflict() throws {
        try Self.withFile { file, _ in
            let result = try Fixtures.run(["channels", file, "--every", "year", "--format", "json"])
            #expect(result.status == 0, "\(result.stderr)")
            let conflicts = Self.array(try Self.json(result.stdout)["conflicts"])
            #expect(conflicts.map { $0["period"]?.value } == [.string("2000"), .string("2001")])
            #expect(conflicts.map { Self.array($0["pairs"]).first?["channels"]?.value } == [.int(1), .int(0)])
            let csv = try Fixtures.run(["channels", file, "--every", "year", "--format", "csv"])
            #expect(
                csv.stdout
                    == "period,conflict,a,b,side_a,side_b,direct_tie,channels,cut\r\n2000,war,p,q,,,false,1,k\r\n2001,war,p,q,,,false,0,\r\n"
                    || csv.stdout
                        == "period,conflict,a,b,side_a,side_b,direct_tie,channels,cut\n2000,war,p,q,,,false,1,k\n2001,war,p,q,,,false,0,\n"
            )
            // The per-year counts equal the counts of --at on each year.
            for (year, count) in [("2000", 1), ("2001", 0)] {
                let at = try Fixtures.run(["channels", file, "--at", year, "--format", "json"])
                #expect(
                    Self.array(Self.array(try Self.json(at.stdout)["conflicts"]).first?["pairs"]).first?["channels"]?.value == .int(count))
            }
        }
    }

    @Test func networkFilterKeepsNodesByTheirOwnYears() {
        var filter = NetworkFilter()
        filter.period = .year(2000)
        let kept = Self.network.filtered(by: filter)
        #expect(!kept.nodes.contains { $0.id == "o" } && kept.nodes.contains { $0.id == "u" })
        #expect(kept.edges.count == 5)
        let graph = CompactGraph(Self.network, filter: filter)
        #expect(graph.nodeCount == 7 && graph.arcCount == 5)
        filter.datedOnly = true
        #expect(CompactGraph(Self.network, filter: filter).ids == ["p", "q", "k", "d"])
        // The report keeps the same nodes (it once kept those without a dated tie).
        #expect(ReportJob.filtered(Self.network, by: filter).nodes.map(\.id) == ["p", "q", "k", "d"])
        // A refused engagement is no tie, dated or not: its ends stay out; the page keeps the edges
        // of every status between the nodes that stay.
        var refused = Self.network
        refused.edges.append(Edge("j", .addresses, "war", years: .year(2000), attributes: ["status": .string("refused")], sources: ["s"]))
        refused.edges.append(Edge("k", .convenes, "d", years: .year(2000), attributes: ["status": .string("refused")], sources: ["s"]))
        let page = ReportJob.filtered(refused, by: filter)
        #expect(page.nodes.map(\.id) == ["p", "q", "k", "d"])
        #expect(page.edges.contains { $0.source == "k" && $0.target == "d" && $0.relation == .convenes }, "kept for the page")
    }

    // MARK: - The direction fix

    @Test func timeRespectingUndirectedPathsGiveEachHopsRealDirection() throws {
        let args = [
            "paths", "--time-respecting", "--undirected", "--from", "dartmouth-conference", "--to", "regional-conflicts-task-force",
        ]
        let table = try Fixtures.run(args)
        #expect(
            table.stdout == "1. length 1: Dartmouth Conference ←part_of— Dartmouth Conference Regional Conflicts Task Force\n",
            "the Task Force is part of Dartmouth")
        let json = try Self.json(try Fixtures.run(args + ["--format", "json"]).stdout)
        #expect(Self.array(json["paths"]).first?["directions"]?.value == .array([JSONNode(.string("backward"))]))
        let csv = try Fixtures.run(args + ["--format", "csv"]).stdout
        #expect(csv.contains("path,step,node,relation_to_next,length,direction_to_next"))
        #expect(csv.contains("1,0,dartmouth-conference,part_of,1.0,backward"))
    }

    @Test func everyPathOutputGivesDirectionsForMixedHops() throws {
        // a → b ← c: undirected, the second hop runs against its edge; x ⇄ y both ways.
        let s = ["s"]
        let network = Network(
            name: "d", sources: [Source(id: "s", citation: "Fixture")],
            nodes: ["a", "b", "c"].map { Node(id: $0, kind: .participant, sources: s) },
            edges: [
                Edge("a", .partnersWith, "b", years: .year(2000), sources: s), Edge("c", .convenes, "b", years: .year(2001), sources: s),
                Edge("b", .urges, "a", sources: s),
            ])
        let found = try #require(TimeRespectingPath.find(network, from: "a", to: "c", directed: false))
        #expect(found.nodes == ["a", "b", "c"])
        let hops = PathReport.hops(["a", "b", "c"], in: network, directed: false)
        #expect(hops.directions == [.both, .backward])
        #expect(hops.relations == ["urges|partners_with", "convenes"], "relations in the vocabulary's order")
        let report = PathReport(entries: [
            PathReport.Entry(nodes: ["a", "b", "c"], relations: hops.relations, length: 2, directions: hops.directions)
        ])
        #expect(report.text() == "1. length 2: a ←urges|partners_with→ b ←convenes— c\n")
        #expect(report.csv().contains("1,1,b,convenes,2.0,backward"))
        #expect(report.json().contains(#""directions": ["both", "backward"]"#))
    }
}
