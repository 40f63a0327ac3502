/// An id compared by its exact Unicode scalars: the identity rule for node, edge-end and source ids
/// in every reader and in validation.
///
/// Swift's `String ==` treats canonically equivalent text as equal (NFC "é" and NFD "e" + U+0301),
/// but NetworkX, igraph and the bytes of a file keep them apart. Dictionaries and sets of ids are
/// keyed by this wrapper so that two ids are the same exactly when their scalars are.
///
/// - Complexity: hashing and comparing are O(length) over UTF-8 bytes.
public struct ExactID: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    public static func == (a: ExactID, b: ExactID) -> Bool {
        a.text.utf8.elementsEqual(b.text.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public var description: String { text }
}

/// The earliest and latest year a network may mention. Anything outside is a typo, not history.
public let plausibleYears = 1000...2100

extension Network {
    /// Checks the network's meaning: unique ids, edges between known nodes, support types only on
    /// `provides`, plausible and ordered years, positive weights, known source ids, and text without
    /// control characters (labels and descriptions may hold newlines and tabs). Ids are compared by
    /// their exact scalars (``ExactID``): NFC "é" and NFD "e" + U+0301 are two nodes.
    ///
    /// - Returns: every problem found, each with a JSON path such as `$.edges[4].target`; empty when valid.
    /// - Complexity: O(n + m) for n nodes and m edges.
    public func validationProblems() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func problem(_ path: String, _ message: String) { problems.append(Diagnostic(path: path, message: message)) }

        var sourceIDs: [ExactID: Int] = [:]
        for (i, source) in sources.enumerated() {
            let path = "$.graph.sources[\(i)]"
            if source.id.isEmpty { problem(path + ".id", "source id is empty") }
            if let first = sourceIDs[ExactID(source.id)] {
                problem(path + ".id", "duplicate source id \(JSONValue.quoted(source.id)) (first at $.graph.sources[\(first)])")
            } else {
                sourceIDs[ExactID(source.id)] = i
            }
            checkText(source.citation, path + ".citation", allowLineBreaks: false, &problems)
        }
        func checkSources(_ ids: [String], _ path: String) {
            for (j, id) in ids.enumerated() where sourceIDs[ExactID(id)] == nil {
                problem(
                    "\(path)[\(j)]",
                    "unknown source id \(JSONValue.quoted(id))"
                        + suggestion(for: id, among: sources.map(\.id)) + "; sources are listed in $.graph.sources")
            }
        }

        var nodeIDs: [ExactID: Int] = [:]
        nodeIDs.reserveCapacity(nodes.count)
        for (i, node) in nodes.enumerated() {
            let path = "$.nodes[\(i)]"
            if node.id.isEmpty { problem(path + ".id", "node id is empty") }
            checkText(node.id, path + ".id", allowLineBreaks: false, &problems)
            if let first = nodeIDs[ExactID(node.id)] {
                problem(path + ".id", "duplicate node id \(JSONValue.quoted(node.id)) (first defined at $.nodes[\(first)])")
            } else {
                nodeIDs[ExactID(node.id)] = i
            }
            checkText(node.label, path + ".label", allowLineBreaks: true, &problems)
            if let d = node.description { checkText(d, path + ".description", allowLineBreaks: true, &problems) }
            checkYears(node.years, path, &problems)
            for (j, designation) in node.designations.enumerated() {
                let dpath = "\(path).designations[\(j)]"
                if designation.list.isEmpty { problem(dpath + ".list", "designation names no list") }
                checkYears(
                    Period(start: designation.since, end: designation.until), dpath, &problems,
                    startName: "since", endName: "until")
                checkSources(designation.sources, dpath + ".sources")
            }
            checkSources(node.sources, path + ".sources")
        }

        for (i, edge) in edges.enumerated() {
            let path = "$.edges[\(i)]"
            for (end, id) in [("source", edge.source), ("target", edge.target)] where nodeIDs[ExactID(id)] == nil {
                problem(
                    "\(path).\(end)",
                    "edge \(end) \(JSONValue.quoted(id)) is not a node id"
                        + suggestion(for: id, among: nodes.map(\.id)))
            }
            if edge.relation == .provides && edge.support == nil {
                problem(path, "a 'provides' edge needs \"support\": one of \(SupportType.allRawValues)")
            }
            if edge.relation != .provides, let support = edge.support {
                problem(
                    path + ".support",
                    "support \(JSONValue.quoted(support.rawValue)) is only meaningful on 'provides' edges, not '\(edge.relation.rawValue)'")
            }
            if let status = edge.attributes["status"], EngagementStatus(rawValue: status.text) == nil {
                problem(
                    path + ".attributes.status", "status \(JSONValue.quoted(status.text)) is not one of \(EngagementStatus.allRawValues)")
            }
            if !edge.weight.isFinite || edge.weight <= 0 {
                problem(path + ".weight", "weight \(edge.weight) must be a positive finite number")
            }
            checkYears(edge.years, path, &problems)
            if let d = edge.description { checkText(d, path + ".description", allowLineBreaks: true, &problems) }
            checkSources(edge.sources, path + ".sources")
        }
        return problems
    }

    /// Throws ``ModelError/invalid(_:)`` listing every problem, if there are any.
    public func validate() throws(ModelError) {
        let problems = validationProblems()
        if !problems.isEmpty { throw .invalid(problems) }
    }
}

private func checkYears(
    _ years: Period, _ path: String, _ problems: inout [Diagnostic], startName: String = "start", endName: String = "end"
) {
    let single = years.start != nil && years.start == years.end && startName == "start"
    for (name, value) in [(startName, years.start), (endName, years.end)] {
        // A single year is one field ("year"): reported once, not as its start and its end.
        guard let value, !plausibleYears.contains(value.year), !(single && name == endName) else { continue }
        let field = single ? "year" : name
        problems.append(
            Diagnostic(
                path: "\(path).\(field)",
                message: "year \(value.year) is outside \(plausibleYears.lowerBound)–\(plausibleYears.upperBound)"))
    }
    // An end is before its start when its last day is: 1993-01 … 1993 holds (the year 1993 ends later).
    // Only between plausible years: an implausible one is reported above, and its order means nothing.
    if let s = years.start, let e = years.end, plausibleYears.contains(s.year), plausibleYears.contains(e.year),
        e.lastDay < s.firstDay
    {
        let what = s.precision == .year && e.precision == .year ? " year" : ""
        problems.append(
            Diagnostic(path: "\(path).\(endName)", message: "\(endName)\(what) \(e.text) is before \(startName)\(what) \(s.text)"))
    }
}

private func checkText(_ text: String, _ path: String, allowLineBreaks: Bool, _ problems: inout [Diagnostic]) {
    for scalar in text.unicodeScalars {
        let v = scalar.value
        guard v < 0x20 || v == 0x7F || (0x80..<0xA0).contains(v) else { continue }
        if allowLineBreaks && (scalar == "\n" || scalar == "\t") { continue }
        let hex = String(v, radix: 16, uppercase: true)
        let hint = scalar == "\r" ? "; use \\n alone for a line break" : ""
        problems.append(
            Diagnostic(
                path: path,
                message:
                    "control character U+\(String(repeating: "0", count: 4 - hex.count) + hex) in \(JSONValue.quoted(text.count > 40 ? String(text.prefix(40)) + "…" : text))\(hint)"
            ))
        return
    }
}
