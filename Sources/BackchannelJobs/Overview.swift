import BackchannelAnalysis
import BackchannelFormats
import BackchannelModel
import BackchannelPresentation
import BackchannelRender
import Foundation

/// The main job: the whole network and one view per conflict, as DOT, SVG and PNG, the legal-exposure
/// view, and the interactive report, in one folder.
public struct Overview: Sendable {
    /// One diagram the job writes, in one or more formats.
    public struct Planned: Sendable {
        public var fileName: String
        /// The diagram, its sizes and clusters already computed (``RenderJob/diagram(_:options:)``).
        public var diagram: Diagram
        public var formats: [DiagramFormat]

        /// The network the diagram draws.
        public var network: Network { diagram.network }
    }

    public var network: Network
    /// How many undirected steps around a conflict its view reaches.
    public static let viewRadius = 2

    /// The time filter in words ("at 2011"), added to every conflict view's title; nil for none.
    public var scope: String?

    /// How the whole-network drawing groups its nodes (`overview --cluster-by`); the conflict and
    /// exposure views have no boxes.
    public var clusterBy: ClusterBy = .conflict

    /// Whether ``write(_:to:protecting:worker:)`` also writes the interactive report of the network
    /// (``ReportJob``) as ``reportFileName``.
    public var writesReport = true
    /// The filter the network was already cut with (`--at`, `--between`, `--dated-only`), which the
    /// report states on its page and applies to its time control, as `backchannel report` does.
    public var reportFilter = NetworkFilter()
    public static let reportFileName = "report.html"

    public init(_ network: Network) {
        self.network = network
    }

    /// The interactive report of the whole network, as the main job writes it.
    public func report(worker: GraphvizWorker? = nil) throws -> (html: String, notes: [String]) {
        // Cutting an already cut network with the same filter changes nothing.
        try ReportJob(filter: reportFilter, worker: worker).run(network)
    }

    /// The diagrams, in the order they are written: the whole network (DOT, SVG, PNG), then for each
    /// root conflict (see ``ConflictAssignment``) the nodes within ``viewRadius`` steps (DOT, SVG), then,
    /// when the network has legal-exposure paths, their focused view (``RenderJob/exposureView(_:)``; DOT, SVG).
    public var plan: [Planned] {
        var planned = [
            Planned(
                fileName: slug(network.name), diagram: RenderJob.diagram(network, options: DOTOptions(clusterBy: clusterBy)),
                formats: [.dot, .svg, .png])
        ]
        let assignment = ConflictAssignment(network)
        var used: Set<String> = [planned[0].fileName]
        // One undirected compact graph for every view's breadth-first search.
        let graph = CompactGraph(network, directed: false)
        let position = Dictionary(graph.ids.enumerated().map { (ExactID($0.element), $0.offset) }, uniquingKeysWith: { a, _ in a })
        for root in assignment.roots {
            let conflict = network.nodes[root]
            var ids: Set<String> = [conflict.id]
            if let c = position[ExactID(conflict.id)], let distance = try? ShortestPaths.distances(graph, from: c) {
                ids = Set(distance.indices.filter { distance[$0] <= Double(Self.viewRadius) }.map { graph.ids[$0] })
            }
            var title = "\(conflict.label): actors within \(Self.viewRadius) steps"
            if let scope { title += ", " + scope }
            let view = network.subnetwork(ids, name: network.name + "-" + conflict.id, title: title)
            var name = "conflict-" + slug(conflict.id)
            var suffix = 2
            while !used.insert(name).inserted { name = "conflict-\(slug(conflict.id))-\(suffix)"; suffix += 1 }
            planned.append(
                Planned(fileName: name, diagram: RenderJob.diagram(view, options: DOTOptions(clusterBy: .none)), formats: [.dot, .svg]))
        }
        // A focused view: the legal-exposure paths with their context (`render --exposure`).
        let exposure = RenderJob.exposureView(network)
        if let keep = exposure.keep, used.insert("exposure").inserted {
            var options = DOTOptions(title: "Legal exposure: material-support paths to designated actors", clusterBy: .none)
            options.keep = keep
            options.highlight = exposure.highlight
            planned.append(Planned(fileName: "exposure", diagram: RenderJob.diagram(network, options: options), formats: [.dot, .svg]))
        }
        return planned
    }

    /// The plain-text summary of `network`, with the degrees it ranks conveners by computed here.
    /// - Complexity: O(n + m) to build the compact graph and count degrees, O(n log n) to rank.
    public static func summary(_ network: Network, topConveners: Int = 5) -> Summary {
        Summary(network, degree: DegreeCentrality(normalized: false).scores(CompactGraph(network)), topConveners: topConveners)
    }

    /// Writes every planned file into `directory` (created if needed), each atomically.
    /// - Returns: the paths written and notes for the user.
    public func write(to directory: URL, protecting inputs: [URL], worker: GraphvizWorker? = nil) throws -> (
        written: [URL], notes: [String]
    ) {
        try write(plan, to: directory, protecting: inputs, worker: worker)
    }

    /// Writes `plan` (this overview's ``plan``, computed once by the caller) into `directory`.
    public func write(_ plan: [Planned], to directory: URL, protecting inputs: [URL], worker: GraphvizWorker? = nil) throws -> (
        written: [URL], notes: [String]
    ) {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var written: [URL] = []
        var notes: [String] = []
        for item in plan {
            // One layout per diagram, rendered in each of its formats.
            let results = try RenderJob(worker: worker).run(item.diagram, formats: item.formats)
            for (format, (bytes, jobNotes)) in zip(item.formats, results) {
                let url = directory.appendingPathComponent("\(item.fileName).\(format.rawValue)")
                try AtomicFile.write(bytes, to: url, protecting: inputs)
                written.append(url)
                notes += jobNotes.map { "\(url.lastPathComponent): \($0)" }
            }
        }
        if writesReport {
            let (html, reportNotes) = try report(worker: worker)
            let url = directory.appendingPathComponent(Self.reportFileName)
            try AtomicFile.write(Array(html.utf8), to: url, protecting: inputs)
            written.append(url)
            notes += reportNotes.map { "\(url.lastPathComponent): \($0)" }
        }
        return (written, notes)
    }
}

/// A file-name-safe form of `text`: lowercase ASCII letters, digits and single dashes.
func slug(_ text: String) -> String {
    var out = ""
    for scalar in text.lowercased().unicodeScalars {
        if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
            out.unicodeScalars.append(scalar)
        } else if !out.hasSuffix("-") && !out.isEmpty {
            out += "-"
        }
    }
    while out.hasSuffix("-") { out.removeLast() }
    return out.isEmpty ? "network" : out
}
