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
        for b in s.utf8 where b < 0x20 || b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
            || b == UInt8(ascii: "\"") || b == 0xEF {
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

    /// Refuses what no network file needs and parsers can be attacked with, before parsing:
    /// a declared encoding other than UTF-8, any `<!ENTITY` declaration, and a DOCTYPE with an
    /// internal subset (`<!DOCTYPE x [ … ]>`). Entity expansion ("billion laughs") and external
    /// entities (reading local files or URLs) both need one of these. Also refuses processing
    /// instructions without data (`<?x?>`), which crash Foundation's XMLParser on Linux.
    /// Comments and CDATA sections are skipped.
    ///
    /// - Complexity: O(n) for n bytes.
    static func checkSafe(_ input: InputBytes, format: String) throws(FormatError) {
        let bytes = input.bytes
        let n = bytes.count
        func matches(_ word: String, at i: Int) -> Bool {
            let w = Array(word.utf8)
            guard i + w.count <= n else { return false }
            for k in 0..<w.count where bytes[i + k] | 0x20 != w[k] | 0x20 { return false }
            return true
        }
        // The declared encoding.
        var i = input.start
        if matches("<?xml", at: i) {
            var end = i
            while end + 1 < n, !(bytes[end] == UInt8(ascii: "?") && bytes[end + 1] == UInt8(ascii: ">")) { end += 1 }
            let declaration = input.text(i..<min(end, n))
            if let range = declaration.range(of: "encoding") {
                let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    let name = rest.dropFirst().prefix { $0 != quote }
                    if !["utf-8", "utf8", "us-ascii", "ascii"].contains(name.lowercased()) {
                        throw input.error(at: i, "\(format) input must be UTF-8; this document declares encoding \(FieldText.quoted(String(name))) (convert it to UTF-8)")
                    }
                }
            }
        }
        /// The offset just past the next `terminator` at or after `from`, or the end.
        func skip(past terminator: String, from: Int) -> Int {
            let t = Array(terminator.utf8)
            var k = from
            while k + t.count <= n {
                if bytes[k] == t[0], bytes[k..<(k + t.count)].elementsEqual(t) { return k + t.count }
                k += 1
            }
            return n
        }
        i = input.start
        while i < n {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < n else {
                i += 1
                continue
            }
            if bytes[i + 1] == UInt8(ascii: "?") {
                // A processing instruction with no data (`<?pi?>`) crashes swift-corelibs-foundation's
                // XMLParser (it passes a null pointer to strlen), so it is refused here.
                var k = i + 2
                while k < n, bytes[k] != UInt8(ascii: "?"), bytes[k] > 0x20 { k += 1 }
                if k + 1 < n, bytes[k] == UInt8(ascii: "?"), bytes[k + 1] == UInt8(ascii: ">") {
                    throw input.error(at: i, "a processing instruction without data (\(FieldText.quoted(input.text(i..<(k + 2))))) is not accepted")
                }
                i = k
                continue
            }
            guard bytes[i + 1] == UInt8(ascii: "!") else {
                i += 1
                continue
            }
            if matches("<!--", at: i) {
                i = skip(past: "-->", from: i + 4)
                continue
            }
            if matches("<![CDATA[", at: i) {
                i = skip(past: "]]>", from: i + 9)
                continue
            }
            if matches("<!ENTITY", at: i) {
                throw input.error(at: i, "refused: the document declares an entity (<!ENTITY); entity expansion (\"billion laughs\") and external entities are not allowed in \(format) input; remove the DOCTYPE")
            }
            if matches("<!DOCTYPE", at: i) {
                var k = i + 9
                var quote: UInt8?
                while k < n {
                    let b = bytes[k]
                    if let q = quote {
                        if b == q { quote = nil }
                    } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                        quote = b
                    } else if b == UInt8(ascii: "[") {
                        throw input.error(at: i, "refused: the document has a DOCTYPE with an internal subset ([ … ]); entity declarations (\"billion laughs\", external entities) are not allowed in \(format) input; remove the DOCTYPE")
                    } else if b == UInt8(ascii: ">") {
                        break
                    }
                    k += 1
                }
                i = k
                continue
            }
            i += 2
        }
    }
}
