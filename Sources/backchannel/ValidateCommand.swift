import ArgumentParser
import BackchannelJobs

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a network file and list every problem with its line, column and JSON path.",
        discussion: """
            Checks JSON syntax, field types, known kinds, tracks, relations and support types, unique ids, edges between known nodes, plausible years (\(1000)–\(2100), end not before start), positive weights and known source ids. Exits 0 when valid, 65 otherwise.
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
