import BackchannelModel

extension Network {
    /// Rewrites a typed node-link document (one with a `kind` or `relation` somewhere) written by
    /// another tool so that the canonical reader accepts it, and says what was changed.
    ///
    /// What it changes, each counted in a warning:
    /// - `links` (NetworkX before 3.4) is read as `edges`; `directed: false` as directed edges in
    ///   the order written; other top-level fields and `graph` fields other than `name`, `title`,
    ///   `description` and `sources` are left out.
    /// - A node or edge field Backchannel does not define becomes an attribute of that name
    ///   (an existing attribute of the same name wins); arrays and objects as compact JSON text.
    /// - A `kind`, `track`, `relation` or `support` that is not a vocabulary word (read leniently:
    ///   `Participates in` is `participates_in`) is kept as the attribute of that name; a missing or
    ///   foreign kind is `participant`, relation `partners_with`.
    /// - A `start`, `end` or `year` that is not a whole number: a decimal whole number or a string
    ///   holding one is read as that year; an ISO year-month or date (`1993-01`, `1993-01-20`) is kept
    ///   as it is; an `end` of `"present"` is an open end; anything else (`"2009-1-05"`, `2009.5`) is
    ///   kept as an attribute of that name, the warning naming the first one's JSON path.
    /// - `label` and `description` that are not strings become attributes.
    ///
    /// - Returns: the rewritten document and its warnings, or nil when nothing needed rewriting.
    /// - Complexity: O(size of the document).
    static func lenientCanonical(_ root: JSONNode, file: String) -> (JSONNode, [String])? {
        guard case let .object(top) = root.value else { return nil }
        var changed = false
        var warnings: [String] = []
        var counts: [String: Int] = [:]
        var order: [String] = []
        var firstPath: [String: String] = [:]
        func note(_ message: String, at path: String? = nil) {
            changed = true
            if counts[message] == nil { order.append(message) }
            counts[message, default: 0] += 1
            if let path, firstPath[message] == nil { firstPath[message] = path }
        }
        func attributeValue(_ node: JSONNode) -> JSONNode? {
            switch node.value {
            case .string, .int, .double, .bool: node
            case .null: nil
            case .array, .object: JSONNode(.string(JSONWriter.compact(node.value)), line: node.line, column: node.column)
            }
        }
        /// A year from a value that is not a whole number, or nil.
        func year(_ node: JSONNode, _ owner: String, _ field: String, _ path: String) -> JSONNode? {
            switch node.value {
            case let .double(d) where d.isFinite && d == d.rounded() && abs(d) < 1e9:
                note("\(owner) \(JSONWriter.quoted(field)) values written as decimals read as whole years")
                return JSONNode(.int(Int(d)), line: node.line, column: node.column)
            case let .string(s):
                let t = FieldText.trimmed(s)
                if let y = Int(t) {
                    note("\(owner) \(JSONWriter.quoted(field)) values written as strings read as years")
                    return JSONNode(.int(y), line: node.line, column: node.column)
                }
                // "present" (as tables write an open end): no end.
                if field == "end" && t.lowercased() == "present" {
                    note("\(owner) \(JSONWriter.quoted(field)) values \"present\" read as an open end", at: path)
                    return JSONNode(.null, line: node.line, column: node.column)
                }
                // ISO year-months and dates are kept as they are (the strict reader reads them); an
                // impossible one (2021-02-30) too, so that the strict reader names it.
                if case .notADate = PartialDate.read(t) { return nil }
                return JSONNode(.string(t), line: node.line, column: node.column)
            default:
                return nil
            }
        }

        func rewrite(
            _ item: JSONNode, path: String, owner: String, fields: [String],
            vocabulary: [String: (allowed: [String], fallback: String?)], years: [String]
        ) -> JSONNode {
            guard case let .object(members) = item.value else { return item }
            var out: [(key: String, value: JSONNode)] = []
            var extra: [(key: String, value: JSONNode)] = []
            var attributes: [(key: String, value: JSONNode)] = []
            if case let .object(a)? = item["attributes"]?.value { attributes = a }
            for (key, value) in members where key != "attributes" {
                if let vocab = vocabulary[key] {
                    if case let .string(raw) = value.value {
                        if vocab.allowed.contains(raw) {
                            out.append((key, value))
                        } else if let word = vocab.allowed.first(where: { FieldText.normalizedWord($0) == FieldText.normalizedWord(raw) }) {
                            note("\(owner) \(JSONWriter.quoted(key)) values read as vocabulary words")
                            out.append((key, JSONNode(.string(word), line: value.line, column: value.column)))
                        } else {
                            note(
                                "\(owner) \(JSONWriter.quoted(key)) values not in the vocabulary kept as the attribute \(JSONWriter.quoted(key))"
                            )
                            extra.append((key, value))
                        }
                    } else {
                        note(
                            "\(owner) \(JSONWriter.quoted(key)) values that are not strings kept as the attribute \(JSONWriter.quoted(key))"
                        )
                        extra.append((key, value))
                    }
                    continue
                }
                if years.contains(key) {
                    switch value.value {
                    case .int, .null: out.append((key, value))
                    default:
                        if let y = year(value, owner, key, "\(path).\(key)") {
                            out.append((key, y))
                        } else {
                            note(
                                "\(owner) \(JSONWriter.quoted(key)) values that are not a year, year-month or ISO date kept as the attribute \(JSONWriter.quoted(key))",
                                at: "\(path).\(key)"
                            )
                            extra.append((key, value))
                        }
                    }
                    continue
                }
                if key == "label" || key == "description" {
                    if case .string = value.value {
                        out.append((key, value))
                    } else {
                        note(
                            "\(owner) \(JSONWriter.quoted(key)) values that are not strings kept as the attribute \(JSONWriter.quoted(key))"
                        )
                        extra.append((key, value))
                    }
                    continue
                }
                if fields.contains(key) {
                    out.append((key, value))
                } else {
                    note("\(owner) fields Backchannel does not define kept as attributes: \(JSONWriter.quoted(key))")
                    extra.append((key, value))
                }
            }
            for (key, fallback) in vocabulary.sorted(by: { $0.key < $1.key }) where !out.contains(where: { $0.key == key }) {
                guard let fallback = fallback.fallback else { continue }
                note("\(owner)s without a valid \(JSONWriter.quoted(key)) read as \(fallback)")
                out.append((key, JSONNode(.string(fallback), line: item.line, column: item.column)))
            }
            for (key, value) in extra where !attributes.contains(where: { $0.key == key }) {
                if let v = attributeValue(value) { attributes.append((key, v)) }
            }
            if !attributes.isEmpty {
                out.append(
                    (
                        "attributes",
                        JSONNode(
                            .object(attributes), line: item["attributes"]?.line ?? item.line,
                            column: item["attributes"]?.column ?? item.column)
                    ))
            }
            return JSONNode(.object(out), line: item.line, column: item.column)
        }

        var outTop: [(key: String, value: JSONNode)] = []
        let hasEdges = root["edges"] != nil
        for (key, value) in top {
            switch key {
            case "directed":
                if value.value == .bool(false) {
                    warnings.append("\(file): the graph is undirected; each edge is kept in the direction it is written")
                    changed = true
                }
                outTop.append((key, JSONNode(.bool(true), line: value.line, column: value.column)))
            case "multigraph":
                if case .bool = value.value { outTop.append((key, value)) } else { changed = true }
            case "graph":
                guard case let .object(g) = value.value else { outTop.append((key, value)); continue }
                let kept = g.filter { ["name", "title", "description", "sources"].contains($0.key) }
                let left = g.map(\.key).filter { !["name", "title", "description", "sources"].contains($0) }
                if !left.isEmpty {
                    changed = true
                    warnings.append("\(file): graph attributes left out: \(left.map { JSONWriter.quoted($0) }.joined(separator: ", "))")
                }
                outTop.append((key, JSONNode(.object(kept), line: value.line, column: value.column)))
            case "nodes":
                guard case let .array(items) = value.value else { outTop.append((key, value)); continue }
                let nodes = items.enumerated().map {
                    rewrite(
                        $1, path: "$.nodes[\($0)]", owner: "node",
                        fields: ["id", "label", "kind", "track", "start", "end", "description", "designations", "sources", "confidential"],
                        vocabulary: [
                            "kind": (NodeKind.allCases.map(\.rawValue), "participant"), "track": (Track.allCases.map(\.rawValue), nil),
                        ],
                        years: ["start", "end"])
                }
                outTop.append((key, JSONNode(.array(nodes), line: value.line, column: value.column)))
            case "edges", "links":
                if key == "links" {
                    if hasEdges {
                        changed = true
                        warnings.append("\(file): both \"edges\" and \"links\": \"links\" left out")
                        continue
                    }
                    changed = true
                    warnings.append("\(file): read the older NetworkX key \"links\" as the edges")
                }
                guard case let .array(items) = value.value else { outTop.append(("edges", value)); continue }
                let edges = items.enumerated().map {
                    rewrite(
                        $1, path: "$.\(key)[\($0)]", owner: "edge",
                        fields: [
                            "source", "target", "key", "relation", "support", "weight", "year", "start", "end", "description", "sources",
                        ],
                        vocabulary: [
                            "relation": (Relation.allCases.map(\.rawValue), "partners_with"),
                            "support": (SupportType.allCases.map(\.rawValue), nil),
                        ],
                        years: ["year", "start", "end"])
                }
                outTop.append(("edges", JSONNode(.array(edges), line: value.line, column: value.column)))
            default:
                changed = true
                warnings.append("\(file): top-level field left out: \(JSONWriter.quoted(key))")
            }
        }
        guard changed else { return nil }
        for message in order {
            let n = counts[message]!
            let first = firstPath[message].map { n == 1 ? ", at \($0)" : ", the first at \($0)" } ?? ""
            warnings.append("\(file): \(message) (\(n) value\(n == 1 ? "" : "s")\(first))")
        }
        return (JSONNode(.object(outTop), line: root.line, column: root.column), warnings)
    }
}
