/// Strength: weighted degree, the sum of the weights of a node's edges.
///
/// As NetworkX `G.degree(weight="weight")`: on a directed graph, incoming plus outgoing. Parallel
/// edges add up. Not normalized.
///
/// - Complexity: O(n + m).
/// - Reference: Barrat, Barthélemy, Pastor-Satorras & Vespignani (2004). The architecture of complex
///   weighted networks. PNAS 101(11), 3747–3752. doi:10.1073/pnas.0400087101
public struct Strength: Sendable {
    public init() {}

    /// - Throws: ``AnalysisError/invalidParameter(name:value:reason:)`` when the graph holds an invalid weight.
    public func scores(_ graph: CompactGraph) throws(AnalysisError) -> [Double] {
        try graph.checkWeights(.strength)
        return (0..<graph.nodeCount).map { v in
            var s = 0.0
            for k in Int(graph.outOffsets[v])..<Int(graph.outOffsets[v + 1]) { s += graph.outStrengths[k] }
            if graph.isDirected {
                for k in Int(graph.inOffsets[v])..<Int(graph.inOffsets[v + 1]) { s += graph.inStrengths[k] }
            }
            return s
        }
    }
}
