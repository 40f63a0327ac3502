/// Pendant folding for exact betweenness: trees hanging off the core of a graph are folded into the
/// core node they hang from, their nodes' betweenness follows in closed form, and Brandes runs only
/// from the core nodes, on the core, with node weights.
///
/// **Undirected.** A node of degree 1 is folded into its one neighbour, repeatedly (so whole trees
/// fold, and a tree component folds down to one node). Each node v then stands for w(v) nodes: itself
/// and the tree folded into it. Every shortest path from a folded node x leaves its subtree T_x
/// through x, so with N the size of x's component and `w(child)` the subtrees folded directly into x,
///
///     b_tree(x) = 2 (w(x) − 1)(N − w(x)) + (w(x) − 1)² − Σ_child w(child)²
///
/// (ordered pairs from T_x \ {x} to outside T_x and back, and between different child subtrees). A
/// core node adds the Brandes sum over the core with source weight w(s) and target weight w(t):
/// `δ_s(v) = Σ_{w: v ∈ P_s(w)} σ_sv/σ_sw · (w(w) + δ_s(w))`, `b(v) += w(s) · δ_s(v)`.
///
/// **Directed.** A node with in-degree 0, out-degree 1 and nothing folded below it as a sink is
/// folded into its out-neighbour as a *source pendant* (a(p) += a(x): every path from x runs through
/// p); a node with out-degree 0, in-degree 1 and no source pendant folded into it is folded into its
/// in-neighbour as a *sink pendant* (c(q) += c(y)), repeatedly. With D(x) the number of nodes x
/// reaches and U(y) the number that reach y (neither counting itself):
/// - source pendant x: `b(x) = (a(x) − 1) · D(x)`, with D(x) = D(parent) + 1;
/// - sink pendant y: `b(y) = (c(y) − 1) · U(y)`, with U(y) = U(parent) + 1;
/// - core node r: `(a(r) − 1) · D(r) + (c(r) − 1) · Σ_{core s ≠ r reaching r} a(s)` plus the weighted
///   Brandes sum, source weight a(s), target weight c(t).
///
/// D and U of core nodes come out of the core searches (the c-weight of what each source reaches, the
/// a-weight of the sources reaching each sink-tree root), so the folding adds O(n + m) to Brandes.
/// With `endpoints`, every node also gains its out-reach and in-reach.
///
/// **Which cases fold.** Unweighted: everything above. Weighted (`distance`, `strength`) with every
/// arc length an integer and their total below 2⁵³: everything too, since every path length is then
/// an exact integer, so the ties Brandes tests with `==` are the same whether a search starts at a
/// source pendant or at the core node it hangs from. Other lengths: a directed graph folds sink
/// pendants only (removing one changes no other distance, and it has one predecessor, so the fold is
/// exact under any lengths) and an undirected graph folds nothing (each leaf is a source too).
/// Sampled betweenness (given sources) does not fold.
///
/// The result is the same as unfolded Brandes up to summation order: within 1e-12 relative (products
/// by integer weights replace sums of equal terms; the tree terms are exact integers).
///
/// - Complexity: O(n + m) for the folding and the closed forms; Brandes then runs from the core's
///   n′ nodes over its m′ arcs: O(n′ m′) unweighted.
/// - Reference: Baglioni, M., Geraci, F., Pellegrini, M. & Lastres, E. (2012). Fast exact computation
///   of betweenness centrality in social networks. ASONAM 2012. doi:10.1109/ASONAM.2012.35.
///   Sariyüce, A. E., Saule, E., Kaya, K. & Çatalyürek, Ü. V. (2013). Shattering and compressing
///   networks for betweenness centrality (BADIOS). SDM 2013. doi:10.1137/1.9781611972832.76
struct PendantFolding {
    enum Fold: UInt8 {
        /// Undirected: a tree node folded into its neighbour.
        case tree
        /// Directed: in-degree 0, out-degree 1.
        case source
        /// Directed: out-degree 0, in-degree 1.
        case sink
    }

    let directed: Bool
    /// Per original node: the nodes it stands for on the source side (a), on the target side (c).
    /// Undirected, a == c == w.
    private(set) var a: [Double]
    private(set) var c: [Double]
    /// Undirected: Σ w(child)² over the subtrees folded directly into each node.
    private(set) var childSquares: [Double]
    /// Folded nodes in the order they were folded, with the node each folded into.
    private(set) var folded: [(node: Int32, parent: Int32, fold: Fold)] = []
    /// Whether each original node stays in the core.
    private(set) var isCore: [Bool]

