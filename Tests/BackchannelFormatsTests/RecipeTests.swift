import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// The independent counts of Datasets/recipes/check_counts.py, and Backchannel's.
private struct Counts: Equatable, CustomStringConvertible {
    var nodes: [String: Int]
    var edges: [String: Int]
    var warnings: [String: Int]
    var description: String {
        "nodes \(nodes.sorted { $0.key < $1.key }), edges \(edges.sorted { $0.key < $1.key }), warnings \(warnings.sorted { $0.key < $1.key })"
    }
}

private enum RecipeFixtures {
    static var recipes: URL { Fixtures.datasetsDirectory.appendingPathComponent("recipes") }
    static var folder: URL { Fixtures.committedFixtures.appendingPathComponent("recipes") }
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let needsPython = "needs python3 (Datasets/recipes/check_counts.py makes the independent counts)"
    static var peace: URL { Fixtures.sharedData.appendingPathComponent("peace-processes") }
    static func shared(_ name: String) -> URL { peace.appendingPathComponent(name) }
    static func hasShared(_ name: String) -> Bool { FileManager.default.isReadableFile(atPath: shared(name).path) }
    static let needsShared =
        "needs ../shared/data/peace-processes (MEND, UCDP and PA-X tables, not committed: their terms are unclear); the project-written fixtures in Tests/Fixtures/recipes cover the same recipes"

