import ArgumentParser
import BackchannelJobs
import BackchannelAnalysis
import BackchannelFormats
import BackchannelPresentation
import BackchannelModel
import Foundation

struct ReachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach",
        abstract: "The ego network of a node: everything within --radius steps, as a list or rendered.",
        discussion: "Steps follow edges in either direction unless --direction out or in is given."
    )

    enum Direction: String, ExpressibleByArgument, CaseIterable { case both, out, `in` }
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, dot, svg, png, pdf }

    @OptionGroup var graph: GraphOptions

    @Option(help: "The centre node id.")
    var from: String

    @Option(help: "How many steps out.")
    var radius = 1

    @Option(help: "both, out (follow edges) or in (against them).")
    var direction: Direction = .both

    @Option(help: "table, json, csv, or a diagram: dot, svg, png, pdf.")
    var format: Format = .table

    @Option(name: .shortAndLong, help: "Output file, written atomically (default: stdout).")
    var output: String?

    func run() throws {
        try reportingFailures {
            guard radius >= 0 else { throw UsageFailure(message: "--radius must be 0 or more") }
            var options = graph
            if direction == .both { options.undirected = true }
            let input = try options.load()
            let center = try input.index(of: from)
            let distance = try ShortestPaths.distances(input.graph, from: center, incoming: direction == .in)
            let members = (0..<input.graph.nodeCount).filter { distance[$0] <= Double(radius) }
                .sorted { distance[$0] != distance[$1] ? distance[$0] < distance[$1] : $0 < $1 }
            let ids = members.map { input.graph.ids[$0] }
            let nodes = input.nodes
            let bytes: [UInt8]
            if let listFormat = MeasureReport.Format(rawValue: format.rawValue) {
                let rows = members.map { i in
                    ReachReport.Row(id: input.graph.ids[i], label: nodes?[i].label ?? input.graph.ids[i], kind: nodes?[i].kind.rawValue, distance: Int(distance[i]))
                }
                let report = ReachReport(center: from, centerLabel: nodes?[center].label ?? from, radius: radius, direction: direction.rawValue, rows: rows)
                bytes = Array(report.render(listFormat).utf8)
            } else {
                guard let network = input.network else { throw UsageFailure(message: "diagrams need a typed network, not --edges") }
                let label = nodes?[center].label ?? from
                let ego = network.subnetwork(Set(ids), name: network.name + "-reach", title: "Within \(radius) step\(radius == 1 ? "" : "s") of \(label)")
                var dot = DOTOptions(clusterBy: .none)
                dot.highlight = [[from]]
                let (rendered, notes) = try RenderJob(options: dot, worker: renderWorker).run(ego, format: DiagramFormat(rawValue: format.rawValue)!)
                notes.forEach(note)
                bytes = rendered
            }
            try emit(bytes, to: output, binary: format == .png || format == .pdf, protecting: input.protectedFiles)
        }
    }
}
