import BackchannelAnalysis
import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation
import BackchannelTestSupport
import Foundation
import Testing

/// The analysis commands end to end, on the bundled history and on plain edge lists.
@Suite("Analysis commands end to end", .serialized)
struct AnalysisCLITests {
    /// Zachary's karate club as an edge list, from the NetworkX reference file.
    static func karateCSV(in dir: URL) throws -> (URL, [String: Double]) {
        let data = try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("Tests/References/networkx-references.json"))
        let karate = try JSONParser.parse([UInt8](data))["graphs"]!["karate"]!
        guard case let .array(edges) = karate["edges"]!.value, case let .object(bc) = karate["measures"]!["betweenness_distance"]!.value
        else { throw CocoaError(.fileReadCorruptFile) }
        var csv = "source,target,weight\n"
        for edge in edges {
            guard case let .array(e) = edge.value, case let .string(a) = e[0].value, case let .string(b) = e[1].value else { continue }
            let w: String =
                switch e[2].value {
                case let .int(i): String(i)
                case let .double(d): String(d)
                default: "1"
                }
            csv += "\(a),\(b),\(w)\n"
        }
        let url = dir.appendingPathComponent("karate.csv")
        try csv.write(to: url, atomically: true, encoding: .utf8)
        var expected: [String: Double] = [:]
        for (k, v) in bc {
            if case let .double(d) = v.value { expected[k] = d } else if case let .int(i) = v.value { expected[k] = Double(i) }
        }
        return (url, expected)
    }

    /// Options an audit found silently ignored, now honoured: reach's diagram draws only the ties
    /// its filters keep; report counts intended engagements with --include-intended and says so;
    /// a --redact group that covers nobody is said on stderr; convert --strict refuses a sheet whose
    /// mapping needs a warning, writing nothing.
    @Test func optionsOnceIgnoredNowCount() throws {
        let reach = ["reach", "--from", "norman-cousins", "--radius", "3", "--format", "dot"]
        let all = try Fixtures.run(reach), kept = try Fixtures.run(reach + ["--relations", "participates_in,convenes"])
        #expect(all.status == 0 && kept.status == 0, "\(kept.stderr)")
        #expect(all.stdout.contains("bc_relation=\"part_of\""), "the unfiltered drawing has a part_of tie")
        #expect(!kept.stdout.contains("bc_relation=\"part_of\"") && kept.stdout.contains("bc_relation=\"convenes\""))

        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = dir.appendingPathComponent("plain.html").path, intended = dir.appendingPathComponent("intended.html").path
        #expect(try Fixtures.run(["report", "-o", plain]).status == 0)
        let withIntended = try Fixtures.run(["report", "--include-intended", "-o", intended])
        #expect(withIntended.status == 0, "\(withIntended.stderr)")
        let (a, b) = (try String(contentsOfFile: plain, encoding: .utf8), try String(contentsOfFile: intended, encoding: .utf8))
        #expect(!a.contains("intended engagements count as ties") && b.contains("intended engagements count as ties"))
        // The bundled history records intended engagements, so the tables change: channels first.
        var counting = NetworkFilter()
        counting.includeIntended = true
        let network = try Network.bundled()
        for table in [InteractiveReport.channelsTable.id, InteractiveReport.centralityTable.id, InteractiveReport.influenceTable.id] {
            let rows = try [NetworkFilter(), counting].map { filter in
                let report = try ReportJob(filter: filter).report(ReportJob.filtered(network, by: filter), svg: "")
                return "\(try #require(report.periods.last?.rows[table]))"
            }
            #expect(rows[0] != rows[1], "\(table) counted with intended engagements differs")
        }

        let bare = dir.appendingPathComponent("bare.json")
        try Data(#"{"directed": true, "nodes": [{"id": "a", "kind": "convener"}, {"id": "b", "kind": "participant"}], "edges": []}"#.utf8)
            .write(to: bare)
        let nobody = try Fixtures.run(["centrality", bare.path, "--measure", "degree", "--redact", "persons"])
        #expect(nobody.status == 0 && nobody.stderr.contains("--redact persons covers no node: no node has the attribute person: true"))
        #expect(
            !(try Fixtures.run(["centrality", bare.path, "--measure", "degree", "--redact", "participants"])).stderr.contains(
                "covers no node"))
        // The bundled history marks its 29 individuals `person: true`.
        let persons = try Fixtures.run(["centrality", "--measure", "degree", "--redact", "persons"])
        #expect(
            persons.status == 0 && !persons.stderr.contains("covers no node") && persons.stderr.contains("redacted 29 nodes"),
            "\(persons.stderr)")
        #expect(!persons.stdout.contains("Jimmy Carter") && !persons.stdout.contains("Norman Cousins"))

        let edges = dir.appendingPathComponent("sheet.csv"), mapping = dir.appendingPathComponent("sheet.map")
        try Data("from,to\na,b\n".utf8).write(to: edges)
        try Data("source = from\ntarget = to\n".utf8).write(to: mapping)
        let out = dir.appendingPathComponent("out.json")
        let strict = try Fixtures.run(["convert", edges.path, out.path, "--mapping", mapping.path, "--strict"])
        #expect(strict.status == 65 && strict.stderr.contains("read strictly, the file is refused"), "\(strict.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try Fixtures.run(["convert", edges.path, out.path, "--mapping", mapping.path]).status == 0)
    }

    @Test func centralityOnAnEdgeListMatchesNetworkX() throws {
        let dir = try Fixtures.temporaryDirectory()
        let (csv, expected) = try Self.karateCSV(in: dir)
        let result = try Fixtures.run([
            "centrality", "--edges", csv.path, "--undirected", "--weight", "distance", "--measure", "betweenness", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "no progress bar when stderr is not a terminal")
        let json = try JSONParser.parse(result.stdout)
        #expect(json["measure"]?.value == .string("betweenness"))
        #expect(json["parameters"]?["weight"]?.value == .string("distance"))
        #expect(json["parameters"]?["directed"]?.value == .bool(false))
        guard case let .object(scores) = json["scores"]!.value else { Issue.record("no scores"); return }
        #expect(scores.count == 34)
        for (id, value) in scores {
            guard case let .double(v) = value.value else { Issue.record("\(id) not a number"); continue }
            #expect(abs(v - expected[id]!) < 1e-9, "node \(id)")
        }
    }

    @Test func centralityFormatsAndErrors() throws {
        let table = try Fixtures.run(["centrality", "--measure", "degree", "--kind", "convener", "--top", "3"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("conveners only") && table.stdout.contains("   3. ") && !table.stdout.contains("   4. "))
        let csv = try Fixtures.run(["centrality", "--measure", "edge-betweenness", "--format", "csv", "--top", "2"])
        #expect(csv.stdout.hasPrefix("source,target,edge-betweenness\n"))
        let brokerage = try Fixtures.run(["centrality", "--measure", "brokerage", "--partition", "kind", "--format", "json"])
        let roles = try JSONParser.parse(Array(brokerage.stdout.utf8))["scores"]
        guard case let .object(byNode)? = roles?.value else { Issue.record("no brokerage scores"); return }
        #expect(!byNode.isEmpty && byNode.allSatisfy { $0.value["liaison"]?["raw"] != nil }, "every node has its liaison raw count")
        let badWeight = try Fixtures.run(["centrality", "--measure", "pagerank", "--weight", "distance"])
        #expect(badWeight.status == 64 && badWeight.stderr.contains("pagerank cannot use --weight distance; use none or strength"))
        let dir = try Fixtures.temporaryDirectory()
        let broken = dir.appendingPathComponent("broken.csv")
        try "source,target,weight\na,b,1\nb,c,heavy\n".write(to: broken, atomically: true, encoding: .utf8)
        let bad = try Fixtures.run(["centrality", "--edges", broken.path, "--measure", "degree"])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("broken.csv:3:5: weight \"heavy\" is not a positive number"))
        let header = dir.appendingPathComponent("header.csv")
        try "from,to\na,b\n".write(to: header, atomically: true, encoding: .utf8)
        #expect(
            try Fixtures.run(["centrality", "--edges", header.path, "--measure", "degree"]).stderr.contains(
                "the header must begin with source,target"))
    }

    @Test func influenceShowsEveryComponent() throws {
        let result = try Fixtures.run(["influence", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONParser.parse(result.stdout)
        guard case let .array(conveners) = json["conveners"]!.value else { Issue.record("no conveners"); return }
        let network = try Network.bundled()
        #expect(conveners.count == network.nodes.count { $0.kind == .convener })
        for c in conveners {
            for component in ["brokerage", "betweenness", "reach", "pagerank"] {
                #expect(c["components"]?[component]?["scaled"] != nil, "\(component) shown")
            }
        }
        let table = try Fixtures.run(["influence", "--top", "3"])
        #expect(table.stdout.contains("brokerage") && table.stdout.contains("   3. ") && !table.stdout.contains("   4. "))
    }

    @Test func pathsJSONAndFilters() throws {
        let result = try Fixtures.run(["paths", "--from", "norman-cousins", "--to", "cold-war", "--format", "json"])
        #expect(result.status == 0)
        func paths(_ text: String) throws -> [JSONValue] {
            guard case let .array(items)? = try JSONParser.parse(Array(text.utf8))["paths"]?.value else { return [] }
            return items.map(\.value)
        }
        let expected = try JSONParser.parse(
            Array(
                #"{"nodes": ["norman-cousins", "dartmouth-conference", "cold-war"], "relations": ["convenes", "addresses"], "directions": ["forward", "forward"], "length": 2.0}"#
                    .utf8)
        ).value
        #expect(try paths(result.stdout).contains(expected))
        let none = try Fixtures.run(["paths", "--from", "cold-war", "--to", "norman-cousins", "--format", "json"])
        #expect(none.stdout.contains("\"paths\": []"), "edges run one way")
        let back = try Fixtures.run(["paths", "--from", "cold-war", "--to", "norman-cousins", "--undirected", "--format", "json"])
        #expect(try paths(back.stdout).first.map { JSONNode($0)["length"]?.value } == .double(2.0))
        #expect(
            try paths(back.stdout).first.map { JSONNode($0)["directions"]?.value }
                == .array([JSONNode(.string("backward")), JSONNode(.string("backward"))]),
            "walked against both edges")
        let filtered = try Fixtures.run([
            "paths", "--from", "norman-cousins", "--to", "cold-war", "--relations", "convenes", "--format", "json",
        ])
        #expect(filtered.stdout.contains("\"paths\": []"), "no addresses edge allowed")
        let k = try Fixtures.run([
            "paths", "--from", "dwight-d-eisenhower", "--to", "oslo-accords", "--undirected", "--k", "3", "--format", "json",
        ])
        #expect(k.stdout.components(separatedBy: "\"nodes\"").count - 1 == 3)
        let unknown = try Fixtures.run(["paths", "--from", "nobody", "--to", "cold-war"])
        #expect(unknown.status == 65 && unknown.stderr.contains("--from: no node has the id or name \"nobody\""))
    }

    @Test func reachListsAndDraws() throws {
        let result = try Fixtures.run(["reach", "--from", "norman-cousins", "--radius", "1", "--format", "csv"])
        #expect(
            result.stdout
                == "id,label,distance\nnorman-cousins,Norman Cousins,0\ndwight-d-eisenhower,Dwight D. Eisenhower,1\ndartmouth-conference,Dartmouth Conference,1\n"
        )
        let svg = try Fixtures.run(["reach", "--from", "norman-cousins", "--radius", "2", "--format", "svg"])
        #expect(svg.status == 0 && svg.stdout.contains("Norman Cousins") && svg.stdout.contains("</svg>"))
    }

    @Test func exposureFindsTheMaterialSupportPathsAndHighlightsThem() throws {
        let dir = try Fixtures.temporaryDirectory()
        let json = dir.appendingPathComponent("exposure.json")
        let picture = dir.appendingPathComponent("exposure.svg")
        let result = try Fixtures.run(["exposure", "--format", "json", "-o", json.path, "--render", picture.path])
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = try JSONParser.parse([UInt8](Data(contentsOf: json)))
        guard case let .array(exposures) = parsed["exposures"]!.value else { Issue.record("no exposures"); return }
        #expect(exposures.count >= 1, "the bundled history shows at least one path")
        let first = exposures[0]
        #expect(first["actor"]?.value == .string("humanitarian-law-project"))
        #expect(first["designated"]?.value == .string("pkk"))
        #expect(first["legal"].map { "\($0)".contains("holder-v-hlp") } == true)
        let svg = try String(contentsOf: picture, encoding: .utf8)
        #expect(svg.contains("#bb4488"), "paths drawn in the highlight colour")
        let text = try Fixtures.run(["exposure"])
        #expect(text.stdout.contains("not legal advice"))
        #expect(text.stdout.contains("Humanitarian Law Project provides training to Kurdistan Workers' Party (PKK)"))
        // render --highlight-paths reads the same file.
        let rendered = try Fixtures.run(["render", "--highlight-paths", json.path, "--size-by", "pagerank", "--format", "dot"])
        #expect(rendered.stdout.contains("#bb4488") && rendered.stdout.contains("node size: pagerank"))
    }
}

