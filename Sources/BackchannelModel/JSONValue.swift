/// A parsed JSON value that remembers where it stood in its text.
///
/// Backchannel parses JSON itself, rather than through `JSONSerialization`, so that every error can
/// name the line and column of the offending value, and so that integers, floating-point numbers and
/// booleans stay distinct (a year `1960` is never read back as `1960.0` or `true`).
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONNode])
    /// Members in the order they were written. Duplicate keys are rejected by the parser.
    case object([(key: String, value: JSONNode)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// Whether this is an empty array or object.
    public var isEmptyContainer: Bool {
        switch self {
        case let .array(a): a.isEmpty
        case let .object(o): o.isEmpty
        default: false
        }
    }

    /// A short name for the value's type, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A JSON value with the 1-based line and column where it starts.
public struct JSONNode: Sendable, Equatable {
    public var value: JSONValue
    public var line: Int
    public var column: Int

    public init(_ value: JSONValue, line: Int = 0, column: Int = 0) {
        self.value = value
        self.line = line
        self.column = column
    }

    public static func == (lhs: JSONNode, rhs: JSONNode) -> Bool { lhs.value == rhs.value }

    /// The member named `key` of an object, if any.
    public subscript(key: String) -> JSONNode? {
        guard case let .object(members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// A compact rendering of the value for error messages, shortened past 60 characters.
    public var excerpt: String {
        let text: String
        switch value {
        case .null: text = "null"
        case let .bool(b): text = b ? "true" : "false"
        case let .int(i): text = String(i)
        case let .double(d): text = String(d)
        case let .string(s): text = JSONValue.quoted(s)
        case let .array(a): text = "[… \(a.count) items]"
        case let .object(o): text = "{… \(o.count) members}"
        }
        return text.count > 60 ? String(text.prefix(57)) + "…" : text
    }

    /// What an error message says was found: the kind and the ``excerpt`` ("a number 1993",
    /// "a string \"x\""), or `null` alone.
    public var found: String { value == .null ? "null" : "\(value.typeName) \(excerpt)" }
}

extension JSONValue {
    /// `s` as a JSON string literal.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }
}
