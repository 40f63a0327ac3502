import BackchannelModel
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What the GraphML and GEXF readers' event handlers share: the state the one parse driver reads
/// after parsing, and libxml2's errors in words.
protocol XMLDocumentHandler: XMLParserDelegate {
    var file: String { get }
    /// A problem the handler found and stopped the parse for.
    var failure: FormatError? { get }
    /// A parse error the handler located itself.
    var parseError: FormatError? { get }
    var sawRoot: Bool { get }
    var rootClosed: Bool { get }
}

extension XMLDocumentHandler {
    /// libxml2's error `error`, at the parser's position, in words.
    func describe(_ error: Error, _ parser: XMLParser) -> FormatError {
        let code = (error as NSError).code
        let what: String
        if code == 5 {
            what =
                rootClosed
                ? "content after the end of the root element"
                : "the document ends before all its elements are closed (is the file truncated?)"
        } else {
            what = XMLDocument.errorsInWords[code] ?? "a syntax error the XML parser reports as number \(code)"
        }
        return .malformed(file: file, line: parser.lineNumber, column: parser.columnNumber, message: "not well-formed XML: \(what)")
    }
}

/// The one driver of the XML readers: the safety guard, the streamed parse, and the checks after it.
enum XMLDocument {
    /// libxml2's error numbers (which Foundation's XMLParser passes on), in words.
    static let errorsInWords: [Int: String] = [
        1: "the XML parser failed internally",
        2: "the XML parser ran out of memory",
        3: "the document does not start with '<'",
        4: "the document is empty",
        6: "an invalid hexadecimal character reference", 7: "an invalid decimal character reference",
        8: "an invalid character reference", 9: "a character XML does not allow",
        10: "a character reference at the end of the document", 11: "a character reference before the root element",
        12: "a character reference after the root element",
        14: "an entity reference at the end of the document", 15: "an entity reference before the root element",
        16: "an entity reference after the root element",
        22: "an '&' that does not start a reference (write &amp;)",
        23: "an entity reference without its closing ';'",
        26: "an undefined entity (only &amp; &lt; &gt; &quot; &apos; and character references are allowed)",
        27: "an undefined entity (only &amp; &lt; &gt; &quot; &apos; and character references are allowed)",
        31: "an unknown encoding", 32: "an encoding the parser does not support",
        33: "a quoted value was expected", 34: "a quoted value that is never closed",
        35: "a namespace declaration that is not valid",
        38: "a '<' inside an attribute value (write &lt;)",
        39: "an attribute value was expected (name=\"value\")",
        40: "an attribute value that is never closed",
        41: "an attribute without a value",
        42: "an attribute given twice",
        45: "a comment that is never closed",
        46: "a processing instruction that does not start with a name",
        47: "a processing instruction that is never closed",
        57: "an XML declaration that is never closed",
        61: "a DOCTYPE that is never closed",
        62: "']]>' outside a CDATA section",
        63: "a CDATA section that is never closed",
        64: "a processing instruction named 'xml' somewhere other than the start",
        65: "a space was expected",
        68: "a name was expected",
        72: "'<' was expected",
        73: "'>' was expected",
        74: "'</' was expected",
        75: "'=' was expected",
        76: "an end tag that does not match its start tag",
        77: "a start tag that is never closed",
        80: "'--' inside a comment",
        81: "bytes that are not valid in the declared encoding",
        85: "elements that are not properly nested",
        86: "content after the end of the root element",
        200: "a misuse of the reserved xml namespace", 201: "a namespace prefix that is never declared",
        202: "a name with more than one ':'", 203: "an attribute given twice (with namespaces)",
        204: "an empty namespace name", 205: "a name with a misplaced ':'",
    ]

    /// Checks `bytes` with ``XMLText/checkSafe(_:format:)``, parses them with `handler`, and throws
    /// what the handler or the parser found, a document without elements, or one whose `</root>`
    /// never comes.
    ///
    /// Fed as a stream, in chunks: given all at once, libxml2 stops at its 10 MB look-up limit on large
    /// files. External entities are never resolved; namespaces are processed.
    /// - Complexity: O(n) in the size of the document.
    static func parse(_ bytes: [UInt8], file: String, format: String, root: String, with handler: some XMLDocumentHandler)
        throws(FormatError)
    {
        let input = try InputBytes(bytes, file: file)
        try XMLText.checkSafe(input, format: format)
        let parser = XMLParser(stream: InputStream(data: Data(bytes)))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = handler
        _ = parser.parse()
        if let failure = handler.failure { throw failure }
        if let error = handler.parseError ?? parser.parserError.map({ handler.describe($0, parser) }) { throw error }
        guard handler.sawRoot else {
            throw .malformed(file: file, line: 1, column: 1, message: "not \(format): the document has no elements")
        }
        guard handler.rootClosed else {
            let end = input.position(bytes.count)
            throw .malformed(
                file: file, line: end.line, column: end.column,
                message: "not well-formed XML: the document ends before </\(root)> (is the file truncated?)")
        }
    }
}
