import BackchannelModel

/// A network with its covered nodes under pseudonyms, and the ids they had.
public struct RedactedNetwork: Sendable {
    public var network: Network
    /// Original id → pseudonym id, for every covered node.
    public var pseudonyms: [ExactID: String]
    /// Original id → new id, for other nodes whose ids held a covered node's name.
    public var renamed: [ExactID: String] = [:]
    /// Pseudonym labels of covered nodes with a name (id or label) under three characters, which
    /// is not searched for in text.
    public var unsearched: [String] = []
    /// The network before redaction (nil when no node was covered), for looking names up.
    public var original: Network?
    /// Finds covered nodes' names in prose (for texts given on the command line, such as `--title`).
    public var scrubber = TextScrubber([])

    /// `text` with every covered node's name replaced by its pseudonym label.
    public func scrub(_ text: String) -> String { scrubber.scrub(text) }

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
    /// - Complexity: O(n + m + s + N) hashing for n nodes, m edges, s sources and N characters of
    ///   covered names (the trie of ``TextScrubber``), plus O(t · d) for t characters of text, d
    ///   being the longest stretch of a text, from one start, that begins some name.
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
            for name in Self.names(inLabel: node.label) {
                needles.append((name, label, id))
                for joiner in ["_", "-"] {
                    let joined = name.split(whereSeparator: \.isWhitespace).joined(separator: joiner)
                    if joined != name { needles.append((joined, label, id)) }
                }
            }
        }
        let scrubber = TextScrubber(needles.map { ($0.text, $0.label) })
        let idScrubber = TextScrubber(needles.map { ($0.text, $0.id) })
        func scrub(_ s: String) -> String { scrubber.scrub(s) }
        func scrubID(_ s: String) -> String { idScrubber.scrub(s) }
        func scrubAttributes(_ a: [String: AttributeValue]) -> [String: AttributeValue] {
            // Keys too (`met_zoe_muller`); two keys that become one keep the first in sorted order.
            var out: [String: AttributeValue] = [:]
            for key in a.keys.sorted() {
                let value = a[key]!
                let newKey = scrubID(key)
                if out[newKey] == nil { out[newKey] = if case let .string(s) = value { .string(scrub(s)) } else { value } }
            }
            return out
        }
        let sourceIDs = neutralSourceIDs(network)
        func scrubSources(_ s: [String]) -> [String] { s.map { sourceIDs[$0] ?? scrubID($0) } }

        // A source cited only for covered nodes and their edges is covered too.
        var citedForKept = Set<String>(), citedForCovered = Set<String>()
        for (i, node) in network.nodes.enumerated() {
            let ids = node.sources + node.designations.flatMap(\.sources)
            if covered[i] { citedForCovered.formUnion(ids) } else { citedForKept.formUnion(ids) }
        }
        for edge in network.edges {
            if pseudonyms[ExactID(edge.source)] != nil || pseudonyms[ExactID(edge.target)] != nil {
                citedForCovered.formUnion(edge.sources)
            } else {
                citedForKept.formUnion(edge.sources)
            }
        }

        var out = network
        out.name = scrubID(network.name)
        out.title = network.title.map(scrub)
        out.description = network.description.map(scrub)
        out.sources = network.sources.map { s in
            let id = sourceIDs[s.id] ?? scrubID(s.id)
            if citedForCovered.contains(s.id), !citedForKept.contains(s.id) {
                return Source(id: id, citation: Self.withheldCitation, url: nil)
            }
            return Source(id: id, citation: scrub(s.citation), url: s.url.flatMap { scrubber.names($0) ? nil : $0 })
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
        var unsearched: [String] = []
        for (i, node) in network.nodes.enumerated() where covered[i] && !Self.isPseudonym(node) {
            let label = names[i]!.label
            if [node.id, node.label].contains(where: { $0.trimmingCharacters(in: .whitespacesAndNewlines).count < 3 }) {
                unsearched.append(label)
            }
        }
        var result = RedactedNetwork(network: out, pseudonyms: pseudonyms, renamed: renamed)
        result.unsearched = unsearched
        result.scrubber = scrubber
        result.original = network
        return result
    }

    /// The citation of a source cited only for covered nodes and their edges.
    public static let withheldCitation = "Source withheld: cited only for nodes under pseudonyms"

    /// The names a label is searched for by: the label, and for `Name (Other name)` also `Name` and
    /// `Other name`.
    static func names(inLabel label: String) -> [String] {
        var names = [label]
        let trimmed = label.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") {
            let before = trimmed[..<open].trimmingCharacters(in: .whitespacesAndNewlines)
            let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
                .trimmingCharacters(in: .whitespacesAndNewlines)
            for name in [before, inside] where !name.isEmpty && !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// Every source's neutral id: `source-HEX` (the first 8 hexadecimal digits of
    /// HMAC-SHA256(key, "backchannel-source\0" + id), 16 where two would share 8), or without a key
    /// `source-N` in the order of the network's sources.
    private func neutralSourceIDs(_ network: Network) -> [String: String] {
        var ids: [String: String] = [:]
        guard let key else {
            for (i, s) in network.sources.enumerated() where ids[s.id] == nil { ids[s.id] = "source-\(i + 1)" }
            return ids
        }
        var byTail: [String: [String]] = [:]
        // Ids already neutral stay, so that redacting a redacted file again changes nothing.
        for s in network.sources where Self.isNeutralSourceID(s.id) {
            ids[s.id] = s.id
            byTail[String(s.id.dropFirst("source-".count)), default: []].append(s.id)
        }
        for s in network.sources where ids[s.id] == nil {
            let tail = Self.digest(s.id, key: key, digits: 8, domain: "backchannel-source")
            ids[s.id] = "source-\(tail)"
            byTail[tail, default: []].append(s.id)
        }
        for (_, members) in byTail where members.count > 1 {
            for id in members where !Self.isNeutralSourceID(id) {
                ids[id] = "source-\(Self.digest(id, key: key, digits: 16, domain: "backchannel-source"))"
            }
        }
        return ids
    }

    /// Whether `id` is `source-` and 8 or 16 lowercase hexadecimal digits.
    static func isNeutralSourceID(_ id: String) -> Bool {
        guard id.hasPrefix("source-") else { return false }
        let tail = id.dropFirst("source-".count)
        return (tail.count == 8 || tail.count == 16) && tail.allSatisfy { "0123456789abcdef".contains($0) }
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

extension Redaction {
    /// Pseudonyms for the nodes of a plain edge list that its node list marks confidential: `node-HEX`
    /// (as for typed nodes, 16 digits where two would share 8 or an id is taken), or without a key
    /// `node-N` in node order.
    /// - Complexity: O(n) hashing for n ids.
    public func edgeListPseudonyms(ids: [String], covered: Set<String>) -> [ExactID: String] {
        let taken = Set(ids.filter { !covered.contains($0) }.map(ExactID.init))
        var out: [ExactID: String] = [:]
        var used = Set<ExactID>()
        var number = 0
        for id in ids where covered.contains(id) && out[ExactID(id)] == nil {
            var name: String
            if let key {
                name = "node-\(Self.digest(id, key: key, digits: 8))"
                if taken.contains(ExactID(name)) || used.contains(ExactID(name)) { name = "node-\(Self.digest(id, key: key, digits: 16))" }
            } else {
                repeat {
                    number += 1
                    name = "node-\(number)"
                } while taken.contains(ExactID(name))
            }
            used.insert(ExactID(name))
            out[ExactID(id)] = name
        }
        return out
    }
}
