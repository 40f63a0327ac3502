import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How much one render in the worker may cost before it is refused or stopped.
///
/// Graphviz's layouts are super-linear and cannot be interrupted from inside, so the worker bounds
/// them from outside: a network larger than ``maxEdges`` edges or ``maxDOTBytes`` bytes of DOT is
/// refused before any layout starts (``RenderError/tooLarge(edges:edgeLimit:bytes:byteLimit:)``), and
/// a layout still running after ``timeout`` seconds is killed
/// (``RenderError/timedOut(engine:seconds:edges:)``).
public struct RenderLimits: Sendable, Equatable {
    /// Seconds one layout and render may take; nil for no limit.
    public var timeout: Double?
    /// The most edges laid out; nil for no limit.
    public var maxEdges: Int?
    /// The most bytes of DOT laid out (a huge label counts here); nil for no limit.
    public var maxDOTBytes: Int?

    /// 120 seconds: `sfdp` lays out 20,000 edges in about 3 s and `dot` 5,000 in about 45 s, so a
    /// layout still running after two minutes is one that would run for hours.
    public static let defaultTimeout = 120.0
    /// 20,000 edges: past this, no engine draws a diagram anyone can read, and `dot` does not finish.
    public static let defaultMaxEdges = 20_000
    /// 16 MB of DOT: the bundled history (8,572 edges) is about 3 MB; a label of megabytes is not a diagram.
    public static let defaultMaxDOTBytes = 16 << 20

    /// The defaults (``defaultTimeout``, ``defaultMaxEdges``, ``defaultMaxDOTBytes``), or nothing
    /// where an argument says nil.
    public init(timeout: Double? = Self.defaultTimeout, maxEdges: Int? = Self.defaultMaxEdges, maxDOTBytes: Int? = Self.defaultMaxDOTBytes)
    {
        self.timeout = timeout
        self.maxEdges = maxEdges
        self.maxDOTBytes = maxDOTBytes
    }

    /// No size limit and no timeout.
    public static let none = RenderLimits(timeout: nil, maxEdges: nil, maxDOTBytes: nil)

    /// Throws ``RenderError/tooLarge(edges:edgeLimit:bytes:byteLimit:)`` when `dot` (with
    /// `edgeCount` edges, when known) is past a limit.
    /// - Complexity: O(1).
    public func check(dot: String, edgeCount: Int?) throws(RenderError) {
        let bytes = dot.utf8.count
        let overEdges = maxEdges.map { limit in (edgeCount ?? 0) > limit } ?? false
        let overBytes = maxDOTBytes.map { bytes > $0 } ?? false
        if overEdges || overBytes {
            throw .tooLarge(edges: edgeCount, edgeLimit: maxEdges, bytes: bytes, byteLimit: maxDOTBytes)
        }
    }
}

/// Renders in a child process, so that a crash inside Graphviz's C code (Graphviz 2.43 segfaults
/// laying out some valid graphs) becomes a ``RenderError/crashed(engine:signal:)`` instead of
/// killing the caller, and a layout that runs too long can be stopped.
///
/// The child is `executable` started with `arguments` (for the `backchannel` CLI, its own hidden
/// `_render-worker` command) followed by `--parent PID --engine E --format F`, given the DOT on stdin.
/// It runs ``Graphviz/render(dot:engine:format:)`` and answers with the bytes on stdout, notes as
/// `note: ` lines on stderr, and on failure exit code 70 with `error: ` lines on stderr.
/// ``serve(engine:format:parent:)`` is that child's side: it dies with its parent.
///
/// ``limits`` bound every render: too large a graph is refused before the child starts, and a child
/// still running after the timeout is killed (SIGKILL).
public struct GraphvizWorker: Sendable {
    public var executable: URL
    public var arguments: [String]
    public var limits: RenderLimits

    public init(executable: URL, arguments: [String], limits: RenderLimits = RenderLimits()) {
        self.executable = executable
        self.arguments = arguments
        self.limits = limits
    }

    /// This worker with other limits.
    /// - Complexity: O(1).
    public func with(limits: RenderLimits) -> GraphvizWorker {
        var copy = self
        copy.limits = limits
        return copy
    }

    /// Lays out and renders `dot` in a child process (see ``GraphvizWorker``).
    /// - Parameter edgeCount: the graph's edges, for the size limit (when nil only the DOT's size counts).
    /// - Complexity: the layout's, in the child; O(`dot` size) here.
    public func render(dot: String, engine: LayoutEngine, format: RenderFormat, edgeCount: Int? = nil) throws(RenderError) -> Rendering {
        try render(dot: dot, engine: engine, formats: [format], edgeCount: edgeCount)[0]
    }

