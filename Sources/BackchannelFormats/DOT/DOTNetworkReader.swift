import BackchannelModel
import Foundation

/// Reads any DOT file as a typed network, through a ``DOTParser`` (in the CLI: Graphviz's own, libcgraph `agread`).
///
/// - Node ids are the DOT node names; labels are the `label` attribute as Graphviz would draw it
///   (`\N` is the node's name, escapes and entities decoded), or the name.
/// - Files written by Backchannel carry `bc_id`, `bc_kind`, `bc_track`, `bc_relation` and `bc_data`
///   (a canonical-JSON fragment): they read back as the very network that was written; their
///   Graphviz styling and the legend are ignored.
/// - Any other file: kinds default to `participant`, relations to `partners_with` (a warning counts
///   each); every attribute set on a node or edge, and every `node [...]`/`edge [...]` default it does
///   not override, becomes a string attribute (styling is kept); an edge's `label` stays its `label`
///   attribute; a node in a cluster gets a `cluster` attribute (the innermost cluster's label, or
///   name); an undirected graph's edges keep the direction written; the graph's `label` is the title
///   and its other attributes are left out, with a warning naming them.
/// - HTML-like labels (`label=<<B>x</B>>`, told apart by libcgraph's `aghtmlstr`, see
///   ``DOTGraph/Object/html``) stay HTML: a node's label is the text it draws
///   (``DOTText/htmlText(_:)``) and the attribute `html_label` holds the HTML written `<…>` as in
///   DOT; any other HTML-like attribute value (an edge's `label`) is likewise written `<…>`.
/// - A file with several graphs (`digraph G {} digraph H {}`) becomes one network; node ids are then
///   prefixed with the graph's name and a slash.
/// Whatever changes on the way (a default, a prefix, a character the model does not allow in text)
/// is reported in `warnings`; nothing is dropped silently.
///
/// - Complexity: O(size of the file).
/// - Reference: The DOT Language, https://graphviz.org/doc/info/lang.html
public enum DOTNetworkReader {
    /// Reads `bytes` (named `file` in messages) with `parser`.
    public static func read(_ bytes: [UInt8], file: String, parser: some DOTParser) throws(FormatError) -> (
        network: Network, warnings: [String]
    ) {
        let graphs: [DOTGraph]
        do {
            graphs = try parser.parseAll(dot: bytes)
        } catch {
            throw .malformed(
                file: file, line: error.line ?? 0, column: 0,
                message: "not valid DOT: \(error.message.isEmpty ? "syntax error" : error.message)")
        }
        var warnings: [String] = []
        if graphs.count > 1 {
            warnings.append("\(file) holds \(graphs.count) graphs; they are read as one network, node ids prefixed with each graph's name")
        }
        var nodes: [JSONNode] = [], edges: [JSONNode] = []
        // The DOT names behind each node and edge, to report problems in the file's own terms.
        var nodeNames: [String] = [], edgeNames: [(tail: String, head: String)] = []
        var graphObject: [(key: String, value: JSONNode)] = [
            ("name", JSONNode(.string(graphs.first.map { $0.name.isEmpty ? "dot" : $0.name } ?? "dot")))
        ]
        var replaced = 0
        func clean(_ text: String) -> String {
            var changed = false
            let scalars = text.unicodeScalars.map { s -> Unicode.Scalar in
                let v = s.value
                if (v < 0x20 && s != "\n" && s != "\t") || v == 0x7F || (0x80..<0xA0).contains(v) { changed = true; return "\u{FFFD}" }
                return s
            }
            if changed { replaced += 1 }
            return String(String.UnicodeScalarView(scalars))
        }
        func cleanID(_ text: String) -> String {
            clean(text).replacingOccurrences(of: "\n", with: "\u{FFFD}").replacingOccurrences(of: "\t", with: "\u{FFFD}")
        }
        func string(_ s: String) -> JSONNode { JSONNode(.string(s)) }
        func fragment(_ text: String?) -> [(key: String, value: JSONNode)] {
            guard let text, case let .object(members)? = try? JSONParser.parse(DOTText.unescapeLabel(text)).value else { return [] }
            return members
        }
        var seenIDs = Set<ExactID>()
        var defaultedKinds = 0, defaultedRelations = 0, htmlLabels = 0
        var droppedGraphAttributes = Set<String>()
        for graph in graphs {
            let prefix = graphs.count > 1 ? graph.name + "/" : ""
            let ours = graph.nodes.contains { $0.attributes["bc_id"] != nil }
            if graphs.count == 1, ours {
                let data = fragment(graph.attributes["bc_data"])
                if !data.isEmpty { graphObject = data }
            }
            if !graph.directed && !ours {
                warnings.append("\(file): graph \"\(graph.name)\" is undirected; each edge is kept in the direction it is written")
            }
            var innermostCluster: [ExactID: String] = [:]
            for sub in graph.subgraphs where sub.name.hasPrefix("cluster") {
                let label = sub.attributes["label"].map { DOTText.unescapeLabel($0, graphName: sub.name) } ?? sub.name
                for member in sub.nodes { innermostCluster[ExactID(member)] = label }
            }
            var idOf: [ExactID: String] = [:]
            for node in graph.nodes {
                // In Backchannel's own DOT, a node without bc_id is decoration (the legend).
                if ours && node.attributes["bc_id"] == nil { continue }
                let id = prefix + cleanID(node.attributes["bc_id"].map { DOTText.unescapeLabel($0) } ?? node.name)
                idOf[ExactID(node.name)] = id
                if !seenIDs.insert(ExactID(id)).inserted {
                    warnings.append("\(file): node id \"\(id)\" appears in more than one graph; later ones merge into the first"); continue
                }
                let rawLabel = node.attributes["label"] ?? graph.nodeDefaults["label"] ?? "\\N"
                let htmlLabel = !ours && node.html.contains("label")
                if !ours && node.attributes["bc_kind"] == nil { defaultedKinds += 1 }
                var members: [(key: String, value: JSONNode)] = [
                    ("id", string(id)),
                    (
                        "label",
                        string(
                            clean(
                                htmlLabel
                                    ? DOTText.htmlText(rawLabel)
                                    : DOTText.unescapeLabel(rawLabel, nodeName: node.name, graphName: graph.name)))
                    ),
                    ("kind", string(node.attributes["bc_kind"] ?? "participant")),
                ]
                if let track = node.attributes["bc_track"] { members.append(("track", string(track))) }
                if ours {
                    members += fragment(node.attributes["bc_data"])
                } else {
                    // Styling is kept: the node's own attributes, and `node [...]` defaults it does not override.
                    var values = node.attributes
                    for (k, v) in graph.nodeDefaults where values[k] == nil { values[k] = v }
                    var attributes: [(key: String, value: JSONNode)] = values.filter { $0.key != "label" }.sorted { $0.key < $1.key }.map {
                        ($0.key, string(clean(node.html.contains($0.key) ? "<" + $0.value + ">" : $0.value)))
                    }
                    if htmlLabel {
                        htmlLabels += 1
                        attributes.append(("html_label", string(clean("<" + rawLabel + ">"))))
                    }
                    if let cluster = innermostCluster[ExactID(node.name)] { attributes.append(("cluster", string(clean(cluster)))) }
                    if !attributes.isEmpty { members.append(("attributes", JSONNode(.object(attributes.sorted { $0.key < $1.key })))) }
                }
                nodes.append(JSONNode(.object(members)))
                nodeNames.append(node.name)
            }
            for edge in graph.edges {
                var members: [(key: String, value: JSONNode)] = [
                    ("source", string(idOf[ExactID(edge.tail)] ?? prefix + edge.tail)),
                    ("target", string(idOf[ExactID(edge.head)] ?? prefix + edge.head)),
                    ("relation", string(edge.attributes["bc_relation"] ?? "partners_with")),
                ]
                if ours {
                    members += fragment(edge.attributes["bc_data"])
                } else {
                    defaultedRelations += 1
                    // Edge labels stay labels (the attribute `label`, HTML-like ones written `<…>` as in DOT),
                    // and styling is kept, `edge [...]` defaults included.
                    var values = edge.attributes
                    for (k, v) in graph.edgeDefaults where values[k] == nil { values[k] = v }
                    if edge.html.contains("label") { htmlLabels += 1 }
                    let attributes = values.filter { $0.key != "key" }.sorted { $0.key < $1.key }.map {
                        (key: $0.key, value: string(clean(edge.html.contains($0.key) ? "<" + $0.value + ">" : $0.value)))
                    }
                    if !attributes.isEmpty { members.append(("attributes", JSONNode(.object(attributes)))) }
                }
                edges.append(JSONNode(.object(members)))
                edgeNames.append((edge.tail, edge.head))
            }
            if !ours && graphs.count == 1 {
                if let label = graph.attributes["label"] {
                    let title = graph.html.contains("label") ? DOTText.htmlText(label) : DOTText.unescapeLabel(label, graphName: graph.name)
                    graphObject.append(("title", string(clean(title))))
                }
            }
            if !ours {
                for (name, _) in graph.attributes where name != "label" { droppedGraphAttributes.insert(name) }
                if graphs.count > 1, graph.attributes["label"] != nil { droppedGraphAttributes.insert("label") }
            }
        }
        if defaultedKinds > 0 {
            warnings.append("\(file): \(defaultedKinds) node\(defaultedKinds == 1 ? " has" : "s have") no kind: read as participant")
        }
        if defaultedRelations > 0 {
            warnings.append(
                "\(file): \(defaultedRelations) edge\(defaultedRelations == 1 ? " has" : "s have") no relation: read as partners_with")
        }
        if htmlLabels > 0 {
            warnings.append(
                "\(file): \(htmlLabels) HTML-like label\(htmlLabels == 1 ? "" : "s") kept as HTML (nodes: the attribute html_label, with their text as the label; edges: the attribute label, written <…>)"
            )
        }
        if !droppedGraphAttributes.isEmpty {
            warnings.append(
                "\(file): graph attributes left out: \(droppedGraphAttributes.sorted().map { JSONWriter.quoted($0) }.joined(separator: ", "))"
            )
        }
        if replaced > 0 {
            warnings.append(
                "\(file): \(replaced) text value\(replaced == 1 ? "" : "s") held control characters the model does not allow; each was replaced by U+FFFD"
            )
        }
        let document = JSONNode(
            .object([
                ("directed", JSONNode(.bool(true))), ("multigraph", JSONNode(.bool(true))),
                ("graph", JSONNode(.object(graphObject))), ("nodes", JSONNode(.array(nodes))), ("edges", JSONNode(.array(edges))),
            ]))
        do {
            return (try Network(json: Array(JSONWriter.document(document.value).utf8), file: file), warnings)
        } catch {
            throw .reporting(located(error.diagnostics, nodeNames: nodeNames, edgeNames: edgeNames, bytes: bytes, file: file), file: file)
        }
    }

