import ArgumentParser
import BackchannelAnalysis
import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation

struct CentralityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "centrality",
        abstract: "Score every node (or edge) by a centrality, structural-hole or brokerage measure.",
        discussion: """
            Every measure follows NetworkX's documented definition (see the doc comment of each measure, e.g. BetweennessCentrality.swift); Tests/References holds the NetworkX values they are tested against. Parallel edges merge (strengths add, the shortest length counts); self-loops drop. JSON is {"measure": NAME, "parameters": {...}, "scores": {"<node id>": number, ...}}; edge-betweenness scores are a list of {"source", "target", "score"}; brokerage scores give raw, expected and normalized counts per role. NaN (isolated nodes for constraint and effective size) is written as null.
            """
    )

    @OptionGroup var graph: GraphOptions
    @OptionGroup var threading: ThreadOptions

    @Option(help: "The measure.")
    var measure: Measure

    @OptionGroup var weighting: WeightOptions

    @Option(help: "Show only nodes of this kind (scores still use the whole graph).")
    var kind: NodeKind?

    @Option(help: "Show at most this many rows (default: all; 20 for tables).")
    var top: Int?

    @Option(help: "How to write the scores.")
    var format: ReportFormat = .table

    @Flag(
        inversion: .prefixedNo,
        help: "Betweenness: normalized as NetworkX (--no-normalized: raw sums, halved on undirected graphs, as NetworkX).")
    var normalized = true

    @Flag(help: "Betweenness: count the path ends too.")
    var endpoints = false

    @Option(help: "Betweenness: sample this many source nodes (rescaled as NetworkX 3.4+).")
    var samples: Int?

    @Option(help: "Seed for --samples.")
    var seed: UInt64 = 0

    @Option(help: "PageRank damping (default 0.85) or Katz attenuation (default 0.1).")
    var alpha: Double?

    @Option(
        help:
            "Iterative measures: stop as NetworkX does, when the L1 change is below n × tolerance (default: run until every score is within 1e-10 of the exact answer; NetworkX's default is 1e-6)."
    )
    var tolerance: Double?

    @Option(name: .customLong("max-iter"), help: "Iterative measures: the most iterations before giving up.")
    var maxIterations: Int?

    @Option(help: "Brokerage: the partition (track, kind, conflict, a node attribute, or a --nodes column).")
    var partition = "track"

    @OptionGroup var output: OutputOptions

    @OptionGroup var table: TableOptions

    func validate() throws {
        if let top, top < 0 { throw ValidationError("--top must be 0 or more, not \(top)") }
        if kind != nil && graph.edges != nil {
            throw ValidationError("--kind needs a typed network (INPUT), not --edges")
        }
        if let samples, samples < 1 { throw ValidationError("--samples must be at least 1, not \(samples)") }
        if let alpha {
            guard alpha.isFinite, alpha >= 0 else { throw ValidationError("--alpha must be a number 0 or more, not \(alpha)") }
            if measure == .pagerank && alpha > 1 {
                throw ValidationError("--alpha for pagerank is a damping factor, at most 1, not \(alpha)")
            }
        }
        if let tolerance, !(tolerance.isFinite && tolerance > 0) {
            throw ValidationError("--tolerance must be a positive number, not \(tolerance)")
        }
        if let maxIterations, maxIterations < 1 { throw ValidationError("--max-iter must be at least 1, not \(maxIterations)") }
        // A measure's own options, given for another measure, would be ignored: refused instead.
        let iterative: [Measure] = [.eigenvector, .katz, .pagerank, .hitsHub, .hitsAuthority]
        let owned: [(flag: String, given: Bool, measures: [Measure])] = [
            ("--no-normalized", !normalized, [.betweenness, .edgeBetweenness]), ("--endpoints", endpoints, [.betweenness]),
            ("--samples", samples != nil, [.betweenness, .edgeBetweenness]), ("--alpha", alpha != nil, [.pagerank, .katz]),
            ("--tolerance", tolerance != nil, iterative), ("--max-iter", maxIterations != nil, iterative),
        ]
        for option in owned where option.given && !option.measures.contains(measure) {
            throw ValidationError(
                "\(option.flag) is for \(option.measures.map(\.rawValue).joined(separator: ", ")); --measure \(measure.rawValue) does not use it"
            )
        }
    }

    func run() throws {
        try table.reportingFailures {
            try threading.apply()
            let input = try graph.load(
                nodeColumn: measure == .brokerage && graph.edges != nil ? partition : nil,
                keeping: measure == .brokerage ? [partition] : [])
            var p = Measure.Parameters()
            p.weight = weighting.weight
            p.normalized = normalized
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
            try output.write(
                Array(TimeScope(graph.filter).record(report.render(format), format: format).utf8), binary: false,
                protecting: input.protectedFiles)
        }
    }
}
