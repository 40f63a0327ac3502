import BackchannelAnalysis
import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation
import BackchannelTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Snapshots cut from one temporal graph, and `timeline` on them.
@Suite("Timeline")
struct TimelineTests {
    /// a–b tied 2000–2001, b–c in 2002, c–d undated; d exists from 2001 only.
    static let network: Network = {
        let s = ["s"]
        return Network(
            name: "t", sources: [Source(id: "s", citation: "Fixture")],
            nodes: [
                Node(id: "a", label: "A", kind: .convener, sources: s), Node(id: "b", label: "B", kind: .participant, sources: s),
                Node(id: "c", label: "C", kind: .participant, sources: s),
                Node(id: "d", label: "D", kind: .participant, years: Period(start: 2001), sources: s),
            ],
            edges: [
                Edge("a", .convenes, "b", years: Period(start: 2000, end: 2001), sources: s),
                Edge("b", .partnersWith, "c", years: .year(2002), sources: s),
                Edge("c", .partnersWith, "d", sources: s),
            ])
    }()

    @Test func snapshotsKeepWhatOverlapsTheWindow() throws {
        let temporal = TemporalGraph(Self.network)
        let year = TimeStep.year
        #expect(temporal.span == year.days(2000).lowerBound...year.days(2002).upperBound)
        #expect(temporal.span == PartialDate.ordinal(year: 2000, month: 1, day: 1)...PartialDate.ordinal(year: 2002, month: 12, day: 31))
        let (g2000, present2000) = try temporal.snapshot(year.days(2000))
        #expect(g2000.arcCount == 1 && present2000 == [true, true, true, false], "d does not exist yet; c–d waits for it")
        let (g2001, _) = try temporal.snapshot(year.days(2001))
        #expect(g2001.arcCount == 2, "a–b and the undated c–d")
        let (dated, presentDated) = try temporal.snapshot(year.days(2001), datedOnly: true)
        #expect(dated.arcCount == 1 && presentDated == [true, true, false, false])
        #expect(try temporal.snapshot(year.days(1999).lowerBound...year.days(2002).upperBound).graph.arcCount == 3)
        // A year-dated tie is in every month of its year.
        let july2002 = TimeStep.month.days(2002 * 12 + 6)
        #expect(try temporal.snapshot(july2002).graph.arcCount == 2, "b–c (2002) and the undated c–d")
    }

    @Test func degreeOverTheYears() throws {
        let report = try TimelineJob(measure: .degree).run(Self.network)
        #expect(report.periods == ["2000", "2001", "2002"])
        let byID = Dictionary(uniqueKeysWithValues: report.series.map { ($0.id, $0.scores) })
        // Degree centrality divides by n − 1 = 3 (every node stays in every snapshot).
        let third: Double? = 1.0 / 3
        let zero: Double? = 0
        #expect(byID["a"] == [third, third, zero])
        #expect(byID["d"] == [nil, third, third])
        #expect(byID["b"] == [third, third, third])
        let windowed = try TimelineJob(measure: .degree, window: 2).run(Self.network)
        #expect(windowed.periods == ["1999–2000", "2000–2001", "2001–2002"])
        let json = try JSONParser.parse(Array(report.render(.json).utf8))
        #expect(json["scores"]?["d"]?.value == .array([JSONNode(.null), JSONNode(.double(1.0 / 3)), JSONNode(.double(1.0 / 3))]))
        let csv = report.render(.csv)
        #expect(csv.hasPrefix("id,label,period,score\na,A,2000,0.3333333333333333\n") && csv.contains("\nd,D,2000,\n"), "\(csv)")
    }

    @Test func svgChartIsWellFormedAndDrawsTheTopNodes() throws {
        let report = try TimelineJob(measure: .degree).run(Self.network)
        let svg = report.svg(top: 2, title: "A & B <test>")
        #expect(svg.components(separatedBy: "class=\"series\"").count - 1 == 2)
        #expect(svg.contains("A &amp; B &lt;test&gt;"))
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "the chart is well-formed XML")
        // d is absent in 2000: its line starts at the second period.
        let d = report.svg(top: 4)
        #expect(d.contains("data-id=\"d\" d=\"M"))
    }

    @Test func timelineOnTheBundledHistory() throws {
        let result = try Fixtures.run(["timeline", "--measure", "degree", "--between", "1990-1995", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONParser.parse(Array(result.stdout.utf8))
        #expect(json["periods"]?.value == .array((1990...1995).map { JSONNode(.string(String($0))) }))
        #expect(json["parameters"]?["window"]?.value == .int(1))
        let svg = try Fixtures.run(["timeline", "--measure", "pagerank", "--format", "svg", "--top", "3"])
        #expect(svg.status == 0 && svg.stdout.hasPrefix("<?xml"))
        #expect(try Fixtures.run(["timeline", "--measure", "brokerage"]).status == 64)
        #expect(try Fixtures.run(["timeline", "--measure", "degree", "--window", "0"]).status == 64)
    }
}
