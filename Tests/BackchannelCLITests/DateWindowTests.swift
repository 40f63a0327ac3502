import BackchannelAnalysis
import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// Extreme years, the one reader of date ranges, per-period reports clipped to the window asked for
/// and recorded one way, and the cap on the number of periods.
@Suite("Date windows")
struct DateWindowTests {
    static func d(_ y: Int, _ m: Int? = nil, _ day: Int? = nil) -> PartialDate { PartialDate(year: y, month: m, day: day)! }

    /// Two parties of conflict c; talks d1 on 29 February 2008 join them, d2 (31 March to 1 April
    /// 2008) joins them too, d4 starts on 31 December 2008 and runs on.
    static let network: Network = {
        let s = ["s"]
        return Network(
            name: "dates", title: "Dates", sources: [Source(id: "s", citation: "Fixture")],
            nodes: [
                Node(id: "c", label: "Conflict", kind: .conflict, sources: s),
                Node(id: "a", label: "Party A", kind: .participant, sources: s),
                Node(id: "b", label: "Party B", kind: .participant, sources: s),
                Node(id: "d1", label: "Leap talks", kind: .dialogue, track: .two, years: .on(d(2008, 2, 29)), sources: s),
                Node(
                    id: "d2", label: "Q talks", kind: .dialogue, track: .two, years: Period(start: d(2008, 3, 31), end: d(2008, 4, 1)),
                    sources: s),
                Node(id: "d4", label: "Open talks", kind: .dialogue, track: .two, years: Period(start: d(2008, 12, 31)), sources: s),
            ],
            edges: [
                Edge("a", .partyTo, "c", attributes: ["side": .string("A")], sources: s),
                Edge("b", .partyTo, "c", attributes: ["side": .string("B")], sources: s),
                Edge("a", .participatesIn, "d1", years: .on(d(2008, 2, 29)), sources: s),
                Edge("b", .participatesIn, "d1", years: .on(d(2008, 2, 29)), sources: s),
                Edge("a", .participatesIn, "d2", years: Period(start: d(2008, 3, 31), end: d(2008, 4, 1)), sources: s),
                Edge("b", .participatesIn, "d2", years: .on(d(2008, 4)), sources: s),
                Edge("a", .participatesIn, "d4", years: Period(start: d(2008, 12, 31)), sources: s),
                Edge("b", .participatesIn, "d4", years: Period(start: d(2009, 1)), sources: s),
            ])
    }()

    static func withFiles<T>(_ files: [String: String], _ body: (URL) throws -> T) throws -> T {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return try body(dir)
    }

    static func json(_ text: String) throws -> JSONNode { try JSONParser.parse(Array(text.utf8)) }

    // MARK: - 3: extreme years

    /// The ordinal arithmetic never traps, whatever the year, and stays ordered.
    @Test func ordinalsOfExtremeYearsDoNotTrap() {
        let huge = PartialDate(Int.max), tiny = PartialDate(Int.min)
        #expect(huge.firstDay > Self.d(2100).lastDay && tiny.lastDay < Self.d(1000).firstDay)
        #expect(PartialDate.civil(Int.max).year > 2100 && PartialDate.civil(Int.min).year < 1000)
        #expect(TimeStep.month.index(ofDay: Int.max) > TimeStep.month.index(ofDay: 0))
        #expect(Period(start: huge, end: Self.d(2009)).days.count >= 1)
        #expect(tiny < Self.d(2009) && Self.d(2009) < huge)
        // Ordinary dates are unchanged.
        #expect(Self.d(1970, 1, 1).firstDay == 0 && PartialDate.civil(11_017) == (2000, 3, 1))
    }

