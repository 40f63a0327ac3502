import BackchannelModel
import Testing

@testable import BackchannelAnalysis

/// Every public entry point of the analysis API refuses bad arguments up front with a typed
/// ``AnalysisError`` naming the parameter: no trap, no read past an array, no silent wrong answer.
@Suite("The analysis API checks its inputs")
struct InputCheckTests {
    /// a → b → c, weights 1.
    static let three = try! CompactGraph(ids: ["a", "b", "c"], sources: [0, 1], targets: [1, 2], weights: [1, 1], directed: true)

    /// Expects `body` to throw `.invalidParameter` whose name is `name`.
    func expectInvalid(_ name: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("no error; expected invalidParameter(\(name))", sourceLocation: sourceLocation)
        } catch let error as AnalysisError {
            guard case let .invalidParameter(got, _, reason) = error else {
                Issue.record("expected invalidParameter(\(name)), got \(error)", sourceLocation: sourceLocation)
                return
            }
            #expect(got == name, "parameter named", sourceLocation: sourceLocation)
            #expect(!reason.isEmpty, sourceLocation: sourceLocation)
            #expect(
                !error.description.contains("--"), "library messages name parameters, not CLI flags: \(error)",
                sourceLocation: sourceLocation)
        } catch {
            Issue.record("untyped error \(error)", sourceLocation: sourceLocation)
        }
    }

    // The four examples of issue 7.

    @Test func distancesFromANodeThatIsNotThere() {
        expectInvalid("source") { _ = try ShortestPaths.distances(Self.three, from: 7) }
        expectInvalid("source") { _ = try ShortestPaths.distances(Self.three, from: -1, incoming: true) }
    }

    @Test func pageRankPersonalizationOfTheWrongLength() {
        expectInvalid("personalization") { _ = try PageRank(personalization: [1, 1]).scores(Self.three) }
        expectInvalid("personalization") { _ = try PageRank(personalization: [1, 1, 1, 1]).scores(Self.three) }
        expectInvalid("dangling") { _ = try PageRank(dangling: [1]).scores(Self.three) }
    }

    @Test func betweennessFromASourceThatIsNotThere() {
        expectInvalid("sources[0]") { _ = try BetweennessCentrality(sources: [9]).scores(Self.three) }
        expectInvalid("sources[1]") { _ = try BetweennessCentrality(sources: [0, -2]).scores(Self.three) }
        expectInvalid("sources[1]") { _ = try BetweennessCentrality(sources: [1, 1]).scores(Self.three) }
        expectInvalid("sources") { _ = try BetweennessCentrality(sources: []).scores(Self.three) }
        expectInvalid("lanes") { _ = try BetweennessCentrality(lanes: 0).scores(Self.three) }
        expectInvalid("sources[0]") { _ = try EdgeBetweennessCentrality(sources: [3]).scores(Self.three) }
    }

    @Test func negativeWeightsAreRefused() {
        expectInvalid("weights[0]") {
            _ = try CompactGraph(ids: ["a", "b", "c"], sources: [0, 1], targets: [1, 2], weights: [-5, 1], directed: true)
        }
        for bad in [0, -0.0, .nan, .infinity, -.infinity] {
            expectInvalid("weights[1]") {
                _ = try CompactGraph(ids: ["a", "b", "c"], sources: [0, 1], targets: [1, 2], weights: [1, bad], directed: false)
            }
        }
    }

    // CompactGraph's other arguments.

    @Test func compactGraphArraysMustAgree() {
        expectInvalid("targets") {
            _ = try CompactGraph(ids: ["a", "b"], sources: [0, 1], targets: [1], weights: [1, 1], directed: true)
        }
        expectInvalid("weights") { _ = try CompactGraph(ids: ["a", "b"], sources: [0], targets: [1], weights: [], directed: true) }
        expectInvalid("targets[0]") { _ = try CompactGraph(ids: ["a", "b"], sources: [0], targets: [2], weights: [1], directed: true) }
        expectInvalid("sources[1]") {
            _ = try CompactGraph(ids: ["a", "b"], sources: [0, -1], targets: [1, 0], weights: [1, 1], directed: true)
        }
        expectInvalid("sources[0]") { _ = try CompactGraph(ids: [], sources: [0], targets: [0], weights: [1], directed: true) }
    }

    /// A network that was never validated can still carry a bad weight: structural measures run,
    /// weighted ones refuse it (they would give distances [0, −5, −4]).
    @Test func aNetworkWithANegativeWeightIsRefusedByWeightedMeasures() throws {
        let network = Network(
            nodes: ["a", "b", "c"].map { Node(id: $0, kind: .participant) },
            edges: [Edge("a", .partnersWith, "b", weight: -5), Edge("b", .partnersWith, "c")])
        let g = CompactGraph(network)
        #expect(g.invalidWeight?.weight == -5)
        #expect(try ShortestPaths.distances(g, from: 0) == [0, 1, 2], "hops ignore weights")
        expectInvalid("weights[0]") { _ = try ShortestPaths.distances(g, from: 0, weight: .distance) }
        expectInvalid("weights[0]") { _ = try BetweennessCentrality(weight: .strength).scores(g) }
        expectInvalid("weights[0]") { _ = try ClosenessCentrality(weight: .distance).scores(g) }
        expectInvalid("weights[0]") { _ = try PageRank(weight: .strength).scores(g) }
        expectInvalid("weights[0]") { _ = try Strength().scores(g) }
        expectInvalid("weights[0]") { _ = try Constraint(weight: .strength).scores(g) }
        expectInvalid("weights[0]") { _ = try ShortestPath.find(g, from: 0, to: 2, weight: .distance) }
        #expect(try PageRank().scores(g).count == 3, "unweighted PageRank does not read weights")
    }

    // Paths.

    @Test func pathEndPointsAndLimits() {
        let g = Self.three
        expectInvalid("source") { _ = try ShortestPath.find(g, from: 3, to: 0) }
        expectInvalid("target") { _ = try ShortestPath.find(g, from: 0, to: 3) }
        expectInvalid("target") { _ = try AllShortestPaths.find(g, from: 0, to: -1) }
        expectInvalid("limit") { _ = try AllShortestPaths.find(g, from: 0, to: 2, limit: 0) }
        expectInvalid("source") { _ = try AllSimplePaths.find(g, from: 5, to: 2, maxLength: 3) }
        expectInvalid("maxLength") { _ = try AllSimplePaths.find(g, from: 0, to: 2, maxLength: -1) }
        expectInvalid("k") { _ = try KShortestPaths.find(g, from: 0, to: 2, k: 0) }
        expectInvalid("target") { _ = try KShortestPaths.find(g, from: 0, to: 9, k: 2) }
    }

    // Iterative measures.

    @Test func iterativeParameters() {
        let g = Self.three
        expectInvalid("alpha") { _ = try PageRank(alpha: 1.5).scores(g) }
        expectInvalid("alpha") { _ = try PageRank(alpha: -0.1).scores(g) }
        expectInvalid("alpha") { _ = try PageRank(alpha: .nan).scores(g) }
        expectInvalid("personalization[1]") { _ = try PageRank(personalization: [1, .nan, 0]).scores(g) }
        expectInvalid("personalization[2]") { _ = try PageRank(personalization: [1, 0, -1]).scores(g) }
        expectInvalid("personalization") { _ = try PageRank(personalization: [0, 0, 0]).scores(g) }
        expectInvalid("tolerance") { _ = try PageRank(tolerance: 0).scores(g) }
        expectInvalid("tolerance") { _ = try EigenvectorCentrality(tolerance: -1).scores(g) }
        expectInvalid("tolerance") { _ = try HITS(tolerance: .nan).scores(g) }
        expectInvalid("maxIterations") { _ = try KatzCentrality(maxIterations: 0).scores(g) }
        expectInvalid("maxIterations") { _ = try HITS(maxIterations: -3).scores(g) }
        expectInvalid("alpha") { _ = try KatzCentrality(alpha: .infinity).scores(g) }
        expectInvalid("beta") { _ = try KatzCentrality(beta: .nan).scores(g) }
    }

    @Test func nonConvergenceIsATypedError() {
        let cycle = try! CompactGraph(ids: ["a", "b", "c"], sources: [0, 1, 2], targets: [1, 2, 0], weights: [1, 1, 1], directed: false)
        #expect(throws: AnalysisError.noConvergence(measure: "katz", iterations: 10)) {
            try KatzCentrality(alpha: 0.9, maxIterations: 10).scores(cycle)
        }
        // A series that overflows stops at once instead of running to the limit.
        do {
            _ = try KatzCentrality(alpha: 10, maxIterations: 100_000).scores(cycle)
            Issue.record("a divergent Katz series returned scores")
        } catch let AnalysisError.noConvergence(measure, iterations) {
            #expect(measure == "katz")
            #expect(iterations < 100_000, "stopped when the iterate left the finite numbers")
        } catch {
            Issue.record("untyped \(error)")
        }
        #expect(throws: AnalysisError.noConvergence(measure: "pagerank", iterations: 1)) {
            try PageRank(maxIterations: 1).scores(Self.three)
        }
    }

    // The rest.

    @Test func groupsAndMasksNeedOneEntryPerNode() {
        let g = Self.three
        expectInvalid("groups") { _ = try Brokerage(groups: [0, 1]).scores(g) }
        let undirected = try! CompactGraph(ids: ["a", "b", "c"], sources: [0, 1], targets: [1, 2], weights: [1, 1], directed: false)
        expectInvalid("isConvener") {
            _ = try ConvenerInfluence(isConvener: [true], isReachTarget: [true, true, true], groups: [0, 0, 0]).rank(undirected)
        }
        expectInvalid("isReachTarget") {
            _ = try ConvenerInfluence(isConvener: [true, false, false], isReachTarget: [], groups: [0, 0, 0]).rank(undirected)
        }
        expectInvalid("groups") {
            _ = try ConvenerInfluence(isConvener: [true, false, false], isReachTarget: [true, true, true], groups: [0]).rank(undirected)
        }
    }

    @Test func measureParameters() {
        var p = Measure.Parameters()
        p.samples = 0
        expectInvalid("samples") { _ = try Measure.betweenness.compute(Self.three, p) }
        p = Measure.Parameters()
        p.personalization = [1]
        expectInvalid("personalization") { _ = try Measure.pagerank.compute(Self.three, p) }
        p = Measure.Parameters()
        p.groups = [0]
        expectInvalid("groups") { _ = try Measure.brokerage.compute(Self.three, p) }
        p = Measure.Parameters()
        p.maxIterations = 0
        for m in [Measure.eigenvector, .katz, .pagerank, .hitsHub, .hitsAuthority] {
            expectInvalid("maxIterations") { _ = try m.compute(Self.three, p) }
        }
    }

    /// The reported parameters are the ones that ran, every one of them, from one set of defaults.
    @Test func describeReportsEveryParameterWithTheMeasuresDefaults() {
        let p = Measure.Parameters()
        func names(_ m: Measure) -> [String] { m.describe(p, directed: true).map(\.0) }
        for m in [Measure.eigenvector, .katz, .pagerank, .hitsHub, .hitsAuthority] {
            #expect(names(m).contains("max_iter"), "\(m) reports max_iter")
            #expect(names(m).contains("convergence"), "\(m) reports its stopping rule")
        }
        func value(_ m: Measure, _ key: String, _ p: Measure.Parameters = Measure.Parameters()) -> AttributeValue? {
            m.describe(p, directed: true).first { $0.0 == key }?.1
        }
        #expect(value(.katz, "max_iter") == .int(KatzCentrality().maxIterations))
        #expect(value(.hitsHub, "max_iter") == .int(HITS().maxIterations))
        #expect(value(.pagerank, "max_iter") == .int(PageRank().maxIterations))
        #expect(value(.pagerank, "alpha") == .double(PageRank().alpha))
        #expect(value(.katz, "alpha") == .double(KatzCentrality().alpha))
        var q = Measure.Parameters()
        q.tolerance = 1e-6
        q.maxIterations = 100
        #expect(value(.eigenvector, "tolerance", q) == .double(1e-6))
        #expect(value(.eigenvector, "max_iter", q) == .int(100))
        guard case let .pagerank(m) = Measure.pagerank.configured(q) else {
            Issue.record("not PageRank")
            return
        }
        #expect(m.tolerance == 1e-6 && m.maxIterations == 100, "what is described is what runs")
        let influence = ConvenerInfluence(isConvener: [], isReachTarget: [], groups: [])
        #expect(influence.pagerank.maxIterations == PageRank().maxIterations, "influence uses PageRank's defaults")
        #expect(influence.pagerank.tolerance == nil)
    }

    #if BACKCHANNEL_INTERNAL_CHECKS
        @Test func invariantsHoldOnRandomGraphs() {
            for seed in UInt64(1)...6 {
                for directed in [true, false] {
                    randomGraph(nodes: 30, arcs: 90, seed: seed, directed: directed).checkInvariants()
                }
            }
            Self.three.checkInvariants()
            try! CompactGraph(ids: [], sources: [], targets: [], weights: [], directed: true).checkInvariants()
        }
    #endif

    /// A shortest path as long as the graph: no recursion as deep as the path.
    @Test func allShortestPathsOnALongPath() throws {
        let n = 50_000
        let g = try CompactGraph(
            ids: (0..<n).map(String.init), sources: (0..<Int32(n - 1)).map { $0 }, targets: (1..<Int32(n)).map { $0 },
            weights: [Double](repeating: 1, count: n - 1), directed: true)
        let paths = try AllShortestPaths.find(g, from: 0, to: n - 1)
        #expect(paths.count == 1 && paths[0].nodes.count == n && paths[0].length == Double(n - 1))
        let simple = try AllSimplePaths.find(g, from: 0, to: n - 1, maxLength: Int.max)
        #expect(simple == paths)
        #expect(try AllSimplePaths.find(g, from: 0, to: n - 1, maxLength: n - 2).isEmpty, "one edge short")
    }

    @Test func samplingNeverTraps() {
        var rng = SeededRandom(seed: 1)
        #expect(rng.sample(-3, from: 5).isEmpty)
        #expect(rng.sample(3, from: -5).isEmpty)
        #expect(rng.sample(9, from: 4).sorted() == [0, 1, 2, 3])
    }

    @Test func emptyGraphsGiveEmptyAnswers() throws {
        let empty = try CompactGraph(ids: [], sources: [], targets: [], weights: [], directed: true)
        #expect(try BetweennessCentrality().scores(empty).isEmpty)
        #expect(try PageRank().scores(empty).isEmpty)
        #expect(try HITS().scores(empty).hubs.isEmpty)
        expectInvalid("source") { _ = try ShortestPaths.distances(empty, from: 0) }
    }
}
