/// Gould–Fernandez brokerage roles: how often a node sits between two others who are not tied, by group.
///
/// For each broker v and two-path a → v → b with a ≠ b and no arc a → b, the role depends on the
/// groups g of a, v, b (a partition: track, conflict side, any node attribute):
/// - coordinator: g(a) = g(v) = g(b)
/// - itinerant (consultant): g(a) = g(b) ≠ g(v)
/// - representative: g(a) = g(v) ≠ g(b)
/// - gatekeeper: g(a) ≠ g(v) = g(b)
/// - liaison: all three differ.
/// On an undirected graph every edge is two arcs. Raw counts, and counts normalized by their expected
/// values: with N nodes, group sizes n_h, g = g(v), T_v the broker's open two-paths and
/// D = (N − 1)(N − 2), the expected counts are T_v·(n_g−1)(n_g−2)/D (coordinator),
/// T_v·Σ_{h≠g} n_h(n_h−1)/D (itinerant), T_v·(n_g−1)(N−n_g)/D (representative and gatekeeper) and
/// T_v·Σ_{h≠g} n_h(N−n_g−n_h)/D (liaison): the chances that two distinct other nodes, drawn at random,
/// fall into each pattern. A normalized score above 1 means more of that role than chance.
///
/// - Complexity: O(Σ_v d_in(v)·d_out(v)·log d).
/// - Reference: Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to
///   brokerage in transaction networks. Sociological Methodology 19, 89–126. doi:10.2307/270949
public struct Brokerage: Sendable {
    public enum Role: String, CaseIterable, Sendable {
        case coordinator, itinerant, representative, gatekeeper, liaison
    }

    /// One group number per node.
    public var groups: [Int]

    public init(groups: [Int]) {
        self.groups = groups
    }

    /// Raw counts and expected counts per role, each one value per node.
    ///
    /// - Throws: ``AnalysisError/invalidParameter(name:value:reason:)`` unless `groups` has one entry per node.
    public func scores(_ graph: CompactGraph) throws(AnalysisError) -> (raw: [Role: [Double]], expected: [Role: [Double]]) {
        let n = graph.nodeCount
        try Check.count(groups.count, "groups", nodeCount: n)
        var raw = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, [Double](repeating: 0, count: n)) })
        func hasArc(_ a: Int, _ b: Int32) -> Bool {
            var lo = Int(graph.outOffsets[a]), hi = Int(graph.outOffsets[a + 1])
            while lo < hi {
                let mid = (lo + hi) >> 1
                if graph.outTargets[mid] < b { lo = mid + 1 } else { hi = mid }
            }
            return lo < Int(graph.outOffsets[a + 1]) && graph.outTargets[lo] == b
        }
        var counts = [Int](repeating: 0, count: Role.allCases.count)
        for v in 0..<n {
            for i in 0..<counts.count { counts[i] = 0 }
            let gv = groups[v]
            for k in Int(graph.inOffsets[v])..<Int(graph.inOffsets[v + 1]) {
                let a = Int(graph.inSources[k])
                let ga = groups[a]
                for l in Int(graph.outOffsets[v])..<Int(graph.outOffsets[v + 1]) {
                    let b = graph.outTargets[l]
                    if Int(b) == a || hasArc(a, b) { continue }
                    let gb = groups[Int(b)]
                    let role = ga == gv ? (gb == gv ? 0 : 2) : (gb == gv ? 3 : (ga == gb ? 1 : 4))
                    counts[role] += 1
                }
            }
            for (i, role) in Role.allCases.enumerated() { raw[role]![v] = Double(counts[i]) }
        }
        // Expected counts.
        var sizes: [Int: Int] = [:]
        for g in groups { sizes[g, default: 0] += 1 }
        let N = Double(n)
        let D = (N - 1) * (N - 2)
        var expected = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, [Double](repeating: 0, count: n)) })
        for v in 0..<n {
            let total = Role.allCases.reduce(0.0) { $0 + raw[$1]![v] }
            guard D > 0 else { continue }
            let ng = Double(sizes[groups[v]]!)
            var itinerant = 0.0, liaison = 0.0
            for g in sizes.keys.sorted() where g != groups[v] {
                let nh = Double(sizes[g]!)
                itinerant += nh * (nh - 1)
                liaison += nh * (N - ng - nh)
            }
            expected[.coordinator]![v] = total * (ng - 1) * (ng - 2) / D
            expected[.itinerant]![v] = total * itinerant / D
            expected[.representative]![v] = total * (ng - 1) * (N - ng) / D
            expected[.gatekeeper]![v] = total * (N - ng) * (ng - 1) / D
            expected[.liaison]![v] = total * liaison / D
        }
        return (raw, expected)
    }
}
