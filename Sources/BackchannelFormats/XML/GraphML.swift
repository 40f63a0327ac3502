import BackchannelModel
import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Networks as GraphML, the XML graph format yEd, Gephi, Cytoscape, igraph and NetworkX read and write.
///
/// ## What maps to what
/// One `<graph edgedefault="directed">`; one `<node id>` per node and one `<edge source target>` per
/// edge, in the network's order. Every field is a `<data>` value of a typed `<key>`:
///
/// | owner | `attr.name` (`attr.type`) |
/// |---|---|
/// | graph | `name`, `title`, `description`, `sources` (string) |
/// | node | `label`, `kind`, `track`, `description`, `designations`, `sources` (string); `start`, `end` (int) |
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
/// ## Reading other tools' GraphML
/// Nodes without a `kind` are participants and edges without a `relation` are `partners_with` (a
/// warning counts them); `year` data stands for `start` and `end`; data under undeclared or unknown
/// keys become attributes (string unless the key's `attr.type` says otherwise); `<default>` values
/// apply; yEd's graphics are skipped but a yEd node label is used when there is no `label` data; an
/// edge `id` is kept as the edge key when there is no `key` data. An undirected graph
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
    static let nodeFields = ["label", "kind", "track", "start", "end", "year", "description", "designations", "sources"]
    static let edgeFields = ["key", "relation", "support", "weight", "start", "end", "year", "description", "sources"]
    static let graphFields = ["name", "title", "description", "sources"]
    /// Elements nested deeper than this are refused (a valid file needs fewer than 20).
    static let maximumDepth = 256

    // MARK: Writing

    /// Writes a network as a GraphML document.
    ///
    /// - Returns: the document (UTF-8 text, two-space indented, newline-terminated; the same network
    ///   always gives the same text) and warnings for anything GraphML cannot hold.
    /// - Complexity: O(n + m + a) for n nodes, m edges and a attribute values (plus sorting the
    ///   distinct attribute names).
    public static func write(_ network: Network) -> (text: String, warnings: [String]) {
        var warnings: [String] = []
        func content(_ s: String, _ what: @autoclosure () -> String) -> String { XMLText.content(s, what(), warnings: &warnings) }
        func attribute(_ s: String, _ what: @autoclosure () -> String) -> String { XMLText.attribute(s, what(), warnings: &warnings) }
        func intType(_ values: [Int]) -> String {
            values.allSatisfy { Int(Int32.min)...Int(Int32.max) ~= $0 } ? "int" : "long"
        }
        func attrType(_ slot: AttributeSlot, _ maps: [[String: AttributeValue]]) -> String {
            switch slot.type {
            case .string: return "string"
            case .double: return "double"
            case .bool: return "boolean"
            case .int:
                return intType(maps.compactMap { if case let .int(i)? = $0[slot.name] { i } else { nil } })
            }
        }
        func keyName(_ name: String, reserved: [String]) -> String {
            reserved.contains(name) || name.hasPrefix("attr.") ? "attr." + name : name
        }

        var keys = ""
        var nextKey = 0
        func declare(_ domain: String, _ name: String, _ type: String) -> String {
            let id = "d\(nextKey)"
            nextKey += 1
            keys += "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(attribute(name, "attribute name \(FieldText.quoted(name))"))\" attr.type=\"\(type)\"/>\n"
            return id
        }
        var graphKey: [String: String] = [:]
        for field in graphFields { graphKey[field] = declare("graph", field, "string") }
        var nodeKey: [String: String] = [:]
        let nodeYears = network.nodes.flatMap { [$0.years.start, $0.years.end].compactMap { $0 } }
        for field in nodeFields where field != "year" {
            nodeKey[field] = declare("node", field, field == "start" || field == "end" ? intType(nodeYears) : "string")
        }
        let nodeSlots = AttributeSlot.all(network.nodes.map(\.attributes))
        let nodeSlotKeys = nodeSlots.map { declare("node", keyName($0.name, reserved: nodeFields), attrType($0, network.nodes.map(\.attributes))) }
        var edgeKey: [String: String] = [:]
        let edgeYears = network.edges.flatMap { [$0.years.start, $0.years.end].compactMap { $0 } }
        for field in edgeFields where field != "year" {
            let type = switch field {
            case "weight": "double"
            case "start", "end": intType(edgeYears)
            default: "string"
            }
            edgeKey[field] = declare("edge", field, type)
        }
        let edgeSlots = AttributeSlot.all(network.edges.map(\.attributes))
        let edgeSlotKeys = edgeSlots.map { declare("edge", keyName($0.name, reserved: edgeFields), attrType($0, network.edges.map(\.attributes))) }

        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="\(namespace)" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="\(namespace) http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

        """
        out += keys
        out += "  <graph id=\"G\" edgedefault=\"directed\">\n"
        func data(_ indent: String, _ key: String?, _ text: String) {
            out += "\(indent)<data key=\"\(key!)\">\(text)</data>\n"
        }
        data("    ", graphKey["name"], content(network.name, "the network's name"))
        if let title = network.title { data("    ", graphKey["title"], content(title, "the network's title")) }
        if let d = network.description { data("    ", graphKey["description"], content(d, "the network's description")) }
        if !network.sources.isEmpty {
            let sources = FieldText.sources(network.sources)
            warnings += sources.warnings
            data("    ", graphKey["sources"], content(sources.text, "the network's sources"))
        }

        for node in network.nodes {
            let owner = "node \(FieldText.quoted(node.id))"
            out += "    <node id=\"\(attribute(node.id, owner + " id"))\">\n"
            data("      ", nodeKey["label"], content(node.label, owner + " label"))
            data("      ", nodeKey["kind"], node.kind.rawValue)
            if let t = node.track { data("      ", nodeKey["track"], content(t.rawValue, "")) }
            if let s = node.years.start { data("      ", nodeKey["start"], String(s)) }
            if let e = node.years.end { data("      ", nodeKey["end"], String(e)) }
            if let d = node.description { data("      ", nodeKey["description"], content(d, owner + " description")) }
            if !node.designations.isEmpty {
                let designations = FieldText.designations(node.designations, owner: owner)
                warnings += designations.warnings
                data("      ", nodeKey["designations"], content(designations.text, owner + " designations"))
            }
            if !node.sources.isEmpty { data("      ", nodeKey["sources"], content(FieldText.list(node.sources), owner + " sources")) }
            for (slot, key) in zip(nodeSlots, nodeSlotKeys) {
                guard let value = node.attributes[slot.name], AttributeType(value) == slot.type else { continue }
                data("      ", key, content(value.exactText, "\(owner) attribute \(FieldText.quoted(slot.name))"))
            }
            out += "    </node>\n"
        }
        for (i, edge) in network.edges.enumerated() {
            let owner = "edge \(i) (\(FieldText.quoted(edge.source)) → \(FieldText.quoted(edge.target)))"
            out += "    <edge source=\"\(attribute(edge.source, owner + " source"))\" target=\"\(attribute(edge.target, owner + " target"))\">\n"
            if let k = edge.key { data("      ", edgeKey["key"], content(k, owner + " key")) }
            data("      ", edgeKey["relation"], edge.relation.rawValue)
            if let s = edge.support { data("      ", edgeKey["support"], s.rawValue) }
            data("      ", edgeKey["weight"], edge.weight.description)
            if let s = edge.years.start { data("      ", edgeKey["start"], String(s)) }
            if let e = edge.years.end { data("      ", edgeKey["end"], String(e)) }
            if let d = edge.description { data("      ", edgeKey["description"], content(d, owner + " description")) }
            if !edge.sources.isEmpty { data("      ", edgeKey["sources"], content(FieldText.list(edge.sources), owner + " sources")) }
            for (slot, key) in zip(edgeSlots, edgeSlotKeys) {
                guard let value = edge.attributes[slot.name], AttributeType(value) == slot.type else { continue }
                data("      ", key, content(value.exactText, "\(owner) attribute \(FieldText.quoted(slot.name))"))
            }
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return (out, warnings)
    }

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
        let input = try InputBytes(bytes, file: file)
        try XMLText.checkSafe(input, format: "GraphML")
        // Fed as a stream, in chunks: given all at once, libxml2 stops at its 10 MB look-up limit
        // ("libxml2 error 1") on large files.
        let parser = XMLParser(stream: InputStream(data: Data(bytes)))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        let handler = GraphMLHandler(file: file)
        parser.delegate = handler
        _ = parser.parse()
        if let failure = handler.failure { throw failure }
        if let error = handler.parseError ?? parser.parserError.map({ handler.describe($0, parser) }) { throw error }
        guard handler.sawRoot else {
            throw .malformed(file: file, line: 1, column: 1, message: "not GraphML: the document has no elements")
        }
        guard handler.rootClosed else {
            let end = input.position(bytes.count)
            throw .malformed(file: file, line: end.line, column: end.column, message: "not well-formed XML: the document ends before </graphml> (is the file truncated?)")
        }
        return try handler.network()
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

/// Builds a network from XMLParser events.
private final class GraphMLHandler: NSObject, XMLParserDelegate {
    struct Key {
        var id: String
        var domain: String
        var name: String
        /// nil for a key without `attr.type` (read as strings).
        var type: AttributeType?
        var graphics: Bool
        var defaultText: String?
        var place: (Int, Int)
    }

    struct NodeBuilder {
        var id: String
        var place: (Int, Int)
        var label: String?
        var yedLabel: String?
        var kind: NodeKind?
        var track: Track?
        var start: Int?
        var end: Int?
        var description: String?
        var designations: [Designation] = []
        var sources: [String] = []
        var attributes: [String: AttributeValue] = [:]
        var places: [String: (Int, Int)] = [:]
        var seen = Set<String>()
    }

    struct EdgeBuilder {
        var source: String
        var target: String
        var id: String?
        var place: (Int, Int)
        var key: String?
        var relation: Relation?
        var support: SupportType?
        var weight: Double = 1
        var start: Int?
        var end: Int?
        var description: String?
        var sources: [String] = []
        var attributes: [String: AttributeValue] = [:]
        var places: [String: (Int, Int)] = [:]
        var seen = Set<String>()
    }

    enum Owner { case graph, node(Int), edge(Int), skipped }

    struct DataElement {
        var key: String
        var owner: Owner
        var depth: Int
        var place: (Int, Int)
        var text = ""
        var hasChildren = false
        var nodeLabel: String?
        var inNodeLabel = false
    }

    let file: String
    var failure: FormatError?
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
    var data: DataElement?
    var skippedHyperedges = 0
    var skippedPorts = 0
    var nestedGraphs = 0
    var graphicsSkipped = false
    var unknownKeys: [String] = []
    var graphDataLeftOut: [String] = []
    /// Keys of data outside the top-level graph, its nodes and edges (on `<graphml>`, nested graphs).
    var dataLeftOut: [String] = []
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

    /// libxml2's error numbers (which Foundation's XMLParser passes on), in words.
    static let xmlErrors: [Int: String] = [
        1: "the XML parser failed internally",
        2: "the XML parser ran out of memory",
        3: "the document does not start with '<'",
        4: "the document is empty",
        6: "an invalid hexadecimal character reference", 7: "an invalid decimal character reference",
        8: "an invalid character reference", 9: "a character XML does not allow",
        10: "a character reference at the end of the document", 11: "a character reference before the root element",
        12: "a character reference after the root element",
        14: "an entity reference at the end of the document", 15: "an entity reference before the root element",
        16: "an entity reference after the root element",
        22: "an '&' that does not start a reference (write &amp;)",
        23: "an entity reference without its closing ';'",
        26: "an undefined entity (only &amp; &lt; &gt; &quot; &apos; and character references are allowed)",
        27: "an undefined entity (only &amp; &lt; &gt; &quot; &apos; and character references are allowed)",
        31: "an unknown encoding", 32: "an encoding the parser does not support",
        33: "a quoted value was expected", 34: "a quoted value that is never closed",
        35: "a namespace declaration that is not valid",
        38: "a '<' inside an attribute value (write &lt;)",
        39: "an attribute value was expected (name=\"value\")",
        40: "an attribute value that is never closed",
        41: "an attribute without a value",
        42: "an attribute given twice",
        45: "a comment that is never closed",
        46: "a processing instruction that does not start with a name",
        47: "a processing instruction that is never closed",
        57: "an XML declaration that is never closed",
        61: "a DOCTYPE that is never closed",
        62: "']]>' outside a CDATA section",
        63: "a CDATA section that is never closed",
        64: "a processing instruction named 'xml' somewhere other than the start",
        65: "a space was expected",
        68: "a name was expected",
        72: "'<' was expected",
        73: "'>' was expected",
        74: "'</' was expected",
        75: "'=' was expected",
        76: "an end tag that does not match its start tag",
        77: "a start tag that is never closed",
        80: "'--' inside a comment",
        81: "bytes that are not valid in the declared encoding",
        85: "elements that are not properly nested",
        86: "content after the end of the root element",
        200: "a misuse of the reserved xml namespace", 201: "a namespace prefix that is never declared",
        202: "a name with more than one ':'", 203: "an attribute given twice (with namespaces)",
        204: "an empty namespace name", 205: "a name with a misplaced ':'",
    ]

    func describe(_ error: Error, _ parser: XMLParser) -> FormatError {
        let code = (error as NSError).code
        let what: String
        if code == 5 {
            what = rootClosed ? "content after the end of the root element" : "the document ends before all its elements are closed (is the file truncated?)"
        } else {
            what = Self.xmlErrors[code] ?? "a syntax error the XML parser reports as number \(code)"
        }
        return .malformed(file: file, line: parser.lineNumber, column: parser.columnNumber, message: "not well-formed XML: \(what)")
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

    func parser(_ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String, publicID: String?, systemID: String?, notationName: String?) {
        refuseDeclaration(parser, "the unparsed entity \(FieldText.quoted(name))")
    }

    func parser(_ parser: XMLParser, foundAttributeDeclarationWithName attributeName: String, forElement elementName: String, type: String?, defaultValue: String?) {
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
            if name == "NodeLabel", data!.nodeLabel == nil {
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
                    fail(parser, here, "key \(FieldText.quoted(id)): unknown attr.type \(FieldText.quoted(t)); expected one of: string, int, long, float, double, boolean")
                    return
                }
            }
            keys[id] = Key(
                id: id, domain: attributes["for"] ?? "all", name: attributes["attr.name"] ?? id, type: type,
                graphics: attributes["yfiles.type"] != nil, defaultText: nil, place: here)
            currentKey = id
        case "default":
            if currentKey != nil {
                inDefault = true
                defaultText = ""
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
        if inDefault {
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
                if name == "NodeLabel", d.inNodeLabel { data!.inNodeLabel = false }
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
            if let id = currentKey { keys[id]?.defaultText = defaultText }
        case "key":
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

    private func applyDefaults(to owner: Owner, domain: String, _ parser: XMLParser) {
        for id in keys.keys.sorted() {
            let key = keys[id]!
            guard let text = key.defaultText, key.domain == domain || key.domain == "all" else { continue }
            let seen: Bool
            switch owner {
            case let .node(i): seen = nodes[i].seen.contains(id)
            case let .edge(i): seen = edges[i].seen.contains(id)
            default: seen = true
            }
            if !seen { assign(key, text, to: owner, at: key.place, parser) }
        }
    }

    private func finish(_ d: DataElement, _ parser: XMLParser) {
        let key: Key
        if let k = keys[d.key] {
            key = k
        } else {
            if !unknownKeys.contains(d.key) { unknownKeys.append(d.key) }
            key = Key(id: d.key, domain: "all", name: d.key, type: nil, graphics: false, defaultText: nil, place: d.place)
        }
        if key.graphics || d.hasChildren {
            graphicsSkipped = true
            if case let .node(i) = d.owner, let label = d.nodeLabel, nodes[i].yedLabel == nil {
                nodes[i].yedLabel = FieldText.trimmed(label)
            }
            return
        }
        switch d.owner {
        case let .node(i):
            if nodes[i].seen.contains(key.id) { return fail(parser, d.place, "node \(FieldText.quoted(nodes[i].id)) has two values for key \(FieldText.quoted(key.id))") }
            nodes[i].seen.insert(key.id)
        case let .edge(i):
            if edges[i].seen.contains(key.id) { return fail(parser, d.place, "edge \(FieldText.quoted(edges[i].source)) → \(FieldText.quoted(edges[i].target)) has two values for key \(FieldText.quoted(key.id))") }
            edges[i].seen.insert(key.id)
        default:
            break
        }
        assign(key, d.text, to: d.owner, at: d.place, parser)
    }

    /// Puts one data value where its key's name says.
    private func assign(_ key: Key, _ text: String, to owner: Owner, at place: (Int, Int), _ parser: XMLParser) {
        func bad(_ message: String) { fail(parser, place, "key \(FieldText.quoted(key.id)) (\(key.name)): \(message)") }
        func year() -> Int?? {
            if FieldText.trimmed(text).isEmpty { return .some(nil) }
            guard let y = FieldText.year(text) else {
                bad("\(FieldText.quoted(text)) is not a year such as 1993")
                return nil
            }
            return .some(y)
        }
        func vocabulary<E: RawRepresentable & CaseIterable>(_ what: String, _ type: E.Type) -> E?? where E.RawValue == String {
            if FieldText.trimmed(text).isEmpty { return .some(nil) }
            guard let v = FieldText.vocabulary(text, type) else {
                bad(FieldText.unknown(what, text, type))
                return nil
            }
            return .some(v)
        }
        func list() -> [String]? {
            do { return try FieldText.parseList(text) } catch {
                bad(error.message)
                return nil
            }
        }
        func attributeValue() -> AttributeValue? {
            let type = key.type ?? .string
            if type != .string, FieldText.trimmed(text).isEmpty { return nil }
            guard let v = type.value(text) else {
                bad("\(FieldText.quoted(text)) is not \(type.noun)")
                return nil
            }
            return v
        }
        let isAttribute = key.name.hasPrefix("attr.")
        let name = isAttribute ? String(key.name.dropFirst(5)) : key.name
        switch owner {
        case .skipped:
            if !dataLeftOut.contains(key.name) { dataLeftOut.append(key.name) }
        case .graph:
            if !isAttribute, GraphML.graphFields.contains(name) {
                graphSeen[name] = place
                switch name {
                case "name": graphName = text
                case "title": graphTitle = text
                case "description": graphDescription = text
                default:
                    do { graphSources = try FieldText.parseSources(text) } catch { bad(error.message) }
                }
            } else if !graphDataLeftOut.contains(key.name) {
                graphDataLeftOut.append(key.name)
            }
        case let .node(i):
            guard !isAttribute, GraphML.nodeFields.contains(name) else {
                if let v = attributeValue() { nodes[i].attributes[name] = v }
                return
            }
            nodes[i].places[name] = place
            switch name {
            case "label": nodes[i].label = text
            case "kind": if let v = vocabulary("kind", NodeKind.self) { nodes[i].kind = v }
            case "track": if let v = vocabulary("track", Track.self) { nodes[i].track = v }
            case "start": if let y = year() { nodes[i].start = y }
            case "end": if let y = year() { nodes[i].end = y }
            case "year": if let y = year() { nodes[i].start = y; nodes[i].end = y }
            case "description": nodes[i].description = text
            case "designations":
                do { nodes[i].designations = try FieldText.parseDesignations(text) } catch { bad(error.message) }
            default: if let l = list() { nodes[i].sources = l }
            }
        case let .edge(i):
            guard !isAttribute, GraphML.edgeFields.contains(name) else {
                if let v = attributeValue() { edges[i].attributes[name] = v }
                return
            }
            edges[i].places[name] = place
            switch name {
            case "key": edges[i].key = text
            case "relation": if let v = vocabulary("relation", Relation.self) { edges[i].relation = v }
            case "support": if let v = vocabulary("support type", SupportType.self) { edges[i].support = v }
            case "weight":
                guard let w = FieldText.double(text) else { return bad("weight \(FieldText.quoted(text)) is not a number") }
                edges[i].weight = w
            case "start": if let y = year() { edges[i].start = y }
            case "end": if let y = year() { edges[i].end = y }
            case "year": if let y = year() { edges[i].start = y; edges[i].end = y }
            case "description": edges[i].description = text
            default: if let l = list() { edges[i].sources = l }
            }
        }
    }

    /// The network the events described, validated.
    func network() throws(FormatError) -> (network: Network, warnings: [String]) {
        var network = Network(name: graphName ?? GraphML.networkName(fromFile: file), title: graphTitle, description: graphDescription)
        var index: [ExactID: Int] = [:]
        var origins: [(Int, Int)] = []
        var fieldPlaces: [[String: (Int, Int)]] = []
        var withoutKind = 0
        for b in nodes {
            if b.kind == nil { withoutKind += 1 }
            let node = Node(
                id: b.id, label: b.label ?? b.yedLabel, kind: b.kind ?? .participant, track: b.track,
                years: YearSpan(start: b.start, end: b.end), description: b.description, attributes: b.attributes,
                designations: b.designations, sources: b.sources)
            if index[ExactID(b.id)] == nil { index[ExactID(b.id)] = network.nodes.count }
            network.nodes.append(node)
            origins.append(b.place)
            fieldPlaces.append(b.places)
        }
        var made: [String] = []
        var withoutRelation = 0
        for b in edges {
            for id in [b.source, b.target] where index[ExactID(id)] == nil {
                index[ExactID(id)] = network.nodes.count
                network.nodes.append(Node(id: id, kind: .participant))
                origins.append(b.place)
                fieldPlaces.append([:])
                made.append(id)
            }
            if b.relation == nil { withoutRelation += 1 }
            network.edges.append(Edge(
                b.source, b.relation ?? .partnersWith, b.target, key: b.key ?? b.id, support: b.support, weight: b.weight,
                years: YearSpan(start: b.start, end: b.end), description: b.description, attributes: b.attributes,
                sources: b.sources))
        }
        if let sources = graphSources {
            network.sources = sources
        } else {
            var seen = Set<ExactID>()
            let cited = (network.nodes.flatMap { $0.sources + $0.designations.flatMap(\.sources) } + network.edges.flatMap(\.sources))
                .filter { seen.insert(ExactID($0)).inserted }
            if !cited.isEmpty {
                network.sources = cited.map { Source(id: $0, citation: $0) }
                warnings.append("no graph sources data: \(cited.count) cited source id\(cited.count == 1 ? " is" : "s are") listed with the id as citation")
            }
        }

        func plural(_ n: Int, _ one: String, _ many: String) -> String { n == 1 ? "1 \(one)" : "\(n) \(many)" }
        if undirectedEdges > 0 {
            warnings.append("the graph is undirected: \(plural(undirectedEdges, "edge was", "edges were")) read once each, directed from source to target")
        }
        if withoutKind > 0 { warnings.append("\(plural(withoutKind, "node has", "nodes have")) no kind: read as participant") }
        if withoutRelation > 0 { warnings.append("\(plural(withoutRelation, "edge has", "edges have")) no relation: read as partners_with") }
        if !made.isEmpty {
            warnings.append("\(plural(made.count, "edge end is", "edge ends are")) not a declared node; made as participants: \(Self.some(made))")
        }
        if !unknownKeys.isEmpty { warnings.append("data under undeclared keys read as string attributes named by the key: \(Self.some(unknownKeys))") }
        if !graphDataLeftOut.isEmpty { warnings.append("graph data with no place in a network left out: \(Self.some(graphDataLeftOut))") }
        if !dataLeftOut.isEmpty { warnings.append("data outside the top-level graph, its nodes and edges left out: \(Self.some(dataLeftOut))") }
        if graphicsSkipped { warnings.append("yEd graphics data (shapes, geometry, colours) left out") }
        if nestedGraphs > 0 { warnings.append("\(plural(nestedGraphs, "nested graph was", "nested graphs were")) flattened into the top-level graph") }
        if topGraphs > 1 { warnings.append("the document holds \(topGraphs) graphs; all were read into one network") }
        if skippedHyperedges > 0 { warnings.append("\(plural(skippedHyperedges, "hyperedge", "hyperedges")) left out: a network has only edges between two nodes") }
        if skippedPorts > 0 { warnings.append("\(plural(skippedPorts, "port", "ports")) left out") }

        let graphPlace = self.graphPlace
        let sourcesPlace = graphSeen["sources"]
        try ValidationLocation.check(network, file: file) { target in
            let at: (Int, Int)?
            switch target.collection {
            case .nodes:
                guard origins.indices.contains(target.index) else { return nil }
                at = target.field.flatMap { fieldPlaces[target.index][$0] } ?? origins[target.index]
            case .edges:
                guard edges.indices.contains(target.index) else { return nil }
                at = target.field.flatMap { edges[target.index].places[$0] } ?? edges[target.index].place
            case .sources:
                at = sourcesPlace ?? graphPlace
            case .graph:
                at = graphPlace
            }
            return at.map { (file, $0.0, $0.1) }
        }
        return (network, warnings)
    }

    static func some(_ items: [String]) -> String {
        let shown = items.prefix(5).map { FieldText.quoted($0) }.joined(separator: ", ")
        return items.count > 5 ? shown + " and \(items.count - 5) more" : shown
    }
}
