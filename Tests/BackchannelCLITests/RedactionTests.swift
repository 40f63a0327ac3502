import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// Do no harm: confidential nodes (and, with `--redact`, participants or persons) appear in no
/// output under their names, while every analysis gives the same numbers.
@Suite("Redaction in every output")
struct RedactionTests {
    /// The fixture as a JSON file in a fresh folder.
    static func fixture() throws -> (dir: URL, file: String) {
        let dir = try Fixtures.temporaryDirectory()
        let file = dir.appendingPathComponent("quiet-talks.json")
        try ConfidentialNetwork.network.jsonText().write(to: file, atomically: true, encoding: .utf8)
        return (dir, file.path)
    }

    /// Every secret found in `bytes`, ignoring case.
    static func leaks(_ bytes: Data, _ secrets: [String] = ConfidentialNetwork.secrets) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        return secrets.filter { text.contains($0.lowercased()) }
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let result = try Fixtures.run(arguments, environment: environment)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    /// Every command that writes node text, on stdout, with the confidential nodes redacted by default.
    static func stdoutCommands(_ file: String) -> [[String]] {
        var commands: [[String]] = []
        for format in ["json", "graphml", "gexf", "dot"] { commands.append(["export", file, "--format", format]) }
        for format in ["svg", "dot"] { commands.append(["render", file, "--format", format]) }
        commands.append(["render", file, "--format", "svg", "--focus", "talks"])
        for format in ["table", "json", "csv"] {
            commands += [
                ["centrality", file, "--measure", "betweenness", "--format", format, "--ids"],
                ["paths", file, "--from", "forum", "--to", "conflict", "--undirected", "--all-shortest", "--format", format, "--ids"],
                ["reach", file, "--from", "talks", "--radius", "2", "--format", format, "--ids"],
                ["channels", file, "--format", format, "--ids"],
                ["inclusion", file, "--format", format, "--ids"],
                ["communities", file, "--format", format, "--ids"],
                ["find", "a", file, "--format", format],
                ["timeline", file, "--measure", "degree", "--format", format, "--ids"],
            ]
        }
        commands += [
            ["influence", file, "--ids"], ["exposure", file, "--ids"], ["pathways", file, "--ids"], ["info", file],
            ["warnings", file, "--every", "year"], ["paths", file, "--from", "talks", "--to", "conflict", "--undirected", "--ids"],
            ["reach", file, "--from", "talks", "--format", "svg"],
        ]
        return commands
    }

    @Test func noRedactedTextInAnyOutput() throws {
        let (dir, file) = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(
            Self.leaks(try Data(contentsOf: URL(fileURLWithPath: file))).count == ConfidentialNetwork.secrets.count, "the input names them")

        for command in Self.stdoutCommands(file) {
            let out = try Self.run(command)
            #expect(!out.isEmpty, "\(command)")
            #expect(Self.leaks(Data(out.utf8)).isEmpty, "\(command) leaks \(Self.leaks(Data(out.utf8)))")
        }

        // Files: CSV sheets, convert to every format, the report, the overview directory, a PNG.
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        _ = try Self.run(["export", file, "--format", "csv", "-o", out.appendingPathComponent("x-edges.csv").path])
        for ext in ["json", "graphml", "gexf", "dot", "csv"] {
            _ = try Self.run(["convert", file, out.appendingPathComponent(ext == "csv" ? "c-edges.csv" : "c.\(ext)").path])
        }
        _ = try Self.run(["report", file, "-o", out.appendingPathComponent("report.html").path])
        _ = try Self.run(["render", file, "--format", "png", "-o", out.appendingPathComponent("r.png").path])
        _ = try Self.run(["overview", file, "-o", out.appendingPathComponent("overview").path])
        _ = try Self.run(["exposure", file, "--render", out.appendingPathComponent("exposure.svg").path])
        let written = try FileManager.default.subpathsOfDirectory(atPath: out.path).filter { !$0.hasSuffix("overview") }
        #expect(written.count >= 12, "\(written)")
        for name in written {
            let bytes = try Data(contentsOf: out.appendingPathComponent(name))
            #expect(Self.leaks(bytes).isEmpty, "\(name) leaks \(Self.leaks(bytes))")
        }
        // The pseudonyms are there instead.
        let json = try String(contentsOf: out.appendingPathComponent("c.json"), encoding: .utf8)
        #expect(json.contains("\"label\": \"Participant 1\"") && json.contains("\"label\": \"Participant 2\""))
        #expect(json.contains("Meetings between Participant 1 and Participant 2"))
        #expect(!json.contains("https://example.org/interviews"), "a URL naming them is removed")
        #expect(json.contains("https://example.org/report"), "other URLs stay")
    }

