/// Communities by the Louvain method: greedy modularity optimisation, level by level.
///
/// Each level moves single nodes to the neighbouring community with the largest modularity gain
/// ΔQ = k_i,c / m − γ · Σtot_c · k_i / (2m²) (after taking the node out of its own), in a seeded
/// random order, until a full pass moves nothing; the communities then become the nodes of the next
/// level (their internal weight a self-loop). It stops when a level raises modularity by no more than
/// `threshold`, as NetworkX's `louvain_communities(G, weight, resolution, threshold=1e-7, seed)` does.
/// The graph is read as undirected (see ``Modularity``). The same seed gives the same partition;
/// it need not be the partition NetworkX finds with that seed (the node order is drawn with
/// Backchannel's own generator, ``SeededRandom``), so tests compare modularity, and the exact
/// partition where the answer is unambiguous.
///
/// Communities are returned largest first, ties by their smallest node index; members ascending.
///
/// - Complexity: O(m) per pass; typically a few passes per level and O(log n) levels.
/// - Reference: Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008). Fast unfolding
///   of communities in large networks. J. Stat. Mech. P10008. doi:10.1088/1742-5468/2008/10/P10008
public struct Louvain: Sendable {
    public var resolution: Double
    public var threshold: Double
    public var seed: UInt64
    public var weighted: Bool

    public init(resolution: Double = 1, threshold: Double = 1e-7, seed: UInt64 = 0, weighted: Bool = false) {
        self.resolution = resolution
        self.threshold = threshold
        self.seed = seed
        self.weighted = weighted
    }

    /// The communities, each a list of node indices.
    ///
    /// - Throws: ``AnalysisError/invalidParameter(name:value:reason:)`` for a negative or
    ///   non-finite resolution or threshold.
    public func communities(_ graph: CompactGraph) throws(AnalysisError) -> [[Int]] {
        guard resolution.isFinite, resolution >= 0 else {
            throw .invalidParameter(name: "resolution", value: "\(resolution)", reason: "must be a finite number ≥ 0")
        }
        guard threshold.isFinite, threshold >= 0 else {
            throw .invalidParameter(name: "threshold", value: "\(threshold)", reason: "must be a finite number ≥ 0")
        }
        let base = UndirectedWeights(graph, weighted: weighted)
        let n = base.n
        // membership[v]: the community of original node v, refined level by level.
        var membership = Array(0..<n)
        guard base.total > 0 else { return Self.ordered(membership) }
        var level = Level(offsets: base.offsets, targets: base.targets, weights: base.weights, selfLoops: [Double](repeating: 0, count: n))
        var random = SeededRandom(seed: seed)
        var modularity = level.modularity(partition: Array(0..<level.n), m: base.total, resolution: resolution)
        while true {
            let (partition, moved) = level.onePass(m: base.total, resolution: resolution, random: &random)
            let q = level.modularity(partition: partition, m: base.total, resolution: resolution)
            if !moved || q - modularity <= threshold {
                if moved && q > modularity { membership = membership.map { partition[$0] } }
                break
            }
            modularity = q
            membership = membership.map { partition[$0] }
            level = level.aggregated(by: partition)
        }
        return Self.ordered(membership)
    }

    /// The community number of every node, as ``communities(_:)`` orders them.
    public func membership(_ graph: CompactGraph) throws(AnalysisError) -> [Int] {
        var result = [Int](repeating: 0, count: graph.nodeCount)
        for (c, members) in try communities(graph).enumerated() { for v in members { result[v] = c } }
        return result
    }

    private static func ordered(_ membership: [Int]) -> [[Int]] {
        var groups: [Int: [Int]] = [:]
        for (v, c) in membership.enumerated() { groups[c, default: []].append(v) }
        return groups.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
    }
}

/// One level of the Louvain hierarchy: a symmetric weighted graph whose nodes may carry self-loops.
private struct Level {
    /// The smallest modularity gain that moves a node: rounding error in a gain is far below it, and
    /// a real gain on a graph that fits in memory far above.
    static let minimumGain = 1e-12
    /// At most this many passes over the nodes per level.
    static let maximumPasses = 1_000

