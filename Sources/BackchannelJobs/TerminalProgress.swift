import BackchannelAnalysis
import Foundation
import Synchronization

/// A progress bar on stderr for long work, shown only when stderr is a terminal and `CI` is not set,
/// so pipes, files and CI logs stay clean. At most ten redraws a second; ``finish()`` clears the line.
public final class TerminalProgress: Sendable {
    private let label: String
    private let lastDraw = Atomic<Int>(0)
    private let drawn = Atomic<Bool>(false)

    /// A bar for `label`, or nil when stderr is not a terminal or this is CI.
    public static func make(_ label: String) -> TerminalProgress? {
        guard isatty(STDERR_FILENO) != 0, ProcessInfo.processInfo.environment["CI"] == nil else { return nil }
        return TerminalProgress(label: label)
    }

    private init(label: String) {
        self.label = label
    }

    public var handler: ProgressHandler {
        { [self] done, total in self.update(done, total) }
    }

    private func update(_ done: Int, _ total: Int) {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let ms = Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
        let last = lastDraw.load(ordering: .relaxed)
        guard ms - last >= 100, lastDraw.compareExchange(expected: last, desired: ms, ordering: .relaxed).exchanged else { return }
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(Int(fraction * 100))%  \(done)/\(total)".utf8))
        drawn.store(true, ordering: .relaxed)
    }

    /// Clears the bar's line.
    public func finish() {
        if drawn.load(ordering: .relaxed) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
