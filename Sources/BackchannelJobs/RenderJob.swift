import BackchannelAnalysis
import BackchannelFormats
import BackchannelModel
import BackchannelPresentation
import BackchannelRender
import Foundation

/// What a diagram is written as: Graphviz's rendered formats, or the DOT source itself.
public enum DiagramFormat: String, CaseIterable, Sendable {
    case svg, png, pdf, dot

    public var isBinary: Bool { self == .png || self == .pdf }

    /// The format a file's name asks for: its extension, in any case (`.gv` is DOT). Nil when the
    /// extension names none of them.
    public init?(fileExtension: String) {
        let ext = fileExtension.lowercased()
        guard let format = ext == "gv" ? .dot : DiagramFormat(rawValue: ext) else { return nil }
        self = format
    }

    /// The extensions ``init(fileExtension:)`` knows, for messages.
    public static let fileExtensions = ["svg", "png", "pdf", "dot", "gv"]
}

/// Turns a network into diagram bytes: runs the measures the diagram needs (``diagram(_:options:)``),
/// writes DOT in pure Swift, then lays it out with Graphviz in-process for SVG, PNG, PDF.
public struct RenderJob: Sendable {
    /// What the diagram shows; turned into a ``Diagram`` by ``diagram(_:options:)``.
    public var options: DOTOptions
    /// The layout engine; ``LayoutEngine/recommended(edgeCount:)`` when nil.
    public var engine: LayoutEngine?
    /// Render in this child process, surviving crashes in Graphviz; in-process when nil.
    public var worker: GraphvizWorker?

    public init(options: DOTOptions = DOTOptions(), engine: LayoutEngine? = nil, worker: GraphvizWorker? = nil) {
        self.options = options
        self.engine = engine
        self.worker = worker
    }

    /// The bytes, and notes for the user (engine chosen, PNG scaled, Graphviz warnings).
    public func run(_ network: Network, format: DiagramFormat) throws(RenderError) -> (bytes: [UInt8], notes: [String]) {
        let diagram = Self.diagram(network, options: options)
        let result = try run(diagram, format: format)
        guard !options.communities, diagram.legendNote != nil, diagram.network.nodes.count < network.nodes.count else { return result }
        let reduced =
            "drawing the \(diagram.network.nodes.count) most connected of \(network.nodes.count) nodes (by degree), as the network has more than \(Self.largeEdgeThreshold) edges; --full draws every node"
        return (result.bytes, [reduced] + result.notes)
    }

    /// A filled-in diagram as bytes; ``options`` are not consulted.
    public func run(_ diagram: Diagram, format: DiagramFormat) throws(RenderError) -> (bytes: [UInt8], notes: [String]) {
        try run(dot: DOTWriter().write(diagram), edgeCount: diagram.network.edges.count, format: format)
    }

    /// The styled DOT for `network` with ``options``: ``diagram(_:options:)`` written by ``DOTWriter``.
    /// - Complexity: that of ``diagram(_:options:)``, plus O(n + m) to write.
    public func dot(_ network: Network) -> String {
        DOTWriter().write(Self.diagram(network, options: options))
    }

    /// Renders DOT text as it is (e.g. a user's own `.dot` file, `render --as-is`).
    public func run(dot: String, edgeCount: Int, format: DiagramFormat) throws(RenderError) -> (bytes: [UInt8], notes: [String]) {
        try run(dot: dot, edgeCount: edgeCount, formats: [format])[0]
    }

    /// A filled-in diagram in every format of `formats`, from one layout.
    public func run(_ diagram: Diagram, formats: [DiagramFormat]) throws(RenderError) -> [(bytes: [UInt8], notes: [String])] {
        try run(dot: DOTWriter().write(diagram), edgeCount: diagram.network.edges.count, formats: formats)
    }

