import ArgumentParser
import BackchannelAnalysis
import BackchannelJobs
import BackchannelModel
import Foundation

/// `--edges` and `--nodes`: a plain edge list to analyse instead of a typed network.
struct EdgeListOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Analyse a plain edge list instead: CSV with header source,target or source,target,weight.", valueName: "file.csv"))
    var edges: String?

    @Option(
        help: ArgumentHelp("Node list for --edges: CSV whose first column is id (adds isolated nodes, fixes order).", valueName: "file.csv")
    )
    var nodes: String?

    func validate() throws {
        if nodes != nil && edges == nil { throw ValidationError("--nodes goes with --edges") }
    }
}

/// `--kinds`, `--relations`, `--tracks`, `--years`: which part of a typed network to analyse.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Keep only nodes of these kinds (comma-separated).", valueName: "kinds"))
    var kinds: CommaList<NodeKind>?

    @Option(help: ArgumentHelp("Keep only edges of these relations (comma-separated).", valueName: "relations"))
    var relations: CommaList<Relation>?

    @Option(help: ArgumentHelp("Keep only nodes on these tracks (comma-separated).", valueName: "tracks"))
    var tracks: CommaList<Track>?

    @Option(help: ArgumentHelp("Keep only edges dated within FROM-TO, or in one year (undated edges stay).", valueName: "from-to"))
    var years: YearRange?

    @Option(
        help: ArgumentHelp(
            "Leave out these nodes (comma-separated ids, names or unique prefixes) and their ties: the network without them.",
            valueName: "ids"))
    var without: String?

    @Option(
        name: .customLong("without-kind"), help: ArgumentHelp("Leave out every node of these kinds (comma-separated).", valueName: "kinds"))
    var withoutKind: CommaList<NodeKind>?

    @Flag(help: "Leave out every node with a designation (on any list).")
    var withoutDesignated = false

    @Flag(
        help: "Count intended engagements (an edge's status attribute) as ties too. A refused engagement is never a tie.")
    var includeIntended = false

    @OptionGroup var time: TimeOptions

    /// The options given that select by what only a typed network records (kinds, relations,
    /// tracks, years, designations, status), as they are spelled on the command line.
    var typedOptionsGiven: [String] {
        [
            ("--kinds", kinds != nil), ("--relations", relations != nil), ("--tracks", tracks != nil), ("--years", years != nil),
            ("--without", without != nil), ("--without-kind", withoutKind != nil), ("--without-designated", withoutDesignated),
            ("--include-intended", includeIntended),
        ].filter(\.1).map(\.0)
    }

    /// The filter these options describe (no filter when none is given).
    /// - Complexity: O(*k*) in the number of values given.
    var filter: NetworkFilter {
        var filter = NetworkFilter(kinds: kinds?.set, tracks: tracks?.set, relations: relations?.set, years: years?.range)
        filter.without = Set(
            (without ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map(ExactID.init))
        filter.withoutKinds = withoutKind?.set ?? []
        filter.withoutDesignated = withoutDesignated
        filter.includeIntended = includeIntended
        return time.apply(to: filter)
    }
}

/// `--weight`: how edge weights count, for the commands whose measures use them.
struct WeightOptions: ParsableArguments {
    @Option(
        help:
            "How weights count: none (every edge 1), distance (weight is a length), strength (weight is a tie's strength; paths use 1/weight)."
    )
    var weight: WeightMode = .none
}

/// Where an analysis's graph comes from and which part of it to analyse: INPUT or an edge list,
/// the filters, and the direction.
struct GraphOptions: ParsableArguments {
    @OptionGroup var input: InputOptions
    @OptionGroup var edgeList: EdgeListOptions
    @OptionGroup var filters: FilterOptions

    @Flag(help: "Treat every edge as undirected.")
    var undirected = false

    /// The edge list, when one was given instead of INPUT.
    var edges: String? { edgeList.edges }
    var filter: NetworkFilter { filters.filter }

    func validate() throws {
        if edgeList.edges != nil && input.input != nil { throw ValidationError("give either INPUT or --edges, not both") }
        if edgeList.edges != nil && filters.time.isSet {
            throw ValidationError("--at, --between and --dated-only need a typed network with years, not --edges")
        }
        // An edge list can mark nodes confidential (in its --nodes file) but has no kinds and no
        // person attribute: a redaction by either would cover nobody, so it is refused.
        let byKind = Redaction.Group.allCases.filter { g in
            g != .confidential && input.redaction.redact.contains { $0.set.contains(g) }
        }
        if edgeList.edges != nil, !byKind.isEmpty {
            throw ValidationError(
                "--redact \(byKind.map(\.rawValue).joined(separator: ",")) needs a typed network (INPUT), not --edges: an edge list has no kinds or person attribute; mark those nodes confidential in the --nodes file instead"
            )
        }
        // An edge list has ids and weights only: these filters would select nothing, so they are
        // refused rather than ignored.
        let typed = filters.typedOptionsGiven
        if edgeList.edges != nil && !typed.isEmpty {
            throw ValidationError(
                "\(typed.joined(separator: ", ")) \(typed.count == 1 ? "needs" : "need") a typed network (INPUT), not --edges: an edge list records only ids and weights"
            )
        }
    }

    /// For the commands that read every tie both ways whatever is asked: `--undirected` would change
    /// nothing there, so it is refused, naming `command`.
    func refuseUndirected(_ command: String) throws {
        if undirected { throw ValidationError("\(command) reads every tie in both directions already; it takes no --undirected") }
    }

    /// Builds the compact graph (directed unless `--undirected` or `undirected`) and reports read warnings on stderr.
    /// - Complexity: O(*n* + *m*) after reading the input, for *n* nodes and *m* edges.
    /// Covered nodes keep the attributes in `keeping` (a partition the command groups by).
    func load(nodeColumn: String? = nil, undirected forceUndirected: Bool = false, keeping: Set<String> = []) throws -> AnalysisInput {
        let redaction = input.redaction.redaction(keeping: keeping)
        let loaded = try AnalysisInput(
            network: input.source, edges: edgeList.edges, nodes: edgeList.nodes, filter: filter,
            directed: !(undirected || forceUndirected), nodeColumn: nodeColumn, redaction: redaction)
        loaded.warnings.forEach { note("warning: " + $0) }
        if let network = loaded.redacted?.original ?? loaded.network {
            input.redaction.warnAboutGroupsCoveringNobody(in: network)
        } else {
            // An edge list covers only the nodes its --nodes file marks confidential (validate refuses other groups).
            input.redaction.warnAboutGroupsCoveringNobody { _ in loaded.redacted != nil }
        }
        if let redacted = loaded.redacted { RedactionOptions.report(redacted, redaction) }
        return loaded
    }
}
