import ArgumentParser
import BackchannelJobs
import BackchannelModel
import BackchannelRender

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained, interactive HTML report: the diagram, sortable tables and a time control.",
        discussion: """
            One HTML file with everything inline (no network access): the Graphviz diagram with pan, zoom, search, hover details and click to highlight an actor's ties; sortable tables of influential conveners with their components, centralities (degree, betweenness, harmonic, PageRank), legal exposure and, where the data has parties, channels between opposed parties; and for a dated network a time control showing the network as recorded up to each year in which something begins (the tables computed again for each). The filters and the data's sources are stated on the page. The same input gives byte-identical output.
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: "The report's title (default: the network's title).")
    var title: String?

    @Option(help: "Graphviz layout engine (default: dot, or sfdp past \(LayoutEngine.dotEdgeLimit) edges).")
    var engine: LayoutEngine?

    @OptionGroup var renderLimits: RenderLimitOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingFailures {
            let redacted = try input.loadRedacted()
            let network = redacted.network
            // `--without` names nodes by their original ids (or their pseudonyms); the page states the pseudonyms.
            var filter = filters.filter
            filter.without = Set(filter.without.map { ExactID(redacted.id(for: $0.text)) })
            let job = ReportJob(filter: filter, title: title.map(redacted.scrub), engine: engine, worker: renderLimits.worker)
            let (html, notes) = try job.run(network)
            notes.forEach(note)
            try output.write(Array(html.utf8), binary: false, protecting: input.source.protectedFiles)
        }
    }
}
