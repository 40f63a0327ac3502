import BackchannelModel

/// A strict RFC 8259 JSON parser over UTF-8 bytes that records line and column for every value.
///
/// Rejects what `JSONSerialization` would quietly accept or mangle: duplicate object keys, lone
/// surrogates, invalid UTF-8, numbers that do not fit a `Double`, and nesting deeper than
/// ``maximumDepth``.
///
/// Lines end at LF, CRLF or a lone CR; columns count Unicode scalars from 1. Both are tracked as
/// the parser moves, so finding the column of a value never rescans its line.
///
/// - Complexity: O(n) in the length of the text: every byte is read a bounded number of times,
///   however long the lines are.
public struct JSONParser {
    /// Deeper nesting is rejected rather than risking the stack.
    public static let maximumDepth = 512

    /// A parse failure at a line and column.
    public struct Failure: Error, Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    /// The column of the byte at `columnMark` on the current line: columns are found by moving this
    /// mark forward from where it was, so each byte is counted at most once per line.
    private var columnMark = 0
    private var columnAtMark = 1
    /// Bytes stepped over while finding columns (for the tests' work bound).
    private(set) var columnBytesScanned = 0

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses one JSON document. A UTF-8 byte-order mark at the start is skipped.
    public static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONNode {
        try parseCountingWork(bytes).root
    }

    /// ``parse(_:)``, also returning how many bytes were stepped over to find columns: at most the
    /// length of the text (the work bound the tests check).
    static func parseCountingWork(_ bytes: [UInt8]) throws(Failure) -> (root: JSONNode, columnBytesScanned: Int) {
        var parser = JSONParser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            parser.index = 3
            parser.lineStart = 3
            parser.columnMark = 3
        }
        parser.skipWhitespace()
        let root = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < bytes.count {
            throw parser.failure("unexpected \(parser.describeCurrent()) after the end of the JSON document")
        }
        return (root, parser.columnBytesScanned)
    }

    public static func parse(_ text: String) throws(Failure) -> JSONNode {
        try parse(Array(text.utf8))
    }

    /// The column of the byte at `index`, moving the mark forward to it.
    ///
    /// - Complexity: amortized O(1): the mark only moves forward within a line, and starts again
    ///   at each line's start.
    private mutating func column() -> Int {
        column(at: index)
    }

    private mutating func column(at offset: Int) -> Int {
        if columnMark < lineStart || columnMark > offset {
            // A new line (or, only for an error message, a step back): count from the line's start.
            columnMark = lineStart
            columnAtMark = 1
        }
        // Columns count Unicode scalars, not bytes: skip UTF-8 continuation bytes.
        var c = columnAtMark
        var i = columnMark
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { c += 1 }
            i += 1
        }
        columnBytesScanned += offset - columnMark
        columnMark = offset
        columnAtMark = c
        return c
    }

    private mutating func failure(_ message: String) -> Failure {
        Failure(line: line, column: column(), message: message)
    }

    private mutating func failure(at offset: Int, _ message: String) -> Failure {
        Failure(line: line, column: column(at: offset), message: message)
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of input" }
        let b = bytes[index]
        if b >= 0x20 && b < 0x7F { return "character '\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x" + String(b, radix: 16, uppercase: true)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09: index += 1
            case 0x0A, 0x0D:
                // LF, CRLF and a lone CR each end one line.
                if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private mutating func parseValue() throws(Failure) -> JSONNode {
        guard index < bytes.count else { throw failure("unexpected end of input: expected a value") }
        let startLine = line
        let startColumn = column()
        let value: JSONValue
        switch bytes[index] {
        case UInt8(ascii: "{"): value = try parseObject()
        case UInt8(ascii: "["): value = try parseArray()
        case UInt8(ascii: "\""): value = .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); value = .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); value = .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); value = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = try parseNumber()
        default: throw failure("unexpected \(describeCurrent()): expected a value")
        }
        return JSONNode(value, line: startLine, column: startColumn)
    }

    private mutating func expectLiteral(_ literal: String) throws(Failure) {
        let lit = Array(literal.utf8)
        let count = lit.count
        let matches = index + count <= bytes.count && bytes[index..<index + count].elementsEqual(lit)
        guard matches else { throw failure("unexpected \(describeCurrent()): expected a value") }
        index += count
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > Self.maximumDepth { throw failure("nesting deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func parseObject() throws(Failure) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [(key: String, value: JSONNode)] = []
        var seen = Set<String>()
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw failure("unexpected \(describeCurrent()): expected a member name in double quotes")
            }
            let keyLine = line, keyColumn = column()
            let key = try parseString()
            if !seen.insert(key).inserted {
                throw Failure(line: keyLine, column: keyColumn, message: "duplicate member name \(JSONWriter.quoted(key))")
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw failure("unexpected \(describeCurrent()): expected ':' after member name")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            members.append((key, value))
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end of input: expected ',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            throw failure("unexpected \(describeCurrent()): expected ',' or '}'")
        }
    }

    private mutating func parseArray() throws(Failure) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var items: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end of input: expected ',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            throw failure("unexpected \(describeCurrent()): expected ',' or ']'")
        }
    }

    private mutating func parseNumber() throws(Failure) -> JSONValue {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits(_ p: inout JSONParser) -> Int {
            let s = p.index
            while p.index < p.bytes.count, p.bytes[p.index] >= 0x30, p.bytes[p.index] <= 0x39 { p.index += 1 }
            return p.index - s
        }
        let intDigits = digits(&self)
        guard intDigits > 0 else { throw failure("invalid number: expected a digit") }
        if intDigits > 1 && bytes[index - intDigits] == UInt8(ascii: "0") {
            throw failure(at: index - intDigits, "invalid number: leading zeros are not allowed")
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard digits(&self) > 0 else { throw failure("invalid number: expected a digit after '.'") }
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            isInteger = false
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            guard digits(&self) > 0 else { throw failure("invalid number: expected a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let i = Int(text) { return .int(i) }
        guard let d = Double(text), d.isFinite else {
            throw failure("number \(text) is out of range")
        }
        return .double(d)
    }

    private mutating func parseHex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("incomplete \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw failure("invalid hexadecimal digit in \\u escape")
            }
            v = v << 4 | d
            index += 1
        }
        return v
    }

    private mutating func parseString() throws(Failure) -> String {
        index += 1  // opening quote
        var out: [UInt8] = []
        var runStart = index
        while true {
            guard index < bytes.count else { throw failure("unterminated string") }
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                out.append(contentsOf: bytes[runStart..<index])
                index += 1
                break
            }
            if b < 0x20 {
                throw failure("control character 0x\(String(b, radix: 16, uppercase: true)) in a string must be escaped")
            }
            if b == UInt8(ascii: "\\") {
                out.append(contentsOf: bytes[runStart..<index])
                index += 1
                guard index < bytes.count else { throw failure("unterminated string") }
                let e = bytes[index]
                index += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw failure("lone high surrogate in \\u escape")
                        }
                        index += 2
                        let low = try parseHex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw failure("invalid low surrogate in \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw failure("lone low surrogate in \\u escape")
                    }
                    out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
                default:
                    index -= 1
                    throw failure("invalid escape sequence \\\(describeCurrent())")
                }
                runStart = index
                continue
            }
            index += 1
        }
        guard let s = String(validating: out, as: UTF8.self) else {
            throw failure("string is not valid UTF-8")
        }
        return s
    }
}
