import BackchannelModel

/// How list-valued fields (sources, designations, graph sources) are written as one text value in
/// CSV cells, GraphML data and GEXF attribute values.
///
/// - **Lists** (`sources`): items separated by `;`, e.g. `apb-track2;state-fto-list`.
/// - **Designations**: one `list|by|since|until|sources` entry per designation, entries separated by
///   `;`, the entry's sources separated by `,`; trailing empty parts may be left out, e.g.
///   `Foreign Terrorist Organization list|U.S. Department of State|1997||state-fto-list,lawfare-pkk-2016`.
/// - **Graph sources** (GraphML only): one `id|citation|url` entry per source, separated by `;`.
///
/// A backslash makes the next character literal: `\;`, `\|`, `\,` and `\\` stand for themselves.
/// Unescaped spaces and tabs around items and parts are ignored (so `a; b` reads as `a` and `b`);
/// the writer escapes leading and trailing ones (`\ `) so they survive. Empty items are skipped.
enum FieldText {
    /// Why a list text cannot be read.
    struct Failure: Error {
        var message: String
    }

    private static let backslash: Unicode.Scalar = "\\"

    /// `s` with a backslash before `\`, each of `specials`, and leading and trailing spaces and tabs.
    static func escape(_ s: String, _ specials: [Unicode.Scalar]) -> String {
        let scalars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var firstNonBlank = scalars.count
        var lastNonBlank = -1
        for (k, c) in scalars.enumerated() where c != " " && c != "\t" {
            firstNonBlank = min(firstNonBlank, k)
            lastNonBlank = k
        }
        for (k, c) in scalars.enumerated() {
            let blankEdge = (c == " " || c == "\t") && (k < firstNonBlank || k > lastNonBlank)
            if c == backslash || specials.contains(c) || blankEdge { out.append(backslash) }
            out.append(c)
        }
        return String(out)
    }

    /// Splits `raw` at unescaped `separator`s, keeping escapes in the pieces.
    static func split(_ raw: [Unicode.Scalar], at separator: Unicode.Scalar) -> [[Unicode.Scalar]] {
        var pieces: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var k = 0
        while k < raw.count {
            let c = raw[k]
            if c == backslash, k + 1 < raw.count {
                current.append(c)
                current.append(raw[k + 1])
                k += 2
                continue
            }
            if c == separator {
                pieces.append(current)
                current = []
            } else {
                current.append(c)
            }
            k += 1
        }
        pieces.append(current)
        return pieces
    }

    /// Removes escapes and unescaped blanks at both ends.
    static func unescape(_ raw: [Unicode.Scalar]) throws(Failure) -> String {
        var out: [(Unicode.Scalar, escaped: Bool)] = []
        var k = 0
        while k < raw.count {
            if raw[k] == backslash {
                guard k + 1 < raw.count else {
                    throw Failure(message: "a backslash at the end of a value escapes nothing; write \\\\ for a backslash")
                }
                out.append((raw[k + 1], true))
                k += 2
            } else {
                out.append((raw[k], false))
                k += 1
            }
        }
        func blank(_ e: (Unicode.Scalar, escaped: Bool)) -> Bool { !e.escaped && (e.0 == " " || e.0 == "\t") }
        var lo = 0, hi = out.count
        while lo < hi, blank(out[lo]) { lo += 1 }
        while hi > lo, blank(out[hi - 1]) { hi -= 1 }
        var s = String.UnicodeScalarView()
        for e in out[lo..<hi] { s.append(e.0) }
        return String(s)
    }

    // MARK: Lists of ids

    static func list(_ items: [String]) -> String {
        items.map { escape($0, [";"]) }.joined(separator: ";")
    }

    static func parseList(_ text: String) throws(Failure) -> [String] {
        var items: [String] = []
        for piece in split(Array(text.unicodeScalars), at: ";") {
            let item = try unescape(piece)
            if !item.isEmpty { items.append(item) }
        }
        return items
    }

    // MARK: Designations

