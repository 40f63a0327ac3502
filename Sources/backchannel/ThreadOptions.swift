import ArgumentParser
import BackchannelAnalysis

/// `--threads N`: how many threads the parallel measures use (default: every core). Results are the
/// same for every N: the work is split into a fixed number of lanes, summed in lane order.
struct ThreadOptions: ParsableArguments {
    @Option(help: "Threads for the parallel measures (default: every core); results are identical for every value.")
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, not \(threads)") }
    }

    /// Sets the process-wide limit before a measure runs.
    func apply() throws {
        try AnalysisThreads.limit(to: threads)
    }
}