    var offsets: [Int]
    var targets: [Int]
    var weights: [Double]
    var selfLoops: [Double]
    var n: Int { selfLoops.count }

    /// Degree as NetworkX counts it: incident weights plus twice the self-loop.
    func degree(_ v: Int) -> Double {
        var d = 2 * selfLoops[v]
        for k in offsets[v]..<offsets[v + 1] { d += weights[k] }
        return d
    }

    func modularity(partition: [Int], m: Double, resolution: Double) -> Double {
        let groups = (partition.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: groups), total = [Double](repeating: 0, count: groups)
        for v in 0..<n {
            total[partition[v]] += degree(v)
            inside[partition[v]] += 2 * selfLoops[v]
            for k in offsets[v]..<offsets[v + 1] where partition[targets[k]] == partition[v] { inside[partition[v]] += weights[k] }
        }
        var q = 0.0
        for c in 0..<groups { q += inside[c] / (2 * m) - resolution * (total[c] / (2 * m)) * (total[c] / (2 * m)) }
        return q
    }

    /// Moves nodes until a pass moves none; returns the partition renumbered 0..<k and whether any node moved.
    func onePass(m: Double, resolution: Double, random: inout SeededRandom) -> ([Int], Bool) {
        var community = Array(0..<n)
        let degrees = (0..<n).map(degree)
        var totals = degrees
        var order = Array(0..<n)
        order.shuffle(using: &random)
        // Per-pass scratch: weight from the node to each neighbouring community.
        var toCommunity = [Double](repeating: 0, count: n)
        var touched: [Int] = []
        var movedAny = false
        var improved = true
        var passes = 0
        // Every move raises modularity, so passes end; the cap bounds the work all the same.
        while improved && passes < Self.maximumPasses {
            improved = false
            passes += 1
            for v in order {
                let own = community[v]
                let k = degrees[v]
                touched.removeAll(keepingCapacity: true)
                for e in offsets[v]..<offsets[v + 1] {
                    let c = community[targets[e]]
                    if toCommunity[c] == 0 { touched.append(c) }
                    toCommunity[c] += weights[e]
                }
                totals[own] -= k
                let removeCost = -toCommunity[own] / m + resolution * totals[own] * k / (2 * m * m)
                var best = own
                var bestGain = 0.0
                for c in touched where c != own {
                    let gain = removeCost + toCommunity[c] / m - resolution * totals[c] * k / (2 * m * m)
                    // A gain within rounding of zero is no gain: without the margin, two communities
                    // that are equally good can trade a node back and forth for ever.
                    if gain > bestGain + Self.minimumGain {
                        bestGain = gain
                        best = c
                    }
                }
                totals[best] += k
                for c in touched { toCommunity[c] = 0 }
                if best != own {
                    community[v] = best
                    improved = true
                    movedAny = true
                }
            }
        }
        // Renumber in order of first appearance by node index.
        var number = [Int](repeating: -1, count: n)
        var next = 0
        let renumbered = community.map { c -> Int in
            if number[c] < 0 {
                number[c] = next
                next += 1
            }
            return number[c]
        }
        return (renumbered, movedAny)
    }

    /// The graph whose nodes are the communities of `partition`.
    func aggregated(by partition: [Int]) -> Level {
        let k = (partition.max() ?? -1) + 1
        var loops = [Double](repeating: 0, count: k)
        var rows: [[Int: Double]] = Array(repeating: [:], count: k)
        for v in 0..<n {
            let cv = partition[v]
            loops[cv] += selfLoops[v]
            for e in offsets[v]..<offsets[v + 1] {
                let cw = partition[targets[e]]
                if cv == cw {
                    loops[cv] += weights[e] / 2  // seen from both ends
                } else {
                    rows[cv][cw, default: 0] += weights[e]
                }
            }
        }
        var offsets = [0], targets: [Int] = [], weights: [Double] = []
        for row in rows {
            for (c, w) in row.sorted(by: { $0.key < $1.key }) {
                targets.append(c)
                weights.append(w)
            }
            offsets.append(targets.count)
        }
        return Level(offsets: offsets, targets: targets, weights: weights, selfLoops: loops)
    }
}
