import BackchannelModel
import Foundation

/// Applies a ``Recipe`` to tables: every rule to every row of its table, nodes merged by id.
///
/// Exact rules (documented for analysts in Datasets/README.md):
/// - Cells are trimmed. A list column (`[lists]`) is split on its separator and each item trimmed;
///   an empty cell is one empty item.
/// - A rule runs once per row, or once per item when its templates name list columns. Lists in one
///   `[parallel]` group are read item by item together; when their lengths differ in a row, the row
///   is reported once for the group and only the group's first column is read there (the others
///   are empty, so no label is given to the wrong id). A list with one item is used for every item
///   of the others; when two unrelated lists both have several items the rule leaves the row out
///   (reported), since pairing them would be a guess.
/// - A node or edge whose id (or end) comes out empty is left out and counted.
/// - Kinds, tracks, relations and sides come from a word, or a cell read through a map (exact keys
///   ignoring case and spaces, then `*` patterns, longest first), else as a vocabulary word, else the
///   default (`"*"` in the map, or `default`; an empty cell takes only `default`); every defaulted
///   value is counted, and a value with no default drops its node or edge (or, for a track or side,
///   just the track or side), counted.
/// - Dates are read by ``RecipeDates`` at the precision written (year, year-month or day); every
///   unreadable or impossible date, and every time of day dropped, is counted, naming the column and
///   the first cell.
/// - A node made again (same id, by any rule or table) keeps its first kind, label and attribute
///   values; conflicting kinds are counted. Its years are the union. Edges to ids no rule made are
///   left out, counted; with `dedupe`, an edge equal to an earlier one of its rule is counted and dropped.
///
/// Warnings are one line per kind of event, with the count and the first cell (file, line, column).
/// - Complexity: O(rows × rules × items) plus O(nodes + edges) for merging, with ids keyed by ``ExactID``.
public enum RecipeReader {
    /// A table read for a recipe.
    struct Table {
        let name: String
        let file: String
        let input: InputBytes
        let header: [String]
        let columns: [String: Int]
        let rows: [CSVRecord]

        func index(_ column: String) -> Int? { columns[CSVTokenizer.headerName(column)] }
        func line(_ row: Int) -> Int { input.position(rows[row].offset).line }
        func cell(_ row: Int, _ column: Int) -> String { FieldText.trimmed(rows[row].fields[column].text) }
        func place(_ row: Int, _ column: String) -> String { "\(file):\(line(row)), column \(FieldText.quoted(column))" }
    }

    /// Counted warnings: one line per message, in order of first occurrence.
    struct Tally {
        private var order: [String] = []
        private var entries: [String: (count: Int, first: String, examples: [String])] = [:]

        mutating func add(_ message: String, at place: String, example: String? = nil) {
            if var e = entries[message] {
                e.count += 1
                if let example, e.examples.count < 3, !e.examples.contains(example) { e.examples.append(example) }
                entries[message] = e
            } else {
                order.append(message)
                entries[message] = (1, place, example.map { [$0] } ?? [])
            }
        }

        func count(_ message: String) -> Int { entries[message]?.count ?? 0 }

        var lines: [String] {
            order.map { m in
                let e = entries[m]!
                let eg = e.examples.isEmpty ? "" : "; e.g. " + e.examples.map { FieldText.quoted($0) }.joined(separator: ", ")
                return "\(m): \(e.count) time\(e.count == 1 ? "" : "s") (first at \(e.first)\(eg))"
            }
        }
    }

    /// Reads `main` (the table `main`) and the recipe's other tables, and applies the recipe.
    ///
    /// - Returns: the network, the warnings, and every file read (to protect from being overwritten).
    /// - Throws: ``FormatError/unreadable(file:reason:)`` for a table that cannot be read;
    ///   ``FormatError/malformed(file:line:column:message:)`` for a table that is not CSV, a column
    ///   the recipe names that a table lacks (naming the table, its header line and the recipe's key),
    ///   and a network that does not validate (every problem, each at its row and rule).
    /// - Complexity: see the type.
    public static func read(main: URL, recipe: Recipe) throws(FormatError) -> (network: Network, warnings: [String], files: [URL]) {
        var tables: [String: Table] = [:]
        var files: [URL] = [main]
        tables["main"] = try load(name: "main", url: main, delimiter: recipe.delimiter)
        for t in recipe.tables {
            let url = t.file.hasPrefix("/") ? URL(fileURLWithPath: t.file) : main.deletingLastPathComponent().appendingPathComponent(t.file)
            files.append(url)
            tables[t.name] = try load(name: t.name, url: url, delimiter: t.delimiter)
        }
        var applier = Applier(recipe: recipe, tables: tables)
        try applier.checkColumns()
        applier.run()
        let network = try applier.finish(mainFile: main)
        return (network, applier.tally.lines, files)
    }