    /// DOT text in every format of `formats`, in order: Graphviz lays it out once (`gvLayout`) and
    /// renders that layout per format (`gvRender`); `.dot` is the text itself. While a layout runs
    /// for more than a second, a line on stderr says so and counts the seconds (only when stderr is a
    /// terminal and `CI` is unset).
    /// - Complexity: one layout (two when a scaled PNG comes with other formats), one render per format.
    public func run(dot: String, edgeCount: Int, formats: [DiagramFormat]) throws(RenderError) -> [(bytes: [UInt8], notes: [String])] {
        var results = [(bytes: [UInt8], notes: [String])](repeating: ([], []), count: formats.count)
        var drawn: [(index: Int, format: RenderFormat)] = []
        for (i, format) in formats.enumerated() {
            switch format {
            case .dot: results[i] = (Array(dot.utf8), [])
            case .svg: drawn.append((i, .svg))
            case .png: drawn.append((i, .png))
            case .pdf: drawn.append((i, .pdf))
            }
        }
        guard !drawn.isEmpty else { return results }
        var notes: [String] = []
        let engine = self.engine ?? LayoutEngine.recommended(edgeCount: edgeCount)
        if self.engine == nil && engine != .dot {
            notes.append(
                "using the \(engine.rawValue) layout: the network has \(edgeCount) edges, more than dot lays out in reasonable time (\(LayoutEngine.dotEdgeLimit)); pass --engine dot to insist"
            )
        }
        let progress = LayoutProgress.start("laying out \(edgeCount) edges with \(engine.rawValue)")
        defer { progress?.finish() }
        let renderings =
            if let worker {
                try worker.render(dot: dot, engine: engine, formats: drawn.map(\.format), edgeCount: edgeCount)
            } else {
                try Graphviz.shared.render(dot: dot, engine: engine, formats: drawn.map(\.format))
            }
        for (k, rendering) in renderings.enumerated() {
            results[drawn[k].index] = (rendering.bytes, (k == 0 ? notes : []) + rendering.notes + rendering.warnings.map(Self.describe))
        }
        return results
    }
}

extension RenderJob {
    /// A Graphviz warning for the user; the xlabel placer's count is said in Backchannel's terms.
    static func describe(_ warning: String) -> String {
        let words = warning.split(separator: " ")
        if words.count >= 6, warning.hasSuffix("exterior labels positioned."), let placed = Int(words[0]), let total = Int(words[3]) {
            return
                "\(placed) of \(total) edge annotations inside boxes drawn (the others would overlap a node or a label; every edge's SVG tooltip has its text)"
        }
        return "Graphviz: " + warning
    }
}

/// "laying out … 3 s" on stderr while a layout takes more than a second, redrawn each second; only
/// when stderr is a terminal and `CI` is unset, and cleared when the layout ends.
final class LayoutProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var running = true
    private var drawn = false
    private let done = DispatchSemaphore(value: 0)

    static func start(_ label: String) -> LayoutProgress? {
        guard isatty(STDERR_FILENO) != 0, ProcessInfo.processInfo.environment["CI"] == nil else { return nil }
        let progress = LayoutProgress()
        Thread.detachNewThread { [progress] in
            var seconds = 0
            while progress.done.wait(timeout: .now() + 1) == .timedOut {
                seconds += 1
                progress.lock.withLock {
                    guard progress.running else { return }
                    progress.drawn = true
                    FileHandle.standardError.write(Data("\r\(label)… \(seconds) s\u{1B}[K".utf8))
                }
            }
        }
        return progress
    }

    func finish() {
        lock.withLock {
            running = false
            if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
        done.signal()
    }
}