    /// A start year of Int.max with an end: a located data error (65) in JSON, CSV sheets, GraphML
    /// and GEXF, never a trap.
    @Test func extremeYearsInFilesAreLocatedDataErrors() throws {
        var network = Fixtures.small
        network.nodes[0].years = Period(start: PartialDate(Int.max), end: 2009)
        network.edges[0].years = Period(start: PartialDate(Int.max), end: 2010)
        let sheets = CSVSheets.write(network)
        let files = [
            "x.json": network.jsonText(), "x.graphml": GraphML.write(network).text, "x.gexf": GEXF.write(network).text,
            "x-nodes.csv": sheets.nodes, "x-edges.csv": sheets.edges, "x-sources.csv": sheets.sources,
        ]
        try Self.withFiles(files) { dir in
            for (file, location) in [
                ("x.json", "$.nodes[0].start"), ("x.graphml", "<node id=\"\(network.nodes[0].id)\">"),
                ("x.gexf", "<node id=\"\(network.nodes[0].id)\">"), ("x-edges.csv", "x-nodes.csv:2:"),
            ] {
                let result = try Fixtures.run(["validate", dir.appendingPathComponent(file).path])
                #expect(result.status == 65, "\(file): \(result.status) \(result.stderr)")
                #expect(
                    result.stderr.contains(location) && result.stderr.contains("year 9223372036854775807 is outside 1000–2100"),
                    "\(file): \(result.stderr)")
                #expect(!result.stderr.contains("is before"), "no order check on an implausible year")
            }
        }
    }

    /// On the command line a year outside 1000–2100 is a usage error (64) naming the option.
    @Test func extremeYearsOnTheCommandLineAreUsageErrors() throws {
        for args in [
            ["--at", "9223372036854775807"], ["--at=-5"], ["--at", "800"], ["--between", "2009", "99999999999999999999"],
            ["--between", "0999-2009"],
        ] {
            let result = try Fixtures.run(["centrality", "--measure", "degree"] + args)
            #expect(result.status == 64, "\(args): \(result.stderr)")
            #expect(result.stderr.contains("outside 1000–2100"), "\(args): \(result.stderr)")
        }
    }

    // MARK: - 10: one reader of ranges

    @Test func oneReaderOfRangesForTablesAndTheCommandLine() throws {
        #expect(Period.read("2009–2010") == .period(Period(start: 2009, end: 2010)))
        #expect(Period.read("2009-2010") == .period(Period(start: 2009, end: 2010)))
        #expect(Period.read(" 2009-03 / 2009-07 ") == .period(Period(start: Self.d(2009, 3), end: Self.d(2009, 7))))
        #expect(Period.read("2009-present") == .period(Period(start: 2009)))
        #expect(Period.read("2009-1") == .notAPeriod && Period.read("2009-1-05") == .notAPeriod)
        #expect(Period.read("2010–2009") == .invalid("2009 is before 2010"))
        #expect(Period.read("2009-02-30") == .invalid("February 2009 has 28 days, not 30"))
        #expect(RecipeDates.read("2009–2010") == .exact(Period(start: 2009, end: 2010)), "recipes read what --between reads")
        #expect(Self.d(2008).text == "2008")
        #expect(
            Period.year(2008).clipped(to: .on(Self.d(2008, 2))) == .on(Self.d(2008, 2))
                && Period(start: Self.d(2008, 3, 31)).clipped(to: Period(start: Self.d(2008, 1), end: Self.d(2008, 3)))
                    == Period(start: Self.d(2008, 3, 31), end: Self.d(2008, 3))
        )
        try Self.withFiles(["n.json": Self.network.jsonText()]) { dir in
            let file = dir.appendingPathComponent("n.json").path
            let dash = try Fixtures.run(["centrality", file, "--measure", "degree", "--between", "2008–2009", "--format", "json"])
            let two = try Fixtures.run(["centrality", file, "--measure", "degree", "--between", "2008", "2009", "--format", "json"])
            #expect(dash.status == 0 && dash.stdout == two.stdout, "\(dash.stderr)")
            let month = try Fixtures.run(["centrality", file, "--measure", "degree", "--between", "2009-1"])
            #expect(month.status == 64 && month.stderr.contains("'2009-1'") && month.stderr.contains("2009-01"), "\(month.stderr)")
            #expect(!month.stderr.contains("FROM must not be after TO"))
            let backwards = try Fixtures.run(["centrality", file, "--measure", "degree", "--between", "2010-2009"])
            #expect(backwards.status == 64 && backwards.stderr.contains("2009 is before 2010"), "\(backwards.stderr)")
        }
    }

    // MARK: - 5: per-period reports clipped to the window, recorded one way

    @Test func timelineAtAMonthScoresOnlyThatMonth() throws {
        try Self.withFiles(["n.json": Self.network.jsonText()]) { dir in
            let file = dir.appendingPathComponent("n.json").path
            let result = try Fixtures.run(["timeline", file, "--measure", "degree", "--at", "2008-02", "--format", "json"])
            #expect(result.status == 0, "\(result.stderr)")
            let root = try Self.json(result.stdout)
            #expect(root["parameters"]?["at"]?.value == .string("2008-02") && root["parameters"]?["between"] == nil)
            #expect(root["parameters"]?["every"]?.value == .string("year"))
            #expect(root["scores"]?["d4"]?.value == .array([JSONNode(.null)]), "Open talks start on 2008-12-31")
            #expect(root["scores"]?["d2"]?.value == .array([JSONNode(.null)]), "Q talks are in March and April")
            #expect(root["scores"]?["d1"]?.value != .array([JSONNode(.null)]))
            let svg = try Fixtures.run(["timeline", file, "--measure", "degree", "--at", "2008-02", "--format", "svg"])
            #expect(svg.stdout.contains("Dates: degree by year, at 2008-02"), "the chart's title states the filter")
            let table = try Fixtures.run(["timeline", file, "--measure", "degree", "--at", "2008-02"])
            #expect(table.stdout.hasPrefix("Network at 2008-02 (undated nodes and ties kept)\n"), "\(table.stdout.prefix(80))")
            // A sliding window reaches no further back than --between.
            let window = try Fixtures.run([
                "timeline", file, "--measure", "degree", "--every", "quarter", "--window", "2", "--between", "2008-03", "2008-03",
                "--format", "json",
            ])
            let scores = try Self.json(window.stdout)["scores"]
            #expect(scores?["d1"]?.value == .array([JSONNode(.null)]), "February is outside the window")
        }
    }

    @Test func everyCommandClipsItsPeriodsAndRecordsTheWindowOneWay() throws {
        try Self.withFiles(["n.json": Self.network.jsonText()]) { dir in
            let file = dir.appendingPathComponent("n.json").path
            let between = JSONValue.array([JSONNode(.string("2008-03")), JSONNode(.string("2008-05"))])
            for command in [
                ["channels", "--every", "quarter"], ["warnings", "--every", "quarter"], ["inclusion", "--every", "quarter"],
                ["timeline", "--measure", "degree", "--every", "quarter"],
            ] {
                let result = try Fixtures.run(
                    [command[0], file] + command.dropFirst() + ["--between", "2008-03", "2008-05", "--format", "json"])
                #expect(result.status == 0, "\(command): \(result.stderr)")
                let parameters = try Self.json(result.stdout)["parameters"]
                #expect(parameters?["between"]?.value == between, "\(command): \(result.stdout.prefix(300))")
                #expect(parameters?["every"]?.value == .string("quarter"), "\(command)")
            }
            // Each quarter clipped to the window: February's Leap talks are inside 2008-Q1 but outside March.
            func channels(_ window: [String]) throws -> [JSONValue] {
                let result = try Fixtures.run(["channels", file, "--every", "quarter", "--format", "json"] + window)
                #expect(result.status == 0, "\(result.stderr)")
                return TimeFilterTests.array(try Self.json(result.stdout)["conflicts"]).compactMap {
                    TimeFilterTests.array($0["pairs"]).first?["channels"]?.value
                }
            }
            #expect(try channels(["--at", "2008-02"]) == [.int(1)])
            #expect(try channels(["--between", "2008-03", "2008-03"]) == [.int(0)], "Leap talks are in February, B joins Q talks in April")
            #expect(try channels(["--between", "2008-03", "2008-04"]) == [.int(0), .int(1)], "2008-Q1 as March, 2008-Q2 as April")
            #expect(try channels(["--at", "2008-01"]) == [.int(0)], "not the whole first quarter")
            let inclusion = try Fixtures.run(["inclusion", file, "--every", "quarter", "--at", "2008-01", "--format", "json"])
            let parties = TimeFilterTests.array(TimeFilterTests.array(try Self.json(inclusion.stdout)["conflicts"]).first?["parties"])
            #expect(parties.allSatisfy { $0["engaged"]?.value == .string("none") }, "\(inclusion.stdout)")
        }
    }

    // MARK: - 9: the cap on periods

    @Test func thePeriodCapHoldsForSpansFromTheData() throws {
        var network = Self.network
        network.nodes[0].years = Period(start: 1000, end: 2100)
        try Self.withFiles(["w.json": network.jsonText()]) { dir in
            let file = dir.appendingPathComponent("w.json").path
            for command in [
                ["timeline", "--measure", "degree"], ["channels"], ["warnings"], ["inclusion"],
            ] {
                let result = try Fixtures.run([command[0], file] + command.dropFirst() + ["--every", "month"])
                #expect(result.status == 64, "\(command): \(result.status) \(result.stderr)")
                #expect(
                    result.stderr.contains("13212 months") && result.stderr.contains("at most 1000 periods")
                        && result.stderr.contains("--between"), "\(command): \(result.stderr)")
            }
            let narrowed = try Fixtures.run(["timeline", file, "--measure", "degree", "--every", "month", "--between", "2008", "2009"])
            #expect(narrowed.status == 0, "\(narrowed.stderr)")
            let option = try Fixtures.run(["timeline", file, "--measure", "degree", "--every", "month", "--between", "1900", "2100"])
            #expect(option.status == 64 && option.stderr.contains("at most 1000"), "\(option.stderr)")
            let window = try Fixtures.run(["timeline", file, "--measure", "degree", "--window", "9223372036854775807"])
            #expect(window.status == 64, "\(window.stderr)")
        }
    }

    // MARK: - 8 and the JSON messages

    @Test func lenientDatesNameTheirPathAndReadPresent() throws {
        let text = """
            {"graph": {"name": "x", "sources": [{"id": "s", "citation": "S"}]},
             "nodes": [{"id": "a", "kind": "convener", "start": "2009-1-05", "sources": ["s"]},
                       {"id": "b", "kind": "dialogue", "start": 2009.5, "sources": ["s"]},
                       {"id": "c", "kind": "dialogue", "start": "2008-12", "end": "present", "sources": ["s"]}],
             "edges": [{"source": "a", "target": "b", "relation": "convenes", "start": 2009, "end": "present", "sources": ["s"]}]}
            """
        try Self.withFiles(["l.json": text]) { dir in
            let file = dir.appendingPathComponent("l.json").path
            let result = try Fixtures.run(["validate", file])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                result.stderr.contains(
                    "not a year, year-month or ISO date kept as the attribute \"start\" (2 values, the first at $.nodes[0].start)"),
                "\(result.stderr)")
            #expect(!result.stderr.contains("values that are not years"))
            #expect(result.stderr.contains("\"present\" read as an open end (1 value, at $.nodes[2].end)"), "\(result.stderr)")
            let export = try Fixtures.run(["export", file, "--format", "json"])
            let nodes = TimeFilterTests.array(try Self.json(export.stdout)["nodes"])
            #expect(nodes.count == 3 && nodes[2]["start"]?.value == .string("2008-12") && nodes[2]["end"] == nil, "\(export.stdout)")
        }
        let null = #"{"graph": {"name": "x", "sources": null}, "nodes": [{"id": "a", "kind": "convener", "sources": []}], "edges": []}"#
        #expect { try Network.read(json: Array(null.utf8), file: "n.json") } throws: { error in
            "\(error)".contains("expected an array, found null") && !"\(error)".contains("null null")
        }
    }
}
