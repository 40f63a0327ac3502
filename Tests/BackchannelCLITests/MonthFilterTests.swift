import BackchannelAnalysis
import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation
import BackchannelTestSupport
import Foundation
import Testing

/// `--at` and `--between` at month and day precision, and `--every quarter|month`.
@Suite("Time filters by month")
struct MonthFilterTests {
    static func d(_ y: Int, _ m: Int? = nil, _ day: Int? = nil) -> PartialDate { PartialDate(year: y, month: m, day: day)! }

    /// TimeFilterTests' network with its years moved into 2021: what held in 2000 holds from March
    /// to May 2021, what held in 2001 on 15 July 2021.
    static let network: Network = {
        func moved(_ p: Period) -> Period {
            func start(_ d: PartialDate?) -> PartialDate? { d.map { $0.year == 2000 ? Self.d(2021, 3) : Self.d(2021, 7, 15) } }
            func end(_ d: PartialDate?) -> PartialDate? { d.map { $0.year == 2000 ? Self.d(2021, 5) : Self.d(2021, 7, 15) } }
            return Period(start: start(p.start), end: end(p.end))
        }
        var n = TimeFilterTests.network
        for i in n.nodes.indices { n.nodes[i].years = moved(n.nodes[i].years) }
        for i in n.edges.indices { n.edges[i].years = moved(n.edges[i].years) }
        return n
    }()

    static func withFile<T>(_ network: Network = network, _ body: (String) throws -> T) throws -> T {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("m.json")
        try network.jsonText().write(to: file, atomically: true, encoding: .utf8)
        return try body(file.path)
    }

    static func strings(_ node: JSONNode?) -> [String] {
        TimeFilterTests.array(node).map { if case let .string(s) = $0.value { s } else { "?" } }
    }

    /// Every command's query at two months of one year gives the two answers the years gave.
    @Test func theSameQueryAtTwoMonthsGivesTwoAnswersOnEveryCommand() throws {
        #expect(Self.network.jsonText().contains(#""start": "2021-03""#))
        try Self.withFile { file in
            for c in TimeFilterTests.cases {
                var answers: [String] = []
                for month in ["2021-04", "2021-07"] {
                    let every = c.command == "timeline" ? ["--every", "month"] : []
                    let result = try Fixtures.run([c.command, file] + c.arguments + every + ["--at", month])
                    #expect(result.status == 0, "\(c.command) --at \(month): \(result.stderr)")
                    var answer = try c.answer(result.stdout)
                    if c.command == "timeline" { answer = answer.replacingOccurrences(of: "\"\(month)\"", with: "PERIOD") }
                    if c.command == "render" {
                        answer = answer.replacingOccurrences(of: "false", with: "-").replacingOccurrences(of: "true", with: "-")
                    }
                    answers.append(answer)
                    if c.recordsParameters {
                        #expect(
                            try TimeFilterTests.json(result.stdout)["parameters"]?["at"]?.value == .string(month),
                            "\(c.command) records --at \(month) in its parameters")
                    }
                    if c.command == "render" { #expect(result.stdout.contains("Time test, at \(month)"), "the diagram title") }
                }
                func normal(_ s: String) -> String {
                    c.command == "timeline"
                        ? s.replacingOccurrences(of: "\"2000\"", with: "PERIOD").replacingOccurrences(of: "\"2001\"", with: "PERIOD")
                        : c.command == "render"
                            ? s.replacingOccurrences(of: "false", with: "-").replacingOccurrences(of: "true", with: "-") : s
                }
                #expect(answers == [normal(c.in2000), normal(c.in2001)], "\(c.command)")
            }
        }
    }

