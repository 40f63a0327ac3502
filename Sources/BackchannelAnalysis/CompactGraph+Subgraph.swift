extension CompactGraph {
    /// The subgraph induced by `nodes` (original indices, distinct), renumbered: new node i is
    /// `nodes[i]`. Arcs between kept nodes keep their strengths and lengths; rows stay sorted by
    /// target and the in-arc mirror is rebuilt, so every measure runs on it as on any compact graph.
    ///
    /// Pendant folding (``PendantFolding``) runs betweenness on the core this way.
    ///
    /// - Complexity: O(n + m): two counting transpositions.
    func subgraph(_ nodes: [Int32]) -> CompactGraph {
        let n = nodeCount, k = nodes.count
        var newIndex = [Int32](repeating: -1, count: n)
        for (i, v) in nodes.enumerated() { newIndex[Int(v)] = Int32(i) }
        // Rows in the new order, targets mapped (ascending when `nodes` is, else not yet sorted).
        var offsets = [Int32](repeating: 0, count: k + 1)
        var columns: [Int32] = [], strengths: [Double] = [], lengths: [Double] = []
        columns.reserveCapacity(arcCount)
        strengths.reserveCapacity(arcCount)
        lengths.reserveCapacity(arcCount)
        for (i, v) in nodes.enumerated() {
            for a in Int(outOffsets[Int(v)])..<Int(outOffsets[Int(v) + 1]) {
                let t = newIndex[Int(outTargets[a])]
                guard t >= 0 else { continue }
                columns.append(t)
                strengths.append(outStrengths[a])
                lengths.append(outLengths[a])
            }
            offsets[i + 1] = Int32(columns.count)
        }
        let out = Rows(offsets: offsets, columns: columns, strengths: strengths, lengths: lengths)
        // Transposing lists each row's columns in ascending order; twice, the out-arcs are sorted too.
        let inn = out.transposed(k)
        let sortedOut = isDirected ? inn.transposed(k) : inn
        return CompactGraph(
            subgraphIDs: nodes.map { ids[Int($0)] }, directed: isDirected, out: sortedOut, inn: inn, invalidWeight: invalidWeight)
    }

    /// CSR rows with their arcs' strengths and lengths.
    struct Rows {
        var offsets: [Int32]
        var columns: [Int32]
        var strengths: [Double]
        var lengths: [Double]

        /// The reversed arcs, by column; within a row, ascending by original row.
        func transposed(_ n: Int) -> Rows {
            let m = columns.count
            var count = [Int32](repeating: 0, count: n + 1)
            for c in columns { count[Int(c) + 1] += 1 }
            for i in 0..<n { count[i + 1] += count[i] }
            var next = count
            var t = Rows(
                offsets: count, columns: [Int32](repeating: 0, count: m), strengths: [Double](repeating: 0, count: m),
                lengths: [Double](repeating: 0, count: m))
            for r in 0..<n {
                for a in Int(offsets[r])..<Int(offsets[r + 1]) {
                    let c = Int(columns[a])
                    let slot = Int(next[c])
                    next[c] += 1
                    t.columns[slot] = Int32(r)
                    t.strengths[slot] = strengths[a]
                    t.lengths[slot] = lengths[a]
                }
            }
            return t
        }
    }

    /// A graph from rows already merged, sorted and mirrored.
    init(subgraphIDs ids: [String], directed: Bool, out: Rows, inn: Rows, invalidWeight: (edge: Int, weight: Double)?) {
        self.ids = ids
        self.isDirected = directed
        self.invalidWeight = invalidWeight
        outOffsets = out.offsets
        outTargets = out.columns
        outStrengths = out.strengths
        outLengths = out.lengths
        inOffsets = inn.offsets
        inSources = inn.columns
        inStrengths = inn.strengths
        inLengths = inn.lengths
        outArcEdgeOffsets = []
        outArcEdges = []
        #if BACKCHANNEL_INTERNAL_CHECKS
            checkInvariants()
        #endif
    }
}
