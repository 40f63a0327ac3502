import ArgumentParser
import BackchannelJobs
import BackchannelPresentation
import Foundation

struct OverviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview",
        abstract: "Render the whole network and one view per conflict into a folder, and print a summary.",
        discussion: """
            Writes NAME.dot, NAME.svg and NAME.png for the whole network, conflict-ID.dot and conflict-ID.svg for each conflict (its actors within two steps), exposure.dot and exposure.svg for the legal-exposure paths when there are any, and report.html (the interactive report, as `backchannel report` writes it), each file atomically. This is what `backchannel` with no arguments runs, on the bundled history, into ./Renders.
            """
    )

    @OptionGroup var input: InputOptions

    @OptionGroup var renderLimits: RenderLimitOptions

    @OptionGroup var time: TimeOptions

    @Option(name: [.short, .customLong("output-dir")], help: "Folder to write into.")
    var outputDirectory = "Renders"

    @Option(
        help:
            "How the whole-network drawing groups its nodes into boxes: conflict (default), track, community (Louvain, seed 0) or none; the conflict views have none."
    )
    var clusterBy: ClusterBy = .conflict

    func run() throws {
        try reportingFailures {
            var network = time.restrict(try input.load())
            if time.isSet { network.title = time.scope.title(network.title ?? network.name) }
            var overview = Overview(network)
            overview.clusterBy = clusterBy
            overview.reportFilter = time.filter
            overview.scope = time.scope.text.map { $0.components(separatedBy: " (").first ?? $0 }
            let directory = URL(fileURLWithPath: outputDirectory, isDirectory: true)
            let plan = overview.plan
            let (written, notes) = try overview.write(
                plan, to: directory, protecting: input.source.protectedFiles, worker: renderLimits.worker)
            notes.forEach(note)
            if let header = time.scope.header { print(header) }
            print(Overview.summary(network).text, terminator: "")
            let views = plan.filter { $0.fileName.hasPrefix("conflict-") }.count
            let exposure = plan.contains { $0.fileName == "exposure" } ? ", the legal-exposure view" : ""
            print(
                "  wrote \(written.count) files to \(outputDirectory)/: the whole network as DOT, SVG and PNG, \(views) conflict views\(exposure) and the report"
            )
        }
    }
}