    /// Lays out `dot` once in a child process and renders that layout in every format of `formats`
    /// (``Graphviz/render(dot:engine:formats:)``). With more than one format the child frames its
    /// answer: for each format, its byte count in decimal and a newline, then the bytes.
    /// - Complexity: the layout's, in the child; O(`dot` size + output size) here.
    public func render(dot: String, engine: LayoutEngine, formats: [RenderFormat], edgeCount: Int? = nil) throws(RenderError) -> [Rendering]
    {
        precondition(!formats.isEmpty, "at least one format")
        let format = formats[0]
        try limits.check(dot: dot, edgeCount: edgeCount)
        let process = Process()
        process.executableURL = executable
        process.arguments =
            arguments + ["--parent", String(getpid()), "--engine", engine.rawValue] + formats.flatMap { ["--format", $0.rawValue] }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            throw .render(format: format, message: "cannot start the render worker \(executable.path): \(error)")
        }
        // Stop the child when the timeout passes; the pipes then close and the reads below end.
        let watchdog = Watchdog()
        if let timeout = limits.timeout, timeout > 0 {
            let pid = process.processIdentifier
            Thread.detachNewThread {
                if exited.wait(timeout: .now() + timeout) == .timedOut {
                    watchdog.fire { kill(pid, SIGKILL) }
                }
            }
        }
        // Feed stdin and drain stderr on other threads so no pipe fills up and blocks the child.
        let writer = Thread { [input] in
            // A child stopped (or crashed) before reading everything must give this write EPIPE, not
            // kill the caller with SIGPIPE: blocked on this thread, the signal is never delivered.
            var pipeSignal = sigset_t()
            sigemptyset(&pipeSignal)
            sigaddset(&pipeSignal, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
            try? input.fileHandleForWriting.write(contentsOf: Data(dot.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errorBox = DataBox()
        let reader = Thread { [errors] in errorBox.data = errors.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // The watchdog may not kill a pid that is about to be reaped and reused.
        watchdog.disarm()
        while !errorBox.done { usleep(1000) }
        if watchdog.fired, let timeout = limits.timeout {
            throw .timedOut(engine: engine, seconds: timeout, edges: edgeCount)
        }
        let lines = String(decoding: errorBox.data, as: UTF8.self).split(separator: "\n").map(String.init)
        let notes = lines.filter { $0.hasPrefix("note: ") }.map { String($0.dropFirst(6)) }
        let messages = lines.filter { $0.hasPrefix("error: ") }.map { String($0.dropFirst(7)) }
        if process.terminationReason == .uncaughtSignal {
            throw .crashed(engine: engine, signal: process.terminationStatus)
        }
        guard process.terminationStatus == 0 else {
            throw .layout(
                engine: engine,
                message: messages.isEmpty
                    ? "the render worker exited with status \(process.terminationStatus)" : messages.joined(separator: "; "))
        }
        guard formats.count > 1 else { return [Rendering(bytes: [UInt8](bytes), warnings: [], notes: notes)] }
        var results: [Rendering] = []
        var rest = bytes[...]
        for _ in formats {
            guard let newline = rest.firstIndex(of: UInt8(ascii: "\n")),
                let count = Int(String(decoding: rest[..<newline], as: UTF8.self)), count >= 0,
                rest.distance(from: newline, to: rest.endIndex) > count
            else { throw .render(format: format, message: "the render worker's answer is not framed as expected") }
            let start = rest.index(after: newline)
            let end = rest.index(start, offsetBy: count)
            results.append(Rendering(bytes: [UInt8](rest[start..<end]), warnings: [], notes: results.isEmpty ? notes : []))
            rest = rest[end...]
        }
        return results
    }

    /// The child's side: reads DOT from stdin, renders, writes the bytes to stdout. Never returns.
    ///
    /// With `parent`, the child first asks the kernel to kill it when its parent dies (Linux:
    /// `prctl(PR_SET_PDEATHSIG, SIGKILL)`; elsewhere a thread polls `getppid()` once a second), then
    /// exits at once if its parent is no longer `parent` (it died before the request took effect).
    /// - Complexity: the layout's.
    public static func serve(engine: LayoutEngine, format: RenderFormat, parent: Int32? = nil) -> Never {
        serve(engine: engine, formats: [format], parent: parent)
    }

    /// The child's side for one layout rendered in several formats (framed as
    /// ``render(dot:engine:formats:edgeCount:)`` reads them when there is more than one).
    public static func serve(engine: LayoutEngine, formats: [RenderFormat], parent: Int32? = nil) -> Never {
        if let parent {
            dieWithParent(parent)
        }
        let dot = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        do {
            let results = try Graphviz.shared.render(dot: dot, engine: engine, formats: formats)
            for line in results.flatMap({ $0.notes + $0.warnings.map { "Graphviz: " + $0 } }) {
                FileHandle.standardError.write(Data("note: \(line.replacingOccurrences(of: "\n", with: " "))\n".utf8))
            }
            if results.count == 1 {
                FileHandle.standardOutput.write(Data(results[0].bytes))
            } else {
                for result in results {
                    FileHandle.standardOutput.write(Data("\(result.bytes.count)\n".utf8))
                    FileHandle.standardOutput.write(Data(result.bytes))
                }
            }
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description.replacingOccurrences(of: "\n", with: " "))\n".utf8))
            exit(70)
        }
    }

    /// Makes this process end when `parent` does, and ends it now if `parent` is already gone.
    private static func dieWithParent(_ parent: Int32) {
        #if os(Linux)
            // prctl is variadic, so Swift does not import it; call it through a fixed-argument pointer.
            typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
            if let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "prctl") {
                let prctl = unsafeBitCast(symbol, to: Prctl.self)
                let setParentDeathSignal: Int32 = 1  // PR_SET_PDEATHSIG
                _ = prctl(setParentDeathSignal, UInt(SIGKILL), 0, 0, 0)
            }
        #else
            Thread.detachNewThread {
                while getppid() == parent { sleep(1) }
                _exit(70)
            }
        #endif
        // Checked after the request: a parent that died before it was made has already re-parented us.
        if getppid() != parent {
            FileHandle.standardError.write(Data("error: the process that started this render worker (\(parent)) has exited\n".utf8))
            _exit(70)
        }
    }
}

/// Kills a child at most once, and never after the child was reaped.
private final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var armed = true
    private var didFire = false

    func fire(_ action: () -> Void) {
        lock.withLock {
            guard armed else { return }
            didFire = true
            action()
        }
    }

    func disarm() { lock.withLock { armed = false } }

    var fired: Bool { lock.withLock { didFire } }
}

private final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = Data()
    private var finished = false

    var data: Data {
        get { lock.withLock { stored } }
        set {
            lock.withLock {
                stored = newValue; finished = true
            }
        }
    }

    var done: Bool { lock.withLock { finished } }
}
