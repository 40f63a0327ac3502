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
/// Sources are split into a fixed number of lanes run on all cores, each with its own scratch space
/// and accumulator, summed in lane order: results are identical on any number of cores.
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

    public static let lanes = 8

    public init(weight: WeightMode = .none, normalized: Bool = true, endpoints: Bool = false, sources: [Int]? = nil) {
        self.weight = weight
        self.normalized = normalized
        self.endpoints = endpoints
        self.sources = sources
    }

    /// `k` distinct sources drawn with ``SeededRandom`` from `seed`.
    public static func sampleSources(_ k: Int, nodeCount: Int, seed: UInt64) -> [Int] {
        var rng = SeededRandom(seed: seed)
        return rng.sample(k, from: nodeCount)
    }

    /// Scores in node order.
    public func scores(_ graph: CompactGraph) -> [Double] {
        let n = graph.nodeCount
        guard n > 0 else { return [] }
        let sourceList = sources ?? Array(0..<n)
        let raw = accumulate(graph, sources: sourceList)
        return rescale(raw, n: n, directed: graph.isDirected, sampled: sources)
    }

    /// Raw Brandes sums over ordered pairs from `sources`.
    func accumulate(_ graph: CompactGraph, sources: [Int]) -> [Double] {
        let n = graph.nodeCount
        let lanes = min(Self.lanes, max(1, sources.count))
        var partials = [[Double]](repeating: [], count: lanes)
        let lengths = graph.lengths(weight)
        let endpoints = self.endpoints
        let counter = ProgressCounter(total: sources.count, handler: progress)
        graph.outOffsets.withUnsafeBufferPointer { offsets in
            graph.outTargets.withUnsafeBufferPointer { targets in
                graph.inOffsets.withUnsafeBufferPointer { inOffsets in
                    graph.inSources.withUnsafeBufferPointer { inSources in
                        withOptionalBuffer(lengths) { lengthBuffer in
                            withOptionalBuffer(weight == .none ? nil : (weight == .distance ? graph.inLengths : graph.inStrengths.map { 1 / $0 })) { inLengthBuffer in
                                let results = SharedBuffer<UnsafeMutableBufferPointer<Double>?>(repeating: nil, count: lanes)
                                forEachLane(lanes) { lane in
                                    let search = ShortestPathSearch(n: n, offsets: offsets, targets: targets, lengths: lengthBuffer)
                                    let delta = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
                                    delta.initialize(repeating: 0)
                                    defer { delta.deallocate() }
                                    let acc = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
                                    acc.initialize(repeating: 0)
                                    var i = lane
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
                                        i += lanes
                                        if (i / lanes) % ProgressCounter.stride == 0 { counter.advance(ProgressCounter.stride) }
                                    }
                                    results.pointer[lane] = acc
                                }
                                for lane in 0..<lanes {
                                    let acc = results.pointer[lane]!
                                    partials[lane] = Array(acc)
                                    acc.deallocate()
                                }
                            }
                        }
                    }
                }
            }
        }
        var total = [Double](repeating: 0, count: n)
        for partial in partials {
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