    /// Folds `graph`; `foldSources` false folds sink pendants only (directed) or nothing (undirected).
    init(_ graph: CompactGraph, foldSources: Bool) {
        let n = graph.nodeCount
        directed = graph.isDirected
        a = [Double](repeating: 1, count: n)
        c = a
        childSquares = [Double](repeating: 0, count: directed ? 0 : n)
        isCore = [Bool](repeating: true, count: n)
        if !directed && !foldSources { return }
        var outDegree = (0..<n).map { Int(graph.outOffsets[$0 + 1] - graph.outOffsets[$0]) }
        var inDegree = directed ? (0..<n).map { Int(graph.inOffsets[$0 + 1] - graph.inOffsets[$0]) } : []
        var stack: [Int32] = []
        stack.reserveCapacity(n)
        for v in stride(from: n - 1, through: 0, by: -1) { stack.append(Int32(v)) }
        // The one neighbour of `v` still in the core, among `targets[offsets[v]..<offsets[v+1]]`.
        func remaining(_ v: Int, _ offsets: [Int32], _ targets: [Int32]) -> Int {
            for k in Int(offsets[v])..<Int(offsets[v + 1]) where isCore[Int(targets[k])] { return Int(targets[k]) }
            preconditionFailure("a pendant has a neighbour")
        }
        while let top = stack.popLast() {
            let v = Int(top)
            guard isCore[v] else { continue }
            if !directed {
                guard outDegree[v] == 1 else { continue }
                let p = remaining(v, graph.outOffsets, graph.outTargets)
                isCore[v] = false
                a[p] += a[v]
                childSquares[p] += a[v] * a[v]
                outDegree[p] -= 1
                folded.append((Int32(v), Int32(p), .tree))
                stack.append(Int32(p))
            } else if foldSources && inDegree[v] == 0 && outDegree[v] == 1 && c[v] == 1 {
                let p = remaining(v, graph.outOffsets, graph.outTargets)
                isCore[v] = false
                a[p] += a[v]
                inDegree[p] -= 1
                folded.append((Int32(v), Int32(p), .source))
                stack.append(Int32(p))
            } else if outDegree[v] == 0 && inDegree[v] == 1 && a[v] == 1 {
                let q = remaining(v, graph.inOffsets, graph.inSources)
                isCore[v] = false
                c[q] += c[v]
                outDegree[q] -= 1
                folded.append((Int32(v), Int32(q), .sink))
                stack.append(Int32(q))
            }
        }
        if !directed { c = a }
    }

    /// Whether anything folded.
    var isTrivial: Bool { folded.isEmpty }

    /// Whether any core node has a sink tree, so that its in-reach must be counted.
    var hasSinkTrees: Bool { directed && folded.contains { $0.fold == .sink } }

    /// Whether sink pendants fold exactly under `lengths` (nil: unit lengths), and source pendants too:
    /// every length an integer and their total below 2⁵³, so path lengths are exact.
    static func foldsSources(_ lengths: [Double]?) -> Bool {
        guard let lengths else { return true }
        var total = 0.0
        for l in lengths {
            guard l == l.rounded(.towardZero) else { return false }
            total += l
        }
        return total < 9_007_199_254_740_992
    }

    /// The raw betweenness of every original node from the core's results.
    ///
    /// - Parameters:
    ///   - coreRaw: raw weighted-Brandes sums per original core node (folded nodes: ignored);
    ///   - reachWeight: per original core node, the c-weight of the core nodes its search reached
    ///     (itself excluded);
    ///   - inReach: per original core node, the a-weight of the core sources that reached it (itself
    ///     excluded); needed only with ``hasSinkTrees``.
    func complete(coreRaw: [Double], reachWeight: [Double], inReach: [Double]?, endpoints: Bool) -> [Double] {
        let n = isCore.count
        let e: Double = endpoints ? 1 : 0
        var raw = coreRaw
        // D: nodes reached (directed), or N: component size (undirected); U: nodes reaching (directed).
        var down = [Double](repeating: 0, count: n)
        var up = [Double](repeating: 0, count: directed ? n : 0)
        for v in 0..<n where isCore[v] {
            if directed {
                down[v] = reachWeight[v] + c[v] - 1
                up[v] = a[v] - 1 + (inReach?[v] ?? 0)
                raw[v] += e * (a[v] - 1)
            } else {
                down[v] = reachWeight[v] + a[v]
                let w = a[v]
                raw[v] += (w - 1) * (w - 1) - childSquares[v] + e * (w - 1)
            }
        }
        for (node, parent, fold) in folded.reversed() {
            let x = Int(node), p = Int(parent)
            switch fold {
            case .tree:
                let N = down[p], w = a[x]
                down[x] = N
                raw[x] = 2 * (w - 1) * (N - w) + (w - 1) * (w - 1) - childSquares[x] + e * 2 * (N - 1)
            case .source:
                down[x] = down[p] + 1
                raw[x] = (a[x] - 1 + e) * down[x] + e * (a[x] - 1)
            case .sink:
                up[x] = up[p] + 1
                raw[x] = (c[x] - 1 + e) * up[x] + e * (c[x] - 1)
            }
        }
        return raw
    }
}
