import Foundation

/// Escaping for the XML writers, and the checks every XML input passes before a parser sees it.
enum XMLText {
    /// Whether XML 1.0 can hold `c` at all (even as a character reference).
    static func isAllowed(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// `s` as element content: `&`, `<`, `>` escaped, CR as `&#13;` so it is not read as a line end.
    /// Characters XML cannot hold become U+FFFD and set `lossy`.
    /// ``content(_:lossy:)``, adding a warning naming `what` when characters were lost.
    static func content(_ s: String, _ what: @autoclosure () -> String, warnings: inout [String]) -> String {
        var lossy = false
        let text = content(s, lossy: &lossy)
        if lossy { warnings.append("\(what()): characters XML cannot hold, written as U+FFFD") }
        return text
    }

    /// ``attribute(_:lossy:)``, adding a warning naming `what` when characters were lost.
    static func attribute(_ s: String, _ what: @autoclosure () -> String, warnings: inout [String]) -> String {
        var lossy = false
        let text = attribute(s, lossy: &lossy)
        if lossy { warnings.append("\(what()): characters XML cannot hold, written as U+FFFD") }
        return text
    }

    static func content(_ s: String, lossy: inout Bool) -> String {
        escape(s, attribute: false, lossy: &lossy)
    }

    /// `s` as a double-quoted attribute value: also `"`, and tab, LF and CR as character
    /// references so attribute-value normalisation leaves them alone.
    static func attribute(_ s: String, lossy: inout Bool) -> String {
        escape(s, attribute: true, lossy: &lossy)
    }

    private static func escape(_ s: String, attribute: Bool, lossy: inout Bool) -> String {
        // Works on UTF-8 bytes: every escape is ASCII, and the only non-ASCII characters XML
        // cannot hold are U+FFFE and U+FFFF (EF BF BE, EF BF BF); strings hold no surrogates.
        var needsWork = false
        for b in s.utf8
        where b < 0x20 || b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
            || b == UInt8(ascii: "\"") || b == 0xEF
        {
            needsWork = true
            break
        }
        guard needsWork else { return s }
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        func append(_ text: StaticString) {
            out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case 0x0D: append("&#13;")
            case UInt8(ascii: "\"") where attribute: append("&quot;")
            case 0x0A where attribute: append("&#10;")
            case 0x09 where attribute: append("&#9;")
            case 0x09, 0x0A: out.append(b)
            case 0..<0x20:
                lossy = true
                append("\u{FFFD}")
            case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                lossy = true
                append("\u{FFFD}")
                i += 2
            default:
                out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Elements with more attributes than this are refused: a GraphML or GEXF element needs fewer
    /// than ten, and libxml2's check for repeated attribute names is quadratic in their number.
    static let maximumAttributes = 256

    /// Refuses what no network file needs and parsers can be attacked with, before parsing.
    ///
    /// Tokenizes the whole document as XML does (the XML declaration, processing instructions,
    /// comments, CDATA sections, the DOCTYPE, start and end tags with quoted attribute values, text)
    /// so that nothing can hide markup from this check that the parser would then see: a
    /// processing instruction ends at the first `?>`, a comment at the first `-->`, a CDATA section
    /// at the first `]]>`, an attribute value at its closing quote. Refuses:
    /// - a declared encoding other than UTF-8;
    /// - a DOCTYPE with an internal subset (`<!DOCTYPE x [ … ]>`), any `<!ENTITY`, `<!ATTLIST`,
    ///   `<!ELEMENT` or other declaration, a second DOCTYPE or one after the root element: so no
    ///   entity can be declared ("billion laughs", external entities) and no DTD default attribute
    ///   can apply;
    /// - any entity reference other than `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and character
    ///   references, in text or attribute values: nothing is ever expanded, so the parser's memory
    ///   stays proportional to the input;
    /// - processing instructions without data (`<?x?>`), which crash Foundation's XMLParser on Linux;
    /// - elements with more than ``maximumAttributes`` attributes;
    /// - markup that is never closed, `<` inside an attribute value, and a start tag that is not a
    ///   name followed by `name="value"` pairs.
    ///
    /// - Returns: the number of bytes stepped over (at most a small multiple of the input's length:
    ///   the work bound the tests check).
    /// - Complexity: O(n) for n bytes.
    @discardableResult
    static func checkSafe(_ input: InputBytes, format: String) throws(FormatError) -> Int {
        let bytes = input.bytes
        let n = bytes.count
        var steps = 0
        func matches(_ word: StaticString, at i: Int, ignoringCase: Bool = false) -> Bool {
            let count = word.utf8CodeUnitCount
            guard i + count <= n else { return false }
            let w = word.utf8Start
            for k in 0..<count {
                let a = bytes[i + k], b = w[k]
                if ignoringCase ? (a | 0x20 != b | 0x20) : (a != b) { return false }
            }
            return true
        }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        func isNameByte(_ b: UInt8) -> Bool {
            !(isSpace(b) || b == UInt8(ascii: "=") || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") || b == UInt8(ascii: "<")
                || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "?") || b == UInt8(ascii: "&")
                || b == UInt8(ascii: "!") || b == UInt8(ascii: ";"))
        }
        func notWellFormed(_ at: Int, _ what: String) -> FormatError { input.error(at: at, "not well-formed XML: \(what)") }
        /// The offset of the next `terminator` at or after `from`, or nil.
        func find(_ terminator: StaticString, from: Int) -> Int? {
            let first = terminator.utf8Start[0]
            var k = from
            while k < n {
                if bytes[k] == first, matches(terminator, at: k) {
                    steps += k - from
                    return k
                }
                k += 1
            }
            steps += n - from
            return nil
        }
        /// The offset just past the reference that starts with `&` at `at`, if it is one XML defines.
        func reference(at start: Int) throws(FormatError) -> Int {
            var k = start + 1
            while k < n, k - start < 64, bytes[k] != UInt8(ascii: ";"), !isSpace(bytes[k]), bytes[k] != UInt8(ascii: "<"),
                bytes[k] != UInt8(ascii: "&")
            { k += 1 }
            steps += k - start
            guard k < n, bytes[k] == UInt8(ascii: ";"), k > start + 1 else {
                throw notWellFormed(start, "an '&' that does not start a reference (write &amp; for '&')")
            }
            let name = bytes[(start + 1)..<k]
            switch String(decoding: name, as: UTF8.self) {
            case "amp", "lt", "gt", "quot", "apos": return k + 1
            default: break
            }
            if name.first == UInt8(ascii: "#") {
                let digits = name.dropFirst()
                let hex = digits.first == UInt8(ascii: "x")
                let body = hex ? digits.dropFirst() : digits
                let valid =
                    !body.isEmpty
                    && body.allSatisfy { b in
                        (0x30...0x39).contains(b) || (hex && ((0x41...0x46).contains(b) || (0x61...0x66).contains(b)))
                    }
                if valid { return k + 1 }
                throw notWellFormed(start, "an invalid character reference \(FieldText.quoted(input.text(start..<(k + 1))))")
            }
            throw notWellFormed(
                start,
                "an undefined entity \(input.text(start..<(k + 1))) (only &amp; &lt; &gt; &quot; &apos; and character references are allowed in \(format) input; entities are never expanded)"
            )
        }

        // The declared encoding.
        var i = input.start
        if matches("<?xml", at: i), i + 5 < n, isSpace(bytes[i + 5]) {
            let end = find("?>", from: i) ?? n
            let declaration = input.text(i..<end)
            if let range = declaration.range(of: "encoding") {
                let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    let name = rest.dropFirst().prefix { $0 != quote }
                    if !["utf-8", "utf8", "us-ascii", "ascii"].contains(name.lowercased()) {
                        throw input.error(
                            at: i,
                            "\(format) input must be UTF-8; this document declares encoding \(FieldText.quoted(String(name))) (convert it to UTF-8)"
                        )
                    }
                }
            }
        }

        var sawRoot = false
        var sawDoctype = false
        while i < n {
            steps += 1
            let b = bytes[i]
            if b == UInt8(ascii: "&") {
                i = try reference(at: i)
                continue
            }
            guard b == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            guard i + 1 < n else { throw notWellFormed(i, "the document ends inside a tag (is the file truncated?)") }
            switch bytes[i + 1] {
            case UInt8(ascii: "?"):
                // A processing instruction (or the XML declaration) ends at the first `?>`.
                var k = i + 2
                while k < n, isNameByte(bytes[k]) { k += 1 }
                steps += k - i
                if k + 1 < n, bytes[k] == UInt8(ascii: "?"), bytes[k + 1] == UInt8(ascii: ">") {
                    // `<?pi?>` crashes swift-corelibs-foundation's XMLParser (it passes a null pointer to strlen).
                    throw input.error(
                        at: i, "a processing instruction without data (\(FieldText.quoted(input.text(i..<(k + 2))))) is not accepted")
                }
                guard let end = find("?>", from: k) else {
                    throw notWellFormed(i, "a processing instruction that is never closed with '?>'")
                }
                i = end + 2
            case UInt8(ascii: "!"):
                if matches("<!--", at: i) {
                    guard let end = find("-->", from: i + 4) else { throw notWellFormed(i, "a comment that is never closed with '-->'") }
                    i = end + 3
                } else if matches("<![CDATA[", at: i) {
                    guard let end = find("]]>", from: i + 9) else {
                        throw notWellFormed(i, "a CDATA section that is never closed with ']]>'")
                    }
                    i = end + 3
                } else if matches("<!DOCTYPE", at: i) {
                    if sawRoot || sawDoctype {
                        throw input.error(
                            at: i,
                            "refused: a DOCTYPE \(sawRoot ? "after the root element" : "given twice"); a DOCTYPE may only come once, before the root element"
                        )
                    }
                    sawDoctype = true
                    var k = i + 9
                    var quote: UInt8?
                    while true {
                        guard k < n else { throw notWellFormed(i, "a DOCTYPE that is never closed with '>'") }
                        let c = bytes[k]
                        if let q = quote {
                            if c == q { quote = nil }
                        } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                            quote = c
                        } else if c == UInt8(ascii: "[") {
                            throw input.error(
                                at: i,
                                "refused: the document has a DOCTYPE with an internal subset ([ … ]); entity declarations (\"billion laughs\", external entities) and DTD defaults are not allowed in \(format) input; remove the DOCTYPE"
                            )
                        } else if c == UInt8(ascii: "<") {
                            throw notWellFormed(k, "a '<' inside the DOCTYPE")
                        } else if c == UInt8(ascii: ">") {
                            break
                        }
                        k += 1
                    }
                    steps += k - i
                    i = k + 1
                } else if matches("<!ENTITY", at: i) {
                    throw input.error(
                        at: i,
                        "refused: the document declares an entity (<!ENTITY); entity expansion (\"billion laughs\") and external entities are not allowed in \(format) input; remove the DOCTYPE"
                    )
                } else {
                    throw input.error(
                        at: i,
                        "refused: a markup declaration (\(FieldText.quoted(input.text(i..<min(n, i + 10))))…) outside a DOCTYPE; DTDs are not allowed in \(format) input"
                    )
                }
            case UInt8(ascii: "/"):
                // An end tag: a name, then '>'.
                guard let end = find(">", from: i + 2) else { throw notWellFormed(i, "an end tag that is never closed ('>' was expected)") }
                if bytes[(i + 2)..<end].contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") })
                {
                    throw notWellFormed(i, "an end tag holding something other than a name ('>' was expected)")
                }
                i = end + 1
            default:
                // A start tag: a name, then name="value" pairs, then '>' or '/>'.
                let tag = i
                var k = i + 1
                while k < n, isNameByte(bytes[k]) { k += 1 }
                guard k > i + 1 else { throw notWellFormed(i, "a '<' that starts no tag (a name was expected; write &lt; for '<')") }
                sawRoot = true
                var attributes = 0
                while true {
                    let spaceStart = k
                    while k < n, isSpace(bytes[k]) { k += 1 }
                    guard k < n else { throw notWellFormed(tag, "a start tag that is never closed ('>' was expected)") }
                    if bytes[k] == UInt8(ascii: ">") { k += 1; break }
                    if bytes[k] == UInt8(ascii: "/"), k + 1 < n, bytes[k + 1] == UInt8(ascii: ">") { k += 2; break }
                    let nameStart = k
                    while k < n, isNameByte(bytes[k]) { k += 1 }
                    guard k > nameStart, spaceStart < nameStart else {
                        throw notWellFormed(
                            k,
                            k >= n
                                ? "a start tag that is never closed ('>' was expected)"
                                : "unexpected \(FieldText.quoted(input.text(k..<(k + 1)))) in a start tag ('>' was expected)")
                    }
                    while k < n, isSpace(bytes[k]) { k += 1 }
                    guard k < n, bytes[k] == UInt8(ascii: "=") else {
                        throw notWellFormed(nameStart, "an attribute without a value (name=\"value\" was expected)")
                    }
                    k += 1
                    while k < n, isSpace(bytes[k]) { k += 1 }
                    guard k < n, bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'") else {
                        throw notWellFormed(min(k, n - 1), "an attribute value without quotes")
                    }
                    let quote = bytes[k]
                    let valueStart = k
                    k += 1
                    while true {
                        guard k < n else { throw notWellFormed(valueStart, "an attribute value that is never closed") }
                        let c = bytes[k]
                        if c == quote { k += 1; break }
                        if c == UInt8(ascii: "<") { throw notWellFormed(k, "a '<' inside an attribute value (write &lt;)") }
                        if c == UInt8(ascii: "&") { k = try reference(at: k) } else { k += 1 }
                    }
                    attributes += 1
                    if attributes > maximumAttributes {
                        throw input.error(
                            at: tag,
                            "refused: an element with more than \(maximumAttributes) attributes; no \(format) element needs that many")
                    }
                }
                steps += k - i
                i = k
            }
        }
        return steps
    }
}
