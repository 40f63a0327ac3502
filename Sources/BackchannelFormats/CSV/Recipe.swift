import BackchannelModel
import Foundation
import TOMLKit

/// An import recipe: how to turn other people's tables (event tables, actor lists, agreement
/// sheets) into a typed network, declared in a TOML file analysts can read and write.
///
/// A recipe names the tables to read (the `convert` argument is the table `main`; more come from
/// `[[table]]`), which columns hold lists (`[lists]`, a separator each) and which lists run in
/// parallel (`[parallel]`), maps from table values to kinds, tracks, relations and sides
/// (`[map.NAME]`), and any number of `[[node]]` and `[[edge]]` rules, each applied to every row of
/// its table. Nodes from every rule and table are merged by id. ``RecipeReader`` applies it.
/// The format, key by key, with the MEND recipe as the worked example: Datasets/README.md.
///
/// - Reference: TOML v1.0.0, https://toml.io/en/v1.0.0 (parsed by toml++ through TOMLKit).
public struct Recipe: Sendable, Hashable {
    /// A place in the recipe file, for messages: the key path and, where it could be found, the line.
    public struct Location: Sendable, Hashable {
        public var path: String
        public var line: Int
    }

    /// A text with `{column}` placeholders; `{{` and `}}` are literal braces.
    public struct Template: Sendable, Hashable {
        public enum Piece: Sendable, Hashable {
            case literal(String)
            case column(String)
        }
        public var pieces: [Piece]
        public var columns: [String] { pieces.compactMap { if case let .column(c) = $0 { c } else { nil } } }
    }

    /// Where a kind, track, relation or side comes from: a fixed word, or a cell read through a map.
    public enum Field: Sendable, Hashable {
        case constant(String)
        /// `value` (a template, usually one column) read through the map named `map` (if any), else
        /// as a vocabulary word; `fallback` for the rest.
        case mapped(value: Template, map: String?, fallback: String?)
    }

    /// Values and what they stand for, matched ignoring case and surrounding spaces; a key with `*`
    /// is a pattern (`"Government of *"`); the key `"*"` is the default.
    public struct ValueMap: Sendable, Hashable {
        public var name: String
        /// Exact keys (normalised) and values.
        public var exact: [String: String]
        /// Patterns, longest first, and values.
        public var patterns: [(pattern: String, value: String)]
        public var fallback: String?

        public static func == (a: ValueMap, b: ValueMap) -> Bool {
            a.name == b.name && a.exact == b.exact && a.fallback == b.fallback
                && a.patterns.map(\.pattern) == b.patterns.map(\.pattern) && a.patterns.map(\.value) == b.patterns.map(\.value)
        }
        public func hash(into h: inout Hasher) { h.combine(name); h.combine(exact) }
    }

    /// A period: the columns holding its start and end (one column may hold a range).
    /// With `month` and `day`, the start column holds a year and those columns refine it (MEND's
    /// `Year`, `Month`, `Day`); the period is that one date unless an end column is given.
    public struct Years: Sendable, Hashable {
        public var start: String?
        public var end: String?
        public var month: String?
        public var day: String?

        public init(start: String? = nil, end: String? = nil, month: String? = nil, day: String? = nil) {
            self.start = start
            self.end = end
            self.month = month
            self.day = day
        }
    }

    /// One more table to read.
    public struct Table: Sendable, Hashable {
        public var name: String
        /// Relative to the main table's folder unless absolute.
        public var file: String
        public var delimiter: CSVMapping.Delimiter
    }

    /// One node per row (or per item of the lists its templates name).
    public struct NodeRule: Sendable, Hashable {
        public var name: String
        public var table: String
        public var id: Template
        public var label: Template?
        public var kind: Field
        public var track: Field?
        public var years: Years?
        public var description: Template?
        /// Attribute name → template.
        public var attributes: [(name: String, value: Template)]
        /// Whether the node is confidential: `true`/`false` in the recipe, or a template whose text is
        /// read as a boolean (`true`, `yes`, `1`; `false`, `no`, `0` or empty for not).
        public var confidential: Template?
        public var location: Location

