import BackchannelModel
import Foundation
import Testing

@testable import BackchannelFormats

/// `validate` lists every problem of an input at once, each where it is in that format's terms.
@Suite("Every problem at once")
struct EveryProblemTests {
    private func problems(_ body: () throws(FormatError) -> Void) -> [String] {
        do {
            try body()
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func csvSheetsListEveryProblemWithFileLineAndColumnName() {
        let nodes =
            "id,label,kind,start,end,sources\na,A,convener,1995,1990,s1\nb,B,convenor,,,\nc,C,participant,3000,,nope\na,A again,participant,,,\n"
        let edges = "source,target,relation,weight\na,b,convenes,1\na,c,provides,2\nb,c,partners_with,-1\nc,a,likes,1\n"
        let sources = "id,citation\ns1,Source one\n"
        let found = problems { () throws(FormatError) in
            _ = try CSVSheets.read(
                nodes: .init(bytes: Array(nodes.utf8), file: "nodes.csv"), edges: .init(bytes: Array(edges.utf8), file: "edges.csv"),
                sources: .init(bytes: Array(sources.utf8), file: "sources.csv"), mapping: nil)
        }
        #expect(
            found == [
                "nodes.csv:3:5: column \"kind\": unknown kind \"convenor\" (did you mean 'convener'?); expected one of: convener, participant, conflict, legal, dialogue, official, agreement, event",
                "edges.csv:5:5: column \"relation\": unknown relation \"likes\"; expected one of: \(Relation.allRawValues)",
                "nodes.csv:2:19: column \"end\": end year 1990 is before start year 1995",
                "nodes.csv:4:17: column \"start\": year 3000 is outside 1000–2100",
                "nodes.csv:4:23: column \"sources\": unknown source id \"nope\"; sources are listed in the sources sheet sources.csv",
                "nodes.csv:5:1: column \"id\": duplicate node id \"a\" (first defined at nodes.csv:2)",
                "edges.csv:3:5: column \"relation\": a 'provides' edge needs \"support\": one of \(SupportType.allRawValues)",
                "edges.csv:4:19: column \"weight\": weight -1.0 must be a positive finite number",
            ], "\(found.joined(separator: "\n"))")
        // No JSON path is quoted for a CSV cell.
        #expect(!found.contains { $0.contains("$.") })
    }

    @Test func aSheetWithoutARequiredColumnDoesNotHideTheOthersProblems() {
        let found = problems { () throws(FormatError) in
            _ = try CSVSheets.read(
                nodes: .init(bytes: Array("name,kind\na,convener\n".utf8), file: "nodes.csv"),
                edges: .init(bytes: Array("source,target,weight\na,b,0\n".utf8), file: "edges.csv"), sources: nil, mapping: nil)
        }
        #expect(found.count == 2, "\(found)")
        #expect(found.first?.hasPrefix("nodes.csv:1:1: no \"id\" column") == true)
        #expect(found.last == "edges.csv:2:5: column \"weight\": weight 0.0 must be a positive finite number")
    }

    @Test func graphMLListsEveryProblemWithElementAndLine() {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="k" for="node" attr.name="kind" attr.type="string"/>
              <key id="s" for="node" attr.name="start" attr.type="int"/>
              <key id="r" for="edge" attr.name="relation" attr.type="string"/>
              <graph edgedefault="directed">
                <node id="a"><data key="k">convenor</data></node>
                <node id="b"><data key="s">soon</data></node>
                <node id="a"/>
                <edge source="a" target="b"><data key="r">likes</data></edge>
                <edge source="a" target="b"><data key="r">provides</data></edge>
              </graph>
            </graphml>
            """
        let found = problems { () throws(FormatError) in _ = try GraphML.read(Array(text.utf8), file: "g.graphml") }
        #expect(
            found == [
                "g.graphml:7:31: <node id=\"a\">: key \"k\" (kind): unknown kind \"convenor\" (did you mean 'convener'?); expected one of: convener, participant, conflict, legal, dialogue, official, agreement, event",
                "g.graphml:8:31: <node id=\"b\">: key \"s\" (start): \"soon\" is not a year such as 1993 or an ISO date such as 1993-01-20",
                "g.graphml:10:46: <edge source=\"a\" target=\"b\">: key \"r\" (relation): unknown relation \"likes\"; expected one of: \(Relation.allRawValues)",
                "g.graphml:9:17: <node id=\"a\">: duplicate node id \"a\" (first defined at g.graphml:7)",
                "g.graphml:11:32: <edge source=\"a\" target=\"b\">: a 'provides' edge needs \"support\": one of \(SupportType.allRawValues)",
            ], "\(found.joined(separator: "\n"))")
    }

    @Test func oneProblemIsStillOneLocatedError() {
        let error: FormatError? = {
            do {
                _ = try CSVSheets.read(
                    nodes: nil, edges: .init(bytes: Array("source,target,weight\na,b,0\n".utf8), file: "e.csv"), sources: nil, mapping: nil)
                return nil
            } catch { return error as? FormatError }
        }()
        #expect(
            error
                == .malformed(file: "e.csv", line: 2, column: 5, message: "column \"weight\": weight 0.0 must be a positive finite number"))
    }

    @Test func dotProblemsNameTheNodeOrEdgeAndItsLine() {
        // The DOT reader's own mapping from a network's problems to the file's statements; the
        // parser (libcgraph) keeps no lines, so they are found from the IDs in the text.
        let dot = "digraph g {\n  a [bc_kind=\"x\"];\n  b;\n  /* a -> b */\n  a -> b;\n  b -> a [weight=0];\n}\n"
        let located = DOTNetworkReader.located(
            [
                Diagnostic(path: "$.nodes[0].kind", message: "unknown kind"),
                Diagnostic(path: "$.edges[1].weight", message: "weight 0.0 must be a positive finite number"),
            ],
            nodeNames: ["a", "b"], edgeNames: [("a", "b"), ("b", "a")], bytes: Array(dot.utf8), file: "g.dot")
        #expect(
            located.map(\.description) == [
                "g.dot:2: node \"a\" bc_kind: unknown kind",
                "g.dot:6: edge \"b\" -> \"a\" weight: weight 0.0 must be a positive finite number",
            ])
    }
}
