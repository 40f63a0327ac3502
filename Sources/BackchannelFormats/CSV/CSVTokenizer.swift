/// The one CSV tokenizer every CSV reader is built on: the sheets (through ``RFC4180``) and the
/// plain edge list (``EdgeListReader``), so both read the same bytes the same way.
///
/// ## The rules
/// - The text is UTF-8 (a byte order mark is skipped) without NUL bytes; ``InputBytes`` checks it.
/// - A record ends at CRLF, LF or a lone CR, or at the end of the file.
/// - A field that starts with `"` is quoted: it runs to the next lone `"`, a doubled `""` inside it
///   is one quote, and it may hold delimiters and line ends. After the closing quote comes a
///   delimiter, a line end or the end of the file; anything else is an error.
/// - A quote inside an unquoted field is an error (quote the whole field and double the quote).
/// - A quoted field left open at the end of the file is an error.
/// - An unquoted empty field is *absent*; a quoted empty field (`""`) is an empty string.
/// - A record of nothing but absent fields (a blank line, or `,,,` from a spreadsheet) is skipped.
/// - The first record is the header. Every other record has exactly as many fields as the header.
/// - Header names are matched ignoring case and surrounding spaces and tabs (``headerName(_:)``).
/// - Field values are never trimmed; readers trim only numbers, years and vocabulary words.
///
/// Works on the bytes in place: an unquoted field is a range of the input, a quoted one a range of
/// one scratch buffer reused for every record, so reading allocates nothing per field.
///
/// - Complexity: O(n) for n bytes.
struct CSVTokenizer {
    /// One field of the current record.
    struct Field {
        /// The field's bytes: `input[start..<end]`, or `scratch[start..<end]` when quoted.
        var start: Int
        var end: Int
        var quoted: Bool
        /// Byte offset of the field's first byte (its opening quote, when quoted).
        var offset: Int
    }

    /// The record being read: its fields as byte ranges.
    struct Record {
        let base: UnsafeBufferPointer<UInt8>
        fileprivate(set) var fields: [Field] = []
        fileprivate(set) var scratch: [UInt8] = []
        /// Byte offset of the record's first byte.
        fileprivate(set) var offset = 0
        /// Whether this is the header (the first record).
        fileprivate(set) var isHeader = true

        var count: Int { fields.count }

        /// Calls `body` with the bytes of field `i`.
        func withField<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(FormatError) -> R) throws(FormatError) -> R {
            let f = fields[i]
            if !f.quoted { return try body(UnsafeBufferPointer(rebasing: base[f.start..<f.end])) }
            return try scratch.withUnsafeBufferPointer { (buffer) throws(FormatError) -> R in
                try body(UnsafeBufferPointer(rebasing: buffer[f.start..<f.end]))
            }
        }

        /// The text of field `i`.
        func string(_ i: Int) -> String {
            (try? withField(i) { String(decoding: $0, as: UTF8.self) }) ?? ""
        }

        /// Whether field `i` is absent (unquoted and empty).
        func isAbsent(_ i: Int) -> Bool {
            !fields[i].quoted && fields[i].start == fields[i].end
        }

        func isEmpty(_ i: Int) -> Bool { fields[i].start == fields[i].end }
    }

    /// A header name as the readers compare it: without surrounding spaces and tabs, lowercased.
    static func headerName(_ text: String) -> String {
        FieldText.trimmed(text).lowercased()
    }

    /// Calls `body` with each record of `input` that is not blank, the header first.
    ///
    /// - Parameter delimiter: the field separator (`,` unless a mapping says otherwise).
    /// - Throws: ``FormatError/malformed(file:line:column:message:)`` at the first byte that breaks
    ///   a rule, and whatever `body` throws.
    @inline(__always)
    static func forEachRecord(
        _ input: InputBytes, delimiter: UInt8 = UInt8(ascii: ","),
        _ body: (_ record: Record) throws(FormatError) -> Void
    ) throws(FormatError) {
        try input.bytes.withUnsafeBufferPointer { (bytes) throws(FormatError) in
            let n = bytes.count
            let quote = UInt8(ascii: "\""), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
            var record = Record(base: bytes)
            var headerWidth: Int?
            var i = input.start
            while i < n {
                record.fields.removeAll(keepingCapacity: true)
                record.scratch.removeAll(keepingCapacity: true)
                record.offset = i
                var endOfRecord = false
                while !endOfRecord {
                    let fieldOffset = i
                    if i < n, bytes[i] == quote {
                        i += 1
                        let start = record.scratch.count
                        var runStart = i
                        var closed = false
                        while i < n {
                            if bytes[i] == quote {
                                record.scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                                if i + 1 < n, bytes[i + 1] == quote {
                                    record.scratch.append(quote)
                                    i += 2
                                    runStart = i
                                } else {
                                    i += 1
                                    closed = true
                                    break
                                }
                            } else {
                                i += 1
                            }
                        }
                        guard closed else {
                            throw input.error(at: fieldOffset, "quoted field is never closed (unbalanced quote; is the file truncated?)")
                        }
                        record.fields.append(Field(start: start, end: record.scratch.count, quoted: true, offset: fieldOffset))
                        if i < n, bytes[i] != delimiter, bytes[i] != cr, bytes[i] != lf {
                            throw input.error(
                                at: i, "unexpected text after a closing quote; a quote inside a quoted field is written twice (\"\")")
                        }
                    } else {
                        let begin = i
                        while i < n {
                            let b = bytes[i]
                            if b == delimiter || b == cr || b == lf { break }
                            if b == quote {
                                throw input.error(
                                    at: i, "quote inside an unquoted field; quote the whole field and write the quote twice (\"\")")
                            }
                            i += 1
                        }
                        record.fields.append(Field(start: begin, end: i, quoted: false, offset: fieldOffset))
                    }
                    if i >= n {
                        endOfRecord = true
                    } else if bytes[i] == delimiter {
                        i += 1
                    } else {
                        // CRLF, LF or a lone CR.
                        if bytes[i] == cr, i + 1 < n, bytes[i + 1] == lf { i += 1 }
                        i += 1
                        endOfRecord = true
                    }
                }
                if record.fields.allSatisfy({ !$0.quoted && $0.start == $0.end }) { continue }  // a blank line or row
                if let width = headerWidth {
                    record.isHeader = false
                    if record.fields.count != width {
                        let offset = record.fields.count > width ? record.fields[width].offset : record.offset
                        let hint =
                            delimiter == UInt8(ascii: ",")
                            ? "" : " (fields are separated by \(FieldText.quoted(String(decoding: [delimiter], as: UTF8.self))))"
                        throw input.error(
                            at: offset,
                            "this row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s") but the header has \(width)\(hint); quote fields that contain the separator"
                        )
                    }
                } else {
                    headerWidth = record.fields.count
                }
                try body(record)
            }
        }
    }
}
