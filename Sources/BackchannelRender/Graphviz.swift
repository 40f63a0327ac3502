import BackchannelFormats
import CGraphviz
import Foundation

/// Graphviz's output since the last reset; written only while ``Graphviz``'s lock is held.
nonisolated(unsafe) private var capturedText = ""

/// Receives every piece of text libcgraph and libgvc would print to stderr. A message may arrive
/// in several pieces ("Error", ": ", "syntax error in line 3 …\n").
private let captureMessage: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { text in
    if let text { capturedText += String(cString: text) }
    return 0
}

/// The result of rendering: the bytes, and what Graphviz warned about on the way.
public struct Rendering: Sendable {
    public var bytes: [UInt8]
    public var warnings: [String]
    /// Adjustments Backchannel made so the render finishes (e.g. a PNG scaled down).
    public var notes: [String]
}

/// In-process Graphviz: one `GVC_t` context per process, every call serialised.
///
/// Graphviz is not thread-safe and keeps its error state in globals, so each job takes a lock,
/// resets the error count (`agreseterrors`), captures messages (`agseterrf`) instead of letting them
/// reach stderr, and frees every handle it made (`gvFreeRenderData`, `gvFreeLayout`, `agclose`).
public final class Graphviz: @unchecked Sendable {
    /// The process's one context.
    public static let shared = Graphviz()

    private let lock = NSLock()
    private let context: OpaquePointer

    private init() {
        guard let context = gvContext() else { fatalError("Graphviz: gvContext() returned NULL (out of memory)") }
        self.context = context
        agseterrf(captureMessage)
        agseterr(AGWARN)
    }

    /// The installed Graphviz's version, e.g. "2.43.0".
    public var version: String {
        lock.withLock { gvcVersion(context).map { String(cString: $0) } ?? "unknown" }
    }

    /// Lays out `dot` with `engine` and renders it as `format`.
    public func render(dot: String, engine: LayoutEngine, format: RenderFormat) throws(RenderError) -> Rendering {
        try render(dot: dot, engine: engine, formats: [format])[0]
    }

    /// Lays out `dot` with `engine` once (`gvLayout`) and renders that one layout in every format of
    /// `formats` (`gvRender` per format), in order. A PNG of more than ``RenderFormat/pngEdgeLimit``
    /// edges is scaled (`size`, read at layout), so it gets a layout of its own.
    /// For the force-directed engines, overlap removal (`overlap=prism`) and straight edges
    /// (`splines=false`) apply unless the DOT sets them: they finish on large graphs and keep nodes apart.
    /// - Complexity: one layout (two when a scaled PNG is asked for with other formats), plus one render per format.
    public func render(dot: String, engine: LayoutEngine, formats: [RenderFormat]) throws(RenderError) -> [Rendering] {
        lock.lock()
        defer { lock.unlock() }
        var results = [Rendering?](repeating: nil, count: formats.count)
        let graph = try read(dot)
        let scalePNG = formats.contains(.png) && agnedges(graph) > Int32(RenderFormat.pngEdgeLimit)
        agclose(graph)
        var groups: [[Int]] = []
        if scalePNG {
            let png = formats.indices.filter { formats[$0] == .png }
            let rest = formats.indices.filter { formats[$0] != .png }
            groups = [rest, png].filter { !$0.isEmpty }
        } else {
            groups = [Array(formats.indices)]
        }
        for group in groups {
            let graph = try read(dot)
            defer { agclose(graph) }
            var notes: [String] = []
            if scalePNG && formats[group[0]] == .png {
                setAttribute(graph, "size", "60,60")
                notes.append(
                    "the PNG is scaled to at most 60×60 inches at 96 dpi because the network has more than \(RenderFormat.pngEdgeLimit) edges; use SVG or PDF for full detail"
                )
            }
            if engine != .dot {
                for (name, value) in [("overlap", "prism"), ("splines", "false")] where attribute(graph, name) == nil {
                    setAttribute(graph, name, value)
                }
            }
            if gvLayout(context, graph, engine.rawValue) != 0 {
                throw .layout(engine: engine, message: takeMessages().joined(separator: "; "))
            }
            defer { gvFreeLayout(context, graph) }
            let layoutWarnings = takeMessages()
            for i in group {
                var data: UnsafeMutablePointer<CChar>?
                var length: UInt32 = 0
                let status = gvRenderData(context, graph, formats[i].rawValue, &data, &length)
                defer { if let data { gvFreeRenderData(data) } }
                guard status == 0, let data else {
                    throw .render(format: formats[i], message: takeMessages().joined(separator: "; "))
                }
                let bytes = [UInt8](UnsafeRawBufferPointer(start: data, count: Int(length)))
                results[i] = Rendering(
                    bytes: bytes, warnings: (i == group[0] ? layoutWarnings : []) + takeMessages(), notes: i == group[0] ? notes : [])
            }
        }
        return results.map { $0! }
    }

