/// Graphviz's layout engines.
public enum LayoutEngine: String, CaseIterable, Sendable {
    /// Hierarchical layers; the clearest for typed, directed networks, but slow past a few thousand edges.
    case dot
    /// Spring model (stress majorisation).
    case neato
    /// Force-directed, with clusters.
    case fdp
    /// Multiscale force-directed; the one that finishes on large networks.
    case sfdp
    /// Circular.
    case circo
    /// Radial.
    case twopi

    /// Above this many edges `dot` is too slow to wait for (Graphviz 2.43 here: 1k edges in 0.16 s,
    /// 5k in about 45 s, 20k not within minutes), so ``recommended(edgeCount:)`` picks `sfdp`.
    public static let dotEdgeLimit = 1_000

    /// `dot` up to ``dotEdgeLimit`` edges, `sfdp` above (20k edges in about 3 s).
    public static func recommended(edgeCount: Int) -> LayoutEngine {
        edgeCount <= dotEdgeLimit ? .dot : .sfdp
    }
}

/// Output formats Graphviz renders in-process.
public enum RenderFormat: String, CaseIterable, Sendable {
    case svg, png, pdf

    /// Past this many edges a PNG is scaled down (`size`) so it stays within what cairo can allocate.
    public static let pngEdgeLimit = 1_000
}
