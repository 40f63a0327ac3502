import BackchannelAnalysis
import BackchannelFormats
import BackchannelModel
import Foundation
import Synchronization

/// What an analysis command runs on: a typed network (a file or the bundled history) or a plain
/// edge list, turned into a ``CompactGraph`` with the requested filter and direction.
public struct AnalysisInput: Sendable {
    /// The typed network, when the input was one (labels, kinds, relations, years).
    public let network: Network?
    public let graph: CompactGraph
    /// Files an output must not overwrite.
    public let protectedFiles: [URL]
    /// For edge lists: the node list's partition column, if one was asked for.
    public let nodeColumn: [String]?
    /// What the input format could not carry, or what was defaulted while reading it.
    public let warnings: [String]
    /// The filter the graph was built with, its names (``NetworkFilter/without``) resolved to ids.
    public let filter: NetworkFilter
    /// Names to nodes: the typed network's ids and labels, or the edge list's ids. An edge list's
    /// lookup is built when a name is first resolved, not when the list is read: most analyses never
    /// resolve one, and at a million nodes building it took a seventh of a `centrality` run.
    public var lookup: NodeLookup {
        switch names {
        case let .built(lookup): lookup
        case let .edgeList(deferred): deferred.lookup
        }
    }
    private enum Names: Sendable {
        case built(NodeLookup)
        case edgeList(DeferredLookup)
    }
    private let names: Names

    /// An edge list's lookup, built once, on first use.
    private final class DeferredLookup: Sendable {
        let ids: [String]
        let shownIDs: [String]?
        let built = Mutex<NodeLookup?>(nil)

        init(ids: [String], shownIDs: [String]?) {
            self.ids = ids
            self.shownIDs = shownIDs
        }

        var lookup: NodeLookup {
            built.withLock { built in
                if let built { return built }
                let lookup = NodeLookup(ids: ids, shownIDs: shownIDs)
                built = lookup
                return lookup
            }
        }
    }
    /// The pseudonyms, when a redaction covered any node: ``network`` and ``graph`` then hold
    /// them, while names given to ``resolve(_:parameter:)`` and the filter are the original ones.
    public let redacted: RedactedNetwork?

    /// - Parameters:
    ///   - network: where the typed network comes from, when no edge list is given.
    ///   - edges: a CSV edge list (`source,target[,weight]`); replaces `network`.
    ///   - nodes: an optional CSV node list (`id,...`) for the edge list.
    ///   - nodeColumn: a node-list column to return (e.g. the brokerage partition).
    ///   - redaction: the nodes to put under pseudonyms (typed networks only; an edge list has no
    ///     kinds or marks) once names are resolved.
    public init(
        network input: NetworkInput, edges: String?, nodes: String?, filter: NetworkFilter = NetworkFilter(),
        directed: Bool = true, nodeColumn: String? = nil, redaction: Redaction? = nil
    ) throws {
        if let edges {
            let edgesURL = URL(fileURLWithPath: edges)
            let nodesURL = nodes.map { URL(fileURLWithPath: $0) }
            if let nodeColumn, nodesURL == nil {
                throw AnalysisError.invalidParameter(
                    name: "partition", value: nodeColumn, reason: "an edge list has no node attributes; give a node list with that column")
            }
            let loaded = try EdgeListReader.read(edgesURL, nodes: nodesURL, nodeColumn: nodeColumn)
            network = nil
            // Nodes the node list marks confidential get pseudonyms `node-HEX` (or `node-N`).
            var ids = loaded.ids
            var pseudonyms: [ExactID: String] = [:]
            if let redaction, redaction.groups.contains(.confidential), !loaded.confidential.isEmpty {
                pseudonyms = redaction.edgeListPseudonyms(ids: loaded.ids, covered: loaded.confidential)
                ids = ids.map { pseudonyms[ExactID($0)] ?? $0 }
            }
            graph = try CompactGraph(
                ids: ids, sources: loaded.sources, targets: loaded.targets, weights: loaded.weights, directed: directed)
            self.nodeColumn = loaded.column
            protectedFiles = [edgesURL] + (nodesURL.map { [$0] } ?? [])
            warnings = []
            names = .edgeList(DeferredLookup(ids: loaded.ids, shownIDs: pseudonyms.isEmpty ? nil : ids))
            self.filter = filter
            redacted = pseudonyms.isEmpty ? nil : RedactedNetwork(network: Network(name: ""), pseudonyms: pseudonyms)
        } else {
            let (loaded, warnings) = try input.loadWithWarnings()
            self.warnings = warnings
            let r = redaction.map { $0.apply(to: loaded) }.flatMap { $0.count > 0 ? $0 : nil }
            // Names match the original ids and labels and the pseudonyms; stderr shows only the latter.
            let lookup = NodeLookup(loaded, shownAs: r?.network)
            names = .built(lookup)
            var resolved = try filter.resolvingNames(with: lookup)
            try resolved.checkCounterfactual(against: loaded)
            if let r {
                resolved.without = Set(resolved.without.map { ExactID(r.id(for: $0.text)) })
                network = r.network
                redacted = r
            } else {
                network = loaded
                redacted = nil
            }
            self.filter = resolved
            graph = CompactGraph(network!, filter: resolved, directed: directed)
            self.nodeColumn = nil
            protectedFiles = input.protectedFiles
        }
    }

