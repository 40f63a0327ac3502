/// An immutable compressed-sparse-row graph: what every measure runs on.
///
/// Nodes are `0..<nodeCount` (`Int32` indices into ``ids``). Out-arcs of node `u` are
/// `outTargets[outOffsets[u]..<outOffsets[u+1]]`, sorted by target, with ``outStrengths`` (the sum of
/// merged parallel edges' weights) and ``outLengths`` (their smallest weight). The in-arc mirror holds
/// the same arcs by head. An undirected graph stores each edge as two arcs, so its mirror equals its
/// out-arcs.
///
/// Building merges parallel edges and drops self-loops (a self-loop lies on no shortest path and
/// brokers nothing; NetworkX's degree would count it twice: Backchannel does not).
///
/// - Complexity: building is O(n + m) (two counting sorts); memory is about 24 bytes per arc.
public struct CompactGraph: Sendable {
    public let ids: [String]
    public let isDirected: Bool
    public let outOffsets: [Int32]
    public let outTargets: [Int32]
    public let outStrengths: [Double]
    public let outLengths: [Double]
    public let inOffsets: [Int32]
    public let inSources: [Int32]
    public let inStrengths: [Double]
    public let inLengths: [Double]

    public var nodeCount: Int { ids.count }
    /// Arcs after merging; an undirected edge counts twice.
    public var arcCount: Int { outTargets.count }
    /// Edges after merging: arcs, or half of them when undirected.
    public var edgeCount: Int { isDirected ? arcCount : arcCount / 2 }

    /// Builds from parallel arrays of arcs `sources[i] → targets[i]` with `weights[i]` (positive).
    /// When `directed` is false each arc also runs backwards, and a pair given both ways merges.
    public init(ids: [String], sources: [Int32], targets: [Int32], weights: [Double], directed: Bool) {
        precondition(sources.count == targets.count && targets.count == weights.count)
        let n = ids.count
        self.ids = ids
        self.isDirected = directed
        var s = sources, t = targets, w = weights
        if !directed {
            s += targets
            t += sources
            w += weights
        }
        let out = Self.compress(n: n, rows: s, columns: t, weights: w)
        outOffsets = out.offsets
        outTargets = out.columns
        outStrengths = out.strengths
        outLengths = out.lengths
        if directed {
            let inn = Self.compress(n: n, rows: t, columns: s, weights: w)
            inOffsets = inn.offsets
            inSources = inn.columns
            inStrengths = inn.strengths
            inLengths = inn.lengths
        } else {
            inOffsets = out.offsets
            inSources = out.columns
            inStrengths = out.strengths
            inLengths = out.lengths
        }
    }

    /// CSR by `rows`, columns ascending within a row, duplicates merged, self-loops dropped.
    private static func compress(n: Int, rows: [Int32], columns: [Int32], weights: [Double])
        -> (offsets: [Int32], columns: [Int32], strengths: [Double], lengths: [Double])
    {
        let m = rows.count
        // Counting sort by column, then a stable counting sort by row: columns end up ascending.
        var byColumn = [Int32](repeating: 0, count: m)
        var count = [Int](repeating: 0, count: n + 1)
        for c in columns { count[Int(c) + 1] += 1 }
        for i in 0..<n { count[i + 1] += count[i] }
        var next = count
        for e in 0..<m {
            let c = Int(columns[e])
            byColumn[next[c]] = Int32(e)
            next[c] += 1
        }
        var rowCount = [Int](repeating: 0, count: n + 1)
        for r in rows { rowCount[Int(r) + 1] += 1 }
        for i in 0..<n { rowCount[i + 1] += rowCount[i] }
        var order = [Int32](repeating: 0, count: m)
        next = rowCount
        for e in byColumn {
            let r = Int(rows[Int(e)])
            order[next[r]] = e
            next[r] += 1
        }
        // Merge duplicates and drop self-loops in one pass.
        var offsets = [Int32](repeating: 0, count: n + 1)
        var outColumns: [Int32] = []
        var strengths: [Double] = []
        var lengths: [Double] = []
        outColumns.reserveCapacity(m)
        strengths.reserveCapacity(m)
        lengths.reserveCapacity(m)
        for r in 0..<n {
            var last: Int32 = -1
            for k in rowCount[r]..<rowCount[r + 1] {
                let e = Int(order[k])
                let c = columns[e]
                if Int(c) == r { continue }
                if c == last {
                    strengths[strengths.count - 1] += weights[e]
                    lengths[lengths.count - 1] = min(lengths[lengths.count - 1], weights[e])
                } else {
                    outColumns.append(c)
                    strengths.append(weights[e])
                    lengths.append(weights[e])
                    last = c
                }
            }
            offsets[r + 1] = Int32(outColumns.count)
        }
        return (offsets, outColumns, strengths, lengths)
    }

    /// The index of `id`, by linear search; build a dictionary for repeated lookups.
    public func index(of id: String) -> Int? {
        ids.firstIndex(of: id)
    }

    /// Arc lengths for path measures under `mode`: 1, the smallest parallel weight, or 1/strength.
    public func lengths(_ mode: WeightMode, incoming: Bool = false) -> [Double]? {
        switch mode {
        case .none: nil
        case .distance: incoming ? inLengths : outLengths
        case .strength: (incoming ? inStrengths : outStrengths).map { 1 / $0 }
        }
    }

    /// Arc multipliers for spectral measures under `mode`: 1 or the strength. `distance` is refused.
    public func strengths(_ mode: WeightMode, measure: String, incoming: Bool = false) throws(AnalysisError) -> [Double]? {
        switch mode {
        case .none: return nil
        case .strength: return incoming ? inStrengths : outStrengths
        case .distance: throw .unsupportedWeight(measure: measure, weight: mode, allowed: [.none, .strength])
        }
    }
}
