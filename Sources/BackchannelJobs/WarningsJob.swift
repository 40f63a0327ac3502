import BackchannelAnalysis
import BackchannelModel
import BackchannelPresentation

/// `backchannel warnings`: for each conflict and period, the signals Track II practitioners watch
/// for, each with its evidence, ranked by severity.
///
/// Periods are years, quarters or months (``every``). The network is read once into a
/// ``TemporalGraph`` and each period's snapshot is cut from it (``ChannelsJob/periods(_:every:)``); channels are unofficial ones
/// (officials, conflicts and legal decisions carry none). Each signal compares a period with the one
/// before it (or with the ``Thresholds/absentPeriods`` after it):
///
/// - `party_unreachable` (severity 1): a party with an unofficial channel to at least one opposed
///   party in the earlier period has none to any opposed party in the later one.
/// - `designation_silence` (severity 1): a party designated (listed) in period D (the one holding the
///   listing's first day), engaged in D−1 or D by an actor that may carry channels (a tie to it), has
///   no such tie in each of the ``Thresholds/absentPeriods`` periods after D; reported in D+1.
/// - `channels_fall` (severity: the share lost): an opposed pair's channels fall to zero, or by at
///   least ``Thresholds/channelFall`` of the earlier count.
/// - `broker_leaves` (severity: its share of the channels): an
///   intermediary that carried at least ``Thresholds/brokerShare`` of the conflict's channels in a
///   period, or was in the most minimum cuts (the conflict's top broker), has no tie in each of
///   the ``Thresholds/absentPeriods`` periods after it.
/// - `convener_curtails` (severity: the share of ties lost): a convener within two steps of the
///   conflict with at least ``Thresholds/minimumTies`` ties loses at least
///   ``Thresholds/curtailShare`` of them from one period to the next.
///
/// Ties between periods are broken by signal (in the order above), period, conflict and text.
///
/// - Complexity: P snapshots of O(n + m) plus P runs of the conflicts' flows (``VertexConnectivity``),
///   and O(n + m) per period for the convener signal.
public struct WarningsJob: Sendable {
    /// The settable thresholds, with their defaults (the README gives the reasoning).
    public struct Thresholds: Sendable, Equatable {
        /// The share of a pair's channels that must be lost between two periods (a fall to zero always counts).
        public var channelFall: Double = 0.5
        /// The share of a conflict's channels an intermediary must carry to count as a broker.
        public var brokerShare: Double = 0.5
        /// How many periods in a row a broker (or engagement with a designated party) must be absent.
        public var absentPeriods: Int = 2
        /// The share of a convener's ties that must be lost between two periods.
        public var curtailShare: Double = 0.5
        /// The ties a convener must have in the earlier period for a fall to count.
        public var minimumTies: Int = 3

        public init() {}

        /// Refuses shares outside (0, 1] and counts below 1.
        public func check() throws(AnalysisError) {
            for (name, value) in [("channel_fall", channelFall), ("broker_share", brokerShare), ("curtail_share", curtailShare)] {
                guard value.isFinite, value > 0, value <= 1 else {
                    throw .invalidParameter(name: name, value: "\(value)", reason: "must be a share above 0 and at most 1")
                }
            }
            guard absentPeriods >= 1 else {
                throw .invalidParameter(name: "absent_periods", value: "\(absentPeriods)", reason: "must be 1 or more")
            }
            guard minimumTies >= 1 else {
                throw .invalidParameter(name: "minimum_ties", value: "\(minimumTies)", reason: "must be 1 or more")
            }
        }
    }

    /// The signals in the order that breaks ties of severity.
    public static let signals = ["party_unreachable", "designation_silence", "channels_fall", "broker_leaves", "convener_curtails"]

    public var conflict: String?
    /// The periods compared: years, quarters or months.
    public var every: TimeStep
    public var thresholds: Thresholds
    /// Which part of the network to read; its ``NetworkFilter/period`` chooses the years.
    public var filter: NetworkFilter

