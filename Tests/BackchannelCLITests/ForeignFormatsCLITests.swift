import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// `export` and `convert` write the same formats; `--strict`; GEXF in through the CLI; round trips
/// through NetworkX (issue 9).
@Suite("Other tools' formats through the CLI", .serialized)
struct ForeignFormatsCLITests {
    static func read(_ url: URL) throws -> Network {
        try NetworkInput(path: url.path).load()
    }

    @Test func exportAndConvertWriteTheSameFormats() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ["json", "graphml", "gexf", "dot"] {
            let exported = dir.appendingPathComponent("export.\(format)"), converted = dir.appendingPathComponent("convert.\(format)")
            let e = try Fixtures.run(["export", "--format", format, "-o", exported.path])
            #expect(e.status == 0, "export \(format): \(e.stderr)")
            let c = try Fixtures.run([
                "convert", Fixtures.datasetsDirectory.appendingPathComponent("track2-history.json").path, converted.path,
            ])
            #expect(c.status == 0, "convert \(format): \(c.stderr)")
            #expect(try Data(contentsOf: exported) == Data(contentsOf: converted), "export and convert write the same \(format)")
        }
        let csv = try Fixtures.run(["export", "--format", "csv", "-o", dir.appendingPathComponent("h-edges.csv").path])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("h-nodes.csv").path))
        #expect(try Fixtures.run(["export", "--format", "csv"]).status == 64)
        // convert takes the diagram options export takes.
        let bare = dir.appendingPathComponent("bare.dot")
        #expect(
            try Fixtures.run([
                "convert", Fixtures.datasetsDirectory.appendingPathComponent("track2-history.json").path, bare.path, "--no-legend",
                "--title", "T",
            ]).status == 0)
        let text = try String(contentsOf: bare, encoding: .utf8)
        #expect(!text.contains("Legend") && text.contains("label=\"T\\n"))
    }

    @Test func gexfInAndStrictReading() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let gexf = Fixtures.committedFixtures.appendingPathComponent("gexf/gephi-dynamic-1.3.gexf")
        let out = dir.appendingPathComponent("g.json")
        let lenient = try Fixtures.run(["convert", gexf.path, out.path])
        #expect(lenient.status == 0 && lenient.stderr.contains("several spells or timestamps"), "\(lenient.stderr)")
        #expect(!lenient.stderr.contains("cut"), "dates are kept to the day")
        #expect(try Self.read(out).nodes.count == 3)
        #expect(try Self.read(out).node("fafo")?.years.start == PartialDate(year: 1992, month: 9, day: 1))
        let strict = try Fixtures.run(["convert", gexf.path, dir.appendingPathComponent("s.json").path, "--strict"])
        #expect(strict.status == 65 && strict.stderr.contains("read strictly, the file is refused"), "\(strict.stderr)")
        #expect(try Fixtures.run(["validate", gexf.path]).status == 0)
        #expect(try Fixtures.run(["validate", gexf.path, "--strict"]).status == 65)
        // A canonical file passes --strict.
        #expect(try Fixtures.run(["validate", out.path, "--strict"]).status == 0, "canonical JSON needs no warning to read")
    }

    static var hasNetworkX: Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import networkx"]
        p.standardOutput = Pipe()
        p.standardError = Pipe()
        do { try p.run() } catch { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    /// Writes `network` as JSON, GraphML and GEXF with `convert` into `dir/in`, and runs
    /// `Tests/References/networkx_roundtrip.py`, which reads each with NetworkX and writes NetworkX's
    /// own files into `dir/out`. Returns that folder and what the script printed (a line per file read).
    static func throughNetworkX(_ network: Network, in dir: URL) throws -> (output: URL, said: String) {
        let source = dir.appendingPathComponent("source.json")
        try Data(network.jsonText().utf8).write(to: source)
        let input = dir.appendingPathComponent("in"), output = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for ext in ["json", "graphml", "gexf"] {
            let r = try Fixtures.run(["convert", source.path, input.appendingPathComponent("net.\(ext)").path])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let script = Fixtures.packageRoot.appendingPathComponent("Tests/References/networkx_roundtrip.py")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script.path, input.path, output.path]
        let pipe = Pipe(), err = Pipe()
        p.standardOutput = pipe
        p.standardError = err
        try p.run()
        let said = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let complaint = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        try #require(p.terminationStatus == 0, "networkx_roundtrip.py: \(complaint)")
        return (output, said)
    }

    /// NetworkX reads what we write (JSON, GraphML, GEXF) and we read back what it writes.
    @Test(.enabled(if: hasNetworkX, "needs python3 with networkx (pip install networkx)"))
    func networkXRoundTrip() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var network = Fixtures.small
        network.nodes[0].attributes = ["Modularity Class": .int(2), "États": .string("x")]
        network.nodes.append(Node(id: "5th Edition", label: "Fifth", kind: .participant))
        network.edges.append(Edge("5th Edition", .partnersWith, "ngo", attributes: ["Edge Weight 2": .double(0.5)]))
        let (output, said) = try Self.throughNetworkX(network, in: dir)
        // NetworkX saw every node and edge of each file.
        let lines = said.split(separator: "\n")
        #expect(lines.count == 3)
        for line in lines {
            #expect(line.contains("\"nodes\": \(network.nodes.count)") && line.contains("\"edges\": \(network.edges.count)"), "\(line)")
        }
        // NetworkX lists edges by source node, and its multigraph numbers edges without a key:
        // compare edges as multisets, integer keys as none.
        func edges(_ list: [Edge]) -> [Edge: Int] {
            var counts: [Edge: Int] = [:]
            for var e in list {
                if let k = e.key, Int(k) != nil { e.key = nil }
                counts[e, default: 0] += 1
            }
            return counts
        }
        for name in ["nx-links.json", "nx-edges.json"] {
            let back = try Self.read(output.appendingPathComponent(name))
            #expect(back.nodes == network.nodes, "\(name)")
            #expect(edges(back.edges) == edges(network.edges), "\(name)")
        }
        let gexf = try Self.read(output.appendingPathComponent("nx.gexf"))
        #expect(gexf.nodes == network.nodes)
        #expect(edges(gexf.edges) == edges(network.edges))
        // GraphML: the same ids, kinds and relations; NetworkX keeps attr.name but not <desc>, so
        // names that are not NMTOKENs come back in their NMTOKEN form.
        let graphml = try Self.read(output.appendingPathComponent("nx.graphml"))
        #expect(graphml.nodes.map(\.id) == network.nodes.map(\.id) && graphml.nodes.map(\.kind) == network.nodes.map(\.kind))
        func ends(_ list: [Edge]) -> [String] { list.map { "\($0.source)|\($0.relation.rawValue)|\($0.target)" }.sorted() }
        #expect(ends(graphml.edges) == ends(network.edges))
        #expect(graphml.nodes[0].attributes == ["Modularity_Class": .int(2), "États": .string("x")])
    }

    /// Days and months survive NetworkX: its JSON and GraphML keep the ISO text, its GEXF the
    /// `timeformat="date"` days and the `period_start` / `period_end` columns.
    @Test(.enabled(if: hasNetworkX, "needs python3 with networkx (pip install networkx)"))
    func networkXRoundTripKeepsDates() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func d(_ y: Int, _ m: Int? = nil, _ day: Int? = nil) -> PartialDate { PartialDate(year: y, month: m, day: day)! }
        let network = Network(
            name: "dated", sources: [Source(id: "s", citation: "s")],
            nodes: [
                Node(id: "a", kind: .convener, years: Period(start: d(1993, 1, 20), end: d(1993, 9, 13)), sources: ["s"]),
                Node(id: "b", kind: .participant, years: Period(start: d(1964, 5)), sources: ["s"]),
                Node(id: "c", kind: .official, years: Period(start: d(1981)), sources: ["s"]),
            ],
            edges: [
                Edge("a", .convenes, "b", years: .on(d(1993, 1)), sources: ["s"]),
                Edge("c", .partnersWith, "b", years: .year(1992), sources: ["s"]),
            ])
        let (output, _) = try Self.throughNetworkX(network, in: dir)
        for name in ["nx-edges.json", "nx-links.json", "nx.graphml", "nx.gexf"] {
            let back = try Self.read(output.appendingPathComponent(name))
            #expect(back.nodes.map(\.years) == network.nodes.map(\.years), "\(name)")
            let got: [String] = back.edges.map(\.years.text).sorted(), want: [String] = network.edges.map(\.years.text).sorted()
            #expect(got == want, "\(name)")
        }
    }
}
