import BackchannelModel
import Testing

@testable import BackchannelFormats

/// Every way found to slip a DTD past the entity guard, and the guard's own work bound.
@Suite("XML stays safe")
struct XMLSafetyTests {
    private func failure(_ text: String) -> FormatError? {
        do {
            _ = try GraphML.read(Array(text.utf8), file: "g.graphml")
            return nil
        } catch {
            return error
        }
    }

    static let body = "<graphml><graph><node id=\"&who;\"/></graph></graphml>\n"

    /// Prolog tricks that hid the DOCTYPE from the old scanner, or might hide it from a careless one.
    @Test(arguments: [
        // The bypass from the issue: the old scanner read `<!--` inside the PI as a comment opener.
        "<?x <!-- ?>\n<!DOCTYPE graphml [<!ENTITY who \"expanded\">]>\n" + XMLSafetyTests.body + "<!-- -->",
        "<?xml version=\"1.0\"?><?x <!-- ?>\n<!DOCTYPE graphml [<!ENTITY who \"expanded\">]>\n" + XMLSafetyTests.body,
        // A PI whose data holds '>' and quotes.
        "<?x a=\"?\" > ' ?><!DOCTYPE graphml [<!ENTITY who \"expanded\">]>" + XMLSafetyTests.body,
        // A comment holding PI and CDATA openers.
        "<!-- <? <![CDATA[ --><!DOCTYPE graphml [<!ENTITY who \"expanded\">]>" + XMLSafetyTests.body,
        // A DOCTYPE name in odd case, with a quoted ']' and '>' before the subset.
        "<!doctype graphml SYSTEM \"a>]\" [<!ENTITY who \"expanded\">]>" + XMLSafetyTests.body,
        "<!DOCTYPE graphml PUBLIC 'x' \"y\" [<!ENTITY who \"expanded\">]>" + XMLSafetyTests.body,
    ])
    func prologTricksCannotHideTheDoctype(_ text: String) {
        let error = failure(text)
        guard case let .malformed(file, line, _, message)? = error else {
            Issue.record("read without error: \(text)")
            return
        }
        #expect(file == "g.graphml")
        #expect(line >= 1)
        #expect(message.contains("refused") || message.contains("not well-formed"), "\(message)")
        #expect(!message.contains("expanded"))
    }

    /// Declarations are refused wherever they are, not only inside a DOCTYPE.
    @Test(arguments: [
        "<!ENTITY who \"x\">" + XMLSafetyTests.body,
        "<!ATTLIST node id CDATA \"given\">" + "<graphml><graph><node/></graph></graphml>",
        "<graphml><!ELEMENT graph ANY><graph/></graphml>",
        "<graphml><graph/></graphml><!DOCTYPE graphml>",
        "<!DOCTYPE graphml><!DOCTYPE graphml><graphml/>",
    ])
    func declarationsAreRefused(_ text: String) {
        let error = failure(text)
        guard case let .malformed(_, _, _, message)? = error else {
            Issue.record("read without error: \(text)")
            return
        }
        #expect(message.contains("refused"), "\(message)")
    }

    /// `id="&who;"` is never expanded, whatever declares `who` (here an external DTD no one reads).
    @Test func entityReferencesAreNeverExpanded() {
        let text = "<!DOCTYPE graphml SYSTEM \"graphml.dtd\">\n" + Self.body
        guard case let .malformed(_, line, column, message)? = failure(text) else {
            Issue.record("read without error")
            return
        }
        #expect((line, column) == (2, 27))
        #expect(message.contains("undefined entity &who;"), "\(message)")
        #expect(
            failure("<graphml><graph><node id=\"a&amp;b&#233;&#xE9;\"/></graph></graphml>") == nil,
            "predefined entities and character references are fine")
    }

    /// A DTD default (`<!ATTLIST node id CDATA "x">`) gave ids to bare nodes; now the DTD is refused.
    @Test func dtdDefaultsDoNotApply() {
        let text = "<?x <!-- ?><!DOCTYPE graphml [<!ATTLIST node id CDATA \"given\">]>\n<graphml><graph><node/><node/></graph></graphml>"
        let message = failure(text)?.description ?? ""
        #expect(message.contains("refused"), "\(message)")
    }

    /// Billion laughs behind the PI trick: 319 KB that once expanded to 1 GB. The guard refuses it
    /// after looking at a bounded prefix, and never steps over more than a few times the input.
    @Test func expansionCannotGrowMemory() throws {
        var lol = "<?x <!-- ?>\n<!DOCTYPE graphml [\n<!ENTITY a \"" + String(repeating: "x", count: 300_000) + "\">\n"
        for i in 1...9 { lol += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i == 1 ? "" : String(i - 1));", count: 10) + "\">\n" }
        lol += "]>\n<graphml><graph><node id=\"&a9;\"/></graph></graphml>\n"
        let error = failure(lol)
        #expect(
            error?.description.hasPrefix("g.graphml:2:1: refused: the document has a DOCTYPE with an internal subset") == true,
            "\(String(describing: error))")
    }

    @Test func theGuardDoesLinearWork() throws {
        var text =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- a comment --><graphml><key id=\"k\" for=\"node\" attr.name=\"label\"/><graph>"
        for i in 0..<20_000 { text += "<node id=\"n\(i)\"><data key=\"k\">&amp;<![CDATA[<x>]]>é</data></node><?pi data?>" }
        text += "</graph></graphml>"
        let bytes = Array(text.utf8)
        let input = try InputBytes(bytes, file: "g.graphml")
        let steps = try XMLText.checkSafe(input, format: "GraphML")
        #expect(steps <= 2 * bytes.count, "\(steps) steps for \(bytes.count) bytes")
        #expect(try GraphML.read(bytes, file: "g.graphml").network.nodes.count == 20_000)
    }

    /// One element with 200k attributes took 36 s (libxml2 compares each new name with all before
    /// it); the guard refuses it after a bounded number, in one pass.
    @Test func tooManyAttributesAreRefusedInOnePass() throws {
        var text = "<graphml>\n<graph>\n<node id=\"a\""
        for i in 0..<200_000 { text += " a\(i)=\"\(i)\"" }
        text += "/></graph></graphml>"
        let bytes = Array(text.utf8)
        let input = try InputBytes(bytes, file: "g.graphml")
        #expect(
            throws: FormatError.malformed(
                file: "g.graphml", line: 3, column: 1,
                message: "refused: an element with more than 256 attributes; no GraphML element needs that many")
        ) {
            try XMLText.checkSafe(input, format: "GraphML")
        }
        #expect(failure(text)?.description.hasPrefix("g.graphml:3:1: refused: an element with more than 256 attributes") == true)
        // At the limit the element is read, its attributes ignored.
        var ok = "<graphml><graph><node id=\"a\""
        for i in 1..<XMLText.maximumAttributes { ok += " a\(i)=\"\(i)\"" }
        ok += "/></graph></graphml>"
        #expect(failure(ok) == nil)
    }
}
