import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// Dates at the precision the source gives (year, year-month, day, open ends) survive every
/// reader and writer, and impossible ones are named where they are.
@Suite("Date precision")
struct DatePrecisionTests {
    static func d(_ y: Int, _ m: Int? = nil, _ day: Int? = nil) -> PartialDate { PartialDate(year: y, month: m, day: day)! }

    /// Years, year-months, days, open ends and a designation by month, on nodes and edges.
    static let network: Network = {
        let s = ["s"]
        return Network(
            name: "dated", title: "Dated", sources: [Source(id: "s", citation: "Fixture")],
            nodes: [
                Node(
                    id: "oslo", label: "Oslo channel", kind: .dialogue, track: .two,
                    years: Period(start: d(1993, 1, 20), end: d(1993, 9, 13)), sources: s),
                Node(id: "fafo", label: "Fafo", kind: .convener, years: Period(start: d(1981)), sources: s),
                Node(
                    id: "plo", label: "PLO", kind: .participant, years: Period(start: d(1964, 5)),
                    designations: [Designation(list: "FTO list", by: "State", since: d(1997, 10), until: d(2001, 2, 28), sources: s)],
                    sources: s),
                Node(id: "isr", label: "Israel", kind: .official, track: .one, sources: s),
            ],
            edges: [
                Edge("fafo", .convenes, "oslo", years: Period(start: d(1993, 1, 20), end: d(1993, 8, 20)), sources: s),
                Edge("plo", .participatesIn, "oslo", years: .on(d(1993, 1)), sources: s),
                Edge("isr", .participatesIn, "oslo", years: .on(d(1993, 5, 14)), sources: s),
                Edge("fafo", .partnersWith, "plo", years: .year(1992), sources: s),
                Edge("fafo", .partnersWith, "isr", years: Period(end: d(1993, 6)), sources: s),
            ])
    }()

    @Test func partialDatesAreValidatedAndOrdered() {
        #expect(PartialDate(year: 2021, month: 2, day: 29) == nil && PartialDate(year: 2024, month: 2, day: 29) != nil)
        #expect(PartialDate(year: 1900, month: 2, day: 29) == nil && PartialDate(year: 2000, month: 2, day: 29) != nil)
        #expect(PartialDate(year: 2021, month: 13) == nil && PartialDate(year: 2021, month: 0) == nil)
        #expect(PartialDate(year: 2021, month: nil, day: 3) == nil, "a day needs a month")
        #expect(PartialDate.read("2021-02-30") == .invalid("February 2021 has 28 days, not 30"))
        #expect(PartialDate.read("2021-13") == .invalid("month 13 is not 1–12"))
        #expect(PartialDate.read("21-01") == .notADate && PartialDate.read("2021-1") == .notADate)
        #expect(PartialDate(iso: "2021-07")?.text == "2021-07" && PartialDate(iso: "0999")?.text == "0999")
        #expect(Self.d(1993, 1, 1) < Self.d(1993, 1) && Self.d(1993, 1) < Self.d(1993) && Self.d(1993, 1) < Self.d(1993, 2))
        #expect(Self.d(1992, 12, 31) < Self.d(1993) && [Self.d(1993), Self.d(1992, 6), Self.d(1993, 1, 1)].min() == Self.d(1992, 6))
        #expect(Self.d(1970, 1, 1).firstDay == 0 && Self.d(2000, 3, 1).firstDay == 11_017)
        #expect(Self.d(2021).lastDay - Self.d(2021).firstDay == 364 && Self.d(2024, 2).lastDay - Self.d(2024, 2).firstDay == 28)
        for ordinal in [-719_468, -1, 0, 59, 10_956, 11_016, 11_017, 20_000, 2_932_896] {
            let c = PartialDate.civil(ordinal)
            #expect(PartialDate.ordinal(year: c.year, month: c.month, day: c.day) == ordinal)
        }
    }

