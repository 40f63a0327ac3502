import BackchannelModel

// The format's description and names. Writing is in GraphMLWriter.swift, reading in
// GraphMLReader.swift (XMLParser events) and GraphMLBuilders.swift (what the events build).

/// Networks as GraphML, the XML graph format yEd, Gephi, Cytoscape, igraph and NetworkX read and write.
///
/// ## What maps to what
/// One `<graph edgedefault="directed">`; one `<node id>` per node and one `<edge source target>` per
/// edge, in the network's order. Every field is a `<data>` value of a typed `<key>`:
///
/// | owner | `attr.name` (`attr.type`) |
/// |---|---|
/// | graph | `name`, `title`, `description`, `sources` (string) |
/// | node | `label`, `kind`, `track`, `description`, `designations`, `sources` (string); `start`, `end` (int); `confidential` (boolean, declared only when some node is) |
/// | edge | `key`, `relation`, `support`, `description`, `sources` (string); `weight` (double); `start`, `end` (int) |
/// | both | each attribute under its own name, typed `string`, `int` (`long` beyond 32 bits), `double` or `boolean` |
///
/// An attribute whose name is one of the fields above, or starts with `attr.`, is written as
/// `attr.<name>` (an attribute `kind` is `attr.kind`). An attribute with values of two types has two
/// keys with the same `attr.name`. Node and edge `sources` are ids joined by `;`; `designations` are
/// `list|by|since|until|sources` entries joined by `;`; the graph's `sources` are `id|citation|url`
/// entries joined by `;` (see ``FieldText`` for escaping). Edge keys are data, not edge `id`s, so
/// NetworkX reads them as multigraph keys. A single-year edge has `start` equal to `end`.
///
/// The schema types node ids, edge ends and `attr.name` as `NMTOKEN`s (no spaces; see
/// ``isNMToken(_:)``). When any node id is not one, every node is written as `n0`, `n1`, … in
/// network order with its id as `id` data (the convention of igraph's `v_id`), and edges refer to
/// those; an attribute name that is not one is written as one (`Modularity Class` →
/// `Modularity_Class`) with the exact name as the key's `<desc>`. Both read back exactly.
///
/// ## Reading other tools' GraphML
/// Nodes without a `kind` are participants and edges without a `relation` are `partners_with` (a
/// warning counts them); `year` data stands for `start` and `end`; data under undeclared or unknown
/// keys become attributes (string unless the key's `attr.type` says otherwise); `<default>` values
/// apply; yEd's graphics are skipped but a yEd node label is used when there is no `label` data; an
/// edge `id` is kept as the edge key when there is no `key` data; `id` data (igraph's `v_id`) is the
/// node's id, and edges' GraphML ids are mapped to it; a key's `<desc>` is its name when `attr.name`
/// is that name as an NMTOKEN; yFiles for HTML's `<y:Label.Text>` is a label like yEd's. An undirected graph
/// (`edgedefault="undirected"` or `directed="false"`) is read with each edge once, directed from
/// source to target, with a warning. Nested graphs are flattened and hyperedges and ports left out,
/// with warnings. Edges to undeclared nodes make participant nodes, with a warning.
///
/// Input must be UTF-8. Documents with a DOCTYPE internal subset or `<!ENTITY` declarations are
/// refused before parsing, and external entities are never resolved.
///
/// ## What GraphML cannot hold
/// Characters XML 1.0 cannot hold at all (control characters other than tab, LF and CR, which the
/// model allows only in attribute values, keys, citations' ids and urls) are written as U+FFFD; an
/// empty designation `by` or source url reads back as none. Each case gets a warning. Everything
/// else reads back exactly.
///
/// - Reference: GraphML Primer, http://graphml.graphdrawing.org/primer/graphml-primer.html
public enum GraphML {
    static let namespace = "http://graphml.graphdrawing.org/xmlns"
    static let nodeFields = ["id", "label", "kind", "track", "start", "end", "year", "description", "designations", "sources"]
    /// The node key that marks a node off the record (boolean), declared only when some node is.
    static let confidentialField = "confidential"
    static let edgeFields = ["key", "relation", "support", "weight", "start", "end", "year", "description", "sources"]
    static let graphFields = ["name", "title", "description", "sources"]
    /// Elements nested deeper than this are refused (a valid file needs fewer than 20).
    static let maximumDepth = 256

    /// Whether `s` is an XML `NMTOKEN` as every schema validator reads one: the GraphML schema types
    /// node ids, edge ends and `attr.name` so. Deliberately narrow (ASCII letters, digits, `.`, `-`,
    /// `_`, `:`, and the letters of the main alphabetic scripts that XML 1.0's 4th and 5th editions
    /// both allow), so that old and new validators agree.
    /// - Complexity: O(n) in the length of `s`.
    static func isNMToken(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy(isNameChar)
    }

    static func isNameChar(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x3A, 0x5F: true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x131, 0x134...0x13E, 0x141...0x148, 0x14A...0x17E, 0x180...0x1C3,
            0x386, 0x388...0x38A, 0x38C, 0x38E...0x3A1, 0x3A3...0x3CE, 0x401...0x40C, 0x40E...0x44F, 0x451...0x45C, 0x45E...0x481,
            0x5D0...0x5EA, 0x621...0x63A, 0x641...0x64A, 0x3041...0x3094, 0x30A1...0x30FA, 0x4E00...0x9FA5, 0xAC00...0xD7A3:
            true
        default: false
        }
    }

    /// `name` as an `NMTOKEN`: every character ``isNameChar(_:)`` refuses becomes `_`.
    static func nmToken(_ name: String) -> String {
        name.isEmpty ? "_" : String(String.UnicodeScalarView(name.unicodeScalars.map { isNameChar($0) ? $0 : "_" }))
    }

    /// The network name a file name stands for: `x.graphml` → `x`; otherwise the default.
    static func networkName(fromFile file: String) -> String {
        let last = file.split(separator: "/").last.map(String.init) ?? ""
        for ext in [".graphml", ".xml", ".GraphML", ".GRAPHML", ".XML"] where last.hasSuffix(ext) && last.count > ext.count {
            return String(last.dropLast(ext.count))
        }
        return Network().name
    }
}