    /// What check_counts.py says `source`'s recipe makes of `table`.
    static func independent(_ source: String, _ table: URL) throws -> Counts {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = [recipes.appendingPathComponent("check_counts.py").path, source, table.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let json = try #require(JSONSerialization.jsonObject(with: data) as? [String: [String: Int]])
        return Counts(nodes: json["nodes"] ?? [:], edges: json["edges"] ?? [:], warnings: json["warnings"] ?? [:])
    }

    /// Backchannel's counts: nodes by kind, edges by relation, and each warning's count.
    static func counts(_ read: (network: Network, warnings: [String], files: [URL])) -> Counts {
        var warnings: [String: Int] = [:]
        for line in read.warnings {
            guard let r = line.range(of: #": \d+ times? \(first at "#, options: .regularExpression) else { continue }
            let count = Int(line[r].dropFirst(2).prefix { $0.isNumber })!
            warnings[String(line[..<r.lowerBound])] = count
        }
        return Counts(
            nodes: Dictionary(grouping: read.network.nodes, by: \.kind.rawValue).mapValues(\.count),
            edges: Dictionary(grouping: read.network.edges, by: \.relation.rawValue).mapValues(\.count),
            warnings: warnings)
    }

    static func apply(_ source: String, _ table: URL) throws -> (network: Network, warnings: [String], files: [URL]) {
        try RecipeReader.read(main: table, recipe: Recipe.read(contentsOf: recipes.appendingPathComponent("\(source).toml")))
    }
}

@Suite struct RecipeCountTests {
    static let fixtures: [(String, String)] = [
        ("mend", "recipes/mend-shaped.csv"), ("ucdp", "recipes/ucdp-shaped.csv"), ("paax", "paax-shaped/signatories.csv"),
    ]

    @Test(.enabled(if: RecipeFixtures.python != nil, Comment(rawValue: RecipeFixtures.needsPython)), arguments: fixtures)
    func fixtureCountsMatchTheIndependentCount(source: String, table: String) throws {
        let url = Fixtures.committedFixtures.appendingPathComponent(table)
        let read = try RecipeFixtures.apply(source, url)
        let expected = try RecipeFixtures.independent(source, url)
        #expect(RecipeFixtures.counts(read) == expected)
        // Every warning is counted: one line each, all of them "N time(s) (first at …)".
        #expect(read.warnings.count == expected.warnings.count)
    }

    @Test(
        .enabled(
            if: RecipeFixtures.python != nil && RecipeFixtures.hasShared("mend_mediation_events_2706.csv"),
            Comment(rawValue: RecipeFixtures.needsShared)))
    func realMENDCountsMatch() throws {
        let url = RecipeFixtures.shared("mend_mediation_events_2706.csv")
        let read = try RecipeFixtures.apply("mend", url)
        #expect(RecipeFixtures.counts(read) == (try RecipeFixtures.independent("mend", url)))
        // The MANIFEST: 2,661 events, 180 local parties, 611 named individuals; 193 rows without a country.
        #expect(read.network.nodes.filter { $0.kind == .dialogue }.count == 2661)
        #expect(read.network.nodes.filter { $0.id.hasPrefix("mend-local-") }.count == 180)
        #expect(read.network.nodes.filter { $0.id.hasPrefix("mend-person-") }.count == 611)
        #expect(read.warnings.contains { $0.contains("(conflict): empty conflict_counry_ID; no node: 193 times") })
        // No "United Kingdom; Qatar" node: the cell is split.
        #expect(!read.network.nodes.contains { $0.label.contains(";") })
    }

    @Test(
        .enabled(
            if: RecipeFixtures.python != nil && RecipeFixtures.hasShared("ucdp-peace-agreements-221.csv"),
            Comment(rawValue: RecipeFixtures.needsShared)))
    func realUCDPCountsMatch() throws {
        let url = RecipeFixtures.shared("ucdp-peace-agreements-221.csv")
        let read = try RecipeFixtures.apply("ucdp", url)
        #expect(RecipeFixtures.counts(read) == (try RecipeFixtures.independent("ucdp", url)))
        #expect(read.network.nodes.filter { $0.kind == .agreement }.count == 374)
        // "221, 264" is two conflicts, not one node.
        #expect(read.network.node("ucdp-conflict-221") != nil && read.network.node("ucdp-conflict-264") != nil)
        #expect(!read.network.nodes.contains { $0.id.contains(",") })
        let sides = Set(read.network.edges.filter { $0.relation == .partyTo }.compactMap { $0.attributes["side"] })
        #expect(sides == [.string("A"), .string("B")])
    }

    @Test(
        .enabled(
            if: RecipeFixtures.python != nil && RecipeFixtures.hasShared("paax_signatories_links_table.csv"),
            Comment(rawValue: RecipeFixtures.needsShared)))
    func realPAXCountsMatch() throws {
        let url = RecipeFixtures.shared("paax_signatories_links_table.csv")
        let read = try RecipeFixtures.apply("paax", url)
        #expect(RecipeFixtures.counts(read) == (try RecipeFixtures.independent("paax", url)))
        // The MANIFEST's 190 duplicate rows, dropped and counted; 1,642 agreements, 152 processes.
        #expect(read.warnings.contains { $0.contains("(signature): duplicate edges dropped (dedupe): 190 times") })
        #expect(read.network.nodes.filter { $0.kind == .agreement }.count == 1642)
        #expect(read.network.nodes.filter { $0.kind == .conflict }.count == 152)
    }
}

@Suite struct RecipeReaderTests {
    @Test func mendShapedFixture() throws {
        let read = try RecipeFixtures.apply("mend", RecipeFixtures.folder.appendingPathComponent("mend-shaped.csv"))
        let n = read.network
        #expect(n.nodes.count == 16 && n.edges.count == 23)
        let conveners = n.edges.filter { $0.target == "mend-NRL202401-1" && $0.relation == .convenes }.map(\.source)
        #expect(conveners == ["CON_2", "NGO_0"])
        let mediators = n.edges.filter { $0.target == "mend-NRL202401-1" && $0.relation == .mediates }.map(\.source)
        #expect(mediators == ["mend-person-Ana Ortiz", "mend-person-Bo Lind"], "named mediators mediate, third parties convene")
        #expect(n.node("CON_2")?.label == "Westmere" && n.node("CON_2")?.track == .one && n.node("NGO_0")?.track == nil)
        // Three names, two ids: the ids are kept, the names not guessed.
        #expect(n.node("CON_5")?.label == "CON_5")
        #expect(n.node("mend-NRL202401-1")?.years == .year(2024) && n.node("mend-XXX000000-1")?.years == Period())
        #expect(n.edges.first { $0.source == "mend-person-Bo Lind" }?.attributes["role"] == .string("named mediator"))
        #expect(n.sources.map(\.id) == ["peacerep-mend-2706"] && n.edges.allSatisfy { $0.sources == ["peacerep-mend-2706"] })
    }

    @Test func ucdpShapedFixture() throws {
        let read = try RecipeFixtures.apply("ucdp", RecipeFixtures.folder.appendingPathComponent("ucdp-shaped.csv"))
        let n = read.network
        let party = n.edges.filter { $0.relation == .partyTo }
        // Row 2 (two dyads, three actors) is not paired; row 3's names hold commas, so no side is read;
        // row 4's single actor is party to both its dyads (the first already made by row 1).
        #expect(
            party.map { "\($0.source)>\($0.target):\($0.attributes["side"]?.text ?? "-")" } == [
                "ucdp-actor-101>ucdp-dyad-5001:A", "ucdp-actor-201>ucdp-dyad-5001:B",
                "ucdp-actor-102>ucdp-dyad-5003:-", "ucdp-actor-203>ucdp-dyad-5003:-", "ucdp-actor-101>ucdp-dyad-5003:A",
            ])
        #expect(n.node("ucdp-actor-101")?.kind == .official && n.node("ucdp-actor-201")?.kind == .participant)
        // pa_date keeps its precision: a year-month, an ISO date; nothing is cut, so nothing is reported.
        #expect(n.node("ucdp-pa-9002")?.years == .on(PartialDate(year: 1998, month: 7)!))
        #expect(n.node("ucdp-pa-9001")?.years == .on(PartialDate(year: 1996, month: 3, day: 4)!))
        #expect(!read.warnings.contains { $0.contains("pa_date") }, "\(read.warnings)")
    }

    @Test func tablesMergeByIDAndDatesAreReadOrReported() throws {
        let dir = RecipeFixtures.folder.appendingPathComponent("multi")
        let read = try RecipeReader.read(
            main: dir.appendingPathComponent("events.csv"), recipe: Recipe.read(contentsOf: dir.appendingPathComponent("recipe.toml")))
        let n = read.network
        #expect(read.files.map(\.lastPathComponent) == ["events.csv", "actors.csv"])
        #expect(n.node("NGO_0")?.kind == .convener && n.node("NGO_0")?.label == "Friends of Quiet Dialogue")
        #expect(n.node("CON_2")?.kind == .official && n.node("ARM_1")?.kind == .participant)
        #expect(n.node("event-E1")?.years == Period(start: 1993, end: 1997))
        #expect(n.node("event-E2")?.years == Period(start: PartialDate(year: 1993, month: 1)!, end: nil))
        #expect(n.node("event-E3")?.years == Period(start: PartialDate(year: 2001, month: 5, day: 6)!, end: 2003))
        #expect(n.node("event-E4")?.years == Period())
        #expect(n.edges.count == 8)
        func warning(_ prefix: String) -> String? { read.warnings.first { $0.hasPrefix(prefix) } }
        #expect(!read.warnings.contains { $0.contains("read as their year") }, "year-months and dates are kept, not cut")
        #expect(warning("recipe.toml node[2] (event).years: when: not a year")?.contains("\"199x\"") == true)
        #expect(
            warning("recipe.toml node[1] (actor).kind: values not in map.actor_kind defaulted to \"participant\"")?.contains(
                "actors.csv:5, column \"type\"") == true)
        #expect(warning("recipe.toml edge[1] (host): ends no node rule made; edge left out")?.contains("\"NGO_9\"") == true)
    }