    /// The finest precision both have: a year contains its months; a span of months does not
    /// contain a month outside it.
    @Test func periodsOverlapDayByDay() {
        let july = Self.d(2021, 7).firstDay...Self.d(2021, 7).lastDay
        #expect(Period.year(2021).overlaps(july))
        #expect(!Period(start: Self.d(2021, 3), end: Self.d(2021, 5)).overlaps(july))
        #expect(Period(start: Self.d(2021, 3), end: Self.d(2021, 7, 1)).overlaps(july))
        #expect(Period(start: Self.d(2021, 7, 31)).overlaps(july) && !Period(start: Self.d(2021, 8, 1)).overlaps(july))
        #expect(Period(end: Self.d(2020)).overlaps(Self.d(1900).firstDay...Self.d(1900).lastDay), "an end alone runs from the beginning")
        #expect(Period().overlaps(july))
        #expect(Period(start: Self.d(1993, 1, 20), end: Self.d(1993, 9, 13)).text == "1993-01-20–1993-09-13")
        #expect(Period(start: Self.d(2010)).text == "2010–present")
    }

    @Test func jsonKeepsYearsAsIntegersAndFinerDatesAsText() throws {
        let text = Self.network.jsonText()
        #expect(text.contains(#""start": "1993-01-20","#) && text.contains(#""end": "1993-09-13","#))
        #expect(text.contains(#""start": 1981,"#), "a year stays an integer")
        #expect(text.contains(#""year": 1992,"#), "a single year stays \"year\"")
        #expect(text.contains(#""start": "1993-01","#) && text.contains(#""end": "1993-01","#), "a single month is start and end")
        #expect(text.contains(#""since": "1997-10","#) && text.contains(#""until": "2001-02-28","#))
        let back = try Network.read(json: Array(text.utf8), file: "d.json").network
        #expect(back == Self.network)
        #expect(back.jsonText() == text, "deterministic")
    }

