import BackchannelModel

/// A network with its covered nodes under pseudonyms, and the ids they had.
public struct RedactedNetwork: Sendable {
    public var network: Network
    /// Original id → pseudonym id, for every covered node.
    public var pseudonyms: [ExactID: String]
    /// Original id → new id, for other nodes whose ids held a covered node's name.
    public var renamed: [ExactID: String] = [:]

    /// The id to use for `id` of the original network: its pseudonym when covered, its id with the
    /// names replaced when it held one, else itself.
    public func id(for id: String) -> String { pseudonyms[ExactID(id)] ?? renamed[ExactID(id)] ?? id }

    /// How many nodes are under pseudonyms.
    public var count: Int { pseudonyms.count }
}

extension Redaction {
    /// Attributes of a covered node that stay: the ones analyses read.
    static let keptNodeAttributes: Set<String> = ["side", "person"]
    /// Attributes of an edge of a covered node that stay.
    static let keptEdgeAttributes: Set<String> = ["status", "side"]

    /// The network with every covered node under its pseudonym (see ``Redaction``).
    ///
    /// Node and edge order, kinds, tracks, years, weights, relations, designations and ties are
    /// unchanged, so every analysis gives the same numbers for the same positions.
    /// - Complexity: O(n + m + t) hashing and tokenizing for n nodes, m edges and t characters of
    ///   text, plus a search of each text for the names whose first word it holds.
    public func apply(to network: Network) -> RedactedNetwork {
        let covered = network.nodes.map { covers($0) }
        guard covered.contains(true) else { return RedactedNetwork(network: network, pseudonyms: [:]) }
        let names = pseudonymNames(network, covered: covered)
        var pseudonyms: [ExactID: String] = [:]
        // Every name of a covered node, with its pseudonym label (for prose) and id (for ids).
        var needles: [(text: String, label: String, id: String)] = []
        for (i, node) in network.nodes.enumerated() where covered[i] {
            let (id, label) = names[i]!
            pseudonyms[ExactID(node.id)] = id
            guard !Self.isPseudonym(node) else { continue }
            needles.append((node.id, label, id))
            needles.append((node.label, label, id))
            for joiner in ["_", "-"] {
                let joined = node.label.split(whereSeparator: \.isWhitespace).joined(separator: joiner)
                if joined != node.label { needles.append((joined, label, id)) }
            }
        }
        let scrubber = TextScrubber(needles.map { ($0.text, $0.label) })
        let idScrubber = TextScrubber(needles.map { ($0.text, $0.id) })
        func scrub(_ s: String) -> String { scrubber.scrub(s) }
        func scrubID(_ s: String) -> String { idScrubber.scrub(s) }
        func scrubAttributes(_ a: [String: AttributeValue]) -> [String: AttributeValue] {
            a.mapValues { if case let .string(s) = $0 { .string(scrub(s)) } else { $0 } }
        }
        func scrubSources(_ s: [String]) -> [String] { s.map(scrubID) }

        var out = network
        out.name = scrubID(network.name)
        out.title = network.title.map(scrub)
        out.description = network.description.map(scrub)
        out.sources = network.sources.map { s in
            Source(id: scrubID(s.id), citation: scrub(s.citation), url: s.url.flatMap { scrubber.names($0) ? nil : $0 })
        }
        // Other nodes' ids that hold a name (`talks-with-ralph-fertig`) get it replaced, kept unique.
        var renamed: [ExactID: String] = [:]
        var taken = Set(network.nodes.indices.map { covered[$0] ? ExactID(names[$0]!.id) : ExactID(network.nodes[$0].id) })
        for (i, node) in network.nodes.enumerated() where !covered[i] {
            let scrubbed = scrubID(node.id)
            guard scrubbed != node.id else { continue }
            var candidate = scrubbed, n = 1
            while taken.contains(ExactID(candidate)) {
                n += 1
                candidate = "\(scrubbed)-\(n)"
            }
            taken.insert(ExactID(candidate))
            renamed[ExactID(node.id)] = candidate
        }
        func newID(_ id: String) -> String { pseudonyms[ExactID(id)] ?? renamed[ExactID(id)] ?? id }

        for (i, node) in network.nodes.enumerated() {
            var n = node
            n.id = newID(node.id)
            n.sources = scrubSources(node.sources)
            n.designations = node.designations.map { d in
                Designation(list: scrub(d.list), by: d.by.map(scrub), since: d.since, until: d.until, sources: scrubSources(d.sources))
            }
            if covered[i] {
                let (id, label) = names[i]!
                n.id = id
                n.label = label
                n.description = nil
                n.attributes = scrubAttributes(
                    node.attributes.filter { Self.keptNodeAttributes.contains($0.key) || keptAttributes.contains($0.key) })
            } else {
                n.label = scrub(node.label)
                n.description = node.description.map(scrub)
                n.attributes = scrubAttributes(node.attributes)
            }
            out.nodes[i] = n
        }
        for (i, edge) in network.edges.enumerated() {
            var e = edge
            let source = pseudonyms[ExactID(edge.source)], target = pseudonyms[ExactID(edge.target)]
            e.source = newID(edge.source)
            e.target = newID(edge.target)
            e.key = edge.key.map(scrubID)
            e.sources = scrubSources(edge.sources)
            if source != nil || target != nil {
                e.description = nil
                e.attributes = scrubAttributes(edge.attributes.filter { Self.keptEdgeAttributes.contains($0.key) })
            } else {
                e.description = edge.description.map(scrub)
                e.attributes = scrubAttributes(edge.attributes)
            }
            out.edges[i] = e
        }
        return RedactedNetwork(network: out, pseudonyms: pseudonyms, renamed: renamed)
    }

