import ArgumentParser
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation

struct FindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "List the nodes whose id or label matches TEXT: id, label, kind, track and years.",
        discussion: """
            Text is compared without case or accents (ø as o, every dash as -). Nodes are listed by how they match, then in input order: the exact id, a whole id or label, a prefix of one, a prefix of a word of one, then text anywhere in one. Options that take a node (--from, --to, --without, --conflict) accept the same names, and resolve to the one node of the first of the first four ways that matches anything. When nothing matches, the closest ids and labels are shown; the exit code is 0 either way.
            """
    )

    @Argument(help: "The text to look for.")
    var text: String

    @OptionGroup var input: InputOptions

    @Option(help: "table, json or csv.")
    var format: ReportFormat = .table

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if NodeLookup.fold(text).isEmpty { throw ValidationError("give some text to look for") }
    }

    func run() throws {
        try reportingFailures {
            let network = try input.load()
            let lookup = NodeLookup(network)
            let names: [NodeLookup.Stage: String] = [
                .exactID: "exact id", .folded: "name", .prefix: "prefix", .wordPrefix: "word prefix", .contains: "contains",
            ]
            let rows = lookup.matches(text, every: true).map { match in
                let node = network.nodes[match.index]
                return FindReport.Row(
                    id: node.id, label: node.label, kind: node.kind, track: node.track, years: node.years, match: names[match.stage]!)
            }
            let closest = rows.isEmpty ? lookup.closest(to: text).map { (id: $0.id, label: $0.label) } : []
            let report = FindReport(query: text, rows: rows, closest: closest)
            try output.write(Array(report.render(format).utf8), binary: false, protecting: input.source.protectedFiles)
        }
    }
}
