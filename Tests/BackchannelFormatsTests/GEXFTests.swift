import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What a GEXF document says, as XMLParser reads it back.
private final class GEXFCollector: NSObject, XMLParserDelegate {
    struct Item {
        var attributes: [String: String]
        /// Attribute values by column title.
        var values: [String: String] = [:]
    }

    var root: [String: String] = [:]
    var graph: [String: String] = [:]
    var columns: [String: [String: (title: String, type: String)]] = [:]
    var nodes: [Item] = []
    var edges: [Item] = []
    var metaDescription = ""
    var creator = ""
    private var currentClass = ""
    private var inNode = false
    private var text: String?
    var error: Error?

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        switch name {
        case "gexf": root = attributes
        case "graph": graph = attributes
        case "attributes": currentClass = attributes["class"] ?? ""
        case "attribute": columns[currentClass, default: [:]][attributes["id"]!] = (attributes["title"]!, attributes["type"]!)
        case "node": nodes.append(Item(attributes: attributes)); inNode = true
        case "edge": edges.append(Item(attributes: attributes)); inNode = false
        case "attvalue":
            let kind = inNode ? "node" : "edge"
            let title = columns[kind]![attributes["for"]!]!.title
            if inNode {
                nodes[nodes.count - 1].values[title] = attributes["value"]
            } else {
                edges[edges.count - 1].values[title] = attributes["value"]
            }
        case "description", "creator": text = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text? += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "description" { metaDescription = text ?? "" }
        if name == "creator" { creator = text ?? "" }
        if name == "description" || name == "creator" { text = nil }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if error == nil { error = parseError }
    }

    static func collect(_ text: String) throws -> GEXFCollector {
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldResolveExternalEntities = false
        let collector = GEXFCollector()
        parser.delegate = collector
        let ok = parser.parse()
        #expect(
            ok && collector.error == nil,
            "not well-formed: \(String(describing: collector.error ?? parser.parserError)) at \(parser.lineNumber):\(parser.columnNumber)")
        return collector
    }
}

/// Checks that the document says everything about `network` that GEXF can hold.
private func expectFaithful(_ network: Network, _ text: String) throws {
    let c = try GEXFCollector.collect(text)
    #expect(c.root["version"] == "1.3")
    #expect(c.root["xmlns"] == "http://gexf.net/1.3")
    #expect(c.graph["defaultedgetype"] == "directed")
    #expect(c.nodes.count == network.nodes.count)
    #expect(c.edges.count == network.edges.count)
    // Years alone: integer times. Any finer date: every time a day (a start its first, an end its
    // last), and a start or end known to the year or month also as written, in period_start / period_end.
    let dated = network.nodes.contains { !$0.years.isYearsOnly } || network.edges.contains { !$0.years.isYearsOnly }
    #expect(
        c.graph["timeformat"]
            == (dated ? "date" : network.nodes.allSatisfy(\.years.isEmpty) && network.edges.allSatisfy(\.years.isEmpty) ? nil : "integer"))
    func day(_ ordinal: Int) -> String {
        let d = PartialDate.civil(ordinal)
        return PartialDate(year: d.year, month: d.month, day: d.day)!.text
    }
    func expectTimes(_ item: GEXFCollector.Item, _ years: Period, _ owner: String) {
        #expect(item.attributes["start"] == years.start.map { dated ? day($0.firstDay) : String($0.year) }, "\(owner) start")
        #expect(item.attributes["end"] == years.end.map { dated ? day($0.lastDay) : String($0.year) }, "\(owner) end")
        #expect(item.values["period_start"] == years.start.flatMap { dated && $0.precision != .day ? $0.text : nil }, "\(owner)")
        #expect(item.values["period_end"] == years.end.flatMap { dated && $0.precision != .day ? $0.text : nil }, "\(owner)")
    }
    for (item, node) in zip(c.nodes, network.nodes) {
        #expect(item.attributes["id"] == node.id)
        #expect(item.attributes["label"] == node.label)
        expectTimes(item, node.years, "node \(node.id)")
        #expect(item.values["kind"] == node.kind.rawValue)
        #expect(item.values["track"] == node.track?.rawValue)
        #expect(item.values["description"] == node.description)
        for (name, value) in node.attributes {
            let title =
                ["kind", "track", "description", "designations", "sources", "id", "label", "start", "end", "period_start", "period_end"]
                    .contains(name)
                    || name.hasPrefix("attr.") ? "attr." + name : name
            #expect(item.values[title] == value.exactText, "node \(node.id) attribute \(name)")
        }
    }
    for (item, edge) in zip(c.edges, network.edges) {
        #expect(item.attributes["source"] == edge.source)
        #expect(item.attributes["target"] == edge.target)
        #expect(item.attributes["kind"] == edge.relation.rawValue)
        #expect(item.attributes["weight"].flatMap(Double.init) == edge.weight)
        expectTimes(item, edge.years, "edge \(edge.source) → \(edge.target)")
        #expect(item.values["relation"] == edge.relation.rawValue)
        #expect(item.values["support"] == edge.support?.rawValue)
        #expect(item.values["edge_key"] == edge.key)
        #expect(item.values["description"] == edge.description)
        for (name, value) in edge.attributes {
            let reserved = [
                "relation", "support", "edge_key", "description", "sources", "id", "label", "weight", "start", "end", "key", "kind",
                "source", "target", "period_start", "period_end",
            ]
            let title = reserved.contains(name) || name.hasPrefix("attr.") ? "attr." + name : name
            #expect(item.values[title] == value.exactText, "edge attribute \(name)")
        }
    }
}