        public static func == (a: NodeRule, b: NodeRule) -> Bool { a.location == b.location && a.name == b.name }
        public func hash(into h: inout Hasher) { h.combine(location) }
    }

    /// One edge per row (or per item of the lists its templates name).
    public struct EdgeRule: Sendable, Hashable {
        public var name: String
        public var table: String
        public var source: Template
        public var target: Template
        public var relation: Field
        /// The `side` attribute (UCDP's side A and side B of a dyad).
        public var side: Field?
        public var years: Years?
        public var weight: String?
        public var description: Template?
        public var attributes: [(name: String, value: Template)]
        /// Drop an edge equal to an earlier one of this rule (same ends, relation, years and side).
        public var dedupe: Bool
        public var location: Location

        public static func == (a: EdgeRule, b: EdgeRule) -> Bool { a.location == b.location && a.name == b.name }
        public func hash(into h: inout Hasher) { h.combine(location) }
    }

    public var file: String
    public var name: String?
    public var title: String?
    public var description: String?
    /// Cited by every node and edge when given.
    public var source: Source?
    public var delimiter: CSVMapping.Delimiter
    public var tables: [Table]
    /// List columns (header names as written in the recipe) and their separators.
    public var lists: [String: String]
    /// Named groups of list columns read item by item together; the first is the one that counts.
    public var parallel: [(name: String, columns: [String])]
    public var maps: [String: ValueMap]
    public var nodes: [NodeRule]
    public var edges: [EdgeRule]

    public static func == (a: Recipe, b: Recipe) -> Bool {
        a.file == b.file && a.nodes == b.nodes && a.edges == b.edges && a.lists == b.lists && a.maps == b.maps
    }
    public func hash(into h: inout Hasher) { h.combine(file); h.combine(nodes); h.combine(edges) }

    /// Reads the recipe file at `url`.
    ///
    /// - Throws: ``FormatError/unreadable(file:reason:)`` when it cannot be read, and what
    ///   ``parse(_:file:)`` throws.
    /// - Complexity: O(n) for n bytes.
    public static func read(contentsOf url: URL) throws(FormatError) -> Recipe {
        let input = try InputBytes(try InputFile.bytes(url), file: url.path)
        return try parse(input.text(input.start..<input.bytes.count), file: url.path)
    }

    /// Parses recipe text (TOML).
    ///
    /// - Throws: ``FormatError/malformed(file:line:column:message:)``: TOML syntax errors at toml++'s
    ///   line and column; unknown keys (with a suggestion), wrong types, unknown vocabulary words,
    ///   undefined maps and tables at the key's line (found by ``RecipeLocator``) and key path.
    /// - Complexity: O(n) for n characters, plus O(k × lines) to locate the k keys of an error.
    public static func parse(_ text: String, file: String) throws(FormatError) -> Recipe {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .malformed(
                file: file, line: error.source.begin.line, column: error.source.begin.column, message: "not TOML: \(error.description)")
        } catch {
            throw .malformed(file: file, line: 0, column: 0, message: "not TOML: \(error)")
        }
        var parser = RecipeParser(file: file, locator: RecipeLocator(text))
        return try parser.recipe(root)
    }
}

/// Finds the line of a key in recipe text, for messages: TOMLKit gives positions only for syntax
/// errors, so the line is found by scanning headers (`[table]`, `[[array]]`) and `key =` lines.
///
/// - Complexity: O(lines) per lookup.
struct RecipeLocator {
    let lines: [Substring]

