import BackchannelFormats
import BackchannelModel
import Foundation

/// Channels between the opposed parties of each conflict, as a table, JSON or CSV.
///
/// JSON: `{"parameters": {...}, "conflicts": [{"conflict": ID, "label": ..., "pairs": [{"a": ID, "b": ID,
/// "direct_tie": bool, "channels": N, "cut": [ID, ...], "paths": [[ID, ...], ...]}, ...], "summary": {...}}]}`.
/// CSV: one row per pair. Every list is in a fixed order, so the same input gives the same bytes.
public struct ChannelsReport: Sendable {
    /// A node as the report names it.
    public struct Actor: Sendable, Hashable {
        public var id: String
        public var label: String
        public init(id: String, label: String) {
            self.id = id
            self.label = label
        }
    }

    /// Two opposed parties and the channels between them.
    public struct Pair: Sendable {
        public var a: Actor
        public var b: Actor
        public var sideA: String?
        public var sideB: String?
        public var directTie: Bool
        /// Each channel's intermediaries, in order from `a` to `b` (the ends left out).
        public var paths: [[Actor]]
        /// The minimum vertex cut: the intermediaries whose loss would cut every channel.
        public var cut: [Actor]
        public var channels: Int { paths.count }

        public init(a: Actor, b: Actor, sideA: String?, sideB: String?, directTie: Bool, paths: [[Actor]], cut: [Actor]) {
            self.a = a
            self.b = b
            self.sideA = sideA
            self.sideB = sideB
            self.directTie = directTie
            self.paths = paths
            self.cut = cut
        }
    }

    /// One conflict's parties and pairs.
    public struct Conflict: Sendable {
        public var conflict: Actor
        public var parties: [Actor]
        public var pairs: [Pair]

        public init(conflict: Actor, parties: [Actor], pairs: [Pair]) {
            self.conflict = conflict
            self.parties = parties
            self.pairs = pairs
        }

        /// Pairs with no channel at all.
        public var disconnected: [Pair] { pairs.filter { $0.channels == 0 } }
        /// Pairs whose every channel runs through one intermediary.
        public var hangingOnOne: [Pair] { pairs.filter { $0.channels == 1 } }
        /// Intermediaries by the number of pairs whose minimum cut holds them, most first (ties by id).
        public var indispensable: [(actor: Actor, pairs: Int)] {
            var counts: [Actor: Int] = [:]
            for pair in pairs { for actor in pair.cut { counts[actor, default: 0] += 1 } }
            return counts.map { ($0.key, $0.value) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.id < $1.0.id }
        }
    }

    /// What was asked, as recorded in the JSON `parameters`.
    public var parameters: [(key: String, value: JSONValue)]
    public var conflicts: [Conflict]

    public init(parameters: [(key: String, value: JSONValue)], conflicts: [Conflict]) {
        self.parameters = parameters
        self.conflicts = conflicts
    }

    public func render(_ format: MeasureReport.Format) -> String {
        switch format {
        case .json: JSONWriter.document(json)
        case .csv: csv
        case .table: table
        }
    }

    /// The report as a JSON value.
    public var json: JSONValue {
        func node(_ v: JSONValue) -> JSONNode { JSONNode(v) }
        func array(_ values: [JSONValue]) -> JSONValue { .array(values.map(node)) }
        func ids(_ actors: [Actor]) -> JSONValue { array(actors.map { .string($0.id) }) }
        func object(_ members: [(String, JSONValue)]) -> JSONValue { .object(members.map { (key: $0.0, value: node($0.1)) }) }
        let conflictValues: [JSONValue] = conflicts.map { c in
            let pairs: [JSONValue] = c.pairs.map { p in
                object([
                    ("a", .string(p.a.id)), ("b", .string(p.b.id)),
                    ("side_a", p.sideA.map { .string($0) } ?? .null), ("side_b", p.sideB.map { .string($0) } ?? .null),
                    ("direct_tie", .bool(p.directTie)), ("channels", .int(p.channels)),
                    ("cut", ids(p.cut)), ("paths", array(p.paths.map { ids([p.a] + $0 + [p.b]) })),
                ])
            }
            let summary = object([
                ("pairs", .int(c.pairs.count)),
                ("pairs_without_channel", .int(c.disconnected.count)),
                ("pairs_on_one_intermediary", .int(c.hangingOnOne.count)),
                ("intermediaries_in_cuts", object(c.indispensable.map { ($0.actor.id, .int($0.pairs)) })),
            ])
            return object([
                ("conflict", .string(c.conflict.id)), ("label", .string(c.conflict.label)),
                ("parties", ids(c.parties)), ("pairs", array(pairs)), ("summary", summary),
            ])
        }
        return object([("parameters", .object(parameters.map { (key: $0.key, value: node($0.value)) })), ("conflicts", array(conflictValues))])
    }

    private var csv: String {
        var lines = ["conflict,a,b,side_a,side_b,direct_tie,channels,cut"]
        for c in conflicts {
            for p in c.pairs {
                let fields = [
                    c.conflict.id, p.a.id, p.b.id, p.sideA ?? "", p.sideB ?? "", p.directTie ? "true" : "false", String(p.channels),
                    p.cut.map(\.id).joined(separator: ";"),
                ]
                lines.append(fields.map(MeasureReport.csvField).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var table: String {
        func name(_ a: Actor) -> String { a.label.replacingOccurrences(of: "\n", with: " ") }
        var out: [String] = []
        for c in conflicts {
            out.append("\(name(c.conflict)) [\(c.conflict.id)]: \(c.parties.count) part\(c.parties.count == 1 ? "y" : "ies"), \(c.pairs.count) opposed pair\(c.pairs.count == 1 ? "" : "s")")
            if c.pairs.isEmpty {
                out.append("  (fewer than two opposed parties are recorded)")
            }
            for p in c.pairs {
                let tie = p.directTie ? "; tied directly as well" : ""
                out.append("  \(name(p.a)) – \(name(p.b)): \(p.channels) channel\(p.channels == 1 ? "" : "s")\(tie)")
                for path in p.paths {
                    out.append("      via " + path.map(name).joined(separator: " → "))
                }
                if !p.cut.isEmpty {
                    out.append("      losing \(p.cut.count == 1 ? "this intermediary" : "these intermediaries") would cut every channel: " + p.cut.map(name).joined(separator: ", "))
                }
            }
            if !c.pairs.isEmpty {
                var summary = "  \(c.disconnected.count) pair\(c.disconnected.count == 1 ? "" : "s") without a channel, \(c.hangingOnOne.count) on one intermediary"
                if let top = c.indispensable.first {
                    summary += "; in most cuts: \(name(top.actor)) (\(top.pairs) pair\(top.pairs == 1 ? "" : "s"))"
                }
                out.append(summary)
            }
            out.append("")
        }
        if conflicts.isEmpty { out.append("No conflict with parties (party_to edges) in this network.") }
        return out.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n"
    }
}
