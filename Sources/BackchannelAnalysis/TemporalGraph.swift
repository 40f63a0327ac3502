import BackchannelModel

/// A network's ties with their periods, read once, from which the compact graph of any window is
/// cut without walking the model again: what `timeline` and the per-period analyses run on.
///
/// Periods are converted once to day ordinals (``Period/days``): the first day of a start, the last
/// day of an end, at whatever precision each was given; a window is a range of day ordinals (a
/// ``TimeStep`` period's ``TimeStep/days(_:)``, or ``Period/days``). A snapshot keeps every node (so
/// scores line up across periods) and the ties whose days overlap the window; undated ties stay in
/// every snapshot unless `datedOnly`. A node is *present* in a window when its own days overlap it
/// (undated nodes always are) and, with `datedOnly`, when it has a tie there.
///
/// - Complexity: building is O(n + m); each snapshot O(n + m) on the arrays (a mask over the ties
///   of integer comparisons, and the counting sorts of
///   ``CompactGraph/init(ids:sources:targets:weights:directed:)``).
public struct TemporalGraph: Sendable {
    public let ids: [String]
    public let isDirected: Bool
    let sources: [Int32], targets: [Int32], weights: [Double]
    /// Each tie's first and last day (day ordinals); `Int.min` / `Int.max` for an open end, and both for undated ties.
    let starts: [Int], ends: [Int]
    let dated: [Bool]
    let nodeStarts: [Int], nodeEnds: [Int]

    /// Reads `network` restricted by `filter` (whose `years` and `period`, if any, bound every snapshot too).
    public init(_ network: Network, filter: NetworkFilter = NetworkFilter(), directed: Bool = true) {
        var index: [ExactID: Int32] = [:]
        var ids: [String] = [], nodeStarts: [Int] = [], nodeEnds: [Int] = []
        for node in network.nodes where filter.includes(node) && index[ExactID(node.id)] == nil {
            index[ExactID(node.id)] = Int32(ids.count)
            ids.append(node.id)
            let days = node.years.days
            nodeStarts.append(days.lowerBound)
            nodeEnds.append(days.upperBound)
        }
        var s: [Int32] = [], t: [Int32] = [], w: [Double] = [], a: [Int] = [], b: [Int] = [], d: [Bool] = []
        for edge in network.edges where filter.includes(edge) {
            guard let u = index[ExactID(edge.source)], let v = index[ExactID(edge.target)] else { continue }
            s.append(u)
            t.append(v)
            w.append(edge.weight)
            let days = edge.years.days
            a.append(days.lowerBound)
            b.append(days.upperBound)
            d.append(!edge.years.isEmpty)
        }
        self.ids = ids
        isDirected = directed
        sources = s
        targets = t
        weights = w
        starts = a
        ends = b
        dated = d
        self.nodeStarts = nodeStarts
        self.nodeEnds = nodeEnds
    }

    /// The first and last day any tie or node is dated with (day ordinals), or nil when nothing is dated.
    public var span: ClosedRange<Int>? {
        var lo = Int.max, hi = Int.min
        for i in starts.indices where dated[i] {
            if starts[i] != Int.min { lo = min(lo, starts[i]); hi = max(hi, starts[i]) }
            if ends[i] != Int.max { lo = min(lo, ends[i]); hi = max(hi, ends[i]) }
        }
        for i in nodeStarts.indices {
            if nodeStarts[i] != Int.min { lo = min(lo, nodeStarts[i]); hi = max(hi, nodeStarts[i]) }
            if nodeEnds[i] != Int.max { lo = min(lo, nodeEnds[i]); hi = max(hi, nodeEnds[i]) }
        }
        return lo <= hi ? lo...hi : nil
    }

    /// The graph as it stood during `window` (day ordinals), and which nodes were present.
    public func snapshot(_ window: ClosedRange<Int>, datedOnly: Bool = false) throws(AnalysisError) -> (
        graph: CompactGraph, present: [Bool]
    ) {
        var present = nodeStarts.indices.map { nodeStarts[$0] <= window.upperBound && nodeEnds[$0] >= window.lowerBound }
        var s: [Int32] = [], t: [Int32] = [], w: [Double] = []
        var tied = [Bool](repeating: false, count: ids.count)
        for i in sources.indices {
            if !dated[i] {
                if datedOnly { continue }
            } else if starts[i] > window.upperBound || ends[i] < window.lowerBound {
                continue
            }
            let u = Int(sources[i]), v = Int(targets[i])
            guard present[u] && present[v] else { continue }
            s.append(sources[i])
            t.append(targets[i])
            w.append(weights[i])
            tied[u] = true
            tied[v] = true
        }
        if datedOnly { present = present.indices.map { present[$0] && tied[$0] } }
        return (try CompactGraph(ids: ids, sources: s, targets: t, weights: w, directed: isDirected), present)
    }
}
