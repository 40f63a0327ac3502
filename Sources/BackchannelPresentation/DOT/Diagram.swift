import BackchannelModel

/// What a diagram should show, as a user asks for it: the job layer (`RenderJob`, `Overview`) runs
/// the measures these options name and turns them into a ``Diagram``.
public struct DOTOptions: Sendable {
    /// The diagram's title; the network's title (or name) when nil.
    public var title: String?
    public var clusterBy: ClusterBy = .conflict
    /// One score per node (in network order) that scales node size; degree when nil.
    public var sizeScores: [Double]?
    /// What the size scores are, for the legend ("degree").
    public var sizeMeasure = "degree"
    public var legend = true
    /// Graphviz `rankdir` for the `dot` engine.
    public var rankdir = "LR"
    /// Paths (node ids) to draw in orange over the rest: their nodes get a double border, the edges
    /// between consecutive nodes a thick orange line.
    public var highlight: [[String]] = []
    /// Draw only these node ids (a focused view: `render --focus`, `--paths`, `--exposure`); clusters
    /// still come from the whole network. Everything when nil.
    public var keep: Set<String>?
    /// Draw every node of a large network instead of its most connected ones (`render --full`).
    public var full = false
    /// Draw the network collapsed to its communities (`render --communities`): one node per Louvain
    /// community, sized by members and labelled by its most connected actors.
    public var communities = false

    public init(title: String? = nil, clusterBy: ClusterBy = .conflict, legend: Bool = true) {
        self.title = title
        self.clusterBy = clusterBy
        self.legend = legend
    }
}

/// Everything a drawing of a network shows beyond the network itself, already computed: node sizes,
/// clusters, highlighted paths, legend, title. ``DOTWriter`` turns it into DOT without running any
/// measure; the job layer fills it in (degree or `--size-by` scores, conflict assignment).
///
/// Every input is engine-independent: the visual vocabulary (shape by kind, fill by track, line by
/// relation) is ``DOTStyle``'s, and only `rankdir` speaks to one engine (`dot`).
public struct Diagram: Sendable {
    /// A box of nodes drawn together, with its label.
    public struct Cluster: Sendable, Equatable {
        public var label: String
        /// Node indices in network order. A cluster with no members is not drawn.
        public var members: [Int]

        public init(label: String, members: [Int]) {
            self.label = label
            self.members = members
        }
    }

    public var network: Network
    /// The first line of the diagram's label.
    public var title: String
    /// The second line: counts and the span of years the relations cover.
    public var subtitle: String
    /// One relative size per node, in network order: 0 draws the smallest node, 1 the largest.
    /// Missing entries, NaN and values outside 0…1 are drawn as the nearest of 0 and 1 (NaN as 0).
    public var nodeSizes: [Double]
    /// What the sizes show, for the legend ("degree"); no legend row when nil.
    public var sizeMeasure: String?
    /// Boxes in drawing order; a node should be in at most one.
    public var clusters: [Cluster]
    /// Paths (node ids) drawn in orange: their nodes get a double border, the edges between
    /// consecutive nodes (either direction) a thick orange line.
    public var highlight: [[String]]
    public var legend: Bool
    /// Graphviz `rankdir` for the `dot` engine.
    public var rankdir: String
    /// A line the legend adds under "marks" (e.g. what a reduced drawing leaves out), one row per
    /// line of its text; none when nil.
    public var legendNote: String?
    /// How relations that carry a name (``DOTStyle/edge(_:)``'s `labelled`) are annotated.
    public var edgeLabels: EdgeLabels = .external
    /// Draw edges without arrowheads (`dir=none`): for ties that run both ways, such as the lines
    /// between communities of `render --communities`.
    public var undirected = false
    /// One line width per edge, in network order, in place of its relation's (``DOTStyle/edge(_:)``);
    /// edges past its end, and NaN or non-positive entries, keep the relation's width. A highlighted
    /// edge is drawn at least 4 wide either way.
    public var edgeWidths: [Double] = []

    /// How edge annotations are placed.
    public enum EdgeLabels: String, Sendable {
        /// No text on edges (large drawings, where it cannot be read); the SVG tooltip still has it.
        case none
        /// `xlabel`s, placed after layout; Graphviz drops any it cannot place without overlapping a
        /// node or another label (`forcelabels=false`). Safe inside clusters.
        case external
        /// Edge `label`s, laid out by `dot` as part of the drawing so they never overlap. Graphviz 2.43's
        /// `dot` aborts on edge labels inside clusters, so only for diagrams without clusters.
        case inline
    }

    /// A diagram of `network`; the title defaults to the network's title (or name), the subtitle to
    /// ``standardSubtitle(_:)``.
    public init(
        _ network: Network, title: String? = nil, subtitle: String? = nil, nodeSizes: [Double] = [], sizeMeasure: String? = nil,
        clusters: [Cluster] = [], highlight: [[String]] = [], legend: Bool = true, rankdir: String = "LR"
    ) {
        self.network = network
        self.title = title ?? network.title ?? network.name
        self.subtitle = subtitle ?? Self.standardSubtitle(network)
        self.nodeSizes = nodeSizes
        self.sizeMeasure = sizeMeasure
        self.clusters = clusters
        self.highlight = highlight
        self.legend = legend
        self.rankdir = rankdir
    }

    /// "12 nodes · 30 relations · 1960–1991": the counts and the years the relations cover.
    /// - Complexity: O(n + m).
    public static func standardSubtitle(_ network: Network) -> String {
        let years = network.relationYears.map { $0.count == 1 ? " · \($0.lowerBound)" : " · \($0.lowerBound)–\($0.upperBound)" } ?? ""
        return "\(network.nodes.count) nodes · \(network.edges.count) relations\(years)"
    }

    /// Relative node sizes for `scores` (one per node): each score, floored at 0, divided by the
    /// largest score. NaN gives 0. When the largest score is +∞, +∞ gives 1 and every finite score 0.
    /// The result always lies in 0…1, for any input.
    /// - Complexity: O(n).
    public static func relativeSizes(_ scores: [Double]) -> [Double] {
        let maxScore = max(scores.filter { !$0.isNaN }.max() ?? 0, .leastNonzeroMagnitude)
        return scores.map { score in
            guard !score.isNaN else { return 0 }
            let s = max(0, score) / maxScore
            // Only ∞/∞ is NaN here; s can exceed 1 only through the same case.
            return s.isNaN ? (score == .infinity ? 1 : 0) : min(s, 1)
        }
    }

    /// One cluster per track present in `network`, in track order; nodes without a track stay outside.
    /// - Complexity: O(n · tracks).
    public static func trackClusters(_ network: Network) -> [Cluster] {
        let tracks = Track.allCases.filter { t in network.nodes.contains { $0.track == t } }
        return tracks.map { track in Cluster(label: track.title, members: network.nodes.indices.filter { network.nodes[$0].track == track })
        }
    }

    /// Clusters from a node → cluster assignment: cluster `c` (labelled `labels[c]`) holds the nodes
    /// whose entry is `c`, in network order. Entries outside `labels` are ignored.
    /// - Complexity: O(n + clusters).
    public static func clusters(assignment: [Int?], labels: [String]) -> [Cluster] {
        var members = [[Int]](repeating: [], count: labels.count)
        for (node, c) in assignment.enumerated() {
            if let c, members.indices.contains(c) { members[c].append(node) }
        }
        return labels.indices.map { Cluster(label: labels[$0], members: members[$0]) }
    }
}
