import ArgumentParser
import BackchannelPresentation

/// How diagrams look: clusters, title, legend.
struct DiagramOptions: ParsableArguments {
    @Option(help: "Group nodes into boxes: by conflict (nearest conflict within 2 steps), by track, or none.")
    var clusterBy: ClusterBy = .conflict

    @Option(help: "Diagram title (default: the network's title).")
    var title: String?

    @Flag(inversion: .prefixedNo, help: "Draw the legend (--no-legend leaves it out).")
    var legend = true

    var dotOptions: DOTOptions {
        DOTOptions(title: title, clusterBy: clusterBy, legend: legend)
    }
}
