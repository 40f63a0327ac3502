/// Betweenness centrality: for each node, the share of shortest paths between other nodes that pass through it.
///
/// `b(v) = Σ_{s≠v≠t} σ(s,t | v) / σ(s,t)` over ordered pairs, where σ(s,t) counts shortest s–t paths.
/// Rescaled exactly as NetworkX 3.6 `betweenness_centrality` does (`_rescale`): with
/// N = n (endpoints) or n − 1 (no endpoints),
/// - normalized: divided by N(N − 1), the number of (s, t) pairs that could pass through v;
/// - not normalized: raw sums, halved on undirected graphs (each unordered pair counted once);
/// - sampled from K sources (NetworkX ≥ 3.4): normalized by K(N − 1) for non-sources and (K − 1)(N − 1)
///   for sources; not normalized, multiplied by N/K (non-sources) or N/(K − 1) (sources), halved if undirected.
///
/// Weights: `none` counts hops (BFS); `distance` uses the weight as a length and `strength` 1/weight
/// (Dijkstra), with NetworkX's exact-equality test for tied path lengths.
///
/// Sources are split into a fixed number of partial sums (``partialSums``; source i goes to partial
/// i mod 8), each accumulated in source order and summed in partial order; ``lanes`` workers (each
/// with its own scratch space) run the partials on all cores. Results are bit-identical for any number
/// of lanes and cores.
///
/// - Complexity: O(nm) unweighted, O(nm + n² log n) weighted; O(n) memory per lane.
/// - Reference: Brandes, U. (2001). A faster algorithm for betweenness centrality. Journal of
///   Mathematical Sociology 25(2), 163–177. doi:10.1080/0022250X.2001.9990249. Sampling: Brandes &
///   Pich (2007), Centrality estimation in large networks, doi:10.1142/S0218127407018403.
public struct BetweennessCentrality: Sendable {
    public var weight: WeightMode = .none
    public var normalized = true
    public var endpoints = false
    /// Sample sources instead of using every node (nil: exact).
    public var sources: [Int]?
    /// Told how many sources are done; for progress bars.
    public var progress: ProgressHandler?

    /// How many workers run at once (at least 1); does not change any bit of the result.
    public var lanes = BetweennessCentrality.defaultLanes

    /// The default number of workers; `DispatchQueue.concurrentPerform` spreads them over the cores.
    public static let defaultLanes = 8
    /// How many partial sums the sources split into (fixed, so results do not depend on ``lanes``).
    static let partialSums = 8

    public init(
        weight: WeightMode = .none, normalized: Bool = true, endpoints: Bool = false, sources: [Int]? = nil,
        lanes: Int = BetweennessCentrality.defaultLanes
    ) {
        self.weight = weight
        self.normalized = normalized
        self.endpoints = endpoints
        self.sources = sources
        self.lanes = lanes
    }

    /// Checks `sources` (distinct node indices, at least one) and `lanes`.
    func validate(_ graph: CompactGraph) throws(AnalysisError) {
        try Check.positive(lanes, "lanes")
        if let sources {
            guard !sources.isEmpty else { throw .invalidParameter(name: "sources", value: "[]", reason: "needs at least one source") }
            try Check.nodes(sources, "sources", nodeCount: graph.nodeCount, distinct: true)
        }
    }

    /// `k` distinct sources drawn with ``SeededRandom`` from `seed` (all nodes when k ≥ n).
    ///
    /// - Throws: ``AnalysisError/invalidParameter(name:value:reason:)`` when `k` < 1.
    public static func sampleSources(_ k: Int, nodeCount: Int, seed: UInt64) throws(AnalysisError) -> [Int] {
        guard k > 0 else { throw .invalidParameter(name: "samples", value: String(k), reason: "must be at least 1") }
        var rng = SeededRandom(seed: seed)
        return rng.sample(k, from: nodeCount)
    }

    /// Scores in node order.
    ///
    /// - Throws: ``AnalysisError/invalidParameter(name:value:reason:)`` when a source is not a node or
    ///   repeats, `lanes` < 1, or a weighted measure meets an invalid weight.
    public func scores(_ graph: CompactGraph) throws(AnalysisError) -> [Double] {
        try validate(graph)
        let n = graph.nodeCount
        guard n > 0 else { return [] }
        let sourceList = sources ?? Array(0..<n)
        let raw = try accumulate(graph, sources: sourceList)
        return rescale(raw, n: n, directed: graph.isDirected, sampled: sources)
    }

