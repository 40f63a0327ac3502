import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// `backchannel convert TABLE OUT --recipe RECIPE`, end to end.
@Suite("convert --recipe", .serialized)
struct RecipeCLITests {
    /// A copy of the two-table fixture (events.csv, actors.csv, recipe.toml) in a fresh folder.
    func multi() throws -> URL {
        let dir = try Fixtures.temporaryDirectory()
        let from = Fixtures.committedFixtures.appendingPathComponent("recipes/multi")
        for name in ["events.csv", "actors.csv", "recipe.toml"] {
            try FileManager.default.copyItem(at: from.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        return dir
    }

    @Test func convertsWithARecipeAndWarnsWithCounts() throws {
        let dir = try multi()
        let out = dir.appendingPathComponent("multi.json")
        let result = try Fixtures.run([
            "convert", dir.appendingPathComponent("events.csv").path, out.path, "--recipe", dir.appendingPathComponent("recipe.toml").path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("wrote \(out.path): 8 nodes, 8 edges"))
        #expect(
            result.stderr.contains(
                "warning: recipe.toml node[2] (event).years: when: not a year, year range, year-month, ISO date or \"present\"; left without years: 1 time"
            ))
        #expect(!result.stderr.contains("read as their year"), "year-months and dates are kept")
        let network = try Network(contentsOf: out)
        #expect(network.node("NGO_0")?.label == "Friends of Quiet Dialogue")
        // The result validates and reads back as any network.
        #expect(try Fixtures.run(["validate", out.path]).status == 0)
    }

    @Test func theMENDRecipeRunsOnTheMENDShapedFixture() throws {
        let dir = try Fixtures.temporaryDirectory()
        let out = dir.appendingPathComponent("mend-edges.csv")
        let result = try Fixtures.run([
            "convert", Fixtures.committedFixtures.appendingPathComponent("recipes/mend-shaped.csv").path, out.path,
            "--recipe", Fixtures.datasetsDirectory.appendingPathComponent("recipes/mend.toml").path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("16 nodes, 23 edges"))
    }

    /// Every file a recipe reads, and the recipe itself, is an input: never overwritten.
    @Test(arguments: ["recipe.toml", "actors.csv", "events.csv"])
    func recipeInputsAreProtected(target: String) throws {
        let dir = try multi()
        let victim = dir.appendingPathComponent(target)
        let before = try Data(contentsOf: victim)
        let result = try Fixtures.run([
            "convert", dir.appendingPathComponent("events.csv").path, victim.path, "--to", "json", "--recipe",
            dir.appendingPathComponent("recipe.toml").path,
        ])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("it is an input of this run"))
        #expect(try Data(contentsOf: victim) == before)
    }

    @Test func badRecipesAndTablesAreLocatedDataErrors() throws {
        let dir = try multi()
        let recipe = dir.appendingPathComponent("recipe.toml")
        var text = try String(contentsOf: recipe, encoding: .utf8)
        text = text.replacingOccurrences(of: "relation = \"participates_in\"", with: "relation = \"participates\"")
        try text.write(to: recipe, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("x.json")
        let bad = try Fixtures.run(["convert", dir.appendingPathComponent("events.csv").path, out.path, "--recipe", recipe.path])
        #expect(bad.status == 65)
        #expect(
            bad.stderr.contains(
                "recipe.toml:\(text.components(separatedBy: "\n").firstIndex { $0.contains("\"participates\"") }! + 1):1: edge[2].relation: unknown relation \"participates\""
            ))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let both = try Fixtures.run([
            "convert", dir.appendingPathComponent("events.csv").path, out.path, "--recipe", recipe.path, "--mapping", recipe.path,
        ])
        #expect(both.status == 64 && both.stderr.contains("--recipe or --mapping"))
    }
}
