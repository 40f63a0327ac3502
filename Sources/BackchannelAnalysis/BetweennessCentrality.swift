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
/// Exact betweenness folds the trees hanging off the graph first (``PendantFolding``, on by default:
/// ``foldsPendants``) and runs Brandes from the core's nodes only, with node weights; the dependencies
/// are pulled along out-arcs in reverse search order, `δ(v) = σ(v) · Σ_{w: v ∈ P(w)} (c(w) + δ(w)) / σ(w)`.
/// Unweighted, the searches run 8 sources at a time (``BatchedBrandes``, on by default: ``batched``)
/// on graphs (or cores) of at most ``BatchedBrandes/largestGraph`` nodes, batch j going to partial
/// j mod 8 in place of source i to partial i mod 8.
/// All of these change only the order of summation: the scores agree with plain Brandes to 1e-12 relative.
///
/// Sources are split into a fixed number of partial sums (``partialSums``; source i goes to partial
/// i mod 8), each accumulated in source order and summed in partial order; ``lanes`` workers (each
/// with its own scratch space) run the partials on all cores. Results are bit-identical for any number
/// of lanes and cores.
///
/// - Complexity: O(n′m′) unweighted, O(n′m′ + n′² log n′) weighted, where n′ ≤ n and m′ ≤ m count the
///   core's nodes and arcs after folding (sampled: n′ = k sources on the whole graph); folding adds
///   O(n + m); O(n) memory per lane.
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

    /// Fold pendant trees into the core before exact Brandes (``PendantFolding``); the same scores to
    /// 1e-12 relative, from fewer searches. Sampled betweenness never folds.
    public var foldsPendants = true

    /// Run unweighted Brandes on batches of ``BatchedBrandes/width`` sources at once (``BatchedBrandes``)
    /// when the graph searched has at most ``BatchedBrandes/largestGraph`` nodes; the same scores to
    /// 1e-12 relative. Weighted betweenness runs one source at a time either way.
    public var batched = true

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
        let raw: [Double]
        if let sources { raw = try accumulate(graph, sources: sources) } else { raw = try exact(graph) }
        return rescale(raw, n: n, directed: graph.isDirected, sampled: sources)
    }

    /// Raw exact sums over ordered pairs, with pendant trees folded (``PendantFolding``) when
    /// ``foldsPendants`` and something folds.
    func exact(_ graph: CompactGraph) throws(AnalysisError) -> [Double] {
        let n = graph.nodeCount
        let lengths = try graph.lengths(weight)
        guard foldsPendants else { return try accumulate(graph, sources: Array(0..<n)) }
        let folding = PendantFolding(graph, foldSources: PendantFolding.foldsSources(lengths))
        guard !folding.isTrivial else { return try accumulate(graph, sources: Array(0..<n)) }
        let nodes = (0..<n).filter { folding.isCore[$0] }.map(Int32.init)
        let core = graph.subgraph(nodes)
        let weights = Weights(
            source: nodes.map { folding.a[Int($0)] }, target: nodes.map { folding.c[Int($0)] },
            countInReach: folding.hasSinkTrees, undirectedTrees: !graph.isDirected)
        let result = try brandes(core, sources: Array(0..<nodes.count), weights: weights)
        var coreRaw = [Double](repeating: 0, count: n), reach = coreRaw
        var inReach: [Double]? = result.inReach == nil ? nil : coreRaw
        for (i, v) in nodes.enumerated() {
            coreRaw[Int(v)] = result.raw[i]
            reach[Int(v)] = result.reachWeight[i]
            if let r = result.inReach { inReach![Int(v)] = r[i] }
        }
        return folding.complete(coreRaw: coreRaw, reachWeight: reach, inReach: inReach, endpoints: endpoints)
    }

    /// Raw Brandes sums over ordered pairs from `sources` (valid node indices), every node standing for itself.
    func accumulate(_ graph: CompactGraph, sources: [Int]) throws(AnalysisError) -> [Double] {
        try brandes(graph, sources: sources, weights: nil).raw
    }

    /// Node weights for Brandes on a folded core: node i stands for `source[i]` sources and
    /// `target[i]` targets (``PendantFolding``).
    struct Weights {
        var source: [Double]
        var target: [Double]
        /// Count, for each node with target weight above 1, the source weight of the searches reaching it.
        var countInReach: Bool
        /// Undirected trees: the pairs leaving a source's tree add (a − 1) · R, not (a − 1) · (R + c − 1).
        var undirectedTrees: Bool
    }

    /// Weighted Brandes from `sources`: `δ_s(v) = Σ_{w: v ∈ P_s(w)} σ_sv/σ_sw · (c(w) + δ_s(w))`, accumulated
    /// by pulling along out-arcs in reverse search order, and for every reached `w ≠ s`
    /// `raw(w) += a(s) · (δ_s(w) + c(w) − 1 [+ 1 with endpoints])`; the source itself gains
    /// `(a(s) − 1 [+ 1]) · D(s)` for what it reaches (see ``PendantFolding``). Without weights every
    /// node stands for itself and this is Brandes' algorithm.
    ///
    /// Returns the raw sums, the target weight each source reached (itself excluded) and, when asked,
    /// the source weight reaching each node whose target weight exceeds 1.
    func brandes(_ graph: CompactGraph, sources: [Int], weights: Weights?) throws(AnalysisError) -> (
        raw: [Double], reachWeight: [Double], inReach: [Double]?
    ) {
        let n = graph.nodeCount
        let lengths = try graph.lengths(weight)
        // Unweighted and ``batched``, on a graph small enough for a batch's scratch to stay in cache:
        // batches of nearby sources (``BatchedBrandes``); else one source at a time.
        let batchWidth = lengths == nil && batched && n <= BatchedBrandes.largestGraph ? BatchedBrandes.width : 1
        let ordered =
            batchWidth > 1
            ? graph.outOffsets.withUnsafeBufferPointer { o in
                graph.outTargets.withUnsafeBufferPointer { BatchedBrandes.groupedSources(sources, offsets: o, targets: $0) }
            } : sources
        let unitCount = (sources.count + batchWidth - 1) / batchWidth
        let partialCount = min(Self.partialSums, max(1, unitCount))
        let workers = min(max(1, lanes), partialCount)
        let endpoints = self.endpoints
        let e: Double = endpoints ? 1 : 0
        let a = weights?.source ?? [Double](repeating: 1, count: n)
        let c = weights?.target ?? a
        let extra = c.map { $0 - 1 + e }
        let countInReach = weights?.countInReach ?? false
        let undirectedTrees = weights?.undirectedTrees ?? false
        let counter = ProgressCounter(total: sources.count, handler: progress)
        let results = SharedBuffer<UnsafeMutableBufferPointer<Double>?>(repeating: nil, count: partialCount)
        let inReachResults = SharedBuffer<UnsafeMutableBufferPointer<Double>?>(repeating: nil, count: countInReach ? partialCount : 0)
        let reachWeight = SharedBuffer<Double>(repeating: 0, count: n)
        defer {
            for p in 0..<partialCount { results.pointer[p]?.deallocate() }
            for p in 0..<inReachResults.pointer.count { inReachResults.pointer[p]?.deallocate() }
        }
        graph.outOffsets.withUnsafeBufferPointer { offsets in
            graph.outTargets.withUnsafeBufferPointer { targets in
                a.withUnsafeBufferPointer { a in
                    c.withUnsafeBufferPointer { c in
                        extra.withUnsafeBufferPointer { extra in
                            withOptionalBuffer(lengths) { lengthBuffer in
                                forEachLane(workers) { worker in
                                    // Unweighted: level and σ side by side (``BreadthFirstBrandes``); weighted: Dijkstra.
                                    let batch = batchWidth > 1 ? BatchedBrandes(n: n, offsets: offsets, targets: targets) : nil
                                    let bfs =
                                        lengthBuffer == nil && batch == nil
                                        ? BreadthFirstBrandes(n: n, offsets: offsets, targets: targets) : nil
                                    let search = lengthBuffer.map {
                                        ShortestPathSearch(n: n, offsets: offsets, targets: targets, lengths: $0)
                                    }
                                    // (c(w) + δ(w)) / σ(w) per node, written before any predecessor reads it.
                                    let coeff = UnsafeMutableBufferPointer<Double>.allocate(capacity: bfs == nil ? n : 0)
                                    coeff.initialize(repeating: 0)
                                    defer { coeff.deallocate() }
                                    var partial = worker
                                    while partial < partialCount {
                                        let acc = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
                                        acc.initialize(repeating: 0)
                                        var inAcc: UnsafeMutableBufferPointer<Double>?
                                        if countInReach {
                                            inAcc = .allocate(capacity: n)
                                            inAcc!.initialize(repeating: 0)
                                        }
                                        var i = partial
                                        while let batch, i < unitCount {
                                            let first = i * batchWidth
                                            let members = ordered[first..<min(first + batchWidth, ordered.count)]
                                            batch.run(from: members)
                                            let reach = batch.accumulate(weights: a, c: c, extra: extra, into: acc, inReach: inAcc)
                                            for (b, s) in members.enumerated() {
                                                let reachSum = reach[b]
                                                let down = reachSum + c[s] - 1
                                                let treePairs = undirectedTrees ? reachSum : down
                                                acc[s] += (a[s] - 1) * treePairs + e * down
                                                reachWeight.pointer[s] = reachSum
                                            }
                                            i += partialCount
                                            counter.advance(members.count)
                                        }
                                        while batch == nil, i < sources.count {
                                            let s = sources[i]
                                            let weightOfSource = a[s]
                                            var reachSum = 0.0
                                            if let bfs {
                                                bfs.run(from: s)
                                                reachSum = bfs.accumulate(
                                                    source: s, weight: weightOfSource, c: c, extra: extra, into: acc, inReach: inAcc)
                                            } else if let search {
                                                search.run(from: s)
                                                reachSum = Self.pull(
                                                    search, source: s, weight: weightOfSource, c: c, extra: extra, coeff: coeff, into: acc,
                                                    inReach: inAcc)
                                            }
                                            let down = reachSum + c[s] - 1
                                            let treePairs = undirectedTrees ? reachSum : down
                                            acc[s] += (weightOfSource - 1) * treePairs + e * down
                                            reachWeight.pointer[s] = reachSum
                                            i += partialCount
                                            if (i / partialCount) % ProgressCounter.stride == 0 { counter.advance(ProgressCounter.stride) }
                                        }
                                        results.pointer[partial] = acc
                                        if countInReach { inReachResults.pointer[partial] = inAcc }
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
        var inReach: [Double]?
        if countInReach {
            var sum = [Double](repeating: 0, count: n)
            for p in 0..<partialCount {
                let partial = inReachResults.pointer[p]!
                for v in 0..<n { sum[v] += partial[v] }
            }
            inReach = sum
        }
        return (total, reachWeight.array, inReach)
    }

    /// The backward pass after a weighted ``ShortestPathSearch`` from `source`, pulling along out-arcs
    /// in reverse search order (as ``BreadthFirstBrandes/accumulate(source:weight:c:extra:into:inReach:)``
    /// does unweighted): a successor `w` of `v` lies exactly one arc length after it (NetworkX's `==`).
    /// Returns Σ c(v) over the reached `v ≠ source`.
    static func pull(
        _ search: ShortestPathSearch, source: Int, weight: Double, c: UnsafeBufferPointer<Double>, extra: UnsafeBufferPointer<Double>,
        coeff: UnsafeMutableBufferPointer<Double>, into acc: UnsafeMutableBufferPointer<Double>,
        inReach: UnsafeMutableBufferPointer<Double>?
    ) -> Double {
        let offsets = search.offsets, targets = search.targets, lengths = search.lengths!
        let dist = search.distance, sigma = search.sigma, order = search.order
        var reachSum = 0.0
        var j = search.reached - 1
        while j >= 0 {
            let v = Int(order[j])
            var sum = 0.0
            let end = Int(offsets[v + 1])
            var k = Int(offsets[v])
            let dv = dist[v]
            while k < end {
                let w = Int(targets[k])
                if dv + lengths[k] == dist[w] { sum += coeff[w] }
                k += 1
            }
            let sv = sigma[v]
            let delta = sv * sum
            let cv = c[v]
            coeff[v] = (cv + delta) / sv
            if v != source {
                acc[v] += weight * (delta + extra[v])
                reachSum += cv
                if let inReach, cv > 1 { inReach[v] += weight }
            }
            j -= 1
        }
        return reachSum
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
