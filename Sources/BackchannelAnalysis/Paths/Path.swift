/// A path as node indices, with its length (hops, or the sum of arc lengths).
public struct Path: Sendable, Hashable {
    public var nodes: [Int]
    public var length: Double

    public init(nodes: [Int], length: Double) {
        self.nodes = nodes
        self.length = length
    }
}

/// Shared by the path algorithms: arcs as (offsets, targets, lengths) along out-arcs.
struct ArcView {
    let offsets: [Int32]
    let targets: [Int32]
    let lengths: [Double]?

    init(_ graph: CompactGraph, weight: WeightMode) {
        offsets = graph.outOffsets
        targets = graph.outTargets
        lengths = graph.lengths(weight)
    }

    func arcs(_ u: Int) -> Range<Int> { Int(offsets[u])..<Int(offsets[u + 1]) }
    func length(_ k: Int) -> Double { lengths?[k] ?? 1 }

    /// Dijkstra (or BFS when unweighted) from `source` avoiding `blockedNodes` and `blockedArcs`;
    /// returns distances and one predecessor arc per node (ties: the first found, lowest index).
    func search(from source: Int, blockedNodes: Set<Int> = [], blockedArcs: Set<Int> = []) -> (distance: [Double], parentArc: [Int]) {
        let n = offsets.count - 1
        var distance = [Double](repeating: .infinity, count: n)
        var parentArc = [Int](repeating: -1, count: n)
        var done = [Bool](repeating: false, count: n)
        distance[source] = 0
        var heap = [(Double, Int)]()
        func push(_ e: (Double, Int)) {
            heap.append(e)
            var i = heap.count - 1
            while i > 0 {
                let p = (i - 1) / 2
                if heap[p].0 < heap[i].0 || (heap[p].0 == heap[i].0 && heap[p].1 <= heap[i].1) { break }
                heap.swapAt(p, i)
                i = p
            }
        }
        func pop() -> (Double, Int) {
            let top = heap[0]
            let last = heap.removeLast()
            if !heap.isEmpty {
                heap[0] = last
                var i = 0
                while true {
                    var c = 2 * i + 1
                    if c >= heap.count { break }
                    if c + 1 < heap.count && (heap[c + 1].0 < heap[c].0 || (heap[c + 1].0 == heap[c].0 && heap[c + 1].1 < heap[c].1)) { c += 1 }
                    if heap[i].0 < heap[c].0 || (heap[i].0 == heap[c].0 && heap[i].1 <= heap[c].1) { break }
                    heap.swapAt(i, c)
                    i = c
                }
            }
            return top
        }
        push((0, source))
        while !heap.isEmpty {
            let (d, u) = pop()
            if done[u] || d > distance[u] { continue }
            done[u] = true
            for k in arcs(u) where !blockedArcs.contains(k) {
                let v = Int(targets[k])
                if blockedNodes.contains(v) || done[v] { continue }
                let alt = d + length(k)
                if alt < distance[v] {
                    distance[v] = alt
                    parentArc[v] = k
                    push((alt, v))
                }
            }
        }
        return (distance, parentArc)
    }

    /// The arc index of u → v, if any.
    func arc(_ u: Int, _ v: Int) -> Int? {
        arcs(u).first { Int(targets[$0]) == v }
    }

    func tail(ofArc k: Int) -> Int {
        // offsets are sorted: the row containing k.
        var lo = 0, hi = offsets.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(offsets[mid]) <= k { lo = mid } else { hi = mid - 1 }
        }
        // Skip empty rows that share the offset.
        while Int(offsets[lo + 1]) <= k { lo += 1 }
        return lo
    }

    func pathLength(_ nodes: [Int]) -> Double {
        zip(nodes, nodes.dropFirst()).reduce(0) { $0 + length(arc($1.0, $1.1)!) }
    }
}