    static func load(name: String, url: URL, delimiter: CSVMapping.Delimiter) throws(FormatError) -> Table {
        let input = try InputBytes(try InputFile.bytes(url), file: url.path)
        var records = try RFC4180.records(input, delimiter: delimiter.byte)
        guard !records.isEmpty else {
            throw .malformed(file: url.path, line: 1, column: 1, message: "the table is empty; a header row is needed")
        }
        let header = records.removeFirst().fields.map { FieldText.trimmed($0.text) }
        var columns: [String: Int] = [:]
        for (i, h) in header.enumerated() where columns[CSVTokenizer.headerName(h)] == nil { columns[CSVTokenizer.headerName(h)] = i }
        return Table(name: name, file: url.path, input: input, header: header, columns: columns, rows: records)
    }
}

/// The state of one application of a recipe.
struct Applier {
    let recipe: Recipe
    let tables: [String: RecipeReader.Table]
    var tally = RecipeReader.Tally()
    var nodes: [Node] = []
    var nodeIndex: [ExactID: Int] = [:]
    /// Where each node and edge came from, for validation messages.
    var nodeOrigin: [String] = []
    var edges: [Edge] = []
    var edgeOrigin: [String] = []
    var edgeRule: [Int] = []
    var seenEdges: [Set<String>]
    /// List column (header name) → its group name.
    let group: [String: String]
    /// Group name → its columns (header names), the first the one that counts.
    let groupColumns: [String: [String]]
    let separators: [String: String]
    /// (table, row, group) reported for differing lengths.
    var reportedMismatch: Set<String> = []

    init(recipe: Recipe, tables: [String: RecipeReader.Table]) {
        self.recipe = recipe
        self.tables = tables
        var group: [String: String] = [:], groupColumns: [String: [String]] = [:], separators: [String: String] = [:]
        for (c, sep) in recipe.lists {
            let h = CSVTokenizer.headerName(c)
            separators[h] = sep
            group[h] = "list " + c
            groupColumns["list " + c] = [h]
        }
        for (name, cols) in recipe.parallel {
            let hs = cols.map(CSVTokenizer.headerName)
            for h in hs { groupColumns.removeValue(forKey: group[h]!); group[h] = name }
            groupColumns[name] = hs
        }
        self.group = group
        self.groupColumns = groupColumns
        self.separators = separators
        seenEdges = Array(repeating: [], count: recipe.edges.count)
    }

    // MARK: Columns

    static func columns(_ t: Recipe.Template?) -> [String] { t?.columns ?? [] }
    static func columns(_ f: Recipe.Field?) -> [String] {
        if case let .mapped(value, _, _)? = f { return value.columns }
        return []
    }
    static func columns(_ y: Recipe.Years?) -> [String] { [y?.start, y?.end].compactMap { $0 } }

    static func nodeColumns(_ r: Recipe.NodeRule) -> [(key: String, column: String)] {
        columns(r.id).map { ("id", $0) } + columns(r.label).map { ("label", $0) } + columns(r.kind).map { ("kind", $0) }
            + columns(r.track).map { ("track", $0) } + columns(r.years).map { ("years", $0) }
            + columns(r.description).map { ("description", $0) } + r.attributes.flatMap { a in a.value.columns.map { ("attributes", $0) } }
            + columns(r.confidential).map { ("confidential", $0) }
    }

    static func edgeColumns(_ r: Recipe.EdgeRule) -> [(key: String, column: String)] {
        columns(r.source).map { ("source", $0) } + columns(r.target).map { ("target", $0) } + columns(r.relation).map { ("relation", $0) }
            + columns(r.side).map { ("side", $0) } + columns(r.years).map { ("years", $0) } + (r.weight.map { [("weight", $0)] } ?? [])
            + columns(r.description).map { ("description", $0) } + r.attributes.flatMap { a in a.value.columns.map { ("attributes", $0) } }
    }

