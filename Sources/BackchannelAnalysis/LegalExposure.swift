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

    public func paths(_ network: Network) -> [ExposurePath] {
        let byID = Dictionary(network.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let order = network.nodeIndex()
        var provides: [String: [Int]] = [:]
        for (i, e) in network.edges.enumerated() where e.relation == .provides {
            provides[e.source, default: []].append(i)
        }
        let actors = network.nodes.filter { node in
            !node.isDesignated && (node.kind == .convener || provides[node.id] != nil)
        }
        var result: [ExposurePath] = []
        for actor in actors {
            var stack: [Int] = []
            var visited: Set<String> = [actor.id]
            func walk(_ at: String) {
                for edgeIndex in provides[at] ?? [] {
                    let next = network.edges[edgeIndex].target
                    if visited.contains(next) { continue }
                    stack.append(edgeIndex)
                    if let node = byID[next], node.isDesignated {
                        result.append(describe(actor.id, stack, network, byID))
                    }
                    if stack.count < Self.maximumHops {
                        visited.insert(next)
                        walk(next)
                        visited.remove(next)
                    }
                    stack.removeLast()
                }
            }
            walk(actor.id)
        }
        return result.sorted { a, b in
            if a.hops.count != b.hops.count { return a.hops.count < b.hops.count }
            if a.legal.count != b.legal.count { return a.legal.count > b.legal.count }
            let (x, y) = (order[a.nodes[0]] ?? 0, order[b.nodes[0]] ?? 0)
            if x != y { return x < y }
            return a.hops.map(\.edge).lexicographicallyPrecedes(b.hops.map(\.edge))
        }
    }

    private func describe(_ actor: String, _ edges: [Int], _ network: Network, _ byID: [String: Node]) -> ExposurePath {
        let nodes = [actor] + edges.map { network.edges[$0].target }
        let end = byID[nodes.last!]!
        let onPath = Set(nodes)
        var legal = Set<String>()
        for e in network.edges where (e.relation == .constrains || e.relation == .designates) && onPath.contains(e.target) {
            if byID[e.source]?.kind == .legal { legal.insert(e.source) }
        }
        let direct = legal
        for e in network.edges where e.relation == .upholds {
            if direct.contains(e.target), byID[e.source]?.kind == .legal { legal.insert(e.source) }
            if direct.contains(e.source), byID[e.target]?.kind == .legal { legal.insert(e.target) }
        }
        let designatedBy = network.edges.filter { $0.relation == .designates && $0.target == end.id && byID[$0.source]?.kind != .legal }.map(\.source)
        let since = end.designations.compactMap(\.since).min()
        let hops = edges.map { i -> Hop in
            let e = network.edges[i]
            let timing: Timing
            if let since {
                switch (e.years.start, e.years.end) {
                case (nil, nil): timing = .undated
                case let (_, end?) where end < since: timing = .beforeDesignation
                case let (start?, _) where start >= since: timing = .afterDesignation
                default: timing = .spansDesignation
                }
            } else {
                timing = e.years.isEmpty ? .undated : .designationUndated
            }
            return Hop(edge: i, support: e.support, timing: timing, status: e.attributes["status"]?.text)
        }
        return ExposurePath(
            nodes: nodes, hops: hops, designations: end.designations, designatedBy: designatedBy,
            legal: network.nodes.map(\.id).filter(legal.contains))
    }
}
