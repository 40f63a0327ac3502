import ArgumentParser
import BackchannelJobs
import BackchannelAnalysis
import BackchannelFormats
import BackchannelPresentation
import BackchannelModel

struct CentralityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "centrality",
        abstract: "Score every node (or edge) by a centrality, structural-hole or brokerage measure.",
        discussion: """
            Every measure follows NetworkX's documented definition (see the doc comment of each measure, e.g. BetweennessCentrality.swift); Tests/References holds the NetworkX values they are tested against. Parallel edges merge (strengths add, the shortest length counts); self-loops drop. JSON is {"measure": NAME, "parameters": {...}, "scores": {"<node id>": number, ...}}; edge-betweenness scores are a list of {"source", "target", "score"}; brokerage scores give raw, expected and normalized counts per role. NaN (isolated nodes for constraint and effective size) is written as null.
            """
    )

    @OptionGroup var graph: GraphOptions

    @Option(help: "The measure: \(Measure.allCases.map(\.rawValue).joined(separator: ", ")).")
    var measure: Measure

    @Option(help: "Show only nodes of this kind (scores still use the whole graph).")
    var kind: NodeKind?

    @Option(help: "Show at most this many rows (default: all; 20 for tables).")
    var top: Int?

    @Option(help: "table, json or csv.")
    var format: MeasureReport.Format = .table

    @Flag(name: .customLong("no-normalized"), help: "Betweenness: raw sums (halved on undirected graphs, as NetworkX).")
    var raw = false

    @Flag(help: "Betweenness: count the path ends too.")
    var endpoints = false

    @Option(help: "Betweenness: sample this many source nodes (rescaled as NetworkX 3.4+).")
    var samples: Int?

    @Option(help: "Seed for --samples.")
    var seed: UInt64 = 0

    @Option(help: "PageRank damping (default 0.85) or Katz attenuation (default 0.1).")
    var alpha: Double?

    @Option(help: "Iterative measures: stop as NetworkX does, when the L1 change is below n × tolerance (default: run until every score is within 1e-10 of the exact answer; NetworkX's default is 1e-6).")
    var tolerance: Double?

    @Option(name: .customLong("max-iter"), help: "Iterative measures: the most iterations before giving up.")
    var maxIterations: Int?

    @Option(help: "Brokerage: the partition (track, kind, conflict, a node attribute, or a --nodes column).")
    var partition = "track"

    @Option(name: .shortAndLong, help: "Output file, written atomically (default: stdout).")
    var output: String?

    func run() throws {
        try reportingFailures {
            let input = try graph.load(nodeColumn: measure == .brokerage && graph.edges != nil ? partition : nil)
            var p = Measure.Parameters()
            p.weight = graph.weight
            p.normalized = !raw
            p.endpoints = endpoints
            p.samples = samples
            p.seed = seed
            p.alpha = alpha
            p.tolerance = tolerance
            p.maxIterations = maxIterations
            if measure == .brokerage {
                p.groups = try input.groups(by: partition)
                p.partitionName = partition
            }
            let bar = TerminalProgress.make(measure.rawValue)
            p.progress = bar?.handler
            let scores = try measure.compute(input.graph, p)
            bar?.finish()
            let nodes = input.nodes
            let report = MeasureReport(
                measure: measure, parameters: measure.describe(p, directed: input.graph.isDirected), ids: input.graph.ids,
                labels: nodes?.map(\.label), kinds: nodes?.map(\.kind), scores: scores, kind: kind,
                top: top ?? (format == .table ? 20 : nil))
            try emit(Array(report.render(format).utf8), to: output, binary: false, protecting: input.protectedFiles)
        }
    }
}

extension MeasureReport.Format: ExpressibleByArgument {}
