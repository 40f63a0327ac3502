import Synchronization

/// Breadth-first search from 256 sources at once, one bit per source in four machine words per node.
///
/// Each level finds, for every node w not yet reached by every source, the sources new to it: the
/// OR of its in-neighbours' frontier words, less what w has seen. That is a *pull* step, and it
/// stops reading w's in-neighbours as soon as every source has reached w. While the frontier is
/// small (the first level or two), a *push* step is cheaper: every frontier node ORs its words into
/// its out-neighbours'. Each level takes whichever of the two reads fewer arcs; both find the same
/// bits. One pass over the arcs then serves 256 searches.
///
/// The bits new to w at level ℓ are the batch's sources s with d(s, w) = ℓ, so w's *incoming*
/// distance sums grow by ℓ·k and k/ℓ for their count k (a population count). Closeness and harmonic
/// centrality need exactly these sums, with no per-source work: the sums live with the reached node,
/// not with the source, and every batch adds to them.
///
/// - Complexity: O(⌈s/256⌉ · D · (n + m)) word operations for s sources and D levels (the
///   eccentricity, or the depth limit when smaller), plus one population count per (node, level);
///   12 words of scratch per node per thread, and 4 words of sums per node per thread.
/// - Reference: Then, M., Kaufmann, M., Chirigati, F., Hoang-Vu, T.-A., Pham, K., Kemper, A.,
///   Neumann, T. & Vo, H. T. (2014). The more the merrier: efficient multi-source graph traversal.
///   Proceedings of the VLDB Endowment 8(4), 449–460. doi:10.14778/2735496.2735507. The choice of
///   direction per level follows Beamer, Asanović & Patterson (2012), Direction-optimizing
///   breadth-first search, SC '12. doi:10.1109/SC.2012.50
struct MultiSourceBFS {
    /// One bit per source of a batch.
    typealias Word = SIMD4<UInt64>
    /// Sources per batch.
    static let width = Word.scalarCount * 64

    let n: Int
    private var seen: [Word]
    private var frontier: [Word]
    private var next: [Word]

    init(n: Int) {
        self.n = n
        seen = [Word](repeating: .zero, count: n)
        frontier = [Word](repeating: .zero, count: n)
        next = [Word](repeating: .zero, count: n)
    }

    /// Runs from the nodes `sources` (at most ``width`` distinct nodes) along the arcs of `graph`,
    /// at most `maxLevel` steps out, adding every reached node's incoming distances from them to
    /// `sums`.
    mutating func run(
        from sources: ArraySlice<Int32>, graph: Arcs, maxLevel: Int = .max, into sums: inout IncomingSums
    ) {
        precondition(sources.count <= Self.width)
        var full = Word.zero
        for i in 0..<sources.count { full[i / 64] |= UInt64(1) << UInt64(i % 64) }
        seen.withUnsafeMutableBufferPointer { seen in
            frontier.withUnsafeMutableBufferPointer { frontierBuffer in
                next.withUnsafeMutableBufferPointer { nextBuffer in
                    // The two buffers trade roles after each pull level.
                    var frontier = frontierBuffer, next = nextBuffer
                    for v in 0..<n {
                        seen[v] = .zero
                        frontier[v] = .zero
                    }
                    var frontierArcs = 0
                    for (i, source) in sources.enumerated() {
                        let s = Int(source)
                        var bit = Word.zero
                        bit[i / 64] = UInt64(1) << UInt64(i % 64)
                        seen[s] |= bit
                        frontier[s] |= bit
                        sums.reached[s] += 1
                        frontierArcs += Int(graph.outOffsets[s + 1] - graph.outOffsets[s])
                    }
                    var openArcs = graph.arcCount
                    var level = 0
                    while frontierArcs > 0 && level < maxLevel {
                        level += 1
                        let l = level
                        let reciprocal = IncomingSums.reciprocal(of: l)
                        var nextFrontierArcs = 0
                        var nextOpenArcs = 0
                        if frontierArcs < openArcs / 4 {
                            // Push: the frontier is small.
                            for v in 0..<n { next[v] = .zero }
                            for v in 0..<n {
                                let bits = frontier[v]
                                if bits == .zero { continue }
                                for k in Int(graph.outOffsets[v])..<Int(graph.outOffsets[v + 1]) {
                                    next[Int(graph.outTargets[k])] |= bits
                                }
                            }
                            for w in 0..<n {
                                let fresh = next[w] & ~seen[w]
                                frontier[w] = fresh
                                if fresh == .zero {
                                    if seen[w] != full { nextOpenArcs += Int(graph.inOffsets[w + 1] - graph.inOffsets[w]) }
                                    continue
                                }
                                let s = seen[w] | fresh
                                seen[w] = s
                                sums.add(Self.count(fresh), at: w, level: l, reciprocal: reciprocal)
                                nextFrontierArcs += Int(graph.outOffsets[w + 1] - graph.outOffsets[w])
                                if s != full { nextOpenArcs += Int(graph.inOffsets[w + 1] - graph.inOffsets[w]) }
                            }
                        } else {
                            // Pull: every node not yet reached by every source ORs its in-neighbours'
                            // frontier words, stopping once it would be.
                            for w in 0..<n {
                                let s = seen[w]
                                if s == full {
                                    next[w] = .zero
                                    continue
                                }
                                var acc = Word.zero
                                for k in Int(graph.inOffsets[w])..<Int(graph.inOffsets[w + 1]) {
                                    acc |= frontier[Int(graph.inSources[k])]
                                    if (acc | s) == full { break }
                                }
                                let fresh = acc & ~s
                                next[w] = fresh
                                if fresh == .zero {
                                    nextOpenArcs += Int(graph.inOffsets[w + 1] - graph.inOffsets[w])
                                    continue
                                }
                                seen[w] = s | fresh
                                sums.add(Self.count(fresh), at: w, level: l, reciprocal: reciprocal)
                                nextFrontierArcs += Int(graph.outOffsets[w + 1] - graph.outOffsets[w])
                                if (s | fresh) != full { nextOpenArcs += Int(graph.inOffsets[w + 1] - graph.inOffsets[w]) }
                            }
                            swap(&frontier, &next)  // the local buffers, not the arrays
                        }
                        frontierArcs = nextFrontierArcs
                        openArcs = nextOpenArcs
                    }
                }
            }
        }
    }