    public init(
        conflict: String? = nil, every: TimeStep = .year, thresholds: Thresholds = Thresholds(), filter: NetworkFilter = NetworkFilter()
    ) {
        self.conflict = conflict
        self.every = every
        self.thresholds = thresholds
        self.filter = filter
    }

    public func run(_ network: Network) throws -> WarningsReport {
        try thresholds.check()
        let channels = ChannelsJob(conflict: conflict, includeOfficial: false, filter: filter)
        let periods = try channels.periods(network, every: every)
        let nodeByID = Dictionary(network.nodes.map { (ExactID($0.id), $0) }, uniquingKeysWith: { first, _ in first })
        var warnings: [WarningsReport.Warning] = []
        if let first = periods.first {
            let ids = first.graph.ids
            var index: [ExactID: Int] = [:]
            for (i, id) in ids.enumerated() { index[ExactID(id)] = i }
            let mask = ids.map { nodeByID[ExactID($0)].map(channels.mayIntermediate) ?? false }
            for k in first.conflicts.indices {
                let series = periods.map { $0.conflicts[k] }
                warnings += falls(series, periods)
                warnings += unreachable(series, periods)
                warnings += brokers(series, periods)
                warnings += designations(series, periods, nodeByID: nodeByID, index: index, mask: mask)
                warnings += curtailed(series, periods, nodeByID: nodeByID, index: index)
            }
        }
        warnings.sort { a, b in
            if a.severity != b.severity { return a.severity > b.severity }
            let sa = Self.signals.firstIndex(of: a.signal)!, sb = Self.signals.firstIndex(of: b.signal)!
            if sa != sb { return sa < sb }
            if a.period != b.period { return a.period < b.period }
            if a.conflict.id != b.conflict.id { return a.conflict.id < b.conflict.id }
            return a.text < b.text
        }
        var parameters: [(key: String, value: JSONValue)] = []
        if let conflict { parameters.append((key: "conflict", value: .string(conflict))) }
        parameters += [
            (key: "every", value: .string(every.rawValue)),
            (key: "channel_fall", value: .double(thresholds.channelFall)),
            (key: "broker_share", value: .double(thresholds.brokerShare)),
            (key: "absent_periods", value: .int(thresholds.absentPeriods)),
            (key: "curtail_share", value: .double(thresholds.curtailShare)),
            (key: "minimum_ties", value: .int(thresholds.minimumTies)),
        ]
        parameters += filter.timeParameters
        let span =
            periods.isEmpty
            ? "no periods" : (periods.count == 1 ? "\(periods[0].label)" : "\(periods[0].label)–\(periods[periods.count - 1].label)")
        return WarningsReport(parameters: parameters, warnings: warnings, span: span)
    }

    // MARK: - Signals

    typealias Actor = ChannelsReport.Actor

    static func object(_ members: [(String, JSONValue)]) -> JSONValue { ReportJSON.object(members) }
    static func ids(_ actors: [Actor]) -> JSONValue { ReportJSON.strings(actors.map(\.id)) }
    static func name(_ a: Actor) -> String { a.label.replacingOccurrences(of: "\n", with: " ") }
    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
    static func list(_ names: [String]) -> String {
        switch names.count {
        case 0: ""
        case 1: names[0]
        default: names.dropLast().joined(separator: ", ") + " and " + names.last!
        }
    }
    static func years(_ ys: [String]) -> String { ys.count == 1 ? ys[0] : "\(ys.first!)–\(ys.last!)" }

