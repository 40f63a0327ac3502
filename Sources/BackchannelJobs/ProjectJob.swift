import BackchannelAnalysis
import BackchannelModel

/// `backchannel project`: the one-mode network of a two-mode one (conveners tied by the dialogues
/// they share, dialogues by the participants they share), every command's input in turn.
public struct ProjectJob: Sendable {
    /// Which nodes the projection keeps.
    public enum Side: Sendable, Equatable {
        /// Every node of this kind.
        case kind(NodeKind)
        /// Every node whose attribute `name` reads `value`.
        case attribute(name: String, value: String)

        /// `KIND` or `ATTRIBUTE=VALUE`.
        public init?(_ text: String) {
            if let kind = NodeKind(rawValue: text) {
                self = .kind(kind)
            } else if let eq = text.firstIndex(of: "="), eq != text.startIndex {
                self = .attribute(name: String(text[..<eq]), value: String(text[text.index(after: eq)...]))
            } else {
                return nil
            }
        }

        func contains(_ node: Node) -> Bool {
            switch self {
            case let .kind(kind): node.kind == kind
            case let .attribute(name, value): node.attributes[name]?.text == value
            }
        }

        var text: String {
            switch self {
            case let .kind(kind): kind.rawValue
            case let .attribute(name, value): "\(name)=\(value)"
            }
        }
    }

    public var onto: Side
    public var weighting: BipartiteProjection.Weighting

    public init(onto: Side, weighting: BipartiteProjection.Weighting = .count) {
        self.onto = onto
        self.weighting = weighting
    }

    /// The projected network: the kept nodes as they were, and one `shares_with` edge per pair that
    /// shares a neighbour, its `weight` the projection's weight (see ``BipartiteProjection``).
    public func run(_ network: Network) throws -> Network {
        let graph = CompactGraph(network, directed: true)
        let nodeByID = Dictionary(network.nodes.map { (ExactID($0.id), $0) }, uniquingKeysWith: { first, _ in first })
        let mask = graph.ids.map { nodeByID[ExactID($0)].map(onto.contains) ?? false }
        let ties = try BipartiteProjection(weighting: weighting).ties(graph, onto: mask)
        let kept = network.nodes.filter(onto.contains)
        let edges = ties.map { tie in
            Edge(
                graph.ids[tie.u], .sharesWith, graph.ids[tie.v], weight: tie.weight, attributes: ["projection": .string(weighting.rawValue)]
            )
        }
        let usedSources = Set(kept.flatMap(\.sources) + kept.flatMap { $0.designations.flatMap(\.sources) })
        var projected = Network(
            name: network.name + "-onto-" + onto.text.replacingOccurrences(of: "=", with: "-"),
            title: (network.title ?? network.name) + ": \(onto.text) tied by shared neighbours (\(weighting.rawValue))",
            sources: network.sources.filter { usedSources.contains($0.id) }, nodes: kept, edges: edges)
        projected.description =
            "One-mode projection of \(network.name) onto \(onto.text): two nodes are tied when they share a neighbour; weight: \(weighting.rawValue)."
        return projected
    }
}
