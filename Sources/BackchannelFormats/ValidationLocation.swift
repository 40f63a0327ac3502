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

/// Where a validation problem is in a file, in its format's terms.
struct ProblemPlace {
    var file: String
    /// 1-based; 0 when unknown.
    var line: Int
    var column: Int
    /// The format's name for the place: `column "end"` in a CSV sheet, `<node id="x">` in GraphML.
    var path: String
}

enum ValidationLocation {
    /// Throws every problem found while reading (`earlier`) and every validation problem of the
    /// network, each located by `locate` in the format's own terms; returns when there is none.
    ///
    /// JSON paths the validation messages mention (`first defined at $.nodes[0]`) are rewritten as
    /// places too, and `$.graph.sources` as `sourcesName`.
    ///
    /// - Parameters:
    ///   - file: the file to name when `locate` cannot place a problem.
    ///   - locate: the file, line, column and name of a problem's target, when known.
    /// - Throws: ``FormatError/reporting(_:file:)``: one problem as `malformed`, several as `problems`.
    /// - Complexity: O(n + m) validation, then O(p) in the number of problems.
    static func check(
        _ network: Network, file: String, earlier: [Diagnostic] = [], sourcesName: String,
        locate: (ProblemTarget) -> ProblemPlace?
    ) throws(FormatError) {
        let problems = network.validationProblems()
        guard !problems.isEmpty || !earlier.isEmpty else { return }
        func rewrite(_ message: String) -> String {
            var text = message.replacingOccurrences(of: "$.graph.sources", with: sourcesName)
            var searchFrom = text.startIndex
            while let start = text.range(of: "$.", range: searchFrom..<text.endIndex)?.lowerBound {
                let end = text[start...].firstIndex { $0 == ")" || $0 == ";" || $0 == " " || $0 == "," } ?? text.endIndex
                let reference = String(text[start..<end])
                guard let place = ProblemTarget(path: reference).flatMap(locate), place.line > 0 else {
                    searchFrom = end
                    continue
                }
                let words = "\(place.file):\(place.line)"
                text.replaceSubrange(start..<end, with: words)
                searchFrom = text.index(start, offsetBy: words.count)
            }
            return text
        }
        let located = problems.map { problem -> Diagnostic in
            guard let place = ProblemTarget(path: problem.path).flatMap(locate) else {
                return Diagnostic(file: file, path: problem.path, message: rewrite(problem.message))
            }
            return Diagnostic(
                file: place.file, line: place.line > 0 ? place.line : nil, column: place.column > 0 ? place.column : nil,
                path: place.path, message: rewrite(problem.message))
        }
        throw .reporting(earlier + located, file: file)
    }
}
