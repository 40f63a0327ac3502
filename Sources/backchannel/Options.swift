import ArgumentParser
import BackchannelJobs
import BackchannelFormats
import BackchannelPresentation
import BackchannelModel
import BackchannelRender

/// The optional INPUT argument every command takes.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "A network: JSON, GraphML, DOT or CSV (by extension). Omit it to use the bundled history of Track II diplomacy.",
        valueName: "input"))
    var input: String?

    @Option(name: .customLong("input-format"), help: "The input's format when its extension does not say: json, graphml, dot or csv.")
    var inputFormat: InputFormat?

    var source: NetworkInput { NetworkInput(path: input, format: inputFormat) }

    /// Loads the network and reports on stderr whatever the format could not carry.
    func load() throws -> Network {
        let (network, warnings) = try source.loadWithWarnings()
        warnings.forEach { note("warning: " + $0) }
        return network
    }
}

/// How diagrams look.
struct DiagramOptions: ParsableArguments {
    @Option(help: "Group nodes into boxes: by conflict (nearest conflict within 2 steps), by track, or none.")
    var clusterBy: ClusterBy = .conflict

    @Option(help: "Diagram title (default: the network's title).")
    var title: String?

    @Flag(name: .customLong("no-legend"), help: "Leave out the legend.")
    var noLegend = false

    var dotOptions: DOTOptions {
        DOTOptions(title: title, clusterBy: clusterBy, legend: !noLegend)
    }
}

extension ClusterBy: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}
extension LayoutEngine: ExpressibleByArgument {}
extension DiagramFormat: ExpressibleByArgument {}
