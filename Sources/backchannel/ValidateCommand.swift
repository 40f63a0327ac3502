import ArgumentParser
import BackchannelJobs

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a network file and list every problem at once, each where it is in that format.",
        discussion: """
            Checks JSON syntax, field types, known kinds, tracks, relations and support types, unique ids, edges between known nodes, plausible years (\(1000)–\(2100), end not before start), positive weights and known source ids. Each problem is located in the format's own terms: JSON by line, column and JSON path; CSV sheets by file, line, column and column name; GraphML by line, column and element; DOT by line and node or edge. For JSON and DOT, field values that cannot be read (an unknown kind) are listed first, and the network's own checks (duplicate ids, edges between unknown nodes) follow once those are fixed. Exits 0 when valid, 65 otherwise.
            """
    )

    @OptionGroup var input: InputOptions

    func run() throws {
        try reportingFailures {
            let network = try input.load()
            print("\(input.source): valid: \(network.nodes.count) nodes, \(network.edges.count) edges, \(network.sources.count) sources")
        }
    }
}
