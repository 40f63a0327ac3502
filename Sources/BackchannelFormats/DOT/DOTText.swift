import BackchannelModel
import Foundation

/// Quoting for the DOT language, so that any text reaches Graphviz's drawing exactly as written.
///
/// Every ID and attribute value Backchannel writes is a double-quoted DOT string, which is never a
/// keyword (`node`, `edge`, `graph`, `digraph`, `subgraph`, `strict` in any case), a numeral or an
/// HTML-like label, whatever its content. Inside, Graphviz gives meaning to more than quotes:
/// - the lexer turns `\"` into `"` and deletes a backslash before a newline;
/// - label processing reads `\N`, `\G`, `\E`, `\T`, `\H`, `\L` as the object's names, `\n`, `\l`,
///   `\r` as line breaks, and any other `\x` as `x`;
/// - with `charset=UTF-8`, HTML entities such as `&amp;` or `&#38;` in ordinary labels become characters.
///
/// ``escString(_:)`` neutralises all of these: `\` becomes `\\`, `"` becomes `\"`, a newline becomes
/// `\n` (a centred line break), `&` becomes `&amp;`, and other control characters become numeric
/// character references. Graphviz then draws exactly the original text.
public enum DOTText {
    /// A DOT double-quoted string whose drawn text (as a label, tooltip or title) is exactly `text`.
    public static func escString(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "&": out += "&amp;"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "&#\(scalar.value);"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }

    /// Reverses ``escString(_:)`` on the value Graphviz's parser returns (lexer quoting already undone),
    /// the way Graphviz's label code reads it: `\x` is `x` (a newline for `\n`), entities become characters.
    ///
    /// Used by tests and by DOT import to recover the original text.
    public static func unescapeLabel(_ value: String, nodeName: String? = nil, graphName: String? = nil) -> String {
        var out = String.UnicodeScalarView()
        var scalars = Array(value.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if c == "\\", let next = scalars.popFirst() {
                if next == "N", let nodeName {
                    out.append(contentsOf: nodeName.unicodeScalars)
                } else if next == "G", let graphName {
                    out.append(contentsOf: graphName.unicodeScalars)
                } else {
                    out.append(next == "n" || next == "l" || next == "r" ? "\n" : next)
                }
            } else if c == "&", let semicolon = scalars.prefix(12).firstIndex(of: ";"),
                let decoded = decodeEntity(String(String.UnicodeScalarView(scalars[..<semicolon])))
            {
                out.append(decoded)
                scalars = scalars[(semicolon + 1)...]
            } else {
                out.append(c)
            }
        }
        return String(out)
    }

    private static func decodeEntity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X") { return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
            if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
            return nil
        }
    }

    /// `text` escaped for the inside of an HTML-like label: well-formed XML character data.
    ///
    /// Newlines become `<BR/>`; characters XML cannot hold become numeric references.
    public static func html(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "<BR/>"
            default:
                if scalar.value < 0x20 { out += "&#\(scalar.value);" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}

extension DOTText {
    /// The text an HTML-like label draws: tags left out, `<BR/>` as a line break, entities decoded
    /// (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;`, `&#N;`, `&#xN;`), cells and lines
    /// joined by line breaks, blank lines and surrounding spaces trimmed.
    ///
    /// - Complexity: O(n) in the label's length.
    public static func htmlText(_ html: String) -> String {
        var out = ""
        var tag = ""
        var inTag = false
        var entity: String?
        for c in html {
            if inTag {
                if c == ">" {
                    inTag = false
                    var name = tag.lowercased().split(separator: " ").first.map(String.init) ?? ""
                    if name.hasSuffix("/") { name.removeLast() }
                    if ["br", "/tr", "hr"].contains(name) || (name == "/td" && !out.hasSuffix("\n")) { out += "\n" }
                } else {
                    tag.append(c)
                }
                continue
            }
            if var e = entity {
                if c == ";" {
                    entity = nil
                    switch e {
                    case "amp": out += "&"
                    case "lt": out += "<"
                    case "gt": out += ">"
                    case "quot": out += "\""
                    case "apos": out += "'"
                    case "nbsp": out += " "
                    default:
                        let value: UInt32? =
                            e.hasPrefix("#x") || e.hasPrefix("#X")
                            ? UInt32(e.dropFirst(2), radix: 16) : e.hasPrefix("#") ? UInt32(e.dropFirst()) : nil
                        if let value, let scalar = Unicode.Scalar(value) { out.unicodeScalars.append(scalar) } else { out += "&\(e);" }
                    }
                } else if e.count > 10 || c == "<" || c == "&" || c == " " {
                    out += "&" + e
                    entity = nil
                    if c == "<" { inTag = true; tag = "" } else if c == "&" { entity = "" } else { out.append(c) }
                } else {
                    e.append(c)
                    entity = e
                }
                continue
            }
            switch c {
            case "<": inTag = true; tag = ""
            case "&": entity = ""
            case "\n", "\r": out += " "
            default: out.append(c)
            }
        }
        if let e = entity { out += "&" + e }
        let lines = out.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return lines.joined(separator: "\n")
    }
}
