import BackchannelAnalysis
import BackchannelFormats
import BackchannelModel
import BackchannelPresentation
import BackchannelTestSupport
import Testing

/// The values every report must write without trapping, each beside the forms ``ReportNumber`` documents.
let extremeValues: [Double] = [1e19, 1e300, 1e-300, .nan, .infinity, -.infinity, -0.0, -1e19, .greatestFiniteMagnitude, 9.2e18, 1e13, 0.5]

/// Collects every number in a parsed JSON value, and whether any is not finite.
private func numbers(_ value: JSONValue) -> [Double] {
    switch value {
    case let .double(d): [d]
    case let .int(i): [Double(i)]
    case let .array(items): items.flatMap { numbers($0.value) }
    case let .object(members): members.flatMap { numbers($0.value.value) }
    default: []
    }
}

private func nulls(_ value: JSONValue) -> Int {
    switch value {
    case .null: 1
    case let .array(items): items.reduce(0) { $0 + nulls($1.value) }
    case let .object(members): members.reduce(0) { $0 + nulls($1.value.value) }
    default: 0
    }
}

@Suite("One number policy for every report")
struct ReportNumberTests {
    @Test func tablesWriteAnyFiniteDouble() {
        // Each of these converted a double out of Int's range and trapped.
        #expect(ReportNumber.fixed(1e19) == "1e+19")
        #expect(ReportNumber.fixed(-1e19) == "-1e+19")
        #expect(ReportNumber.fixed(1e300, digits: 0) == "1e+300")
        #expect(ReportNumber.fixed(.greatestFiniteMagnitude, digits: 4) == "1.7976931348623157e+308")
        #expect(ReportNumber.fixed(1e13) == "10000000000000.000000")
        #expect(ReportNumber.fixed(9.2e18, digits: 0) == "9.2e+18")
        #expect(ReportNumber.fixed(123456789.125, digits: 6) == "123456789.125000")
        // Small and signed values, as before.
        #expect(ReportNumber.fixed(1e-300) == "0.000000")
        #expect(ReportNumber.fixed(-1e-300) == "0.000000", "a value that rounds to zero has no sign")
        #expect(ReportNumber.fixed(-0.0) == "0.000000" && ReportNumber.fixed(-0.0, digits: 0) == "0")
        #expect(ReportNumber.fixed(0.25) == "0.250000" && ReportNumber.fixed(-0.25, digits: 1) == "-0.3")
        #expect(ReportNumber.fixed(2.5, digits: 0) == "3" && ReportNumber.fixed(-2.5, digits: 0) == "-3")
        #expect(ReportNumber.fixed(0.0290, digits: 4) == "0.0290")
        #expect(
            ReportNumber.fixed(.nan) == "n/a" && ReportNumber.fixed(.infinity) == "inf"
                && ReportNumber.fixed(-.infinity, digits: 0) == "-inf")
        #expect(ReportNumber.fixed(1.5, digits: -3) == "2" && ReportNumber.fixed(1.5, digits: 99) == "1.500000000000000")
        #expect(MeasureReport.fixed(1e19) == ReportNumber.fixed(1e19))
    }

    @Test func csvAndJSONForms() {
        #expect(ReportNumber.csv(.nan) == "")
        #expect(ReportNumber.csv(.infinity) == "inf" && ReportNumber.csv(-.infinity) == "-inf")
        #expect(ReportNumber.csv(-0.0) == "0.0" && ReportNumber.csv(2) == "2.0" && ReportNumber.csv(1e19) == "1e+19")
        #expect(ReportNumber.json(.nan) == .null && ReportNumber.json(.infinity) == .null && ReportNumber.json(-.infinity) == .null)
        #expect(ReportNumber.json(-0.0) == .double(0) && ReportNumber.json(1e-300) == .double(1e-300))
        for x in extremeValues where x.isFinite {
            #expect(Double(ReportNumber.csv(x)) == (x == 0 ? 0 : x), "\(x) reads back from CSV")
        }
    }

    /// Every format of every report, fed every extreme value: no trap, JSON that parses with no
    /// non-finite number (each becomes `null`), CSV in the documented forms, tables with no NaN spelt
    /// `nan`.
    @Test func everyReportFormatSurvivesExtremeValues() throws {
        let n = extremeValues.count
        let ids = (0..<n).map { "v\($0)" }
        let labels = ids.map { "Node \($0)" }
        var outputs: [(name: String, format: MeasureReport.Format, text: String)] = []
        func add(_ name: String, _ render: (MeasureReport.Format) -> String) {
            for format in MeasureReport.Format.allCases { outputs.append((name, format, render(format))) }
        }

        let parameters: [(String, AttributeValue)] = [
            ("alpha", .double(.infinity)), ("tolerance", .double(.nan)), ("weight", .string("strength")),
        ]
        add("node scores") {
            MeasureReport(measure: .strength, parameters: parameters, ids: ids, labels: labels, scores: .nodes(extremeValues)).render($0)
        }
        add("node scores, negative top") {
            MeasureReport(measure: .strength, parameters: [], ids: ids, scores: .nodes(extremeValues), top: -5).render($0)
        }
        let edges = extremeValues.indices.map { (source: $0, target: ($0 + 1) % n, score: extremeValues[$0]) }
        add("edge scores") { MeasureReport(measure: .edgeBetweenness, parameters: [], ids: ids, scores: .edges(edges)).render($0) }
        let raw = Dictionary(uniqueKeysWithValues: Brokerage.Role.allCases.map { ($0, extremeValues) })
        let expected = Dictionary(uniqueKeysWithValues: Brokerage.Role.allCases.map { ($0, Array(extremeValues.reversed())) })
        add("brokerage roles") {
            MeasureReport(measure: .brokerage, parameters: [], ids: ids, labels: labels, scores: .roles(raw: raw, expected: expected))
                .render($0)
        }

        let rows = extremeValues.indices.map { i in
            InfluenceReport.Row(
                node: i, score: extremeValues[i],
                components: ["brokerage", "betweenness", "reach", "pagerank"].enumerated().map {
                    InfluenceReport.Component(
                        name: $0.element, raw: extremeValues[(i + $0.offset) % n], scaled: extremeValues[(i + 2 * $0.offset + 1) % n])
                })
        }
        add("influence") { InfluenceReport(rows: rows, ids: ids, labels: labels, directed: false).render($0) }
        add("influence, short rows") {
            InfluenceReport(rows: [.init(node: 0, score: .nan, components: [])], ids: ids, labels: nil, directed: false).render($0)
        }

        let paths = extremeValues.map { PathReport.Entry(nodes: ["v0", "v1"], relations: ["provides"], length: $0) }
        add("paths") { PathReport(entries: paths, labels: ["v0": "Zero"]).render($0) }

        let reach = ReachReport(
            center: "v0", centerLabel: "Zero", radius: Int.max, direction: "both",
            rows: [
                .init(id: "v0", label: "Zero", kind: nil, distance: 0),
                .init(id: "v1", label: "One", kind: "participant", distance: Int.max),
            ])
        add("reach") { reach.render($0) }

        for (name, format, text) in outputs {
            #expect(!text.isEmpty && text.hasSuffix("\n"), "\(name) \(format)")
            switch format {
            case .json:
                let parsed = try JSONParser.parse(Array(text.utf8))
                #expect(numbers(parsed.value).allSatisfy { $0.isFinite }, "\(name): every JSON number is finite")
                if name != "reach" && !name.contains("negative top") {
                    #expect(nulls(parsed.value) > 0, "\(name): non-finite values became null")
                }
            case .csv:
                #expect(!text.contains("nan") && !text.contains("null"), "\(name): \(text)")
                // Label columns hold text, not numbers.
                let header =
                    text.split(separator: "\n").first.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
                    ?? []
                for line in text.split(separator: "\n").dropFirst() {
                    for (column, field) in line.split(separator: ",", omittingEmptySubsequences: false).enumerated()
                    where !(header.indices.contains(column) && header[column] == "label") {
                        let f = String(field)
                        #expect(
                            f.isEmpty || f == "inf" || f == "-inf" || Double(f) != nil || f.hasPrefix("v") || f == "provides"
                                || f == "forward",
                            "\(name): CSV field \(f) is not a documented number form")
                    }
                }
            case .table:
                #expect(!text.contains("nan"), "\(name): \(text)")
            }
        }
        // The table spells the extremes as documented.
        let table = MeasureReport(measure: .strength, parameters: [], ids: ids, scores: .nodes(extremeValues)).table()
        for spelling in [
            "1e+19", "1e+300", "-1e+19", "1.7976931348623157e+308", "9.2e+18", "10000000000000.000000", "n/a", " inf", "-inf", "0.000000",
        ] {
            #expect(table.contains(spelling), "\(spelling) in\n\(table)")
        }
        #expect(
            MeasureReport(measure: .strength, parameters: [], ids: ids, scores: .nodes(extremeValues)).rows.last
                == extremeValues.firstIndex { $0.isNaN }, "NaN sorts last")
        #expect(MeasureReport(measure: .strength, parameters: [], ids: ids, scores: .nodes(extremeValues), top: -5).rows.isEmpty)
        let pathText = PathReport(entries: paths, labels: [:]).text()
        #expect(
            pathText.contains("length 1e+300:") && pathText.contains("length inf:") && pathText.contains("length n/a:")
                && pathText.contains("length 0:"))
    }

    /// The JSON of each report is its `jsonValue` as JSONWriter writes it, and reads back.
    @Test func reportsAreJSONValuesWrittenByJSONWriter() throws {
        let report = MeasureReport(measure: .degree, parameters: [("directed", .bool(true))], ids: ["a", "b"], scores: .nodes([2, .nan]))
        #expect(report.json() == JSONWriter.document(report.jsonValue))
        let parsed = try JSONParser.parse(Array(report.json().utf8))
        #expect(parsed["scores"]?["a"]?.value == .double(2) && parsed["scores"]?["b"]?.value == .null)
        #expect(parsed["parameters"]?["directed"]?.value == .bool(true))
        let paths = PathReport(entries: [.init(nodes: ["a", "b"], relations: ["convenes"], length: .infinity)])
        #expect(paths.json() == JSONWriter.document(paths.jsonValue))
        #expect(try PathReport.nodePaths(fromJSON: Array(paths.json().utf8)) == [["a", "b"]])
        #expect(
            try JSONParser.parse(Array(paths.json().utf8))["paths"].map { node -> Bool in
                guard case let .array(items) = node.value else { return false }
                return items.first?["length"]?.value == .null
            } == true)
    }
}
