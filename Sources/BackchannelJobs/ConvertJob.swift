import BackchannelFormats
import BackchannelModel
import BackchannelPresentation
import Foundation

/// The formats a network can be written in, by file extension unless named.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Canonical node-link JSON.
    case json
    /// GraphML with typed keys (yEd, Gephi, Cytoscape, NetworkX).
    case graphml
    /// GEXF 1.3 (Gephi), years as spells.
    case gexf
    /// Styled DOT that reads back as the same network.
    case dot
    /// CSV sheets: `…edges.csv` with `…nodes.csv` and `…sources.csv` beside it.
    case csv

    public static func detect(_ url: URL) -> OutputFormat? {
        switch url.pathExtension.lowercased() {
        case "json": .json
        case "graphml", "xml": .graphml
        case "gexf": .gexf
        case "dot", "gv": .dot
        case "csv": .csv
        default: nil
        }
    }
}

/// `backchannel convert`: read a network in one format, write it in another, atomically, with
/// warnings for anything the target format cannot hold.
public enum ConvertJob {
    /// Writes `network` to `url` as `format`; returns the files written and the warnings.
    ///
    /// Nothing is written when any output would replace one of `inputs` (every file the input was
    /// read from: sibling sheets, mapping files); CSV's three sheets are written all or nothing.
    /// - Complexity: O(size of the network).
    public static func write(
        _ network: Network, to url: URL, as format: OutputFormat, protecting inputs: [URL], dot options: DOTOptions = DOTOptions()
    ) throws -> (files: [URL], warnings: [String]) {
        switch format {
        case .json:
            try AtomicFile.write(network.jsonText(), to: url, protecting: inputs)
            return ([url], [])
        case .graphml:
            let (text, warnings) = GraphML.write(network)
            try AtomicFile.write(text, to: url, protecting: inputs)
            return ([url], warnings)
        case .gexf:
            let (text, warnings) = GEXF.write(network)
            try AtomicFile.write(text, to: url, protecting: inputs)
            return ([url], warnings)
        case .dot:
            try AtomicFile.write(RenderJob(options: options).dot(network), to: url, protecting: inputs)
            return ([url], [])
        case .csv:
            let name = url.lastPathComponent
            guard name.lowercased().hasSuffix("edges.csv") else {
                throw FormatError.malformed(
                    file: url.path, line: 0, column: 0,
                    message:
                        "CSV output is three sheets: name the edges sheet edges.csv or NAME-edges.csv, and nodes.csv and sources.csv are written beside it"
                )
            }
            let stem = String(name.dropLast("edges.csv".count))
            let directory = url.deletingLastPathComponent()
            let nodesURL = directory.appendingPathComponent(stem + "nodes.csv")
            let sourcesURL = directory.appendingPathComponent(stem + "sources.csv")
            let sheets = CSVSheets.write(network)
            // All three or none: every sheet is checked against the inputs before any is written.
            try AtomicFile.writeAll(
                [
                    (Array(sheets.nodes.utf8), nodesURL), (Array(sheets.edges.utf8), url), (Array(sheets.sources.utf8), sourcesURL),
                ], protecting: inputs)
            return ([nodesURL, url, sourcesURL], sheets.warnings)
        }
    }
}
