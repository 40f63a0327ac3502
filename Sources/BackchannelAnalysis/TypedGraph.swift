import BackchannelModel

/// A typed network as index arrays, for the analyses that need relations, years and kinds
/// (``ConflictAssignment``, ``LegalExposure``, ``TimeRespectingPath``): the ``CompactGraph`` with its
/// arc → edge map, and per-edge and per-node attribute arrays. Built once with one pass over the ids;
/// the analyses then run on indices only.
///
/// Nodes are the network's nodes in order (`nodes[i]` is `network.nodes[i]`; a repeated id is a node
/// no edge reaches, edges resolve to its first occurrence). Edges are the network's edges whose ends
/// are both nodes and that `keep` accepts; `edgeIndex[e]` is the position in `network.edges`.
///
/// - Complexity: O(n + m) to build.
struct TypedGraph {
    let graph: CompactGraph
    /// Per kept edge: ends, relation, position in `network.edges`.
    let edgeSource: [Int32]
    let edgeTarget: [Int32]
    let relation: [Relation]
    let edgeIndex: [Int]
    /// Per node.
    let kind: [NodeKind]

    init(_ network: Network, directed: Bool, keepNode: (Node) -> Bool = { _ in true }, keep: (Edge) -> Bool = { _ in true }) {
        let index = network.nodeIndex()
        let kept = network.nodes.map(keepNode)
        var s: [Int32] = [], t: [Int32] = [], relation: [Relation] = [], edgeIndex: [Int] = []
        for (i, edge) in network.edges.enumerated() where keep(edge) {
            guard let a = index[ExactID(edge.source)], let b = index[ExactID(edge.target)], kept[a], kept[b] else { continue }
            s.append(Int32(a))
            t.append(Int32(b))
            relation.append(edge.relation)
            edgeIndex.append(i)
        }
        graph = CompactGraph(
            checked: network.nodes.map(\.id), sources: s, targets: t, weights: [Double](repeating: 1, count: s.count),
            directed: directed, invalidWeight: nil, keepEdges: true)
        edgeSource = s
        edgeTarget = t
        self.relation = relation
        self.edgeIndex = edgeIndex
        kind = network.nodes.map(\.kind)
    }

    /// The kept edges merged into out-arc `k`, ascending.
    @inline(__always)
    func edges(ofArc k: Int) -> Range<Int> {
        Int(graph.outArcEdgeOffsets[k])..<Int(graph.outArcEdgeOffsets[k + 1])
    }

    /// Out-arcs of `u`.
    @inline(__always)
    func arcs(_ u: Int) -> Range<Int> {
        Int(graph.outOffsets[u])..<Int(graph.outOffsets[u + 1])
    }

    /// Each node's (head, kept edge) pairs in kept-edge order (the order the network lists them), as
    /// CSR offsets and entries: the order the path searches document for ties.
    func incidenceInEdgeOrder() -> (offsets: [Int], heads: [Int32], edges: [Int32]) {
        let n = graph.nodeCount
        var count = [Int](repeating: 0, count: n + 1)
        for u in 0..<n {
            for k in arcs(u) { count[u + 1] += edges(ofArc: k).count }
        }
        for u in 0..<n { count[u + 1] += count[u] }
        var heads = [Int32](repeating: 0, count: count[n]), edges = [Int32](repeating: 0, count: count[n])
        for u in 0..<n {
            var at = count[u]
            for k in arcs(u) {
                for j in self.edges(ofArc: k) {
                    heads[at] = graph.outTargets[k]
                    edges[at] = graph.outArcEdges[j]
                    at += 1
                }
            }
            // Stable by edge: the arcs came by head, edges ascending within each.
            var pairs = Array(zip(edges[count[u]..<at], heads[count[u]..<at]))
            pairs.sort { $0.0 < $1.0 }
            for (i, p) in pairs.enumerated() {
                edges[count[u] + i] = p.0
                heads[count[u] + i] = p.1
            }
        }
        return (count, heads, edges)
    }
}
