import BackchannelModel

/// Every measure by its command-line name, with the parameters they share.
public enum Measure: String, CaseIterable, Sendable {
    case degree
    case inDegree = "in-degree"
    case outDegree = "out-degree"
    case strength
    case betweenness
    case edgeBetweenness = "edge-betweenness"
    case closeness
    case harmonic
    case eigenvector
    case katz
    case pagerank
    case hitsHub = "hits-hub"
    case hitsAuthority = "hits-authority"
    case constraint
    case effectiveSize = "effective-size"
    case brokerage

    /// The parameters any measure may use, as overrides: each measure reads the ones that apply, and
    /// an unset one keeps the default its own type holds (see ``configured(_:sources:nodeCount:)``).
    public struct Parameters: Sendable {
        public var weight: WeightMode = .none
        public var normalized = true
        public var endpoints = false
        /// Sampled betweenness: this many sources, drawn with `seed`.
        public var samples: Int?
        public var seed: UInt64 = 0
        /// PageRank's damping or Katz's attenuation; nil: the measure's default (0.85, 0.1).
        public var alpha: Double?
        /// NetworkX's stopping rule with this tolerance; nil: converge to 1e-10 of the exact answer.
        public var tolerance: Double?
        /// Iteration limit; nil: the measure's default.
        public var maxIterations: Int?
        /// One group per node, for brokerage.
        public var groups: [Int]?
        /// Name of the partition, for reports.
        public var partitionName: String?
        public var personalization: [Double]?
        /// Told how far the all-sources measures (betweenness, closeness, harmonic) have come.
        public var progress: ProgressHandler?

        public init() {}
    }

    /// What a measure produces.
    public enum Scores: Sendable {
        case nodes([Double])
        case edges([(source: Int, target: Int, score: Double)])
        case roles(raw: [Brokerage.Role: [Double]], expected: [Brokerage.Role: [Double]])
    }

    /// Weight modes this measure accepts.
    public var allowedWeights: [WeightMode] {
        switch self {
        case .degree, .inDegree, .outDegree, .brokerage: [.none]
        case .strength: [.none, .strength]
        case .betweenness, .edgeBetweenness, .closeness, .harmonic: [.none, .distance, .strength]
        case .eigenvector, .katz, .pagerank, .hitsHub, .hitsAuthority, .constraint, .effectiveSize: [.none, .strength]
        }
    }

    /// A measure value built from ``Parameters``: each measure's own type holds its parameters, and
    /// their defaults live only there (in its initializer), so what runs and what ``describe(_:directed:)``
    /// reports cannot drift apart.
    public enum Configured: Sendable {
        case degree(DegreeCentrality)
        case strength(Strength)
        case betweenness(BetweennessCentrality)
        case edgeBetweenness(EdgeBetweennessCentrality)
        case closeness(ClosenessCentrality)
        case harmonic(HarmonicCentrality)
        case eigenvector(EigenvectorCentrality)
        case katz(KatzCentrality)
        case pagerank(PageRank)
        case hits(HITS, hubs: Bool)
        case constraint(Constraint)
        case effectiveSize(EffectiveSize)
        case brokerage(Brokerage, partition: String)
    }

    /// The measure value `p` describes; `sources` are the sampled betweenness sources, if any.
    /// Unset parameters keep the measure's own defaults.
    public func configured(_ p: Parameters, sources: [Int]? = nil, nodeCount: Int = 0) -> Configured {
        switch self {
        case .degree: return .degree(DegreeCentrality(.total))
        case .inDegree: return .degree(DegreeCentrality(.incoming))
        case .outDegree: return .degree(DegreeCentrality(.outgoing))
        case .strength: return .strength(Strength())
        case .betweenness:
            var m = BetweennessCentrality(weight: p.weight, normalized: p.normalized, endpoints: p.endpoints, sources: sources)
            m.progress = p.progress
            return .betweenness(m)
        case .edgeBetweenness:
            return .edgeBetweenness(EdgeBetweennessCentrality(weight: p.weight, normalized: p.normalized, sources: sources))
        case .closeness: return .closeness(ClosenessCentrality(weight: p.weight, progress: p.progress))
        case .harmonic: return .harmonic(HarmonicCentrality(weight: p.weight, progress: p.progress))
        case .eigenvector:
            var m = EigenvectorCentrality(weight: p.weight)
            if let t = p.tolerance { m.tolerance = t }
            if let k = p.maxIterations { m.maxIterations = k }
            return .eigenvector(m)
        case .katz:
            var m = KatzCentrality(weight: p.weight)
            if let a = p.alpha { m.alpha = a }
            if let t = p.tolerance { m.tolerance = t }
            if let k = p.maxIterations { m.maxIterations = k }
            return .katz(m)
        case .pagerank:
            var m = PageRank(weight: p.weight, personalization: p.personalization)
            if let a = p.alpha { m.alpha = a }
            if let t = p.tolerance { m.tolerance = t }
            if let k = p.maxIterations { m.maxIterations = k }
            return .pagerank(m)
        case .hitsHub, .hitsAuthority:
            var m = HITS(weight: p.weight)
            if let t = p.tolerance { m.tolerance = t }
            if let k = p.maxIterations { m.maxIterations = k }
            return .hits(m, hubs: self == .hitsHub)
        case .constraint: return .constraint(Constraint(weight: p.weight))
        case .effectiveSize: return .effectiveSize(EffectiveSize(weight: p.weight))
        case .brokerage:
            return .brokerage(Brokerage(groups: p.groups ?? [Int](repeating: 0, count: nodeCount)), partition: p.partitionName ?? "group")
        }
    }

