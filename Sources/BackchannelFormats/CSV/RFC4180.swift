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

/// The one reader and writer for RFC 4180 comma-separated values.
///
/// Reading follows ``CSVTokenizer``'s rules, which the plain edge list shares. Writing (the only CSV
/// writer in this module) quotes only fields that need it, writes a quoted empty field (`""`) for
/// an empty string and nothing for an absent value, and ends every record with CRLF.
///
/// - Reference: RFC 4180, Common Format and MIME Type for Comma-Separated Values (CSV) Files,
///   https://www.rfc-editor.org/rfc/rfc4180
enum RFC4180 {
    /// Splits checked UTF-8 text into records by ``CSVTokenizer``'s rules (blank rows skipped,
    /// every row as wide as the header).
    ///
    /// - Complexity: O(n) for n bytes.
    static func records(_ input: InputBytes, delimiter: UInt8 = UInt8(ascii: ",")) throws(FormatError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        try CSVTokenizer.forEachRecord(input, delimiter: delimiter) { record throws(FormatError) in
            records.append(
                CSVRecord(
                    fields: record.fields.indices.map {
                        CSVField(text: record.string($0), quoted: record.fields[$0].quoted, offset: record.fields[$0].offset)
                    },
                    offset: record.offset))
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

/// The CSV writer for everything that writes CSV (sheets and, through this, reports): fields quoted
/// only when they need it (``RFC4180/field(_:delimiter:)``), records ending with CRLF as RFC 4180 says.
public enum CSVWriter {
    /// The line end every CSV record ends with.
    public static let lineEnd = "\r\n"

    /// One field: nothing for nil, `""` for an empty string, quoted when it holds the delimiter, a
    /// quote, a line break or leading or trailing white space.
    public static func field(_ value: String?) -> String { RFC4180.field(value) }

    /// One record: fields joined by commas, ending with ``lineEnd``.
    ///
    /// - Complexity: O(n) in the length of the fields.
    public static func record(_ values: [String?]) -> String { RFC4180.record(values) }
}
