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
    static func content(_ s: String, lossy: inout Bool) -> String {
        escape(s, attribute: false, lossy: &lossy)
    }

    /// `s` as a double-quoted attribute value: also `"`, and tab, LF and CR as character
    /// references so attribute-value normalisation leaves them alone.
    static func attribute(_ s: String, lossy: inout Bool) -> String {
        escape(s, attribute: true, lossy: &lossy)
    }

    private static func escape(_ s: String, attribute: Bool, lossy: inout Bool) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            switch c {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            case "\"" where attribute: out.append(contentsOf: "&quot;".unicodeScalars)
            case "\n" where attribute: out.append(contentsOf: "&#10;".unicodeScalars)
            case "\t" where attribute: out.append(contentsOf: "&#9;".unicodeScalars)
            default:
                if isAllowed(c) {
                    out.append(c)
                } else {
                    lossy = true
                    out.append("\u{FFFD}")
                }
            }
        }
        return String(out)
    }

    /// Refuses what no network file needs and parsers can be attacked with, before parsing:
    /// a declared encoding other than UTF-8, any `<!ENTITY` declaration, and a DOCTYPE with an
    /// internal subset (`<!DOCTYPE x [ … ]>`). Entity expansion ("billion laughs") and external
    /// entities (reading local files or URLs) both need one of these.
    ///
    /// - Complexity: O(n) for n bytes.
    static func checkSafe(_ input: InputBytes, format: String) throws(InteropError) {
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
        i = input.start
        while i < n {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < n, bytes[i + 1] == UInt8(ascii: "!") else {
                i += 1
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