    /// Every column a rule names must be in its table's header.
    func checkColumns() throws(FormatError) {
        func check(_ table: String, _ location: Recipe.Location, _ cols: [(key: String, column: String)]) throws(FormatError) {
            let t = tables[table]!
            for (key, c) in cols where t.index(c) == nil {
                throw .malformed(
                    file: t.file, line: 1, column: 0,
                    message:
                        "no column \(FieldText.quoted(c)) in the header, named by \(recipe.file):\(location.line) \(location.path).\(key)"
                        + FieldText.suggestion(for: c, among: t.header) + "; the header has: \(t.header.joined(separator: ", "))")
            }
        }
        for r in recipe.nodes { try check(r.table, r.location, Self.nodeColumns(r)) }
        for r in recipe.edges { try check(r.table, r.location, Self.edgeColumns(r)) }
    }

    // MARK: Rows

    /// The items of one row for one rule: how many times it runs and each column's value each time.
    struct Items {
        var count: Int
        var value: (String, Int) -> String
    }

    /// Splits the row's list columns that `cols` name; nil (reported) when two unrelated lists both
    /// have several items.
    mutating func items(_ t: RecipeReader.Table, _ row: Int, _ cols: [String], rule: String) -> Items? {
        var lists: [String: [String]] = [:]
        var silenced: Set<String> = []
        var multi: [(group: String, count: Int)] = []
        let headers = Set(cols.map(CSVTokenizer.headerName))
        for g in Set(headers.compactMap { group[$0] }).sorted() {
            let members = groupColumns[g]!
            var lengths: [Int] = []
            for m in members {
                guard let i = t.index(m) else { continue }
                let parts = t.cell(row, i).components(separatedBy: separators[m]!).map { FieldText.trimmed($0) }
                lists[m] = parts
                lengths.append(parts.count)
            }
            if Set(lengths).count > 1 {
                let key = "\(t.name)\u{0}\(row)\u{0}\(g)"
                if !reportedMismatch.contains(key) {
                    reportedMismatch.insert(key)
                    tally.add(
                        "\(recipe.fileName) parallel.\(g): lists of different lengths in one row (\(members.joined(separator: ", "))); only \(members[0]) read there",
                        at: t.place(row, members[0]))
                }
                for m in members.dropFirst() { silenced.insert(m) }
            }
            let n = lists[members[0]]?.count ?? 1
            if n > 1 { multi.append((g, n)) }
        }
        if multi.count > 1 {
            tally.add(
                "\(recipe.fileName) \(rule): several items in both \(multi.map(\.group).joined(separator: " and ")) cannot be paired; row left out",
                at: t.place(row, groupColumns[multi[0].group]![0]))
            return nil
        }
        let count = multi.first?.count ?? 1
        return Items(count: count) { column, i in
            let h = CSVTokenizer.headerName(column)
            if let parts = lists[h] {
                if silenced.contains(h) { return "" }
                return parts.count == 1 ? parts[0] : (i < parts.count ? parts[i] : "")
            }
            guard let c = t.index(column) else { return "" }
            return t.cell(row, c)
        }
    }

    func render(_ tmpl: Recipe.Template, _ items: Items, _ i: Int) -> (text: String, empty: String?) {
        var out = "", empty: String?
        for p in tmpl.pieces {
            switch p {
            case let .literal(s): out += s
            case let .column(c):
                let v = items.value(c, i)
                if v.isEmpty, empty == nil { empty = c }
                out += v
            }
        }
        return (out, empty)
    }

    static func glob(_ pattern: String, _ text: String) -> Bool {
        let parts = pattern.components(separatedBy: "*")
        var rest = Substring(text)
        for (k, part) in parts.enumerated() {
            if k == 0 {
                guard rest.hasPrefix(part) else { return false }
                rest = rest.dropFirst(part.count)
            } else if k == parts.count - 1 {
                return part.isEmpty || rest.hasSuffix(part)
            } else if let r = rest.range(of: part) {
                rest = rest[r.upperBound...]
            } else {
                return false
            }
        }
        return rest.isEmpty
    }