    /// The parameters that shaped the result, for reports (JSON `"parameters"`): every parameter of
    /// the measure, defaults included.
    public func describe(_ p: Parameters, directed: Bool) -> [(String, AttributeValue)] {
        var d: [(String, AttributeValue)] = [("directed", .bool(directed)), ("weight", .string(p.weight.rawValue))]
        func stopping(_ tolerance: Double?, _ maxIterations: Int) {
            if let tolerance {
                d.append(("tolerance", .double(tolerance)))
            } else {
                d.append(("convergence", .string("within \(StoppingRule.reported) of the fixed point")))
            }
            d.append(("max_iter", .int(maxIterations)))
        }
        switch configured(p) {
        case let .degree(m): d.append(("normalized", .bool(m.normalized)))
        case .strength: break
        case let .betweenness(m):
            d.append(("normalized", .bool(m.normalized)))
            d.append(("endpoints", .bool(m.endpoints)))
        case let .edgeBetweenness(m): d.append(("normalized", .bool(m.normalized)))
        case let .closeness(m): d.append(("wf_improved", .bool(m.wfImproved)))
        case .harmonic: break
        case let .eigenvector(m): stopping(m.tolerance, m.maxIterations)
        case let .katz(m):
            d.append(("alpha", .double(m.alpha)))
            d.append(("beta", .double(m.beta)))
            d.append(("normalized", .bool(m.normalized)))
            stopping(m.tolerance, m.maxIterations)
        case let .pagerank(m):
            d.append(("alpha", .double(m.alpha)))
            d.append(("personalized", .bool(m.personalization != nil)))
            stopping(m.tolerance, m.maxIterations)
        case let .hits(m, _): stopping(m.tolerance, m.maxIterations)
        case .constraint, .effectiveSize: break
        case let .brokerage(_, partition): d.append(("partition", .string(partition)))
        }
        if self == .betweenness || self == .edgeBetweenness, let k = p.samples {
            d.append(("samples", .int(k)))
            d.append(("seed", .int(Int(truncatingIfNeeded: p.seed))))
        }
        return d
    }

    /// Computes the measure on `graph`.
    ///
    /// - Throws: ``AnalysisError`` for a weight mode the measure cannot use, `samples` < 1, or any
    ///   error of the measure itself (its parameters are checked before it runs).
    public func compute(_ graph: CompactGraph, _ p: Parameters) throws(AnalysisError) -> Scores {
        guard allowedWeights.contains(p.weight) else {
            throw .unsupportedWeight(measure: rawValue, weight: p.weight, allowed: allowedWeights)
        }
        var sources: [Int]?
        if let k = p.samples {
            let drawn = try BetweennessCentrality.sampleSources(k, nodeCount: graph.nodeCount, seed: p.seed)
            // NetworkX treats k ≥ n as exact (no sampling adjustment).
            if k < graph.nodeCount { sources = drawn }
        }
        switch configured(p, sources: sources, nodeCount: graph.nodeCount) {
        case let .degree(m): return .nodes(m.scores(graph))
        case let .strength(m): return .nodes(try m.scores(graph))
        case let .betweenness(m): return .nodes(try m.scores(graph))
        case let .edgeBetweenness(m): return .edges(try m.scores(graph))
        case let .closeness(m): return .nodes(try m.scores(graph))
        case let .harmonic(m): return .nodes(try m.scores(graph))
        case let .eigenvector(m): return .nodes(try m.scores(graph))
        case let .katz(m): return .nodes(try m.scores(graph))
        case let .pagerank(m): return .nodes(try m.scores(graph))
        case let .hits(m, hubs):
            let (h, a) = try m.scores(graph)
            return .nodes(hubs ? h : a)
        case let .constraint(m): return .nodes(try m.scores(graph))
        case let .effectiveSize(m): return .nodes(try m.scores(graph))
        case let .brokerage(m, _):
            let (raw, expected) = try m.scores(graph)
            return .roles(raw: raw, expected: expected)
        }
    }
}
