/// Unweighted Brandes from ``width`` sources at once: one level-synchronous breadth-first search
/// per batch, with each node's levels and values for the batch's sources side by side, so that an
/// arc is read once per level for all of them and the work on it is a few SIMD operations.
///
/// For source lanes `b` with sources `s_b`, every node v holds `level_b(v)` (+∞: not reached) and
/// `σ_b(v)`. The forward pass takes the levels in turn: each node v with some lane at level d
/// pushes, along each out-arc `v → w`, `σ_b(v)` for the lanes b with `level_b(v) = d` (0 in the
/// others) into w's incoming vector; then each w pushed into takes `level_b(w) = d + 1` and
/// `σ_b(w)` = what it received, in the lanes where it was not reached. The backward pass takes the
/// levels in reverse and pulls along out-arcs, lane by lane as ``BreadthFirstBrandes`` does:
/// `δ_b(v) = σ_b(v) · Σ_{w: level_b(w) = level_b(v) + 1} (c(w) + δ_b(w)) / σ_b(w)`, reading two
/// work arrays by level parity so that the pull needs no level test.
///
/// A node is listed once per distinct level it has among the lanes, so each batch reads a node's
/// arcs that many times (once when all its lanes share a level) instead of ``width`` times; the
/// caller groups sources that share their busiest out-neighbour into a batch
/// (``groupedSources(_:offsets:targets:)``) to keep that number low (on the seeded 10k-node actor
/// network, about 2.4 levels per node per batch of 8). A node reached in every lane is skipped by
/// later pushes. The path counts are the same integers as one search per source (exact below
/// 2⁵³); the dependencies differ from ``BreadthFirstBrandes`` only in summation order (1e-12
/// relative).
///
/// - Complexity: O(L · (n + m)) per batch, where L ≤ ``width`` is the largest number of distinct
///   levels a node has among the batch's lanes; 260 bytes per node (levels, σ, two work vectors,
///   a list mark) plus the level lists (at most (``width`` + 1) · n entries).
/// - Reference: Sariyüce, A. E., Saule, E., Kaya, K. & Çatalyürek, Ü. V. (2015). Regularizing
///   graph centrality computations. Journal of Parallel and Distributed Computing 76, 106–119.
///   doi:10.1016/j.jpdc.2014.07.006. Then, M., Kaufmann, M., Chirigati, F., Hoang-Vu, T.-A., Pham,
///   K., Kemper, A., Neumann, T. & Vo, H. T. (2014). The more the merrier: efficient multi-source
///   graph traversal. PVLDB 8(4), 449–460. doi:10.14778/2735496.2735507. Brandes, U. (2001).
///   doi:10.1080/0022250X.2001.9990249
final class BatchedBrandes {
    /// Sources per batch.
    static let width = 8
    /// The most nodes a graph may have for batches to pay. A batch keeps about 300 bytes per node;
    /// past this its scratch leaves the caches and one source at a time is faster (256 sampled
    /// sources, one thread, Benchmarks/backchannel-bench `--unbatched`: 30k nodes 0.29–0.37 s batched
    /// against 0.36–0.37 s; 50k 0.47–0.55 against 0.43–0.47; 100k 1.45–1.59 against 0.79–0.80).
    static let largestGraph = 40_000
    /// Per node and lane: a level (+∞: not reached; exact small integers, kept as `Double` so that
    /// level masks and value masks are the same type), σ (0: not reached), and the work values.
    typealias Lanes = SIMD8<Double>

    let n: Int
    let offsets: UnsafeBufferPointer<Int32>
    let targets: UnsafeBufferPointer<Int32>
    private let levels: UnsafeMutablePointer<Lanes>
    private let sigma: UnsafeMutablePointer<Lanes>
    /// Two work arrays, for even and odd levels (`work + (d & 1) · n`), 0 wherever not written.
    ///
    /// Forward, the even one holds the σ pushed into each node from the level being expanded
    /// (cleared once read). Backward, finishing level d writes `(c(v) + δ(v)) / σ(v)` into the
    /// lanes at level d of array d mod 2 and 0 into its other lanes, and the pulls of level d read
    /// array (d + 1) mod 2 with no test: along an arc `v → w` a lane has `level(w) ≤ level(v) + 1`;
    /// the lanes at level d + 1 hold their finished values there, and those at d − 1, d − 3, …
    /// are not written yet (the values overwritten, at d + 2, d + 4, …, are no longer read).
    private let work: UnsafeMutablePointer<Lanes>
    /// Per node: the last level it was listed at, −1 if none, or ``done`` once every lane has reached it.
    private let listed: UnsafeMutablePointer<Int32>
    private static let done = Int32.max
    /// The level lists one after another: level d is `order[levelStart[d]..<levelStart[d + 1]]`.
    private let order: UnsafeMutablePointer<Int32>
    private var levelStart: [Int] = []
    private var listedCount = 0
    /// Lanes in use in this batch.
    private(set) var count = 0
    private var sources = [Int](repeating: 0, count: BatchedBrandes.width)

