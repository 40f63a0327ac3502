import BackchannelTestSupport
import Foundation
import Testing

/// `render --focus|--paths|--exposure` and `exposure --render` draw a subgraph with its context.
@Suite("Focused views (CLI)")
struct FocusedViewCLITests {
    static func nodeCount(_ dot: String) -> Int {
        dot.split(separator: "\n").filter { $0.hasPrefix("  \"n") && !$0.contains("->") }.count
    }

    @Test func focusDrawsANeighbourhood() throws {
        let whole = try Fixtures.run(["render", "--format", "dot"])
        let focused = try Fixtures.run(["render", "--focus", "pkk", "--format", "dot"])
        #expect(focused.status == 0, "\(focused.stderr)")
        #expect(Self.nodeCount(focused.stdout) < 10 && Self.nodeCount(whole.stdout) == 93, "\(Self.nodeCount(focused.stdout)) nodes")
        #expect(focused.stdout.contains("Kurdistan Workers"))
        let wider = try Fixtures.run(["render", "--focus", "pkk", "--focus-radius", "2", "--format", "dot"])
        #expect(Self.nodeCount(wider.stdout) > Self.nodeCount(focused.stdout))
        #expect(try Fixtures.run(["render", "--focus", "no-such-node", "--format", "dot"]).status == 65)
        #expect(try Fixtures.run(["render", "--focus", "pkk", "--exposure"]).status == 64)
        #expect(try Fixtures.run(["render", "--focus", "pkk", "--focus-radius", "-1"]).status == 64)
    }

    @Test func exposureDrawsOnlyThePathsAndTheirContext() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bc-focus-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let picture = dir.appendingPathComponent("exposure.dot")
        let result = try Fixtures.run(["exposure", "--render", picture.path])
        #expect(result.status == 0, "\(result.stderr)")
        let dot = try String(contentsOf: picture, encoding: .utf8)
        #expect(Self.nodeCount(dot) < 15 && dot.contains("Humanitarian Law Project") && dot.contains("Holder v. Humanitarian Law Project"))
        let viaRender = try Fixtures.run(["render", "--exposure", "--format", "dot"])
        #expect(Self.nodeCount(viaRender.stdout) == Self.nodeCount(dot))
        let json = dir.appendingPathComponent("p.json")
        #expect(
            try Fixtures.run([
                "paths", "--from", "humanitarian-law-project", "--to", "pkk", "--include-intended", "--format", "json", "-o", json.path,
            ]).status == 0)
        let paths = try Fixtures.run(["render", "--paths", json.path, "--format", "dot"])
        #expect(paths.status == 0 && Self.nodeCount(paths.stdout) >= 2 && Self.nodeCount(paths.stdout) < 10, "\(paths.stderr)")
    }
}