    /// Validation problems of the network a DOT file made, in DOT's terms: the node or edge statement
    /// by its names, on the first line that mentions it (Graphviz's parser keeps no lines, so the
    /// line is found by scanning the file's IDs: for an edge, the first line naming both ends).
    /// - Complexity: O(*b* + *p*) for *b* bytes and *p* problems.
    static func located(
        _ problems: [Diagnostic], nodeNames: [String], edgeNames: [(tail: String, head: String)], bytes: [UInt8], file: String
    ) -> [Diagnostic] {
        let lines = identifierLines(bytes)
        return problems.map { problem in
            var located = Diagnostic(file: file, path: problem.path, message: problem.message)
            guard let target = ProblemTarget(path: problem.path) else { return located }
            switch target.collection {
            case .nodes where nodeNames.indices.contains(target.index):
                let name = nodeNames[target.index]
                located.path = "node \(FieldText.quoted(name))"
                located.line = lines[name]?.first
            case .edges where edgeNames.indices.contains(target.index):
                let (tail, head) = edgeNames[target.index]
                located.path = "edge \(FieldText.quoted(tail)) -> \(FieldText.quoted(head))"
                let heads = Set(lines[head] ?? [])
                located.line = lines[tail + "\u{0}" + head]?.first ?? (lines[tail] ?? []).first { heads.contains($0) } ?? lines[tail]?.first
            case .graph, .sources:
                located.path = "graph attribute" + (target.field.map { " \(FieldText.quoted($0))" } ?? "")
            default:
                break
            }
            if let field = target.field, target.collection == .nodes || target.collection == .edges,
                !["id", "source", "target"].contains(field)
            {
                located.path += " " + (["kind", "track", "relation"].contains(field) ? "bc_\(field)" : field)
            }
            return located
        }
    }

