import ArgumentParser
import BackchannelRender
import Foundation

/// The child process that renders for the CLI (see ``GraphvizWorker``): DOT on stdin, bytes on stdout.
struct RenderWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "_render-worker", shouldDisplay: false)

    @Option var engine: LayoutEngine
    /// One or more formats, each of the same layout (`--format svg --format png`).
    @Option var format: [RenderFormat]
    /// The pid of the process that started this worker; the worker dies with it.
    @Option var parent: Int32?

    func validate() throws {
        if format.isEmpty { throw ValidationError("give at least one --format") }
    }

    func run() throws {
        GraphvizWorker.serve(engine: engine, formats: format, parent: parent)
    }
}

/// The CLI renders in a child copy of itself, so a crash inside Graphviz is reported, not fatal.
let renderWorker = GraphvizWorker(
    executable: URL(fileURLWithPath: FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : CommandLine.arguments[0])
        .resolvingSymlinksInPath(),
    arguments: ["_render-worker"])
