import BackchannelFormats
import BackchannelModel
import BackchannelRender
import BackchannelTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The render worker dies with its parent, a layout is stopped at `--timeout`, and a graph past the
/// size limit is refused before any layout starts (issue 8). The CLI is run as a user would; waits
/// are bounded by a number of polls, never asserted as times.
@Suite("Render worker lifetime and limits", .serialized)
struct WorkerLifetimeTests {
    /// The CLI built beside this test bundle (`swift build --build-tests` builds it).
    static var executable: URL { Fixtures.executable }

    /// `edges` random edges among `nodes` participants (a fixed seed): `dot` takes minutes on 4,000.
    static func network(nodes: Int, edges: Int) -> Network {
        var state: UInt64 = 8
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var network = Network(name: "big")
        for i in 0..<nodes { network.nodes.append(Node(id: "n\(i)", label: "node \(i)", kind: .participant)) }
        for _ in 0..<edges {
            network.edges.append(Edge("n\(next() % UInt64(nodes))", .partnersWith, "n\(next() % UInt64(nodes))"))
        }
        return network
    }

    static func write(_ network: Network, in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent("\(network.name).json")
        try network.jsonText().write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// From `/proc/PID/stat`: the state letter, the parent pid and the CPU time used in clock ticks
    /// (user + system), or nil when there is no such process.
    static func process(_ pid: Int32) -> (state: Character, parent: Int32, ticks: Int)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name, from field 3 (state): utime is field 14, stime field 15.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let state = fields[0].first, let parent = Int32(fields[1]),
            let user = Int(fields[11]), let system = Int(fields[12])
        else { return nil }
        return (state, parent, user + system)
    }

    /// Children of `parent` whose command line names `_render-worker`.
    static func workers(of parent: Int32) -> [Int32] {
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.compactMap { Int32($0) } ?? []
        return pids.filter { pid in
            guard process(pid)?.parent == parent,
                let cmdline = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline")
            else { return false }
            return String(decoding: cmdline, as: UTF8.self).contains("_render-worker")
        }
    }

    static func alive(_ pid: Int32) -> Bool {
        guard let state = process(pid)?.state else { return false }
        return state != "Z" && state != "X"
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/stat"), "needs /proc"), arguments: [SIGKILL, SIGTERM])
    func killingTheParentKillsTheWorker(signal: Int32) throws {
        let dir = try Fixtures.temporaryDirectory()
        let input = try Self.write(Self.network(nodes: 1_500, edges: 4_000), in: dir)
        let parent = Process()
        parent.executableURL = Self.executable
        parent.arguments = ["render", input.path, "--full", "--engine", "dot", "-o", dir.appendingPathComponent("big.svg").path]
        parent.standardError = FileHandle.nullDevice
        parent.standardOutput = FileHandle.nullDevice
        try parent.run()
        var worker: Int32?
        // Up to 1,200 polls of 50 ms for the parent to read the network, write its DOT and start the worker.
        for _ in 0..<1_200 where worker == nil && parent.isRunning {
            worker = Self.workers(of: parent.processIdentifier).first
            if worker == nil { usleep(50_000) }
        }
        defer {
            // Never leave a layout running, whatever the outcome.
            if let worker, Self.alive(worker) { kill(worker, SIGKILL) }
            if parent.isRunning { kill(parent.processIdentifier, SIGKILL) }
            parent.waitUntilExit()
        }
        let found = try #require(
            worker, "the CLI started a _render-worker child (exit \(parent.isRunning ? "none yet" : "\(parent.terminationStatus)"))")
        // Wait until the worker is laying out: a second of CPU is far more than reading the DOT takes,
        // so it no longer ends on its own by reading a DOT cut short by its parent's death.
        let second = sysconf(Int32(_SC_CLK_TCK))
        for _ in 0..<1_200 where Self.alive(found) && (Self.process(found)?.ticks ?? 0) < second {
            usleep(50_000)
        }
        #expect(Self.alive(found) && (Self.process(found)?.ticks ?? 0) >= second, "the worker is laying out")
        kill(parent.processIdentifier, signal)
        parent.waitUntilExit()
        var polls = 0
        while Self.alive(found) && polls < 200 {
            usleep(50_000)
            polls += 1
        }
        #expect(!Self.alive(found), "the worker \(found) outlived its parent (killed with signal \(signal)) by \(polls) polls")
    }

    @Test func aWorkerWhoseParentIsGoneExitsAtOnce() throws {
        // Started by this test, but told its parent is pid 1: it must not lay anything out.
        let result = try Fixtures.run(
            ["_render-worker", "--parent", "1", "--engine", "dot", "--format", "svg"], stdin: Data("digraph { a -> b }".utf8))
        #expect(result.status == 70, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("has exited"))
        // With its real parent it renders.
        let ok = try Fixtures.run(["_render-worker", "--engine", "dot", "--format", "svg"], stdin: Data("digraph { a -> b }".utf8))
        #expect(ok.status == 0 && ok.stdout.contains("<svg"), "\(ok.stderr)")
    }