    @inline(__always)
    static func count(_ w: Word) -> Int {
        var c = 0
        for i in 0..<Word.scalarCount { c &+= w[i].nonzeroBitCount }
        return c
    }

    /// The out- and in-arcs a search reads, as raw buffers.
    struct Arcs {
        let outOffsets: UnsafeBufferPointer<Int32>
        let outTargets: UnsafeBufferPointer<Int32>
        let inOffsets: UnsafeBufferPointer<Int32>
        let inSources: UnsafeBufferPointer<Int32>
        var arcCount: Int { outTargets.count }

        /// The same arcs, each turned around.
        var reversed: Arcs {
            Arcs(outOffsets: inOffsets, outTargets: inSources, inOffsets: outOffsets, inSources: outTargets)
        }
    }
}

/// Every node's incoming distance sums, exact whatever the order they are added in: the number of
/// sources reaching it (itself included when it is one), the sum of their distances (an integer),
/// and the sum of their reciprocals in fixed point with ``fractionBits`` fractional bits (each term
/// is rounded down by less than 2⁻⁷⁶, so n terms err by less than n·2⁻⁷⁶ in all, far below a
/// Double's precision).
/// Integer sums make the result the same for every thread count and batch order.
struct IncomingSums {
    static let fractionBits = 76
    var reached: [Int]
    var total: [Int]
    var harmonic: [UInt128]

    init(n: Int) {
        reached = [Int](repeating: 0, count: n)
        total = [Int](repeating: 0, count: n)
        harmonic = [UInt128](repeating: 0, count: n)
    }

    /// ⌊2⁷⁶ / ℓ⌋.
    static func reciprocal(of level: Int) -> UInt128 { (UInt128(1) << UInt128(fractionBits)) / UInt128(level) }

    @inline(__always)
    mutating func add(_ count: Int, at node: Int, level: Int, reciprocal: UInt128) {
        reached[node] &+= count
        total[node] &+= count &* level
        harmonic[node] &+= reciprocal &* UInt128(count)
    }

    mutating func add(_ other: IncomingSums) {
        for v in reached.indices {
            reached[v] &+= other.reached[v]
            total[v] &+= other.total[v]
            harmonic[v] &+= other.harmonic[v]
        }
    }

