/// Which arcs a search may take, and what it is told when it improves a node: the path algorithms'
/// blocked nodes and arcs (Yen) and predecessor arcs. ``ShortestPathSearch`` is specialized on it, so
/// the unfiltered search (betweenness, closeness) pays nothing.
protocol ArcFilter {
    /// Whether the search may take arc `k` into node `w`.
    func allows(arc k: Int, to w: Int) -> Bool
    /// The search found a shorter way to `w`, ending with arc `k`.
    func improved(_ w: Int, via k: Int)
}

/// Takes every arc and records nothing.
struct EveryArc: ArcFilter {
    @inline(__always) func allows(arc k: Int, to w: Int) -> Bool { true }
    @inline(__always) func improved(_ w: Int, via k: Int) {}
}

/// The one single-source shortest-path core (BFS or Dijkstra) of every analysis: per-thread scratch
/// space reused across sources so the inner loops never allocate. Betweenness, closeness, harmonic,
/// reach and the path algorithms (``ShortestPath``, ``AllShortestPaths``, ``KShortestPaths``) all
/// run on it.
///
/// After ``run(from:)`` the reached nodes are `order[0..<reached]` in non-decreasing distance, with
/// `distance` and `sigma` (the number of shortest paths from the source) set for each; every other
/// node has distance `+inf`. The next run resets only what the previous one touched.
final class ShortestPathSearch {
    let n: Int
    let offsets: UnsafeBufferPointer<Int32>
    let targets: UnsafeBufferPointer<Int32>
    /// nil for unit lengths (breadth-first search).
    let lengths: UnsafeBufferPointer<Double>?

    let distance: UnsafeMutableBufferPointer<Double>
    let sigma: UnsafeMutableBufferPointer<Double>
    let order: UnsafeMutableBufferPointer<Int32>
    private(set) var reached = 0

    // Binary heap of (distance, node) for Dijkstra, with lazy deletion.
    private var heapKeys: UnsafeMutableBufferPointer<Double>
    private var heapNodes: UnsafeMutableBufferPointer<Int32>
    private var heapCount = 0
    private let done: UnsafeMutableBufferPointer<Bool>

    /// Searches along `offsets`/`targets` (out-arcs, or in-arcs for a reversed search).
    /// The buffers must outlive the search.
    init(n: Int, offsets: UnsafeBufferPointer<Int32>, targets: UnsafeBufferPointer<Int32>, lengths: UnsafeBufferPointer<Double>?) {
        self.n = n
        self.offsets = offsets
        self.targets = targets
        self.lengths = lengths
        distance = .allocate(capacity: n)
        distance.initialize(repeating: .infinity)
        sigma = .allocate(capacity: n)
        sigma.initialize(repeating: 0)
        order = .allocate(capacity: max(n, 1))
        order.initialize(repeating: 0)
        let heapCapacity = lengths == nil ? 1 : max(targets.count + 1, 1)
        heapKeys = .allocate(capacity: heapCapacity)
        heapNodes = .allocate(capacity: heapCapacity)
        done = .allocate(capacity: n)
        done.initialize(repeating: false)
    }

    deinit {
        distance.deallocate()
        sigma.deallocate()
        order.deallocate()
        heapKeys.deallocate()
        heapNodes.deallocate()
        done.deallocate()
    }

    private func reset() {
        if lengths == nil {
            // A breadth-first search sets sigma when it first reaches a node and never reads `done`.
            for i in 0..<reached { distance[Int(order[i])] = .infinity }
        } else {
            for i in 0..<reached {
                let v = Int(order[i])
                distance[v] = .infinity
                sigma[v] = 0
                done[v] = false
            }
        }
        reached = 0
    }

    /// One search from `source`; with `countPaths` false, `sigma` is not maintained.
    func run(from source: Int, countPaths: Bool = true) {
        reset()
        if lengths == nil { bfs(source, countPaths) } else { dijkstra(source, countPaths, EveryArc()) }
    }

    /// A Dijkstra search from `source` (unit lengths count as 1 each: the search needs `lengths`)
    /// that takes only the arcs `filter` allows and tells it each improvement; ties between equal
    /// distances go to the lower node index, and a node's recorded arc is the first that reached it.
    func run<F: ArcFilter>(from source: Int, filter: F) {
        precondition(lengths != nil, "a filtered search runs Dijkstra")
        reset()
        dijkstra(source, false, filter)
    }

    private func bfs(_ source: Int, _ countPaths: Bool) {
        distance[source] = 0
        sigma[source] = 1
        order[0] = Int32(source)
        reached = 1
        var head = 0
        while head < reached {
            let v = Int(order[head])
            head += 1
            let dv = distance[v]
            let sv = sigma[v]
            let end = Int(offsets[v + 1])
            var k = Int(offsets[v])
            while k < end {
                let w = Int(targets[k])
                let dw = distance[w]
                if dw == .infinity {
                    distance[w] = dv + 1
                    order[reached] = Int32(w)
                    reached += 1
                    if countPaths { sigma[w] = sv }
                } else if countPaths && dw == dv + 1 {
                    sigma[w] += sv
                }
                k += 1
            }
        }
    }

    @inline(__always)
    private func dijkstra<F: ArcFilter>(_ source: Int, _ countPaths: Bool, _ filter: F) {
        let lengths = lengths!
        distance[source] = 0
        sigma[source] = 1
        heapCount = 0
        push(0, Int32(source))
        // Lengths are positive, so every node seen is finalized before the heap empties: the
        // finalized prefix of `order` is every node touched, which is what reset() clears.
        var finalized = 0
        while heapCount > 0 {
            let (dv, v32) = pop()
            let v = Int(v32)
            if done[v] || dv > distance[v] { continue }
            done[v] = true
            order[finalized] = v32
            finalized += 1
            let sv = sigma[v]
            let end = Int(offsets[v + 1])
            var k = Int(offsets[v])
            while k < end {
                let w = Int(targets[k])
                if !done[w] && filter.allows(arc: k, to: w) {
                    let alt = dv + lengths[k]
                    let dw = distance[w]
                    if alt < dw {
                        distance[w] = alt
                        filter.improved(w, via: k)
                        if countPaths { sigma[w] = sv }
                        push(alt, Int32(w))
                    } else if countPaths && alt == dw {
                        sigma[w] += sv
                    }
                }
                k += 1
            }
        }
        reached = finalized
    }

    private func push(_ key: Double, _ node: Int32) {
        var i = heapCount
        heapCount += 1
        while i > 0 {
            let parent = (i - 1) >> 1
            let pk = heapKeys[parent]
            if pk < key || (pk == key && heapNodes[parent] <= node) { break }
            heapKeys[i] = pk
            heapNodes[i] = heapNodes[parent]
            i = parent
        }
        heapKeys[i] = key
        heapNodes[i] = node
    }

    private func pop() -> (Double, Int32) {
        let top = (heapKeys[0], heapNodes[0])
        heapCount -= 1
        if heapCount > 0 {
            let key = heapKeys[heapCount]
            let node = heapNodes[heapCount]
            var i = 0
            while true {
                var child = 2 * i + 1
                if child >= heapCount { break }
                if child + 1 < heapCount {
                    let a = heapKeys[child], b = heapKeys[child + 1]
                    if b < a || (b == a && heapNodes[child + 1] < heapNodes[child]) { child += 1 }
                }
                let ck = heapKeys[child]
                if key < ck || (key == ck && node <= heapNodes[child]) { break }
                heapKeys[i] = ck
                heapNodes[i] = heapNodes[child]
                i = child
            }
            heapKeys[i] = key
            heapNodes[i] = node
        }
        return top
    }
}