extension RenderJob {
    /// The diagram `options` ask for, with the measures it needs run here (and nowhere in
    /// ``DOTWriter``):
    /// - what is drawn: the nodes of `options.keep` (a focused view) or the whole network; past
    ///   ``largeEdgeThreshold`` edges (unless `options.full`), only ``mostConnected(_:edgeLimit:)``;
    /// - node sizes from `options.sizeScores`, or total degree (distinct neighbours) when nil;
    /// - clusters by conflict (``conflictBoxes(_:)``, computed on the whole `network`, so a node is
    ///   in the same box in every view), by track, by community (``communityBoxes(_:)``, also on the
    ///   whole `network`), or none;
    /// - edge annotations: inline `label`s without clusters, `xlabel`s with them, none past
    ///   ``labelledNodeLimit`` nodes.
    /// - Complexity: O(n + m) for degree and clusters, O((n + m) log n) when a large network is reduced.
    public static func diagram(_ network: Network, options: DOTOptions) -> Diagram {
        if options.communities {
            let (collapsed, members) = communityNetwork(options.keep.map { network.subnetwork($0) } ?? network)
            let pairs = collapsed.edges.count
            var diagram = Diagram(
                collapsed, title: options.title ?? network.title ?? network.name,
                subtitle:
                    "\(collapsed.nodes.count) communit\(collapsed.nodes.count == 1 ? "y" : "ies") (Louvain, seed 0) of \(network.nodes.count) nodes · \(pairs) pair\(pairs == 1 ? "" : "s") of communities with ties",
                nodeSizes: Diagram.relativeSizes(members.map { Double($0).squareRoot() }), sizeMeasure: "members (square root)",
                legend: options.legend,
                rankdir: options.rankdir)
            diagram.legendNote = communityNodeRule
            diagram.edgeLabels = .none
            diagram.undirected = true
            diagram.edgeWidths = collapsed.edges.map { tieWidth($0.weight) }
            return diagram
        }
        var drawn = options.keep.map { network.subnetwork($0) } ?? network
        var subtitle: String?
        var note: String?
        if !options.full && drawn.edges.count > largeEdgeThreshold {
            let kept = mostConnected(drawn, edgeLimit: largeEdgeThreshold)
            let reduced = drawn.subnetwork(kept)
            subtitle =
                "the \(reduced.nodes.count) most connected of \(drawn.nodes.count) nodes (by degree) and their \(reduced.edges.count) of \(drawn.edges.count) relations"
            note = "\(drawn.nodes.count - reduced.nodes.count) less connected nodes left out; --full draws every node"
            drawn = reduced
        }
        var scores = options.sizeScores ?? DegreeCentrality(normalized: false).scores(CompactGraph(network))
        if drawn.nodes.count != network.nodes.count {
            let index = network.nodeIndex()
            scores = drawn.nodes.map { node in index[ExactID(node.id)].flatMap { scores.indices.contains($0) ? scores[$0] : nil } ?? 0 }
        }
        let clusters: [Diagram.Cluster]
        switch options.clusterBy {
        case .none: clusters = []
        case .track: clusters = Diagram.trackClusters(drawn)
        case .conflict:
            let boxes = conflictBoxes(network)
            let index = network.nodeIndex()
            let assignment = drawn.nodes.map { node in index[ExactID(node.id)].flatMap { boxes.boxOf[$0] } }
            clusters = Diagram.clusters(assignment: assignment, labels: boxes.roots.map { network.nodes[$0].label })
        case .community:
            let boxes = communityBoxes(network)
            let index = network.nodeIndex()
            let assignment = drawn.nodes.map { node in index[ExactID(node.id)].flatMap { boxes.boxOf[$0] } }
            clusters = Diagram.clusters(assignment: assignment, labels: boxes.labels)
            note = [note, communityRule].compactMap { $0 }.joined(separator: "; ")
        }
        var diagram = Diagram(
            drawn, title: options.title ?? network.title ?? network.name,
            subtitle: subtitle.map { Diagram.standardSubtitle(drawn) + " · " + $0 },
            nodeSizes: Diagram.relativeSizes(scores), sizeMeasure: options.sizeMeasure,
            clusters: clusters, highlight: options.highlight, legend: options.legend, rankdir: options.rankdir)
        diagram.legendNote = note
        diagram.edgeLabels =
            drawn.nodes.count > labelledNodeLimit ? .none : (clusters.contains { !$0.members.isEmpty } ? .external : .inline)
        return diagram
    }

    /// Past this many edges the default drawing shows only the most connected nodes
    /// (``mostConnected(_:edgeLimit:)``) with at most this many edges; `--full` draws everything.
    public static let largeEdgeThreshold = 600

    /// Past this many drawn nodes, edges carry no text (it could not be read); their SVG tooltips do.
    public static let labelledNodeLimit = 150

