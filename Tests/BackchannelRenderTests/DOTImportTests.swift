import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation
import BackchannelRender
import BackchannelTestSupport
import Foundation
import Testing

/// DOT import through Graphviz's parser: Backchannel's own DOT reads back exactly; every file of
/// Graphviz's own test corpus imports and exports again to DOT that Graphviz parses into the same graph.
@Suite("DOT import", .serialized)
struct DOTImportTests {
    static let corpus = Fixtures.dotCorpus

    static func files(_ folder: String) -> [String] {
        let root = corpus.appendingPathComponent(folder)
        let walker = FileManager.default.enumerator(atPath: root.path)
        var found: [String] = []
        while let path = walker?.nextObject() as? String {
            if path.hasSuffix(".gv") || path.hasSuffix(".dot") { found.append(path) }
        }
        return found.sorted()
    }

    /// The corpus tests below take their cases from the committed fixtures; make sure every file the
    /// manifest lists is there with its recorded size, so they cannot pass on a shrunken or altered corpus.
    @Test func corpusIsPresentAndMatchesItsManifest() throws {
        let manifest = try String(contentsOf: Self.corpus.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        let rows = manifest.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.count == 78)
        for row in rows {
            let path = String(row[0]), bytes = Int(row[2])
            let size = (try? FileManager.default.attributesOfItem(atPath: Self.corpus.appendingPathComponent(path).path))?[.size] as? Int
            #expect(size != nil && size == bytes, "\(path): \(size.map(String.init) ?? "missing"), manifest says \(row[2]) bytes")
        }
        #expect(Self.files("valid").count == 70, "Tests/Fixtures/graphviz-dot-corpus/valid")
        #expect(Self.files("edge-cases").count == 8)
        #expect(
            Set(Self.files("valid").map { "valid/" + $0 } + Self.files("edge-cases").map { "edge-cases/" + $0 })
                == Set(rows.map { String($0[0]) }))
    }

    @Test func ownExportReadsBackAsTheSameNetwork() throws {
        for network in [try Network.bundled(), Fixtures.small] {
            let dot = RenderJob().dot(network)
            let (back, warnings) = try DOTImport.read(Array(dot.utf8), file: "export.dot")
            #expect(warnings.isEmpty)
            #expect(back == network)
        }
    }

    @Test func hostileTextSurvivesTheRoundTrip() throws {
        var network = Network(name: "hostile \"name\" \\ & <x>")
        for (i, s) in (HostileStrings.fixed + HostileStrings.generated(count: 150, seed: 99)).enumerated() {
            network.nodes.append(
                Node(
                    id: "n\(i)" + s.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "\t", with: ""), label: s,
                    kind: .dialogue, description: s, attributes: ["note": .string(s)]))
            if i > 0 { network.edges.append(Edge(network.nodes[i - 1].id, .ledTo, network.nodes[i].id, description: s)) }
        }
        #expect(network.validationProblems().isEmpty)
        let (back, _) = try DOTImport.read(Array(RenderJob().dot(network).utf8), file: "hostile.dot")
        #expect(back == network)
    }

    @Test func foreignDOTGetsDefaultsAttributesAndClusters() throws {
        let dot = """
            graph G { label="Peace talks"; node [shape=box];
              subgraph cluster_a { label="North"; a [label="Alpha \\N", color=red]; b }
              a -- b [weight=3]; b -- c; "multi word" -- a
            }
            """
        let (network, warnings) = try DOTImport.read(Array(dot.utf8), file: "g.dot")
        #expect(network.nodes.map(\.id) == ["a", "b", "c", "multi word"])
        #expect(network.nodes[0].label == "Alpha a")
        #expect(network.nodes[0].kind == .participant)
        #expect(network.nodes[0].attributes["color"] == .string("red"))
        #expect(network.nodes[0].attributes["cluster"] == .string("North"))
        #expect(network.edges.count == 3 && network.edges.allSatisfy { $0.relation == .partnersWith })
        #expect(network.edges[0].attributes["weight"] == .string("3"))
        #expect(network.title == "Peace talks")
        #expect(warnings.contains { $0.contains("undirected") })
    }

    @Test func multiGraphFilesBecomeOneNetworkWithPrefixedIds() throws {
        let (network, warnings) = try DOTImport.read(Array("digraph G { a -> b } digraph H { a -> c }".utf8), file: "m.dot")
        #expect(network.nodes.map(\.id) == ["G/a", "G/b", "H/a", "H/c"])
        #expect(network.edges.count == 2)
        #expect(warnings.contains { $0.contains("2 graphs") })
    }

    @Test func syntaxErrorsAreTypedErrors() {
        for text in ["digraph { a -> }", "", "not a graph at all", "digraph { a [label=\"unterminated] }"] {
            #expect(throws: FormatError.self, "\(text)") { try DOTImport.read(Array(text.utf8), file: "bad.dot") }
        }
    }

    /// Every valid corpus file imports, exports, and Graphviz parses the export into the same graph:
    /// the same node names, the same edges between them, the same labels.
    @Test(arguments: files("valid"))
    func corpusFileRoundTrips(path: String) throws {
        let url = Self.corpus.appendingPathComponent("valid").appendingPathComponent(path)
        let bytes = [UInt8](try Data(contentsOf: url))
        let (network, _) = try DOTImport.read(bytes, file: path)
        let original = try Graphviz.shared.parseAll(dot: bytes)
        let exported = try Graphviz.shared.parse(dot: RenderJob(options: DOTOptions(clusterBy: .none, legend: false)).dot(network))
        let multi = original.count > 1
        let names = original.flatMap { g in g.nodes.map { (multi ? g.name + "/" : "") + $0.name } }
        let exportedNames = exported.nodes.map { DOTText.unescapeLabel($0.attributes["bc_id"] ?? "") }
        #expect(Set(exportedNames) == Set(names), "\(path): nodes")
        #expect(exportedNames.count == Set(names).count)
        let byName = Dictionary(uniqueKeysWithValues: exported.nodes.map { ($0.name, DOTText.unescapeLabel($0.attributes["bc_id"] ?? "")) })
        let originalEdges = original.flatMap { g in
            g.edges.map { "\((multi ? g.name + "/" : "") + $0.tail)→\((multi ? g.name + "/" : "") + $0.head)" }
        }.sorted()
        let exportedEdges = exported.edges.map { "\(byName[$0.tail]!)→\(byName[$0.head]!)" }.sorted()
        #expect(exportedEdges == originalEdges, "\(path): edges")
    }

    /// Inputs that must be rejected cleanly, or that Graphviz 2.43 cannot lay out: import gives a
    /// result or a typed error, never a crash.
    @Test(arguments: files("edge-cases"))
    func edgeCasesNeverCrashTheImport(path: String) throws {
        let url = Self.corpus.appendingPathComponent("edge-cases").appendingPathComponent(path)
        let bytes = [UInt8](try Data(contentsOf: url))
        do {
            let (network, _) = try DOTImport.read(bytes, file: path)
            #expect(network.validationProblems().isEmpty)
        } catch {
            guard case let .malformed(file, _, _, message) = error else { Issue.record("\(error)"); return }
            #expect(file == path)
            #expect(message.hasPrefix("not valid DOT: ") && message.count > "not valid DOT: ".count)
        }
    }
}

