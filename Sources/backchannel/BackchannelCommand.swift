import ArgumentParser
import BackchannelFormats
import BackchannelPresentation

@main
struct BackchannelCommand: ParsableCommand {
    static func main() {
        InterruptCleanup.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "backchannel",
        abstract: "Map and analyse Track II diplomacy as typed actor networks, rendered with Graphviz.",
        discussion: """
            Networks link conveners, participants, conflicts, legal decisions, dialogues and officials. Every command reads node-link JSON (see Datasets/README.md), GraphML, DOT or CSV sheets; with no INPUT it uses the bundled history of Track II diplomacy. With no command at all, `backchannel` runs `overview`: it writes Renders/ in the current directory and prints a summary.

            Exit codes: 0 success; 64 usage error (an unknown option or value, a value out of range, options that do not go together); 65 invalid input data (or an unknown node id); 70 a computation failed (Graphviz failed or crashed, an iterative measure did not converge) or an internal error; 73 an output could not be written (or would overwrite an input).
            """,
        version: "0.1.0",
        subcommands: [
            OverviewCommand.self, RenderCommand.self, ExportCommand.self, ValidateCommand.self, InfoCommand.self, FindCommand.self,
            CentralityCommand.self, InfluenceCommand.self, PathsCommand.self, ChannelsCommand.self, CommunitiesCommand.self,
            ProjectCommand.self, PathwaysCommand.self, InclusionCommand.self, TimelineCommand.self, WarningsCommand.self, ReachCommand.self,
            ExposureCommand.self, ReportCommand.self, ConvertCommand.self, RenderWorkerCommand.self,
        ],
        defaultSubcommand: OverviewCommand.self
    )
}