    /// Review finding 2: on the bundled history, names inside a parenthesised label and source ids
    /// naming participants appear in no format.
    @Test func bundledHistoryUnderRedactionNamesNoParticipant() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let secrets = [
            "Ahmed Qurei", "Liberation Tigers of Tamil Eelam", "latimes-fertig-2019", "psr-la-fertig-2010", "wapo-carter-meshal-2008",
        ]
        #expect(Self.leaks(try Data(contentsOf: Network.Bundled.track2History.url), secrets).count == secrets.count, "the data names them")
        for format in ["json", "graphml", "gexf", "dot"] {
            let out = try Self.run(["export", "--redact", "participants", "--format", format])
            #expect(Self.leaks(Data(out.utf8), secrets).isEmpty, "\(format) leaks \(Self.leaks(Data(out.utf8), secrets))")
        }
        _ = try Self.run(["export", "--redact", "participants", "--format", "csv", "-o", dir.appendingPathComponent("h-edges.csv").path])
        for sheet in ["h-nodes.csv", "h-edges.csv", "h-sources.csv"] {
            let bytes = try Data(contentsOf: dir.appendingPathComponent(sheet))
            #expect(Self.leaks(bytes, secrets).isEmpty, "\(sheet) leaks \(Self.leaks(bytes, secrets))")
        }
    }

    /// Review finding 1: an attribute named `confidential` (any case) is the mark in every reader.
    @Test func confidentialAttributeIsTheMarkInEveryReader() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func write(_ name: String, _ text: String) throws -> String {
            let url = dir.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        let files = [
            try write(
                "nx.json",
                #"{"directed": true, "multigraph": false, "graph": {}, "nodes": [{"id": "zoe-muller", "label": "Zo\u00eb M\u00fcller", "confidential": true}, {"id": "x"}], "links": [{"source": "zoe-muller", "target": "x"}]}"#
            ),
            try write(
                "typed.json",
                #"{"name": "t", "nodes": [{"id": "zoe-muller", "label": "Zoë Müller", "kind": "participant", "attributes": {"confidential": true}}, {"id": "x", "label": "X", "kind": "convener"}], "edges": [{"source": "x", "relation": "convenes", "target": "zoe-muller"}]}"#
            ),
            try write(
                "g.graphml",
                #"<?xml version="1.0" encoding="UTF-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="k0" for="node" attr.name="label" attr.type="string"/><key id="k2" for="node" attr.name="Confidential" attr.type="boolean"/><graph edgedefault="directed"><node id="zoe-muller"><data key="k0">Zoë Müller</data><data key="k2">true</data></node><node id="x"/><edge source="zoe-muller" target="x"/></graph></graphml>"#
            ),
            try write(
                "g.dot",
                #"digraph g { "zoe-muller" [label="Zoë Müller", kind=participant, confidential="true"]; "x" [label="X", kind=convener]; "zoe-muller" -> "x" [relation=knows]; }"#
            ),
        ]
        for file in files {
            let out = try Self.run(["export", file, "--format", "json"])
            #expect(!out.contains("Zoë Müller") && !out.contains("zoe-muller"), "\(file): \(out)")
            #expect(!out.lowercased().contains("\"confidential\": false"), "\(file)")
        }
        // An unreadable value: a located error, exit 65.
        let bad = try write("bad.dot", #"digraph g { "zoe-muller" [label="Zoë Müller", Confidential="maybe"]; }"#)
        let refused = try Fixtures.run(["export", bad, "--format", "json", "--reveal"])
        #expect(refused.status == 65 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains(bad) && refused.stderr.contains("\"Confidential\"") && refused.stderr.contains("\"maybe\""))

        // An edge list's node list: a `confidential` column.
        let edges = try write("el.csv", "source,target\nralph-fertig,forum\n")
        let nodes = try write("nl.csv", "id,Confidential\nralph-fertig,true\nforum,false\n")
        let table = try Self.run(["centrality", "--edges", edges, "--nodes", nodes, "--measure", "degree", "--format", "csv"])
        #expect(!table.contains("ralph-fertig") && table.contains("node-1"), "\(table)")
        let wrong = try write("nl2.csv", "id,confidential\nralph-fertig,maybe\n")
        let refusedList = try Fixtures.run(["centrality", "--edges", edges, "--nodes", wrong, "--measure", "degree"])
        #expect(refusedList.status == 65 && refusedList.stderr.contains("nl2.csv:2:"), "\(refusedList.stderr)")
        // A node list that marks nobody confidential: --redact confidential says it covers no node.
        let unmarked = try write("nl3.csv", "id,confidential\nralph-fertig,false\n")
        let none = try Fixtures.run([
            "centrality", "--edges", edges, "--nodes", unmarked, "--measure", "degree", "--redact", "confidential",
        ])
        #expect(none.status == 0 && none.stderr.contains("--redact confidential covers no node"), "\(none.stderr)")
        #expect(
            !(try Fixtures.run(["centrality", "--edges", edges, "--nodes", nodes, "--measure", "degree", "--redact", "confidential"]))
                .stderr.contains("covers no node"))
        // An edge list has no kinds or person attribute: redacting by either would cover nobody,
        // so it is refused (exit 64) before anything is written, not run unredacted.
        for group in ["participants", "persons", "participants,confidential"] {
            let byKind = try Fixtures.run(["centrality", "--edges", edges, "--nodes", nodes, "--measure", "degree", "--redact", group])
            #expect(byKind.status == 64 && byKind.stdout.isEmpty, "\(group): \(byKind.stderr)")
            #expect(byKind.stderr.contains("needs a typed network") && byKind.stderr.contains("confidential in the --nodes file"))
            #expect(!byKind.stderr.contains("ralph-fertig"))
        }
    }

    /// Review finding 4: names are looked up among the originals and the pseudonyms; stderr
    /// shows covered nodes only by pseudonym; `--conflict` resolves the same way.
    @Test func lookupTakesBothNamesAndShowsOnlyPseudonyms() throws {
        let (dir, file) = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = ["--redact-key", "k1"]
        let unknown = try Fixtures.run(["paths", file, "--from", "Ralph Fertog", "--to", "conflict"] + key)
        #expect(unknown.status == 65 && unknown.stderr.contains("closest: \"participant-"), "\(unknown.stderr)")
        #expect(Self.leaks(Data(unknown.stderr.utf8)).isEmpty, "\(unknown.stderr)")
        let ambiguous = try Fixtures.run(["paths", file, "--from", "participant", "--to", "conflict"] + key)
        #expect(ambiguous.status == 65 && ambiguous.stderr.contains("matches"), "\(ambiguous.stderr)")
        #expect(Self.leaks(Data(ambiguous.stderr.utf8)).isEmpty, "\(ambiguous.stderr)")
        let pseudonym = Redaction(groups: [.confidential], key: Array("k1".utf8)).apply(to: ConfidentialNetwork.network)
            .id(for: "ralph-fertig")
        let byOriginal = try Self.run(["paths", file, "--from", "ralph-fertig", "--to", "conflict", "--ids"] + key)
        let byPseudonym = try Self.run(["paths", file, "--from", pseudonym, "--to", "conflict", "--ids"] + key)
        #expect(byOriginal == byPseudonym && byOriginal.contains(pseudonym))
        let without = try Self.run(["channels", file, "--without", pseudonym, "--ids"] + key)
        #expect(without == (try Self.run(["channels", file, "--without", "Ralph Fertig", "--ids"] + key)))
        for command in ["inclusion", "channels"] {
            let a = try Self.run([command, file, "--conflict", "Northern", "--ids"] + key)
            #expect(a == (try Self.run([command, file, "--conflict", "conflict", "--ids"] + key)), "\(command)")
        }
    }

    /// Minor review findings: `--title` is scrubbed, and `info` hides the file's path.
    @Test func titleAndInfoNameNoOne() throws {
        let (dir, file) = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = try Self.run(["render", file, "--format", "dot", "--title", "Talks with Ralph Fertig"])
        #expect(Self.leaks(Data(svg.utf8)).isEmpty && svg.contains("Talks with Participant 1"))
        let report = dir.appendingPathComponent("r.html")
        _ = try Self.run(["report", file, "--title", "Talks with Ralph Fertig", "-o", report.path])
        #expect(Self.leaks(try Data(contentsOf: report)).isEmpty)
        let info = try Self.run(["info", file])
        #expect(!info.contains(file) && !info.contains("quiet-talks.json"), "\(info)")
        #expect(try Self.run(["info", file, "--reveal"]).contains(file))
    }

    @Test func revealShowsThem() throws {
        let (dir, file) = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try Self.run(["export", file, "--format", "json", "--reveal"])
        #expect(Self.leaks(Data(out.utf8)).count == ConfidentialNetwork.secrets.count)
        #expect(out == ConfidentialNetwork.network.jsonText())
        let result = try Fixtures.run(["export", file, "--reveal", "--redact", "confidential"])
        #expect(result.status == 64)
        // `render --as-is` draws the file's own text: refused while anything is to be redacted.
        let dot = dir.appendingPathComponent("open.dot")
        _ = try Self.run(["export", file, "--format", "dot", "--reveal", "-o", dot.path])
        let refused = try Fixtures.run(["render", dot.path, "--as-is", "--format", "svg"])
        #expect(refused.status == 64 && refused.stdout.isEmpty, "\(refused.stderr)")
        #expect(Self.leaks(Data(try Self.run(["render", dot.path, "--as-is", "--format", "svg", "--reveal"]).utf8)).count > 0)
    }

    @Test func theSameKeyGivesTheSamePseudonymsAcrossRunsAndFormats() throws {
        let (dir, file) = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = ["--redact-key", "funders-2026"]
        let first = try Self.run(["export", file, "--format", "json"] + key)
        let second = try Self.run(["export", file, "--format", "json"] + key)
        #expect(first == second)
        let network = try Network.read(json: Array(first.utf8), file: "r.json").network
        let pseudonyms = network.nodes.filter(\.confidential).map(\.id)
        #expect(pseudonyms.count == 2)
        #expect(pseudonyms.allSatisfy { $0.hasPrefix("participant-") && $0.count == "participant-".count + 8 })

        // Another format, another command, the key from the environment: the same ids and labels.
        let graphml = try Self.run(["export", file, "--format", "graphml"], environment: ["BACKCHANNEL_REDACT_KEY": "funders-2026"])
        let table = try Self.run(["centrality", file, "--measure", "degree", "--format", "csv"] + key)
        for id in pseudonyms {
            #expect(graphml.contains(id))
            #expect(table.contains(id))
            let label = "Participant " + id.dropFirst("participant-".count)
            #expect(graphml.contains(label) && table.contains(label))
        }
        // The environment's key and the option's give the same bytes; another key other pseudonyms.
        #expect(try Self.run(["export", file, "--format", "json"], environment: ["BACKCHANNEL_REDACT_KEY": "funders-2026"]) == first)
        let other = try Self.run(["export", file, "--format", "json", "--redact-key", "partners-2026"])
        for id in pseudonyms { #expect(!other.contains(id)) }
        #expect(Self.leaks(Data(other.utf8)).isEmpty)

        // A redacted file redacted again with the same key keeps its pseudonyms.
        let redactedFile = dir.appendingPathComponent("redacted.json")
        try first.write(to: redactedFile, atomically: true, encoding: .utf8)
        #expect(try Self.run(["export", redactedFile.path, "--format", "json"] + key) == first)
    }

    @Test func analysisResultsAreUnchangedApartFromTheNames() throws {
        let (dir, file) = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        /// CSV rows without the id and label columns.
        func numbers(_ csv: String) -> [String] {
            csv.split(whereSeparator: \.isNewline).map {
                $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst(2).joined(separator: ",")
            }
        }
        for measure in ["degree", "betweenness", "closeness", "pagerank", "harmonic", "eigenvector", "constraint"] {
            let shown = try Self.run(["centrality", file, "--measure", measure, "--undirected", "--format", "csv", "--reveal"])
            let hidden = try Self.run(["centrality", file, "--measure", measure, "--undirected", "--format", "csv", "--redact-key", "k"])
            #expect(shown != hidden)
            #expect(numbers(shown) == numbers(hidden), "\(measure)")
        }
        // Brokerage by an attribute of a confidential node: it is kept for the grouping.
        let byAge = ["centrality", file, "--measure", "brokerage", "--partition", "age", "--undirected", "--format", "csv"]
        let brokerageShown = try Self.run(byAge + ["--reveal"])
        let brokerageHidden = try Self.run(byAge)
        #expect(numbers(brokerageShown) == numbers(brokerageHidden))
        #expect(brokerageShown.contains("amina-haddad") && !brokerageHidden.contains("amina-haddad"))
        // Channels between the two confidential parties: the same counts and cuts, by position.
        let shown = try Self.run(["channels", file, "--format", "json", "--include-official", "--reveal"])
        let hidden = try Self.run(["channels", file, "--format", "json", "--include-official"])
        let renamed = shown.replacingOccurrences(of: "ralph-fertig", with: "participant-1")
            .replacingOccurrences(of: "amina-haddad", with: "participant-2")
            .replacingOccurrences(of: "Ralph Fertig", with: "Participant 1").replacingOccurrences(of: "Amina Haddad", with: "Participant 2")
        #expect(renamed == hidden)
        // Names given on the command line are the original ones.
        let path = try Self.run(["paths", file, "--from", "Ralph Fertig", "--to", "amina-haddad", "--undirected", "--format", "json"])
        #expect(path.contains("\"participant-1\"") && path.contains("\"participant-2\""))
        #expect(Self.leaks(Data(path.utf8)).isEmpty)
        let without = try Self.run(["centrality", file, "--measure", "degree", "--without", "ralph-fertig", "--format", "csv"])
        #expect(!without.contains("participant-1,") && without.contains("participant-2,"))
    }

    @Test func participantsAndPersonsOnRequest() throws {
        let (dir, file) = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = try Self.run(["export", file, "--format", "json"])
        #expect(plain.contains("Civic Group") && plain.contains("Jonas Vik"))
        let participants = try Self.run(["export", file, "--format", "json", "--redact", "participants"])
        #expect(!participants.contains("Civic Group") && !participants.contains("civic-group"))
        #expect(participants.contains("Participant 3") && participants.contains("Jonas Vik"))
        let persons = try Self.run(["export", file, "--format", "json", "--redact", "persons,participants"])
        #expect(Self.leaks(Data(persons.utf8), ConfidentialNetwork.personSecrets + ["Civic Group"]).isEmpty)
        #expect(persons.contains("\"label\": \"Official 1\""))
        let repeated = try Self.run(["export", file, "--format", "json", "--redact", "persons", "--redact", "participants"])
        #expect(repeated == persons)
    }
}

