import BackchannelModel
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension GraphML {
    // MARK: Reading

    /// Reads a network from GraphML bytes.
    ///
    /// - Parameter file: the name used in messages.
    /// - Returns: the network and warnings: defaults applied (kinds, relations), an undirected graph
    ///   read as directed, keys and elements left out, nodes and sources made up.
    /// - Throws: ``FormatError/malformed(file:line:column:message:)`` with the line and column for
    ///   invalid UTF-8, NUL bytes, an encoding other than UTF-8, DOCTYPE internal subsets and entity
    ///   declarations, XML that is not well formed (truncated, mismatched tags, undefined entities),
    ///   nesting deeper than 256 elements, a root that is not `<graphml>`, nodes without ids, edges
    ///   without ends, unknown kinds, tracks, relations or support types, values that do not match
    ///   their key's type, and validation problems.
    /// - Complexity: O(n) in the size of the document (plus validation, O(nodes + edges)).
    public static func read(_ bytes: [UInt8], file: String) throws(FormatError) -> (network: Network, warnings: [String]) {
        let handler = GraphMLHandler(file: file)
        try XMLDocument.parse(bytes, file: file, format: "GraphML", root: "graphml", with: handler)
        return try handler.network()
    }
}

/// Turns XMLParser events into builders (see GraphMLBuilders.swift), then a network.
final class GraphMLHandler: NSObject, XMLDocumentHandler {
    let file: String
    var failure: FormatError?
    /// Data values that cannot be read (an unknown kind, a year that is not one): the parse goes on,
    /// and they are reported with the validation problems, so every problem is listed at once.
    var contentProblems: [Diagnostic] = []
    var parseError: FormatError?
    var sawRoot = false
    var rootClosed = false
    var warnings: [String] = []

    var keys: [String: Key] = [:]
    var nodes: [NodeBuilder] = []
    var edges: [EdgeBuilder] = []
    var graphName: String?
    var graphTitle: String?
    var graphDescription: String?
    var graphSources: [Source]?
    var graphPlace: (Int, Int) = (1, 1)
    var graphSeen: [String: (Int, Int)] = [:]

    var depth = 0
    var owners: [(owner: Owner, depth: Int)] = []
    var graphCount = 0
    var topGraphs = 0
    var undirectedGraphDepths: [Int] = []
    var undirectedEdges = 0
    var currentKey: String?
    var inDefault = false
    var defaultText = ""
    var inDesc = false
    var descText = ""
    var data: DataElement?
    var skippedHyperedges = 0
    var skippedPorts = 0
    var nestedGraphs = 0
    var graphicsSkipped = false
    var unknownKeys = NameList()
    var graphDataLeftOut = NameList()
    /// Keys of data outside the top-level graph, its nodes and edges (on `<graphml>`, nested graphs).
    var dataLeftOut = NameList()
    /// The ids of keys with a `<default>`, sorted: applied to every node and edge, so kept apart
    /// from all keys (sorting every key for every element was quadratic).
    var keysWithDefaults: [String] = []
    var keysWithDefaultsSorted = true
    var skipDepth: Int?

    init(file: String) {
        self.file = file
    }

    func place(_ parser: XMLParser) -> (Int, Int) { (parser.lineNumber, parser.columnNumber) }

    func fail(_ parser: XMLParser, _ at: (Int, Int), _ message: String) {
        guard failure == nil else { return }
        failure = .malformed(file: file, line: at.0, column: at.1, message: message)
        parser.abortParsing()
    }

    private func isGraphML(_ namespaceURI: String?) -> Bool {
        namespaceURI == nil || namespaceURI == "" || namespaceURI == GraphML.namespace
    }

    // A DTD can do nothing a network file needs. XMLText.checkSafe refuses every declaration before
    // parsing; if one ever got past it, the parser is stopped at once.
    private func refuseDeclaration(_ parser: XMLParser, _ what: String) {
        fail(parser, place(parser), "refused: the document declares \(what); DTD declarations are not allowed in GraphML input")
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        refuseDeclaration(parser, "the entity \(FieldText.quoted(name))")
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        refuseDeclaration(parser, "the external entity \(FieldText.quoted(name))")
    }

    func parser(
        _ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String, publicID: String?, systemID: String?,
        notationName: String?
    ) {
        refuseDeclaration(parser, "the unparsed entity \(FieldText.quoted(name))")
    }

    func parser(
        _ parser: XMLParser, foundAttributeDeclarationWithName attributeName: String, forElement elementName: String, type: String?,
        defaultValue: String?
    ) {
        refuseDeclaration(parser, "a default for attribute \(FieldText.quoted(attributeName)) of <\(elementName)>")
    }

    func parser(_ parser: XMLParser, foundElementDeclarationWithName elementName: String, model: String) {
        refuseDeclaration(parser, "the element <\(elementName)>")
    }