    /// The word a field gives for item `i`, or nil (counted) when it gives none.
    mutating func word<E: RawRepresentable & CaseIterable>(
        _ field: Recipe.Field, _ type: E.Type?, what: String, rule: String, _ t: RecipeReader.Table, _ row: Int,
        _ items: Items, _ i: Int
    ) -> String? where E.RawValue == String {
        switch field {
        case let .constant(w): return w
        case let .mapped(value, mapName, inlineDefault):
            let text = FieldText.trimmed(render(value, items, i).text)
            let column = value.columns.first ?? what
            let map = mapName.flatMap { recipe.maps[$0] }
            if let map {
                if let v = map.exact[FieldText.normalizedWord(text)] { return v }
                let lower = text.lowercased()
                if let p = map.patterns.first(where: { Self.glob($0.pattern, lower) }) { return p.value }
            }
            if let type, let e = FieldText.vocabulary(text, type) { return e.rawValue }
            if type == nil, map == nil, !text.isEmpty { return text }
            let via = mapName.map { " not in map.\($0)" } ?? ""
            let optional = what == "track" || what == "side"
            if let fallback = text.isEmpty ? inlineDefault : map?.fallback ?? inlineDefault {
                tally.add(
                    "\(recipe.fileName) \(rule).\(what): \(text.isEmpty ? "empty cells" : "values\(via)") defaulted to \(FieldText.quoted(fallback))",
                    at: t.place(row, column), example: text.isEmpty ? nil : text)
                return fallback
            }
            tally.add(
                "\(recipe.fileName) \(rule).\(what): \(text.isEmpty ? "empty cells" : "values\(via)") with no default; \(optional ? "no \(what)" : "left out")",
                at: t.place(row, column), example: text.isEmpty ? nil : text)
            return nil
        }
    }

    mutating func years(_ y: Recipe.Years?, rule: String, _ t: RecipeReader.Table, _ row: Int, _ items: Items, _ i: Int) -> Period {
        guard let y else { return Period() }
        func read(_ column: String?, isEnd: Bool) -> (span: Period?, present: Bool) {
            guard let column else { return (nil, false) }
            let text = items.value(column, i)
            let reading =
                !isEnd && (y.month != nil || y.day != nil)
                ? RecipeDates.read(year: text, month: y.month.map { items.value($0, i) }, day: y.day.map { items.value($0, i) })
                : RecipeDates.read(text)
            let cell = !isEnd && y.month != nil ? ([column] + [y.month, y.day].compactMap { $0 }).joined(separator: "/") : column
            switch reading {
            case .empty: return (nil, false)
            case .present:
                if isEnd { return (nil, true) }
                tally.add(
                    "\(recipe.fileName) \(rule).years: \(column): \"present\" as a start; left without years", at: t.place(row, column))
                return (nil, false)
            case let .exact(s): return (s, false)
            case let .timeDropped(s):
                tally.add(
                    "\(recipe.fileName) \(rule).years: \(column): dates with a time of day read as their day (the model holds days)",
                    at: t.place(row, column), example: text)
                return (s, false)
            case let .invalid(why):
                let shown =
                    cell == column
                    ? text : ([column] + [y.month, y.day].compactMap { $0 }).map { items.value($0, i) }.joined(separator: "/")
                tally.add(
                    "\(recipe.fileName) \(rule).years: \(cell): not a valid date (\(why)); left without years",
                    at: t.place(row, column), example: shown)
                return (nil, false)
            case .unreadable:
                tally.add(
                    "\(recipe.fileName) \(rule).years: \(column): not a year, year range, year-month, ISO date or \"present\"; left without years",
                    at: t.place(row, column), example: text)
                return (nil, false)
            }
        }
        let s = read(y.start, isEnd: false)
        guard y.end != nil else { return s.span ?? Period() }
        let e = read(y.end, isEnd: true)
        let span = Period(start: s.span?.start, end: e.present ? nil : (e.span?.end ?? (y.start == nil ? nil : s.span?.end)))
        if let a = span.start, let b = span.end, b.lastDay < a.firstDay {
            tally.add("\(recipe.fileName) \(rule).years: ends before it starts; left without years", at: t.place(row, y.end!))
            return Period()
        }
        return span
    }