extension AttributeValue {
    fileprivate var exactText: String {
        switch self {
        case let .string(s): s
        case let .int(i): String(i)
        case let .double(d): d.description
        case let .bool(b): b ? "true" : "false"
        }
    }
}

@Suite("GEXF")
struct GEXFTests {
    @Test func smallFixtureIsWellFormedTypedAndDynamic() throws {
        let (text, warnings) = GEXF.write(Fixtures.small)
        try expectFaithful(Fixtures.small, text)
        let c = try GEXFCollector.collect(text)
        #expect(c.graph["mode"] == "dynamic")
        #expect(c.graph["timeformat"] == "integer")
        #expect(c.creator == "Backchannel")
        #expect(c.metaDescription == "Small fixture")
        let edgeTypes = Dictionary(uniqueKeysWithValues: c.columns["edge"]!.values.map { ($0.title, $0.type) })
        #expect(
            edgeTypes == [
                "relation": "string", "support": "string", "edge_key": "string", "description": "string", "sources": "string",
                "count": "integer", "note": "string", "ok": "boolean", "share": "double",
            ])
        #expect(c.nodes[1].values["designations"] == "FTO list|State|1997||s1")
        #expect(c.nodes[1].values["sources"] == "s1")
        #expect(c.edges[5].attributes["weight"] == "2.5")
        #expect(
            warnings == [
                "GEXF has no place for the network's name \"small\"; it is not written",
                "GEXF has no place for the network's 1 citation (graph sources); nodes and edges keep their source ids",
            ])
        #expect(GEXF.write(Fixtures.small).text == text, "deterministic")
        #expect(
            text.contains(
                #"<edge id="5" source="ngo" target="group" label="provides" kind="provides" weight="2.5" start="1996" end="1998">"#))
    }

    @Test func bundledHistoryIsWellFormedAndFaithful() throws {
        let network = try Network.bundled()
        let (text, _) = GEXF.write(network)
        try expectFaithful(network, text)
    }

    @Test(arguments: [1, 2, 3, 7, 42] as [UInt64])
    func hostileNetworksAreWellFormedAndFaithful(seed: UInt64) throws {
        var network = TestNetworks.hostile(seed: seed)
        // GEXF writes an attribute with values of several types as strings; keep one type per name here.
        var types: [String: Int] = [:]
        for (i, node) in network.nodes.enumerated() {
            for (name, value) in node.attributes {
                let kind: Int =
                    switch value {
                    case .string: 0;
                    case .int: 1;
                    case .double: 2;
                    case .bool: 3
                    }
                if let first = types[name], first != kind { network.nodes[i].attributes[name] = nil } else { types[name] = kind }
            }
        }
        var edgeTypes: [String: Int] = [:]
        for (i, edge) in network.edges.enumerated() {
            for (name, value) in edge.attributes {
                let kind: Int =
                    switch value {
                    case .string: 0;
                    case .int: 1;
                    case .double: 2;
                    case .bool: 3
                    }
                if let first = edgeTypes[name], first != kind { network.edges[i].attributes[name] = nil } else { edgeTypes[name] = kind }
            }
        }
        let (text, warnings) = GEXF.write(network)
        #expect(!warnings.contains { $0.contains("types") })
        try expectFaithful(network, text)
    }

    @Test func staticNetworksAreStaticAndMixedTypesAreStringsWithAWarning() throws {
        let network = Network(
            nodes: [
                Node(id: "a", kind: .convener, attributes: ["x": .int(1)]),
                Node(id: "b", kind: .dialogue, attributes: ["x": .string("one"), "big": .int(1 << 40)]),
            ], edges: [Edge("a", .convenes, "b")])
        let (text, warnings) = GEXF.write(network)
        let c = try GEXFCollector.collect(text)
        #expect(c.graph["mode"] == "static")
        #expect(c.graph["timeformat"] == nil)
        let nodeTypes = Dictionary(uniqueKeysWithValues: c.columns["node"]!.values.map { ($0.title, $0.type) })
        #expect(nodeTypes["x"] == "string")
        #expect(nodeTypes["big"] == "long")
        #expect(c.nodes.map { $0.values["x"] } == ["1", "one"])
        #expect(warnings == ["node attribute \"x\" has values of 2 types; written as strings"])
    }

    @Test func charactersXMLCannotHoldAreReplacedWithAWarning() throws {
        let network = Network(nodes: [Node(id: "a", kind: .convener, attributes: ["x": .string("\u{1}\u{FFFF}")])])
        let (text, warnings) = GEXF.write(network)
        #expect(warnings == ["node \"a\" attribute \"x\": characters XML cannot hold, written as U+FFFD"])
        #expect(try GEXFCollector.collect(text).nodes[0].values["x"] == "\u{FFFD}\u{FFFD}")
    }

    @Test func megabyteLabelsAreWrittenWhole() throws {
        let network = TestNetworks.huge()
        let text = GEXF.write(network).text
        expectLinearSize(text.utf8.count, of: network, "GEXF")
        #expect(try GEXFCollector.collect(text).nodes[0].attributes["label"] == network.nodes[0].label)
    }
}
