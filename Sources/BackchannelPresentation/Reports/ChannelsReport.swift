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
        /// The period this entry covers (`--every year`: "2011"); nil for the whole network.
        public var period: String?

        public init(conflict: Actor, parties: [Actor], pairs: [Pair], period: String? = nil) {
            self.conflict = conflict
            self.parties = parties
            self.pairs = pairs
            self.period = period
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
        let conflictValues: [JSONValue] = conflicts.map { c in
            let pairs: [JSONValue] = c.pairs.map { p in
                ReportJSON.object([
                    ("a", .string(p.a.id)), ("b", .string(p.b.id)),
                    ("side_a", ReportJSON.string(p.sideA)), ("side_b", ReportJSON.string(p.sideB)),
                    ("direct_tie", .bool(p.directTie)), ("channels", .int(p.channels)),
                    ("cut", ReportJSON.strings(p.cut.map(\.id))),
                    ("paths", ReportJSON.array(p.paths.map { ReportJSON.strings(([p.a] + $0 + [p.b]).map(\.id)) })),
                ])
            }
            let summary = ReportJSON.object([
                ("pairs", .int(c.pairs.count)),
                ("pairs_without_channel", .int(c.disconnected.count)),
                ("pairs_on_one_intermediary", .int(c.hangingOnOne.count)),
                ("intermediaries_in_cuts", ReportJSON.object(c.indispensable.map { ($0.actor.id, .int($0.pairs)) })),
            ])
            var members: [(String, JSONValue)] = [("conflict", .string(c.conflict.id))]
            if let period = c.period { members.append(("period", .string(period))) }
            members += [
                ("label", .string(c.conflict.label)), ("parties", ReportJSON.strings(c.parties.map(\.id))),
                ("pairs", ReportJSON.array(pairs)), ("summary", summary),
            ]
            return ReportJSON.object(members)
        }
        return ReportJSON.object([("parameters", ReportJSON.keyed(parameters)), ("conflicts", ReportJSON.array(conflictValues))])
    }

    private var csv: String {
        let periods = conflicts.contains { $0.period != nil }
        var lines = [(periods ? "period," : "") + "conflict,a,b,side_a,side_b,direct_tie,channels,cut"]
        for c in conflicts {
            for p in c.pairs {
                let fields =
                    (periods ? [c.period ?? ""] : []) + [
                        c.conflict.id, p.a.id, p.b.id, p.sideA ?? "", p.sideB ?? "", p.directTie ? "true" : "false", String(p.channels),
                        p.cut.map(\.id).joined(separator: ";"),
                    ]
                lines.append(fields.map(MeasureReport.csvField).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var table: String {
        func name(_ a: Actor) -> String { ReportLabels.name(a.label, id: a.id) }
        var out: [String] = []
        for c in conflicts {
            out.append(
                "\(c.period.map { "\($0): " } ?? "")\(name(c.conflict)) [\(c.conflict.id)]: \(c.parties.count) part\(c.parties.count == 1 ? "y" : "ies"), \(c.pairs.count) opposed pair\(c.pairs.count == 1 ? "" : "s")"
            )
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
                    out.append(
                        "      losing \(p.cut.count == 1 ? "this intermediary" : "these intermediaries") would cut every channel: "
                            + p.cut.map(name).joined(separator: ", "))
                }
            }
            if !c.pairs.isEmpty {
                var summary =
                    "  \(c.disconnected.count) pair\(c.disconnected.count == 1 ? "" : "s") without a channel, \(c.hangingOnOne.count) on one intermediary"
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

/// Channels with some actors left out, beside the channels with everyone: what their absence costs.
///
/// Pairs are matched by their two ids; a pair whose party was itself left out counts as lost.
/// JSON: `{"parameters": {...}, "removed": [ID], "conflicts": [{"conflict": ID, "pairs": [{"a", "b",
/// "channels_before", "channels_after", "lost_intermediaries": [ID]}], "pairs_disconnected": N,
/// "channels_lost": N}]}`.
public struct ChannelsComparison: Sendable {
    public var before: ChannelsReport
    public var after: ChannelsReport
    public var removed: [String]

    public init(before: ChannelsReport, after: ChannelsReport, removed: [String]) {
        self.before = before
        self.after = after
        self.removed = removed
    }

    public struct Row: Sendable {
        public var conflict: ChannelsReport.Actor
        public var a: ChannelsReport.Actor
        public var b: ChannelsReport.Actor
        public var channelsBefore: Int
        public var channelsAfter: Int
        /// Intermediaries on the channels before that are on none after.
        public var lostIntermediaries: [ChannelsReport.Actor]
    }

    /// One row per pair of the factual report, in its order.
    public var rows: [Row] {
        var afterPairs: [String: ChannelsReport.Pair] = [:]
        for c in after.conflicts { for p in c.pairs { afterPairs["\(c.conflict.id)\u{0}\(p.a.id)\u{0}\(p.b.id)"] = p } }
        var rows: [Row] = []
        for c in before.conflicts {
            for p in c.pairs {
                let q = afterPairs["\(c.conflict.id)\u{0}\(p.a.id)\u{0}\(p.b.id)"]
                let stillUsed = Set((q?.paths ?? []).flatMap { $0 })
                var seen = Set<ChannelsReport.Actor>()
                let lost = p.paths.flatMap { $0 }.filter { !stillUsed.contains($0) && seen.insert($0).inserted }
                rows.append(
                    Row(
                        conflict: c.conflict, a: p.a, b: p.b, channelsBefore: p.channels, channelsAfter: q?.channels ?? 0,
                        lostIntermediaries: lost))
            }
        }
        return rows
    }

    public func render(_ format: MeasureReport.Format) -> String {
        let rows = rows
        func name(_ a: ChannelsReport.Actor) -> String { ReportLabels.name(a.label, id: a.id) }
        switch format {
        case .json:
            let conflicts: [JSONValue] = before.conflicts.map { c in
                let mine = rows.filter { $0.conflict == c.conflict }
                return ReportJSON.object([
                    ("conflict", .string(c.conflict.id)),
                    (
                        "pairs",
                        ReportJSON.array(
                            mine.map { r in
                                ReportJSON.object([
                                    ("a", .string(r.a.id)), ("b", .string(r.b.id)),
                                    ("channels_before", .int(r.channelsBefore)), ("channels_after", .int(r.channelsAfter)),
                                    ("lost_intermediaries", ReportJSON.strings(r.lostIntermediaries.map(\.id))),
                                ])
                            })
                    ),
                    ("pairs_disconnected", .int(mine.filter { $0.channelsBefore > 0 && $0.channelsAfter == 0 }.count)),
                    ("channels_lost", .int(mine.reduce(0) { $0 + max(0, $1.channelsBefore - $1.channelsAfter) })),
                ])
            }
            return JSONWriter.document(
                ReportJSON.object([
                    ("parameters", ReportJSON.keyed(after.parameters)), ("removed", ReportJSON.strings(removed)),
                    ("conflicts", ReportJSON.array(conflicts)),
                ]))
        case .csv:
            var lines = ["conflict,a,b,channels_before,channels_after,lost_intermediaries"]
            for r in rows {
                lines.append(
                    [
                        r.conflict.id, r.a.id, r.b.id, String(r.channelsBefore), String(r.channelsAfter),
                        r.lostIntermediaries.map(\.id).joined(separator: ";"),
                    ]
                    .map(MeasureReport.csvField).joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        case .table:
            var lines = ["Channels with everyone, and without \(removed.isEmpty ? "the actors left out" : removed.joined(separator: ", "))"]
            var current: String?
            for r in rows {
                if r.conflict.id != current {
                    lines.append("\(r.conflict.label.replacingOccurrences(of: "\n", with: " ")) [\(r.conflict.id)]")
                    current = r.conflict.id
                }
                let change =
                    r.channelsBefore == r.channelsAfter
                    ? "unchanged"
                    : (r.channelsAfter == 0 && r.channelsBefore > 0 ? "disconnected" : "\(r.channelsBefore - r.channelsAfter) lost")
                var line = "  \(name(r.a)) – \(name(r.b)): \(r.channelsBefore) → \(r.channelsAfter) (\(change))"
                if !r.lostIntermediaries.isEmpty {
                    line += "; channels no longer through " + r.lostIntermediaries.map(name).joined(separator: ", ")
                }
                lines.append(line)
            }
            if rows.isEmpty { lines.append("No opposed pair of parties in this network.") }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
