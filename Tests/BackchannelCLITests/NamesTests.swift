import BackchannelAnalysis
import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// Names, ids and lookup: every option that takes a node accepts an id, a label without its case
/// or accents, or a unique prefix; `find` lists matches.
@Suite("Names, ids and lookup")
struct NamesTests {
    static let network = Network(
        name: "names",
        nodes: [
            Node(id: "pkk", label: "Kurdistan Workers' Party (PKK)", kind: .participant),
            Node(id: "terje-rod-larsen", label: "Terje Rød-Larsen", kind: .convener),
            Node(id: "carter-center", label: "The Carter Center", kind: .convener),
            Node(id: "jimmy-carter", label: "Jimmy Carter", kind: .convener),
            Node(id: "carter-talks", label: "Carter–Kim talks", kind: .dialogue),
            Node(id: "Café", label: "Café (NFC id)", kind: .participant),
            Node(id: "Cafe\u{301}", label: "Café (NFD id)", kind: .participant),
            Node(id: "war", label: "The Troubles", kind: .conflict),
            Node(id: "troubles-talks", label: "Talks on the Troubles", kind: .dialogue),
            Node(id: "twin-a", label: "Twin", kind: .participant),
            Node(id: "twin-b", label: "twin", kind: .participant),
        ])
    let lookup = NodeLookup(NamesTests.network)

    @Test func exactIDsWinAndCompareScalars() throws {
        #expect(try lookup.resolve("pkk") == "pkk")
        // NFC and NFD ids are two nodes: each exact id finds its own.
        #expect(try lookup.resolve("Café") == "Café")
        #expect(try lookup.resolve("Cafe\u{301}") == "Cafe\u{301}")
    }

    @Test func caseAndAccentsAreIgnoredForIDsAndLabels() throws {
        #expect(try lookup.resolve("PKK") == "pkk")
        #expect(try lookup.resolve("kurdistan workers’ party (pkk)") == "pkk", "a curly apostrophe is a straight one")
        #expect(try lookup.resolve("TERJE ROD-LARSEN") == "terje-rod-larsen", "ø folds to o")
        #expect(try lookup.resolve("carter-kim talks") == "carter-talks", "an en dash is a hyphen")
        #expect(try lookup.resolve("  the   carter center ") == "carter-center", "white space collapses")
    }

    @Test func uniquePrefixesAndWordPrefixes() throws {
        #expect(try lookup.resolve("kurdistan") == "pkk")
        #expect(try lookup.resolve("Rod-Larsen") == "terje-rod-larsen", "a word of the label")
        #expect(try lookup.resolve("jimmy") == "jimmy-carter")
        // "Carter Center" is not a prefix of the label, but begins one of its words.
        #expect(try lookup.resolve("Carter Center") == "carter-center")
    }

