/// Closeness centrality: how near a node is to the nodes that can reach it.
///
/// As NetworkX 3.6 `closeness_centrality`: on a directed graph the distances are *incoming*,
/// d(v, u) from every v that reaches u. With r the number of nodes reaching u (u included) and
/// D the sum of their distances, `C(u) = (r − 1)/D`, times `(r − 1)/(n − 1)` when `wfImproved`
/// (Wasserman & Faust's correction for disconnected graphs, NetworkX's default). 0 when nothing reaches u.
/// Weights: `none` (hops), `distance` (weight as length) or `strength` (1/weight as length).
///
/// Nodes are independent, so they run on all cores; each result is computed exactly as alone.
/// Unweighted, the searches run 256 at a time (``MultiSourceBFS``); the distance sums are integers,
/// so results are bit for bit those of one search per node, for every thread count.
///
/// - Complexity: O(nm) unweighted (⌈n/256⌉ passes of O(D·(n + m)) word operations), O(nm + n² log n) weighted.
/// - Reference: Freeman (1978), doi:10.1016/0378-8733(78)90021-7; Wasserman & Faust (1994), Social
///   Network Analysis, Cambridge University Press, §5.3.
public struct ClosenessCentrality: Sendable {
    public var weight: WeightMode = .none
    public var wfImproved = true
    /// Told how many nodes are done; for progress bars.
    public var progress: ProgressHandler?

    public init(weight: WeightMode = .none, wfImproved: Bool = true, progress: ProgressHandler? = nil) {
        self.weight = weight
        self.wfImproved = wfImproved
        self.progress = progress
    }

    /// - Throws: ``AnalysisError/invalidParameter(name:value:reason:)`` when a weighted measure meets an invalid weight.
    public func scores(_ graph: CompactGraph) throws(AnalysisError) -> [Double] {
        let n = graph.nodeCount
        let wf = wfImproved
        if weight == .none {
            // 256 searches per pass (``MultiSourceBFS``): the same integer sums.
            return multiSourceIncomingSums(graph, progress: progress) { reached, total, _ in
                guard total > 0, n > 1 else { return 0 }
                let r = Double(reached - 1)
                var c = r / total
                if wf { c *= r / Double(n - 1) }
                return c
            }
        }
        return try incomingSearches(graph, weight: weight, progress: progress) { search in
            var total = 0.0
            for j in 0..<search.reached { total += search.distance[Int(search.order[j])] }
            guard total > 0, n > 1 else { return 0 }
            let r = Double(search.reached - 1)
            var c = r / total
            if wf { c *= r / Double(n - 1) }
            return c
        }
    }
}

/// Runs a search from every node along in-arcs (incoming distances) on all cores, mapping each
/// finished search to a score.
func incomingSearches(_ graph: CompactGraph, weight: WeightMode, progress: ProgressHandler? = nil, _ score: (ShortestPathSearch) -> Double)
    throws(AnalysisError) -> [Double]
{
    let n = graph.nodeCount
    let lengths = try graph.lengths(weight, incoming: true)
    guard n > 0 else { return [] }
    let lanes = min(BetweennessCentrality.defaultLanes, n)
    let result = SharedBuffer<Double>(repeating: 0, count: n)
    let counter = ProgressCounter(total: n, handler: progress)
    graph.inOffsets.withUnsafeBufferPointer { offsets in
        graph.inSources.withUnsafeBufferPointer { sources in
            withOptionalBuffer(lengths) { lengthBuffer in
                forEachLane(lanes) { lane in
                    let search = ShortestPathSearch(n: n, offsets: offsets, targets: sources, lengths: lengthBuffer)
                    var u = lane
                    while u < n {
                        search.run(from: u, countPaths: false)
                        result.pointer[u] = score(search)
                        u += lanes
                        if (u / lanes) % ProgressCounter.stride == 0 { counter.advance(ProgressCounter.stride) }
                    }
                }
            }
        }
    }
    return result.array
}
