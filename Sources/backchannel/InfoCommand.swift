import ArgumentParser
import BackchannelJobs
import BackchannelPresentation
import BackchannelRender

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Summarise a network: counts by kind, track and relation, years, and top conveners."
    )

    @OptionGroup var input: InputOptions

    @Option(help: "How many conveners to list.")
    var top = 10

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 or more, not \(top)") }
    }

    func run() throws {
        try reportingFailures {
            let redacted = try input.loadRedacted()
            let network = redacted.network
            print(Overview.summary(network, topConveners: top).text, terminator: "")
            print("  by relation: " + network.countsByRelation.map { "\($0.relation.rawValue) \($0.count)" }.joined(separator: " · "))
            let designated = network.nodes.filter(\.isDesignated)
            if !designated.isEmpty {
                print(
                    "  designated: "
                        + designated.map { node in
                            node.label + " ("
                                + node.designations.map { "\($0.list)\($0.since.map { " since \($0)" } ?? "")" }.joined(separator: "; ")
                                + ")"
                        }.joined(separator: ", "))
            }
            // Under a redaction the file's path is not shown: a file may be named after a person.
            let source: String =
                switch input.source {
                case .bundled: "\(input.source)"
                case .file: redacted.count > 0 ? "a file (its path is not shown: nodes are under pseudonyms)" : "\(input.source)"
                }
            print("  source: \(source); Graphviz \(Graphviz.shared.version)")
        }
    }
}
