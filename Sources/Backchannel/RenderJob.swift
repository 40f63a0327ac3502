import BackchannelExport
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

    public init(options: DOTOptions = DOTOptions(), engine: LayoutEngine? = nil) {
        self.options = options
        self.engine = engine
    }

    /// The bytes, and notes for the user (engine chosen, PNG scaled, Graphviz warnings).
    public func run(_ network: Network, format: DiagramFormat) throws(RenderError) -> (bytes: [UInt8], notes: [String]) {
        let dot = DOTWriter(options: options).write(network)
        let renderFormat: RenderFormat
        switch format {
        case .dot: return (Array(dot.utf8), [])
        case .svg: renderFormat = .svg
        case .png: renderFormat = .png
        case .pdf: renderFormat = .pdf
        }
        var notes: [String] = []
        let engine = self.engine ?? LayoutEngine.recommended(edgeCount: network.edges.count)
        if self.engine == nil && engine != .dot {
            notes.append("using the \(engine.rawValue) layout: the network has \(network.edges.count) edges, more than dot lays out in reasonable time (\(LayoutEngine.dotEdgeLimit)); pass --engine dot to insist")
        }
        let rendering = try Graphviz.shared.render(dot: dot, engine: engine, format: renderFormat)
        notes += rendering.notes
        notes += rendering.warnings.map { "Graphviz: " + $0 }
        return (rendering.bytes, notes)
    }
}