    /// `channels_fall`: each opposed pair listed in two consecutive periods.
    func falls(_ series: [ChannelsReport.Conflict], _ periods: [ChannelsJob.Period]) -> [WarningsReport.Warning] {
        var out: [WarningsReport.Warning] = []
        for t in series.indices.dropFirst() {
            let after = Dictionary(series[t].pairs.map { ("\($0.a.id)\u{0}\($0.b.id)", $0) }, uniquingKeysWith: { a, _ in a })
            for p in series[t - 1].pairs where p.channels > 0 {
                guard let q = after["\(p.a.id)\u{0}\(p.b.id)"], q.channels < p.channels else { continue }
                let share = Double(p.channels - q.channels) / Double(p.channels)
                guard q.channels == 0 || share >= thresholds.channelFall else { continue }
                let still = Set(q.paths.flatMap { $0 })
                var seen = Set<Actor>()
                let lost = p.paths.flatMap { $0 }.filter { !still.contains($0) && seen.insert($0).inserted }
                let (y0, y1) = (periods[t - 1].label, periods[t].label)
                let evidence = Self.object([
                    ("a", .string(p.a.id)), ("b", .string(p.b.id)),
                    ("before", Self.object([("period", .string(y0)), ("channels", .int(p.channels))])),
                    ("after", Self.object([("period", .string(y1)), ("channels", .int(q.channels))])),
                    ("share_lost", .double(share)), ("intermediaries_lost", Self.ids(lost)),
                ])
                var text =
                    "Unofficial channels between \(Self.name(p.a)) and \(Self.name(p.b)) fell from \(p.channels) in \(y0) to \(q.channels == 0 ? "none" : String(q.channels)) in \(y1)"
                text += q.channels == 0 ? "." : " (\(Self.percent(share)) fewer)."
                if !lost.isEmpty { text += " No longer through: \(Self.list(lost.map(Self.name)))." }
                out.append(
                    .init(
                        conflict: series[t].conflict, period: y1, signal: "channels_fall", severity: share, evidence: evidence,
                        text: text))
            }
        }
        return out
    }

    /// `party_unreachable`: a party with a channel to an opposed party, then none.
    func unreachable(_ series: [ChannelsReport.Conflict], _ periods: [ChannelsJob.Period]) -> [WarningsReport.Warning] {
        var out: [WarningsReport.Warning] = []
        for t in series.indices.dropFirst() {
            for party in series[t].parties {
                let before = series[t - 1].pairs.filter { ($0.a == party || $0.b == party) && $0.channels > 0 }
                let now = series[t].pairs.filter { $0.a == party || $0.b == party }
                guard !before.isEmpty, !now.isEmpty, now.allSatisfy({ $0.channels == 0 }) else { continue }
                let reached = before.map { $0.a == party ? $0.b : $0.a }
                let (y0, y1) = (periods[t - 1].label, periods[t].label)
                let evidence = Self.object([
                    ("party", .string(party.id)),
                    (
                        "before",
                        Self.object([
                            ("period", .string(y0)), ("reached", Self.ids(reached)),
                            ("channels", .int(before.reduce(0) { $0 + $1.channels })),
                        ])
                    ),
                    (
                        "after",
                        Self.object([
                            ("period", .string(y1)), ("opposed_parties", Self.ids(now.map { $0.a == party ? $0.b : $0.a })),
                            ("channels", .int(0)),
                        ])
                    ),
                ])
                let text =
                    "\(Self.name(party)) had unofficial channels to \(Self.list(reached.map(Self.name))) in \(y0) and none to any opposed party in \(y1)."
                out.append(
                    .init(
                        conflict: series[t].conflict, period: y1, signal: "party_unreachable", severity: 1, evidence: evidence,
                        text: text))
            }
        }
        return out
    }

