/// Unweighted Brandes from one source at a time, with each node's level and path count in one
/// 16-byte record, so that every arc a search follows touches one cache line.
///
/// The forward pass is a breadth-first search along out-arcs: `level(w) = level(v) + 1` and
/// `σ(w) = Σ σ(v)` over the arcs `v → w` between consecutive levels, in the order
/// ``ShortestPathSearch`` visits them (the same sums, bit for bit). The backward pass visits the
/// reached nodes in reverse order and pulls along out-arcs:
/// `δ(v) = σ(v) · Σ_{w: level(w) = level(v) + 1} (c(w) + δ(w)) / σ(w)`, replacing σ(v) by
/// `(c(v) + δ(v)) / σ(v)` in the record once it is final; every node a later pull reads lies one
/// level further, so it is final by then.
///
/// - Complexity: O(n + m) per source; 16 bytes per node plus the search order.
/// - Reference: Brandes, U. (2001). A faster algorithm for betweenness centrality. Journal of
///   Mathematical Sociology 25(2), 163–177. doi:10.1080/0022250X.2001.9990249
final class BreadthFirstBrandes {
    struct Record {
        /// -1: not reached.
        var level: Int32
        /// σ after the forward pass; (c + δ) / σ once the backward pass has passed the node.
        var value: Double
    }

    let n: Int
    let offsets: UnsafeBufferPointer<Int32>
    let targets: UnsafeBufferPointer<Int32>
    private let records: UnsafeMutableBufferPointer<Record>
    private let order: UnsafeMutableBufferPointer<Int32>
    private var reached = 0

    /// Searches along `offsets`/`targets`, which must outlive the search.
    init(n: Int, offsets: UnsafeBufferPointer<Int32>, targets: UnsafeBufferPointer<Int32>) {
        self.n = n
        self.offsets = offsets
        self.targets = targets
        records = .allocate(capacity: n)
        records.initialize(repeating: Record(level: -1, value: 0))
        order = .allocate(capacity: max(n, 1))
        order.initialize(repeating: 0)
    }

    deinit {
        records.deallocate()
        order.deallocate()
    }

    /// The forward pass from `source`.
    func run(from source: Int) {
        for i in 0..<reached { records[Int(order[i])].level = -1 }
        records[source] = Record(level: 0, value: 1)
        order[0] = Int32(source)
        reached = 1
        var head = 0
        while head < reached {
            let v = Int(order[head])
            head += 1
            let next = records[v].level + 1
            let sv = records[v].value
            let end = Int(offsets[v + 1])
            var k = Int(offsets[v])
            while k < end {
                let w = Int(targets[k])
                let lw = records[w].level
                if lw < 0 {
                    records[w] = Record(level: next, value: sv)
                    order[reached] = Int32(w)
                    reached += 1
                } else if lw == next {
                    records[w].value += sv
                }
                k += 1
            }
        }
    }

    /// The backward pass after ``run(from:)`` from `source`: for every reached `v ≠ source`,
    /// `acc(v) += weight · (δ(v) + extra(v))`, and `inReach(v) += weight` where `c(v) > 1`.
    /// Returns Σ c(v) over the reached `v ≠ source`.
    func accumulate(
        source: Int, weight: Double, c: UnsafeBufferPointer<Double>, extra: UnsafeBufferPointer<Double>,
        into acc: UnsafeMutableBufferPointer<Double>, inReach: UnsafeMutableBufferPointer<Double>?
    ) -> Double {
        var reachSum = 0.0
        var j = reached - 1
        while j >= 0 {
            let v = Int(order[j])
            let next = records[v].level + 1
            var sum = 0.0
            let end = Int(offsets[v + 1])
            var k = Int(offsets[v])
            while k < end {
                let r = records[Int(targets[k])]
                if r.level == next { sum += r.value }
                k += 1
            }
            let sv = records[v].value
            let delta = sv * sum
            let cv = c[v]
            records[v].value = (cv + delta) / sv
            if v != source {
                acc[v] += weight * (delta + extra[v])
                reachSum += cv
                if let inReach, cv > 1 { inReach[v] += weight }
            }
            j -= 1
        }
        return reachSum
    }
}