    /// The lines (1-based, ascending, each once) on which each DOT ID appears: bare identifiers and
    /// numerals, and double-quoted strings (their text as written, escapes kept but `\"` undone);
    /// and, under `tail + "\u{0}" + head`, the lines of each `tail -> head` (or `--`) written out.
    /// Comments are skipped.
    private static func identifierLines(_ bytes: [UInt8]) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        var line = 1, i = 0
        var previous: String?, edgeOperator = false
        func record(_ text: String, _ at: Int) {
            if result[text]?.last != at { result[text, default: []].append(at) }
        }
        func add(_ token: [UInt8], _ at: Int) {
            let text = String(decoding: token, as: UTF8.self)
            record(text, at)
            if edgeOperator, let previous { record(previous + "\u{0}" + text, at) }
            previous = text
            edgeOperator = false
        }
        func isIDByte(_ b: UInt8) -> Bool {
            b == 0x5F || b == 0x2E || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A || (b == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1
                i += 1
            } else if b == 0x22 {
                let start = line
                var token: [UInt8] = []
                i += 1
                while i < bytes.count, bytes[i] != 0x22 {
                    if bytes[i] == 0x5C, i + 1 < bytes.count, bytes[i + 1] == 0x22 { token.append(0x22); i += 2; continue }
                    if bytes[i] == 0x0A { line += 1 }
                    token.append(bytes[i])
                    i += 1
                }
                i += 1
                add(token, start)
            } else if b == 0x2F, i + 1 < bytes.count, bytes[i + 1] == 0x2F || bytes[i + 1] == 0x2A {
                let block = bytes[i + 1] == 0x2A
                i += 2
                while i < bytes.count {
                    if block, bytes[i] == 0x2A, i + 1 < bytes.count, bytes[i + 1] == 0x2F { i += 2; break }
                    if bytes[i] == 0x0A { line += 1; if !block { i += 1; break } }
                    i += 1
                }
            } else if b == 0x2D, i + 1 < bytes.count, bytes[i + 1] == 0x3E || bytes[i + 1] == 0x2D {
                edgeOperator = true
                i += 2
            } else if isIDByte(b) {
                let start = i
                while i < bytes.count, isIDByte(bytes[i]) { i += 1 }
                add(Array(bytes[start..<i]), line)
            } else {
                i += 1
            }
        }
        return result
    }
}
