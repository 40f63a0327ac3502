import Foundation
import BackchannelFormats
import BackchannelAnalysis
import BackchannelModel

/// A short plain-text account of a network: counts by kind and track, and the best-connected conveners.
public struct Summary: Sendable {
    public var network: Network
    public var topConveners: Int

    public init(_ network: Network, topConveners: Int = 5) {
        self.network = network
        self.topConveners = topConveners
    }

    /// Conveners ranked by total degree (distinct neighbours, ties in input order), with their degree.
    public var rankedConveners: [(node: Node, degree: Int)] {
        let degree = DegreeCentrality(normalized: false).scores(CompactGraph(network))
        return DegreeCentrality.ranking(degree) { network.nodes[$0].kind == .convener }.prefix(topConveners).map { (network.nodes[$0], Int(degree[$0])) }
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
                lines.append("  \(String(repeating: " ", count: i + 1 < 10 ? 1 : 0))\(i + 1). \(label)\(String(repeating: " ", count: max(1, width - label.count + 2)))\(entry.degree)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
