import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The geometry Graphviz drew in an SVG, for checking that no text lies over a node or over other
/// text: every node's outline (a convex polygon: the node's `<polygon>`, its `<ellipse>` as a
/// 24-gon, or the bounding box of a rounded box's `<path>`) and every `<text>`'s box, estimated from its anchor, font size and character count.
///
/// Graphviz writes every shape in one coordinate space (the `graph0` group's transform applies to
/// all of them), so no transform is needed to compare them.
public final class SVGBoxes: NSObject, XMLParserDelegate {
    /// An axis-aligned box in SVG coordinates (y grows downwards).
    public struct Box: Sendable, CustomStringConvertible {
        public var minX, minY, maxX, maxY: Double
        public var description: String { "(\(Int(minX)),\(Int(minY)))–(\(Int(maxX)),\(Int(maxY)))" }
        public var corners: [(Double, Double)] { [(minX, minY), (maxX, minY), (maxX, maxY), (minX, maxY)] }
    }

    /// One drawn text: what it says, whose group drew it (`node n3`, `edge n1->n2`, `cluster …`,
    /// `graph`), and its estimated box.
    public struct Text: Sendable {
        public var text: String
        public var owner: String
        public var box: Box
    }

    /// One node's outline, as the vertices of a convex polygon.
    public struct Shape: Sendable {
        public var owner: String
        public var polygon: [(Double, Double)]
    }

    public private(set) var texts: [Text] = []
    public private(set) var shapes: [Shape] = []

    /// Width of an average character as a share of the font size (Helvetica's is about 0.5 to 0.55;
    /// the larger bound errs towards finding an overlap).
    public static let characterWidth = 0.55

    private var groupStack: [(cls: String?, owner: String?)] = []
    private var title: String?
    private var inTitle = false
    private var textAttributes: [String: String]?
    private var buffer = ""
    private var nodeShapeTaken = false

    private var currentOwner: String {
        for g in groupStack.reversed() { if let o = g.owner { return o } }
        return "graph"
    }

    private var currentClass: String? {
        for g in groupStack.reversed() { if let c = g.cls, c == "node" || c == "edge" || c == "cluster" { return c } }
        return nil
    }

    public func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        switch name {
        case "g":
            let cls = attributes["class"]
            groupStack.append((cls, nil))
            if cls == "node" { nodeShapeTaken = false }
        case "title": inTitle = true; buffer = ""
        case "text": textAttributes = attributes; buffer = ""
        case "polygon" where currentClass == "node" && !nodeShapeTaken:
            let numbers = (attributes["points"] ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            var points: [(Double, Double)] = []
            var k = 0
            while k + 1 < numbers.count { points.append((numbers[k], numbers[k + 1])); k += 2 }
            if points.count >= 3 {
                shapes.append(Shape(owner: currentOwner, polygon: points))
                nodeShapeTaken = true
            }
        case "path" where currentClass == "node" && !nodeShapeTaken:
            // Rounded boxes are Bézier paths: their control points' bounding box.
            let numbers = (attributes["d"] ?? "").split(whereSeparator: { !"0123456789.-e".contains($0) }).compactMap { Double($0) }
            let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
            let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
            if let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() {
                shapes.append(Shape(owner: currentOwner, polygon: [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]))
                nodeShapeTaken = true
            }
        case "ellipse" where currentClass == "node" && !nodeShapeTaken:
            let cx = Double(attributes["cx"] ?? "") ?? 0, cy = Double(attributes["cy"] ?? "") ?? 0
            let rx = Double(attributes["rx"] ?? "") ?? 0, ry = Double(attributes["ry"] ?? "") ?? 0
            shapes.append(
                Shape(
                    owner: currentOwner,
                    polygon: (0..<24).map { i in
                        let a = Double(i) * .pi / 12
                        return (cx + rx * cos(a), cy + ry * sin(a))
                    }))
            nodeShapeTaken = true
        default: break
        }
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inTitle || textAttributes != nil { buffer += string }
    }

    public func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "g": _ = groupStack.popLast()
        case "title" where inTitle:
            inTitle = false
            if let last = groupStack.indices.last, groupStack[last].owner == nil, let cls = groupStack[last].cls {
                groupStack[last].owner = "\(cls) \(buffer)"
            }
        case "text":
            guard let a = textAttributes else { return }
            textAttributes = nil
            let text = buffer.replacingOccurrences(of: "\u{A0}", with: " ")
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty,
                let x = Double(a["x"] ?? ""), let y = Double(a["y"] ?? "")
            else { return }
            let size = Double(a["font-size"] ?? "") ?? 14
            let width = Double(text.count) * size * Self.characterWidth
            let minX =
                switch a["text-anchor"] {
                case "middle": x - width / 2
                case "end": x - width
                default: x
                }
            // The baseline is at y: ascenders reach about 0.75 em above it, descenders 0.2 below.
            texts.append(
                Text(text: text, owner: currentOwner, box: Box(minX: minX, minY: y - 0.75 * size, maxX: minX + width, maxY: y + 0.2 * size))
            )
        default: break
        }
    }

    /// The shapes and texts of `svg`; nil when it is not well-formed XML.
    public static func read(_ svg: [UInt8]) -> SVGBoxes? {
        let parser = XMLParser(data: Data(svg))
        let boxes = SVGBoxes()
        parser.delegate = boxes
        return parser.parse() ? boxes : nil
    }

    /// Every text drawn over another node's outline, and every pair of texts from different owners
    /// that overlap, each by more than `tolerance` points in both directions (the width estimate is
    /// approximate). A node's own label lies inside its own outline and is not counted.
    /// - Complexity: O(t · s + t²) for t texts and s shapes.
    public func overlaps(tolerance: Double = 1.5) -> [String] {
        var found: [String] = []
        for t in texts {
            let box = Box(
                minX: t.box.minX + tolerance, minY: t.box.minY + tolerance, maxX: t.box.maxX - tolerance, maxY: t.box.maxY - tolerance)
            guard box.minX < box.maxX, box.minY < box.maxY else { continue }
            for s in shapes where s.owner != t.owner && Self.intersects(box.corners, s.polygon) {
                found.append("\"\(t.text)\" (\(t.owner)) over \(s.owner)")
            }
        }
        for i in texts.indices {
            for j in texts.indices where j > i && texts[i].owner != texts[j].owner {
                let a = texts[i].box, b = texts[j].box
                let dx = min(a.maxX, b.maxX) - max(a.minX, b.minX)
                let dy = min(a.maxY, b.maxY) - max(a.minY, b.minY)
                if dx > tolerance && dy > tolerance {
                    found.append("\"\(texts[i].text)\" (\(texts[i].owner)) over \"\(texts[j].text)\" (\(texts[j].owner))")
                }
            }
        }
        return found
    }

    /// Whether two convex polygons intersect (separating axis theorem).
    static func intersects(_ a: [(Double, Double)], _ b: [(Double, Double)]) -> Bool {
        for polygon in [a, b] {
            for k in polygon.indices {
                let p = polygon[k], q = polygon[(k + 1) % polygon.count]
                let axis = (q.1 - p.1, p.0 - q.0)
                guard axis.0 != 0 || axis.1 != 0 else { continue }
                let pa = a.map { $0.0 * axis.0 + $0.1 * axis.1 }, pb = b.map { $0.0 * axis.0 + $0.1 * axis.1 }
                if pa.max()! <= pb.min()! || pb.max()! <= pa.min()! { return false }
            }
        }
        return true
    }
}
