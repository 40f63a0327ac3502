import BackchannelModel

/// Writes ``JSONValue``s as deterministic, human-editable JSON text.
///
/// Objects keep their member order and put one member per line with two-space indentation; arrays
/// of scalars stay on one line. Strings are UTF-8 with only `"`, `\` and control characters escaped.
/// The same value always gives the same bytes.
public enum JSONWriter {
    /// `s` as a JSON string literal (see ``JSONValue/quoted(_:)``).
    public static func quoted(_ s: String) -> String { JSONValue.quoted(s) }

    /// A finite double in the shortest form that reads back to the same value, always with a
    /// fraction or exponent (`2.0`, not `2`), so it reads back as a floating-point number.
    public static func number(_ d: Double) -> String {
        precondition(d.isFinite, "JSON cannot hold \(d)")
        return d.description
    }

    /// The whole document, ending with a newline.
    public static func document(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        out += "\n"
        return out
    }

    private static func isScalar(_ v: JSONValue) -> Bool {
        switch v {
        case .array, .object: return false
        default: return true
        }
    }

    /// `value` on one line with no spaces: for embedding JSON in other formats.
    public static func compact(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case let .bool(b): b ? "true" : "false"
        case let .int(i): String(i)
        case let .double(d): number(d)
        case let .string(s): quoted(s)
        case let .array(items): "[" + items.map { compact($0.value) }.joined(separator: ",") + "]"
        case let .object(members): "{" + members.map { quoted($0.key) + ":" + compact($0.value.value) }.joined(separator: ",") + "}"
        }
    }

    public static func write(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .int(i): out += String(i)
        case let .double(d): out += number(d)
        case let .string(s): out += quoted(s)
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            if items.allSatisfy({ isScalar($0.value) }) {
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += ", " }
                    write(item.value, indent: indent, into: &out)
                }
                out += "]"
                return
            }
            out += "[\n"
            let pad = String(repeating: " ", count: indent + 2)
            for (i, item) in items.enumerated() {
                out += pad
                write(item.value, indent: indent + 2, into: &out)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case let .object(members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            let pad = String(repeating: " ", count: indent + 2)
            for (i, member) in members.enumerated() {
                out += pad + quoted(member.key) + ": "
                write(member.value.value, indent: indent + 2, into: &out)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }
}