/// DOT's bc_data carries dates at their precision, as JSON does.
@Suite struct DOTDatePrecisionTests {
    @Test func daysAndMonthsSurviveTheRoundTrip() throws {
        func d(_ y: Int, _ m: Int? = nil, _ day: Int? = nil) -> PartialDate { PartialDate(year: y, month: m, day: day)! }
        let network = Network(
            name: "dated", title: "Dated",
            nodes: [
                Node(id: "oslo", kind: .dialogue, track: .two, years: Period(start: d(1993, 1, 20), end: d(1993, 9, 13))),
                Node(
                    id: "plo", kind: .participant, years: Period(start: d(1964, 5)),
                    designations: [Designation(list: "FTO list", since: d(1997, 10))]),
                Node(id: "fafo", kind: .convener, years: .year(1981)),
            ],
            edges: [
                Edge("fafo", .convenes, "oslo", years: Period(start: d(1993, 1, 20), end: d(1993, 8, 20))),
                Edge("plo", .participatesIn, "oslo", years: .on(d(1993, 1))), Edge("fafo", .partnersWith, "plo", years: .year(1992)),
            ])
        let dot = RenderJob().dot(network)
        #expect(dot.contains("1993-01-20"), "the dates are in bc_data")
        let (back, _) = try DOTImport.read(Array(dot.utf8), file: "dated.dot")
        #expect(back.nodes == network.nodes && back.edges == network.edges)
        #expect(RenderJob().dot(back) == dot, "deterministic")
    }
}