    init(_ text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false) }

    private func header(_ line: Substring) -> String? {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("[") else { return nil }
        let inner = t.drop { $0 == "[" }.prefix { $0 != "]" }
        return inner.trimmingCharacters(in: .whitespaces)
    }

    /// The 1-based line of `key` in the `index`-th `[[section]]` (or in `[section]` when `index` is
    /// nil; the top level when `section` is empty); the section's header line when `key` is nil or
    /// not found; 0 when neither is.
    func line(section: String, index: Int? = nil, key: String? = nil) -> Int {
        var count = -1, headerLine = 0
        var inside = section.isEmpty
        for (n, raw) in lines.enumerated() {
            if let h = header(raw) {
                if h == section {
                    count += 1
                    inside = index == nil || count == index
                    if inside { headerLine = n + 1 }
                } else {
                    inside = false
                }
                continue
            }
            guard inside, let key else { continue }
            let t = raw.trimmingCharacters(in: .whitespaces)
            let bare =
                t.hasPrefix("\"")
                ? String(t.dropFirst().prefix { $0 != "\"" }) : String(t.prefix { $0 != "=" && $0 != " " && $0 != "\t" && $0 != "." })
            let rest = t.dropFirst(t.hasPrefix("\"") ? bare.count + 2 : bare.count).trimmingCharacters(in: .whitespaces)
            if bare == key, rest.hasPrefix("=") || rest.hasPrefix(".") { return n + 1 }
        }
        return headerLine
    }
}

/// Turns the TOML tree into a ``Recipe``, checking every key.
struct RecipeParser {
    let file: String
    let locator: RecipeLocator

    func fail(_ path: String, _ line: Int, _ message: String) -> FormatError {
        .malformed(file: file, line: line, column: line > 0 ? 1 : 0, message: "\(path): \(message)")
    }

    static let topKeys = ["name", "title", "description", "delimiter", "source", "table", "lists", "parallel", "map", "node", "edge"]
    static let nodeKeys = ["name", "table", "id", "label", "kind", "track", "years", "description", "attributes", "confidential"]
    static let edgeKeys = [
        "name", "table", "source", "target", "relation", "side", "years", "weight", "description", "attributes", "dedupe",
    ]
    static let fieldKeys = ["column", "value", "map", "default"]

    /// Checks that `table` has only `allowed` keys.
    func checkKeys(_ table: TOMLTable, _ allowed: [String], path: String, section: String, index: Int?) throws(FormatError) {
        for key in table.keys.sorted() where !allowed.contains(key) {
            throw fail(
                path.isEmpty ? key : "\(path).\(key)", locator.line(section: section, index: index, key: key),
                "unknown key \(FieldText.quoted(key))" + FieldText.suggestion(for: key, among: allowed)
                    + "; expected one of: \(allowed.joined(separator: ", "))")
        }
    }

    func string(_ table: TOMLTable, _ key: String, path: String, section: String, index: Int?) throws(FormatError) -> String? {
        guard let v = table[key] else { return nil }
        guard let s = v.string else {
            throw fail("\(path).\(key)", locator.line(section: section, index: index, key: key), "expected a string, found \(v.type)")
        }
        return s
    }

