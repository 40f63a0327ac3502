import ArgumentParser
import BackchannelAnalysis
import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation
import Foundation

struct ReachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach",
        abstract: "The ego network of a node: everything within --radius steps, as a list or rendered.",
        discussion: "Steps follow edges in either direction unless --direction out or in is given."
    )

    enum Direction: String, ExpressibleByArgument, CaseIterable { case both, out, `in` }

    @OptionGroup var graph: GraphOptions

    @OptionGroup var renderLimits: RenderLimitOptions

    @Option(help: "The centre node: an id, a name (case and accents aside) or a unique prefix.")
    var from: String

    @Option(help: "How many steps out.")
    var radius = 1

    @Option(help: "both, out (follow edges) or in (against them).")
    var direction: Direction = .both

    @Option(help: "A list (table, json, csv) or a diagram (dot, svg, png, pdf).")
    var format: ReachFormat = .report(.table)

    @OptionGroup var output: OutputOptions

    @OptionGroup var table: TableOptions

    func validate() throws {
        if radius < 0 { throw ValidationError("--radius must be 0 or more, not \(radius)") }
        if graph.undirected && direction != .both {
            throw ValidationError(
                "--direction \(direction.rawValue) follows edges one way, --undirected makes every edge two-way: give one of the two")
        }
    }

    func run() throws {
        try table.reportingFailures {
            let input = try graph.load(undirected: direction == .both)
            let center = try input.index(named: from, parameter: "source")
            let from = input.graph.ids[center]
            let distance = try ShortestPaths.distances(input.graph, from: center, incoming: direction == .in)
            let members = (0..<input.graph.nodeCount).filter { distance[$0] <= Double(radius) }
                .sorted { distance[$0] != distance[$1] ? distance[$0] < distance[$1] : $0 < $1 }
            let ids = members.map { input.graph.ids[$0] }
            let nodes = input.nodes
            let bytes: [UInt8]
            switch format {
            case let .report(listFormat):
                let rows = members.map { i in
                    ReachReport.Row(
                        id: input.graph.ids[i], label: nodes?[i].label ?? input.graph.ids[i], kind: nodes?[i].kind.rawValue,
                        distance: Int(distance[i]))
                }
                let report = ReachReport(
                    center: from, centerLabel: nodes?[center].label ?? from, radius: radius, direction: direction.rawValue, rows: rows)
                bytes = Array(TimeScope(graph.filter).record(report.render(listFormat), format: listFormat).utf8)
            case let .diagram(diagramFormat):
                guard let network = input.network else { throw UsageFailure(message: "diagrams need a typed network, not --edges") }
                let label = nodes?[center].label ?? from
                // The drawing shows the ties the list was found along: the filtered network's.
                let ego = network.filtered(by: input.filter).subnetwork(
                    Set(ids), name: network.name + "-reach",
                    title: TimeScope(graph.filter).title("Within \(radius) step\(radius == 1 ? "" : "s") of \(label)"))
                var dot = DOTOptions(clusterBy: .none)
                dot.highlight = [[from]]
                let (rendered, notes) = try RenderJob(options: dot, worker: renderLimits.worker).run(ego, format: diagramFormat)
                notes.forEach(note)
                bytes = rendered
            }
            try output.write(bytes, binary: format.isBinary, protecting: input.protectedFiles)
        }
    }
}
