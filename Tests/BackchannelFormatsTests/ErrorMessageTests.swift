import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// Errors name the file, the line and what is wrong, in words.
@Suite("Errors in words")
struct ErrorMessageTests {
    @Test func missingOrUnreadableMappingIsUnreadableInWords() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("nope.map")
        #expect(throws: FormatError.unreadable(file: missing.path, reason: "no such file")) {
            _ = try CSVMapping.read(contentsOf: missing)
        }
        #expect(throws: FormatError.unreadable(file: directory.path, reason: "it is a directory, not a file")) {
            _ = try CSVMapping.read(contentsOf: directory)
        }
        let latin1 = directory.appendingPathComponent("latin1.map")
        try Data([0x73, 0x6F, 0x75, 0x72, 0x63, 0x65, 0x3D, 0x0A, 0xFF, 0x0A]).write(to: latin1)
        #expect(
            throws: FormatError.malformed(file: latin1.path, line: 2, column: 1, message: "invalid UTF-8 byte 0xFF; save the file as UTF-8")
        ) {
            _ = try CSVMapping.read(contentsOf: latin1)
        }
        let good = directory.appendingPathComponent("good.map")
        try "source = from\ntarget = to\n".write(to: good, atomically: true, encoding: .utf8)
        #expect(try CSVMapping.read(contentsOf: good).source.column == "from")
        #expect(throws: FormatError.unreadable(file: missing.path, reason: "no such file")) {
            _ = try CSVSheets.Sheet(contentsOf: missing)
        }
        #expect(throws: FormatError.unreadable(file: missing.path, reason: "no such file")) {
            _ = try EdgeListReader.read(missing)
        }
    }

    /// libxml2's numbers never reach the user; each message says what is wrong and where.
    @Test(
        arguments: [
            ("<graphml>\n<graph>\n<node id=\"a\" x=\"1\" x=\"2\"/></graph></graphml>", 3, "an attribute given twice"),
            ("<graphml>\n<graph>\n<node id=\"a\"></nod></graph></graphml>", 3, "an end tag that does not match its start tag"),
            ("<graphml>\n<!-- a -- b -->\n</graphml>", 2, "'--' inside a comment"),
            ("<graphml>\n<graph>\n<node id=\"a\" x=1/></graph></graphml>", 3, "an attribute value without quotes"),
            ("<graphml>\n<graph>\n<node id=\"a&b\"/></graph></graphml>", 3, "an '&' that does not start a reference"),
            ("<graphml>\n<graph>\n<node id=\"&who;\"/></graph></graphml>", 3, "an undefined entity &who;"),
            ("<graphml>\n<graph>\n<x:node id=\"a\"/></graph></graphml>", 3, "a namespace prefix that is never declared"),
        ] as [(String, Int, String)])
    func graphMLErrorsAreInWords(_ text: String, line: Int, words: String) {
        do {
            _ = try GraphML.read(Array(text.utf8), file: "g.graphml")
            Issue.record("read without error")
        } catch {
            guard case let .malformed(file, l, _, message) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(file == "g.graphml")
            #expect(l == line, "\(message)")
            #expect(message.contains(words), "\(message)")
            #expect(!message.contains("libxml2") && !message.contains("error "), "\(message)")
        }
    }
}