    func template(_ text: String, path: String, line: Int) throws(FormatError) -> Recipe.Template {
        var pieces: [Recipe.Template.Piece] = []
        var literal = ""
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{", i + 1 < chars.count, chars[i + 1] == "{" { literal.append("{"); i += 2; continue }
            if c == "}", i + 1 < chars.count, chars[i + 1] == "}" { literal.append("}"); i += 2; continue }
            if c == "{" {
                guard let close = chars[(i + 1)...].firstIndex(of: "}") else {
                    throw fail(path, line, "\(FieldText.quoted(text)): \"{\" is never closed (write {{ for a brace)")
                }
                let column = FieldText.trimmed(String(chars[(i + 1)..<close]))
                guard !column.isEmpty else { throw fail(path, line, "\(FieldText.quoted(text)): empty {} names no column") }
                if !literal.isEmpty { pieces.append(.literal(literal)); literal = "" }
                pieces.append(.column(column))
                i = close + 1
                continue
            }
            if c == "}" { throw fail(path, line, "\(FieldText.quoted(text)): \"}\" without \"{\" (write }} for a brace)") }
            literal.append(c)
            i += 1
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return Recipe.Template(pieces: pieces)
    }

    /// A kind, track, relation or side: a word, or `{ column = …, map = …, default = … }`.
    func field<E: RawRepresentable & CaseIterable>(
        _ table: TOMLTable, _ key: String, _ what: String, _ type: E.Type?, maps: [String: Recipe.ValueMap],
        path: String, section: String, index: Int?
    ) throws(FormatError) -> Recipe.Field? where E.RawValue == String {
        guard let v = table[key] else { return nil }
        let line = locator.line(section: section, index: index, key: key)
        func word(_ w: String, _ where_: String) throws(FormatError) -> String {
            if let type {
                guard let e = FieldText.vocabulary(w, type) else { throw fail(where_, line, FieldText.unknown(what, w, type)) }
                return e.rawValue
            }
            return w
        }
        if let s = v.string { return .constant(try word(s, "\(path).\(key)")) }
        guard let t = v.table else {
            throw fail("\(path).\(key)", line, "expected a \(what) or { column = \"…\", map = \"…\" }, found \(v.type)")
        }
        try checkKeys(t, Self.fieldKeys, path: "\(path).\(key)", section: section, index: index)
        let column = try string(t, "column", path: "\(path).\(key)", section: section, index: index)
        let value = try string(t, "value", path: "\(path).\(key)", section: section, index: index)
        guard (column == nil) != (value == nil) else {
            throw fail("\(path).\(key)", line, "give either column = \"…\" or value = \"{…}\"")
        }
        let tmpl: Recipe.Template
        if let column {
            tmpl = Recipe.Template(pieces: [.column(column)])
        } else {
            tmpl = try template(value!, path: "\(path).\(key).value", line: line)
        }
        let mapName = try string(t, "map", path: "\(path).\(key)", section: section, index: index)
        if let mapName {
            guard let map = maps[mapName] else {
                throw fail(
                    "\(path).\(key).map", line,
                    "no [map.\(mapName)] in this recipe" + FieldText.suggestion(for: mapName, among: maps.keys.sorted()))
            }
            for v in map.exact.values.sorted() + map.patterns.map(\.value) + (map.fallback.map { [$0] } ?? []) {
                _ = try word(v, "map.\(mapName) (used by \(path).\(key))") as String
            }
        }
        var fallback: String?
        if let d = try string(t, "default", path: "\(path).\(key)", section: section, index: index) {
            fallback = try word(d, "\(path).\(key).default")
        }
        return .mapped(value: tmpl, map: mapName, fallback: fallback)
    }

    func years(_ table: TOMLTable, path: String, section: String, index: Int?) throws(FormatError) -> Recipe.Years? {
        guard let v = table["years"] else { return nil }
        let line = locator.line(section: section, index: index, key: "years")
        if let s = v.string { return Recipe.Years(start: s, end: nil) }
        guard let t = v.table else {
            throw fail(
                "\(path).years", line,
                "expected a column name or { start = \"…\", end = \"…\", month = \"…\", day = \"…\" }, found \(v.type)")
        }
        try checkKeys(t, ["start", "end", "month", "day"], path: "\(path).years", section: section, index: index)
        let y = Recipe.Years(
            start: try string(t, "start", path: "\(path).years", section: section, index: index),
            end: try string(t, "end", path: "\(path).years", section: section, index: index),
            month: try string(t, "month", path: "\(path).years", section: section, index: index),
            day: try string(t, "day", path: "\(path).years", section: section, index: index))
        if y.start == nil, y.end == nil { throw fail("\(path).years", line, "give start, end or both") }
        if y.start == nil, y.month != nil || y.day != nil { throw fail("\(path).years", line, "month and day refine start: give start") }
        if y.day != nil, y.month == nil { throw fail("\(path).years", line, "a day column needs a month column") }
        return y
    }

    func attributes(_ table: TOMLTable, path: String, section: String, index: Int?) throws(FormatError) -> [(
        name: String, value: Recipe.Template
    )] {
        guard let v = table["attributes"] else { return [] }
        let line = locator.line(section: section, index: index, key: "attributes")
        if let a = v.array {
            var out: [(name: String, value: Recipe.Template)] = []
            for item in a {
                guard let s = item.string else { throw fail("\(path).attributes", line, "expected column names, found \(item.type)") }
                out.append((s, Recipe.Template(pieces: [.column(s)])))
            }
            return out
        }
        guard let t = v.table else {
            throw fail("\(path).attributes", line, "expected [\"column\", …] or { name = \"{column}\", … }, found \(v.type)")
        }
        var out: [(name: String, value: Recipe.Template)] = []
        for key in t.keys.sorted() {
            guard let s = t[key]?.string else { throw fail("\(path).attributes.\(key)", line, "expected a template string") }
            out.append((key, try template(s, path: "\(path).attributes.\(key)", line: line)))
        }
        return out
    }

    func delimiter(_ text: String, path: String, line: Int) throws(FormatError) -> CSVMapping.Delimiter {
        switch text.lowercased() {
        case ",", "comma": return .comma
        case ";", "semicolon": return .semicolon
        case "tab", "\\t", "\t": return .tab
        case "|", "pipe": return .pipe
        default: throw fail(path, line, "unknown delimiter \(FieldText.quoted(text)); expected one of: , ; tab |")
        }
    }

    func tables(_ root: TOMLTable, _ key: String) throws(FormatError) -> [TOMLTable] {
        guard let v = root[key] else { return [] }
        guard let a = v.array else { throw fail(key, locator.line(section: "", key: key), "expected [[\(key)]] sections, found \(v.type)") }
        var out: [TOMLTable] = []
        for (i, item) in a.enumerated() {
            guard let t = item.table else { throw fail("\(key)[\(i + 1)]", locator.line(section: key, index: i), "expected a table") }
            out.append(t)
        }
        return out
    }

    mutating func recipe(_ root: TOMLTable) throws(FormatError) -> Recipe {
        try checkKeys(root, Self.topKeys, path: "", section: "", index: nil)
        var r = Recipe(file: file, delimiter: .comma, tables: [], lists: [:], parallel: [], maps: [:], nodes: [], edges: [])
        r.name = try string(root, "name", path: "", section: "", index: nil)
        r.title = try string(root, "title", path: "", section: "", index: nil)
        r.description = try string(root, "description", path: "", section: "", index: nil)
        if let d = try string(root, "delimiter", path: "", section: "", index: nil) {
            r.delimiter = try delimiter(d, path: "delimiter", line: locator.line(section: "", key: "delimiter"))
        }
        if let v = root["source"] {
            guard let t = v.table else {
                throw fail("source", locator.line(section: "", key: "source"), "expected [source] with id and citation")
            }
            try checkKeys(t, ["id", "citation", "url"], path: "source", section: "source", index: nil)
            guard let id = try string(t, "id", path: "source", section: "source", index: nil),
                let citation = try string(t, "citation", path: "source", section: "source", index: nil)
            else {
                throw fail("source", locator.line(section: "source"), "a source needs id and citation")
            }
            r.source = Source(id: id, citation: citation, url: try string(t, "url", path: "source", section: "source", index: nil))
        }
        for (i, t) in try tables(root, "table").enumerated() {
            let path = "table[\(i + 1)]"
            try checkKeys(t, ["name", "file", "delimiter"], path: path, section: "table", index: i)
            guard let name = try string(t, "name", path: path, section: "table", index: i),
                let tableFile = try string(t, "file", path: path, section: "table", index: i)
            else {
                throw fail(path, locator.line(section: "table", index: i), "a [[table]] needs name and file")
            }
            if name == "main" || r.tables.contains(where: { $0.name == name }) {
                throw fail(
                    "\(path).name", locator.line(section: "table", index: i, key: "name"),
                    "table \(FieldText.quoted(name)) is already defined (\"main\" is the table given to convert)")
            }
            var d = r.delimiter
            if let s = try string(t, "delimiter", path: path, section: "table", index: i) {
                d = try delimiter(s, path: "\(path).delimiter", line: locator.line(section: "table", index: i, key: "delimiter"))
            }
            r.tables.append(.init(name: name, file: tableFile, delimiter: d))
        }
        if let v = root["lists"] {
            guard let t = v.table else {
                throw fail("lists", locator.line(section: "", key: "lists"), "expected [lists] of column = \"separator\"")
            }
            for key in t.keys.sorted() {
                guard let sep = t[key]?.string, !sep.isEmpty else {
                    throw fail("lists.\(key)", locator.line(section: "lists", key: key), "expected a non-empty separator string")
                }
                r.lists[key] = sep
            }
        }
        if let v = root["parallel"] {
            guard let t = v.table else {
                throw fail("parallel", locator.line(section: "", key: "parallel"), "expected [parallel] of name = [\"column\", …]")
            }
            var seen: [String: String] = [:]
            for key in t.keys.sorted() {
                let line = locator.line(section: "parallel", key: key)
                guard let a = t[key]?.array, a.count >= 2 else { throw fail("parallel.\(key)", line, "expected two or more list columns") }
                var columns: [String] = []
                for item in a {
                    guard let c = item.string else { throw fail("parallel.\(key)", line, "expected column names") }
                    guard r.lists[c] != nil else { throw fail("parallel.\(key)", line, "\(FieldText.quoted(c)) is not in [lists]") }
                    if let other = seen[c] { throw fail("parallel.\(key)", line, "\(FieldText.quoted(c)) is already in parallel.\(other)") }
                    seen[c] = key
                    columns.append(c)
                }
                r.parallel.append((key, columns))
            }
        }
        if let v = root["map"] {
            guard let t = v.table else { throw fail("map", locator.line(section: "", key: "map"), "expected [map.NAME] tables") }
            for name in t.keys.sorted() {
                let line = locator.line(section: "map.\(name)")
                guard let m = t[name]?.table else { throw fail("map.\(name)", line, "expected a table of \"value\" = \"word\"") }
                var map = Recipe.ValueMap(name: name, exact: [:], patterns: [], fallback: nil)
                for key in m.keys.sorted() {
                    guard let value = m[key]?.string else {
                        throw fail("map.\(name).\(key)", locator.line(section: "map.\(name)", key: key), "expected a string")
                    }
                    if key == "*" {
                        map.fallback = value
                    } else if key.contains("*") {
                        map.patterns.append((key.lowercased(), value))
                    } else {
                        map.exact[FieldText.normalizedWord(key)] = value
                    }
                }
                map.patterns.sort { $0.pattern.count != $1.pattern.count ? $0.pattern.count > $1.pattern.count : $0.pattern < $1.pattern }
                r.maps[name] = map
            }
        }
        let tableNames = ["main"] + r.tables.map(\.name)
        func tableName(_ t: TOMLTable, path: String, section: String, index: Int) throws(FormatError) -> String {
            let name = try string(t, "table", path: path, section: section, index: index) ?? "main"
            guard tableNames.contains(name) else {
                throw fail(
                    "\(path).table", locator.line(section: section, index: index, key: "table"),
                    "no table \(FieldText.quoted(name))" + FieldText.suggestion(for: name, among: tableNames)
                        + "; tables: \(tableNames.joined(separator: ", "))")
            }
            return name
        }
        func required(_ t: TOMLTable, _ key: String, path: String, section: String, index: Int) throws(FormatError) -> Recipe.Template {
            let line = locator.line(section: section, index: index, key: key)
            guard let s = try string(t, key, path: path, section: section, index: index) else {
                throw fail(path, locator.line(section: section, index: index), "\(key) is required")
            }
            return try template(s, path: "\(path).\(key)", line: line)
        }
        func flagTemplate(_ t: TOMLTable, _ key: String, path: String, section: String, index: Int) throws(FormatError) -> Recipe.Template?
        {
            if let b = t[key]?.bool { return Recipe.Template(pieces: [.literal(b ? "true" : "false")]) }
            return try optional(t, key, path: path, section: section, index: index)
        }
        func optional(_ t: TOMLTable, _ key: String, path: String, section: String, index: Int) throws(FormatError) -> Recipe.Template? {
            guard let s = try string(t, key, path: path, section: section, index: index) else { return nil }
            return try template(s, path: "\(path).\(key)", line: locator.line(section: section, index: index, key: key))
        }
        for (i, t) in try tables(root, "node").enumerated() {
            let path = "node[\(i + 1)]"
            try checkKeys(t, Self.nodeKeys, path: path, section: "node", index: i)
            guard let kind = try field(t, "kind", "kind", NodeKind.self, maps: r.maps, path: path, section: "node", index: i) else {
                throw fail(path, locator.line(section: "node", index: i), "kind is required")
            }
            r.nodes.append(
                Recipe.NodeRule(
                    name: try string(t, "name", path: path, section: "node", index: i) ?? path,
                    table: try tableName(t, path: path, section: "node", index: i),
                    id: try required(t, "id", path: path, section: "node", index: i),
                    label: try optional(t, "label", path: path, section: "node", index: i),
                    kind: kind,
                    track: try field(t, "track", "track", Track.self, maps: r.maps, path: path, section: "node", index: i),
                    years: try years(t, path: path, section: "node", index: i),
                    description: try optional(t, "description", path: path, section: "node", index: i),
                    attributes: try attributes(t, path: path, section: "node", index: i),
                    confidential: try flagTemplate(t, "confidential", path: path, section: "node", index: i),
                    location: .init(path: path, line: locator.line(section: "node", index: i))))
        }
        for (i, t) in try tables(root, "edge").enumerated() {
            let path = "edge[\(i + 1)]"
            try checkKeys(t, Self.edgeKeys, path: path, section: "edge", index: i)
            guard let relation = try field(t, "relation", "relation", Relation.self, maps: r.maps, path: path, section: "edge", index: i)
            else {
                throw fail(path, locator.line(section: "edge", index: i), "relation is required")
            }
            if case let .constant(word) = relation, word == Relation.provides.rawValue {
                throw fail(
                    "\(path).relation", locator.line(section: "edge", index: i, key: "relation"),
                    "recipes cannot yet give provides edges their support type; use a nodes/edges sheet")
            }
            var dedupe = false
            if let d = t["dedupe"] {
                guard let b = d.bool else {
                    throw fail("\(path).dedupe", locator.line(section: "edge", index: i, key: "dedupe"), "expected true or false")
                }
                dedupe = b
            }
            r.edges.append(
                Recipe.EdgeRule(
                    name: try string(t, "name", path: path, section: "edge", index: i) ?? path,
                    table: try tableName(t, path: path, section: "edge", index: i),
                    source: try required(t, "source", path: path, section: "edge", index: i),
                    target: try required(t, "target", path: path, section: "edge", index: i),
                    relation: relation,
                    side: try field(t, "side", "side", nil as NodeKind.Type?, maps: r.maps, path: path, section: "edge", index: i),
                    years: try years(t, path: path, section: "edge", index: i),
                    weight: try string(t, "weight", path: path, section: "edge", index: i),
                    description: try optional(t, "description", path: path, section: "edge", index: i),
                    attributes: try attributes(t, path: path, section: "edge", index: i),
                    dedupe: dedupe,
                    location: .init(path: path, line: locator.line(section: "edge", index: i))))
        }
        if r.nodes.isEmpty && r.edges.isEmpty {
            throw fail("recipe", 0, "no [[node]] or [[edge]] rules")
        }
        return r
    }
}
