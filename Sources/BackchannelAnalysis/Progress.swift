import Synchronization

/// Told how far a long computation has come: `done` of `total` steps (sources searched). Called from
/// any thread, at most every ``ProgressCounter/stride`` steps per lane.
public typealias ProgressHandler = @Sendable (_ done: Int, _ total: Int) -> Void

/// Counts steps across lanes and forwards them to a ``ProgressHandler``.
final class ProgressCounter: Sendable {
    static let stride = 32
    private let done = Atomic<Int>(0)
    let total: Int
    let handler: ProgressHandler?

    init(total: Int, handler: ProgressHandler?) {
        self.total = total
        self.handler = handler
    }

    /// Adds `steps`; reports when a handler is set.
    func advance(_ steps: Int) {
        guard let handler else { return }
        let now = done.add(steps, ordering: .relaxed).newValue
        handler(now, total)
    }
}
