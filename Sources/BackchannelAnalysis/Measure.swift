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

    /// The parameters any measure may use; each measure reads the ones that apply.
    public struct Parameters: Sendable {
        public var weight: WeightMode = .none
        public var normalized = true
        public var endpoints = false
        /// Sampled betweenness: this many sources, drawn with `seed`.
        public var samples: Int?
        public var seed: UInt64 = 0
        public var alpha: Double?
        public var tolerance: Double?
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

    /// The parameters that shaped the result, for reports (JSON `"parameters"`).
    public func describe(_ p: Parameters, directed: Bool) -> [(String, AttributeValue)] {
        var d: [(String, AttributeValue)] = [("directed", .bool(directed)), ("weight", .string(p.weight.rawValue))]
        switch self {
        case .degree, .inDegree, .outDegree: d.append(("normalized", .bool(true)))
        case .betweenness, .edgeBetweenness:
            d.append(("normalized", .bool(p.normalized)))
            if self == .betweenness { d.append(("endpoints", .bool(p.endpoints))) }
            if let k = p.samples { d.append(("samples", .int(k))); d.append(("seed", .int(Int(truncatingIfNeeded: p.seed)))) }
        case .closeness: d.append(("wf_improved", .bool(true)))
        case .pagerank:
            d.append(("alpha", .double(p.alpha ?? 0.85)))
            d.append(("tolerance", .double(p.tolerance ?? 1e-6)))
            d.append(("max_iter", .int(p.maxIterations ?? 100)))
        case .katz:
            d.append(("alpha", .double(p.alpha ?? 0.1)))
            d.append(("beta", .double(1)))
            d.append(("normalized", .bool(true)))
            d.append(("tolerance", .double(p.tolerance ?? 1e-6)))
        case .eigenvector, .hitsHub, .hitsAuthority:
            d.append(("tolerance", .double(p.tolerance ?? (self == .eigenvector ? 1e-6 : 1e-8))))
        case .brokerage: d.append(("partition", .string(p.partitionName ?? "group")))
        case .strength, .harmonic, .constraint, .effectiveSize: break
        }
        return d
    }

    /// Computes the measure on `graph`.
    public func compute(_ graph: CompactGraph, _ p: Parameters) throws(AnalysisError) -> Scores {
        guard allowedWeights.contains(p.weight) else {
            throw .unsupportedWeight(measure: rawValue, weight: p.weight, allowed: allowedWeights)
        }
        var sources: [Int]?
        if let k = p.samples {
            guard k > 0 else { throw .invalidParameter(name: "--samples", value: String(k), reason: "must be at least 1") }
            if k < graph.nodeCount { sources = BetweennessCentrality.sampleSources(k, nodeCount: graph.nodeCount, seed: p.seed) }
        }
        switch self {
        case .degree: return .nodes(DegreeCentrality(.total).scores(graph))
        case .inDegree: return .nodes(DegreeCentrality(.incoming).scores(graph))
        case .outDegree: return .nodes(DegreeCentrality(.outgoing).scores(graph))
        case .strength: return .nodes(Strength().scores(graph))
        case .betweenness:
            var measure = BetweennessCentrality(weight: p.weight, normalized: p.normalized, endpoints: p.endpoints, sources: sources)
            measure.progress = p.progress
            return .nodes(measure.scores(graph))
        case .edgeBetweenness:
            return .edges(EdgeBetweennessCentrality(weight: p.weight, normalized: p.normalized, sources: sources).scores(graph))
        case .closeness: return .nodes(ClosenessCentrality(weight: p.weight, progress: p.progress).scores(graph))
        case .harmonic: return .nodes(HarmonicCentrality(weight: p.weight, progress: p.progress).scores(graph))
        case .eigenvector:
            return .nodes(try EigenvectorCentrality(weight: p.weight, tolerance: p.tolerance ?? 1e-6, maxIterations: p.maxIterations ?? 100).scores(graph))
        case .katz:
            return .nodes(try KatzCentrality(alpha: p.alpha ?? 0.1, weight: p.weight, tolerance: p.tolerance ?? 1e-6, maxIterations: p.maxIterations ?? 1000).scores(graph))
        case .pagerank:
            return .nodes(try PageRank(alpha: p.alpha ?? 0.85, weight: p.weight, personalization: p.personalization, tolerance: p.tolerance ?? 1e-6, maxIterations: p.maxIterations ?? 100).scores(graph))
        case .hitsHub, .hitsAuthority:
            let (hubs, authorities) = try HITS(weight: p.weight, tolerance: p.tolerance ?? 1e-8, maxIterations: p.maxIterations ?? 1000).scores(graph)
            return .nodes(self == .hitsHub ? hubs : authorities)
        case .constraint: return .nodes(try Constraint(weight: p.weight).scores(graph))
        case .effectiveSize: return .nodes(try EffectiveSize(weight: p.weight).scores(graph))
        case .brokerage:
            let groups = p.groups ?? [Int](repeating: 0, count: graph.nodeCount)
            let (raw, expected) = Brokerage(groups: groups).scores(graph)
            return .roles(raw: raw, expected: expected)
        }
    }
}
