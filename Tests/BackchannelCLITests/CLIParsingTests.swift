import ArgumentParser
import BackchannelAnalysis
import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation
import BackchannelRender
import BackchannelTestSupport
import Foundation
import Testing

@testable import backchannel

/// The command line as swift-argument-parser means it: typed option values, `validate()` for ranges and
/// combinations, shared option groups, and one exit code per kind of failure.
@Suite("backchannel parsing and exit codes")
struct CLIParsingTests {
    /// The exit code ArgumentParser gives `arguments` (0 when they parse and validate).
    private func parseStatus(_ arguments: [String]) -> Int32 {
        do {
            _ = try BackchannelCommand.parseAsRoot(arguments)
            return 0
        } catch {
            return BackchannelCommand.exitCode(for: error).rawValue
        }
    }

    private func parsed<C: ParsableCommand>(_ arguments: [String], as: C.Type = C.self) throws -> C {
        let command = try BackchannelCommand.parseAsRoot(arguments)
        return try #require(command as? C, "\(arguments) parses as \(C.self)")
    }

    // MARK: Numbers out of range are usage errors, found before anything runs

    @Test(arguments: [
        ["centrality", "--measure", "degree", "--top=-5"],
        ["centrality", "--measure", "degree", "--top", "-5"],
        ["influence", "--top=-5"],
        ["info", "--top=-1"],
        ["reach", "--from", "norman-cousins", "--radius=-1"],
        ["paths", "--from", "a", "--to", "b", "--k", "0"],
        ["paths", "--from", "a", "--to", "b", "--max-length", "0"],
        ["paths", "--from", "a", "--to", "b", "--max-length=-3"],
        ["centrality", "--measure", "betweenness", "--samples", "0"],
        ["centrality", "--measure", "pagerank", "--alpha", "nan"],
        ["centrality", "--measure", "pagerank", "--alpha", "1.5"],
        ["centrality", "--measure", "katz", "--alpha=-0.1"],
        ["centrality", "--measure", "pagerank", "--tolerance", "0"],
        ["centrality", "--measure", "pagerank", "--tolerance", "inf"],
        ["centrality", "--measure", "pagerank", "--max-iter", "0"],
        ["centrality", "--measure", "degree", "--top", "99999999999999999999999"],
    ])
    func numbersOutOfRangeAreUsageErrors(arguments: [String]) {
        #expect(parseStatus(arguments) == 64, "\(arguments)")
    }