    @Test func outputIsDeterministic() throws {
        let url = RecipeFixtures.folder.appendingPathComponent("mend-shaped.csv")
        let a = try RecipeFixtures.apply("mend", url), b = try RecipeFixtures.apply("mend", url)
        #expect(a.network.jsonText() == b.network.jsonText() && a.warnings == b.warnings)
    }
}

@Suite struct RecipeDateTests {
    @Test(arguments: [
        ("1993", RecipeDates.Reading.exact(.year(1993))),
        ("1993-1997", .exact(Period(start: 1993, end: 1997))),
        ("1993 – 1997", .exact(Period(start: 1993, end: 1997))),
        ("1993-present", .exact(Period(start: 1993, end: nil))),
        ("2019.0", .exact(.year(2019))),
        ("1993-01", .exact(.on(PartialDate(year: 1993, month: 1)!))),
        ("1993/01", .exact(.on(PartialDate(year: 1993, month: 1)!))),
        ("1993-01-20", .exact(.on(PartialDate(year: 1993, month: 1, day: 20)!))),
        ("1993-01-20T10:00:00Z", .timeDropped(.on(PartialDate(year: 1993, month: 1, day: 20)!))),
        (
            "1993-01-20/1993-09-13",
            .exact(Period(start: PartialDate(year: 1993, month: 1, day: 20)!, end: PartialDate(year: 1993, month: 9, day: 13)!))
        ),
        ("1993-01 – 1993-05", .exact(Period(start: PartialDate(year: 1993, month: 1)!, end: PartialDate(year: 1993, month: 5)!))),
        (
            "1993-01-20 – 1993-09-13",
            .exact(Period(start: PartialDate(year: 1993, month: 1, day: 20)!, end: PartialDate(year: 1993, month: 9, day: 13)!))
        ),
        ("1993-01-20 10:30", .timeDropped(.on(PartialDate(year: 1993, month: 1, day: 20)!))),
        ("1993-01-20/present", .exact(Period(start: PartialDate(year: 1993, month: 1, day: 20)!))),
        ("present", .present),
        ("  ", .empty),
        ("1997-1993", .invalid("1993 is before 1997")),
        ("1993-13", .invalid("month 13 is not 1–12")),
        ("2021-02-29", .invalid("February 2021 has 28 days, not 29")),
        ("1993-05/1993-02", .invalid("1993-02 is before 1993-05")),
        ("199x", .unreadable),
        ("20 Jan 1993", .unreadable),
    ])
    func reads(text: String, expected: RecipeDates.Reading) {
        #expect(RecipeDates.read(text) == expected)
    }