    /// Each covered node's pseudonym id and label, unique in the network.
    private func pseudonymNames(_ network: Network, covered: [Bool]) -> [Int: (id: String, label: String)] {
        var names: [Int: (id: String, label: String)] = [:]
        let kept = Set(network.nodes.indices.filter { !covered[$0] }.map { ExactID(network.nodes[$0].id) })
        if let key {
            // 8 digits, or 16 for nodes whose 8 digits another covered node (or a kept id) shares.
            var tails: [Int: String] = [:]
            var byTail: [String: [Int]] = [:]
            for (i, node) in network.nodes.enumerated() where covered[i] {
                let tail =
                    Self.isPseudonym(node)
                    ? String(node.id.dropFirst(node.kind.rawValue.count + 1)) : Self.digest(node.id, key: key, digits: 8)
                tails[i] = tail
                byTail["\(node.kind.rawValue)-\(tail)", default: []].append(i)
            }
            for (id, members) in byTail where members.count > 1 || kept.contains(ExactID(id)) {
                for i in members where !Self.isPseudonym(network.nodes[i]) {
                    tails[i] = Self.digest(network.nodes[i].id, key: key, digits: 16)
                }
            }
            for (i, tail) in tails {
                let kind = network.nodes[i].kind
                names[i] = ("\(kind.rawValue)-\(tail)", "\(Self.title(kind)) \(tail)")
            }
        } else {
            var next: [NodeKind: Int] = [:]
            var taken = kept
            for (i, node) in network.nodes.enumerated() where covered[i] && Self.isPseudonym(node) { taken.insert(ExactID(node.id)) }
            for (i, node) in network.nodes.enumerated() where covered[i] {
                if Self.isPseudonym(node) {
                    names[i] = (node.id, node.label)
                    continue
                }
                var number = next[node.kind, default: 0]
                var id: String
                repeat {
                    number += 1
                    id = "\(node.kind.rawValue)-\(number)"
                } while taken.contains(ExactID(id))
                next[node.kind] = number
                taken.insert(ExactID(id))
                names[i] = (id, "\(Self.title(node.kind)) \(number)")
            }
        }
        return names
    }
}