/// The pseudonyms themselves, without the command line.
@Suite("Redaction's pseudonyms")
struct RedactionPseudonymTests {
    @Test func keyedPseudonymsAreStableAndUnique() {
        let network = ConfidentialNetwork.network
        let a = Redaction(groups: [.confidential], key: Array("k".utf8)).apply(to: network)
        let b = Redaction(groups: [.confidential], key: Array("k".utf8)).apply(to: network)
        let c = Redaction(groups: [.confidential], key: Array("other".utf8)).apply(to: network)
        #expect(a.network == b.network)
        #expect(a.pseudonyms.count == 2 && Set(a.pseudonyms.values).count == 2)
        #expect(Set(a.pseudonyms.values).isDisjoint(with: c.pseudonyms.values))
        // The structure: same order, kinds, relations, years, weights.
        #expect(a.network.nodes.map(\.kind) == network.nodes.map(\.kind))
        #expect(a.network.edges.map(\.relation) == network.edges.map(\.relation))
        #expect(a.network.edges.map { a.id(for: $0.source) } == a.network.edges.map(\.source))
        #expect(a.network.edges.map { a.id(for: $0.source) } == network.edges.map { a.id(for: $0.source) })
        // The kept attributes: side, for channels.
        #expect(a.network.nodes[2].attributes == ["side": .string("A")])
        #expect(a.network.nodes[2].description == nil)
    }

