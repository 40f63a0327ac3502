import BackchannelModel

/// Degree of every node in a typed network: the number of edges incident to it.
///
/// Parallel edges each count (a convener that both `convenes` and `addresses` the same dialogue has
/// degree 2 towards it), as NetworkX's `MultiDiGraph.degree` does; a self-loop counts twice in the
/// total, once in and once out. Weights are ignored. Scores are raw counts; divide by n − 1 for
/// NetworkX's `degree_centrality`.
///
/// - Complexity: O(n + m).
/// - Reference: Freeman, L. C. (1978). Centrality in social networks: conceptual clarification.
///   Social Networks 1(3), 215–239. doi:10.1016/0378-8733(78)90021-7
public struct DegreeCentrality: Sendable {
    public let inDegree: [Int]
    public let outDegree: [Int]

    /// Degrees in the order of `network.nodes`.
    public init(_ network: Network) {
        let index = network.nodeIndex()
        var inDegree = [Int](repeating: 0, count: network.nodes.count)
        var outDegree = inDegree
        for edge in network.edges {
            guard let s = index[edge.source], let t = index[edge.target] else { continue }
            outDegree[s] += 1
            inDegree[t] += 1
        }
        self.inDegree = inDegree
        self.outDegree = outDegree
    }

    /// In-degree plus out-degree, per node.
    public var total: [Int] { zip(inDegree, outDegree).map { $0 + $1 } }

    /// Node indices with the highest total degree first; ties keep input order.
    public func ranking(where include: (Int) -> Bool = { _ in true }) -> [Int] {
        let t = total
        return t.indices.filter(include).sorted { t[$0] != t[$1] ? t[$0] > t[$1] : $0 < $1 }
    }
}