    /// The ids of the most connected nodes whose ties number at most `edgeLimit`: nodes ranked by
    /// total degree (distinct neighbours, ties by network order), and the longest prefix of that
    /// ranking, of at most ``labelledNodeLimit`` nodes, whose induced subnetwork has at most
    /// `edgeLimit` edges, less the nodes of that prefix with no tie to another node of it.
    /// - Complexity: O((n + m) log n): a binary search over prefix lengths, each counted in O(m).
    public static func mostConnected(_ network: Network, edgeLimit: Int) -> Set<String> {
        let degree = DegreeCentrality(normalized: false).scores(CompactGraph(network))
        let order = network.nodes.indices.sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }
        var rank = [ExactID: Int]()
        for (r, i) in order.enumerated() { rank[ExactID(network.nodes[i].id)] = r }
        func edges(_ k: Int) -> Int {
            network.edges.reduce(0) { count, e in
                guard let a = rank[ExactID(e.source)], let b = rank[ExactID(e.target)] else { return count }
                return count + (a < k && b < k ? 1 : 0)
            }
        }
        var lo = 1, hi = min(order.count, labelledNodeLimit)
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if edges(mid) <= edgeLimit { lo = mid } else { hi = mid - 1 }
        }
        // A kept node none of whose ties stays in the drawing would float alone: leave it out too.
        var tied = Set<ExactID>()
        for e in network.edges {
            guard let a = rank[ExactID(e.source)], let b = rank[ExactID(e.target)], a < lo, b < lo, a != b else { continue }
            tied.insert(ExactID(e.source))
            tied.insert(ExactID(e.target))
        }
        let kept = order.prefix(lo).map { network.nodes[$0].id }.filter { tied.contains(ExactID($0)) }
        return Set(kept.isEmpty ? order.prefix(lo).map { network.nodes[$0].id } : kept)
    }

    /// Which conflict's box each node is drawn in. The boxes are the root conflicts (conflicts not
    /// `part_of` another conflict; ``ConflictAssignment/roots``). A node is in a box when it is that
    /// root conflict, a conflict `part_of` it, or a node tied directly (by any relation, either
    /// direction) to that root conflict or its parts and to no other root conflict's. Everything else
    /// (two steps away, or tied to two conflicts) stays outside every box.
    /// - Complexity: O(n + m).
    public static func conflictBoxes(_ network: Network) -> (roots: [Int], boxOf: [Int?]) {
        let roots = ConflictAssignment(network).roots
        let index = network.nodeIndex()
        var rootOf = [Int?](repeating: nil, count: network.nodes.count)
        for (r, node) in roots.enumerated() { rootOf[node] = r }
        // Parts join their root conflict (following part_of chains, at most n steps).
        var parent = [Int?](repeating: nil, count: network.nodes.count)
        for e in network.edges where e.relation == .partOf {
            guard let s = index[ExactID(e.source)], let t = index[ExactID(e.target)], s != t,
                network.nodes[s].kind == .conflict, network.nodes[t].kind == .conflict
            else { continue }
            if parent[s] == nil { parent[s] = t }
        }
        for i in network.nodes.indices where network.nodes[i].kind == .conflict && rootOf[i] == nil {
            var j = i, steps = 0
            while let p = parent[j], steps < network.nodes.count { j = p; steps += 1 }
            rootOf[i] = rootOf[j]
        }
        var boxOf = rootOf
        var tied = [Set<Int>](repeating: [], count: network.nodes.count)
        for e in network.edges {
            guard let s = index[ExactID(e.source)], let t = index[ExactID(e.target)] else { continue }
            if let r = rootOf[t], rootOf[s] == nil { tied[s].insert(r) }
            if let r = rootOf[s], rootOf[t] == nil { tied[t].insert(r) }
        }
        for i in network.nodes.indices where rootOf[i] == nil && tied[i].count == 1 { boxOf[i] = tied[i].first }
        return (roots, boxOf)
    }

    /// What a drawing with ``ClusterBy/community`` boxes says about them, in its legend.
    public static let communityRule =
        "boxes: Louvain communities (seed 0) of the whole network, each labelled by its three most connected members; one-node communities unboxed"

    /// The community box of each node: Louvain with the `communities` command's defaults (seed 0,
    /// resolution 1, unweighted, threshold 1e-7) on the whole network read as undirected, so a node is
    /// in the same box in every view. Communities are numbered from 1 in Louvain's order (the order
    /// `communities` lists them); each box is labelled "Community K (N members)" and its three members
    /// of highest degree (distinct neighbours; ties by network order), "…" when there are more. A
    /// community of one node gets no box (nil).
    /// - Complexity: Louvain's, plus O(n log n + m).
    public static func communityBoxes(_ network: Network) -> (labels: [String], boxOf: [Int?]) {
        let graph = CompactGraph(network)
        let communities = (try? Louvain(seed: 0).communities(graph)) ?? []
        let degree = DegreeCentrality(normalized: false).scores(graph)
        let index = network.nodeIndex()
        var boxOf = [Int?](repeating: nil, count: network.nodes.count)
        var labels: [String] = []
        for (k, community) in communities.enumerated() where community.count > 1 {
            // Louvain's indices are the compact graph's; its ids are the network's node ids.
            let members = community.compactMap { v in index[ExactID(graph.ids[v])].map { (node: $0, degree: degree[v]) } }
            for m in members { boxOf[m.node] = labels.count }
            let top = members.sorted { $0.degree != $1.degree ? $0.degree > $1.degree : $0.node < $1.node }.prefix(3)
            let names = top.map { network.nodes[$0.node].label }.joined(separator: ", ") + (members.count > 3 ? ", …" : "")
            labels.append("Community \(k + 1) (\(members.count) members):\n\(names)")
        }
        return (labels, boxOf)
    }

    /// `network` collapsed to its communities: Louvain (seed 0, resolution 1) on the undirected
    /// network; one node per community (id `community-K`, K from 1 in Louvain's order), labelled by
    /// ``communityLabel(_:in:degree:)``, of the kind most common among its members; one `shares_with`
    /// edge per pair of communities with ties between them, weighted by their count.
    /// - Returns: the collapsed network and each community's member count.
    /// - Complexity: Louvain's, plus O(n log n + m).
    public static func communityNetwork(_ network: Network) -> (network: Network, members: [Int]) {
        let graph = CompactGraph(network, directed: false)
        let communities = (try? Louvain(seed: 0).communities(graph)) ?? [Array(network.nodes.indices)]
        let degree = DegreeCentrality(normalized: false).scores(CompactGraph(network))
        let index = network.nodeIndex()
        var communityOf = [Int](repeating: 0, count: network.nodes.count)
        var collapsed = Network(name: network.name + "-communities")
        collapsed.title = network.title
        for (k, community) in communities.enumerated() {
            // Louvain's indices are the compact graph's, whose ids are the network's node ids.
            let members = community.compactMap { index[ExactID(graph.ids[$0])] }
            for m in members { communityOf[m] = k }
            var counts: [NodeKind: Int] = [:]
            for m in members { counts[network.nodes[m].kind, default: 0] += 1 }
            var kind = NodeKind.participant
            var best = -1
            for candidate in NodeKind.allCases where (counts[candidate] ?? 0) > best { kind = candidate; best = counts[candidate] ?? 0 }
            collapsed.nodes.append(
                Node(id: "community-\(k + 1)", label: communityLabel(members, in: network, degree: degree), kind: kind))
        }
        var ties: [Int: Int] = [:]
        for e in network.edges {
            guard let s = index[ExactID(e.source)], let t = index[ExactID(e.target)] else { continue }
            let a = min(communityOf[s], communityOf[t]), b = max(communityOf[s], communityOf[t])
            if a != b { ties[a * communities.count + b, default: 0] += 1 }
        }
        for key in ties.keys.sorted() {
            let a = key / communities.count, b = key % communities.count
            collapsed.edges.append(
                Edge("community-\(a + 1)", .sharesWith, "community-\(b + 1)", weight: Double(ties[key]!), description: "\(ties[key]!) ties")
            )
        }
        return (collapsed, communities.map(\.count))
    }

    /// The node kinds a community's label names first: the actors (conveners, participants,
    /// officials), not dialogues, agreements, events, conflicts or legal nodes.
    public static let actorKinds: Set<NodeKind> = [.convener, .participant, .official]

    /// How many members a community's label names.
    public static let communityLabelNames = 3

    /// The most characters of a member's name a community's label shows (``cut(_:to:)``).
    public static let communityLabelNameLength = 32

    /// What the legend says of a collapsed drawing's nodes and lines.
    static let communityNodeRule = """
        each node a community, labelled by its \(communityLabelNames) most connected actors
        (conveners, participants, officials), or members when it has no actor;
        names cut at \(communityLabelNameLength) characters; shape: the community's most common kind
        line width: 1 + ln(ties between the two communities), no arrowheads
        """

    /// The width of a line standing for `ties` ties between two communities: 1 + ln(ties), so 1
    /// for one tie, about 3.3 for 10, 5.6 for 100 (and 1 for anything below one).
    public static func tieWidth(_ ties: Double) -> Double {
        ties > 1 ? 1 + log(ties) : 1
    }

    /// A community's label: "N members" (or "1 member"), then its ``communityLabelNames`` actors
    /// (``actorKinds``) of highest degree (`degree`, in network order; ties by network order), or its
    /// members of highest degree when none is an actor, one per line, each ``cut(_:to:)`` to
    /// ``communityLabelNameLength`` characters, then "… and K more" for the members not named.
    /// - Parameter members: the community's node indices in `network`.
    /// - Complexity: O(k log k) for k members.
    public static func communityLabel(_ members: [Int], in network: Network, degree: [Double]) -> String {
        let actors = members.filter { actorKinds.contains(network.nodes[$0].kind) }
        let candidates = actors.isEmpty ? members : actors
        func score(_ i: Int) -> Double { degree.indices.contains(i) ? degree[i] : 0 }
        let top = candidates.sorted { score($0) != score($1) ? score($0) > score($1) : $0 < $1 }.prefix(communityLabelNames)
        var lines = ["\(members.count) member\(members.count == 1 ? "" : "s")"]
        lines += top.map { cut(network.nodes[$0].label, to: communityLabelNameLength) }
        if members.count > top.count { lines.append("… and \(members.count - top.count) more") }
        return lines.joined(separator: "\n")
    }

    /// `name` on one line (line breaks and runs of spaces made one space) and, when longer than
    /// `length` characters, its first `length - 1` characters (less trailing spaces and punctuation
    /// such as a comma) and "…": at most `length` characters (just "…" when `length` is 1 or less).
    /// - Complexity: O(name length).
    public static func cut(_ name: String, to length: Int) -> String {
        let words = name.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
        let line = words.joined(separator: " ")
        guard line.count > length else { return line }
        var kept = line.prefix(max(0, length - 1))
        while let last = kept.last, last.isWhitespace || ",;:-–(".contains(last) { kept.removeLast() }
        return kept + "…"
    }

    /// A focused view around `id`: the node and everything within `radius` undirected steps.
    /// - Complexity: O(n + m).
    public static func focus(on id: String, radius: Int, in network: Network) -> Set<String> {
        ConflictAssignment.neighbourhood(of: id, radius: radius, in: network)
    }

    /// A focused view of `paths` (node ids): their nodes, and as context every node tied directly to
    /// two or more of them (what connects the paths), plus `extra`.
    /// - Complexity: O(n + m + total path length).
    public static func focus(onPaths paths: [[String]], extra: [String] = [], in network: Network) -> Set<String> {
        let onPath = Set(paths.joined().map(ExactID.init))
        var touching: [ExactID: Set<ExactID>] = [:]
        for e in network.edges {
            let s = ExactID(e.source), t = ExactID(e.target)
            if onPath.contains(s) && !onPath.contains(t) { touching[t, default: []].insert(s) }
            if onPath.contains(t) && !onPath.contains(s) { touching[s, default: []].insert(t) }
        }
        var keep = Set(paths.joined())
        keep.formUnion(extra)
        for (id, ends) in touching where ends.count >= 2 { keep.insert(id.text) }
        return keep
    }

    /// The exposure view: every material-support path of ``LegalExposure`` highlighted, drawn with
    /// its context (the designators and the legal decisions and instruments bearing on it, and nodes
    /// tied to two or more path nodes). Nil `keep` when there is no path.
    public static func exposureView(_ network: Network) -> (highlight: [[String]], keep: Set<String>?) {
        let paths = LegalExposure().paths(network)
        guard !paths.isEmpty else { return ([], nil) }
        let extra = paths.flatMap { $0.designatedBy + $0.legal }
        return (paths.map(\.nodes), focus(onPaths: paths.map(\.nodes), extra: extra, in: network))
    }

    /// Node scores for `render --size-by`: `measure` with its default parameters on the directed network.
    public static func sizeScores(_ network: Network, by measure: Measure) throws -> [Double] {
        guard case let .nodes(scores) = try measure.compute(CompactGraph(network), Measure.Parameters()) else {
            throw AnalysisError.invalidParameter(name: "--size-by", value: measure.rawValue, reason: "does not give one score per node")
        }
        return scores
    }

    /// The node-id paths in a `paths` or `exposure` JSON file.
    public static func highlightPaths(from url: URL) throws -> [[String]] {
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: url))
        } catch {
            throw ModelError.unreadable(file: url.path, reason: (error as NSError).localizedDescription)
        }
        do {
            return try PathReport.nodePaths(fromJSON: bytes)
        } catch let failure as JSONParser.Failure {
            throw ModelError.malformedJSON(file: url.path, line: failure.line, column: failure.column, message: failure.message)
        }
    }
}