    @Test func ambiguousNamesListEveryCandidateWithIDAndLabel() {
        #expect(
            throws: NodeLookupError(
                name: "carter",
                reason: .ambiguous([
                    .init(id: "carter-center", label: "The Carter Center"), .init(id: "carter-talks", label: "Carter–Kim talks"),
                ]), parameter: "source")
        ) { try lookup.resolve("carter", parameter: "source") }
        // Two labels equal after folding are ambiguous at the strictest stage that matches.
        do {
            _ = try lookup.resolve("TWIN")
            Issue.record("expected ambiguity")
        } catch {
            #expect(error.reason == .ambiguous([.init(id: "twin-a", label: "Twin"), .init(id: "twin-b", label: "twin")]))
            #expect(error.description == "\"TWIN\" matches 2 nodes: \"twin-a\" (Twin), \"twin-b\" (twin); give an id or more of the name")
        }
        // "cafe" folds both NFC and NFD ids to the same text: ambiguous, never merged.
        #expect(throws: NodeLookupError.self) { try lookup.resolve("cafe") }
    }

    @Test func unknownNamesSuggestTheClosestIDsAndLabels() {
        do {
            _ = try lookup.resolve("pkkk", parameter: "target")
            Issue.record("expected an unknown name")
        } catch {
            guard case let .unknown(closest) = error.reason else { Issue.record("\(error)"); return }
            #expect(closest.first == .init(id: "pkk", label: "Kurdistan Workers' Party (PKK)"))
            #expect(error.parameter == "target")
            #expect(error.description.hasPrefix("no node has the id or name \"pkkk\"; closest: \"pkk\" (Kurdistan Workers' Party (PKK))"))
        }
        #expect(throws: NodeLookupError(name: "zzzzzzzz", reason: .unknown(closest: []))) { try lookup.resolve("zzzzzzzz") }
    }

    @Test func conflictsAreLookedUpAmongConflicts() throws {
        // "troubles" begins a word of the conflict and of a dialogue; among conflicts it is one.
        #expect(try NodeLookup.conflict("troubles", in: Self.network) == "war")
        // An exact id of another kind is passed on for the job to refuse as not a conflict.
        #expect(try NodeLookup.conflict("pkk", in: Self.network) == "pkk")
        #expect(throws: JobError.notAConflict("pkk")) { try InclusionJob(conflict: "pkk").run(Self.network) }
    }

    @Test func withoutNamesResolveInTheFilter() throws {
        var filter = NetworkFilter()
        filter.without = [ExactID("PKK"), ExactID("Rod-Larsen")]
        #expect(try filter.resolvingNames(with: lookup).without == [ExactID("pkk"), ExactID("terje-rod-larsen")])
        filter.without = [ExactID("carter")]
        #expect(throws: NodeLookupError.self) { try filter.resolvingNames(with: lookup) }
    }

    @Test func findListsEveryMatchStrictestFirst() {
        let found = lookup.matches("carter", every: true)
        #expect(found.map { lookup.candidate($0.index).id } == ["carter-center", "carter-talks", "jimmy-carter"])
        #expect(found.map(\.stage) == [.prefix, .prefix, .wordPrefix])
        #expect(lookup.matches("roubles", every: true).map(\.stage) == [.contains, .contains])
    }

    // MARK: The command line

    @Test func pathsTakeNamesAndFoldedIDs() throws {
        let byName = try Fixtures.run([
            "paths", "--from", "Humanitarian Law Project", "--to", "PKK", "--include-intended", "--format", "json",
        ])
        #expect(byName.status == 0, "\(byName.stderr)")
        let byID = try Fixtures.run([
            "paths", "--from", "humanitarian-law-project", "--to", "pkk", "--include-intended", "--format", "json",
        ])
        #expect(byName.stdout == byID.stdout)
        #expect(byName.stdout.contains("\"humanitarian-law-project\""))
    }

    @Test func unknownAndAmbiguousNamesExit65WithCandidates() throws {
        let unknown = try Fixtures.run(["paths", "--from", "humanitarian-law-project", "--to", "pkkk"])
        #expect(unknown.status == 65)
        #expect(
            unknown.stderr.contains("--to: no node has the id or name \"pkkk\"; closest: \"pkk\" (Kurdistan Workers' Party (PKK))"),
            "\(unknown.stderr)")
        let ambiguous = try Fixtures.run(["reach", "--from", "Carter"])
        #expect(ambiguous.status == 65)
        #expect(
            ambiguous.stderr.contains("--from: \"Carter\" matches 3 nodes: \"carter-center\" (The Carter Center)"), "\(ambiguous.stderr)")
        let without = try Fixtures.run(["centrality", "--measure", "degree", "--without", "Carter"])
        #expect(without.status == 65)
        #expect(without.stderr.contains("--without: \"Carter\" matches"), "\(without.stderr)")
    }

    @Test func withoutAndConflictTakeNames() throws {
        let byName = try Fixtures.run([
            "channels", "--include-official", "--conflict", "Israeli–Palestinian", "--without", "oslo accords", "--compare", "--format",
            "json",
        ])
        let byID = try Fixtures.run([
            "channels", "--include-official", "--conflict", "israeli-palestinian-conflict", "--without", "oslo-accords", "--compare",
            "--format", "json",
        ])
        #expect(byName.status == 0, "\(byName.stderr)")
        #expect(byName.stdout == byID.stdout)
        let inclusion = try Fixtures.run(["inclusion", "--conflict", "troubles", "--format", "csv"])
        #expect(inclusion.status == 0, "\(inclusion.stderr)")
        #expect(inclusion.stdout.contains("the-troubles,provisional-ira"))
    }

    @Test func findListsIDLabelKindTrackAndYears() throws {
        let csv = try Fixtures.run(["find", "humanitarian", "--format", "csv"])
        #expect(csv.status == 0)
        #expect(
            csv.stdout == """
                id,label,kind,track,start,end,match
                humanitarian-law-project,Humanitarian Law Project,convener,II,,,prefix
                holder-v-hlp,Holder v. Humanitarian Law Project,legal,,2010,,word prefix

                """)
        let table = try Fixtures.run(["find", "Rod-Larsen"])
        #expect(table.stdout.contains("terje-rod-larsen  Terje Rød-Larsen  convener"), "\(table.stdout)")
        let none = try Fixtures.run(["find", "pkkk", "--format", "json"])
        #expect(none.status == 0)
        #expect(none.stdout.contains("\"nodes\": []") && none.stdout.contains("\"id\": \"pkk\""), "\(none.stdout)")
        #expect(try Fixtures.run(["find", " "]).status == 64)
    }

    @Test func tablesShowIDsWithTheFlagAndCSVAndJSONCarryBoth() throws {
        let plain = try Fixtures.run(["influence", "--top", "1"])
        let withIDs = try Fixtures.run(["influence", "--top", "1", "--ids"])
        #expect(plain.status == 0 && withIDs.status == 0)
        #expect(!plain.stdout.contains("[carter-center]"))
        #expect(withIDs.stdout.contains("The Carter Center [carter-center]"), "\(withIDs.stdout)")
        // --ids changes tables only: JSON labels stay labels.
        let json = try Fixtures.run(["influence", "--top", "1", "--ids", "--format", "json"])
        #expect(json.stdout.contains("\"label\": \"The Carter Center\""), "\(json.stdout)")
        let csv = try Fixtures.run(["centrality", "--measure", "degree", "--top", "1", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("id,label,degree\ndartmouth-conference,Dartmouth Conference,"), "\(csv.stdout)")
        let scores = try Fixtures.run(["centrality", "--measure", "degree", "--top", "1", "--format", "json"])
        #expect(scores.stdout.contains("\"labels\": {\n    \"dartmouth-conference\": \"Dartmouth Conference\""), "\(scores.stdout)")
        let path = try Fixtures.run(["paths", "--from", "humanitarian-law-project", "--to", "pkk", "--include-intended", "--ids"])
        #expect(
            path.stdout.contains("Humanitarian Law Project [humanitarian-law-project] —provides→ Kurdistan Workers' Party (PKK) [pkk]"),
            "\(path.stdout)")
    }
}