    /// Node index by id.
    public func index(of id: String) throws(AnalysisError) -> Int {
        guard let i = graph.ids.firstIndex(where: { $0.unicodeScalars.elementsEqual(id.unicodeScalars) }) else { throw .unknownNode(id) }
        return i
    }

    /// The id of the node `name` means (an id, a label or a prefix: see ``NodeLookup``).
    /// - Throws: ``NodeLookupError`` naming `parameter` when no node or several match.
    public func resolve(_ name: String, parameter: String) throws(NodeLookupError) -> String {
        let id = try lookup.resolve(name, parameter: parameter)
        return redacted?.id(for: id) ?? id
    }

    /// The graph index of the node `name` means; ``AnalysisError/unknownNode(_:)`` when a filter left it out.
    /// - Complexity: that of ``NodeLookup/resolve(_:parameter:)``, then O(*n*).
    public func index(named name: String, parameter: String) throws -> Int {
        try index(of: resolve(name, parameter: parameter))
    }

    /// The nodes of the graph as the network's nodes (nil for edge lists).
    public var nodes: [Node]? {
        guard let network else { return nil }
        let byID = Dictionary(network.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return graph.ids.map { byID[$0]! }
    }

    /// Group numbers for brokerage by `partition`: `track`, `kind`, `conflict` (nearest conflict) or
    /// any node attribute of the typed network, or the node-list column for edge lists. Nodes
    /// without a value share the group "(none)".
    public func groups(by partition: String) throws(AnalysisError) -> [Int] {
        let values: [String]
        if let nodeColumn {
            values = nodeColumn
        } else if let network, let nodes {
            switch partition {
            case "track": values = nodes.map { $0.track?.rawValue ?? "" }
            case "kind": values = nodes.map(\.kind.rawValue)
            case "conflict":
                let assignment = ConflictAssignment(network)
                let position = network.nodeIndex()
                values = nodes.map { node in
                    assignment.conflictOf[position[ExactID(node.id)]!].map { network.nodes[assignment.roots[$0]].id } ?? ""
                }
            default:
                guard network.nodes.contains(where: { $0.attributes[partition] != nil }) else {
                    throw .invalidParameter(
                        name: "--partition", value: partition,
                        reason: "no node has this attribute; use track, kind, conflict or a node attribute")
                }
                values = nodes.map { $0.attributes[partition]?.text ?? "" }
            }
        } else {
            values = [String](repeating: "", count: graph.nodeCount)
        }
        var codes: [String: Int] = [:]
        for v in values.sorted() where codes[v] == nil { codes[v] = codes.count }
        return values.map { codes[$0]! }
    }
}

extension NetworkFilter {
    /// Every node a counterfactual leaves out by id must be in the network: a typo would otherwise
    /// give the factual answer under a counterfactual's name.
    public func checkCounterfactual(against network: Network) throws(AnalysisError) {
        guard !without.isEmpty else { return }
        let ids = Set(network.nodes.map { ExactID($0.id) })
        if let missing = without.map(\.text).sorted().first(where: { !ids.contains(ExactID($0)) }) { throw .unknownNode(missing) }
    }
}
