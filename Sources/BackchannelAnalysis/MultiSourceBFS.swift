/// Breadth-first search from 64 sources at once, one bit per source in a machine word per node.
///
/// Each level ORs the frontier words of every node into its neighbours' next words; the bits new to
/// a node are the sources that reach it at this level. One pass over the arcs then serves 64
/// searches, which is what makes unweighted closeness and harmonic centrality fast: they need the
/// distance sums from every node, and the per-level work is shared by the batch.
///
/// Levels are visited in order, so per-source sums accumulated level by level add the same terms in
/// the same order as a single-source BFS that visits nodes level by level: results are bit for bit
/// those of one search per source.
///
/// - Complexity: O(⌈n/64⌉ · D · (n + m)) word operations for diameter D, plus one addition per
///   (source, reached node) pair; 3 words of scratch per node per thread.
/// - Reference: Then, M., Kaufmann, M., Chirigati, F., Hoang-Vu, T.-A., Pham, K., Kemper, A.,
///   Neumann, T. & Vo, H. T. (2014). The more the merrier: efficient multi-source graph traversal.
///   Proceedings of the VLDB Endowment 8(4), 449–460. doi:10.14778/2735496.2735507
struct MultiSourceBFS {
    let n: Int
    private var seen: [UInt64]
    private var frontier: [UInt64]
    private var next: [UInt64]

    init(n: Int) {
        self.n = n
        seen = [UInt64](repeating: 0, count: n)
        frontier = [UInt64](repeating: 0, count: n)
        next = [UInt64](repeating: 0, count: n)
    }

    /// Runs from `sources` (at most 64) along the arcs `offsets`/`targets`, calling
    /// `reached(level, bits)` for every node newly reached at `level` by the sources whose bits
    /// (bit i for `sources[i]`) are set. Level 0 is each source itself.
    mutating func run(
        from sources: ArraySlice<Int>, offsets: UnsafeBufferPointer<Int32>, targets: UnsafeBufferPointer<Int32>,
        _ reached: (_ level: Int, _ bits: UInt64) -> Void
    ) {
        precondition(sources.count <= 64)
        for v in 0..<n {
            seen[v] = 0
            frontier[v] = 0
            next[v] = 0
        }
        for (i, s) in sources.enumerated() {
            let bit = UInt64(1) << UInt64(i)
            seen[s] |= bit
            frontier[s] |= bit
        }
        for (i, _) in sources.enumerated() { reached(0, UInt64(1) << UInt64(i)) }
        var level = 0
        seen.withUnsafeMutableBufferPointer { seen in
            frontier.withUnsafeMutableBufferPointer { frontier in
                next.withUnsafeMutableBufferPointer { next in
                    while true {
                        level += 1
                        for v in 0..<n {
                            let bits = frontier[v]
                            if bits == 0 { continue }
                            for k in Int(offsets[v])..<Int(offsets[v + 1]) { next[Int(targets[k])] |= bits }
                        }
                        var any = false
                        for w in 0..<n {
                            let fresh = next[w] & ~seen[w]
                            next[w] = 0
                            frontier[w] = fresh
                            if fresh != 0 {
                                seen[w] |= fresh
                                any = true
                                reached(level, fresh)
                            }
                        }
                        if !any { return }
                    }
                }
            }
        }
    }
}

/// Unweighted incoming-distance sums from every node with ``MultiSourceBFS``, in batches of 64
/// sources spread over lanes, mapped to one score per node by `score(reached, sumOfDistances,
/// sumOfReciprocals)` (`reached` counts the node itself).
func multiSourceIncomingSums(
    _ graph: CompactGraph, progress: ProgressHandler?, _ score: (_ reached: Int, _ total: Double, _ harmonic: Double) -> Double
) -> [Double] {
    let n = graph.nodeCount
    guard n > 0 else { return [] }
    let batches = (n + 63) / 64
    let lanes = min(BetweennessCentrality.defaultLanes, batches)
    let result = SharedBuffer<Double>(repeating: 0, count: n)
    let counter = ProgressCounter(total: n, handler: progress)
    graph.inOffsets.withUnsafeBufferPointer { offsets in
        graph.inSources.withUnsafeBufferPointer { sources in
            forEachLane(lanes) { lane in
                var bfs = MultiSourceBFS(n: n)
                var reached = [Int](repeating: 0, count: 64)
                var total = [Double](repeating: 0, count: 64)
                var harmonic = [Double](repeating: 0, count: 64)
                var batch = lane
                while batch < batches {
                    let range = (batch * 64)..<min(n, batch * 64 + 64)
                    for i in 0..<64 {
                        reached[i] = 0
                        total[i] = 0
                        harmonic[i] = 0
                    }
                    let nodes = Array(range)
                    bfs.run(from: nodes[...], offsets: offsets, targets: sources) { level, bits in
                        let d = Double(level), inverse = level > 0 ? 1 / Double(level) : 0
                        var b = bits
                        while b != 0 {
                            let i = b.trailingZeroBitCount
                            reached[i] += 1
                            if level > 0 {
                                total[i] += d
                                harmonic[i] += inverse
                            }
                            b &= b &- 1
                        }
                    }
                    for (i, u) in range.enumerated() { result.pointer[u] = score(reached[i], total[i], harmonic[i]) }
                    counter.advance(range.count)
                    batch += lanes
                }
            }
        }
    }
    return result.array
}