    @Test func namesInTextAreReplacedAtWordBoundaries() {
        var network = ConfidentialNetwork.network
        network.nodes[1].description = "RALPH FERTIG, Ralph Fertigson and ralph-fertig's notes; Râlph Fértig too."
        let r = Redaction(groups: [.confidential], key: nil).apply(to: network)
        #expect(r.network.nodes[1].description == "Participant 1, Ralph Fertigson and Participant 1's notes; Participant 1 too.")
        // In ids (sources, edge keys, the network's name) the pseudonym id.
        network.sources[0].id = "ralph-fertig-interview"
        network.nodes[2].sources = ["ralph-fertig-interview"]
        network.edges[0].sources = ["ralph-fertig-interview"]
        let s = Redaction(groups: [.confidential], key: nil).apply(to: network).network
        // Source ids are neutral when redacting; this one is cited only for a covered node and its edge.
        #expect(s.sources[0].id == "source-1" && s.sources[0].url == nil)
        #expect(s.sources[0].citation == "Source withheld: cited only for nodes under pseudonyms")
        #expect(s.nodes[2].sources == ["source-1"] && s.edges[0].sources == ["source-1"])
        #expect(s.title == "Quiet talks with Participant 1")
    }

    /// Review finding 2: a label's parts, any white space, attribute keys, short names, source ids.
    @Test func parenthesesSpacingKeysAndSources() {
        var network = ConfidentialNetwork.network
        network.nodes[2].label = "Ralph Fertig (Abu Ralph)"
        network.nodes[6].description = "Ralph  Fertig met Ralph\u{00A0}Fertig and\nRALPH\tFERTIG; Abu Ralph spoke."
        network.nodes[6].attributes = ["met_ralph_fertig": .bool(true), "Met Ralph Fertig (Abu Ralph)": .string("yes")]
        network.sources[2].citation = "Report on Abu Ralph"
        let r = Redaction(groups: [.confidential], key: nil).apply(to: network)
        #expect(r.network.nodes[6].description == "Participant 1 met Participant 1 and\nParticipant 1; Participant 1 spoke.")
        #expect(r.network.nodes[6].attributes.keys.sorted() == ["Met participant-1", "met_participant-1"])
        #expect(r.network.sources[2].citation == "Report on Participant 1")
        // Every source id is neutral; "memoir" is cited only for a covered node and its edges.
        #expect(r.network.sources.map(\.id) == ["source-1", "source-2", "source-3"])
        #expect(r.network.sources[1].citation == Redaction.withheldCitation && r.network.sources[2].url != nil)
        #expect(throws: Never.self) { try r.network.validate() }
        #expect(r.unsearched.isEmpty)
        // Names under three characters are not searched for; the note names the pseudonym.
        network.nodes[3].id = "ah"
        for i in network.edges.indices where network.edges[i].source == "amina-haddad" { network.edges[i].source = "ah" }
        let short = Redaction(groups: [.confidential], key: nil).apply(to: network)
        #expect(short.unsearched == ["Participant 2"])
        let keyed = Redaction(groups: [.confidential], key: Array("k".utf8)).apply(to: network).network
        #expect(keyed.sources.allSatisfy { $0.id.hasPrefix("source-") && $0.id.count == "source-".count + 8 })
    }

