import BackchannelModel

/// What a validation problem's JSON path points at, so a reader can say where in its file it is.
struct ProblemTarget {
    enum Collection { case nodes, edges, sources, graph }
    var collection: Collection
    var index: Int
    /// The first field after the index (`kind` in `$.nodes[3].kind`), if any.
    var field: String?

    /// Parses `$.nodes[3].kind`, `$.edges[4]`, `$.graph.sources[0].id`, `$.graph.name`.
    init?(path: String) {
        var rest = Substring(path)
        guard rest.hasPrefix("$.") else { return nil }
        rest = rest.dropFirst(2)
        if rest.hasPrefix("nodes[") {
            collection = .nodes
            rest = rest.dropFirst(6)
        } else if rest.hasPrefix("edges[") {
            collection = .edges
            rest = rest.dropFirst(6)
        } else if rest.hasPrefix("graph.sources[") {
            collection = .sources
            rest = rest.dropFirst(14)
        } else if rest.hasPrefix("graph") {
            collection = .graph
            index = 0
            field = rest.hasPrefix("graph.") ? String(rest.dropFirst(6).prefix { $0 != "." && $0 != "[" }) : nil
            return
        } else {
            return nil
        }
        let digits = rest.prefix { $0.isNumber }
        guard let i = Int(digits) else { return nil }
        index = i
        rest = rest.dropFirst(digits.count)
        guard rest.hasPrefix("]") else { return nil }
        rest = rest.dropFirst()
        if rest.hasPrefix(".") {
            field = String(rest.dropFirst().prefix { $0 != "." && $0 != "[" })
        } else {
            field = nil
        }
    }
}

enum ValidationLocation {
    /// Throws the network's first validation problem, located by `locate`, naming how many more there are.
    ///
    /// - Parameters:
    ///   - file: the file to name when `locate` cannot place a problem.
    ///   - locate: the file, line and column of a problem's target, when known.
    static func check(
        _ network: Network, file: String, locate: (ProblemTarget) -> (file: String, line: Int, column: Int)?
    ) throws(FormatError) {
        let problems = network.validationProblems()
        guard let first = problems.first else { return }
        let more = problems.count > 1 ? " (and \(problems.count - 1) more problem\(problems.count == 2 ? "" : "s"))" : ""
        let place = ProblemTarget(path: first.path).flatMap(locate)
        throw .malformed(
            file: place?.file ?? file, line: place?.line ?? 0, column: place?.column ?? 0,
            message: "\(first.path): \(first.message)\(more)")
    }
}