    @Test func impossibleDatesInJSONNameTheirPath() throws {
        let text = """
            {"graph": {"name": "x", "sources": []},
             "nodes": [{"id": "a", "kind": "convener", "start": "2021-02-30", "sources": []},
                       {"id": "b", "kind": "convener", "start": "2021-13", "sources": []}],
             "edges": [{"source": "a", "target": "b", "relation": "convenes", "year": "2021-06-31", "sources": []}]}
            """
        #expect { try Network.read(json: Array(text.utf8), file: "bad.json") } throws: { error in
            guard case let .invalid(problems) = error as? ModelError else { return false }
            let byPath = Dictionary(problems.map { ($0.path, $0.message) }, uniquingKeysWith: { a, _ in a })
            return byPath["$.nodes[0].start"]?.contains("\"2021-02-30\" is not a date: February 2021 has 28 days, not 30") == true
                && byPath["$.nodes[1].start"]?.contains("month 13 is not 1–12") == true
                && byPath["$.edges[0].year"]?.contains("June 2021 has 30 days, not 31") == true
        }
    }

    @Test func csvSheetsKeepThePrecision() throws {
        let written = CSVSheets.write(Self.network)
        #expect(written.nodes.contains("oslo,Oslo channel,dialogue,II,1993-01-20,1993-09-13"))
        #expect(written.edges.contains(",1992,,,"), "a single year stays in the year column")
        let read = try CSVSheets.read(
            nodes: .init(bytes: Array(written.nodes.utf8), file: "dated-nodes.csv"),
            edges: .init(bytes: Array(written.edges.utf8), file: "dated-edges.csv"),
            sources: .init(bytes: Array(written.sources.utf8), file: "dated-sources.csv"), mapping: nil)
        #expect(read.network.nodes == Self.network.nodes && read.network.edges == Self.network.edges)
        #expect(CSVSheets.write(read.network).nodes == written.nodes, "deterministic")
    }

    @Test func impossibleDatesInCSVNameTheCell() {
        let nodes = "id,label,kind,start\na,A,convener,2021-02-30\nb,B,convener,2021-13\n"
        let edges = "source,target,relation\na,b,convenes\n"
        #expect {
            try CSVSheets.read(
                nodes: .init(bytes: Array(nodes.utf8), file: "n.csv"), edges: .init(bytes: Array(edges.utf8), file: "e.csv"), sources: nil,
                mapping: nil)
        } throws: { error in
            let text = "\(error)"
            return text.contains("n.csv:2:14: column \"start\": \"2021-02-30\" is not a date: February 2021 has 28 days, not 30")
                && text.contains("n.csv:3:14: column \"start\": \"2021-13\" is not a date: month 13 is not 1–12")
        }
    }

    @Test func graphMLKeepsThePrecision() throws {
        let (text, warnings) = GraphML.write(Self.network)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(text.contains(#"attr.name="start" attr.type="string""#), "a key holding finer dates is a string of ISO dates")
        #expect(text.contains(">1993-01-20</data>"))
        let back = try GraphML.read(Array(text.utf8), file: "d.graphml").network
        #expect(back.nodes == Self.network.nodes && back.edges == Self.network.edges)
        // Years alone stay integers.
        #expect(GraphML.write(Fixtures.small).text.contains(#"attr.name="start" attr.type="int""#))
    }

    @Test func gexfWritesDaysAndKeepsCoarserDatesAsWritten() throws {
        let (text, _) = GEXF.write(Self.network)
        #expect(text.contains(#"mode="dynamic" timeformat="date""#))
        #expect(text.contains(#"<node id="oslo" label="Oslo channel" start="1993-01-20" end="1993-09-13">"#))
        #expect(text.contains(#"<node id="fafo" label="Fafo" start="1981-01-01">"#), "a year's start is its first day")
        #expect(text.contains(#"start="1993-01-01" end="1993-01-31""#), "a month is its first to its last day")
        #expect(text.contains(#"start="1992-01-01" end="1992-12-31""#))
        #expect(text.contains(#"title="period_start" type="string""#))
        let back = try GEXF.read(Array(text.utf8), file: "d.gexf").network
        #expect(back.nodes == Self.network.nodes && back.edges == Self.network.edges)
        #expect(GEXF.write(back).text == text, "deterministic")
        // Years alone stay integer times.
        #expect(GEXF.write(Fixtures.small).text.contains(#"timeformat="integer""#))
    }

    @Test func gexfTimesFinerThanTheModelAreCountedAndImpossibleOnesAreErrors() throws {
        func doc(_ format: String, _ start: String) -> [UInt8] {
            Array(
                """
                <gexf xmlns="http://gexf.net/1.3" version="1.3"><graph mode="dynamic" timeformat="\(format)"><nodes>
                <node id="a" start="\(start)"/></nodes><edges/></graph></gexf>
                """.utf8)
        }
        let time = try GEXF.read(doc("dateTime", "2009-03-01T12:30:00"), file: "t.gexf")
        #expect(time.network.nodes[0].years == Period(start: Self.d(2009, 3, 1)))
        #expect(time.warnings.contains("1 time of day was left out: the date is kept (the model holds days, not times)"))
        let midnight = try GEXF.read(doc("dateTime", "2009-03-01T00:00:00Z"), file: "t.gexf")
        #expect(!midnight.warnings.contains { $0.contains("time of day") }, "midnight loses nothing")
        let fraction = try GEXF.read(doc("double", "2009.5"), file: "t.gexf")
        #expect(fraction.network.nodes[0].years == Period(start: Self.d(2009)))
        #expect(fraction.warnings.contains { $0.hasPrefix("1 time with a fraction was read as its whole year") })
        let integer = try GEXF.read(doc("integer", "2009"), file: "t.gexf")
        #expect(integer.network.nodes[0].years == Period(start: Self.d(2009)) && integer.warnings.allSatisfy { !$0.contains("time") })
        #expect { try GEXF.read(doc("date", "2009-02-30"), file: "t.gexf") } throws: { error in
            guard case let .malformed(file, line, _, message) = error as? FormatError else { return false }
            return file == "t.gexf" && line == 2 && message.contains("\"2009-02-30\" is not a date: February 2009 has 28 days, not 30")
        }
    }

    @Test(
        .enabled(
            if: SchemaCheck.available,
            "needs xmllint and ../shared/data/schemas/ (the GraphML 1.0 and GEXF 1.3 XSDs, not committed: the GraphML schema's licence is not stated)"
        ))
    func datedOutputValidatesAgainstTheSchemas() throws {
        #expect(try SchemaCheck.validate(GEXF.write(Self.network).text, schema: "gexf-1.3/gexf.xsd") == nil)
        #expect(try SchemaCheck.validate(GraphML.write(Self.network).text, schema: "graphml-1.0/graphml.xsd") == nil)
    }
}
