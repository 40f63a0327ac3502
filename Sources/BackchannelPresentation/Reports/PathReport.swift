import Foundation
import BackchannelFormats
import BackchannelAnalysis
import BackchannelModel

/// Paths as JSON (`{"paths": [{"nodes": [...], "relations": [...], "length": x}, ...]}`), CSV or text.
public struct PathReport: Sendable {
    public struct Entry: Sendable {
        public var nodes: [String]
        /// One relation per hop; several relations between the same pair are joined with "|".
        public var relations: [String]
        public var length: Double
        /// Hops walked against the edge's direction (undirected searches), for the text form.
        public var reversed: [Bool]

        public init(nodes: [String], relations: [String], length: Double, reversed: [Bool] = []) {
            self.nodes = nodes
            self.relations = relations
            self.length = length
            self.reversed = reversed
        }
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
    public static func relations(_ path: [String], in network: Network?, filter: NetworkFilter = NetworkFilter(), directed: Bool = true) -> (relations: [String], reversed: [Bool]) {
        let hops = zip(path, path.dropFirst()).map { a, b -> (String, Bool) in
            guard let network else { return ("", false) }
            let forward = network.edges.filter { filter.includes($0) && $0.source == a && $0.target == b }.map(\.relation)
            let backward = directed ? [] : network.edges.filter { filter.includes($0) && $0.source == b && $0.target == a }.map(\.relation)
            let names = Array(Set(forward + backward)).sorted().map(\.rawValue).joined(separator: "|")
            return (names, forward.isEmpty && !backward.isEmpty)
        }
        return (hops.map(\.0), hops.map(\.1))
    }

    /// The report as JSON: `{"paths": [{"nodes": [...], "relations": [...], "length": x}]}`; a
    /// non-finite length is `null` (``ReportNumber``).
    /// - Complexity: O(total path length).
    public var jsonValue: JSONValue {
        ReportJSON.object([("paths", ReportJSON.array(entries.map { e in
            ReportJSON.object([("nodes", ReportJSON.strings(e.nodes)), ("relations", ReportJSON.strings(e.relations)), ("length", ReportNumber.json(e.length))])
        }))])
    }

    /// ``jsonValue`` written by ``JSONWriter``.
    public func json() -> String { JSONWriter.document(jsonValue) }

    /// One line per path: its length (no decimals when whole, else four; see ``ReportNumber``) and
    /// its hops, `←relation—` for a hop walked against the edge.
    public func text() -> String {
        if entries.isEmpty { return "no path\n" }
        return entries.enumerated().map { i, e in
            var line = "\(i + 1). length \(ReportNumber.fixed(e.length, digits: e.length == e.length.rounded() ? 0 : 4)): "
            for (j, id) in e.nodes.enumerated() {
                line += ReportLabels.name(labels[id] ?? id, id: id)
                if j < e.relations.count {
                    line += j < e.reversed.count && e.reversed[j] ? " ←\(e.relations[j])— " : " —\(e.relations[j])→ "
                }
            }
            return line
        }.joined(separator: "\n") + "\n"
    }

    /// One row per step: `path,step,node,relation_to_next,length`; the length as ``ReportNumber/csv(_:)``.
    public func csv() -> String {
        (["path,step,node,relation_to_next,length"] + entries.enumerated().flatMap { i, e in
            e.nodes.enumerated().map { j, id in
                let relation = j < e.relations.count ? MeasureReport.csvField(e.relations[j]) : ""
                return "\(i + 1),\(j),\(MeasureReport.csvField(id)),\(relation),\(ReportNumber.csv(e.length))"
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