    /// A graph attribute's value as the DOT set it; nil when unset or empty.
    private func attribute(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String) -> String? {
        let value = name.withCString { agget(UnsafeMutableRawPointer(graph), UnsafeMutablePointer(mutating: $0)) }
        guard let value, value.pointee != 0 else { return nil }
        return String(cString: value)
    }

    /// Parses `dot` with libcgraph (`agread`, ``SequentialIDs``) and returns what it holds, without laying it out.
    public func parse(dot: String) throws(RenderError) -> DOTGraph {
        lock.lock()
        defer { lock.unlock() }
        let graph = try read(dot)
        defer { agclose(graph) }
        _ = takeMessages()
        return describe(graph)
    }

    /// Parses every graph in `dot` (a file may hold several: `digraph G {} digraph H {}`) with
    /// libcgraph's `agread` over an in-memory stream, without laying them out.
    public func parseAll(dot bytes: [UInt8]) throws(RenderError) -> [DOTGraph] {
        lock.lock()
        defer { lock.unlock() }
        capturedText = ""
        agreseterrors()
        var buffer = bytes
        if buffer.isEmpty { throw .syntax(message: "empty input: no graph") }
        let result: Result<[DOTGraph], RenderError> = buffer.withUnsafeMutableBytes { raw in
            guard let stream = fmemopen(raw.baseAddress, raw.count, "r") else {
                return .failure(.syntax(message: "cannot open the text as a stream"))
            }
            defer { fclose(stream) }
            var graphs: [DOTGraph] = []
            agsetfile(nil)
            defer { agsetfile(nil) }
            while let graph = agread(stream, SequentialIDs.graphDiscipline) {
                graphs.append(describe(graph))
                agclose(graph)
            }
            if agreseterrors() > 0 || graphs.isEmpty {
                let messages = takeMessages()
                return .failure(
                    .syntax(
                        message: messages.isEmpty ? (graphs.isEmpty ? "no graph found" : "syntax error") : messages.joined(separator: "; "))
                )
            }
            _ = takeMessages()
            return .success(graphs)
        }
        return try result.get()
    }

