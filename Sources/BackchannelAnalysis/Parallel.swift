import Dispatch

/// How many threads parallel measures use: every core.
public var analysisThreadCount: Int { max(1, System.coreCount) }

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

/// Runs `body(lane)` for `lanes` lanes on all cores. Each lane owns its scratch space, so results
/// that are summed lane by lane in lane order are the same whatever the number of cores.
func forEachLane(_ lanes: Int, _ body: (Int) -> Void) {
    if lanes == 1 {
        body(0)
        return
    }
    // Lanes touch disjoint scratch and result slots (the callers' contract), so the closure is
    // safe to share across threads although the compiler cannot prove it.
    withoutActuallyEscaping(body) { escaping in
        let shared = unsafeBitCast(escaping, to: (@Sendable (Int) -> Void).self)
        DispatchQueue.concurrentPerform(iterations: lanes, execute: shared)
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
