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

    /// When built with `keepEdges`: the input edges merged into out-arc `k` are
    /// `outArcEdges[outArcEdgeOffsets[k]..<outArcEdgeOffsets[k + 1]]`, ascending (positions in the
    /// input arrays; an undirected edge appears under both its arcs). Empty otherwise.
    public let outArcEdgeOffsets: [Int32]
    public let outArcEdges: [Int32]

    public var nodeCount: Int { ids.count }
    /// Arcs after merging; an undirected edge counts twice.
    public var arcCount: Int { outTargets.count }
    /// Edges after merging: arcs, or half of them when undirected.
    public var edgeCount: Int { isDirected ? arcCount : arcCount / 2 }

    /// The first edge whose weight is not a positive finite number (only the ``init(_:filter:directed:)``
    /// path keeps such a graph; weighted measures refuse it), as (input position, weight).
    public let invalidWeight: (edge: Int, weight: Double)?

    /// Builds from parallel arrays of arcs `sources[i] → targets[i]` with `weights[i]`.
    /// When `directed` is false each arc also runs backwards, and a pair given both ways merges.
    ///
    /// - Throws: ``AnalysisError/invalidParameter(name:value:reason:)`` when the arrays differ in length,
    ///   an index is not in `0..<ids.count`, or a weight is not a positive finite number.
    /// - Complexity: O(n + m).
    public init(ids: [String], sources: [Int32], targets: [Int32], weights: [Double], directed: Bool) throws(AnalysisError) {
        guard sources.count == targets.count else {
            throw .invalidParameter(
                name: "targets", value: "\(targets.count) entries", reason: "needs one entry per source (\(sources.count))")
        }
        guard weights.count == sources.count else {
            throw .invalidParameter(
                name: "weights", value: "\(weights.count) entries", reason: "needs one entry per source (\(sources.count))")
        }
        guard ids.count < Int(Int32.max) else {
            throw .invalidParameter(name: "ids", value: "\(ids.count) entries", reason: "at most \(Int32.max - 1) nodes")
        }
        let n = Int32(ids.count)
        for (name, array) in [("sources", sources), ("targets", targets)] {
            if let i = array.firstIndex(where: { $0 < 0 || $0 >= n }) {
                throw .invalidParameter(name: "\(name)[\(i)]", value: String(array[i]), reason: "is not a node index (0..<\(n))")
            }
        }
        if let i = weights.firstIndex(where: { !($0.isFinite && $0 > 0) }) {
            throw .invalidParameter(name: "weights[\(i)]", value: String(weights[i]), reason: "must be a positive finite number")
        }
        self.init(checked: ids, sources: sources, targets: targets, weights: weights, directed: directed, invalidWeight: nil)
    }

    /// Builds from arrays already known to be in range; `invalidWeight` records a bad weight kept.
    init(
        checked ids: [String], sources: [Int32], targets: [Int32], weights: [Double], directed: Bool,
        invalidWeight: (edge: Int, weight: Double)?, keepEdges: Bool = false
    ) {
        let n = ids.count
        self.ids = ids
        self.isDirected = directed
        self.invalidWeight = invalidWeight
        var s = sources, t = targets, w = weights
        if !directed {
            s += targets
            t += sources
            w += weights
        }
        let out = Self.compress(n: n, rows: s, columns: t, weights: w, keepEdges: keepEdges)
        outArcEdgeOffsets = out.edgeOffsets
        let m = Int32(sources.count)
        outArcEdges = directed ? out.edges : out.edges.map { $0 >= m ? $0 - m : $0 }
        outOffsets = out.offsets
        outTargets = out.columns
        outStrengths = out.strengths
        outLengths = out.lengths
        if directed {
            let inn = Self.compress(n: n, rows: t, columns: s, weights: w, keepEdges: false)
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
        #if BACKCHANNEL_INTERNAL_CHECKS
            checkInvariants()
        #endif
    }

    #if BACKCHANNEL_INTERNAL_CHECKS
        /// Traps unless the CSR arrays are consistent: offsets start at 0, never decrease and end at the
        /// arc count; targets are node indices, strictly ascending within a row, never the row itself;
        /// strengths ≥ lengths > 0 where weights were valid; the in-arc mirror holds the same arcs; an
        /// undirected graph's arcs come in pairs. Compiled only with `BACKCHANNEL_INTERNAL_CHECKS`.
        ///
        /// - Complexity: O(n + m log m).
        public func checkInvariants() {
            let n = nodeCount
            func checkRows(_ offsets: [Int32], _ columns: [Int32], _ strengths: [Double], _ lengths: [Double], _ what: String) {
                precondition(offsets.count == n + 1 && offsets[0] == 0, "\(what): offsets must have n + 1 entries from 0")
                precondition(
                    Int(offsets[n]) == columns.count && strengths.count == columns.count && lengths.count == columns.count,
                    "\(what): array lengths differ")
                for u in 0..<n {
                    precondition(offsets[u] <= offsets[u + 1], "\(what): offsets decrease at \(u)")
                    var last: Int32 = -1
                    for k in Int(offsets[u])..<Int(offsets[u + 1]) {
                        let c = columns[k]
                        precondition(c >= 0 && Int(c) < n, "\(what): arc \(k) leaves the graph")
                        precondition(c > last, "\(what): row \(u) not strictly ascending")
                        precondition(Int(c) != u, "\(what): self-loop at \(u)")
                        if invalidWeight == nil {
                            precondition(lengths[k] > 0 && lengths[k].isFinite && strengths[k] >= lengths[k], "\(what): arc \(k) weights")
                        }
                        last = c
                    }
                }
            }
            checkRows(outOffsets, outTargets, outStrengths, outLengths, "out-arcs")
            if !outArcEdgeOffsets.isEmpty {
                precondition(
                    outArcEdgeOffsets.count == arcCount + 1 && Int(outArcEdgeOffsets[arcCount]) == outArcEdges.count, "arc edge map sizes")
                for k in 0..<arcCount { precondition(outArcEdgeOffsets[k] < outArcEdgeOffsets[k + 1], "every arc holds an edge") }
            }
            checkRows(inOffsets, inSources, inStrengths, inLengths, "in-arcs")
            precondition(inSources.count == outTargets.count, "mirror holds a different number of arcs")
            var forward: [Int64: Double] = [:], backward: [Int64: Double] = [:]
            forward.reserveCapacity(arcCount)
            for u in 0..<n {
                for k in Int(outOffsets[u])..<Int(outOffsets[u + 1]) { forward[Int64(u) << 32 | Int64(outTargets[k])] = outStrengths[k] }
                for k in Int(inOffsets[u])..<Int(inOffsets[u + 1]) { backward[Int64(inSources[k]) << 32 | Int64(u)] = inStrengths[k] }
            }
            precondition(forward.count == backward.count, "in-arcs do not mirror out-arcs")
            for (key, strength) in forward {
                guard let b = backward[key] else { preconditionFailure("in-arcs do not mirror out-arcs") }
                precondition(b == strength || (b.isNaN && strength.isNaN), "in-arc strengths differ from out-arcs")
            }
            if !isDirected {
                precondition(
                    forward.keys.allSatisfy { forward[($0 & 0xFFFF_FFFF) << 32 | ($0 >> 32)] != nil }, "undirected arcs must come in pairs")
            }
        }
    #endif

    /// Throws when a weighted measure would read an invalid weight, or a merged strength that
    /// overflowed (parallel edges whose weights add up past the largest double).
    func checkWeights(_ mode: WeightMode) throws(AnalysisError) {
        guard mode != .none else { return }
        if let bad = invalidWeight {
            throw .invalidParameter(
                name: "weights[\(bad.edge)]", value: String(bad.weight), reason: "must be a positive finite number for weighted measures")
        }
        if mode == .strength, let k = outStrengths.firstIndex(where: { !$0.isFinite }) {
            var u = 0
            while Int(outOffsets[u + 1]) <= k { u += 1 }
            throw .invalidParameter(
                name: "weights", value: "\(ids[u]) → \(ids[Int(outTargets[k])])",
                reason: "the parallel edges' weights add up past the largest number a double holds (1.8e308); scale the weights down")
        }
    }

    /// CSR by `rows`, columns ascending within a row, duplicates merged, self-loops dropped.
    private static func compress(n: Int, rows: [Int32], columns: [Int32], weights: [Double], keepEdges: Bool)
        -> (offsets: [Int32], columns: [Int32], strengths: [Double], lengths: [Double], edgeOffsets: [Int32], edges: [Int32])
    {
        let m = rows.count
        // A stable counting sort by row, then each row's arcs ordered by (column, edge): the order a
        // counting sort by column followed by a stable one by row gives, with one scatter pass over
        // the arcs instead of two.
        var rowCount = [Int](repeating: 0, count: n + 1)
        for r in rows { rowCount[Int(r) + 1] += 1 }
        for i in 0..<n { rowCount[i + 1] += rowCount[i] }
        var order = [Int32](repeating: 0, count: m)
        var next = rowCount
        for e in 0..<m {
            let r = Int(rows[e])
            order[next[r]] = Int32(e)
            next[r] += 1
        }
        order.withUnsafeMutableBufferPointer { order in
            columns.withUnsafeBufferPointer { columns in
                for r in 0..<n {
                    let lower = rowCount[r], upper = rowCount[r + 1]
                    if upper - lower < 2 { continue }
                    if upper - lower <= 32 {
                        // Insertion sort by column; stable, so equal columns keep edge order.
                        for k in (lower + 1)..<upper {
                            let e = order[k], c = columns[Int(e)]
                            var j = k
                            while j > lower && columns[Int(order[j - 1])] > c {
                                order[j] = order[j - 1]
                                j -= 1
                            }
                            order[j] = e
                        }
                    } else {
                        var keys = (lower..<upper).map { UInt64(UInt32(columns[Int(order[$0])])) << 32 | UInt64(UInt32(order[$0])) }
                        keys.sort()
                        for (k, key) in keys.enumerated() { order[lower + k] = Int32(truncatingIfNeeded: key) }
                    }
                }
            }
        }
        // Merge duplicates and drop self-loops in one pass.
        var offsets = [Int32](repeating: 0, count: n + 1)
        var outColumns: [Int32] = []
        var strengths: [Double] = []
        var lengths: [Double] = []
        var edgeOffsets: [Int32] = keepEdges ? [0] : []
        var edges: [Int32] = []
        outColumns.reserveCapacity(m)
        strengths.reserveCapacity(m)
        lengths.reserveCapacity(m)
        if keepEdges { edges.reserveCapacity(m) }
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
                    if keepEdges && !outColumns.isEmpty { edgeOffsets.append(Int32(edges.count)) }
                    outColumns.append(c)
                    strengths.append(weights[e])
                    lengths.append(weights[e])
                    last = c
                }
                if keepEdges { edges.append(Int32(e)) }
            }
            offsets[r + 1] = Int32(outColumns.count)
        }
        if keepEdges && !outColumns.isEmpty { edgeOffsets.append(Int32(edges.count)) }
        return (offsets, outColumns, strengths, lengths, edgeOffsets, edges)
    }

    /// The index of `id`, by linear search; build a dictionary for repeated lookups.
    public func index(of id: String) -> Int? {
        ids.firstIndex(of: id)
    }

    /// Arc lengths for path measures under `mode`: 1, the smallest parallel weight, or 1/strength.
    public func lengths(_ mode: WeightMode, incoming: Bool = false) throws(AnalysisError) -> [Double]? {
        try checkWeights(mode)
        return switch mode {
        case .none: nil
        case .distance: incoming ? inLengths : outLengths
        case .strength: (incoming ? inStrengths : outStrengths).map { 1 / $0 }
        }
    }

    /// Arc multipliers for spectral measures under `mode`: 1 or the strength. `distance` is refused.
    public func strengths(_ mode: WeightMode, measure: String, incoming: Bool = false) throws(AnalysisError) -> [Double]? {
        try checkWeights(mode)
        switch mode {
        case .none: return nil
        case .strength: return incoming ? inStrengths : outStrengths
        case .distance: throw .unsupportedWeight(measure: measure, weight: mode, allowed: [.none, .strength])
        }
    }
}
