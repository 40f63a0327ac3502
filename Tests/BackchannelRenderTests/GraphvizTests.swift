import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation
import BackchannelRender
import BackchannelTestSupport
import Foundation
import Testing

@Suite("In-process Graphviz", .serialized)
struct GraphvizTests {
    static let history = try! Network.bundled()
    static let dot = RenderJob().dot(history)

    /// Every node of the history (by its DOT name) appears in the SVG, with its label drawn.
    @Test(arguments: LayoutEngine.allCases)
    func everyEngineDrawsEveryNode(engine: LayoutEngine) throws {
        let svg = try Graphviz.shared.render(dot: Self.dot, engine: engine, format: .svg).bytes
        let drawn = try #require(SVGTextCollector.collect(svg), "well-formed SVG")
        for (i, node) in Self.history.nodes.enumerated() {
            #expect(
                drawn["n\(i)"] == node.label.split(separator: "\n").map(String.init), "\(engine): node \(node.id) not drawn as its label")
        }
        #expect(drawn.count == Self.history.nodes.count, "the nodes (the legend is the graph label)")
    }

    /// Every engine with every clustering lays out, renders and frees the history without crashing
    /// (Graphviz 2.43 aborts in gvFreeLayout on edge `label`s inside dot clusters; the writer uses `xlabel`).
    @Test(arguments: ClusterBy.allCases)
    func everyClusteringSurvivesLayoutAndCleanup(clusterBy: ClusterBy) throws {
        let dot = RenderJob(options: DOTOptions(clusterBy: clusterBy)).dot(Self.history)
        for engine in LayoutEngine.allCases {
            let svg = try Graphviz.shared.render(dot: dot, engine: engine, format: .svg).bytes
            #expect(SVGTextCollector.collect(svg)?.count == Self.history.nodes.count, "\(engine), \(clusterBy)")
        }
    }

    @Test func pngAndPdfHaveTheirSignatures() throws {
        let png = try Graphviz.shared.render(dot: Self.dot, engine: .dot, format: .png).bytes
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let pdf = try Graphviz.shared.render(dot: Self.dot, engine: .dot, format: .pdf).bytes
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
    }

    @Test func syntaxErrorsBecomeTypedErrorsWithGraphvizsMessage() {
        #expect {
            _ = try Graphviz.shared.render(dot: "digraph {\n a -> \n -> }", engine: .dot, format: .svg)
        } throws: { error in
            guard case let .syntax(message) = error as? RenderError else { return false }
            // Graphviz 2.43 may count lines one past the error (shared/data/graphviz-dot-corpus notes it), so only the form is checked.
            return message.hasPrefix("syntax error in line ") && message.contains("near '->'")
        }
        // The error state is reset: the next job succeeds and reports no stale messages.
        let ok = try? Graphviz.shared.render(dot: "digraph { a -> b }", engine: .dot, format: .svg)
        #expect(ok?.warnings == [])
    }

    @Test func warningsAreCapturedNotPrinted() throws {
        let result = try Graphviz.shared.render(dot: "digraph { a [shape=nosuchshape]; a -> b }", engine: .dot, format: .svg)
        #expect(result.warnings.contains { $0.contains("nosuchshape") })
    }

    @Test func concurrentCallsAreSerialised() async throws {
        let dot = RenderJob().dot(Fixtures.small)
        let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<16 {
                group.addTask { try Graphviz.shared.render(dot: dot, engine: LayoutEngine.allCases[i % 6], format: .svg).bytes.count }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(sizes.count == 16 && sizes.allSatisfy { $0 > 1000 })
    }

    // The engine chosen by size is tested by its behaviour, through `render`: EngineThresholdTests in the CLI tests.
}

@Suite("Atomic output")
struct AtomicFileTests {
    @Test func writesAndReplacesWhole() throws {
        let dir = try Fixtures.temporaryDirectory()
        let url = dir.appendingPathComponent("out.dot")
        try AtomicFile.write("first", to: url)
        try AtomicFile.write("second", to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.dot"], "no temporary files left")
    }

    @Test func refusesToOverwriteAnInputByPathOrLink() throws {
        let dir = try Fixtures.temporaryDirectory()
        let input = dir.appendingPathComponent("in.json")
        try AtomicFile.write("{}", to: input)
        let link = dir.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: input)
        let hard = dir.appendingPathComponent("hard.json")
        try FileManager.default.linkItem(at: input, to: hard)
        for target in [input, link, hard, dir.appendingPathComponent("./in.json")] {
            #expect(throws: FormatError.self) { try AtomicFile.write("x", to: target, protecting: [input]) }
        }
        #expect(try String(contentsOf: input, encoding: .utf8) == "{}")
    }

    @Test func failureLeavesNothingBehind() throws {
        let dir = try Fixtures.temporaryDirectory()
        let missing = dir.appendingPathComponent("no/such/dir/out.svg")
        #expect(throws: FormatError.self) { try AtomicFile.write("x", to: missing) }
        // A directory in the way: the rename fails, the temporary file is removed.
        let blocker = dir.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: blocker.appendingPathComponent("child"), withIntermediateDirectories: true)
        #expect(throws: FormatError.self) { try AtomicFile.write("x", to: blocker) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["taken"])
    }
}
