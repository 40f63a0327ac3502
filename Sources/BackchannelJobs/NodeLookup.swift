import BackchannelAnalysis
import BackchannelModel
import Foundation

/// Finds the node a person means by a name: an id, a label typed without its case or accents, or the
/// start of either.
///
/// A name resolves in the first of these stages that matches anything; a stage that matches more
/// than one node is ambiguous, and no later stage is tried:
/// 1. **exact id**: the id's Unicode scalars equal the name's (``ExactID``, the identity rule);
/// 2. **folded id or label**: the name equals an id or a label after folding both (see ``fold(_:)``);
/// 3. **prefix**: the folded name begins a folded id or label;
/// 4. **word prefix**: the folded name begins a word of a folded label or id (a word starts the text
///    or follows a space, hyphen, slash, parenthesis or other character that is not a letter or digit),
///    so "Rod-Larsen" finds "Terje Rød-Larsen" and "Carter Center" finds "The Carter Center".
///
/// A name that matches nothing is unknown, and the closest ids and labels by edit distance (on the
/// folded text) are suggested. ``matches(_:)`` adds a fifth stage, **contains**, for
/// `backchannel find`.
///
/// - Complexity: building is O(*n*) for *n* nodes (ids and labels are folded only when a name needs
///   it); an exact id is found in O(*ℓ*) for ids of length *ℓ*; the other stages fold and scan every
///   node, O(*n* · *ℓ*); suggestions for an unknown
///   name cost O(*n* · *ℓ*²).
public struct NodeLookup: Sendable {
    /// A node as lookup reports it: its id and its label.
    public struct Candidate: Sendable, Hashable, CustomStringConvertible {
        public var id: String
        public var label: String

        public init(id: String, label: String) {
            self.id = id
            self.label = label
        }

        /// `id (label)`, or the id alone when the label is the id.
        public var description: String {
            label.unicodeScalars.elementsEqual(id.unicodeScalars) ? JSONValue.quoted(id) : "\(JSONValue.quoted(id)) (\(label))"
        }
    }

    /// How a name matched a node, from the strictest stage to the loosest.
    public enum Stage: Int, Sendable, Comparable, CaseIterable {
        case exactID, folded, prefix, wordPrefix, contains

        public static func < (a: Stage, b: Stage) -> Bool { a.rawValue < b.rawValue }
    }

    private struct Entry: Sendable {
        /// The id a match returns.
        var id: String
        /// The node as suggestions and ambiguity lists show it.
        var shown: Candidate
        /// The ids and labels a name is compared with (folded only when a name is not an exact id).
        var texts: [String]

        /// ``texts`` folded, each once.
        var folded: [String] {
            var out: [String] = []
            for text in texts {
                let f = NodeLookup.fold(text)
                if !out.contains(f) { out.append(f) }
            }
            return out
        }
    }

    private let entries: [Entry]
    private let byID: [ExactID: Int]

    /// A lookup over `ids`, with `labels` beside them (the ids themselves when nil).
    ///
    /// - Parameters:
    ///   - shownIDs: under a redaction, each node's id in the outputs (a pseudonym, or an id with a
    ///     name replaced): a name matches either id or label, and suggestions and ambiguity lists show
    ///     only `shownIDs` and `shownLabels`, so that a covered node's name never reaches stderr.
    ///     A match still returns the id of `ids`.
    public init(ids: [String], labels: [String]? = nil, shownIDs: [String]? = nil, shownLabels: [String]? = nil) {
        var entries: [Entry] = []
        entries.reserveCapacity(ids.count)
        var byID: [ExactID: Int] = [:]
        byID.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() {
            let label = labels?[i] ?? id
            let shownID = shownIDs?[i] ?? id
            let shownLabel = shownLabels?[i] ?? (shownIDs == nil ? label : shownID)
            // Folding waits until a name is not an exact id: most commands name nodes by id, and
            // folding every label up front was a tenth of a whole `centrality` run at 10k nodes.
            var texts: [String] = []
            for text in [id, label, shownID, shownLabel] where !texts.contains(text) { texts.append(text) }
            entries.append(Entry(id: id, shown: Candidate(id: shownID, label: shownLabel), texts: texts))
            if byID[ExactID(id)] == nil { byID[ExactID(id)] = i }
            if byID[ExactID(shownID)] == nil { byID[ExactID(shownID)] = i }
        }
        self.entries = entries
        self.byID = byID
    }