/// The PA-X signatories, derived from ../shared by the committed script (not committed themselves:
/// see Datasets/README.md), analysed and drawn.
@Suite("PA-X signatories", .serialized)
struct PAXTests {
    @Test(.enabled(if: Fixtures.hasSharedPAX, Comment(rawValue: Fixtures.needsSharedPAX)))
    func derivedDatasetWorksWithInfluenceAndRender() throws {
        let dir = try Fixtures.temporaryDirectory()
        let out = dir.appendingPathComponent("paax.json")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Fixtures.datasetsDirectory.appendingPathComponent("derive_paax.py").path,
            Fixtures.sharedPAXSignatories.path, "--output", out.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "derive_paax.py: \(message)")

        let network = try Network(contentsOf: out)
        #expect(network.nodes.count { $0.kind == .agreement } == 1642, "every agreement")
        #expect(network.nodes.count { $0.kind == .conflict } == 152, "every peace process")
        #expect(network.sources.first?.citation.contains("PA-X") == true)
        #expect(network.jsonText() == (try String(contentsOf: out, encoding: .utf8)), "the script writes the canonical layout")

        let influence = try Fixtures.run(["influence", out.path, "--format", "json", "--top", "5"])
        #expect(influence.status == 0, "\(influence.stderr)")
        #expect(influence.stdout.contains("\"id\": \"actor-united-nations-general\""))
        let svg = dir.appendingPathComponent("paax.svg")
        let render = try Fixtures.run(["render", out.path, "--format", "svg", "-o", svg.path])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stderr.contains("most connected") && render.stderr.contains("--full"), "the user is told what is drawn")
        let full = try Fixtures.run(["render", out.path, "--format", "svg", "--full", "-o", svg.path])
        #expect(full.status == 0, "\(full.stderr)")
        #expect(full.stderr.contains("using the sfdp layout"), "the user is told why")
        #expect(try Data(contentsOf: svg).count > 100_000)
    }
}
