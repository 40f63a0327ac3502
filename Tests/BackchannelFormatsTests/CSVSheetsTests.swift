import BackchannelAnalysis
import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// Writes `network` as sheets named after it and reads them back.
private func roundTrip(_ network: Network) throws -> (network: Network, warnings: [String], written: [String]) {
    let written = CSVSheets.write(network)
    let read = try CSVSheets.read(
        nodes: .init(bytes: Array(written.nodes.utf8), file: "\(network.name)-nodes.csv"),
        edges: .init(bytes: Array(written.edges.utf8), file: "\(network.name)-edges.csv"),
        sources: .init(bytes: Array(written.sources.utf8), file: "\(network.name)-sources.csv"), mapping: nil)
    return (read.network, read.warnings, written.warnings)
}

/// What the sheets keep of `network`: everything but the title and description.
private func sheetable(_ network: Network) -> Network {
    var n = network
    n.title = nil
    n.description = nil
    return n
}

private func sheet(_ text: String, _ file: String) -> CSVSheets.Sheet {
    .init(bytes: Array(text.utf8), file: file)
}

/// Reads sheets given as bytes and returns the error, if any.
private func failure(nodes: [UInt8], edges: [UInt8], sources: [UInt8]?) -> FormatError? {
    do {
        _ = try CSVSheets.read(
            nodes: .init(bytes: nodes, file: "n.csv"), edges: .init(bytes: edges, file: "e.csv"),
            sources: sources.map { .init(bytes: $0, file: "s.csv") }, mapping: nil)
        return nil
    } catch {
        return error
    }
}

/// Reads sheets given as text and returns the error, if any.
private func failure(nodes: String? = nil, edges: String, sources: String? = nil, mapping: CSVMapping? = nil) -> FormatError? {
    do {
        _ = try CSVSheets.read(
            nodes: nodes.map { sheet($0, "nodes.csv") }, edges: sheet(edges, "edges.csv"),
            sources: sources.map { sheet($0, "sources.csv") }, mapping: mapping)
        return nil
    } catch {
        return error
    }
}

private let validNodes = "id,label,kind\r\na,A,convener\r\nb,B,dialogue\r\n"
private let validEdges = "source,target,relation\r\na,b,convenes\r\n"

@Suite("CSV sheets")
struct CSVSheetsTests {
    // MARK: Round trips

    @Test func smallFixtureRoundTrips() throws {
        let (back, warnings, written) = try roundTrip(Fixtures.small)
        #expect(back == sheetable(Fixtures.small))
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(written.contains { $0.contains("title") })
        #expect(written.contains { $0.contains("name") })
    }

    @Test func bundledHistoryRoundTrips() throws {
        let network = try Network.bundled()
        let (back, warnings, _) = try roundTrip(network)
        #expect(back == sheetable(network))
        #expect(warnings.isEmpty, "\(warnings)")
    }

    @Test(arguments: [1, 2, 3, 7, 42] as [UInt64])
    func hostileNetworksRoundTrip(seed: UInt64) throws {
        let network = TestNetworks.hostile(seed: seed)
        #expect(network.validationProblems().isEmpty, "\(network.validationProblems().prefix(3))")
        let (back, _, _) = try roundTrip(network)
        #expect(back == sheetable(network))
        if back != sheetable(network) {
            for (a, b) in zip(back.nodes, network.nodes) where a != b { Issue.record("node \(a) != \(b)"); break }
            for (a, b) in zip(back.edges, network.edges) where a != b { Issue.record("edge \(a) != \(b)"); break }
        }
    }

    @Test func megabyteLabelsRoundTrip() throws {
        let network = TestNetworks.huge()
        let written = CSVSheets.write(network)
        expectLinearSize(written.nodes.utf8.count + written.edges.utf8.count + written.sources.utf8.count, of: network, "CSV sheets")
        let (back, _, _) = try roundTrip(network)
        #expect(back == network)
    }