    /// A lookup over the network's nodes, or those of them `include` accepts.
    ///
    /// - Parameter shown: the same network redacted (node for node, in the same order): names match
    ///   the nodes of either, and only `shown`'s ids and labels are reported (see
    ///   ``init(ids:labels:shownIDs:shownLabels:)``).
    public init(_ network: Network, shownAs shown: Network? = nil, where include: (Node) -> Bool = { _ in true }) {
        let kept = network.nodes.indices.filter { include(network.nodes[$0]) }
        let nodes = kept.map { network.nodes[$0] }
        if let shown {
            let shownNodes = kept.map { shown.nodes[$0] }
            self.init(
                ids: nodes.map(\.id), labels: nodes.map(\.label), shownIDs: shownNodes.map(\.id), shownLabels: shownNodes.map(\.label))
        } else {
            self.init(ids: nodes.map(\.id), labels: nodes.map(\.label))
        }
    }

    /// The id of the conflict `name` means, looked up among the network's conflicts only (so that
    /// "Troubles" finds the conflict, not a dialogue about it). An exact id of a node of another kind
    /// is returned as it is, for the job to refuse (``JobError/notAConflict(_:)``).
    /// - Throws: ``NodeLookupError`` (parameter `conflict`), suggesting conflicts.
    ///
    /// - Parameter redacted: under a redaction, the network as given and its pseudonyms: the name is
    ///   resolved as every other name is (original or pseudonym, reported by pseudonym), and the id
    ///   returned is the one `network` uses.
    public static func conflict(_ name: String, in network: Network, redacted: RedactedNetwork? = nil) throws(NodeLookupError) -> String {
        guard let redacted, let original = redacted.original else {
            do {
                return try NodeLookup(network, where: { $0.kind == .conflict }).resolve(name, parameter: "conflict")
            } catch {
                if case .unknown = error.reason, network.node(name) != nil { return name }
                throw error
            }
        }
        do {
            let id = try NodeLookup(original, shownAs: redacted.network, where: { $0.kind == .conflict }).resolve(
                name, parameter: "conflict")
            return redacted.id(for: id)
        } catch {
            if case .unknown = error.reason {
                if original.node(name) != nil { return redacted.id(for: name) }
                if network.node(name) != nil { return name }
            }
            throw error
        }
    }

    /// The number of nodes looked in.
    public var count: Int { entries.count }

    /// The id of the one node `name` means.
    ///
    /// - Parameter parameter: the library's name for what is being looked up (`source`, `without`),
    ///   carried by the error so that the command line can name its flag.
    /// - Throws: ``NodeLookupError`` when no node or more than one matches at the first stage that matches.
    public func resolve(_ name: String, parameter: String? = nil) throws(NodeLookupError) -> String {
        let found = matches(name, upTo: .wordPrefix)
        switch found.count {
        case 1: return entries[found[0].index].id
        case 0: throw NodeLookupError(name: name, reason: .unknown(closest: closest(to: name)), parameter: parameter)
        default: throw NodeLookupError(name: name, reason: .ambiguous(found.map { candidate($0.index) }), parameter: parameter)
        }
    }

    /// The nodes `name` matches at the first stage that matches any (up to `loosest`), in input order,
    /// each with that stage; for `find`, every node matching at any stage, strictest first.
    ///
    /// - Parameter every: all matches of every stage up to `loosest` (for listing), rather than
    ///   those of the first stage that matches.
    public func matches(_ name: String, upTo loosest: Stage = .contains, every: Bool = false) -> [(index: Int, stage: Stage)] {
        var result: [(index: Int, stage: Stage)] = []
        var seen = Set<Int>()
        if let i = byID[ExactID(name)] {
            result.append((i, .exactID))
            seen.insert(i)
            if !every { return result }
        }
        let folded = Self.fold(name)
        guard !folded.isEmpty else { return result }
        let texts = entries.map(\.folded)
        for stage in Stage.allCases.dropFirst() where stage <= loosest {
            var found: [(index: Int, stage: Stage)] = []
            for i in entries.indices where !seen.contains(i) {
                let hit =
                    switch stage {
                    case .exactID: false
                    case .folded: texts[i].contains(folded)
                    case .prefix: texts[i].contains { $0.hasPrefix(folded) }
                    case .wordPrefix: texts[i].contains { Self.hasWord(startingWith: folded, in: $0) }
                    case .contains: texts[i].contains { $0.contains(folded) }
                    }
                if hit { found.append((i, stage)) }
            }
            if !found.isEmpty {
                result += found
                found.forEach { seen.insert($0.index) }
                if !every { return result }
            }
        }
        return result
    }

    /// The node at `index` of this lookup, as a candidate.
    public func candidate(_ index: Int) -> Candidate {
        entries[index].shown
    }

