import ArgumentParser
import BackchannelPresentation

/// How diagrams look: clusters, title, legend.
struct DiagramOptions: ParsableArguments {
    @Option(
        help:
            "Group nodes into boxes: by conflict (each conflict with the nodes tied directly to it and to no other conflict), by track, by community (Louvain, seed 0, on the whole network: one box per community of two or more nodes, labelled by its three most connected members), or none (default: conflict; none for focused views)."
    )
    var clusterBy: ClusterBy?

    @Option(help: "Diagram title (default: the network's title).")
    var title: String?

    @Flag(inversion: .prefixedNo, help: "Draw the legend (--no-legend leaves it out).")
    var legend = true

    var dotOptions: DOTOptions {
        DOTOptions(title: title, clusterBy: clusterBy ?? .conflict, legend: legend)
    }
}
