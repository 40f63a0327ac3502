import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// Recipes keep dates at their precision and name every impossible one by its cell.
@Suite struct RecipeDateCellTests {
    /// Impossible dates are reported with the cell (file, line, column) and the value, and left out;
    /// finer dates are kept at their precision.
    @Test func impossibleDatesNameTheirCell() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let table = dir.appendingPathComponent("events.csv")
        try "id,when,y,m,d\nA,2021-02-30,2024,2,29\nB,2021-13,2023,2,29\nC,2021-07,2023,11,\n".write(
            to: table, atomically: true, encoding: .utf8)
        let recipe = try Recipe.parse(
            """
            [[node]]
            id = "{id}"
            kind = "dialogue"
            years = "when"

            [[node]]
            id = "ymd-{id}"
            kind = "dialogue"
            years = { start = "y", month = "m", day = "d" }
            """, file: "r.toml")
        let read = try RecipeReader.read(main: table, recipe: recipe)
        let n = read.network
        #expect(n.node("A")?.years == Period() && n.node("B")?.years == Period())
        #expect(n.node("C")?.years == .on(PartialDate(year: 2021, month: 7)!))
        #expect(n.node("ymd-A")?.years == .on(PartialDate(year: 2024, month: 2, day: 29)!), "2024 is a leap year")
        #expect(n.node("ymd-B")?.years == Period())
        #expect(n.node("ymd-C")?.years == .on(PartialDate(year: 2023, month: 11)!))
        let all = read.warnings.joined(separator: "\n")
        func line(_ text: String) -> String? { read.warnings.first { $0.contains(text) } }
        let february = try #require(line("not a valid date (February 2021 has 28 days, not 30)"), "\(all)")
        #expect(february.contains("events.csv:2, column \"when\"") && february.contains("\"2021-02-30\""), "\(february)")
        let month = try #require(line("not a valid date (month 13 is not 1–12)"), "\(all)")
        #expect(month.contains("events.csv:3, column \"when\"") && month.contains("\"2021-13\""), "\(month)")
        let columns = try #require(line("y/m/d: not a valid date (2023-2 has 28 days, not 29)"), "\(all)")
        #expect(columns.contains("events.csv:3, column \"y\"") && columns.contains("\"2023/2/29\""), "\(columns)")
        #expect(!all.contains("read as their year"))
    }
}
