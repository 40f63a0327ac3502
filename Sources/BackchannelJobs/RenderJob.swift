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

/// Turns a network into diagram bytes: DOT in pure Swift, then Graphviz in-process for SVG, PNG, PDF.
public struct RenderJob: Sendable {
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
        try run(dot: DOTWriter(options: options).write(network), edgeCount: network.edges.count, format: format)
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
