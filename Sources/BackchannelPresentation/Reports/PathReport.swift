import BackchannelAnalysis
import BackchannelFormats
import BackchannelModel
import Foundation

/// Paths as JSON (`{"paths": [{"nodes": [...], "relations": [...], "directions": [...], "length": x}, ...]}`),
/// CSV or text. Every output gives each hop's real direction: `forward` (the edge runs from the
/// hop's first node to its second), `backward` (walked against the edge, in undirected searches) or
/// `both` (edges run both ways between the pair).
public struct PathReport: Sendable {
    /// A hop's direction relative to the edges it walks.
    public enum Direction: String, Sendable, Equatable {
        case forward, backward, both
    }

    public struct Entry: Sendable {
        public var nodes: [String]
        /// One relation per hop; several relations between the same pair are joined with "|".
        public var relations: [String]
        public var length: Double
        /// Hops walked against the edge's direction (undirected searches).
        public var reversed: [Bool]
        /// Each hop's direction; from ``reversed`` when not given (forward unless reversed).
        public var directions: [Direction]

        public init(nodes: [String], relations: [String], length: Double, reversed: [Bool] = [], directions: [Direction]? = nil) {
            self.nodes = nodes
            self.relations = relations
            self.length = length
            self.reversed = reversed
            self.directions = directions ?? relations.indices.map { $0 < reversed.count && reversed[$0] ? .backward : .forward }
        }

        func direction(_ hop: Int) -> Direction { hop < directions.count ? directions[hop] : .forward }
    }

    public var entries: [Entry]
    public var labels: [String: String]

    public init(entries: [Entry], labels: [String: String] = [:]) {
        self.entries = entries
        self.labels = labels
    }

    /// Hop relations for a node-id path in `network`: the relations of the edges between consecutive
    /// nodes that pass `filter`, in the walked direction (either direction when `directed` is false),
    /// and whether each hop runs only against its edges' direction.
    public static func relations(_ path: [String], in network: Network?, filter: NetworkFilter = NetworkFilter(), directed: Bool = true)
        -> (relations: [String], reversed: [Bool])
    {
        let found = hops(path, in: network, filter: filter, directed: directed)
        return (found.relations, found.directions.map { $0 == .backward })
    }

    /// Hop relations for a node-id path, as ``relations(_:in:filter:directed:)``, with each hop's
    /// ``Direction``: `both` when kept edges run both ways between the pair.
    /// - Complexity: O(h·m) for h hops and m edges.
    public static func hops(_ path: [String], in network: Network?, filter: NetworkFilter = NetworkFilter(), directed: Bool = true) -> (
        relations: [String], directions: [Direction]
    ) {
        let hops = zip(path, path.dropFirst()).map { a, b -> (String, Direction) in
            guard let network else { return ("", .forward) }
            let forward = network.edges.filter {
                filter.includes($0) && ExactID($0.source) == ExactID(a) && ExactID($0.target) == ExactID(b)
            }.map(\.relation)
            let backward =
                directed
                ? []
                : network.edges.filter { filter.includes($0) && ExactID($0.source) == ExactID(b) && ExactID($0.target) == ExactID(a) }.map(
                    \.relation)
            let names = Array(Set(forward + backward)).sorted().map(\.rawValue).joined(separator: "|")
            let direction: Direction =
                forward.isEmpty && !backward.isEmpty ? .backward : (!forward.isEmpty && !backward.isEmpty ? .both : .forward)
            return (names, direction)
        }
        return (hops.map(\.0), hops.map(\.1))
    }

    /// The report as JSON: `{"paths": [{"nodes": [...], "relations": [...], "directions": [...], "length": x}]}`;
    /// a non-finite length is `null` (``ReportNumber``).
    /// - Complexity: O(total path length).
    public var jsonValue: JSONValue {
        ReportJSON.object([
            (
                "paths",
                ReportJSON.array(
                    entries.map { e in
                        ReportJSON.object([
                            ("nodes", ReportJSON.strings(e.nodes)), ("relations", ReportJSON.strings(e.relations)),
                            ("directions", ReportJSON.strings(e.relations.indices.map { e.direction($0).rawValue })),
                            ("length", ReportNumber.json(e.length)),
                        ])
                    })
            )
        ])
    }

    /// ``jsonValue`` written by ``JSONWriter``.
    public func json() -> String { JSONWriter.document(jsonValue) }

    /// One line per path: its length (no decimals when whole, else four; see ``ReportNumber``) and
    /// its hops: `—relation→` along the edge, `←relation—` against it, `←relation→` both ways.
    public func text() -> String {
        if entries.isEmpty { return "no path\n" }
        return entries.enumerated().map { i, e in
            var line = "\(i + 1). length \(ReportNumber.fixed(e.length, digits: e.length == e.length.rounded() ? 0 : 4)): "
            for (j, id) in e.nodes.enumerated() {
                line += ReportLabels.name(labels[id] ?? id, id: id)
                if j < e.relations.count {
                    switch e.direction(j) {
                    case .forward: line += " —\(e.relations[j])→ "
                    case .backward: line += " ←\(e.relations[j])— "
                    case .both: line += " ←\(e.relations[j])→ "
                    }
                }
            }
            return line
        }.joined(separator: "\n") + "\n"
    }

    /// One row per step: `path,step,node,relation_to_next,length,direction_to_next`; the length as
    /// ``ReportNumber/csv(_:)``, the direction `forward`, `backward` or `both` (empty on the last step).
    public func csv() -> String {
        (["path,step,node,relation_to_next,length,direction_to_next"]
            + entries.enumerated().flatMap { i, e in
                e.nodes.enumerated().map { j, id in
                    let relation = j < e.relations.count ? MeasureReport.csvField(e.relations[j]) : ""
                    let direction = j < e.relations.count ? e.direction(j).rawValue : ""
                    return "\(i + 1),\(j),\(MeasureReport.csvField(id)),\(relation),\(ReportNumber.csv(e.length)),\(direction)"
                }
            }).joined(separator: "\n") + "\n"
    }

    /// The report in `format`: ``json()``, ``csv()`` or ``text()``.
    /// - Complexity: O(total path length).
    public func render(_ format: MeasureReport.Format) -> String {
        switch format {
        case .json: json()
        case .csv: csv()
        case .table: text()
        }
    }

    /// Reads the `nodes` arrays back from this report's JSON (for `render --highlight-paths`).
    public static func nodePaths(fromJSON bytes: [UInt8]) throws -> [[String]] {
        let root = try JSONParser.parse(bytes)
        guard let paths = root["paths"], case let .array(items) = paths.value else { return [] }
        return items.map { item in
            guard let nodes = item["nodes"], case let .array(ids) = nodes.value else { return [] }
            return ids.compactMap { if case let .string(s) = $0.value { s } else { nil } }
        }
    }
}