    mutating func attributes(_ list: [(name: String, value: Recipe.Template)], _ items: Items, _ i: Int) -> [String: AttributeValue] {
        var out: [String: AttributeValue] = [:]
        for (name, tmpl) in list {
            let r = render(tmpl, items, i)
            if r.empty != nil && tmpl.pieces.count == 1 { continue }
            if !r.text.isEmpty { out[name] = .string(r.text) }
        }
        return out
    }

    mutating func run() {
        let tableOrder = ["main"] + recipe.tables.map(\.name)
        for tableName in tableOrder {
            let t = tables[tableName]!
            let nodeRules = recipe.nodes.enumerated().filter { $0.element.table == tableName }
            let edgeRules = recipe.edges.enumerated().filter { $0.element.table == tableName }
            for row in t.rows.indices {
                for (_, rule) in nodeRules { node(rule, t, row) }
                for (k, rule) in edgeRules { edge(k, rule, t, row) }
            }
        }
    }

    func label(_ rule: String, _ name: String) -> String { name == rule ? rule : "\(rule) (\(name))" }

    mutating func node(_ rule: Recipe.NodeRule, _ t: RecipeReader.Table, _ row: Int) {
        let name = label(rule.location.path, rule.name)
        guard let items = items(t, row, Self.nodeColumns(rule).map(\.column), rule: name) else { return }
        for i in 0..<items.count {
            let id = render(rule.id, items, i)
            if let empty = id.empty {
                tally.add("\(recipe.fileName) \(name): empty \(empty); no node", at: t.place(row, empty))
                continue
            }
            guard let kindWord = word(rule.kind, NodeKind.self, what: "kind", rule: name, t, row, items, i),
                let kind = NodeKind(rawValue: kindWord)
            else { continue }
            let track = rule.track.flatMap { word($0, Track.self, what: "track", rule: name, t, row, items, i) }.flatMap(
                Track.init(rawValue:))
            let labelText = rule.label.map { render($0, items, i).text } ?? ""
            let description = rule.description.map { render($0, items, i).text }.flatMap { $0.isEmpty ? nil : $0 }
            let node = Node(
                id: id.text, label: labelText.isEmpty ? nil : labelText, kind: kind, track: track,
                years: years(rule.years, rule: name, t, row, items, i), description: description,
                attributes: attributes(rule.attributes, items, i), sources: recipe.source.map { [$0.id] } ?? [],
                confidential: confidential(rule, name, t, row, items, i))
            let key = ExactID(node.id)
            if let at = nodeIndex[key] {
                var old = nodes[at]
                if old.kind != node.kind {
                    tally.add(
                        "\(recipe.fileName) \(name): ids already made with another kind; first kind kept",
                        at: t.place(row, rule.id.columns.first ?? ""), example: node.id)
                }
                if old.label == old.id, node.label != node.id { old.label = node.label }
                if old.track == nil { old.track = node.track }
                if old.description == nil { old.description = node.description }
                // Confidential once, confidential everywhere: a node made by several rows keeps the mark.
                old.confidential = old.confidential || node.confidential
                // The union: the earliest start (by first day) and the latest end (by last day).
                old.years = Period(
                    start: [old.years.start, node.years.start].compactMap { $0 }.min(),
                    end: old.years.start != nil && old.years.end == nil || node.years.start != nil && node.years.end == nil
                        ? nil : [old.years.end, node.years.end].compactMap { $0 }.max { $0.lastDay < $1.lastDay })
                for (k, v) in node.attributes.sorted(by: { $0.key < $1.key }) where old.attributes[k] == nil { old.attributes[k] = v }
                nodes[at] = old
            } else {
                nodeIndex[key] = nodes.count
                nodes.append(node)
                nodeOrigin.append("\(t.file):\(t.line(row)) (\(recipe.fileName) \(name))")
            }
        }
    }

    /// The rule's `confidential` for item `i` of a row: a text that is no boolean counts (and is
    /// reported) as confidential, so a typo never exposes a node.
    mutating func confidential(_ rule: Recipe.NodeRule, _ name: String, _ t: RecipeReader.Table, _ row: Int, _ items: Items, _ i: Int)
        -> Bool
    {
        guard let template = rule.confidential else { return false }
        let text = FieldText.trimmed(render(template, items, i).text)
        if text.isEmpty { return false }
        if let flag = FieldText.bool(text) { return flag }
        tally.add(
            "\(recipe.fileName) \(name): confidential values that are not true or false; read as confidential",
            at: t.place(row, template.columns.first ?? ""), example: text)
        return true
    }

