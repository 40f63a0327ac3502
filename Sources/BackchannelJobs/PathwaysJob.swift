import BackchannelModel
import BackchannelPresentation

/// `backchannel pathways`: how unofficial dialogues prepared the ground for official talks.
///
/// From each unofficial dialogue (kind `dialogue`, track II, III, 1.5 or prevention), the `prepares`
/// and `led_to` edges are followed forward, through any node, to every official outcome: talks on
/// track I (a `dialogue`) or an `agreement`. Each outcome is reported once per starting dialogue, by its shortest chain (breadth
/// first, edges in input order), with the years from the start of the unofficial dialogue to the
/// start of the outcome where both are dated, and the conveners of every unofficial dialogue on the
/// chain (`convenes` edges into it).
///
/// - Complexity: O(d·(n + m)) for d unofficial dialogues.
public struct PathwaysJob: Sendable {
    public init() {}

    static func isUnofficial(_ node: Node) -> Bool {
        node.kind == .dialogue && [.two, .three, .oneAndAHalf, .prevention].contains(node.track)
    }

    static func isOfficialOutcome(_ node: Node) -> Bool {
        (node.kind == .dialogue && node.track == .one) || node.kind == .agreement
    }

    public func run(_ network: Network) -> PathwaysReport {
        let index = network.nodeIndex()
        var forward: [[Int]] = Array(repeating: [], count: network.nodes.count)
        var conveners: [[Int]] = Array(repeating: [], count: network.nodes.count)
        for edge in network.edges {
            guard let s = index[ExactID(edge.source)], let t = index[ExactID(edge.target)] else { continue }
            if edge.relation == .prepares || edge.relation == .ledTo { forward[s].append(t) }
            if edge.relation == .convenes, !conveners[t].contains(s) { conveners[t].append(s) }
        }
        func actor(_ i: Int) -> PathwaysReport.Actor {
            let node = network.nodes[i]
            return PathwaysReport.Actor(id: node.id, label: node.label, start: (node.years.start ?? node.years.end)?.year)
        }
        var pathways: [PathwaysReport.Pathway] = []
        var without: [PathwaysReport.Actor] = []
        for (start, node) in network.nodes.enumerated() where Self.isUnofficial(node) {
            var parent = [Int](repeating: -1, count: network.nodes.count)
            parent[start] = start
            var queue = [start], head = 0
            var outcomes: [Int] = []
            while head < queue.count {
                let u = queue[head]
                head += 1
                if u != start, Self.isOfficialOutcome(network.nodes[u]) { outcomes.append(u) }
                for v in forward[u] where parent[v] < 0 {
                    parent[v] = u
                    queue.append(v)
                }
            }
            if outcomes.isEmpty { without.append(actor(start)) }
            for outcome in outcomes {
                var chain = [outcome]
                while chain.last! != start { chain.append(parent[chain.last!]) }
                chain.reverse()
                var seen = Set<Int>()
                let along = chain.filter { Self.isUnofficial(network.nodes[$0]) }.flatMap { conveners[$0] }.filter {
                    seen.insert($0).inserted
                }
                let from = network.nodes[start].years.start?.year, to = network.nodes[outcome].years.start?.year
                pathways.append(
                    PathwaysReport.Pathway(
                        chain: chain.map(actor), conveners: along.map(actor), years: from.flatMap { f in to.map { $0 - f } }))
            }
        }
        return PathwaysReport(pathways: pathways, withoutOutcome: without)
    }
}
