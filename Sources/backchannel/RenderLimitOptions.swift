import ArgumentParser
import BackchannelRender

/// How long a layout may run and how large a graph is laid out: every command that renders.
struct RenderLimitOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Stop a layout still running after this many seconds; 0 for no limit.",
            valueName: "seconds"))
    var timeout: Double = RenderLimits.defaultTimeout

    @Flag(
        name: .customLong("no-size-limit"),
        help:
            "Lay out graphs of more than \(RenderLimits.defaultMaxEdges) edges or \(RenderLimits.defaultMaxDOTBytes >> 20) MB of DOT too (Graphviz may run for hours)."
    )
    var noSizeLimit = false

    func validate() throws {
        guard timeout.isFinite, timeout >= 0 else { throw ValidationError("--timeout must be 0 or more seconds") }
    }

    var limits: RenderLimits {
        RenderLimits(
            timeout: timeout > 0 ? timeout : nil,
            maxEdges: noSizeLimit ? nil : RenderLimits.defaultMaxEdges,
            maxDOTBytes: noSizeLimit ? nil : RenderLimits.defaultMaxDOTBytes)
    }

    /// The CLI's render worker with these limits.
    var worker: GraphvizWorker { renderWorker.with(limits: limits) }
}

extension RenderError {
    /// The message for the CLI: the library's description with the flags that act on it.
    var commandLineMessage: String {
        switch self {
        case let .timedOut(engine, _, _):
            description + " (" + (engine == .sfdp ? "" : "--engine sfdp; ")
                + "--timeout SECONDS to wait longer, 0 for no limit; `backchannel reach --from ID --format svg` for one node's neighbourhood)"
        case .tooLarge:
            description
                + " (`backchannel reach --from ID --radius 1 --format svg` with --kinds, --relations, --tracks or --years; `backchannel overview` for one view per conflict; --no-size-limit to lay out everything anyway)"
        case .layout(.dot, _):
            description + " (--engine sfdp)"
        case let .crashed(engine, _):
            description + " (" + RenderError.others(than: engine).map { "--engine \($0.rawValue)" }.joined(separator: ", ") + ")"
        default:
            description
        }
    }
}