    /// Searches along `offsets`/`targets`, which must outlive the search.
    init(n: Int, offsets: UnsafeBufferPointer<Int32>, targets: UnsafeBufferPointer<Int32>) {
        self.n = n
        self.offsets = offsets
        self.targets = targets
        precondition(Lanes.scalarCount == Self.width && Self.width == 8, "total(_:) sums 8 lanes")
        let size = max(n, 1)
        func lanes(_ value: Double, _ count: Int) -> UnsafeMutablePointer<Lanes> {
            // One cache line per node.
            let raw = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Lanes>.stride, alignment: 64)
            return raw.initializeMemory(as: Lanes.self, repeating: Lanes(repeating: value), count: count)
        }
        levels = lanes(.infinity, size)
        sigma = lanes(0, size)
        work = lanes(0, 2 * size)
        listed = .allocate(capacity: size)
        listed.initialize(repeating: -1, count: size)
        // Written before read: `listedCount` bounds what is read. A node is listed once per level
        // it has among the lanes, and a level's candidates never outnumber the nodes.
        order = .allocate(capacity: size * (Self.width + 1))
        levelStart.reserveCapacity(64)
    }

    deinit {
        UnsafeMutableRawPointer(levels).deallocate()
        UnsafeMutableRawPointer(sigma).deallocate()
        UnsafeMutableRawPointer(work).deallocate()
        listed.deallocate()
        order.deallocate()
    }

    /// The forward pass from `batch` (1 to ``width`` distinct nodes), lane b from `batch[b]`.
    func run<C: Collection<Int>>(from batch: C) {
        let zero = Lanes(repeating: 0)
        let odd = work + n
        for i in 0..<listedCount {
            let v = Int(order[i])
            levels[v] = Lanes(repeating: .infinity)
            sigma[v] = zero
            work[v] = zero
            odd[v] = zero
            listed[v] = -1
        }
        listedCount = 0
        levelStart.removeAll(keepingCapacity: true)
        levelStart.append(0)
        count = 0
        for s in batch {
            sources[count] = s
            levels[s][count] = 0
            sigma[s][count] = 1
            if listed[s] != 0 {
                listed[s] = 0
                order[listedCount] = Int32(s)
                listedCount += 1
            }
            count += 1
        }
        // A node is done once reached in every lane in use.
        var lane = Lanes(repeating: 0)
        for b in 0..<Self.width { lane[b] = Double(b) }
        let inUse = lane .< Lanes(repeating: Double(count))
        let unreached = Lanes(repeating: .infinity)
        var d: Int32 = 0
        var start = 0
        while start < listedCount {
            let end = listedCount
            let next = d + 1
            let here = Lanes(repeating: Double(d))
            // Push σ from the lanes at level d to every out-neighbour not yet done; list each once.
            for i in start..<end {
                let v = Int(order[i])
                let sv = zero.replacing(with: sigma[v], where: levels[v] .== here)
                let arcEnd = Int(offsets[v + 1])
                var k = Int(offsets[v])
                while k < arcEnd {
                    let w = Int(targets[k])
                    let state = listed[w]
                    if state == next {
                        work[w] += sv
                    } else if state != Self.done {
                        work[w] += sv
                        listed[w] = next
                        order[listedCount] = Int32(w)
                        listedCount += 1
                    }
                    k += 1
                }
            }
            // The lanes a neighbour is first reached in (σ ≥ 1 was pushed, level still +∞) take
            // level d + 1 and the pushed σ; neighbours reached in no new lane leave the list.
            var kept = end
            let nextLevel = Lanes(repeating: Double(next))
            for i in end..<listedCount {
                let w = Int(order[i])
                let pushed = work[w]
                work[w] = zero
                let lw = levels[w]
                // σ ≥ 1 in every lane pushed into, so the sum is positive iff some lane is fresh;
                // a sum of levels is finite iff every level is.
                let fresh = zero.replacing(with: pushed, where: lw .== unreached)
                if Self.total(fresh) > 0 {
                    sigma[w] += fresh
                    let level = lw.replacing(with: nextLevel, where: fresh .> zero)
                    levels[w] = level
                    order[kept] = Int32(w)
                    kept += 1
                    if Self.total(zero.replacing(with: level, where: inUse)) < .infinity { listed[w] = Self.done }
                } else if Self.total(zero.replacing(with: lw, where: inUse)) < .infinity {
                    listed[w] = Self.done
                } else {
                    listed[w] = -1
                }
            }
            listedCount = kept
            levelStart.append(end)
            start = end
            d = next
        }
    }

    /// The backward pass after ``run(from:)``: for every lane b and every node `v ≠ s_b` it reached,
    /// `acc(v) += weight(s_b) · (δ_b(v) + extra(v))`, and `inReach(v) += weight(s_b)` where
    /// `c(v) > 1` (both summed over the lanes in a fixed order). Returns, per lane, Σ c(v) over
    /// the reached `v ≠ s_b`.
    func accumulate(
        weights a: UnsafeBufferPointer<Double>, c: UnsafeBufferPointer<Double>, extra: UnsafeBufferPointer<Double>,
        into acc: UnsafeMutableBufferPointer<Double>, inReach: UnsafeMutableBufferPointer<Double>?
    ) -> Lanes {
        var weight = Lanes(repeating: 0)
        for b in 0..<count { weight[b] = a[sources[b]] }
        var reachSum = Lanes(repeating: 0)
        let zero = Lanes(repeating: 0)
        // Level 0 holds only the sources, whose work values no pull reads.
        var d = levelStart.count - 2
        while d >= 1 {
            let here = Lanes(repeating: Double(d))
            let finished = work + (d & 1) * n
            let successors = work + ((d + 1) & 1) * n
            for i in levelStart[d]..<levelStart[d + 1] {
                let v = Int(order[i])
                var sum = zero
                let arcEnd = Int(offsets[v + 1])
                var k = Int(offsets[v])
                while k < arcEnd {
                    sum += successors[Int(targets[k])]
                    k += 1
                }
                let atLevel = levels[v] .== here
                let sv = sigma[v]
                let delta = sv * sum
                let cv = c[v]
                finished[v] = zero.replacing(with: (cv + delta) / sv, where: atLevel)
                let gain = zero.replacing(with: weight * (delta + extra[v]), where: atLevel)
                acc[v] += Self.total(gain)
                reachSum += zero.replacing(with: Lanes(repeating: cv), where: atLevel)
                if let inReach, cv > 1 { inReach[v] += Self.total(zero.replacing(with: weight, where: atLevel)) }
            }
            d -= 1
        }
        return reachSum
    }

    /// The lanes' sum, in a fixed order (halves, then halves again; written for ``width`` = 8).
    @inline(__always) static func total(_ x: Lanes) -> Double {
        let four = x.lowHalf + x.highHalf
        let two = four.lowHalf + four.highHalf
        return two[0] + two[1]
    }

    /// `sources` reordered so that a batch of ``width`` consecutive ones lies close together: by
    /// their *hub*, the out-neighbour with the most out-arcs (ties: the lower index), hubs with more
    /// out-arcs first, then by index; sources without out-arcs last. Most shortest paths from a
    /// source run through its hub, so sources sharing one have nearly the same distances and share
    /// levels. O(n + m + k log k) for k sources.
    static func groupedSources(_ sources: [Int], offsets: UnsafeBufferPointer<Int32>, targets: UnsafeBufferPointer<Int32>) -> [Int] {
        func degree(_ v: Int) -> Int { Int(offsets[v + 1] - offsets[v]) }
        func key(_ s: Int) -> (Int, Int, Int) {
            var hub = -1
            for k in Int(offsets[s])..<Int(offsets[s + 1]) {
                let u = Int(targets[k])
                if hub < 0 || degree(u) > degree(hub) || (degree(u) == degree(hub) && u < hub) { hub = u }
            }
            return hub < 0 ? (1, 0, s) : (0, -degree(hub), hub)
        }
        return sources.map { (key($0), $0) }.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map(\.1)
    }
}
