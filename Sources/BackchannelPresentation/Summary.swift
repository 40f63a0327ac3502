import BackchannelFormats
import BackchannelModel
import Foundation

/// A short plain-text account of a network: counts by kind and track, and the best-connected
/// conveners. Computes nothing: the degrees come with it (the job layer runs the measure).
public struct Summary: Sendable {
    public var network: Network
    /// Total degree (distinct neighbours) per node, in network order.
    public var degree: [Double]
    /// How many conveners to list (none when 0 or less).
    public var topConveners: Int

    public init(_ network: Network, degree: [Double], topConveners: Int = 5) {
        self.network = network
        self.degree = degree
        self.topConveners = topConveners
    }

    /// Conveners ranked by degree (descending, ties in input order), with their degree.
    /// - Complexity: O(n log n).
    public var rankedConveners: [(node: Node, degree: Double)] {
        let conveners = network.nodes.indices.filter { network.nodes[$0].kind == .convener }
        let d = { (i: Int) in self.degree.indices.contains(i) && !self.degree[i].isNaN ? self.degree[i] : -.infinity }
        let ranked = conveners.sorted { d($0) != d($1) ? d($0) > d($1) : $0 < $1 }
        return ranked.prefix(max(0, topConveners)).map { (network.nodes[$0], degree.indices.contains($0) ? degree[$0] : .nan) }
    }

    public var text: String {
        var lines: [String] = []
        lines.append(network.title ?? network.name)
        let years = network.relationYears.map { ", relations dated \($0.lowerBound)–\($0.upperBound)" } ?? ""
        lines.append("  \(network.nodes.count) nodes, \(network.edges.count) edges\(years), \(network.sources.count) sources")
        lines.append("  by kind:  " + network.countsByKind.map { "\($0.kind.rawValue) \($0.count)" }.joined(separator: " · "))
        lines.append("  by track: " + network.countsByTrack.map { "\($0.track?.title ?? "no track") \($0.count)" }.joined(separator: " · "))
        let ranked = rankedConveners
        if !ranked.isEmpty {
            lines.append("  top conveners by degree:")
            let width = ranked.map { $0.node.label.count }.max() ?? 0
            for (i, entry) in ranked.enumerated() {
                let label = entry.node.label.replacingOccurrences(of: "\n", with: " ")
                lines.append(
                    "  \(String(repeating: " ", count: i + 1 < 10 ? 1 : 0))\(i + 1). \(label)\(String(repeating: " ", count: max(1, width - label.count + 2)))\(ReportNumber.whole(entry.degree))"
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
