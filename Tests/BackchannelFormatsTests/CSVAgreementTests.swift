import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// The sheet reader and the plain edge-list reader share one tokenizer, so they read the same bytes
/// the same way: the same edges, or the same error at the same line and column.
@Suite("One CSV tokenizer")
struct CSVAgreementTests {
    enum Outcome: Equatable, CustomStringConvertible {
        case edges([[String]])
        case error(line: Int, column: Int)

        var description: String {
            switch self {
            case let .edges(e): "edges \(e)"
            case let .error(line, column): "error at \(line):\(column)"
            }
        }
    }

    private static func outcome(_ error: FormatError) -> (Outcome, String) {
        if case let .malformed(_, line, column, message) = error { return (.error(line: line, column: column), message) }
        return (.error(line: -1, column: -1), "\(error)")
    }

    private func sheets(_ bytes: [UInt8]) -> (Outcome, String) {
        do {
            let read = try CSVSheets.read(nodes: nil, edges: .init(bytes: bytes, file: "edges.csv"), sources: nil, mapping: nil)
            return (.edges(read.network.edges.map { [$0.source, $0.target] }), "")
        } catch {
            return Self.outcome(error)
        }
    }

    private func edgeList(_ bytes: [UInt8], in directory: URL) throws -> (Outcome, String) {
        let url = directory.appendingPathComponent("edges.csv")
        try Data(bytes).write(to: url)
        do {
            let list = try EdgeListReader.read(url)
            return (.edges(zip(list.sources, list.targets).map { [list.ids[Int($0)], list.ids[Int($1)]] }), "")
        } catch {
            return Self.outcome(error)
        }
    }

    static let hostile: [(String, [UInt8])] = [
        ("quote inside an unquoted field", Array("source,target\na\"b,c\n".utf8)),
        ("text after a closing quote", Array("source,target\n\"a\"b,c\n".utf8)),
        ("quoted field never closed", Array("source,target\nx,y\n\"a,b\n".utf8)),
        ("header in any case with spaces", Array(" Source ,\tTARGET\na,b\n".utf8)),
        ("lone CR line ends", Array("source,target\ra,b\rc,d\r".utf8)),
        ("CRLF, blank lines and blank rows", Array("source,target\r\na,b\r\n\r\n,\r\n\nc,d".utf8)),
        ("too many fields", Array("source,target\na,b,c\n".utf8)),
        ("too few fields", Array("source,target\nx,y\na\n".utf8)),
        ("quoted delimiters, quotes and line breaks", Array("source,target\n\"a,\"\"b\"\"\",\"c\"\n".utf8)),
        ("quoted line break after a lone CR", Array("source,target\r\"a\",b\rc,d".utf8)),
        ("byte order mark", [0xEF, 0xBB, 0xBF] + Array("source,target\na,b\n".utf8)),
        ("invalid UTF-8", Array("source,target\na,b\n".utf8) + [0x63, 0xFF, 0x2C, 0x64, 0x0A]),
        ("NUL byte", Array("source,target\na,\u{0}b\n".utf8)),
        ("header that is not source,target", Array("from,to\na,b\n".utf8)),
        ("empty file", []),
        ("spaces kept in ids", Array("source,target\n a , b \n".utf8)),
        ("weight column", Array("source,target,weight\na,b,2\nb,c, 3 \n".utf8)),
        ("bad weight", Array("source,target,weight\na,b,2\nb,c,heavy\n".utf8)),
    ]

    @Test func bothReadersAgreeOnHostileInput() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (what, bytes) in Self.hostile {
            let (a, messageA) = sheets(bytes)
            let (b, messageB) = try edgeList(bytes, in: directory)
            #expect(a == b, "\(what): sheets \(a) \(messageA); edge list \(b) \(messageB)")
        }
    }

    @Test func theRulesAsDocumented() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func read(_ text: String) throws -> Outcome { try edgeList(Array(text.utf8), in: directory).0 }
        #expect(try read("source,target\ra,b\rc,d\r") == .edges([["a", "b"], ["c", "d"]]), "a lone CR ends a record")
        #expect(try read("source,target\na\"b,c\n") == .error(line: 2, column: 2), "a quote inside an unquoted field is an error")
        #expect(try read("SOURCE,Target\n\"a,\"\"b\"\"\",c\n") == .edges([["a,\"b\"", "c"]]))
        #expect(
            try read("source,target\n,\n,,\na,b\n") == .edges([["a", "b"]]), "rows of nothing but absent fields are blank, however wide")
        #expect(try read("source,target\na,b,\n") == .error(line: 2, column: 5), "a row wider than the header is an error")
        #expect(try read("source,target\n,\na,b\n") == .edges([["a", "b"]]))
    }

    /// One writer: every CSV this module writes ends records with CRLF and reads back through the tokenizer.
    @Test func oneWriterWithCRLF() throws {
        let written = CSVSheets.write(Fixtures.small)
        for text in [written.nodes, written.edges, written.sources] {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.dropLast().allSatisfy { $0.hasSuffix("\r") })
        }
        #expect(CSVWriter.record(["a", "b,c", nil, ""]) == "a,\"b,c\",,\"\"\r\n")
    }
}
