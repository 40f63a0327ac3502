import ArgumentParser
import BackchannelAnalysis
import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation

struct PathsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paths",
        abstract: "How two actors are connected: shortest, all shortest, k shortest, all simple or time-respecting paths.",
        discussion: """
            Without options: one shortest path (BFS; Dijkstra with --weight distance or strength). --relations and --kinds restrict the edges and nodes a path may use; --undirected lets it run against edge direction. JSON is {"paths": [{"nodes": [...], "relations": [...], "directions": [...], "length": x}, ...]}, one relation per hop ("a|b" when two relations join the pair) and each hop's real direction: forward (along the edge), backward (against it, with --undirected) or both; the table draws them —r→, ←r— and ←r→, CSV in direction_to_next.
            """
    )

    @OptionGroup var graph: GraphOptions

    @OptionGroup var weighting: WeightOptions

    @Option(help: "The source node: an id, a name (case and accents aside) or a unique prefix.")
    var from: String

    @Option(help: "The target node: an id, a name or a unique prefix.")
    var to: String

    @Flag(help: "Every shortest path.")
    var allShortest = false

    @Option(help: "The k shortest simple paths (Yen's algorithm).")
    var k: Int?

    @Flag(help: "Every simple path up to --max-length edges.")
    var allSimple = false

    @Option(help: "Longest path for --all-simple.")
    var maxLength = 4

    @Option(help: "List at most this many paths (--all-shortest, --k, --all-simple); the tool says on stderr when it stops there.")
    var maxPaths = 1_000

    @Flag(help: "Each edge no earlier than the one before (edge years; undated edges fit anywhere).")
    var timeRespecting = false

    @Option(help: "How to write the paths.")
    var format: ReportFormat = .table

    @OptionGroup var output: OutputOptions

    @OptionGroup var table: TableOptions

    func validate() throws {
        let modes = [allShortest, k != nil, allSimple, timeRespecting].count { $0 }
        if modes > 1 { throw ValidationError("choose one of --all-shortest, --k, --all-simple, --time-respecting") }
        if let k, k < 1 { throw ValidationError("--k must be at least 1, not \(k)") }
        if maxLength < 1 { throw ValidationError("--max-length must be at least 1, not \(maxLength)") }
        if maxPaths < 1 { throw ValidationError("--max-paths must be at least 1, not \(maxPaths)") }
        if timeRespecting && graph.edges != nil { throw ValidationError("--time-respecting needs a typed network with years, not --edges") }
        if timeRespecting && weighting.weight != .none {
            throw ValidationError(
                "--time-respecting finds the fewest hops that keep to the dates (one recorded edge a step); it takes no --weight")
        }
    }

    func run() throws {
        try table.reportingFailures {
            let input = try graph.load()
            let source = try input.index(named: from, parameter: "source"), target = try input.index(named: to, parameter: "target")
            let (from, to) = (input.graph.ids[source], input.graph.ids[target])
            let filter = input.filter
            let directed = !graph.undirected
            var entries: [PathReport.Entry] = []
            if timeRespecting, let network = input.network {
                if let found = TimeRespectingPath.find(network, from: from, to: to, filter: filter, directed: directed) {
                    // Each hop walks one recorded edge: backward when that edge runs from the hop's end to its start.
                    let reversed = found.edges.indices.map { ExactID(network.edges[found.edges[$0]].source) != ExactID(found.nodes[$0]) }
                    entries.append(
                        PathReport.Entry(
                            nodes: found.nodes, relations: found.edges.map { network.edges[$0].relation.rawValue },
                            length: Double(found.edges.count), reversed: reversed))
                }
            } else {
                // One path more than the cap tells whether the cap cut the list.
                let cap = maxPaths + 1
                var paths: [BackchannelAnalysis.Path] =
                    if allShortest {
                        try AllShortestPaths.find(input.graph, from: source, to: target, weight: weighting.weight, limit: cap)
                    } else if let k {
                        try KShortestPaths.find(input.graph, from: source, to: target, k: min(k, cap), weight: weighting.weight)
                    } else if allSimple {
                        try AllSimplePaths.find(
                            input.graph, from: source, to: target, maxLength: maxLength, weight: weighting.weight, limit: cap)
                    } else {
                        try ShortestPath.find(input.graph, from: source, to: target, weight: weighting.weight).map { [$0] } ?? []
                    }
                if paths.count > maxPaths {
                    paths.removeLast(paths.count - maxPaths)
                    note("stopped at \(maxPaths) paths (--max-paths); there are more")
                }
                for p in paths {
                    let ids = p.nodes.map { input.graph.ids[$0] }
                    let hops = PathReport.hops(ids, in: input.network, filter: filter, directed: directed)
                    entries.append(PathReport.Entry(nodes: ids, relations: hops.relations, length: p.length, directions: hops.directions))
                }
            }
            let labels = Dictionary(uniqueKeysWithValues: (input.nodes ?? []).map { ($0.id, $0.label) })
            try output.write(
                Array(TimeScope(filter).record(PathReport(entries: entries, labels: labels).render(format), format: format).utf8),
                binary: false, protecting: input.protectedFiles)
        }
    }
}
