/// A Graphviz SVG prepared for inlining into an HTML page, with the ids of its node and edge groups.
///
/// Graphviz writes each node as `<g id="nodeK" class="node"><title>NAME</title>…` and each edge as
/// `<g id="edgeK" class="edge"><title>TAIL&#45;&gt;HEAD</title>…`, where NAME is the DOT node name
/// (``DOTWriter`` names node `i` of the network `ni`) and K counts creation order from 1.
public struct GraphvizSVG: Sendable {
    /// The `<svg>` element alone: no XML declaration, doctype or comments.
    public var markup: String
    /// SVG group id (`node3`) by DOT node name (`n2`), in document order.
    public var nodes: [(svgID: String, name: String)]
    /// SVG group id (`edge5`), its number K and its DOT title (`n1->n4`), in document order.
    public var edges: [(svgID: String, number: Int, title: String)]

    public enum Failure: Error, Equatable {
        /// No `<svg` element in the text.
        case noSVG
        /// The SVG holds markup a Graphviz drawing of escaped labels never has (`<script`,
        /// `<foreignObject`, `<iframe`): refused rather than inlined.
        case unexpectedMarkup(String)
    }

    /// Strips the prolog and comments from `text` and reads the node and edge groups.
    /// - Complexity: O(length of `text`).
    public init(_ text: String) throws(Failure) {
        guard let start = text.range(of: "<svg") else { throw .noSVG }
        var body = String(text[start.lowerBound...])
        // Comments (Graphviz writes node names and the graph name in them): removed.
        var stripped = ""
        stripped.reserveCapacity(body.utf8.count)
        var rest = body[...]
        while let open = rest.range(of: "<!--") {
            stripped += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "-->") else { rest = rest[rest.endIndex...]; break }
            rest = rest[close.upperBound...]
        }
        stripped += rest
        body = stripped
        let lower = body.lowercased()
        for bad in ["<script", "<foreignobject", "<iframe", "<object", "<embed"] where lower.contains(bad) {
            throw .unexpectedMarkup(bad)
        }
        markup = body
        var nodes: [(String, String)] = []
        var edges: [(String, Int, String)] = []
        var cursor = body[...]
        while let g = cursor.range(of: "<g id=\"") {
            let afterID = cursor[g.upperBound...]
            guard let quote = afterID.firstIndex(of: "\"") else { break }
            let id = String(afterID[..<quote])
            cursor = afterID[quote...]
            let isNode = cursor.hasPrefix("\" class=\"node\">"), isEdge = cursor.hasPrefix("\" class=\"edge\">")
            guard isNode || isEdge, let t = cursor.range(of: "<title>"), let te = cursor[t.upperBound...].range(of: "</title>") else { continue }
            let title = Self.unescape(String(cursor[t.upperBound..<te.lowerBound]))
            if isNode {
                nodes.append((id, title))
            } else if let k = Int(id.dropFirst(4)) {
                edges.append((id, k, title))
            }
            cursor = cursor[te.upperBound...]
        }
        self.nodes = nodes
        self.edges = edges
    }

    /// Graphviz's XML escapes in titles, undone.
    static func unescape(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&#45;", with: "-").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