    /// Up to `limit` nodes whose folded id or label is closest to the folded `name` by edit distance,
    /// within max(3, half the name's length); nearest first, then in input order.
    public func closest(to name: String, limit: Int = 5) -> [Candidate] {
        let folded = Self.fold(name)
        guard !folded.isEmpty, folded.count <= 200 else { return [] }
        let bound = max(3, folded.count / 2)
        var scored: [(distance: Int, index: Int)] = []
        for (i, entry) in entries.enumerated() {
            var best = Int.max
            for text in entry.folded where abs(text.count - folded.count) <= bound {
                best = min(best, editDistance(folded, text))
            }
            if best <= bound { scored.append((best, i)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.index < $1.index }
        return scored.prefix(limit).map { candidate($0.index) }
    }

    /// Text as lookup compares it: case-folded, without accents and other diacritics, full-width forms
    /// as ASCII, letters without a decomposition written as their base (`ø` → `o`, `ł` → `l`, `đ` → `d`,
    /// `æ` → `ae`, `œ` → `oe`, `þ` → `th`, `ı` → `i`), every dash and minus as `-`, curly quotes as
    /// straight ones, and runs of white space as one space, trimmed.
    ///
    /// - Complexity: O(*ℓ*) in the length of the text.
    public static func fold(_ text: String) -> String {
        let base = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        out.unicodeScalars.reserveCapacity(base.unicodeScalars.count)
        var pendingSpace = false
        for scalar in base.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.unicodeScalars.append(" ")
                pendingSpace = false
            }
            switch scalar {
            case "ø", "Ø": out.unicodeScalars.append("o")
            case "ł", "Ł": out.unicodeScalars.append("l")
            case "đ", "Đ", "ð", "Ð": out.unicodeScalars.append("d")
            case "ı": out.unicodeScalars.append("i")
            case "æ", "Æ": out += "ae"
            case "œ", "Œ": out += "oe"
            case "þ", "Þ": out += "th"
            case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": out.unicodeScalars.append("-")
            case "\u{2018}", "\u{2019}", "\u{201B}", "\u{2032}": out.unicodeScalars.append("'")
            case "\u{201C}", "\u{201D}", "\u{201F}", "\u{2033}": out.unicodeScalars.append("\"")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether a word of `text` (its start, or after a character that is not a letter or digit) begins with `prefix`.
    private static func hasWord(startingWith prefix: String, in text: String) -> Bool {
        let scalars = Array(text.unicodeScalars), want = Array(prefix.unicodeScalars)
        guard want.count <= scalars.count else { return false }
        var wordStart = true
        for i in 0...(scalars.count - want.count) {
            if wordStart && scalars[i..<(i + want.count)].elementsEqual(want) { return true }
            let p = scalars[i].properties
            wordStart = !(p.isAlphabetic || p.numericType != nil)
        }
        return false
    }
}

/// A name that names no node, or more than one.
public struct NodeLookupError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Nothing matches; the closest ids and labels, nearest first (possibly none).
        case unknown(closest: [NodeLookup.Candidate])
        /// More than one node matches at the first stage that matches anything.
        case ambiguous([NodeLookup.Candidate])
    }

    /// The name as given.
    public var name: String
    public var reason: Reason
    /// The library's name for what was looked up (`source`, `target`, `without`, `conflict`), if known.
    public var parameter: String?

    public init(name: String, reason: Reason, parameter: String? = nil) {
        self.name = name
        self.reason = reason
        self.parameter = parameter
    }

    /// The problem in words, without the parameter: the candidates or suggestions, id and label.
    public var description: String {
        switch reason {
        case let .unknown(closest):
            let hint = closest.isEmpty ? "" : "; closest: " + closest.map(\.description).joined(separator: ", ")
            return "no node has the id or name \(JSONValue.quoted(name))\(hint) (backchannel find lists nodes)"
        case let .ambiguous(candidates):
            let shown = candidates.prefix(10).map(\.description).joined(separator: ", ")
            let more = candidates.count > 10 ? " and \(candidates.count - 10) more" : ""
            return "\(JSONValue.quoted(name)) matches \(candidates.count) nodes: \(shown)\(more); give an id or more of the name"
        }
    }
}

extension NetworkFilter {
    /// The filter with every name in ``without`` resolved to the id it means (see ``NodeLookup``).
    ///
    /// - Throws: ``NodeLookupError`` (parameter `without`) for the first name, in sorted order, that
    ///   names no node or more than one.
    /// - Complexity: O(*k*) lookups for *k* names; see ``NodeLookup/resolve(_:parameter:)``.
    public func resolvingNames(with lookup: NodeLookup) throws(NodeLookupError) -> NetworkFilter {
        guard !without.isEmpty else { return self }
        var resolved = self
        resolved.without = []
        for name in without.map(\.text).sorted() {
            resolved.without.insert(ExactID(try lookup.resolve(name, parameter: "without")))
        }
        return resolved
    }
}