    /// The reciprocal sum of `node` as a Double (rounded once, from the exact fixed-point sum).
    func harmonicValue(_ node: Int) -> Double {
        Double(harmonic[node]) * Double(sign: .plus, exponent: -Self.fractionBits, significand: 1)
    }
}

/// Unweighted incoming-distance sums to every node with ``MultiSourceBFS``, in batches of 256
/// sources taken by the threads in turn, mapped to one score per node by `score(reached,
/// sumOfDistances, sumOfReciprocals)` (`reached` counts the node itself). The sums are integers
/// (the reciprocals in fixed point), so scores do not depend on the number of threads.
func multiSourceIncomingSums(
    _ graph: CompactGraph, progress: ProgressHandler?, _ score: (_ reached: Int, _ total: Double, _ harmonic: Double) -> Double
) -> [Double] {
    // Batches of sources near one another (consecutive in a breadth-first order) reach each node
    // over a narrower band of levels, so nodes are reached by the whole batch sooner.
    let sums = multiSourceIncomingSums(graph, from: breadthFirstOrder(graph), progress: progress)
    return (0..<graph.nodeCount).map { u in score(sums.reached[u], Double(sums.total[u]), sums.harmonicValue(u)) }
}

/// Every node's unweighted incoming-distance sums from the distinct nodes `sources`, within
/// `maxLevel` steps, with ``MultiSourceBFS`` in batches of 256 consecutive sources taken by the
/// threads in turn. With `reversed`, arcs are followed against their direction, so a node's sums
/// are of its distances *to* the sources. Exact integers, the same for every thread count.
func multiSourceIncomingSums(
    _ graph: CompactGraph, from sources: [Int32], maxLevel: Int = .max, reversed: Bool = false,
    progress: ProgressHandler? = nil
) -> IncomingSums {
    let n = graph.nodeCount
    let width = MultiSourceBFS.width
    let batches = (sources.count + width - 1) / width
    guard batches > 0 else { return IncomingSums(n: n) }
    let lanes = min(analysisThreadCount, batches)
    let counter = ProgressCounter(total: sources.count, handler: progress)
    let nextBatch = Atomic<Int>(0)
    let laneSums = SharedBuffer<IncomingSums?>(repeating: nil, count: lanes)
    graph.outOffsets.withUnsafeBufferPointer { outOffsets in
        graph.outTargets.withUnsafeBufferPointer { outTargets in
            graph.inOffsets.withUnsafeBufferPointer { inOffsets in
                graph.inSources.withUnsafeBufferPointer { inSources in
                    let forward = MultiSourceBFS.Arcs(
                        outOffsets: outOffsets, outTargets: outTargets, inOffsets: inOffsets, inSources: inSources)
                    let arcs = reversed ? forward.reversed : forward
                    forEachLane(lanes) { lane in
                        var bfs = MultiSourceBFS(n: n)
                        var sums = IncomingSums(n: n)
                        while true {
                            let batch = nextBatch.wrappingAdd(1, ordering: .relaxed).oldValue
                            if batch >= batches { break }
                            let range = (batch * width)..<min(sources.count, batch * width + width)
                            bfs.run(from: sources[range], graph: arcs, maxLevel: maxLevel, into: &sums)
                            counter.advance(range.count)
                        }
                        laneSums.pointer[lane] = sums
                    }
                }
            }
        }
    }
    var sums = laneSums.pointer[0]!
    for lane in 1..<lanes { sums.add(laneSums.pointer[lane]!) }
    return sums
}

/// Every node once: breadth-first along arcs in either direction from each not yet visited node in
/// index order.
func breadthFirstOrder(_ graph: CompactGraph) -> [Int32] {
    let n = graph.nodeCount
    var order = [Int32]()
    order.reserveCapacity(n)
    var visited = [Bool](repeating: false, count: n)
    func visit(_ v: Int, _ offsets: [Int32], _ ends: [Int32]) {
        for k in Int(offsets[v])..<Int(offsets[v + 1]) {
            let w = Int(ends[k])
            if !visited[w] {
                visited[w] = true
                order.append(Int32(w))
            }
        }
    }
    for root in 0..<n where !visited[root] {
        visited[root] = true
        var head = order.count
        order.append(Int32(root))
        while head < order.count {
            let v = Int(order[head])
            head += 1
            visit(v, graph.outOffsets, graph.outTargets)
            visit(v, graph.inOffsets, graph.inSources)
        }
    }
    return order
}
