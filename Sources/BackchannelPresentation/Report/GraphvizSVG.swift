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
        /// `<foreignObject`, `<iframe`, `<object`, `<embed`): refused rather than inlined.
        case unexpectedMarkup(String)
    }

    /// Strips the prolog and comments from `text` and reads the node and edge groups.
    /// - Complexity: O(length of `text`): one pass over its bytes per step.
    public init(_ text: String) throws(Failure) {
        let bytes = Array(text.utf8)
        guard let start = Self.find(Array("<svg".utf8), in: bytes, from: 0) else { throw .noSVG }
        // Comments (Graphviz writes node names and the graph name in them): removed.
        var body: [UInt8] = []
        body.reserveCapacity(bytes.count - start)
        let open = Array("<!--".utf8), close = Array("-->".utf8)
        var i = start
        while i < bytes.count {
            guard let o = Self.find(open, in: bytes, from: i) else { body += bytes[i...]; break }
            body += bytes[i..<o]
            guard let c = Self.find(close, in: bytes, from: o + open.count) else { break }
            i = c + close.count
        }
        let lower = body.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        for bad in ["<script", "<foreignobject", "<iframe", "<object", "<embed"] where Self.find(Array(bad.utf8), in: lower, from: 0) != nil
        {
            throw .unexpectedMarkup(bad)
        }
        markup = String(decoding: body, as: UTF8.self)
        var nodes: [(String, String)] = []
        var edges: [(String, Int, String)] = []
        let groupOpen = Array("<g id=\"".utf8), nodeClass = Array("\" class=\"node\">".utf8), edgeClass = Array("\" class=\"edge\">".utf8)
        let titleOpen = Array("<title>".utf8), titleClose = Array("</title>".utf8)
        var cursor = 0
        while let g = Self.find(groupOpen, in: body, from: cursor) {
            let idStart = g + groupOpen.count
            guard let quote = body[idStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            cursor = quote
            let isNode = Self.hasPrefix(nodeClass, body, at: quote), isEdge = Self.hasPrefix(edgeClass, body, at: quote)
            guard isNode || isEdge else { continue }
            let afterTag = quote + nodeClass.count
            // The title is the group's first child, after a line break.
            var t = afterTag
            while t < body.count, body[t] == 10 || body[t] == 13 || body[t] == 32 { t += 1 }
            guard Self.hasPrefix(titleOpen, body, at: t), let te = Self.find(titleClose, in: body, from: t + titleOpen.count) else {
                continue
            }
            let id = String(decoding: body[idStart..<quote], as: UTF8.self)
            let title = Self.unescape(String(decoding: body[(t + titleOpen.count)..<te], as: UTF8.self))
            if isNode {
                nodes.append((id, title))
            } else if id.hasPrefix("edge"), let k = Int(id.dropFirst(4)) {
                edges.append((id, k, title))
            }
            cursor = te + titleClose.count
        }
        self.nodes = nodes
        self.edges = edges
    }

    /// The first index at or after `from` where `needle` starts in `haystack`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first && hasPrefix(needle, haystack, at: i) { return i }
            i += 1
        }
        return nil
    }

    static func hasPrefix(_ needle: [UInt8], _ haystack: [UInt8], at i: Int) -> Bool {
        guard i >= 0, i + needle.count <= haystack.count else { return false }
        for j in needle.indices where haystack[i + j] != needle[j] { return false }
        return true
    }

    /// Graphviz's XML escapes in titles, undone.
    static func unescape(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&#45;", with: "-").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