    /// `broker_leaves`: a broker of period t−1 with no tie in the next ``Thresholds/absentPeriods`` periods.
    func brokers(_ series: [ChannelsReport.Conflict], _ periods: [ChannelsJob.Period]) -> [WarningsReport.Warning] {
        var out: [WarningsReport.Warning] = []
        let n = thresholds.absentPeriods
        for t in series.indices.dropFirst() where t + n - 1 < series.count {
            let before = series[t - 1]
            let total = before.pairs.reduce(0) { $0 + $1.channels }
            guard total > 0 else { continue }
            var carried: [Actor: Int] = [:]
            for p in before.pairs { for path in p.paths { for v in Set(path) { carried[v, default: 0] += 1 } } }
            let connected = before.pairs.filter { $0.channels > 0 }.count
            let top = before.indispensable.first
            let index = Dictionary(
                periods[t].graph.ids.enumerated().map { (ExactID($0.element), $0.offset) }, uniquingKeysWith: { a, _ in a })
            for (broker, count) in carried.sorted(by: { $0.key.id < $1.key.id }) {
                let share = Double(count) / Double(total)
                let cuts = before.pairs.filter { $0.cut.contains(broker) }.count
                let isTop = top.map { $0.actor == broker && $0.pairs > 0 } ?? false
                guard share >= thresholds.brokerShare || isTop, let v = index[ExactID(broker.id)] else { continue }
                guard periods[t - 1].neighbours[v] > 0,
                    (t..<(t + n)).allSatisfy({ !periods[$0].present[v] || periods[$0].neighbours[v] == 0 })
                else { continue }
                let absent = (t..<(t + n)).map { periods[$0].label }
                let pairs = before.pairs.filter { p in p.paths.contains { $0.contains(broker) } }
                let evidence = Self.object([
                    ("broker", .string(broker.id)), ("last_period", .string(periods[t - 1].label)),
                    ("absent_periods", .array(absent.map { JSONNode(.string(String($0))) })),
                    ("channels_carried", .int(count)), ("channels_total", .int(total)), ("share", .double(share)),
                    ("cuts", .int(cuts)), ("pairs_with_channels", .int(connected)), ("top_in_cuts", .bool(isTop)),
                    ("pairs", .array(pairs.map { JSONNode(Self.ids([$0.a, $0.b])) })),
                ])
                let carriedText =
                    count == total
                    ? (total == 1 ? "the only unofficial channel" : "all \(total) unofficial channels")
                    : "\(count) of the \(total) unofficial channels"
                var text =
                    "\(Self.name(broker)) carried \(carriedText) between the parties in \(periods[t - 1].label) (\(Self.percent(share)))"
                if cuts > 0 { text += " and was in the minimum cut of \(cuts) of \(connected) connected pair\(connected == 1 ? "" : "s")" }
                text += "; it has no recorded tie in \(Self.years(absent))."
                out.append(
                    .init(
                        conflict: before.conflict, period: periods[t].label, signal: "broker_leaves", severity: share,
                        evidence: evidence, text: text))
            }
        }
        return out
    }

    /// `designation_silence`: a party listed in year D, engaged in D−1 or D, with no engagement after.
    func designations(
        _ series: [ChannelsReport.Conflict], _ periods: [ChannelsJob.Period], nodeByID: [ExactID: Node], index: [ExactID: Int], mask: [Bool]
    ) -> [WarningsReport.Warning] {
        var out: [WarningsReport.Warning] = []
        guard let conflict = series.first?.conflict else { return out }
        // The period holding a designation's first day (a listing dated 1997 falls in 1997, 1997-Q1 or 1997-01).
        func position(_ d: PartialDate) -> Int? { periods.firstIndex { $0.days.contains(d.firstDay) } }
        let n = thresholds.absentPeriods
        func engagers(_ t: Int, _ v: Int) -> [Int] {
            let g = periods[t].graph
            var found = Set<Int>()
            for k in Int(g.outOffsets[v])..<Int(g.outOffsets[v + 1]) where mask[Int(g.outTargets[k])] { found.insert(Int(g.outTargets[k])) }
            for k in Int(g.inOffsets[v])..<Int(g.inOffsets[v + 1]) where mask[Int(g.inSources[k])] { found.insert(Int(g.inSources[k])) }
            found.remove(v)
            return found.sorted()
        }
        for party in series[0].parties {
            guard let node = nodeByID[ExactID(party.id)], let v = index[ExactID(party.id)] else { continue }
            var seenYears = Set<PartialDate>()
            for designation in node.designations {
                guard let d = designation.since, seenYears.insert(d).inserted, let td = position(d), td + n < periods.count else {
                    continue
                }
                let beforeTimes = [td - 1, td].filter { $0 >= 0 }
                let before = Array(Set(beforeTimes.flatMap { engagers($0, v) })).sorted()
                guard !before.isEmpty else { continue }
                let after = ((td + 1)...(td + n))
                guard after.allSatisfy({ engagers($0, v).isEmpty }) else { continue }
                let ids = periods[td].graph.ids
                let actors = before.map { i in ChannelsReport.Actor(id: ids[i], label: nodeByID[ExactID(ids[i])]?.label ?? ids[i]) }
                let silent = after.map { periods[$0].label }
                let evidence = Self.object([
                    ("party", .string(party.id)), ("list", .string(designation.list)), ("by", designation.by.map { .string($0) } ?? .null),
                    ("designation_period", .string(d.text)),
                    ("engaged_in", .array(beforeTimes.map { JSONNode(.string(periods[$0].label)) })),
                    ("engaged_by", Self.ids(actors)),
                    ("silent_periods", .array(silent.map { JSONNode(.string(String($0))) })),
                ])
                let listing = designation.list + (designation.by.map { " (\($0))" } ?? "")
                let text =
                    "\(Self.name(party)) was listed on the \(listing) in \(d.text); it was engaged by \(Self.list(actors.map(Self.name))) in \(Self.years(beforeTimes.map { periods[$0].label })) and by no one who may carry a channel in \(Self.years(silent))."
                out.append(
                    .init(
                        conflict: conflict, period: periods[td + 1].label, signal: "designation_silence", severity: 1,
                        evidence: evidence, text: text))
            }
        }
        return out
    }

