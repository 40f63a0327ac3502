import BackchannelModel
import Testing

@testable import BackchannelFormats

/// Parsing does work proportional to the input, however it is laid out: checked by counting the
/// parsers' own steps, never by timing them.
@Suite("Parsers do linear work")
struct LinearParsingTests {
    /// NetworkX's `json.dump` writes a whole graph on one line; finding each value's column used to
    /// rescan the line from its start (quadratic: 26 s for 12,000 nodes).
    @Test func oneLineDocumentIsScannedOnce() throws {
        let count = 200_000
        var text = "{\"directed\": true, \"nodes\": ["
        for i in 0..<count { text += (i == 0 ? "" : ", ") + "{\"id\": \"n\(i)\"}" }
        text += "], \"edges\": []}"
        let bytes = Array(text.utf8)
        let (root, scanned) = try JSONParser.parseCountingWork(bytes)
        #expect(scanned <= bytes.count, "stepped over \(scanned) bytes to find columns in a \(bytes.count)-byte line")
        guard case let .array(nodes)? = root["nodes"]?.value else {
            Issue.record("no nodes array")
            return
        }
        #expect(nodes.count == count)
        // The last node's object starts where its text does.
        let last = "{\"id\": \"n\(count - 1)\"}"
        let offset = text.utf8.count - last.utf8.count - "], \"edges\": []}".utf8.count
        #expect(nodes[count - 1].line == 1)
        #expect(nodes[count - 1].column == offset + 1)
    }

    /// A 10,000-member object on one line (37 s before): each member's column is found once.
    @Test func wideObjectIsScannedOnce() throws {
        let text = "{" + (0..<10_000).map { "\"k\($0)\": [\($0), \"é\"]" }.joined(separator: ",") + "}"
        let bytes = Array(text.utf8)
        let (root, scanned) = try JSONParser.parseCountingWork(bytes)
        #expect(scanned <= bytes.count)
        guard case let .object(members) = root.value else { Issue.record("not an object"); return }
        #expect(members.count == 10_000)
        let last = members[9_999].value
        let prefix = text.utf8.count - "[9999, \"é\"]}".utf8.count
        // Columns count scalars: every "é" before it is one column, not two.
        #expect(last.column == prefix + 1 - 10_000 + 1)
    }

    @Test func columnsCountScalarsOnALongLine() throws {
        let text = "[\"é🕊\", \"ü\", 7]"
        let (root, _) = try JSONParser.parseCountingWork(Array(text.utf8))
        guard case let .array(items) = root.value else { Issue.record("not an array"); return }
        #expect(items.map(\.column) == [2, 8, 13])
    }

    /// A lone CR ends a line, as CRLF and LF do (an old Mac file reported every error on line 1).
    @Test(arguments: ["\r", "\r\n", "\n"])
    func everyLineEndCounts(_ end: String) {
        let lines = [
            "{", "  \"directed\": true,", "  \"multigraph\": true,", "  \"graph\": {},", "  \"nodes\": [],", "  \"edges\": [1, 2, tru]",
            "}",
        ]
        let text = lines.joined(separator: end)
        #expect(throws: JSONParser.Failure(line: 6, column: 19, message: "unexpected character 't': expected a value")) {
            _ = try JSONParser.parse(text)
        }
        do {
            _ = try Network(json: Array(text.utf8), file: "mac.json")
        } catch let error {
            #expect("\(error)".contains("mac.json:6:19"), "\(error)")
        }
    }
}
