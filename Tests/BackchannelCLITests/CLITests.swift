import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation
import BackchannelTestSupport
import Foundation
import Testing

/// The `backchannel` executable, run as a user would.
@Suite("backchannel CLI end to end", .serialized)
struct CLITests {
    @Test func noArgumentsRunsTheMainJobIntoRenders() throws {
        let dir = try Fixtures.temporaryDirectory()
        let result = try Fixtures.run([], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("The history of Track II diplomacy"))
        #expect(result.stdout.contains("by kind:") && result.stdout.contains("by track:"))
        #expect(result.stdout.contains("top conveners by degree:"))
        let renders = dir.appendingPathComponent("Renders")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: renders.path))
        let expected = Set(Overview(try Network.bundled()).plan.flatMap { item in item.formats.map { "\(item.fileName).\($0.rawValue)" } })
        #expect(files == expected.union([Overview.reportFileName]))
        #expect(files.contains("track2-history.png") && files.contains("conflict-the-troubles.svg"))
        let png = try Data(contentsOf: renders.appendingPathComponent("track2-history.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // The report's own parts (its tables, data and script; the embedded SVG cut out) are the
        // committed ones on any machine.
        let report = try String(contentsOf: renders.appendingPathComponent(Overview.reportFileName), encoding: .utf8)
        let committedReport = try String(
            contentsOf: Fixtures.rendersDirectory.appendingPathComponent(Overview.reportFileName), encoding: .utf8)
        #expect(
            Self.withoutSVG(report) == Self.withoutSVG(committedReport),
            "Renders/report.html is stale; run `swift run backchannel` in the package root and commit Renders/")
        // Where this run drew the whole network as the committed file has it (the same Graphviz and
        // fonts), every file must be the committed bytes: the SVGs, the PNG and the report. The DOT
        // is compared on any machine (RendersAreCurrentTests), and the report above without its
        // drawing. (Graphs are read with SequentialIDs, so the layout no longer depends on the build.)
        let whole = "track2-history.svg"
        let drawsAlike =
            (try? Data(contentsOf: renders.appendingPathComponent(whole)))
            == (try? Data(contentsOf: Fixtures.rendersDirectory.appendingPathComponent(whole)))
        if drawsAlike {
            for file in files.sorted() {
                let made = try Data(contentsOf: renders.appendingPathComponent(file))
                let committed = try? Data(contentsOf: Fixtures.rendersDirectory.appendingPathComponent(file))
                #expect(
                    made == committed,
                    "Renders/\(file) is not what the main job writes now; run `swift run backchannel` in the package root and commit Renders/"
                )
            }
        }
    }

    /// A clustered drawing does not depend on where `malloc` puts things: libcgraph 2.43 ordered
    /// subgraphs by the address of their names, and the bundled history's whole-network DOT came out
    /// 2,819 or 2,912 points tall with `MALLOC_TOP_PAD_` unset or set to 10 MB (glibc then grows the
    /// heap in larger steps), until graphs were read with SequentialIDs.
    @Test func clusteredLayoutDoesNotDependOnTheAllocator() throws {
        let dot = Fixtures.rendersDirectory.appendingPathComponent("track2-history.dot").path
        var drawings: [String] = []
        for pad in ["", "10000000", "123456"] {
            let result = try Fixtures.run(
                ["render", dot, "--as-is", "--format", "svg"], environment: pad.isEmpty ? [:] : ["MALLOC_TOP_PAD_": pad])
            #expect(result.status == 0, "\(result.stderr)")
            drawings.append(result.stdout)
        }
        #expect(drawings[0].contains("cluster_"), "the drawing has clusters")
        #expect(drawings[1] == drawings[0] && drawings[2] == drawings[0], "the layout moved with the allocator's settings")
    }

    /// `html` with its first `<svg` … last `</svg>` cut out.
    static func withoutSVG(_ html: String) -> String {
        guard let start = html.range(of: "<svg"), let end = html.range(of: "</svg>", options: .backwards), start.lowerBound < end.upperBound
        else { return html }
        return String(html[..<start.lowerBound]) + String(html[end.upperBound...])
    }

    @Test func validateReportsFileLinePathAndValueWithExit65() throws {
        let dir = try Fixtures.temporaryDirectory()
        let bad = dir.appendingPathComponent("bad.json")
        try #"""
        {"directed": true, "multigraph": true, "graph": {"name": "bad"},
        "nodes": [
          {"id": "a", "kind": "convener"},
          {"id": "b", "kind": "mediator"}
        ],
        "edges": [{"source": "a", "target": "c", "relation": "convenes"}]}
        """#.write(to: bad, atomically: true, encoding: .utf8)
        // Read strictly, a word outside the vocabulary is an error at its place; read leniently
        // (the default, for other tools' files) it is kept as an attribute, with a warning.
        let result = try Fixtures.run(["validate", bad.path, "--strict"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(bad.path):4:"))
        #expect(result.stderr.contains("$.nodes[1].kind: unknown kind \"mediator\""))
        let lenient = try Fixtures.run(["validate", bad.path])
        #expect(
            lenient.status == 65 && !lenient.stderr.contains("unknown kind")
                && lenient.stderr.contains("edge target \"c\" is not a node id"))
        let fixed = try String(contentsOf: bad, encoding: .utf8).replacingOccurrences(of: "mediator", with: "dialogue")
        try fixed.write(to: bad, atomically: true, encoding: .utf8)
        let second = try Fixtures.run(["validate", bad.path])
        #expect(second.status == 65)
        #expect(second.stderr.contains("\(bad.path):6:"))
        #expect(second.stderr.contains("$.edges[0].target: edge target \"c\" is not a node id"))
        #expect(try Fixtures.run(["validate"]).status == 0)
    }

    @Test func exportJSONIsAValidInputAndRoundTrips() throws {
        let dir = try Fixtures.temporaryDirectory()
        let first = dir.appendingPathComponent("history.json")
        #expect(try Fixtures.run(["export", "--format", "json", "-o", first.path]).status == 0)
        let second = dir.appendingPathComponent("again.json")
        #expect(try Fixtures.run(["export", first.path, "--format", "json", "-o", second.path]).status == 0)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
        #expect(try Network(contentsOf: first) == Network.bundled())
        let dot1 = try Fixtures.run(["export"]).stdout
        let dot2 = try Fixtures.run(["export", first.path, "--format", "dot"]).stdout
        #expect(dot1 == dot2 && dot1.hasPrefix("digraph \"track2-history\" {"))
    }

    @Test func refusesToOverwriteItsInput() throws {
        let dir = try Fixtures.temporaryDirectory()
        let input = dir.appendingPathComponent("net.json")
        try Fixtures.small.jsonText().write(to: input, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: input)
        for args in [
            ["render", input.path, "--format", "svg", "-o", input.path], ["export", input.path, "--format", "json", "-o", input.path],
        ] {
            let result = try Fixtures.run(args)
            #expect(result.status == 73)
            #expect(result.stderr.contains("refusing to write"))
        }
        #expect(try Data(contentsOf: input) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["net.json"], "no temporary files")
    }

    @Test(arguments: ["svg", "png", "pdf", "dot"])
    func renderWritesEachFormat(format: String) throws {
        let dir = try Fixtures.temporaryDirectory()
        let out = dir.appendingPathComponent("out.\(format)")
        let result = try Fixtures.run(["render", "--format", format, "--cluster-by", "track", "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: out)
        let signature: [String: [UInt8]] = [
            "svg": Array("<?xml".utf8), "png": [0x89, 0x50, 0x4E, 0x47], "pdf": Array("%PDF".utf8), "dot": Array("digraph".utf8),
        ]
        #expect(bytes.starts(with: signature[format]!))
    }

    /// Without --format the output's extension says what to write; --format wins over it.
    @Test(arguments: [("svg", "<?xml"), ("png", "\u{89}PNG"), ("PDF", "%PDF"), ("dot", "digraph"), ("gv", "digraph")])
    func renderTakesTheFormatFromTheOutputsExtension(ext: String, signature: String) throws {
        let dir = try Fixtures.temporaryDirectory()
        let out = dir.appendingPathComponent("out.\(ext)")
        let result = try Fixtures.run(["render", "--communities", "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let expected: [UInt8] = signature == "\u{89}PNG" ? [0x89, 0x50, 0x4E, 0x47] : Array(signature.utf8)
        #expect(try Data(contentsOf: out).starts(with: expected))
    }

    @Test func anExplicitFormatWinsAndAnUnknownExtensionIsAUsageError() throws {
        let dir = try Fixtures.temporaryDirectory()
        let png = dir.appendingPathComponent("named.png")
        #expect(try Fixtures.run(["render", "--format", "dot", "-o", png.path]).status == 0)
        #expect(try Data(contentsOf: png).starts(with: Array("digraph".utf8)), "--format dot, whatever the name")
        let bare = dir.appendingPathComponent("picture")
        #expect(try Fixtures.run(["render", "-o", bare.path]).status == 0)
        #expect(try Data(contentsOf: bare).starts(with: Array("<?xml".utf8)), "no extension: SVG, as before")
        let jpeg = dir.appendingPathComponent("picture.jpg")
        let refused = try Fixtures.run(["render", "-o", jpeg.path])
        #expect(refused.status == 64, "\(refused.stderr)")
        #expect(refused.stderr.contains(".jpg") && refused.stderr.contains("--format"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: jpeg.path))
        #expect(try Fixtures.run(["render", "--format", "svg", "-o", jpeg.path]).status == 0, "--format makes any name fine")
        #expect(DiagramFormat(fileExtension: "GV") == .dot && DiagramFormat(fileExtension: "jpeg") == nil)
    }

    @Test(arguments: ["dot", "neato", "fdp", "sfdp", "circo", "twopi"])
    func renderUsesEveryEngine(engine: String) throws {
        let result = try Fixtures.run(["render", "--engine", engine, "--format", "svg"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("</svg>"))
    }

    @Test func usageErrorsExit64AndHelpIsUseful() throws {
        let bad = try Fixtures.run(["render", "--engine", "spring"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("spring"))
        for command in ["overview", "render", "export", "validate", "info"] {
            let help = try Fixtures.run([command, "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("USAGE: backchannel \(command)"))
            #expect(help.stdout.contains("<input>"), "\(command) documents its INPUT")
        }
        // Binary output goes to a pipe (it is refused only when stdout is a terminal).
        let png = try Fixtures.run(["render", "--format", "png"])
        #expect(png.status == 0)
        #expect(png.stdout.utf8.starts(with: [0xEF, 0xBF, 0xBD, 0x50, 0x4E, 0x47]), "PNG bytes (0x89 decodes as U+FFFD)")
    }

    @Test func missingAndMalformedInputsAreDataErrors() throws {
        let dir = try Fixtures.temporaryDirectory()
        let missing = try Fixtures.run(["info", dir.appendingPathComponent("nope.json").path])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("nope.json: cannot read"))
        let broken = dir.appendingPathComponent("broken.json")
        try "{\"nodes\": [".write(to: broken, atomically: true, encoding: .utf8)
        let result = try Fixtures.run(["render", broken.path, "-o", dir.appendingPathComponent("x.svg").path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("broken.json:1:12: not valid JSON"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.svg").path), "no output on failure")
    }

    @Test func infoSummarises() throws {
        let result = try Fixtures.run(["info", "--top", "3"])
        #expect(result.status == 0)
        #expect(result.stdout.contains(" 3. "))
        #expect(!result.stdout.contains(" 4. "))
        #expect(
            result.stdout.contains("designated: Hamas (Foreign Terrorist Organization list since 1997), Kurdistan Workers' Party (PKK)"))
        #expect(result.stdout.contains("Graphviz 2."))
    }
}

/// The committed pictures in Renders/ are what the code generates now.
@Suite("Committed renders are current")
struct RendersAreCurrentTests {
    @Test func committedDOTMatchesGeneratedDOT() throws {
        let plan = Overview(try Network.bundled()).plan
        let committed = try FileManager.default.contentsOfDirectory(atPath: Fixtures.rendersDirectory.path)
        for item in plan {
            for format in item.formats {
                #expect(
                    committed.contains("\(item.fileName).\(format.rawValue)"),
                    "Renders/ lacks \(item.fileName).\(format.rawValue); run `swift run backchannel` in the package root")
            }
            let url = Fixtures.rendersDirectory.appendingPathComponent(item.fileName + ".dot")
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(
                text == DOTWriter().write(item.diagram),
                "Renders/\(item.fileName).dot is stale; run `swift run backchannel` in the package root and commit Renders/")
        }
        let expected = Set(plan.flatMap { item in item.formats.map { "\(item.fileName).\($0.rawValue)" } })
        #expect(
            Set(committed.filter { !$0.hasPrefix(".") }) == expected.union([Overview.reportFileName]),
            "Renders/ holds exactly the main job's output")
    }
}

/// Inputs in other formats, and Graphviz crashes that must not take the tool down.
@Suite("Foreign inputs and Graphviz crashes", .serialized)
struct ForeignInputTests {
    static let edgeCases = Fixtures.dotCorpus.appendingPathComponent("edge-cases")

    @Test(arguments: ["rtest/graphs/b15.gv", "rtest/1783.dot", "rtest/1724.dot"])
    func layoutCrashesAreReportedNamingTheEngine(file: String) throws {
        let path = Self.edgeCases.appendingPathComponent(file).path
        let crashed = try Fixtures.run(["render", path, "--as-is", "--engine", "dot", "--format", "svg"])
        #expect(crashed.status == 70)
        #expect(crashed.stderr.contains("Graphviz's dot layout crashed"))
        #expect(crashed.stderr.contains("--engine sfdp"), "a suggestion")
        // The same graph through Backchannel's own DOT, or another engine, renders.
        let styled = try Fixtures.run(["render", path, "--format", "svg"])
        #expect(styled.status == 0 && styled.stdout.contains("</svg>"))
    }

    @Test(arguments: ["rtest/1411.dot", "rtest/imagepath_test/base.gv", "rtest/1676.dot"])
    func badDOTIsADataError(file: String) throws {
        let result = try Fixtures.run(["info", Self.edgeCases.appendingPathComponent(file).path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("not valid DOT: syntax"))
        #expect(result.stderr.contains(file))
    }

    @Test func plainNetworkXJSONReadsWithWarnings() throws {
        let dir = try Fixtures.temporaryDirectory()
        let url = dir.appendingPathComponent("plain.json")
        try
            #"{"directed": false, "multigraph": false, "graph": {"name": "plain"}, "nodes": [{"id": 0, "club": "Mr. Hi"}, {"id": 1, "name": "One"}], "links": [{"source": 0, "target": 1, "weight": 2}]}"#
            .write(to: url, atomically: true, encoding: .utf8)
        let result = try Fixtures.run(["export", url.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("plain node-link data"))
        #expect(result.stderr.contains("\"links\""))
        let network = try Network(json: Array(result.stdout.utf8))
        #expect(network.nodes.map(\.id) == ["0", "1"])
        #expect(network.nodes[0].attributes["club"] == .string("Mr. Hi"))
        #expect(network.nodes[1].label == "One")
        #expect(network.edges[0].weight == 2 && network.edges[0].relation == .partnersWith)
        // d3's older format: nodes without ids, edges by position.
        let d3 = dir.appendingPathComponent("miserables.json")
        try
            #"{"nodes": [{"name": "Myriel", "group": 1}, {"name": "Napoleon", "group": 1}], "links": [{"source": 1, "target": 0, "value": 1}]}"#
            .write(to: d3, atomically: true, encoding: .utf8)
        let d3Result = try Fixtures.run(["export", d3.path, "--format", "json"])
        #expect(d3Result.status == 0, "\(d3Result.stderr)")
        let d3Network = try Network(json: Array(d3Result.stdout.utf8))
        #expect(d3Network.nodes.map(\.label) == ["Myriel", "Napoleon"])
        #expect(d3Network.edges.first.map { "\($0.source)→\($0.target)" } == "1→0")
        #expect(d3Network.edges.first?.attributes["value"] == nil && d3Network.edges.first?.weight == 1, "d3's value is the weight")
        // A typed document with a field Backchannel does not define: kept as an attribute with a
        // warning, or, with --strict, an error with a suggestion.
        let typo = dir.appendingPathComponent("typo.json")
        try #"{"nodes": [{"id": "a", "kind": "convener", "lable": "A"}], "edges": []}"#.write(to: typo, atomically: true, encoding: .utf8)
        let strict = try Fixtures.run(["validate", typo.path, "--strict"])
        #expect(strict.status == 65 && strict.stderr.contains("did you mean 'label'"))
        let lenient = try Fixtures.run(["validate", typo.path])
        #expect(
            lenient.status == 0 && lenient.stderr.contains("fields Backchannel does not define kept as attributes: \"lable\""),
            "\(lenient.stderr)")
    }
}

@Suite("Interrupted runs leave nothing behind", .serialized)
struct InterruptTests {
    @Test func sigintDuringAWriteLeavesNoTemporaryFile() throws {
        let dir = try Fixtures.temporaryDirectory()
        var network = Network(name: "big")
        for i in 0..<40_000 {
            network.nodes.append(
                Node(
                    id: "node-\(i)", label: "A long label for node number \(i)", kind: .participant,
                    description: String(repeating: "text ", count: 20)))
        }
        for i in 1..<40_000 { network.edges.append(Edge("node-\(i - 1)", .partnersWith, "node-\(i)")) }
        let input = dir.appendingPathComponent("big.json")
        try network.jsonText().write(to: input, atomically: true, encoding: .utf8)
        // The signal is sent only once the temporary file exists, so it lands during the write, not
        // before it starts (when there is nothing to clean up) or after the rename.
        var interruptedMidWrite = 0
        for attempt in 0..<4 where interruptedMidWrite == 0 {
            let out = dir.appendingPathComponent("out-\(attempt).json")
            let temporaryPrefix = ".out-\(attempt).json."
            func temporaries() -> [String] {
                ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter {
                    $0.hasPrefix(temporaryPrefix) && $0.hasSuffix(".tmp")
                }
            }
            let process = Process()
            process.executableURL = Fixtures.executable
            process.arguments = ["export", input.path, "--format", "json", "-o", out.path]
            process.standardError = FileHandle.nullDevice
            try process.run()
            var seen: [String] = []
            for _ in 0..<60_000 {  // at most about a minute, 1 ms apart
                guard process.isRunning else { break }
                seen = temporaries()
                if !seen.isEmpty { break }
                usleep(1_000)
            }
            if !seen.isEmpty { kill(process.processIdentifier, SIGINT) }
            process.waitUntilExit()
            #expect(temporaries().isEmpty, "attempt \(attempt) left \(temporaries())")
            if !seen.isEmpty && process.terminationReason == .exit && process.terminationStatus == 130
                && !FileManager.default.fileExists(atPath: out.path)
            {
                interruptedMidWrite += 1
                #expect(
                    !FileManager.default.fileExists(atPath: dir.appendingPathComponent(seen[0]).path),
                    "the temporary file \(seen[0]) was removed")
            }
            if FileManager.default.fileExists(atPath: out.path) {
                #expect(try Network(contentsOf: out).nodes.count == 40_000, "an output that exists is whole")
            }
        }
        #expect(interruptedMidWrite > 0, "a run was interrupted while its temporary file existed (exit 130), and the file is gone")
    }
}

/// Without `--engine`, `render` lays out with dot up to `LayoutEngine.dotEdgeLimit` edges and with
/// sfdp above, and says so on stderr; the output is byte for byte that engine's (layouts are seeded).
@Suite("Layout engine chosen by size", .serialized)
struct EngineThresholdTests {
    /// A convener with `edges` participants (indented JSON, as `export` writes it).
    static func star(_ edges: Int, in dir: URL) throws -> URL {
        var network = Network(name: "star-\(edges)", nodes: [Node(id: "hub", kind: .convener)])
        for i in 0..<edges {
            network.nodes.append(Node(id: "p\(i)", kind: .participant))
            network.edges.append(Edge("hub", .partnersWith, "p\(i)"))
        }
        let url = dir.appendingPathComponent("star-\(edges).json")
        try network.jsonText().write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test(arguments: [(1_000, "dot"), (1_001, "sfdp")])
    func renderPicksTheEngineBySizeAndSaysSo(edges: Int, expected: String) throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try Self.star(edges, in: dir)
        let chosen = try Fixtures.run(["render", input.path, "--format", "svg", "--full"])
        #expect(chosen.status == 0, "\(chosen.stderr)")
        let note = "using the sfdp layout: the network has \(edges) edges"
        #expect(chosen.stderr.contains(note) == (expected == "sfdp"), "\(edges) edges: \(chosen.stderr)")
        let explicit = try Fixtures.run(["render", input.path, "--format", "svg", "--full", "--engine", expected])
        let other = try Fixtures.run(["render", input.path, "--format", "svg", "--full", "--engine", expected == "dot" ? "sfdp" : "dot"])
        #expect(explicit.status == 0 && other.status == 0)
        #expect(!explicit.stderr.contains("using the"), "no note when the engine is given")
        #expect(chosen.stdout.contains("</svg>"))
        #expect(chosen.stdout == explicit.stdout, "\(edges) edges are laid out with \(expected)")
        #expect(chosen.stdout != other.stdout, "the two engines draw this network differently, so the comparison means something")
    }
}

/// The PA-X path (derive_paax.py, then influence and render) on the project-written PA-X-shaped table,
/// so it runs in every clone; `PAXTests` runs it on the real table where ../shared has it.
@Suite("PA-X-shaped signatories", .serialized)
struct PAXShapedTests {
    @Test func derivedFixtureWorksWithInfluenceAndRender() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("paax.json")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Fixtures.datasetsDirectory.appendingPathComponent("derive_paax.py").path, Fixtures.paxShapedSignatories.path,
            "--output", out.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "derive_paax.py: \(report)")
        #expect(report.contains("1  duplicate links (same agreement, actor, role) dropped"))
        #expect(report.contains("1  rows skipped: actor name but no actor id"))
        #expect(report.contains("AGT_2: malformed date '1997-13-01' -> date 1997-01-13 from year/month/day"))

        let network = try Network(contentsOf: out)
        #expect(network.validationProblems().isEmpty)
        #expect(network.nodes.count { $0.kind == .agreement } == 5, "every agreement")
        #expect(network.nodes.count { $0.kind == .conflict } == 2, "every peace process")
        #expect(network.nodes.count { $0.kind == .convener } == 4 && network.nodes.count { $0.kind == .participant } == 4)
        #expect(network.edges.count == 25)
        #expect(
            network.node("actor-kingdom-of-westmere")?.attributes["roles"] == .string("party;third party"), "both roles, a tie: convener")
        #expect(network.node("actor-kingdom-of-westmere")?.kind == .convener)
        #expect(network.node("agt-2")?.attributes["date"] == .string("1997-01-13"))
        #expect(network.sources.first?.citation.contains("PA-X") == true)
        #expect(network.jsonText() == (try String(contentsOf: out, encoding: .utf8)), "the script writes the canonical layout")

        let influence = try Fixtures.run(["influence", out.path, "--format", "json", "--top", "3"])
        #expect(influence.status == 0, "\(influence.stderr)")
        #expect(
            influence.stdout.contains("\"id\": \"actor-union-of-coastal-states\""), "the convener of three agreements in both processes")
        #expect(!influence.stdout.contains("actor-northland-liberation-front"), "participants are not ranked")
        let svg = dir.appendingPathComponent("paax.svg")
        let render = try Fixtures.run(["render", out.path, "--format", "svg", "-o", svg.path])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(!render.stderr.contains("using the sfdp layout"), "25 edges: dot")
        let drawn = try #require(SVGTextCollector.collect([UInt8](try Data(contentsOf: svg))))
        #expect(drawn.values.contains { $0.joined(separator: " ").contains("Union of Coastal States") })
    }
}