    mutating func edge(_ k: Int, _ rule: Recipe.EdgeRule, _ t: RecipeReader.Table, _ row: Int) {
        let name = label(rule.location.path, rule.name)
        guard let items = items(t, row, Self.edgeColumns(rule).map(\.column), rule: name) else { return }
        for i in 0..<items.count {
            let source = render(rule.source, items, i), target = render(rule.target, items, i)
            if let empty = source.empty ?? target.empty {
                tally.add("\(recipe.fileName) \(name): empty \(empty); no edge", at: t.place(row, empty))
                continue
            }
            guard let relationWord = word(rule.relation, Relation.self, what: "relation", rule: name, t, row, items, i),
                let relation = Relation(rawValue: relationWord)
            else { continue }
            var attributes = attributes(rule.attributes, items, i)
            if let side = rule.side, let s = word(side, nil as Relation.Type?, what: "side", rule: name, t, row, items, i) {
                attributes["side"] = .string(s)
            }
            var weight = 1.0
            if let w = rule.weight, let c = t.index(w) {
                let text = items.value(w, i)
                if !text.isEmpty {
                    if let d = Double(text), d.isFinite, d > 0 {
                        weight = d
                    } else {
                        tally.add(
                            "\(recipe.fileName) \(name).weight: not a positive number; weight 1", at: t.place(row, t.header[c]),
                            example: text)
                    }
                }
            }
            let description = rule.description.map { render($0, items, i).text }.flatMap { $0.isEmpty ? nil : $0 }
            let edge = Edge(
                source.text, relation, target.text, weight: weight, years: years(rule.years, rule: name, t, row, items, i),
                description: description, attributes: attributes, sources: recipe.source.map { [$0.id] } ?? [])
            if rule.dedupe {
                let key = [edge.source, edge.relation.rawValue, edge.target, edge.years.text, attributes["side"]?.text ?? ""].joined(
                    separator: "\u{0}")
                if seenEdges[k].contains(key) {
                    tally.add(
                        "\(recipe.fileName) \(name): duplicate edges dropped (dedupe)", at: t.place(row, rule.source.columns.first ?? ""))
                    continue
                }
                seenEdges[k].insert(key)
            }
            edges.append(edge)
            edgeOrigin.append("\(t.file):\(t.line(row)) (\(recipe.fileName) \(name))")
            edgeRule.append(k)
        }
    }

    mutating func finish(mainFile: URL) throws(FormatError) -> Network {
        var kept: [Edge] = [], keptOrigin: [String] = []
        for (j, e) in edges.enumerated() {
            let missing = [e.source, e.target].first { nodeIndex[ExactID($0)] == nil }
            if let missing {
                let rule = recipe.edges[edgeRule[j]]
                tally.add(
                    "\(recipe.fileName) \(label(rule.location.path, rule.name)): ends no node rule made; edge left out",
                    at: edgeOrigin[j].components(separatedBy: " (").first ?? edgeOrigin[j], example: missing)
                continue
            }
            kept.append(e)
            keptOrigin.append(edgeOrigin[j])
        }
        let name = recipe.name ?? mainFile.deletingPathExtension().lastPathComponent
        let network = Network(
            name: name, title: recipe.title, description: recipe.description,
            sources: recipe.source.map { [$0] } ?? [], nodes: nodes, edges: kept)
        let problems = network.validationProblems()
        guard !problems.isEmpty else { return network }
        let lines = problems.map { p -> String in
            if let target = ProblemTarget(path: p.path) {
                switch target.collection {
                case .nodes where nodeOrigin.indices.contains(target.index): return "\(nodeOrigin[target.index]): \(p.message)"
                case .edges where keptOrigin.indices.contains(target.index): return "\(keptOrigin[target.index]): \(p.message)"
                default: break
                }
            }
            return "\(p.path): \(p.message)"
        }
        throw .malformed(
            file: mainFile.path, line: 0, column: 0,
            message:
                "the recipe \(recipe.fileName) made a network that does not validate (\(problems.count) problem\(problems.count == 1 ? "" : "s")):\n  "
                + lines.joined(separator: "\n  "))
    }
}

extension Recipe {
    /// The recipe's file name, for messages.
    var fileName: String { URL(fileURLWithPath: file).lastPathComponent }
}
