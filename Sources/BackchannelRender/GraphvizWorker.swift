import Foundation

/// Renders in a child process, so that a crash inside Graphviz's C code (Graphviz 2.43 segfaults
/// laying out some valid graphs) becomes a ``RenderError/crashed(engine:signal:)`` instead of
/// killing the caller.
///
/// The child is `executable` started with `arguments` (for the `backchannel` CLI, its own hidden
/// `_render-worker` command), given the DOT on stdin. It runs ``Graphviz/render(dot:engine:format:)``
/// and answers with the bytes on stdout, notes as `note: ` lines on stderr, and on failure exit code
/// 70 with `error: ` lines on stderr. ``serve(engine:format:)`` is that child's side.
public struct GraphvizWorker: Sendable {
    public var executable: URL
    public var arguments: [String]

    public init(executable: URL, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }

    public func render(dot: String, engine: LayoutEngine, format: RenderFormat) throws(RenderError) -> Rendering {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments + ["--engine", engine.rawValue, "--format", format.rawValue]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw .render(format: format, message: "cannot start the render worker \(executable.path): \(error)")
        }
        // Feed stdin and drain stderr on other threads so no pipe fills up and blocks the child.
        let writer = Thread { [input] in
            try? input.fileHandleForWriting.write(contentsOf: Data(dot.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errorBox = DataBox()
        let reader = Thread { [errors] in errorBox.data = errors.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorBox.done { usleep(1000) }
        let lines = String(decoding: errorBox.data, as: UTF8.self).split(separator: "\n").map(String.init)
        let notes = lines.filter { $0.hasPrefix("note: ") }.map { String($0.dropFirst(6)) }
        let messages = lines.filter { $0.hasPrefix("error: ") }.map { String($0.dropFirst(7)) }
        if process.terminationReason == .uncaughtSignal {
            throw .crashed(engine: engine, signal: process.terminationStatus)
        }
        guard process.terminationStatus == 0 else {
            throw .layout(engine: engine, message: messages.isEmpty ? "the render worker exited with status \(process.terminationStatus)" : messages.joined(separator: "; "))
        }
        return Rendering(bytes: [UInt8](bytes), warnings: [], notes: notes)
    }

    /// The child's side: reads DOT from stdin, renders, writes the bytes to stdout. Never returns.
    public static func serve(engine: LayoutEngine, format: RenderFormat) -> Never {
        let dot = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        do {
            let result = try Graphviz.shared.render(dot: dot, engine: engine, format: format)
            for line in result.notes + result.warnings.map({ "Graphviz: " + $0 }) {
                FileHandle.standardError.write(Data("note: \(line.replacingOccurrences(of: "\n", with: " "))\n".utf8))
            }
            FileHandle.standardOutput.write(Data(result.bytes))
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description.replacingOccurrences(of: "\n", with: " "))\n".utf8))
            exit(70)
        }
    }
}

private final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = Data()
    private var finished = false

    var data: Data {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue; finished = true } }
    }

    var done: Bool { lock.withLock { finished } }
}