    /// `convener_curtails`: a convener within two steps of the conflict whose ties fall sharply.
    func curtailed(_ series: [ChannelsReport.Conflict], _ periods: [ChannelsJob.Period], nodeByID: [ExactID: Node], index: [ExactID: Int])
        -> [WarningsReport.Warning]
    {
        var out: [WarningsReport.Warning] = []
        guard let conflict = series.first?.conflict, let c = index[ExactID(conflict.id)] else { return out }
        let ids = periods.first?.graph.ids ?? []
        let conveners = ids.indices.filter { nodeByID[ExactID(ids[$0])]?.kind == .convener }
        for t in periods.indices.dropFirst() {
            let near = Self.withinTwoSteps(periods[t - 1].graph, of: c)
            for v in conveners where near[v] {
                let (k0, k1) = (periods[t - 1].neighbours[v], periods[t].neighbours[v])
                guard k0 >= thresholds.minimumTies, k1 < k0 else { continue }
                let share = Double(k0 - k1) / Double(k0)
                guard share >= thresholds.curtailShare else { continue }
                let actor = ChannelsReport.Actor(id: ids[v], label: nodeByID[ExactID(ids[v])]?.label ?? ids[v])
                let (y0, y1) = (periods[t - 1].label, periods[t].label)
                let evidence = Self.object([
                    ("convener", .string(actor.id)),
                    ("before", Self.object([("period", .string(y0)), ("ties", .int(k0))])),
                    ("after", Self.object([("period", .string(y1)), ("ties", .int(k1))])),
                    ("share_lost", .double(share)),
                ])
                let text =
                    "\(Self.name(actor)), within two steps of the conflict, had ties to \(k0) actor\(k0 == 1 ? "" : "s") in \(y0) and to \(k1) in \(y1) (\(Self.percent(share)) fewer)."
                out.append(
                    .init(
                        conflict: conflict, period: y1, signal: "convener_curtails", severity: share, evidence: evidence, text: text
                    ))
            }
        }
        return out
    }

    /// Nodes within two steps of `c`, ties in either direction.
    /// - Complexity: O(n + m).
    static func withinTwoSteps(_ g: CompactGraph, of c: Int) -> [Bool] {
        var near = [Bool](repeating: false, count: g.nodeCount)
        near[c] = true
        var frontier = [c]
        for _ in 0..<2 {
            var next: [Int] = []
            for u in frontier {
                let out = (Int(g.outOffsets[u])..<Int(g.outOffsets[u + 1])).map { Int(g.outTargets[$0]) }
                let into = (Int(g.inOffsets[u])..<Int(g.inOffsets[u + 1])).map { Int(g.inSources[$0]) }
                for w in out + into where !near[w] {
                    near[w] = true
                    next.append(w)
                }
            }
            frontier = next
        }
        return near
    }
}