    /// A period known to the year contains every month of it; a span of months does not contain a
    /// month outside it; a day is found by the month and the year that hold it.
    @Test func coarserAndFinerDatesMeetAtTheFinestBothHave() throws {
        var network = Self.network
        // Z, a convener whose tie to both parties is dated by the year alone.
        network.nodes.append(Node(id: "z", label: "Z", kind: .convener, sources: ["s"]))
        network.edges += [
            Edge("z", .convenes, "p", years: .year(2022), sources: ["s"]), Edge("z", .convenes, "q", years: .year(2022), sources: ["s"]),
        ]
        try Self.withFile(network) { file in
            func cut(_ at: [String]) throws -> [String] {
                let result = try Fixtures.run(["channels", file, "--format", "json"] + at)
                #expect(result.status == 0, "\(at): \(result.stderr)")
                let pairs = TimeFilterTests.array(
                    TimeFilterTests.array(try TimeFilterTests.json(result.stdout)["conflicts"]).first?["pairs"])
                return Self.strings(pairs.first?["cut"])
            }
            #expect(try cut(["--at", "2021-04"]) == ["k"])
            #expect(try cut(["--at", "2021-06"]) == [], "March–May 2021 does not contain June")
            #expect(try cut(["--at", "2022-07"]) == ["z"], "the year 2022 contains July 2022")
            #expect(try cut(["--at", "2022-07-04"]) == ["z"])
            #expect(try cut(["--at", "2021-05-31"]) == ["k"] && cut(["--at", "2021-06-01"]) == [])
            #expect(try cut(["--between", "2021-05", "2021-06"]) == ["k"])
            let table = try Fixtures.run(["channels", file, "--at", "2021-07"])
            #expect(table.stdout.hasPrefix("Network at 2021-07 (undated nodes and ties kept)\n"), "\(table.stdout.prefix(80))")
            let between = try Fixtures.run([
                "centrality", file, "--measure", "degree", "--between", "2021-03", "2021-07-15", "--format", "json",
            ])
            #expect(
                try TimeFilterTests.json(between.stdout)["parameters"]?["between"]?.value
                    == .array([JSONNode(.string("2021-03")), JSONNode(.string("2021-07-15"))]))
            let years = try Fixtures.run(["centrality", file, "--measure", "degree", "--between", "2021", "2022", "--format", "json"])
            #expect(
                try TimeFilterTests.json(years.stdout)["parameters"]?["between"]?.value
                    == .array([JSONNode(.int(2021)), JSONNode(.int(2022))]),
                "years stay integers")
        }
    }

    @Test func everyQuarterAndMonthLabelThePeriods() throws {
        try Self.withFile { file in
            let months = try Fixtures.run(["timeline", file, "--measure", "degree", "--every", "month", "--format", "json"])
            #expect(months.status == 0, "\(months.stderr)")
            let root = try TimeFilterTests.json(months.stdout)
            #expect(Self.strings(root["periods"]) == ["2021-03", "2021-04", "2021-05", "2021-06", "2021-07"])
            #expect(
                root["parameters"]?["every"]?.value == .string("month") && root["parameters"]?["between"] == nil,
                "no window asked for: none recorded (the periods are listed)")
            let k = TimeFilterTests.array(root["scores"]?["k"]).map(\.value)
            #expect(k[0] == .double(3.0 / 7) && k[3] == .double(0), "K ties in March, none in June")
            let quarters = try Fixtures.run(["timeline", file, "--measure", "degree", "--every", "quarter", "--format", "json"])
            #expect(Self.strings(try TimeFilterTests.json(quarters.stdout)["periods"]) == ["2021-Q1", "2021-Q2", "2021-Q3"])
            let window = try Fixtures.run([
                "timeline", file, "--measure", "degree", "--every", "month", "--window", "2", "--format", "json",
            ])
            #expect(Self.strings(try TimeFilterTests.json(window.stdout)["periods"]).first == "2021-02–2021-03")
            let channels = try Fixtures.run(["channels", file, "--every", "month", "--format", "json"])
            let conflicts = TimeFilterTests.array(try TimeFilterTests.json(channels.stdout)["conflicts"])
            #expect(conflicts.map { $0["period"]?.value } == ["2021-03", "2021-04", "2021-05", "2021-06", "2021-07"].map { .string($0) })
            #expect(try Fixtures.run(["channels", file, "--every", "month", "--between", "1000", "2021"]).status == 64, "too many periods")
            // inclusion --every: each period's entry is what --at that period gives.
            let inclusion = try Fixtures.run(["inclusion", file, "--every", "month", "--format", "json"])
            #expect(inclusion.status == 0, "\(inclusion.stderr)")
            let entries = TimeFilterTests.array(try TimeFilterTests.json(inclusion.stdout)["conflicts"])
            #expect(entries.map { $0["period"]?.value } == ["2021-03", "2021-04", "2021-05", "2021-06", "2021-07"].map { .string($0) })
            for (entry, month) in zip(entries, ["2021-03", "2021-04", "2021-05", "2021-06", "2021-07"]) {
                let at = try Fixtures.run(["inclusion", file, "--at", month, "--format", "json"])
                let single = TimeFilterTests.array(try TimeFilterTests.json(at.stdout)["conflicts"]).first
                #expect(entry["included_share"]?.value == single?["included_share"]?.value, "\(month)")
            }
            #expect(entries.map { $0["included_share"]?.value } == [1.0, 1.0, 1.0, 0.0, 0.5].map { .double($0) }, "\(inclusion.stdout)")
        }
    }
}

extension MonthFilterTests {
    /// Years stay integers and days ISO text: exporting the bundled history gives back
    /// Datasets/track2-history.json byte for byte.
    @Test func exportedHistoryIsTheCanonicalFileByteForByte() throws {
        let result = try Fixtures.run(["export", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let file = try String(contentsOf: Fixtures.datasetsDirectory.appendingPathComponent("track2-history.json"), encoding: .utf8)
        #expect(result.stdout == file)
        #expect(
            file.contains(#""start": 1960"#) && file.contains(#""start": "2008-04-13""#),
            "the history's dates keep the source's precision: years as integers, days as ISO text")
    }
}