    /// libcgraph's `aglexbad` (exported, not declared in its headers): flushes the DOT lexer's
    /// buffer. After a read that stops at the end of one graph, the rest of the input stays in that
    /// buffer and would be read first by the next `agread` (libcgraph resets it only after an error).
    private static let flushLexer: (@convention(c) () -> Void)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "aglexbad") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) () -> Void).self)
    }()

    /// Reads the first graph in `dot` (libcgraph's `agread` over an in-memory stream, with
    /// ``SequentialIDs``, so that subgraphs keep the DOT's order); the caller holds the lock and must
    /// `agclose` it.
    private func read(_ dot: String) throws(RenderError) -> UnsafeMutablePointer<Agraph_t> {
        capturedText = ""
        agreseterrors()
        var bytes = Array(dot.utf8)
        agsetfile(nil)
        let parsed: UnsafeMutablePointer<Agraph_t>? =
            bytes.isEmpty
            ? nil
            : bytes.withUnsafeMutableBytes { raw in
                guard let stream = fmemopen(raw.baseAddress, raw.count, "r") else { return nil }
                defer { fclose(stream) }
                return agread(stream, SequentialIDs.graphDiscipline)
            }
        // Only the first graph is read: what follows it must not reach the next read. And, as
        // `agmemread` does, the next read's messages count lines from 1.
        Self.flushLexer?()
        agsetfile(nil)
        guard let graph = parsed else {
            var messages = takeMessages()
            if messages.isEmpty, let last = aglasterr() {
                messages.append(String(cString: last))
                free(last)
            }
            throw .syntax(message: messages.joined(separator: "; "))
        }
        return graph
    }

    /// The captured messages, one per line, without Graphviz's "Error:"/"Warning:" prefix and empty file name.
    private func takeMessages() -> [String] {
        defer { capturedText = "" }
        return capturedText.split(separator: "\n").compactMap { line in
            var message = line.trimmingCharacters(in: .whitespaces)
            for prefix in ["Error:", "Warning:", "Error", "Warning"] where message.hasPrefix(prefix) {
                message = String(message.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
                break
            }
            while message.hasPrefix(":") { message = String(message.dropFirst()).trimmingCharacters(in: .whitespaces) }
            return message.isEmpty ? nil : message
        }
    }

    private func describe(_ graph: UnsafeMutablePointer<Agraph_t>) -> DOTGraph {
        func attributes(_ object: UnsafeMutableRawPointer, kind: Int32, root: UnsafeMutablePointer<Agraph_t>, keepDefaults: Bool = false)
            -> [String: String]
        {
            var result: [String: String] = [:]
            var symbol = agnxtattr(root, kind, nil)
            while let s = symbol {
                if let value = agxget(object, s), let name = s.pointee.name {
                    let v = String(cString: value)
                    let defaultValue = s.pointee.defval.map { String(cString: $0) } ?? ""
                    if v != defaultValue || (keepDefaults && !v.isEmpty) { result[String(cString: name)] = v }
                }
                symbol = agnxtattr(root, kind, s)
            }
            return result
        }
        /// The names of the attributes set on `object` whose values are HTML-like strings.
        func html(_ object: UnsafeMutableRawPointer, kind: Int32, root: UnsafeMutablePointer<Agraph_t>) -> Set<String> {
            var result = Set<String>()
            var symbol = agnxtattr(root, kind, nil)
            while let s = symbol {
                if let value = agxget(object, s), let name = s.pointee.name, value.pointee != 0, aghtmlstr(value) != 0 {
                    result.insert(String(cString: name))
                }
                symbol = agnxtattr(root, kind, s)
            }
            return result
        }
        func defaults(_ kind: Int32) -> [String: String] {
            var result: [String: String] = [:]
            var symbol = agnxtattr(graph, kind, nil)
            while let s = symbol {
                if let name = s.pointee.name, let d = s.pointee.defval, d.pointee != 0 {
                    result[String(cString: name)] = String(cString: d)
                }
                symbol = agnxtattr(graph, kind, s)
            }
            return result
        }
        var nodes: [DOTGraph.Object] = []
        var edges: [DOTGraph.Edge] = []
        var nodeSeq: [UInt64] = []
        var edgeSeq: [UInt64] = []
        var node = agfstnode(graph)
        while let n = node {
            nodeSeq.append(UInt64(n.pointee.base.tag.seq))
            nodes.append(
                .init(
                    name: String(cString: agnameof(n)),
                    attributes: attributes(UnsafeMutableRawPointer(n), kind: Int32(AGNODE), root: graph),
                    html: html(UnsafeMutableRawPointer(n), kind: Int32(AGNODE), root: graph)))
            var edge = agfstout(graph, n)
            while let e = edge {
                edgeSeq.append(UInt64(e.pointee.base.tag.seq))
                edges.append(
                    .init(
                        // An out-edge's node is its head.
                        tail: String(cString: agnameof(n)), head: String(cString: agnameof(e.pointee.node)),
                        attributes: attributes(UnsafeMutableRawPointer(e), kind: Int32(AGEDGE), root: graph),
                        html: html(UnsafeMutableRawPointer(e), kind: Int32(AGEDGE), root: graph)))
                edge = agnxtout(graph, e)
            }
            node = agnxtnode(graph, n)
        }
        // In the order the file created them (Graphviz iterates edges by tail).
        nodes = nodeSeq.indices.sorted { nodeSeq[$0] < nodeSeq[$1] }.map { nodes[$0] }
        edges = edgeSeq.indices.sorted { edgeSeq[$0] < edgeSeq[$1] }.map { edges[$0] }
        var subgraphs: [(name: String, attributes: [String: String], nodes: [String])] = []
        func walk(_ g: UnsafeMutablePointer<Agraph_t>) {
            var sub = agfstsubg(g)
            while let s = sub {
                var members: [String] = []
                var n = agfstnode(s)
                while let m = n {
                    members.append(String(cString: agnameof(m)))
                    n = agnxtnode(s, m)
                }
                subgraphs.append(
                    (String(cString: agnameof(s)), attributes(UnsafeMutableRawPointer(s), kind: Int32(AGRAPH), root: graph), members))
                walk(s)
                sub = agnxtsubg(s)
            }
        }
        walk(graph)
        var result = DOTGraph(
            name: String(cString: agnameof(graph)), directed: agisdirected(graph) != 0, strict: agisstrict(graph) != 0,
            attributes: attributes(UnsafeMutableRawPointer(graph), kind: Int32(AGRAPH), root: graph, keepDefaults: true),
            nodeDefaults: defaults(Int32(AGNODE)), edgeDefaults: defaults(Int32(AGEDGE)),
            nodes: nodes, edges: edges, subgraphs: subgraphs)
        result.html = html(UnsafeMutableRawPointer(graph), kind: Int32(AGRAPH), root: graph)
        return result
    }
}

/// Sets a graph attribute through `agsafeset`, whose `char *` parameters Graphviz only reads.
private func setAttribute(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String, _ value: String) {
    name.withCString { n in
        value.withCString { v in
            "".withCString { d in
                _ = agsafeset(
                    graph, UnsafeMutablePointer(mutating: n), UnsafeMutablePointer(mutating: v), UnsafeMutablePointer(mutating: d))
            }
        }
    }
}
