import Dispatch
import Synchronization

/// How many threads parallel measures use: every core, unless ``AnalysisThreads/limit(to:)`` says
/// fewer. Results do not depend on it: work is split into a fixed number of lanes whatever the
/// thread count, and lanes are summed in lane order.
public var analysisThreadCount: Int { AnalysisThreads.count }

/// The process-wide thread limit for parallel measures (`--threads N` on the command line).
public enum AnalysisThreads {
    private static let limit = Atomic<Int>(0)

    /// Threads in use: the limit if one is set, else every core.
    public static var count: Int {
        let l = limit.load(ordering: .relaxed)
        return l > 0 ? l : max(1, System.coreCount)
    }

    /// Uses at most `threads` threads from now on; nil (or 0) restores every core.
    ///
    /// - Throws: ``AnalysisError/invalidParameter(name:value:reason:)`` for a negative count.
    public static func limit(to threads: Int?) throws(AnalysisError) {
        if let threads, threads < 0 {
            throw .invalidParameter(name: "threads", value: String(threads), reason: "must be at least 1")
        }
        limit.store(threads ?? 0, ordering: .relaxed)
    }
}

enum System {
    static let coreCount: Int = {
        #if canImport(Glibc)
            return Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #else
            return 1
        #endif
    }()
}

#if canImport(Glibc)
    import Glibc
#endif

/// Runs `body(lane)` for `lanes` lanes on at most ``analysisThreadCount`` threads (lane i on thread
/// i mod threads). Each lane owns its scratch space, so results that are summed lane by lane in
/// lane order are the same whatever the number of cores or threads.
func forEachLane(_ lanes: Int, _ body: (Int) -> Void) {
    let threads = min(lanes, analysisThreadCount)
    if threads <= 1 {
        for lane in 0..<lanes { body(lane) }
        return
    }
    // Lanes touch disjoint scratch and result slots (the callers' contract), so the closure is
    // safe to share across threads although the compiler cannot prove it.
    withoutActuallyEscaping(body) { escaping in
        let shared = unsafeBitCast(escaping, to: (@Sendable (Int) -> Void).self)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            var lane = thread
            while lane < lanes {
                shared(lane)
                lane += threads
            }
        }
    }
}

/// A pointer-backed buffer for results written from several lanes at disjoint indices.
final class SharedBuffer<T>: @unchecked Sendable {
    let pointer: UnsafeMutableBufferPointer<T>

    init(repeating value: T, count: Int) {
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: value)
    }

    deinit {
        pointer.deallocate()
    }

    var array: [T] { Array(pointer) }
}
