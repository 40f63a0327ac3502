import ArgumentParser
import BackchannelPresentation

/// `--ids`: tables show each node's id beside its label (JSON and CSV always carry ids).
struct TableOptions: ParsableArguments {
    @Flag(help: "In tables, show each node's id in brackets after its label (JSON and CSV always carry ids).")
    var ids = false

    /// Runs `body` (see ``reportingFailures(_:)``) with tables naming nodes as ``ids`` says.
    /// - Complexity: O(1) beyond `body`.
    func reportingFailures(_ body: () throws -> Void) throws {
        try ReportLabels.$showIDs.withValue(ids) {
            try backchannel.reportingFailures(body)
        }
    }
}
