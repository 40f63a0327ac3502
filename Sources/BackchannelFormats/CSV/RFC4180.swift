/// One field of a CSV record: its text, whether it was quoted, and where it starts.
struct CSVField {
    var text: String
    /// `"..."` in the file. An unquoted empty field is *absent*; a quoted empty field (`""`) is an
    /// empty string (PostgreSQL's `COPY … CSV` convention).
    var quoted: Bool
    /// Byte offset of the field's first byte (its opening quote, when quoted).
    var offset: Int

    /// The text, or nil when the field is an unquoted empty field.
    var value: String? { quoted || !text.isEmpty ? text : nil }
}

/// One record (row) of a CSV file.
struct CSVRecord {
    var fields: [CSVField]
    /// Byte offset of the record's first byte.
    var offset: Int
}

/// A small reader and writer for RFC 4180 comma-separated values.
///
/// Reading accepts UTF-8 with or without a byte order mark, CRLF, LF or CR line ends, quoted fields
/// holding delimiters, doubled quotes and line breaks, and skips blank lines. A quote inside an
/// unquoted field, text after a closing quote and a quoted field left open at the end of the file
/// are errors. Writing quotes only fields that need it, writes a quoted empty field (`""`) for an
/// empty string and nothing for an absent value, and ends every record with CRLF.
///
/// - Reference: RFC 4180, Common Format and MIME Type for Comma-Separated Values (CSV) Files,
///   https://www.rfc-editor.org/rfc/rfc4180
enum RFC4180 {
    /// Splits checked UTF-8 text into records.
    ///
    /// - Complexity: O(n) for n bytes.
    static func records(_ input: InputBytes, delimiter: UInt8 = UInt8(ascii: ",")) throws(FormatError) -> [CSVRecord] {
        let bytes = input.bytes
        let n = bytes.count
        let quote = UInt8(ascii: "\""), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
        var records: [CSVRecord] = []
        var i = input.start

        /// Consumes one line end at `i`, if there is one.
        func skipLineEnd(_ i: inout Int) {
            if i < n, bytes[i] == cr { i += 1 }
            if i < n, bytes[i] == lf { i += 1 }
        }

        while i < n {
            let recordOffset = i
            var fields: [CSVField] = []
            var endOfRecord = false
            while !endOfRecord {
                let fieldOffset = i
                if i < n, bytes[i] == quote {
                    i += 1
                    var buffer: [UInt8] = []
                    var closed = false
                    var runStart = i
                    while i < n {
                        if bytes[i] == quote {
                            buffer.append(contentsOf: bytes[runStart..<i])
                            if i + 1 < n, bytes[i + 1] == quote {
                                buffer.append(quote)
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
                    fields.append(CSVField(text: String(decoding: buffer, as: UTF8.self), quoted: true, offset: fieldOffset))
                    if i >= n {
                        endOfRecord = true
                    } else if bytes[i] == delimiter {
                        i += 1
                    } else if bytes[i] == cr || bytes[i] == lf {
                        skipLineEnd(&i)
                        endOfRecord = true
                    } else {
                        throw input.error(at: i, "unexpected text after a closing quote; a quote inside a quoted field is written twice (\"\")")
                    }
                } else {
                    let begin = i
                    while i < n, bytes[i] != delimiter, bytes[i] != cr, bytes[i] != lf {
                        if bytes[i] == quote {
                            throw input.error(at: i, "quote inside an unquoted field; quote the whole field and write the quote twice (\"\")")
                        }
                        i += 1
                    }
                    fields.append(CSVField(text: input.text(begin..<i), quoted: false, offset: fieldOffset))
                    if i >= n {
                        endOfRecord = true
                    } else if bytes[i] == delimiter {
                        i += 1
                    } else {
                        skipLineEnd(&i)
                        endOfRecord = true
                    }
                }
            }
            if fields.count == 1, !fields[0].quoted, fields[0].text.isEmpty { continue }  // a blank line
            records.append(CSVRecord(fields: fields, offset: recordOffset))
        }
        return records
    }

    /// One field as CSV text: nothing for nil, `""` for an empty string, quoted when it holds the
    /// delimiter, a quote, a line break or leading or trailing white space.
    static func field(_ value: String?, delimiter: Character = ",") -> String {
        guard let value else { return "" }
        if value.isEmpty { return "\"\"" }
        var needsQuotes = false
        for scalar in value.unicodeScalars where scalar == "\"" || scalar == "\r" || scalar == "\n" || Character(scalar) == delimiter {
            needsQuotes = true
            break
        }
        if let first = value.unicodeScalars.first, first == " " || first == "\t" { needsQuotes = true }
        if let last = value.unicodeScalars.last, last == " " || last == "\t" { needsQuotes = true }
        guard needsQuotes else { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { out.unicodeScalars.append(scalar) }
            out.unicodeScalars.append(scalar)
        }
        out.unicodeScalars.append("\"")
        return out
    }

    /// A record: fields joined by the delimiter, ending with CRLF.
    static func record(_ values: [String?], delimiter: Character = ",") -> String {
        values.map { field($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + "\r\n"
    }
}