    /// Raw Brandes sums over ordered pairs from `sources` (valid node indices).
    func accumulate(_ graph: CompactGraph, sources: [Int]) throws(AnalysisError) -> [Double] {
        let n = graph.nodeCount
        let partialCount = min(Self.partialSums, max(1, sources.count))
        let workers = min(max(1, lanes), partialCount)
        let lengths = try graph.lengths(weight)
        let inLengths = try graph.lengths(weight, incoming: true)
        let endpoints = self.endpoints
        let counter = ProgressCounter(total: sources.count, handler: progress)
        let results = SharedBuffer<UnsafeMutableBufferPointer<Double>?>(repeating: nil, count: partialCount)
        defer { for p in 0..<partialCount { results.pointer[p]?.deallocate() } }
        graph.outOffsets.withUnsafeBufferPointer { offsets in
            graph.outTargets.withUnsafeBufferPointer { targets in
                graph.inOffsets.withUnsafeBufferPointer { inOffsets in
                    graph.inSources.withUnsafeBufferPointer { inSources in
                        withOptionalBuffer(lengths) { lengthBuffer in
                            withOptionalBuffer(inLengths) { inLengthBuffer in
                                forEachLane(workers) { worker in
                                    let search = ShortestPathSearch(n: n, offsets: offsets, targets: targets, lengths: lengthBuffer)
                                    let delta = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
                                    delta.initialize(repeating: 0)
                                    defer { delta.deallocate() }
                                    var partial = worker
                                    while partial < partialCount {
                                        let acc = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
                                        acc.initialize(repeating: 0)
                                        var i = partial
                                        while i < sources.count {
                                            let s = sources[i]
                                            search.run(from: s)
                                            let reached = search.reached
                                            let dist = search.distance, sigma = search.sigma, order = search.order
                                            if endpoints { acc[s] += Double(reached - 1) }
                                            var j = reached - 1
                                            while j >= 0 {
                                                let w = Int(order[j])
                                                let coeff = (1 + delta[w]) / sigma[w]
                                                let end = Int(inOffsets[w + 1])
                                                var k = Int(inOffsets[w])
                                                // A predecessor v of w lies exactly one length before it.
                                                if let inLengthBuffer {
                                                    let dw = dist[w]
                                                    while k < end {
                                                        let v = Int(inSources[k])
                                                        if dist[v] + inLengthBuffer[k] == dw { delta[v] += sigma[v] * coeff }
                                                        k += 1
                                                    }
                                                } else {
                                                    let previous = dist[w] - 1
                                                    while k < end {
                                                        let v = Int(inSources[k])
                                                        if dist[v] == previous { delta[v] += sigma[v] * coeff }
                                                        k += 1
                                                    }
                                                }
                                                if w != s { acc[w] += delta[w] + (endpoints ? 1 : 0) }
                                                j -= 1
                                            }
                                            for j in 0..<reached { delta[Int(order[j])] = 0 }
                                            i += partialCount
                                            if (i / partialCount) % ProgressCounter.stride == 0 { counter.advance(ProgressCounter.stride) }
                                        }
                                        results.pointer[partial] = acc
                                        partial += workers
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var total = [Double](repeating: 0, count: n)
        for p in 0..<partialCount {
            let partial = results.pointer[p]!
            for v in 0..<n { total[v] += partial[v] }
        }
        return total
    }

    /// NetworkX 3.6's `_rescale`.
    func rescale(_ raw: [Double], n: Int, directed: Bool, sampled: [Int]?) -> [Double] {
        let N = Double(endpoints ? n : n - 1)
        guard N >= 2 else { return raw }
        let correction: Double = directed ? 1 : 2
        guard let sampled else {
            let scale = normalized ? 1 / (N * (N - 1)) : 1 / correction
            return raw.map { $0 * scale }
        }
        let k = Double(sampled.count)
        if endpoints {
            let scale = normalized ? 1 / (k * (N - 1)) : N / (k * correction)
            return raw.map { $0 * scale }
        }
        let scaleSource = k > 1 ? (normalized ? 1 / ((k - 1) * (N - 1)) : N / ((k - 1) * correction)) : .nan
        let scaleOther = normalized ? 1 / (k * (N - 1)) : N / (k * correction)
        var isSource = [Bool](repeating: false, count: n)
        for s in sampled { isSource[s] = true }
        return raw.indices.map { raw[$0] * (isSource[$0] ? scaleSource : scaleOther) }
    }
}

/// Calls `body` with a buffer over `array`, or nil.
func withOptionalBuffer<R>(_ array: [Double]?, _ body: (UnsafeBufferPointer<Double>?) -> R) -> R {
    guard let array else { return body(nil) }
    return array.withUnsafeBufferPointer { body($0) }
}
