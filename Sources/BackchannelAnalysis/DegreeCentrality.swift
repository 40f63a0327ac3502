/// Degree centrality: the number of neighbours, as a share of the n − 1 possible.
///
/// As NetworkX 3.6 `degree_centrality`, `in_degree_centrality` and `out_degree_centrality`, on the
/// merged graph (parallel edges count once; self-loops are dropped, see ``CompactGraph``). On a
/// directed graph `degree` is in-degree plus out-degree. Normalized by n − 1; a one-node graph scores 1.
/// Weights are ignored (see ``Strength``).
///
/// - Complexity: O(n).
/// - Reference: Freeman, L. C. (1978). Centrality in social networks: conceptual clarification.
///   Social Networks 1(3), 215–239. doi:10.1016/0378-8733(78)90021-7
public struct DegreeCentrality: Sendable {
    public enum Direction: Sendable { case total, incoming, outgoing }

    public var direction: Direction
    public var normalized: Bool

    public init(_ direction: Direction = .total, normalized: Bool = true) {
        self.direction = direction
        self.normalized = normalized
    }

    public func scores(_ graph: CompactGraph) -> [Double] {
        let n = graph.nodeCount
        if n <= 1 && normalized { return [Double](repeating: 1, count: n) }
        let scale = normalized ? 1 / Double(n - 1) : 1
        return (0..<n).map { v in
            let out = Double(graph.outOffsets[v + 1] - graph.outOffsets[v])
            let inn = Double(graph.inOffsets[v + 1] - graph.inOffsets[v])
            let d: Double =
                switch direction {
                case .total: graph.isDirected ? out + inn : out
                case .incoming: inn
                case .outgoing: out
                }
            return d * scale
        }
    }

    /// Node indices by descending score; ties keep node order.
    public static func ranking(_ scores: [Double], where include: (Int) -> Bool = { _ in true }) -> [Int] {
        scores.indices.filter(include).sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
    }
}
