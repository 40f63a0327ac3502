import BackchannelAnalysis
import BackchannelFormats
import BackchannelPresentation
import BackchannelModel
import BackchannelRender
import Foundation

/// What a diagram is written as: Graphviz's rendered formats, or the DOT source itself.
public enum DiagramFormat: String, CaseIterable, Sendable {
    case svg, png, pdf, dot

    public var isBinary: Bool { self == .png || self == .pdf }
}

/// Turns a network into diagram bytes: runs the measures the diagram needs (``diagram(_:options:)``),
/// writes DOT in pure Swift, then lays it out with Graphviz in-process for SVG, PNG, PDF.
public struct RenderJob: Sendable {
    /// What the diagram shows; turned into a ``Diagram`` by ``diagram(_:options:)``.
    public var options: DOTOptions
    /// The layout engine; ``LayoutEngine/recommended(edgeCount:)`` when nil.
    public var engine: LayoutEngine?
    /// Render in this child process, surviving crashes in Graphviz; in-process when nil.
    public var worker: GraphvizWorker?

    public init(options: DOTOptions = DOTOptions(), engine: LayoutEngine? = nil, worker: GraphvizWorker? = nil) {
        self.options = options
        self.engine = engine
        self.worker = worker
    }

    /// The bytes, and notes for the user (engine chosen, PNG scaled, Graphviz warnings).
    public func run(_ network: Network, format: DiagramFormat) throws(RenderError) -> (bytes: [UInt8], notes: [String]) {
        try run(Self.diagram(network, options: options), format: format)
    }

    /// A filled-in diagram as bytes; ``options`` are not consulted.
    public func run(_ diagram: Diagram, format: DiagramFormat) throws(RenderError) -> (bytes: [UInt8], notes: [String]) {
        try run(dot: DOTWriter().write(diagram), edgeCount: diagram.network.edges.count, format: format)
    }

    /// The styled DOT for `network` with ``options``: ``diagram(_:options:)`` written by ``DOTWriter``.
    /// - Complexity: that of ``diagram(_:options:)``, plus O(n + m) to write.
    public func dot(_ network: Network) -> String {
        DOTWriter().write(Self.diagram(network, options: options))
    }

    /// Renders DOT text as it is (e.g. a user's own `.dot` file, `render --as-is`).
    public func run(dot: String, edgeCount: Int, format: DiagramFormat) throws(RenderError) -> (bytes: [UInt8], notes: [String]) {
        let renderFormat: RenderFormat
        switch format {
        case .dot: return (Array(dot.utf8), [])
        case .svg: renderFormat = .svg
        case .png: renderFormat = .png
        case .pdf: renderFormat = .pdf
        }
        var notes: [String] = []
        let engine = self.engine ?? LayoutEngine.recommended(edgeCount: edgeCount)
        if self.engine == nil && engine != .dot {
            notes.append("using the \(engine.rawValue) layout: the network has \(edgeCount) edges, more than dot lays out in reasonable time (\(LayoutEngine.dotEdgeLimit)); pass --engine dot to insist")
        }
        let rendering = if let worker {
            try worker.render(dot: dot, engine: engine, format: renderFormat, edgeCount: edgeCount)
        } else {
            try Graphviz.shared.render(dot: dot, engine: engine, format: renderFormat)
        }
        notes += rendering.notes
        notes += rendering.warnings.map { "Graphviz: " + $0 }
        return (rendering.bytes, notes)
    }
}

extension RenderJob {
    /// The diagram `options` ask for, with the measures it needs run here (and nowhere in
    /// ``DOTWriter``): node sizes from `options.sizeScores`, or total degree (distinct neighbours) when
    /// nil; clusters by nearest conflict (``ConflictAssignment``), by track, or none.
    /// - Complexity: O(n + m) for degree and track clusters; conflict clusters cost what
    ///   ``ConflictAssignment`` costs (a bounded search from every conflict).
    public static func diagram(_ network: Network, options: DOTOptions) -> Diagram {
        let scores = options.sizeScores ?? DegreeCentrality(normalized: false).scores(CompactGraph(network))
        let clusters: [Diagram.Cluster]
        switch options.clusterBy {
        case .none: clusters = []
        case .track: clusters = Diagram.trackClusters(network)
        case .conflict:
            let assignment = ConflictAssignment(network)
            clusters = Diagram.clusters(assignment: assignment.conflictOf, labels: assignment.roots.map { network.nodes[$0].label })
        }
        return Diagram(
            network, title: options.title, nodeSizes: Diagram.relativeSizes(scores), sizeMeasure: options.sizeMeasure,
            clusters: clusters, highlight: options.highlight, legend: options.legend, rankdir: options.rankdir)
    }

    /// Node scores for `render --size-by`: `measure` with its default parameters on the directed network.
    public static func sizeScores(_ network: Network, by measure: Measure) throws -> [Double] {
        guard case let .nodes(scores) = try measure.compute(CompactGraph(network), Measure.Parameters()) else {
            throw AnalysisError.invalidParameter(name: "--size-by", value: measure.rawValue, reason: "does not give one score per node")
        }
        return scores
    }

    /// The node-id paths in a `paths` or `exposure` JSON file.
    public static func highlightPaths(from url: URL) throws -> [[String]] {
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: url))
        } catch {
            throw ModelError.unreadable(file: url.path, reason: (error as NSError).localizedDescription)
        }
        do {
            return try PathReport.nodePaths(fromJSON: bytes)
        } catch let failure as JSONParser.Failure {
            throw ModelError.malformedJSON(file: url.path, line: failure.line, column: failure.column, message: failure.message)
        }
    }
}
