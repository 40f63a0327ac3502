import BackchannelFormats
import BackchannelModel

/// Escaping for text placed in an HTML page, and for JSON placed inside a `<script>` element.
public enum HTMLText {
    /// `s` as HTML text or a double- or single-quoted attribute value: `&`, `<`, `>`, `"` and `'`
    /// become character references; everything else is kept.
    /// - Complexity: O(length of `s`).
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// `value` as compact JSON that is safe inside `<script type="application/json">`: `<`, `>` and
    /// `&` are written as `\u003c`, `\u003e` and `\u0026`, and U+2028/U+2029 as `\u2028`/`\u2029`,
    /// so no label can close the element (`</script>`) or open a comment (`<!--`). Outside strings
    /// compact JSON holds none of these characters, so the result parses to the same value.
    /// - Complexity: O(size of the JSON text).
    public static func scriptJSON(_ value: JSONValue) -> String {
        var out = ""
        for c in JSONWriter.compact(value).unicodeScalars {
            switch c {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Whether `url` is an absolute `http:` or `https:` URL, the only links a report makes (no
    /// `javascript:`, `data:` or relative links from the data).
    public static func isWebLink(_ url: String) -> Bool {
        let lower = url.lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && !url.unicodeScalars.contains { $0.value < 0x21 }
    }
}