    private static let designationSpecials: [Unicode.Scalar] = [";", "|", ","]

    /// The designations as text, and a note for anything the text cannot hold.
    static func designations(_ designations: [Designation], owner: String) -> (text: String, warnings: [String]) {
        var warnings: [String] = []
        let entries = designations.map { d -> String in
            if d.by == "" {
                warnings.append("\(owner): designation \"\(d.list)\" has an empty \"by\", written as no \"by\"")
            }
            var parts = [
                escape(d.list, designationSpecials),
                escape(d.by ?? "", designationSpecials),
                d.since?.text ?? "",
                d.until?.text ?? "",
                d.sources.map { escape($0, designationSpecials) }.joined(separator: ","),
            ]
            while parts.count > 1, parts.last == "" { parts.removeLast() }
            return parts.joined(separator: "|")
        }
        return (entries.joined(separator: ";"), warnings)
    }

    static func parseDesignations(_ text: String) throws(Failure) -> [Designation] {
        var result: [Designation] = []
        for entry in split(Array(text.unicodeScalars), at: ";") {
            let parts = split(entry, at: "|")
            if parts.count == 1, try unescape(parts[0]).isEmpty { continue }
            guard parts.count <= 5 else {
                throw Failure(
                    message:
                        "a designation has at most 5 parts, list|by|since|until|sources; found \(parts.count) (escape a literal | as \\|)")
            }
            let list = try unescape(parts[0])
            let by = parts.count > 1 ? try unescape(parts[1]) : ""
            func year(_ index: Int, _ name: String) throws(Failure) -> PartialDate? {
                guard parts.count > index else { return nil }
                let text = try unescape(parts[index])
                if text.isEmpty { return nil }
                if let y = Int(text) { return PartialDate(y) }
                switch PartialDate.read(text) {
                case let .date(d): return d
                case let .invalid(why): throw Failure(message: "designation \"\(list)\": \(name) \"\(text)\" is not a date: \(why)")
                case .notADate:
                    throw Failure(message: "designation \"\(list)\": \(name) \"\(text)\" is not a year or an ISO date")
                }
            }
            let since = try year(2, "since")
            let until = try year(3, "until")
            var sources: [String] = []
            if parts.count > 4 {
                for piece in split(parts[4], at: ",") {
                    let id = try unescape(piece)
                    if !id.isEmpty { sources.append(id) }
                }
            }
            result.append(Designation(list: list, by: by.isEmpty ? nil : by, since: since, until: until, sources: sources))
        }
        return result
    }

    // MARK: Graph sources (citations)

    private static let sourceSpecials: [Unicode.Scalar] = [";", "|"]

    static func sources(_ sources: [Source]) -> (text: String, warnings: [String]) {
        var warnings: [String] = []
        let entries = sources.map { s -> String in
            var parts = [escape(s.id, sourceSpecials), escape(s.citation, sourceSpecials)]
            if let url = s.url {
                if url.isEmpty { warnings.append("source \"\(s.id)\" has an empty url, written as no url") }
                parts.append(escape(url, sourceSpecials))
            }
            while parts.count > 2, parts.last == "" { parts.removeLast() }
            return parts.joined(separator: "|")
        }
        return (entries.joined(separator: ";"), warnings)
    }

    static func parseSources(_ text: String) throws(Failure) -> [Source] {
        var result: [Source] = []
        for entry in split(Array(text.unicodeScalars), at: ";") {
            let parts = split(entry, at: "|")
            if parts.count == 1, try unescape(parts[0]).isEmpty { continue }
            guard parts.count == 2 || parts.count == 3 else {
                throw Failure(message: "a source is written id|citation|url; found \(parts.count) part(s) (escape a literal | as \\|)")
            }
            let url = parts.count > 2 ? try unescape(parts[2]) : ""
            result.append(Source(id: try unescape(parts[0]), citation: try unescape(parts[1]), url: url.isEmpty ? nil : url))
        }
        return result
    }
}