    @Test func aLayoutPastTheTimeoutIsStoppedWithAdvice() throws {
        let dir = try Fixtures.temporaryDirectory()
        let input = try Self.write(Self.network(nodes: 1_500, edges: 4_000), in: dir)
        let out = dir.appendingPathComponent("big.svg")
        let result = try Fixtures.run(["render", input.path, "--full", "--engine", "dot", "--timeout", "1", "-o", out.path])
        #expect(result.status == 70, "\(result.stderr)")
        #expect(result.stderr.contains("dot layout did not finish within 1 s"), "\(result.stderr)")
        #expect(result.stderr.contains("4000 edges") && result.stderr.contains("--engine sfdp"), "names the size and the engine to try")
        #expect(!FileManager.default.fileExists(atPath: out.path), "no output")
    }

    /// Stopped before it has read its DOT (800 KB, more than a pipe holds), the worker's closed stdin
    /// must not kill the CLI with SIGPIPE (exit 141): it is a timeout like any other.
    @Test func aTimeoutBeforeTheWorkerReadsItsInputIsStillATimeout() throws {
        let dir = try Fixtures.temporaryDirectory()
        let input = try Self.write(Self.network(nodes: 1_500, edges: 4_000), in: dir)
        for _ in 0..<3 {
            let result = try Fixtures.run([
                "render", input.path, "--full", "--engine", "dot", "--timeout", "0.001", "-o", dir.appendingPathComponent("big.svg").path,
            ])
            #expect(result.status == 70, "\(result.stderr)")
            #expect(result.stderr.contains("did not finish within 0.001 s"), "\(result.stderr)")
        }
    }

    @Test(arguments: ["-1", "nan", "inf"])
    func aTimeoutMustBeZeroOrMoreSeconds(value: String) throws {
        let result = try Fixtures.run(["render", "--format", "dot", "--timeout=\(value)"])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("--timeout"), "\(result.stderr)")
    }

    @Test func aNetworkPastTheSizeLimitIsRefusedWithTheFocusedViews() throws {
        let dir = try Fixtures.temporaryDirectory()
        let edges = RenderLimits.defaultMaxEdges + 1
        let input = try Self.write(Self.network(nodes: 2_000, edges: edges), in: dir)
        let out = dir.appendingPathComponent("big.svg")
        let result = try Fixtures.run(["render", input.path, "--full", "-o", out.path])
        #expect(result.status == 70, "\(result.stderr)")
        #expect(result.stderr.contains("\(edges) edges, more than the limit of \(RenderLimits.defaultMaxEdges)"), "\(result.stderr)")
        #expect(
            result.stderr.contains("backchannel reach") && result.stderr.contains("--no-size-limit"),
            "points to the focused views and the override")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // DOT needs no layout, so it is never refused.
        let dot = try Fixtures.run(["render", input.path, "--full", "--format", "dot", "-o", dir.appendingPathComponent("big.dot").path])
        #expect(dot.status == 0, "\(dot.stderr)")
    }

    @Test func theLimitsAreCheckedBeforeAnyWorkerStarts() throws {
        // An executable that does not exist: a refusal must come before any attempt to start it.
        let worker = GraphvizWorker(executable: URL(fileURLWithPath: "/nonexistent/backchannel"), arguments: ["_render-worker"])
        let hugeLabel = "digraph { a [label=\"" + String(repeating: "x", count: RenderLimits.defaultMaxDOTBytes) + "\"] }"
        #expect {
            _ = try worker.render(dot: hugeLabel, engine: .dot, format: .svg)
        } throws: { error in
            guard case let .tooLarge(_, _, bytes, byteLimit) = error as? RenderError else { return false }
            return bytes == hugeLabel.utf8.count && byteLimit == RenderLimits.defaultMaxDOTBytes
                && "\(error)".contains("more than the limit of 16 MB") && !"\(error)".contains("--")
        }
        #expect {
            _ = try worker.render(dot: "digraph { a -> b }", engine: .sfdp, format: .svg, edgeCount: RenderLimits.defaultMaxEdges + 1)
        } throws: { error in
            guard case .tooLarge = error as? RenderError else { return false }
            return true
        }
        // Without limits the worker is started (and here fails to start).
        #expect {
            _ = try worker.with(limits: .none).render(
                dot: "digraph { a -> b }", engine: .sfdp, format: .svg, edgeCount: RenderLimits.defaultMaxEdges + 1)
        } throws: { error in
            guard case .render = error as? RenderError else { return false }
            return true
        }
    }
}
