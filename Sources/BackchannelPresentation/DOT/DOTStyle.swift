import BackchannelFormats
import BackchannelModel
import Foundation

/// The visual vocabulary of Backchannel diagrams: shape by kind, fill by track, line by relation.
///
/// The colours were chosen together so that no colour means two things and every pair stays apart
/// for readers with deuteranopia (Machado, Oliveira & Fernandes 2009, severity 1), by CIEDE2000
/// (Sharma, Wu & Dalal 2005, doi:10.1002/col.20070):
/// - line colours (the 20 relations, the highlight and the designation border): ΔE₀₀ ≥ 9.5 between any
///   two under simulated deuteranopia, ≥ 19 between two relations drawn in the same line style, ≥ 15
///   in normal vision;
/// - fills (the tracks, conflicts and legal nodes without a track, and white): ΔE₀₀ ≥ 8.5 under
///   simulated deuteranopia, ≥ 12 in normal vision; every fill is lighter (CIE L* ≥ 78) than every
///   line colour (L* ≤ 70) and differs from each by ΔE₀₀ ≥ 8.
/// `DiagramPaletteTests` checks these bounds.
public enum DOTStyle {
    /// Graphviz shape and extra style for a node kind, and the sample the legend draws for it: a glyph
    /// of the same outline (nil for the rounded box, which the legend draws as a rounded cell).
    public static func shape(_ kind: NodeKind) -> (shape: String, style: String, legend: String, glyph: String?) {
        switch kind {
        case .convener: ("box", "rounded,filled", "rounded box", nil)
        case .participant: ("ellipse", "filled", "ellipse", "\u{25EF}")
        case .conflict: ("hexagon", "filled", "hexagon", "\u{2B21}")
        case .legal: ("house", "filled", "house", "\u{2302}")
        case .dialogue: ("parallelogram", "filled", "parallelogram", "\u{25B1}")
        case .official: ("box3d", "filled", "3-D box", "\u{2752}")
        case .agreement: ("box", "filled", "rectangle", "\u{25AD}")
        case .event: ("diamond", "filled", "diamond", "\u{25C7}")
        }
    }

    /// Fill colour for a track (pastels, readable with black text; see the bounds above).
    public static func fill(_ track: Track?, kind: NodeKind) -> String {
        switch track {
        case .one?: "#99ccff"
        case .oneAndAHalf?: "#ddddff"
        case .two?: "#bbff88"
        case .three?: "#ffddcc"
        case .prevention?: "#aacccc"
        case nil: kind == .conflict ? "#ffbbcc" : (kind == .legal ? "#cccc99" : "#ffffff")
        }
    }

    /// Every fill ``fill(_:kind:)`` can return, named for the legend and the palette test.
    public static let fills: [(name: String, color: String)] =
        Track.allCases.map { ($0.title, fill($0, kind: .convener)) } + [
            ("conflict without a track", fill(nil, kind: .conflict)), ("legal without a track", fill(nil, kind: .legal)),
            ("no track", fill(nil, kind: .convener)),
        ]

    /// Line colour, style, width and whether the relation's name is written on the edge.
    public static func edge(_ relation: Relation) -> (color: String, style: String, penwidth: Double, labelled: Bool) {
        switch relation {
        case .convenes: ("#33aa88", "solid", 2.0, false)
        case .participatesIn: ("#003333", "solid", 1.0, false)
        case .upholds: ("#3333bb", "solid", 1.6, true)
        case .memberOf: ("#9988ee", "solid", 1.2, false)
        case .sharesWith: ("#886622", "solid", 1.2, false)
        case .prepares: ("#444444", "bold", 2.2, true)
        case .provides: ("#dd4411", "bold", 2.2, true)
        case .urges: ("#1199aa", "bold", 2.0, true)
        case .partnersWith: ("#226633", "dashed", 1.4, false)
        case .ledTo: ("#775588", "dashed", 1.6, true)
        case .constrains: ("#ff7777", "dashed", 2.0, true)
        case .addresses: ("#2266dd", "dotted", 1.4, false)
        case .partyTo: ("#aa99aa", "dotted", 1.4, false)
        case .designates: ("#660011", "dotted", 2.0, true)
        case .partOf: ("#ee8811", "dotted", 1.4, false)
        case .administers: ("#111100", "dashed", 1.4, true)
        case .mediates: ("#996666", "bold", 2.0, true)
        case .witnesses: ("#446666", "dotted", 1.4, true)
        case .guarantees: ("#001122", "dotted", 2.0, true)
        case .thirdPartyTo: ("#883300", "bold", 1.6, false)
        }
    }

    /// Border colour and width marking actors on a designation list.
    public static let designatedBorder = (color: "#661166", penwidth: 3.0)

    /// The colour of highlighted paths (`render --highlight-paths`, `exposure --render`), used for nothing else.
    public static let highlight = "#bb4488"

    public static let fontname = "Helvetica"
}
