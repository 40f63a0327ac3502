import BackchannelModel

/// Which conveners and organisations reach a designated actor through material-support relations,
/// and which legal decisions and instruments bear on each such path.
///
/// An *exposure path* runs from an actor to a designated actor (one with a ``Designation``) along
/// `provides` edges only (any support type of the material-support statute: monetary, expert advice
/// or assistance, training, personnel, service), directly or through up to ``maximumHops`` − 1
/// intermediaries. The actors examined are every convener and every other node that is the source of
/// a `provides` edge. For each path the report lists:
/// - the designations of its end (list, keeper, year) and the officials that `designates` it;
/// - the legal nodes bearing on it: those that `constrains` or `designates` any node on the path, and
///   those that `upholds` (or are upheld by) one of them;
/// - for each hop, its timing against the designation: before, after, spanning it, or undated.
/// Paths are ranked by length (direct first), then by the number of legal instruments bearing on
/// them, then by actor. This is a factual summary of the recorded relations, not legal advice.
///
/// - Complexity: O(a · b^h) for a actors, branching b of `provides` edges and h hops (small in practice).
public struct LegalExposure: Sendable {
    public static let maximumHops = 3

    /// How a hop's date compares with the designation.
    public enum Timing: String, Sendable {
        case beforeDesignation = "before the designation"
        case afterDesignation = "after the designation"
        case spansDesignation = "spans the designation"
        case undated
        case designationUndated = "designation undated"
    }

    public struct Hop: Sendable {
        public var edge: Int
        public var support: SupportType?
        public var timing: Timing
        public var status: String?
    }

    public struct ExposurePath: Sendable {
        public var nodes: [String]
        public var hops: [Hop]
        /// The designated end's listings.
        public var designations: [Designation]
        /// Officials with a `designates` edge to the end.
        public var designatedBy: [String]
        /// Legal nodes bearing on the path, in network order.
        public var legal: [String]
    }

    public init() {}

    /// Exposure paths, ranked. Runs on the compact graph of the `provides` edges (with its arc → edge
    /// map) and index arrays of the legal relations.
    public func paths(_ network: Network) -> [ExposurePath] {
        let provides = TypedGraph(network, directed: true, keep: { $0.relation == .provides })
        let graph = provides.graph
        let n = graph.nodeCount
        let index = network.nodeIndex()
        let designated = network.nodes.map(\.isDesignated)
        let isLegal = network.nodes.map { $0.kind == .legal }
        // Legal relations by index: who constrains or designates each node, who upholds whom, who
        // (not legal) designates each node.
        var bearing = [[Int]](repeating: [], count: n)
        var upholds = [[Int]](repeating: [], count: n)
        var designatedBy = [[Int]](repeating: [], count: n)
        for e in network.edges {
            guard let s = index[ExactID(e.source)], let t = index[ExactID(e.target)] else { continue }
            switch e.relation {
            case .constrains, .designates:
                if isLegal[s] { bearing[t].append(s) }
                if e.relation == .designates && !isLegal[s] { designatedBy[t].append(s) }
            case .upholds:
                if isLegal[s] { upholds[t].append(s) }
                if isLegal[t] { upholds[s].append(t) }
            default: break
            }
        }
        let hasProvides = (0..<n).map { graph.outOffsets[$0] < graph.outOffsets[$0 + 1] }
        let actors = (0..<n).filter { v in
            !designated[v] && (network.nodes[v].kind == .convener || hasProvides[v]) && index[ExactID(network.nodes[v].id)] == v
        }
        var result: [(actor: Int, edges: [Int], path: ExposurePath)] = []
        var visited = [Bool](repeating: false, count: n)
        for actor in actors {
            var stack: [Int] = []  // kept-edge positions
            visited[actor] = true
            func walk(_ at: Int) {
                for k in Int(graph.outOffsets[at])..<Int(graph.outOffsets[at + 1]) {
                    let next = Int(graph.outTargets[k])
                    if visited[next] { continue }
                    for j in provides.edges(ofArc: k) {
                        stack.append(Int(graph.outArcEdges[j]))
                        if designated[next] {
                            let edges = stack.map { provides.edgeIndex[$0] }
                            let nodes = [actor] + stack.map { Int(provides.edgeTarget[$0]) }
                            result.append(
                                (
                                    actor, edges,
                                    describe(nodes, edges, network, bearing: bearing, upholds: upholds, designatedBy: designatedBy)
                                ))
                        }
                        if stack.count < Self.maximumHops {
                            visited[next] = true
                            walk(next)
                            visited[next] = false
                        }
                        stack.removeLast()
                    }
                }
            }
            walk(actor)
            visited[actor] = false
        }
        result.sort { a, b in
            if a.edges.count != b.edges.count { return a.edges.count < b.edges.count }
            if a.path.legal.count != b.path.legal.count { return a.path.legal.count > b.path.legal.count }
            if a.actor != b.actor { return a.actor < b.actor }
            return a.edges.lexicographicallyPrecedes(b.edges)
        }
        return result.map(\.path)
    }

    private func describe(_ nodes: [Int], _ edges: [Int], _ network: Network, bearing: [[Int]], upholds: [[Int]], designatedBy: [[Int]])
        -> ExposurePath
    {
        let end = network.nodes[nodes.last!]
        var legal = Set<Int>()
        for v in nodes { legal.formUnion(bearing[v]) }
        for l in legal { legal.formUnion(upholds[l]) }
        let since = end.designations.compactMap(\.since).min()
        let hops = edges.map { i -> Hop in
            let e = network.edges[i]
            let timing: Timing
            if let since {
                switch (e.years.start, e.years.end) {
                case (nil, nil): timing = .undated
                case let (_, end?) where end.lastDay < since.firstDay: timing = .beforeDesignation
                case let (start?, _) where start.firstDay >= since.firstDay: timing = .afterDesignation
                default: timing = .spansDesignation
                }
            } else {
                timing = e.years.isEmpty ? .undated : .designationUndated
            }
            return Hop(edge: i, support: e.support, timing: timing, status: e.attributes["status"]?.text)
        }
        return ExposurePath(
            nodes: nodes.map { network.nodes[$0].id }, hops: hops, designations: end.designations,
            designatedBy: designatedBy[nodes.last!].map { network.nodes[$0].id },
            legal: legal.sorted().map { network.nodes[$0].id })
    }
}