    /// Review finding 9: the scrub is linear in the text (a trie, walked once per start), not
    /// occurrences × names sharing a first word. The old version compared about
    /// 20,000 occurrences × 3,000 names × 10 characters = 6 × 10^8 characters here.
    @Test func scrubCostIsBoundedOnHostileInput() {
        let names = (0..<3000).map { (text: "John Smith\($0)", replacement: "Participant \($0)") }
        let scrubber = TextScrubber(names)
        let text = String(repeating: "John Smith said; ", count: 13_000) + "John Smith2999."
        let (scrubbed, steps) = scrubber.scrubCounting(text)
        #expect(text.count > 220_000)
        #expect(scrubbed.hasSuffix("Participant 2999."))
        #expect(steps <= 2 * text.count, "\(steps) trie steps for \(text.count) characters")
    }

    @Test func otherIdsHoldingANameAreRenamedConsistently() {
        var network = ConfidentialNetwork.network
        network.nodes[6].id = "ralph-fertig-talks"
        for i in network.edges.indices where network.edges[i].target == "talks" { network.edges[i].target = "ralph-fertig-talks" }
        // A node already holding the new id keeps it; the renamed one gets a suffix.
        network.nodes[5].id = "participant-1-talks"
        for i in network.edges.indices where network.edges[i].source == "civic-group" { network.edges[i].source = "participant-1-talks" }
        let r = Redaction(groups: [.confidential], key: nil).apply(to: network)
        #expect(r.id(for: "ralph-fertig-talks") == "participant-1-talks-2")
        #expect(r.network.nodes[6].id == "participant-1-talks-2" && r.network.nodes[5].id == "participant-1-talks")
        #expect(r.network.edges.filter { $0.target == "participant-1-talks-2" }.count == 5)
        #expect(Set(r.network.nodes.map(\.id)).count == network.nodes.count)
        #expect(throws: Never.self) { try r.network.validate() }
    }
}
