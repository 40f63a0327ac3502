import BackchannelModel

/// Which conflict each node belongs with, for clustering diagrams and per-conflict views.
///
/// The *root conflicts* are the `conflict` nodes that are not `part_of` another conflict. Each node
/// joins the root conflict nearest to it by an undirected path of at most ``maximumDistance`` edges;
/// ties go to the root conflict listed first. Nodes farther from every conflict belong to none. A
/// crisis that is `part_of` a conflict joins that conflict like any other node.
///
/// - Complexity: O(n + m): one multi-source breadth-first search.
public struct ConflictAssignment: Sendable {
    public static let maximumDistance = 2

    /// Node indices of the root conflicts, in input order.
    public let roots: [Int]
    /// For each node, the position in ``roots`` of its conflict, or nil.
    public let conflictOf: [Int?]

    /// Runs on the network's undirected compact graph, with the edges' relations as an index array.
    public init(_ network: Network) {
        let typed = TypedGraph(network, directed: false)
        let graph = typed.graph
        let n = graph.nodeCount
        var partOfConflict = [Bool](repeating: false, count: n)
        for e in typed.relation.indices where typed.relation[e] == .partOf {
            let s = Int(typed.edgeSource[e]), t = Int(typed.edgeTarget[e])
            if s != t && typed.kind[s] == .conflict && typed.kind[t] == .conflict { partOfConflict[s] = true }
        }
        let roots = (0..<n).filter { typed.kind[$0] == .conflict && !partOfConflict[$0] }
        var conflictOf = [Int?](repeating: nil, count: n)
        var distance = [Int](repeating: .max, count: n)
        var frontier: [Int] = []
        for (r, node) in roots.enumerated() {
            conflictOf[node] = r
            distance[node] = 0
            frontier.append(node)
        }
        var depth = 0
        while !frontier.isEmpty && depth < Self.maximumDistance {
            depth += 1
            var next: [Int] = []
            for u in frontier {
                for k in Int(graph.outOffsets[u])..<Int(graph.outOffsets[u + 1]) {
                    let v = Int(graph.outTargets[k])
                    if distance[v] == .max {
                        distance[v] = depth
                        conflictOf[v] = conflictOf[u]
                        next.append(v)
                    } else if distance[v] == depth, let cu = conflictOf[u], let cv = conflictOf[v], cu < cv {
                        conflictOf[v] = cu  // tie: the conflict listed first wins
                    }
                }
            }
            frontier = next
        }
        self.roots = roots
        self.conflictOf = conflictOf
    }

    /// Ids of the nodes within `radius` undirected steps of node `center` (itself included; just
    /// `center` when it is not a node).
    ///
    /// - Complexity: O(n + m): a breadth-first search on the undirected compact graph.
    public static func neighbourhood(of center: String, radius: Int, in network: Network) -> Set<String> {
        let graph = CompactGraph(network, directed: false)
        guard let c = graph.ids.firstIndex(of: center) else { return [center] }
        let distance = (try? ShortestPaths.distances(graph, from: c)) ?? []
        return Set(distance.indices.filter { distance[$0] <= Double(max(radius, 0)) }.map { graph.ids[$0] })
    }
}
