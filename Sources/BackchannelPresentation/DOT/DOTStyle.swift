import Foundation
import BackchannelFormats
import BackchannelModel

/// The visual vocabulary of Backchannel diagrams: shape by kind, fill by track, line by relation.
public enum DOTStyle {
    /// Graphviz shape and extra style for a node kind.
    public static func shape(_ kind: NodeKind) -> (shape: String, style: String, legend: String) {
        switch kind {
        case .convener: ("box", "rounded,filled", "rounded box")
        case .participant: ("ellipse", "filled", "ellipse")
        case .conflict: ("octagon", "filled", "octagon")
        case .legal: ("note", "filled", "note")
        case .dialogue: ("hexagon", "filled", "hexagon")
        case .official: ("box3d", "filled", "3-D box")
        case .agreement: ("folder", "filled", "folder")
        case .event: ("diamond", "filled", "diamond")
        }
    }

    /// Fill colour for a track (ColorBrewer pastels, readable with black text).
    public static func fill(_ track: Track?, kind: NodeKind) -> String {
        switch track {
        case .one?: "#9ecae1"
        case .oneAndAHalf?: "#c6dbef"
        case .two?: "#a1d99b"
        case .three?: "#fdd0a2"
        case .prevention?: "#dadaeb"
        case nil: kind == .conflict ? "#fee0d2" : (kind == .legal ? "#f0f0f0" : "#ffffff")
        }
    }

    /// Line colour, style, width and whether the relation's name is written on the edge.
    public static func edge(_ relation: Relation) -> (color: String, style: String, penwidth: Double, labelled: Bool) {
        switch relation {
        case .convenes: ("#238b45", "solid", 2.0, false)
        case .participatesIn: ("#737373", "solid", 1.0, false)
        case .addresses: ("#2171b5", "dotted", 1.2, false)
        case .partyTo: ("#969696", "dotted", 1.0, false)
        case .urges: ("#08519c", "bold", 2.0, true)
        case .partnersWith: ("#41ab5d", "dashed", 1.2, false)
        case .prepares: ("#6a51a3", "bold", 2.2, true)
        case .ledTo: ("#807dba", "dashed", 1.6, true)
        case .constrains: ("#cb181d", "dashed", 2.0, true)
        case .upholds: ("#a50f15", "solid", 1.6, true)
        case .designates: ("#67000d", "dotted", 2.0, true)
        case .provides: ("#d94801", "bold", 2.2, true)
        case .memberOf: ("#bdbdbd", "solid", 0.8, false)
        case .partOf: ("#bdbdbd", "dotted", 1.0, false)
        case .sharesWith: ("#8c6d31", "solid", 1.2, false)
        case .administers: ("#7f2704", "dashed", 1.4, true)
        case .mediates: ("#006d2c", "bold", 2.0, true)
        case .witnesses: ("#74c476", "dotted", 1.4, true)
        case .guarantees: ("#00441b", "bold", 2.4, true)
        case .thirdPartyTo: ("#31a354", "dashed", 1.4, false)
        }
    }

    /// Border colour and width marking actors on a designation list.
    public static let designatedBorder = (color: "#cb181d", penwidth: 3.0)

    /// The colour of highlighted paths (`render --highlight-paths`, `exposure --render`).
    public static let highlight = "#ff7f00"

    public static let fontname = "Helvetica"
}
