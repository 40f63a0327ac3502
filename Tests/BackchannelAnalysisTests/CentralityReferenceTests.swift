import BackchannelAnalysis
import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Testing

/// Every measure against NetworkX 3.6.1 on path, star, cycle and complete graphs, Zachary's karate
/// club, Padgett's Florentine families, Davis's Southern Women and seeded random graphs with
/// isolated parts. Exact measures agree to 1e-9; iterative ones are run to 1e-13 and agree to 1e-9.
@Suite("Measures match NetworkX")
struct CentralityReferenceTests {
    static let names = ReferenceGraph.all.map(\.name)
    static let tight = 1e-13

    func expectClose(
        _ ours: [Double], _ reference: [Double?], _ what: String, in g: ReferenceGraph, tolerance: Double = 1e-9,
        allowNaNWhereReferenceHas: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(ours.count == reference.count, "\(g.name) \(what): count", sourceLocation: sourceLocation)
        for (i, r) in reference.enumerated() where i < ours.count {
            if let r {
                let ok = abs(ours[i] - r) <= tolerance * max(1, abs(r))
                #expect(ok, "\(g.name) \(what) node \(g.graph.ids[i]): ours \(ours[i]), NetworkX \(r)", sourceLocation: sourceLocation)
            } else {
                #expect(
                    ours[i].isNaN, "\(g.name) \(what) node \(g.graph.ids[i]): NetworkX NaN, ours \(ours[i])", sourceLocation: sourceLocation
                )
            }
        }
    }

    @Test(arguments: names)
    func degreeAndStrength(name: String) throws {
        let g = ReferenceGraph.named(name)
        expectClose(DegreeCentrality(.total).scores(g.graph), g.measure("degree")!, "degree", in: g)
        if g.directed {
            expectClose(DegreeCentrality(.incoming).scores(g.graph), g.measure("in_degree")!, "in_degree", in: g)
            expectClose(DegreeCentrality(.outgoing).scores(g.graph), g.measure("out_degree")!, "out_degree", in: g)
        }
        expectClose(try Strength().scores(g.graph), g.measure("strength")!, "strength", in: g)
    }

    @Test(arguments: names)
    func betweenness(name: String) throws {
        let g = ReferenceGraph.named(name)
        let cases: [(String, BetweennessCentrality)] = [
            ("betweenness", BetweennessCentrality()),
            ("betweenness_raw", BetweennessCentrality(normalized: false)),
            ("betweenness_endpoints", BetweennessCentrality(endpoints: true)),
            ("betweenness_distance", BetweennessCentrality(weight: .distance)),
            ("betweenness_raw_distance", BetweennessCentrality(weight: .distance, normalized: false)),
            // Float lengths 1/w, tied exactly as NetworkX ties them (==), not as exact fractions would.
            ("betweenness_strength", BetweennessCentrality(weight: .strength)),
        ]
        for (key, measure) in cases {
            expectClose(try measure.scores(g.graph), g.measure(key)!, key, in: g)
        }
    }

    @Test(arguments: names)
    func sampledBetweenness(name: String) throws {
        let g = ReferenceGraph.named(name)
        for (key, normalized) in [("betweenness_sampled", true), ("betweenness_sampled_raw", false)] {
            let record = try #require(g.root[key])
            let sources = record["sources"]!.strings.map { g.index[$0]! }
            let values = g.graph.ids.map { record["values"]![$0]!.number }
            // NetworkX treats k == n as exact (no sampling adjustment).
            let sampled = sources.count == g.graph.nodeCount ? nil : sources
            expectClose(try BetweennessCentrality(normalized: normalized, sources: sampled).scores(g.graph), values, key, in: g)
        }
    }

    @Test(arguments: names)
    func edgeBetweenness(name: String) throws {
        let g = ReferenceGraph.named(name)
        for (key, measure) in [
            ("edge_betweenness", EdgeBetweennessCentrality()),
            ("edge_betweenness_raw", EdgeBetweennessCentrality(normalized: false)),
            ("edge_betweenness_distance", EdgeBetweennessCentrality(weight: .distance)),
        ] {
            var ours: [String: Double] = [:]
            for e in try measure.scores(g.graph) {
                let (a, b) = (g.graph.ids[e.source], g.graph.ids[e.target])
                ours[g.directed || a < b ? "\(a)|\(b)" : "\(b)|\(a)"] = e.score
            }
            let rows = g.root[key]!.items
            #expect(rows.count == ours.count, "\(g.name) \(key): edge count")
            for row in rows {
                let r = row.items
                let (a, b) = (r[0].string, r[1].string)
                let k = g.directed || a < b ? "\(a)|\(b)" : "\(b)|\(a)"
                let value = try #require(ours[k], "\(g.name) \(key): missing edge \(k)")
                #expect(abs(value - r[2].number!) <= 1e-9, "\(g.name) \(key) \(k): ours \(value), NetworkX \(r[2].number!)")
            }
        }
    }

    @Test(arguments: names)
    func closenessAndHarmonic(name: String) throws {
        let g = ReferenceGraph.named(name)
        expectClose(try ClosenessCentrality().scores(g.graph), g.measure("closeness")!, "closeness", in: g)
        expectClose(
            try ClosenessCentrality(weight: .distance).scores(g.graph), g.measure("closeness_distance")!, "closeness_distance", in: g)
        expectClose(
            try ClosenessCentrality(weight: .strength).scores(g.graph), g.measure("closeness_strength")!, "closeness_strength", in: g)
        expectClose(try ClosenessCentrality(wfImproved: false).scores(g.graph), g.measure("closeness_no_wf")!, "closeness_no_wf", in: g)
        expectClose(try HarmonicCentrality().scores(g.graph), g.measure("harmonic")!, "harmonic", in: g)
        expectClose(try HarmonicCentrality(weight: .distance).scores(g.graph), g.measure("harmonic_distance")!, "harmonic_distance", in: g)
    }

    @Test(arguments: names)
    func pageRank(name: String) throws {
        let g = ReferenceGraph.named(name)
        let n = g.graph.nodeCount
        expectClose(try PageRank(tolerance: Self.tight, maxIterations: 100_000).scores(g.graph), g.measure("pagerank")!, "pagerank", in: g)
        expectClose(
            try PageRank(weight: .strength, tolerance: Self.tight, maxIterations: 100_000).scores(g.graph), g.measure("pagerank_strength")!,
            "pagerank_strength", in: g)
        var personal = [Double](repeating: 0, count: n)
        personal[0] = 1
        personal[1] = 1
        expectClose(
            try PageRank(personalization: personal, tolerance: Self.tight, maxIterations: 100_000).scores(g.graph),
            g.measure("pagerank_personalized")!, "pagerank_personalized", in: g)
        if let reference = g.measure("pagerank_dangling") {
            var dangling = [Double](repeating: 0, count: n)
            dangling[n - 1] = 1
            expectClose(
                try PageRank(dangling: dangling, tolerance: Self.tight, maxIterations: 100_000).scores(g.graph), reference,
                "pagerank_dangling", in: g)
        }
    }

    @Test(arguments: names)
    func spectral(name: String) throws {
        let g = ReferenceGraph.named(name)
        for (key, weight) in [("eigenvector", WeightMode.none), ("eigenvector_strength", .strength)] {
            guard let reference = g.measure(key), reference.allSatisfy({ $0 != nil }) else {
                // NetworkX refuses disconnected graphs (AmbiguousSolution); so is the answer ambiguous here.
                #expect(g.root["errors"]?[key] != nil, "\(g.name) \(key) null without a recorded error")
                continue
            }
            expectClose(
                try EigenvectorCentrality(weight: weight, tolerance: 1e-15, maxIterations: 1_000_000).scores(g.graph), reference, key,
                in: g, tolerance: 1e-8)
        }
        for (key, weight) in [("katz", WeightMode.none), ("katz_strength", .strength)] {
            let reference = g.measure(key)!
            if let note = g.note(key), note.contains("diverges") {
                #expect(throws: AnalysisError.self, "\(g.name) \(key): the series diverges, so iteration must not claim a result") {
                    try KatzCentrality(weight: weight, tolerance: Self.tight, maxIterations: 5_000).scores(g.graph)
                }
                continue
            }
            expectClose(
                try KatzCentrality(weight: weight, tolerance: Self.tight, maxIterations: 100_000).scores(g.graph), reference, key, in: g)
        }
        for (suffix, weight) in [("", WeightMode.none), ("_strength", .strength)] {
            guard let hubs = g.measure("hits_hub" + suffix), hubs.allSatisfy({ $0 != nil }) else {
                // Not unique (NetworkX's check of the top singular value): the reference must say so.
                #expect(g.root["errors"]?["hits_hub" + suffix] != nil, "\(g.name) hits_hub\(suffix) missing without a recorded error")
                continue
            }
            let (h, a) = try HITS(weight: weight, tolerance: 1e-15, maxIterations: 1_000_000).scores(g.graph)
            expectClose(h, hubs, "hits_hub" + suffix, in: g, tolerance: 1e-8)
            expectClose(a, g.measure("hits_authority" + suffix)!, "hits_authority" + suffix, in: g, tolerance: 1e-8)
        }
    }

    @Test(arguments: names)
    func structuralHoles(name: String) throws {
        let g = ReferenceGraph.named(name)
        expectClose(try Constraint().scores(g.graph), g.measure("constraint")!, "constraint", in: g)
        expectClose(try Constraint(weight: .strength).scores(g.graph), g.measure("constraint_weighted")!, "constraint_weighted", in: g)
        // NetworkX's documented formula (its per-node path). Where it gives NaN for a directed sink
        // (it looks only at successors) Backchannel uses the in-neighbours: a documented difference.
        for (key, weight) in [("effective_size_nodes", WeightMode.none), ("effective_size_weighted_nodes", .strength)] {
            let ours = try EffectiveSize(weight: weight).scores(g.graph)
            var reference = g.measure(key)!
            for i in reference.indices
            where reference[i] == nil && g.graph.outOffsets[i] == g.graph.outOffsets[i + 1]
                && g.graph.inOffsets[i] != g.graph.inOffsets[i + 1]
            {
                #expect(!ours[i].isNaN)
                reference[i] = ours[i]
            }
            expectClose(ours, reference, key, in: g)
        }
    }

    @Test(arguments: names)
    func brokerage(name: String) throws {
        let g = ReferenceGraph.named(name)
        let groups = try #require(g.partition, "\(g.name): every reference graph has a partition for brokerage")
        #expect(g.root["brokerage"] != nil, "\(g.name): brokerage reference missing")
        let (raw, expected) = try Brokerage(groups: groups).scores(g.graph)
        for role in Brokerage.Role.allCases {
            let r = try g.graph.ids.map {
                try #require(g.root["brokerage"]?[role.rawValue]?[$0]?.number, "\(g.name) brokerage \(role) \($0)")
            }
            let e = try g.graph.ids.map {
                try #require(g.root["brokerage_expected"]?[role.rawValue]?[$0]?.number, "\(g.name) brokerage expected \(role) \($0)")
            }
            expectClose(raw[role]!, r, "brokerage \(role)", in: g)
            expectClose(expected[role]!, e, "brokerage expected \(role)", in: g)
        }
    }

    /// With their defaults (no tolerance, default iteration limits), the iterative measures land within
    /// 1e-10 absolute per score of the exact answer: NetworkX's eigenvector_centrality_numpy (eigs),
    /// katz_centrality_numpy (a linear solve), pagerank and HITS run to 1e-13.
    @Test(arguments: names)
    func defaultsConvergeToTheFixedPoint(name: String) throws {
        let g = ReferenceGraph.named(name)
        let n = g.graph.nodeCount
        func expectExact(_ ours: [Double], _ key: String) throws {
            let reference = try #require(g.measure(key), "\(g.name) \(key) reference missing")
            #expect(ours.count == reference.count)
            for (i, r) in reference.enumerated() {
                let r = try #require(r, "\(g.name) \(key) \(g.graph.ids[i]) reference is null")
                #expect(
                    abs(ours[i] - r) <= 1e-10, "\(g.name) \(key) \(g.graph.ids[i]): ours \(ours[i]), exact \(r), off by \(abs(ours[i] - r))"
                )
            }
        }
        try expectExact(try PageRank().scores(g.graph), "pagerank")
        try expectExact(try PageRank(weight: .strength).scores(g.graph), "pagerank_strength")
        var personal = [Double](repeating: 0, count: n)
        personal[0] = 1
        personal[1] = 1
        try expectExact(try PageRank(personalization: personal).scores(g.graph), "pagerank_personalized")
        if g.measure("pagerank_dangling") != nil {
            var dangling = [Double](repeating: 0, count: n)
            dangling[n - 1] = 1
            try expectExact(try PageRank(dangling: dangling).scores(g.graph), "pagerank_dangling")
        }
        for (key, weight) in [("eigenvector", WeightMode.none), ("eigenvector_strength", .strength)] {
            guard let reference = g.measure(key), reference.allSatisfy({ $0 != nil }) else {
                #expect(g.root["errors"]?[key] != nil, "\(g.name) \(key) null without a recorded error")
                continue
            }
            try expectExact(try EigenvectorCentrality(weight: weight).scores(g.graph), key)
        }
        for (key, weight) in [("katz", WeightMode.none), ("katz_strength", .strength)] {
            if let note = g.note(key), note.contains("diverges") {
                #expect(throws: AnalysisError.self) { try KatzCentrality(weight: weight).scores(g.graph) }
                continue
            }
            try expectExact(try KatzCentrality(weight: weight).scores(g.graph), key)
        }
        for (suffix, weight) in [("", WeightMode.none), ("_strength", .strength)] {
            guard let hubs = g.measure("hits_hub" + suffix), hubs.allSatisfy({ $0 != nil }) else {
                #expect(g.root["errors"]?["hits_hub" + suffix] != nil, "\(g.name) hits_hub\(suffix) missing without a recorded error")
                continue
            }
            let (h, a) = try HITS(weight: weight).scores(g.graph)
            try expectExact(h, "hits_hub" + suffix)
            try expectExact(a, "hits_authority" + suffix)
        }
    }

    /// A tolerance reproduces NetworkX's own stopping rule (`Σ|x − x_last| < n · tol`): the same
    /// iterate as NetworkX's defaults (PageRank 1e-6, eigenvector 1e-6, Katz 1e-6; `nx.hits` solves
    /// an SVD and has no iteration to reproduce).
    @Test(arguments: names)
    func toleranceReproducesNetworkXDefaults(name: String) throws {
        let g = ReferenceGraph.named(name)
        let defaults = try #require(g.root["networkx_defaults"], "\(g.name): networkx_defaults missing")
        func reference(_ key: String) -> [Double?]? {
            guard let m = defaults[key], case .object = m.value else { return nil }
            return g.graph.ids.map { m[$0]?.number }
        }
        func expectSame(_ ours: () throws -> [Double], _ key: String) throws {
            guard let r = reference(key) else {
                #expect(defaults[key + "_error"] != nil, "\(g.name) \(key): no NetworkX default without an error")
                #expect(throws: AnalysisError.self, "\(g.name) \(key): NetworkX fails, so must we") { try ours() }
                return
            }
            expectClose(try ours(), r, "\(key) (NetworkX defaults)", in: g, tolerance: 1e-12)
        }
        try expectSame({ try PageRank(tolerance: 1e-6, maxIterations: 100).scores(g.graph) }, "pagerank")
        try expectSame({ try EigenvectorCentrality(tolerance: 1e-6, maxIterations: 100).scores(g.graph) }, "eigenvector")
        try expectSame({ try KatzCentrality(tolerance: 1e-6, maxIterations: 1000).scores(g.graph) }, "katz")
    }
}
