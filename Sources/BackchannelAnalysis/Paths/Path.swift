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

    init(_ graph: CompactGraph, weight: WeightMode) throws(AnalysisError) {
        offsets = graph.outOffsets
        targets = graph.outTargets
        lengths = try graph.lengths(weight)
    }

    /// Checks a path query's end points.
    static func check(_ graph: CompactGraph, source: Int, target: Int) throws(AnalysisError) {
        try Check.node(source, "source", nodeCount: graph.nodeCount)
        try Check.node(target, "target", nodeCount: graph.nodeCount)
    }

    func arcs(_ u: Int) -> Range<Int> { Int(offsets[u])..<Int(offsets[u + 1]) }
    func length(_ k: Int) -> Double { lengths?[k] ?? 1 }

    /// Dijkstra from `source` on the shared ``ShortestPathSearch`` core (unit lengths when
    /// unweighted), avoiding `blockedNodes` and `blockedArcs`; returns distances and one predecessor
    /// arc per node (-1 where none; ties: the first found, lowest node index first).
    ///
    /// - Complexity: O(m log m) time, O(n + m) memory.
    func search(from source: Int, blockedNodes: [Bool]? = nil, blockedArcs: [Bool]? = nil) -> (distance: [Double], parentArc: [Int]) {
        let n = offsets.count - 1
        let unit = lengths == nil ? [Double](repeating: 1, count: targets.count) : nil
        var parentArc = [Int](repeating: -1, count: n)
        let distance = offsets.withUnsafeBufferPointer { o in
            targets.withUnsafeBufferPointer { t in
                (lengths ?? unit!).withUnsafeBufferPointer { l in
                    parentArc.withUnsafeMutableBufferPointer { parent in
                        let search = ShortestPathSearch(n: n, offsets: o, targets: t, lengths: l)
                        if blockedNodes == nil && blockedArcs == nil {
                            search.run(from: source, filter: Recording(parent: parent))
                        } else {
                            search.run(from: source, filter: Blocking(parent: parent, nodes: blockedNodes, arcs: blockedArcs))
                        }
                        return Array(search.distance)
                    }
                }
            }
        }
        return (distance, parentArc)
    }

    /// Records each node's predecessor arc.
    private struct Recording: ArcFilter {
        let parent: UnsafeMutableBufferPointer<Int>
        func allows(arc k: Int, to w: Int) -> Bool { true }
        func improved(_ w: Int, via k: Int) { parent[w] = k }
    }

    /// Records predecessor arcs and skips blocked nodes and arcs.
    private struct Blocking: ArcFilter {
        let parent: UnsafeMutableBufferPointer<Int>
        let nodes: [Bool]?
        let arcs: [Bool]?
        func allows(arc k: Int, to w: Int) -> Bool { !(arcs?[k] ?? false) && !(nodes?[w] ?? false) }
        func improved(_ w: Int, via k: Int) { parent[w] = k }
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
