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

    public init(_ network: Network) {
        let index = network.nodeIndex()
        let n = network.nodes.count
        var neighbours = [[Int]](repeating: [], count: n)
        var partOfConflict = [Bool](repeating: false, count: n)
        for edge in network.edges {
            guard let s = index[edge.source], let t = index[edge.target], s != t else { continue }
            neighbours[s].append(t)
            neighbours[t].append(s)
            if edge.relation == .partOf, network.nodes[s].kind == .conflict, network.nodes[t].kind == .conflict {
                partOfConflict[s] = true
            }
        }
        let roots = (0..<n).filter { network.nodes[$0].kind == .conflict && !partOfConflict[$0] }
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
                for v in neighbours[u] {
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

    /// Ids of the nodes within `radius` undirected steps of node `center` (itself included).
    public static func neighbourhood(of center: String, radius: Int, in network: Network) -> Set<String> {
        var adjacency: [String: [String]] = [:]
        for edge in network.edges {
            adjacency[edge.source, default: []].append(edge.target)
            adjacency[edge.target, default: []].append(edge.source)
        }
        var seen: Set<String> = [center]
        var frontier = [center]
        for _ in 0..<radius {
            frontier = frontier.flatMap { adjacency[$0] ?? [] }.filter { seen.insert($0).inserted }
        }
        return seen
    }
}
