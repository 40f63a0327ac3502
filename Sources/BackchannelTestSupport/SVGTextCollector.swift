import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The text Graphviz drew for each node of an SVG, keyed by its DOT name (the `<title>`), one entry
/// per `<text>` element, no-break spaces read as the spaces they stand for.
public final class SVGTextCollector: NSObject, XMLParserDelegate {
    public private(set) var texts: [String: [String]] = [:]
    private var groupClass: String?
    private var title: String?
    private var inTitle = false
    private var inText = false
    private var buffer = ""

    public func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        switch name {
        case "g" where attributes["class"] == "node" || attributes["class"] == "edge" || attributes["class"] == "cluster":
            groupClass = attributes["class"]
            title = nil
        case "title": inTitle = true; buffer = ""
        case "text": inText = true; buffer = ""
        default: break
        }
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inTitle || inText { buffer += string }
    }

    public func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title" && inTitle {
            inTitle = false
            if groupClass == "node" { title = buffer }
        } else if name == "text" && inText {
            inText = false
            if groupClass == "node", let title { texts[title, default: []].append(buffer.replacingOccurrences(of: "\u{A0}", with: " ")) }
        }
    }

    /// The drawn text per node; nil when the SVG is not well-formed XML.
    public static func collect(_ svg: [UInt8]) -> [String: [String]]? {
        let parser = XMLParser(data: Data(svg))
        let collector = SVGTextCollector()
        parser.delegate = collector
        return parser.parse() ? collector.texts : nil
    }
}
