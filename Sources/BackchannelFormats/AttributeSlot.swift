import BackchannelModel

/// The type of an ``AttributeValue``, in the order columns and keys are written.
enum AttributeType: Int, Comparable, CaseIterable {
    case string, int, double, bool

    init(_ value: AttributeValue) {
        switch value {
        case .string: self = .string
        case .int: self = .int
        case .double: self = .double
        case .bool: self = .bool
        }
    }

    /// The CSV header suffix (`count:int`).
    var suffix: String {
        switch self {
        case .string: "string"
        case .int: "int"
        case .double: "double"
        case .bool: "bool"
        }
    }

    static func < (a: AttributeType, b: AttributeType) -> Bool { a.rawValue < b.rawValue }

    /// Reads `text` as a value of this type; nil when it is not one.
    func value(_ text: String) -> AttributeValue? {
        switch self {
        case .string: .string(text)
        case .int: FieldText.int(text).map(AttributeValue.int)
        case .double: FieldText.double(text).map(AttributeValue.double)
        case .bool: FieldText.bool(text).map(AttributeValue.bool)
        }
    }

    var noun: String {
        switch self {
        case .string: "a string"
        case .int: "an integer"
        case .double: "a number"
        case .bool: "a boolean (true or false)"
        }
    }
}

/// One attribute name with one value type: a CSV column, a GraphML key, a GEXF attribute.
struct AttributeSlot: Hashable, Comparable {
    var name: String
    var type: AttributeType

    static func < (a: AttributeSlot, b: AttributeSlot) -> Bool {
        a.name != b.name ? a.name.unicodeScalars.lexicographicallyPrecedes(b.name.unicodeScalars) : a.type < b.type
    }

    /// Every (name, type) used in `maps`, sorted by name (Unicode scalar order), then type.
    static func all(_ maps: [[String: AttributeValue]]) -> [AttributeSlot] {
        var seen = Set<AttributeSlot>()
        for map in maps {
            for (name, value) in map { seen.insert(AttributeSlot(name: name, type: AttributeType(value))) }
        }
        return seen.sorted()
    }
}

extension AttributeValue {
    /// The value as text that ``AttributeType/value(_:)`` reads back exactly.
    var exactText: String {
        switch self {
        case let .string(s): s
        case let .int(i): String(i)
        case let .double(d): d.description
        case let .bool(b): b ? "true" : "false"
        }
    }
}