    /// An edge list has ids and weights only: a filter by kind, relation, track, year, designation
    /// or status would select nothing there, so it is a usage error that names the option, not
    /// silently ignored (`--without` once left the node in).
    @Test(arguments: [
        (["--without", "b"], "--without needs"),
        (["--kinds", "convener"], "--kinds needs"),
        (["--relations", "convenes"], "--relations needs"),
        (["--tracks", "II"], "--tracks needs"),
        (["--years", "2001-2003"], "--years needs"),
        (["--without-kind", "conflict"], "--without-kind needs"),
        (["--without-designated"], "--without-designated needs"),
        (["--include-intended", "--without", "b"], "--without, --include-intended need"),
    ])
    func typedFiltersAreRefusedForAnEdgeList(options: [String], message: String) throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let edges = dir.appendingPathComponent("edges.csv")
        try Data("source,target\na,b\nb,c\n".utf8).write(to: edges)
        #expect(parseStatus(["centrality", "--edges", edges.path, "--measure", "degree"] + options) == 64, "\(options)")
        let result = try Fixtures.run(["centrality", "--edges", edges.path, "--measure", "degree", "--format", "csv"] + options)
        #expect(result.status == 64, "\(options): \(result.stderr)")
        #expect(result.stderr.contains(message) && result.stderr.contains("not --edges"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try Fixtures.run(["centrality", "--edges", edges.path, "--measure", "degree"]).status == 0)
    }

    /// Options that some combination would silently ignore are usage errors there, each naming
    /// what it cannot take (found by an audit of every command's options).
    @Test(arguments: [
        (["reach", "--from", "a", "--direction", "out", "--undirected"], "follows edges one way"),
        (["reach", "--from", "a", "--direction", "in", "--undirected"], "follows edges one way"),
        (["paths", "--from", "a", "--to", "b", "--time-respecting", "--weight", "distance"], "takes no --weight"),
        (["centrality", "--edges", "e.csv", "--measure", "degree", "--kind", "convener"], "--kind needs a typed network"),
        (["convert", "in.csv", "out.json", "--mapping", "m.map", "--from", "csv"], "takes no --from"),
        (["convert", "in.csv", "out.json", "--recipe", "r.toml", "--from", "csv"], "takes no --from"),
        (["info", "--strict"], "--strict says how to read INPUT"),
        (["centrality", "--measure", "degree", "--input-format", "json"], "--input-format says how to read INPUT"),
        (["render", "g.dot", "--as-is", "--title", "T"], "draws the file's own styling"),
        (["render", "g.dot", "--as-is", "--cluster-by", "track"], "draws the file's own styling"),
        (["render", "g.dot", "--as-is", "--no-legend"], "draws the file's own styling"),
        (["render", "--focus-radius", "2"], "--focus-radius goes with --focus"),
        (["render", "--communities", "--cluster-by", "track"], "draws communities sized by members"),
        (["channels", "--undirected"], "takes no --undirected"),
        (["warnings", "--undirected"], "takes no --undirected"),
        (["influence", "--undirected"], "takes no --undirected"),
        (["centrality", "--measure", "degree", "--no-normalized"], "--measure degree does not use it"),
        (["centrality", "--measure", "closeness", "--endpoints"], "--measure closeness does not use it"),
        (["centrality", "--measure", "pagerank", "--samples", "10"], "--samples is for betweenness, edge-betweenness"),
        (["centrality", "--measure", "eigenvector", "--alpha", "0.5"], "--alpha is for pagerank, katz"),
        (["centrality", "--measure", "harmonic", "--tolerance", "1e-6"], "--measure harmonic does not use it"),
        (["centrality", "--measure", "degree", "--max-iter", "5"], "--measure degree does not use it"),
        (["communities", "--undirected"], "takes no --undirected"),
    ])
    func optionsThatWouldBeIgnoredAreRefused(arguments: [String], message: String) throws {
        #expect(parseStatus(arguments) == 64, "\(arguments)")
        let result = try Fixtures.run(arguments)
        #expect(result.status == 64 && result.stdout.isEmpty, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
    }

    @Test func theSameOptionsStillParseWhereTheyCount() {
        #expect(parseStatus(["reach", "--from", "a", "--direction", "out"]) == 0)
        #expect(parseStatus(["reach", "--from", "a", "--undirected"]) == 0)
        #expect(parseStatus(["paths", "--from", "a", "--to", "b", "--weight", "distance"]) == 0)
        #expect(parseStatus(["centrality", "--measure", "degree", "--kind", "convener"]) == 0)
        #expect(parseStatus(["convert", "in.csv", "out.json", "--mapping", "m.map"]) == 0)
        #expect(parseStatus(["info", "net.json", "--strict", "--input-format", "json"]) == 0)
        #expect(parseStatus(["render", "--focus", "a", "--focus-radius", "2"]) == 0)
        #expect(parseStatus(["render", "--communities", "--title", "T"]) == 0)
        #expect(parseStatus(["centrality", "--measure", "edge-betweenness", "--no-normalized", "--samples", "5"]) == 0)
        #expect(parseStatus(["centrality", "--measure", "katz", "--alpha", "0.05", "--tolerance", "1e-8", "--max-iter", "50"]) == 0)
        #expect(parseStatus(["centrality", "--measure", "hits-hub", "--max-iter", "50"]) == 0)
    }

    @Test(arguments: [
        ["centrality", "--measure", "degree", "--top=-5"],
        ["influence", "--top=-5"],
        ["info", "--top=-5"],
    ])
    func negativeTopExits64InsteadOfTrapping(arguments: [String]) throws {
        let result = try Fixtures.run(arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("--top must be 0 or more"))
    }

    @Test func validNumbersStillParse() throws {
        let command: CentralityCommand = try parsed([
            "centrality", "--measure", "pagerank", "--alpha", "0.9", "--tolerance", "1e-10", "--max-iter", "500", "--top", "0",
        ])
        #expect(command.alpha == 0.9 && command.tolerance == 1e-10 && command.maxIterations == 500 && command.top == 0)
        #expect(parseStatus(["paths", "--from", "a", "--to", "b", "--k", "1", "--undirected"]) == 0)
        #expect(parseStatus(["reach", "--from", "a", "--radius", "0"]) == 0)
    }

    // MARK: Typed option values

    @Test func normalizedIsAFlagWithItsInversion() throws {
        let byDefault: CentralityCommand = try parsed(["centrality", "--measure", "betweenness"])
        #expect(byDefault.normalized)
        let raw: CentralityCommand = try parsed(["centrality", "--measure", "betweenness", "--no-normalized"])
        #expect(!raw.normalized)
        let explicit: CentralityCommand = try parsed(["centrality", "--measure", "betweenness", "--normalized"])
        #expect(explicit.normalized)
    }

    @Test func noNormalizedGivesNetworkXsRawSums() throws {
        // A directed path a → b → c: b lies on one shortest path; NetworkX normalizes by (n-1)(n-2) = 2.
        let dir = try Fixtures.temporaryDirectory()
        let edges = dir.appendingPathComponent("path.csv")
        try "source,target\na,b\nb,c\n".write(to: edges, atomically: true, encoding: .utf8)
        let raw = try Fixtures.run(["centrality", "--edges", edges.path, "--measure", "betweenness", "--no-normalized", "--format", "csv"])
        #expect(raw.status == 0, "\(raw.stderr)")
        #expect(raw.stdout.contains("b,1\n") || raw.stdout.contains("b,1.0\n"), "\(raw.stdout)")
        let normalized = try Fixtures.run([
            "centrality", "--edges", edges.path, "--measure", "betweenness", "--normalized", "--format", "csv",
        ])
        #expect(normalized.status == 0, "\(normalized.stderr)")
        #expect(normalized.stdout.contains("b,0.5\n"), "\(normalized.stdout)")
    }

    @Test(arguments: ["1990-x", "2000-1990", "abc", "1990-2000-2010", "-", ""])
    func badYearsAreUsageErrors(years: String) throws {
        #expect(YearRange(argument: years) == nil)
        #expect(parseStatus(["centrality", "--measure", "degree", "--years", years]) == 64)
    }

    @Test func badYearsNameTheOption() throws {
        let result = try Fixtures.run(["centrality", "--measure", "degree", "--years", "1990-x"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("'1990-x' is invalid for '--years"), "\(result.stderr)")
    }

    @Test func yearsParseAsARange() throws {
        #expect(YearRange(argument: "1990-2000")?.range == 1990...2000)
        #expect(YearRange(argument: "1995")?.range == 1995...1995)
        let command: CentralityCommand = try parsed(["centrality", "--measure", "degree", "--years", "1990-2000"])
        #expect(command.graph.filter.years == 1990...2000)
    }

    @Test func commaListsParseEachItem() throws {
        let command: PathsCommand = try parsed([
            "paths", "--from", "a", "--to", "b", "--kinds", "convener, participant", "--relations", "convenes,participates_in", "--tracks",
            "II",
        ])
        #expect(command.graph.filter.kinds == [.convener, .participant])
        #expect(command.graph.filter.relations == [.convenes, .participatesIn])
        #expect(command.graph.filter.tracks?.count == 1)
        #expect(parseStatus(["paths", "--from", "a", "--to", "b", "--kinds", "convener,mediator"]) == 64)
        #expect(parseStatus(["paths", "--from", "a", "--to", "b", "--relations", ","]) == 64)
    }

    @Test func oneFormatTypePerConcept() throws {
        let reachList: ReachCommand = try parsed(["reach", "--from", "a", "--format", "csv"])
        #expect(reachList.format == .report(.csv))
        let reachDrawing: ReachCommand = try parsed(["reach", "--from", "a", "--format", "png"])
        #expect(reachDrawing.format == .diagram(.png) && reachDrawing.format.isBinary)
        #expect(parseStatus(["reach", "--from", "a", "--format", "bmp"]) == 64)
        let exposure: ExposureCommand = try parsed(["exposure", "--format", "text"])
        #expect(exposure.format == .table, "`text` is the exposure report's table")
        #expect(parseStatus(["exposure", "--format", "csv"]) == 64)
        for format in ["dot", "json", "graphml", "gexf"] {
            #expect(parseStatus(["export", "--format", format]) == 0, "export writes what convert writes: \(format)")
        }
        #expect(parseStatus(["export", "--format", "csv"]) == 64, "CSV is three sheets: it needs -o NAME-edges.csv")
        #expect(parseStatus(["export", "--format", "csv", "-o", "x-edges.csv"]) == 0)
        #expect(Set(OutputFormat.allCases.map(\.rawValue)) == ["dot", "json", "graphml", "gexf", "csv"])
        let export: ExportCommand = try parsed(["export", "--format", "json"])
        #expect(export.format == .json)
    }

    // MARK: Shared option groups

    @Test func optionsAMeasureCannotUseAreRefusedNotIgnored() {
        // influence and reach use no weights: --weight is unknown to them, not silently dropped.
        #expect(parseStatus(["influence", "--weight", "distance"]) == 64)
        #expect(parseStatus(["reach", "--from", "a", "--weight", "strength"]) == 64)
        #expect(parseStatus(["paths", "--from", "a", "--to", "b", "--weight", "distance"]) == 0)
        #expect(parseStatus(["centrality", "--measure", "closeness", "--weight", "distance"]) == 0)
    }

    @Test func combinationsAreCheckedByValidate() {
        #expect(parseStatus(["centrality", "in.json", "--edges", "e.csv", "--measure", "degree"]) == 64)
        #expect(parseStatus(["centrality", "--nodes", "n.csv", "--measure", "degree"]) == 64)
        #expect(parseStatus(["paths", "--from", "a", "--to", "b", "--k", "2", "--all-simple"]) == 64)
        #expect(parseStatus(["render", "net.json", "--as-is"]) == 64)
        #expect(parseStatus(["convert", "in.json", "out.unknown"]) == 64)
        #expect(parseStatus(["exposure", "--render", "out.bmp"]) == 64)
    }

    // MARK: Library errors become flag names and exit codes

    struct Unexpected: Error {}

    @Test func unknownErrorsAreInternal70NotOutput73() {
        let failure = Failure(Unexpected())
        #expect(failure.exitCode.rawValue == 70)
        #expect(failure.message.hasPrefix("internal error"))
    }

    @Test func reportingFailuresThrowsTheExitCodeInsteadOfExiting() {
        // Today's `fail` calls exit(), which would end this test process.
        #expect(throws: ExitCode(70)) { try reportingFailures { throw Unexpected() } }
        #expect(throws: ExitCode(65)) { try reportingFailures { throw ModelError.unreadable(file: "x.json", reason: "gone") } }
        #expect(throws: ExitCode(7)) { try reportingFailures { throw ExitCode(7) } }
        #expect(throws: Never.self) { try reportingFailures {} }
    }

    @Test func everyErrorKindHasItsExitCode() {
        let cases: [(any Error, Int32)] = [
            (ValidationError("bad"), 64),
            (UsageFailure(message: "refusing to write binary output to a terminal"), 64),
            (AnalysisError.unsupportedWeight(measure: "pagerank", weight: .distance, allowed: [.none, .strength]), 64),
            (AnalysisError.invalidParameter(name: "max_iter", value: "0", reason: "must be at least 1"), 64),
            (ModelError.unreadable(file: "a.json", reason: "gone"), 65),
            (FormatError.malformed(file: "a.csv", line: 2, column: 3, message: "bad"), 65),
            (FormatError.unreadable(file: "a.csv", reason: "gone"), 65),
            (AnalysisError.unknownNode("nobody"), 65),
            (CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: "/nope/map.txt"]), 65),
            (RenderError.crashed(engine: .dot, signal: 11), 70),
            (AnalysisError.noConvergence(measure: "pagerank", iterations: 1), 70),
            (AnalysisError.invalidParameter(name: "personalization", value: "2 values", reason: "needs one per node"), 70),
            (Unexpected(), 70),
            (FormatError.cannotWrite(path: "/x/y.svg", reason: "no such directory"), 73),
            (FormatError.wouldOverwriteInput(path: "in.json"), 73),
            (CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: "/full/out.svg"]), 73),
        ]
        for (error, code) in cases {
            #expect(Failure(error).exitCode.rawValue == code, "\(error)")
        }
    }

    @Test func parametersAreReportedByTheirFlags() {
        #expect(
            Failure(AnalysisError.invalidParameter(name: "max_iter", value: "0", reason: "must be at least 1")).message
                == "--max-iter 0: must be at least 1")
        #expect(
            Failure(AnalysisError.invalidParameter(name: "tolerance", value: "-1", reason: "must be positive")).message
                == "--tolerance -1: must be positive")
        #expect(Failure(AnalysisError.invalidParameter(name: "source", value: "7", reason: "not a node")).message == "--from 7: not a node")
        #expect(
            Failure(AnalysisError.invalidParameter(name: "partition", value: "x", reason: "no such attribute")).message
                == "--partition x: no such attribute")
        #expect(
            Failure(AnalysisError.unsupportedWeight(measure: "pagerank", weight: .distance, allowed: [.none, .strength])).message
                == "pagerank cannot use --weight distance; use none or strength")
        #expect(
            Failure(AnalysisError.noConvergence(measure: "katz", iterations: 3)).message.contains("raise --max-iter or loosen --tolerance"))
        #expect(CommandLineName.flag(forParameter: "max_iter") == "--max-iter")
        #expect(CommandLineName.flag(forParameter: "maxIterations") == "--max-iter")
        #expect(CommandLineName.flag(forParameter: "max_length") == "--max-length")
        #expect(CommandLineName.flag(forParameter: "size_by") == "--size-by")
        #expect(CommandLineName.flag(forParameter: "personalization") == nil)
    }

    @Test func libraryMessagesNameNoFlag() {
        let errors: [AnalysisError] = [
            .unsupportedWeight(measure: "pagerank", weight: .distance, allowed: [.none, .strength]),
            .noConvergence(measure: "hits", iterations: 10),
            .unknownNode("x"),
        ]
        for error in errors {
            #expect(!error.description.contains("--"), "\(error.description)")
        }
    }

    // MARK: End to end: each exit code from the process

    @Test func exitCodesFromTheProcess() throws {
        let dir = try Fixtures.temporaryDirectory()
        #expect(try Fixtures.run(["render", "--engine", "spring"]).status == 64)
        let broken = dir.appendingPathComponent("broken.json")
        try "{\"nodes\": [".write(to: broken, atomically: true, encoding: .utf8)
        #expect(try Fixtures.run(["info", broken.path]).status == 65)
        let stuck = try Fixtures.run(["centrality", "--measure", "pagerank", "--max-iter", "1"])
        #expect(stuck.status == 70, "non-convergence is a computation error, not a usage error")
        #expect(stuck.stderr.contains("did not converge") && stuck.stderr.contains("--max-iter"))
        let nowhere = dir.appendingPathComponent("missing-dir/out.json").path
        #expect(try Fixtures.run(["export", "--format", "json", "-o", nowhere]).status == 73)
    }

    @Test func aMissingMappingFileIsADataError() throws {
        let dir = try Fixtures.temporaryDirectory()
        let edges = dir.appendingPathComponent("edges.csv")
        try "a,b\nx,y\n".write(to: edges, atomically: true, encoding: .utf8)
        let result = try Fixtures.run([
            "convert", edges.path, dir.appendingPathComponent("out.json").path, "--mapping", dir.appendingPathComponent("nope.txt").path,
        ])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("nope.txt: cannot read: no such file"), "\(result.stderr)")
    }
}