    @Test func yearMonthAndDayColumnsMakeOneDate() {
        #expect(RecipeDates.read(year: "2024", month: "11", day: "28") == .exact(.on(PartialDate(year: 2024, month: 11, day: 28)!)))
        #expect(RecipeDates.read(year: "2024", month: "7", day: "") == .exact(.on(PartialDate(year: 2024, month: 7)!)))
        #expect(RecipeDates.read(year: "2024", month: "", day: "") == .exact(.year(2024)))
        #expect(RecipeDates.read(year: "2024.0", month: "2.0", day: "29.0") == .exact(.on(PartialDate(year: 2024, month: 2, day: 29)!)))
        #expect(RecipeDates.read(year: "2023", month: "2", day: "29") == .invalid("2023-2 has 28 days, not 29"))
        #expect(RecipeDates.read(year: "2023", month: "13", day: nil) == .invalid("month 13 is not 1–12"))
        #expect(RecipeDates.read(year: "2023", month: "", day: "5") == .invalid("a day (5) with no month"))
        #expect(RecipeDates.read(year: "", month: "1", day: "1") == .empty)
    }
}

@Suite struct RecipeErrorTests {
    func error(_ text: String) -> FormatError? {
        do { _ = try Recipe.parse(text, file: "r.toml"); return nil } catch { return error }
    }

    @Test func unknownKeyNamesItsLineAndSuggests() {
        let text = """
            [[node]]
            id = "{a}"
            kind = "convener"

            [[edge]]
            source = "{a}"
            target = "{b}"
            relation = "convenes"

            [[edge]]
            source = "{a}"
            target = "{b}"
            relaton = "convenes"
            """
        #expect(
            error(text)?.description.hasPrefix("r.toml:13:1: edge[2].relaton: unknown key \"relaton\" (did you mean 'relation'?)") == true)
    }

    @Test func tomlSyntaxErrorHasTOMLKitsPosition() {
        let e = error("name = \"x\"\n[[node]\nid = 1\n")
        guard case let .malformed(file, line, _, message)? = e else { Issue.record("no error"); return }
        #expect(file == "r.toml" && line == 2 && message.hasPrefix("not TOML"))
    }

    @Test func vocabularyMapsAndTemplatesAreChecked() {
        #expect(
            error("[[node]]\nid = \"{a}\"\nkind = \"convenor\"\n")?.description.hasPrefix(
                "r.toml:3:1: node[1].kind: unknown kind \"convenor\" (did you mean 'convener'?)") == true)
        #expect(
            error("[[node]]\nid = \"{a}\"\nkind = { column = \"t\", map = \"kinds\" }\n")?.description.contains(
                "node[1].kind.map: no [map.kinds]") == true)
        #expect(
            error("[map.k]\n\"NGO\" = \"ngo\"\n[[node]]\nid = \"{a}\"\nkind = { column = \"t\", map = \"k\" }\n")?.description.contains(
                "unknown kind \"ngo\"") == true)
        #expect(error("[[node]]\nid = \"{a\"\nkind = \"convener\"\n")?.description.hasPrefix("r.toml:2:1: node[1].id: ") == true)
        #expect(error("[[edge]]\nsource = \"{a}\"\ntarget = \"{b}\"\n")?.description.contains("relation is required") == true)
        #expect(
            error("[[node]]\nid = \"{a}\"\nkind = \"convener\"\ntable = \"actors\"\n")?.description.contains("no table \"actors\"") == true)
    }

    @Test func aMissingColumnNamesTheTableAndTheRecipeKey() throws {
        let dir = try Fixtures.temporaryDirectory()
        let table = dir.appendingPathComponent("t.csv")
        try "id,name\nA,Alpha\n".write(to: table, atomically: true, encoding: .utf8)
        let recipe = try Recipe.parse("[[node]]\nid = \"{id}\"\nlabel = \"{nmae}\"\nkind = \"convener\"\n", file: "r.toml")
        #expect(
            throws: FormatError.malformed(
                file: table.path, line: 1, column: 0,
                message:
                    "no column \"nmae\" in the header, named by r.toml:1 node[1].label (did you mean 'name'?); the header has: id, name")
        ) {
            try RecipeReader.read(main: table, recipe: recipe)
        }
    }

    @Test func anInvalidNetworkNamesEveryProblemAtItsRow() throws {
        let dir = try Fixtures.temporaryDirectory()
        let table = dir.appendingPathComponent("t.csv")
        try "id,year\nA,0999\nB,2500\n".write(to: table, atomically: true, encoding: .utf8)
        let recipe = try Recipe.parse("[[node]]\nid = \"{id}\"\nkind = \"convener\"\nyears = \"year\"\n", file: "r.toml")
        do {
            _ = try RecipeReader.read(main: table, recipe: recipe)
            Issue.record("no error")
        } catch {
            #expect(error.description.contains("(2 problems)"))  // one per year outside the range
            #expect(error.description.contains("t.csv:2 (r.toml node[1])") && error.description.contains("t.csv:3 (r.toml node[1])"))
        }
    }
}