    func parser(_ parser: XMLParser, foundNotationDeclarationWithName name: String, publicID: String?, systemID: String?) {
        refuseDeclaration(parser, "the notation \(FieldText.quoted(name))")
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if self.parseError == nil, failure == nil { self.parseError = describe(parseError, parser) }
        // Foundation runs libxml2 in recovery mode; stop at the first error rather than read on.
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard failure == nil else { return }
        depth += 1
        let here = place(parser)
        if depth > GraphML.maximumDepth {
            fail(parser, here, "elements are nested deeper than \(GraphML.maximumDepth) levels")
            return
        }
        if !sawRoot {
            sawRoot = true
            if name != "graphml" {
                fail(parser, here, "not GraphML: the root element is <\(qualifiedName ?? name)>, expected <graphml>")
            }
            return
        }
        if skipDepth != nil { return }
        if data != nil {
            data!.hasChildren = true
            // yEd's <y:NodeLabel>, yFiles for HTML's <y:Label.Text>: the first is the node's label.
            if name == "NodeLabel" || name == "Label.Text", data!.nodeLabel == nil {
                data!.inNodeLabel = true
                data!.nodeLabel = ""
            }
            return
        }
        guard isGraphML(namespaceURI) else { return }
        switch name {
        case "key":
            guard let id = attributes["id"] else {
                fail(parser, here, "<key> without an id")
                return
            }
            if keys[id] != nil {
                fail(parser, here, "key id \(FieldText.quoted(id)) is declared twice")
                return
            }
            var type: AttributeType?
            if let t = attributes["attr.type"] {
                switch t {
                case "string": type = .string
                case "int", "long": type = .int
                case "float", "double": type = .double
                case "boolean": type = .bool
                default:
                    fail(
                        parser, here,
                        "key \(FieldText.quoted(id)): unknown attr.type \(FieldText.quoted(t)); expected one of: string, int, long, float, double, boolean"
                    )
                    return
                }
            }
            keys[id] = Key(
                id: id, domain: attributes["for"] ?? "all", name: attributes["attr.name"] ?? id, type: type,
                graphics: attributes["yfiles.type"] != nil, defaultText: nil, desc: nil, place: here)
            currentKey = id
        case "default":
            if currentKey != nil {
                inDefault = true
                defaultText = ""
            }
        case "desc":
            if currentKey != nil {
                inDesc = true
                descText = ""
            }
        case "graph":
            graphCount += 1
            if owners.isEmpty {
                topGraphs += 1
                graphPlace = here
            } else {
                nestedGraphs += 1
            }
            if attributes["edgedefault"] == "undirected" { undirectedGraphDepths.append(depth) }
            // Only the top-level graph's data describe the network.
            owners.append((owners.isEmpty ? .graph : .skipped, depth))
        case "node":
            guard let id = attributes["id"] else {
                fail(parser, here, "<node> without an id")
                return
            }
            nodes.append(NodeBuilder(id: id, place: here))
            owners.append((.node(nodes.count - 1), depth))
        case "edge":
            guard let source = attributes["source"], let target = attributes["target"] else {
                fail(parser, here, "<edge> needs both source and target")
                return
            }
            let directed = attributes["directed"]
            if directed == "false" || (directed == nil && !undirectedGraphDepths.isEmpty) { undirectedEdges += 1 }
            edges.append(EdgeBuilder(source: source, target: target, id: attributes["id"], place: here))
            owners.append((.edge(edges.count - 1), depth))
        case "data":
            guard let key = attributes["key"] else {
                fail(parser, here, "<data> without a key")
                return
            }
            data = DataElement(key: key, owner: owners.last?.owner ?? .skipped, depth: depth, place: here)
        case "hyperedge":
            skippedHyperedges += 1
            skipDepth = depth
        case "port":
            skippedPorts += 1
            skipDepth = depth
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text(string)
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        text(String(decoding: block, as: UTF8.self))
    }

    private func text(_ string: String) {
        guard failure == nil else { return }
        if inDesc {
            descText += string
        } else if inDefault {
            defaultText += string
        } else if data != nil {
            // Appended in place: copying the element out would copy its text for every chunk.
            if data!.inNodeLabel {
                data!.nodeLabel! += string
            } else if depth == data!.depth {
                data!.text += string
            }
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        defer { depth -= 1 }
        if depth == 1 { rootClosed = true }
        if let s = skipDepth {
            if depth == s { skipDepth = nil }
            return
        }
        if let d = data {
            if depth > d.depth {
                if name == "NodeLabel" || name == "Label.Text", d.inNodeLabel { data!.inNodeLabel = false }
                return
            }
            data = nil
            finish(d, parser)
            return
        }
        guard isGraphML(namespaceURI) else { return }
        switch name {
        case "default" where inDefault:
            inDefault = false
            if let id = currentKey {
                if keys[id]?.defaultText == nil {
                    keysWithDefaults.append(id)
                    keysWithDefaultsSorted = false
                }
                keys[id]?.defaultText = defaultText
            }
        case "desc" where inDesc:
            inDesc = false
            if let id = currentKey { keys[id]?.desc = descText }
        case "key":
            // A name that is not an NMTOKEN was written as one, with the exact name as <desc>.
            if let id = currentKey, let key = keys[id], let desc = key.desc, desc != key.name, GraphML.nmToken(desc) == key.name {
                keys[id]?.name = desc
            }
            currentKey = nil
        case "graph", "node", "edge":
            guard let last = owners.last, last.depth == depth else { return }
            owners.removeLast()
            if name == "graph", undirectedGraphDepths.last == depth { undirectedGraphDepths.removeLast() }
            switch last.owner {
            case let .node(i): applyDefaults(to: .node(i), domain: "node", parser)
            case let .edge(i): applyDefaults(to: .edge(i), domain: "edge", parser)
            default: break
            }
        default:
            break
        }
    }

}

/// Names in the order first seen, each once: for warnings that list what was left out.
///
/// - Complexity: `insert` is O(1) on average.
struct NameList {
    private(set) var names: [String] = []
    private var seen = Set<String>()

    var isEmpty: Bool { names.isEmpty }

    mutating func insert(_ name: String) {
        if seen.insert(name).inserted { names.append(name) }
    }
}