    @Test func urlAPIReadsWrittenFilesAndNamesTheNetworkAfterTheEdgesFile() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let written = CSVSheets.write(Fixtures.small)
        let nodes = directory.appendingPathComponent("small-nodes.csv")
        let edges = directory.appendingPathComponent("small-edges.csv")
        let sources = directory.appendingPathComponent("small-sources.csv")
        try written.nodes.write(to: nodes, atomically: true, encoding: .utf8)
        try written.edges.write(to: edges, atomically: true, encoding: .utf8)
        try written.sources.write(to: sources, atomically: true, encoding: .utf8)
        let back = try CSVSheets.read(nodes: nodes, edges: edges, sources: sources, mapping: nil)
        #expect(back.network == sheetable(Fixtures.small))

        let missing = directory.appendingPathComponent("absent-edges.csv")
        do {
            _ = try CSVSheets.read(nodes: nil, edges: missing, sources: nil, mapping: nil)
            Issue.record("a missing file was read")
        } catch {
            guard case let .unreadable(file, reason) = error else {
                Issue.record("expected unreadable, got \(error)")
                return
            }
            #expect(file == missing.path)
            #expect(!reason.isEmpty)
        }
    }

    // MARK: The written format

    @Test func writtenSheetsHaveFixedColumnsThenSortedTypedAttributes() {
        let written = CSVSheets.write(Fixtures.small)
        let nodeLines = written.nodes.components(separatedBy: "\r\n")
        #expect(nodeLines[0] == "id,label,kind,track,start,end,description,designations,sources")
        #expect(nodeLines[1] == "ngo,Peace NGO,convener,II,,,,,s1")
        #expect(nodeLines[2] == "group,Armed group,participant,,,,,FTO list|State|1997||s1,s1")
        let edgeLines = written.edges.components(separatedBy: "\r\n")
        #expect(
            edgeLines[0]
                == "source,target,key,relation,support,weight,year,start,end,description,sources,count:int,note,ok:bool,share:double")
        #expect(edgeLines[6] == "ngo,group,,provides,training,2.5,,1996,1998,,s1,,,,")
        #expect(edgeLines[7] == "court,ngo,,constrains,,1.0,,2010,,,s1,3,scope,true,0.5")
        #expect(written.sources == "id,citation,url\r\ns1,Fixture source,\r\n")
        #expect(CSVSheets.write(Fixtures.small) == written)
    }

    @Test func attributeNamesThatLookLikeColumnsGetATypeSuffix() throws {
        let network = Network(nodes: [
            Node(
                id: "a", kind: .convener,
                attributes: [
                    "kind": .string("k"), "x:int": .string("s"), "": .string("empty name"), "Label": .string("L"), "n": .int(1),
                    "plain": .string(""),
                ])
        ])
        let written = CSVSheets.write(network)
        #expect(
            written.nodes.hasPrefix(
                "id,label,kind,track,start,end,description,designations,sources,:string,Label:string,kind:string,n:int,plain,x:int:string\r\n"
            ))
        #expect(written.nodes.contains(",\"\","), "an empty string is a quoted empty field")
        let back = try CSVSheets.read(
            nodes: sheet(written.nodes, "n.csv"), edges: sheet(written.edges, "edges.csv"), sources: nil, mapping: nil)
        #expect(back.network == network)
    }

    // MARK: Reading other people's sheets

    @Test func readsBOMCRLFQuotesAndGephiHeaders() throws {
        let nodes =
            "\u{FEFF}Id,Label,Kind,Track,Start,End,Description,Sources,Region\r\n"
            + "cousins,\"Cousins, Norman\",Convener,ii,1960,,\"Editor of the \"\"Saturday Review\"\";\nfounder\",\" apb ; wiki \",Americas\r\n"
            + "dartmouth,Dartmouth Conference,dialogue,II,1960,1990,,apb,\r\n"
        let edges = "Source,Target,Relation,Weight,Year\na,b,Participates in,2,1995-06-01\r\ncousins,dartmouth,convenes,,1960\r"
        let read = try CSVSheets.read(nodes: sheet(nodes, "nodes.csv"), edges: sheet(edges, "edges.csv"), sources: nil, mapping: nil)
        let n = read.network
        #expect(n.nodes.map(\.id) == ["cousins", "dartmouth", "a", "b"])
        #expect(n.nodes[0].label == "Cousins, Norman")
        #expect(n.nodes[0].kind == .convener)
        #expect(n.nodes[0].track == .two)
        #expect(n.nodes[0].years == Period(start: 1960))
        #expect(n.nodes[0].description == "Editor of the \"Saturday Review\";\nfounder")
        #expect(n.nodes[0].sources == ["apb", "wiki"])
        #expect(n.nodes[0].attributes == ["Region": .string("Americas")])
        #expect(n.nodes[1].attributes.isEmpty, "an empty cell is no value")
        #expect(n.edges[0].relation == .participatesIn)
        #expect(n.edges[0].weight == 2)
        #expect(n.edges[0].years == .on(PartialDate(year: 1995, month: 6, day: 1)!), "an ISO date is kept as its day")
        #expect(n.sources.map(\.id) == ["apb", "wiki"])
        #expect(n.sources[0].citation == "apb")
        #expect(read.warnings.contains { $0.contains("2 edge endpoints are not in nodes.csv") })
        #expect(read.warnings.contains { $0.contains("no sources sheet") })
    }

    @Test func mappedColumnsThatAreMissingAreNamed() {
        let mapping = CSVMapping(source: .init(column: "from", attributes: ["type"]), target: .init(column: "to"))
        #expect(
            failure(edges: "from,to\nx,y\n", mapping: mapping)?.description
                == #"edges.csv:1:1: no "type" column (named in the mapping as source.attributes); the header has: "from", "to""#)
        #expect(
            failure(edges: "from,dest\nx,y\n", mapping: mapping)?.description.contains(#"no "to" column (named in the mapping as target)"#)
                == true)
    }

    @Test func edgesAloneMakeParticipantNodesAndPartnership() throws {
        let read = try CSVSheets.read(
            nodes: nil, edges: sheet("from,to\nx,y\ny,z\n", "links.csv"), sources: nil,
            mapping: CSVMapping(
                source: .init(column: "from"), target: .init(column: "to")))
        #expect(read.network.name == "links")
        #expect(read.network.nodes.map(\.id) == ["x", "y", "z"])
        #expect(read.network.nodes.allSatisfy { $0.kind == .participant && $0.label == $0.id })
        #expect(read.network.edges.allSatisfy { $0.relation == .partnersWith && $0.weight == 1 })
        #expect(read.warnings.contains { $0.contains("every edge is partners_with") })
    }

    @Test func blankSpreadsheetRowsAreSkippedAndKindValuesApplyToTheNodesSheet() throws {
        let read = try CSVSheets.read(
            nodes: sheet("id,kind\na,NGO\n,\n,,\n", "n.csv"), edges: sheet("source,target\n,\na,a\n,,,\n", "e.csv"), sources: nil,
            mapping: CSVMapping(kindValues: ["ngo": .convener]))
        #expect(read.network.nodes.map(\.kind) == [.convener])
        #expect(read.network.edges.count == 1)
    }

    @Test func designationsAndEscapesRead() throws {
        let nodes =
            #"id,kind,designations,sources"# + "\n"
            + #"pkk,participant,"Foreign Terrorist Organization list|U.S. Department of State|1997||fto, lawfare; SDN\|list||2001|2003","a\;b""#
            + "\n"
        let read = try CSVSheets.read(
            nodes: sheet(nodes, "nodes.csv"), edges: sheet("source,target\n", "edges.csv"), sources: nil, mapping: nil)
        let node = try #require(read.network.nodes.first)
        #expect(
            node.designations == [
                Designation(
                    list: "Foreign Terrorist Organization list", by: "U.S. Department of State", since: 1997, sources: ["fto", "lawfare"]),
                Designation(list: "SDN|list", since: 2001, until: 2003),
            ])
        #expect(node.sources == ["a;b"])
    }

    @Test func mappingImportsAPAXStyleSignatoriesTable() throws {
        let table = """
            signatory_id,date,year,from_node_id,from_node_name,signatory_type,to_node_id,to_node_name,abbreviation,to_node_type
            0,1995-11-10,1995,AGT_2,"Dayton Agreement, Dayton",party,CON_0,Bosnia and Herzegovina,BOS,Country/State
            8,1995-11-10,1995,AGT_2,"Dayton Agreement, Dayton",third party,CON_3,United States,USA,Country/State
            9,1996-01-02,1996,AGT_7,Sant'Egidio talks,third party,NGO_1,Community of Sant'Egidio,,NGO
            10,1996-01-02,1996,AGT_7,Sant'Egidio talks,party,CON_0,Bosnia & Herzegovina,BOS,Country/State
            11,1996-01-02,1996,AGT_7,Sant'Egidio talks,party,ARM_1,Some armed group,,Armed Organization
            """
        let mappingText = """
            # PA-X signatories: actor → agreement
            source = to_node_id
            source.label = to_node_name
            source.kind.column = to_node_type
            source.attributes = abbreviation, to_node_type
            target = from_node_id
            target.label = from_node_name
            target.kind = dialogue
            relation = signatory_type
            relation.value.party = participates_in
            relation.value.third party = convenes
            kind.value.Country/State = official
            kind.value.NGO = convener
            ignore = signatory_id
            """
        let mapping = try CSVMapping.parse(mappingText, file: "pax.mapping")
        let read = try CSVSheets.read(nodes: nil, edges: sheet(table, "pax-edges.csv"), sources: nil, mapping: mapping)
        let n = read.network
        #expect(n.name == "pax")
        #expect(n.nodes.map(\.id) == ["CON_0", "AGT_2", "CON_3", "NGO_1", "AGT_7", "ARM_1"])
        #expect(n.node("CON_0")?.kind == .official)
        #expect(n.node("CON_0")?.label == "Bosnia and Herzegovina", "the first label wins")
        #expect(n.node("CON_0")?.attributes == ["abbreviation": .string("BOS"), "to_node_type": .string("Country/State")])
        #expect(n.node("NGO_1")?.kind == .convener)
        #expect(n.node("ARM_1")?.kind == .participant, "unmapped kind values fall back to the side's kind")
        #expect(n.node("AGT_2")?.kind == .dialogue)
        #expect(n.node("AGT_2")?.label == "Dayton Agreement, Dayton")
        #expect(n.edges.map(\.relation) == [.participatesIn, .convenes, .convenes, .participatesIn, .participatesIn])
        #expect(n.edges[0].years == .year(1995))
        #expect(n.edges[0].attributes == ["date": .string("1995-11-10")])
        #expect(read.warnings.contains { $0.contains("Armed Organization") })
    }

    @Test(.enabled(if: Fixtures.hasSharedPAX, Comment(rawValue: Fixtures.needsSharedPAX)))
    func realPAXSignatoriesTableImports() throws {
        let url = Fixtures.sharedPAXSignatories
        let mapping = CSVMapping(
            source: .init(column: "to_node_id", label: "to_node_name", kindColumn: "to_node_type", attributes: ["to_node_type"]),
            target: .init(column: "from_node_id", label: "from_node_name", kind: .dialogue, attributes: ["PPName"]),
            relation: "signatory_type", relationValues: ["party": .participatesIn, "third party": .convenes],
            kindValues: ["Country/State": .official, "Non-governmental Organization": .convener, "IGO": .official],
            ignore: ["signatory_id", "from_id", "to_id"])
        let read = try CSVSheets.read(nodes: nil, edges: url, sources: nil, mapping: mapping)
        // One row has no actor id: it is left out, with a warning naming its line.
        #expect(read.network.edges.count == 7121)
        #expect(read.warnings.contains { $0.contains("1 row has an empty source or target and was left out (line 45)") })
        #expect(read.network.nodes.filter { $0.kind == .dialogue }.count == 1642)
        #expect(read.network.nodes.count == 1642 + 1094)
        let santEgidio = try #require(read.network.node("NGO_95"))
        #expect(santEgidio.kind == .convener)
        #expect(santEgidio.label == "Community of Sant’Egidio")
        #expect(santEgidio.attributes["to_node_type"] == .string("Non-governmental Organization"))
        #expect(read.network.validationProblems().isEmpty)
    }

    // MARK: Mapping files

    @Test func mappingFileErrorsNameTheLine() {
        func error(_ text: String) -> FormatError? {
            do { _ = try CSVMapping.parse(text, file: "m.txt"); return nil } catch { return error }
        }
        let unknownKey = error("source = a\n\nsoruce.kind = convener\n")
        #expect(
            unknownKey?.description.hasPrefix("m.txt:3:1: unknown key \"soruce.kind\" (did you mean 'source.kind'?)") == true,
            "\(String(describing: unknownKey))")
        let badKind = error("target.kind = convenor")
        #expect(
            badKind?.description.contains(
                "unknown kind \"convenor\" (did you mean 'convener'?); expected one of: convener, participant, conflict, legal, dialogue, official, agreement, event"
            ) == true)
        #expect(error("# just a comment\nsource")?.description.hasPrefix("m.txt:2:1: expected key = value") == true)
        #expect(error("year = a\nyear = b")?.description.contains("already given on line 1") == true)
        #expect(error("delimiter = :")?.description.contains("unknown delimiter") == true)
        #expect(error("relation.value.funds = gives")?.description.contains("unknown relation") == true)
    }

    @Test func mappingFileReadsEveryKey() throws {
        let m = try CSVMapping.parse(
            """
            delimiter = ;
            source = A
            source.track = II
            target.kind = conflict
            relation.default = urges
            support = s
            support.default = training
            weight = w
            start = from
            end = until
            description = note
            sources = cites
            key = k
            node.id = ID
            node.label = Name
            node.kind = Type
            ignore = x, y
            """, file: "m")
        #expect(m.delimiter == .semicolon)
        #expect(m.source.column == "A")
        #expect(m.source.track == .two)
        #expect(m.target.kind == .conflict)
        #expect(m.defaultRelation == .urges)
        #expect(m.defaultSupport == .training)
        #expect(
            [m.support, m.weight, m.start, m.end, m.description, m.sources, m.key] == ["s", "w", "from", "until", "note", "cites", "k"])
        #expect([m.nodeID, m.nodeLabel, m.nodeKind] == ["ID", "Name", "Type"])
        #expect(m.ignore == ["x", "y"])
    }

    @Test func semicolonDelimitedSheets() throws {
        let mapping = CSVMapping(delimiter: .semicolon)
        let read = try CSVSheets.read(
            nodes: sheet("id;kind\na;convener\n\"b;c\";dialogue\n", "n.csv"),
            edges: sheet("source;target;relation\na;\"b;c\";convenes\n", "e.csv"),
            sources: nil, mapping: mapping)
        #expect(read.network.nodes.map(\.id) == ["a", "b;c"])
        #expect(read.network.edges.map(\.target) == ["b;c"])
        #expect(failure(edges: "source;target\na;b;c\n", mapping: mapping)?.description.contains("fields are separated by \";\"") == true)
    }

    // MARK: Malformed input

    @Test(
        arguments: [
            // (nodes, edges, file, line, column, message fragment)
            (nil, "source,target\n\"a,b\n", "edges.csv", 2, 1, "quoted field is never closed"),
            (nil, "source,target\na\"b,c\n", "edges.csv", 2, 2, "quote inside an unquoted field"),
            (nil, "source,target\n\"a\"b,c\n", "edges.csv", 2, 4, "unexpected text after a closing quote"),
            (nil, "source,target\na,b,c\n", "edges.csv", 2, 5, "this row has 3 fields but the header has 2"),
            (nil, "source,target\na\n", "edges.csv", 2, 1, "this row has 1 field but the header has 2"),
            (nil, "source,destination\na,b\n", "edges.csv", 1, 1, "no \"target\" column"),
            (nil, "", "edges.csv", 1, 1, "the file is empty"),
            ("identifier,kind\na,convener\n", validEdges, "nodes.csv", 1, 1, "no \"id\" column"),
            (
                "id,kind\na,convener\nb,convenor\n", validEdges, "nodes.csv", 3, 3,
                "column \"kind\": unknown kind \"convenor\" (did you mean 'convener'?); expected one of: convener, participant, conflict, legal, dialogue, official, agreement, event"
            ),
            ("id,track\na,Track 2\n", validEdges, "nodes.csv", 2, 3, "unknown track"),
            ("id,start\na,sixties\n", validEdges, "nodes.csv", 2, 3, "\"sixties\" is not a year"),
            ("id,n:int\na,1.5\n", validEdges, "nodes.csv", 2, 3, "column \"n:int\": \"1.5\" is not an integer"),
            ("id,ok:bool\na,maybe\n", validEdges, "nodes.csv", 2, 3, "is not a boolean"),
            ("id,kind,kind\na,b,c\n", validEdges, "nodes.csv", 1, 9, "column \"kind\" appears twice"),
            ("id,x,x\na,b,c\n", validEdges, "nodes.csv", 1, 6, "repeats column 2"),
            ("id,designations\na,x|y|z|w|v|u\n", validEdges, "nodes.csv", 2, 3, "at most 5 parts"),
            ("id,sources\na,ends\\\n", validEdges, "nodes.csv", 2, 3, "backslash at the end"),
            ("id,kind\na,convener\na,dialogue\n", "source,target\n", "nodes.csv", 3, 1, "duplicate node id \"a\""),
            (
                validNodes, "source,target,relation\na,b,convene\n", "edges.csv", 2, 5,
                "unknown relation \"convene\" (did you mean 'convenes'?)"
            ),
            (validNodes, "source,target,relation\na,b,provides\n", "edges.csv", 2, 5, "a 'provides' edge needs \"support\""),
            (validNodes, "source,target,relation,support\na,b,urges,cash\n", "edges.csv", 2, 11, "unknown support type \"cash\""),
            (validNodes, "source,target,weight\na,b,-1\n", "edges.csv", 2, 5, "weight -1.0 must be a positive finite number"),
            (validNodes, "source,target,weight\na,b,heavy\n", "edges.csv", 2, 5, "weight \"heavy\" is not a number"),
            (validNodes, "source,target,year,start\na,b,1990,1991\n", "edges.csv", 2, 5, "either a year or a start and end"),
            (validNodes, "source,target,start,end\na,b,1995,1990\n", "edges.csv", 2, 10, "end year 1990 is before start year 1995"),
            (validNodes, "source,target,year\na,b,3000\n", "edges.csv", 2, 5, "year 3000 is outside"),
            ("id,label\na,\"x\u{1}y\"\n", validEdges, "nodes.csv", 2, 3, "control character U+0001"),
        ] as [(String?, String, String, Int, Int, String)])
    func malformedSheetsAreLocated(nodes: String?, edges: String, file: String, line: Int, column: Int, message: String) {
        let error = failure(nodes: nodes, edges: edges)
        guard case let .malformed(f, l, c, m)? = error else {
            Issue.record("expected a malformed error, got \(String(describing: error))")
            return
        }
        #expect(f == file)
        #expect(l == line, "\(m)")
        #expect(c == column, "\(m)")
        #expect(m.contains(message), "\(m)")
    }

    @Test func unknownSourceIdsAreLocatedInTheSheetThatCitesThem() {
        let error = failure(nodes: "id,sources\na,s1\nb,\"s1;s2\"\n", edges: "source,target\n", sources: "id,citation,url\ns1,One,\n")
        #expect(
            error?.description
                == "nodes.csv:3:3: column \"sources\": unknown source id \"s2\" (did you mean 's1'?); sources are listed in the sources sheet sources.csv",
            "\(String(describing: error))")
    }

    @Test func truncatedSheetsAreErrors() {
        let written = CSVSheets.write(Fixtures.small)
        let nodes = Array(written.nodes.utf8)
        // Cut in the middle of the last row: it has fewer fields than the header.
        let lastRow = nodes.lastIndex(of: 0x0A, before: nodes.count - 2)! + 1
        for cut in [lastRow + 2, lastRow + 10, nodes.count - 3] {
            let error = failure(nodes: String(decoding: nodes[..<cut], as: UTF8.self), edges: written.edges, sources: written.sources)
            #expect(error != nil, "cut at \(cut)")
        }
        // Cut inside a quoted multi-line field.
        let quoted = "id,description\na,\"line one\nline two\"\n"
        #expect(failure(nodes: String(quoted.dropLast(8)), edges: "source,target\n")?.description.contains("never closed") == true)
    }

    @Test func invalidUTF8AndNULBytesAreRejectedWithTheirPlace() throws {
        var bytes = Array("source,target\na,b\nc,".utf8)
        bytes += [0xC3, 0x28, 0x0A]
        #expect(
            throws: FormatError.malformed(
                file: "edges.csv", line: 3, column: 3, message: "invalid UTF-8 sequence starting with byte 0xC3; save the file as UTF-8")
        ) {
            try CSVSheets.read(nodes: nil, edges: .init(bytes: bytes, file: "edges.csv"), sources: nil, mapping: nil)
        }
        let nul = Array("source,target\na,b\u{0}c\n".utf8)
        #expect(throws: FormatError.malformed(file: "edges.csv", line: 2, column: 4, message: "NUL byte (U+0000): this is not a text file"))
        {
            try CSVSheets.read(nodes: nil, edges: .init(bytes: nul, file: "edges.csv"), sources: nil, mapping: nil)
        }
        let utf16: [UInt8] = [0xFF, 0xFE, 0x73, 0x00]
        #expect(throws: FormatError.self) {
            try CSVSheets.read(nodes: nil, edges: .init(bytes: utf16, file: "edges.csv"), sources: nil, mapping: nil)
        }
    }

    @Test func writerReplacesNULAndWarns() throws {
        let network = Network(nodes: [Node(id: "a", kind: .convener, attributes: ["x": .string("a\u{0}b")])])
        let written = CSVSheets.write(network)
        #expect(written.warnings.contains { $0.contains("NUL") })
        let back = try CSVSheets.read(
            nodes: sheet(written.nodes, "n.csv"), edges: sheet(written.edges, "e.csv"), sources: nil, mapping: nil)
        #expect(back.network.nodes[0].attributes["x"] == .string("a\u{FFFD}b"))
    }

    @Test func emptyDesignationByIsAWarning() {
        let network = Network(nodes: [Node(id: "a", kind: .participant, designations: [Designation(list: "L", by: "")])])
        #expect(CSVSheets.write(network).warnings.contains { $0.contains("empty \"by\"") })
    }

    // MARK: Mutants

    @Test func mutatedSheetsReadOrThrow() throws {
        let network = TestNetworks.hostile(seed: 11, nodes: 12, edges: 20)
        let written = CSVSheets.write(network)
        let originals = [Array(written.nodes.utf8), Array(written.edges.utf8), Array(written.sources.utf8)]
        let snippets = [
            "\"", "\"\"", ",", "\r\n", "\n", "\r", ";", "|", "\\", "\u{FEFF}", "\u{0}", ":int", "kind", "convenor", "provides", "-1",
            "9999", "\u{FF}",
        ]
        var read = 0, rejected = 0
        for mutant in Mutator.mutants(
            of: originals[1] + [0xFF] + originals[0] + [0xFF] + originals[2], count: 300, seed: 2024, extra: snippets)
        {
            // Split back into three sheets at the separators that survived; mutate the rest in place.
            let parts = mutant.split(separator: 0xFF, maxSplits: 2, omittingEmptySubsequences: false).map(Array.init)
            let edges = parts[0]
            let nodes = parts.count > 1 ? parts[1] : originals[0]
            let sources = parts.count > 2 ? parts[2] : nil
            let error = failure(nodes: nodes, edges: edges, sources: sources)
            if let error {
                #expect(!error.description.isEmpty)
                rejected += 1
            } else {
                read += 1
            }
        }
        #expect(read + rejected == 300)
        #expect(rejected > 0)
    }
}

extension Array where Element == UInt8 {
    func lastIndex(of byte: UInt8, before end: Int) -> Int? {
        var i = end - 1
        while i >= 0 {
            if self[i] == byte { return i }
            i -= 1
        }
        return nil
    }
}
