import ArgumentParser
import BackchannelJobs
import BackchannelAnalysis
import BackchannelModel

/// Where an analysis's graph comes from and which part of it to analyse.
struct GraphOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("A network: JSON, GraphML, DOT or CSV (default: the bundled Track II history).", valueName: "input"))
    var input: String?

    @Option(help: ArgumentHelp("Analyse a plain edge list instead: CSV with header source,target or source,target,weight.", valueName: "file.csv"))
    var edges: String?

    @Option(help: ArgumentHelp("Node list for --edges: CSV whose first column is id (adds isolated nodes, fixes order).", valueName: "file.csv"))
    var nodes: String?

    @Flag(help: "Treat every edge as undirected.")
    var undirected = false

    @Option(help: "How weights count: none (every edge 1), distance (weight is a length), strength (weight is a tie's strength; paths use 1/weight).")
    var weight: WeightMode = .none

    @Option(help: ArgumentHelp("Keep only nodes of these kinds (comma-separated: \(NodeKind.allRawValues)).", valueName: "kinds"))
    var kinds: String?

    @Option(help: ArgumentHelp("Keep only edges of these relations (comma-separated).", valueName: "relations"))
    var relations: String?

    @Option(help: ArgumentHelp("Keep only nodes on these tracks (comma-separated: \(Track.allRawValues)).", valueName: "tracks"))
    var tracks: String?

    @Option(help: ArgumentHelp("Keep only edges dated within FROM-TO (undated edges stay).", valueName: "from-to"))
    var years: String?

    func validate() throws {
        if edges != nil && input != nil { throw ValidationError("give either INPUT or --edges, not both") }
        if nodes != nil && edges == nil { throw ValidationError("--nodes goes with --edges") }
        _ = try filter()
    }

    func filter() throws -> NetworkFilter {
        NetworkFilter(
            kinds: try kinds.map { try Set(list($0, "--kinds")) },
            tracks: try tracks.map { try Set(list($0, "--tracks")) },
            relations: try relations.map { try Set(list($0, "--relations")) },
            years: try years.map(yearRange))
    }

    @Option(name: .customLong("input-format"), help: "The input's format when its extension does not say: json, graphml, dot or csv.")
    var inputFormat: InputFormat?

    func load(nodeColumn: String? = nil) throws -> AnalysisInput {
        let loaded = try AnalysisInput(network: NetworkInput(path: input, format: inputFormat), edges: edges, nodes: nodes, filter: filter(), directed: !undirected, nodeColumn: nodeColumn)
        loaded.warnings.forEach { note("warning: " + $0) }
        return loaded
    }
}

/// Values of a comma-separated option, each checked against `T`'s raw values.
func list<T: RawRepresentable & CaseIterable>(_ text: String, _ option: String) throws -> [T] where T.RawValue == String {
    try text.split(separator: ",").map { part in
        let raw = part.trimmingCharacters(in: .whitespaces)
        guard let value = T(rawValue: raw) else {
            throw ValidationError("\(option): unknown value \"\(raw)\"; expected one of \(T.allRawValues)")
        }
        return value
    }
}

func yearRange(_ text: String) throws -> ClosedRange<Int> {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
    if parts.count == 1, let y = parts[0] { return y...y }
    guard parts.count == 2, let a = parts[0], let b = parts[1], a <= b else {
        throw ValidationError("--years: expected FROM-TO such as 1990-2000, found \"\(text)\"")
    }
    return a...b
}

extension WeightMode: ExpressibleByArgument {}
extension Measure: ExpressibleByArgument {}
extension NodeKind: ExpressibleByArgument {}
