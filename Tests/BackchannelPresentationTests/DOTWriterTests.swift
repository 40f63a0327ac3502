import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation
import BackchannelRender
import BackchannelTestSupport
import Testing

@Suite("DOT writer")
struct DOTWriterTests {
    @Test func deterministic() throws {
        let history = try Network.bundled()
        let first = RenderJob().dot(history)
        #expect(RenderJob().dot(history) == first)
        let reread = try Network(json: Array(history.jsonText().utf8))
        #expect(RenderJob().dot(reread) == first, "a JSON round trip changes nothing in the DOT")
    }

    @Test func stylesByKindTrackRelationAndDesignation() throws {
        let parsed = try Graphviz.shared.parse(dot: RenderJob().dot(Fixtures.small))
        let nodes = Dictionary(
            uniqueKeysWithValues: parsed.nodes.map { (DOTText.unescapeLabel($0.attributes["bc_id"] ?? $0.name), $0.attributes) })
        #expect(nodes["ngo"]?["shape"] == "box" && nodes["ngo"]?["style"] == "rounded,filled")
        #expect(nodes["war"]?["shape"] == DOTStyle.shape(.conflict).shape)
        #expect(nodes["court"]?["shape"] == DOTStyle.shape(.legal).shape)
        #expect(nodes["ngo"]?["fillcolor"] == DOTStyle.fill(.two, kind: .convener))
        #expect(nodes["gov"]?["fillcolor"] == DOTStyle.fill(.one, kind: .official))
        #expect(nodes["group"]?["color"] == DOTStyle.designatedBorder.color, "designated actors have the designation border")
        let constrains = try #require(parsed.edges.first { $0.attributes["bc_relation"] == "constrains" })
        #expect(constrains.attributes["style"] == "dashed" && constrains.attributes["color"] == DOTStyle.edge(.constrains).color)
        #expect(DOTText.unescapeLabel(constrains.attributes["xlabel"] ?? "") == "constrains\n2010–present")
        let provides = try #require(parsed.edges.first { $0.attributes["bc_relation"] == "provides" })
        #expect(DOTText.unescapeLabel(provides.attributes["xlabel"] ?? "").hasPrefix("provides: training"))
        let label = try #require(parsed.attributes["label"])
        #expect(label.contains("Small fixture") && label.contains("on a designation list"), "title and legend in the graph label")
        #expect(!parsed.nodes.contains { $0.name == "legend" }, "no legend node")
    }

    @Test func nodeSizeFollowsDegree() throws {
        let parsed = try Graphviz.shared.parse(dot: RenderJob().dot(Fixtures.small))
        let width = Dictionary(
            uniqueKeysWithValues: parsed.nodes.map {
                (DOTText.unescapeLabel($0.attributes["bc_id"] ?? $0.name), Double($0.attributes["width"] ?? "0") ?? 0)
            })
        // ngo, group, talks, war: 3 edges each (the most); court, gov: 1.
        #expect(width["group"] == width["ngo"])
        #expect(width["ngo"] == 1.6, "the largest score gets the largest size")
        #expect(width["ngo"]! > width["court"]!)
        #expect(width["court"] == width["gov"])
    }

    @Test func clustersByConflictTrackOrNone() throws {
        func clusters(_ by: ClusterBy) throws -> [String: [String]] {
            let parsed = try Graphviz.shared.parse(dot: RenderJob(options: DOTOptions(clusterBy: by)).dot(Fixtures.small))
            let names = Dictionary(
                uniqueKeysWithValues: parsed.nodes.map { ($0.name, DOTText.unescapeLabel($0.attributes["bc_id"] ?? "")) })
            return Dictionary(
                uniqueKeysWithValues: parsed.subgraphs.filter { $0.name.hasPrefix("cluster") }.map {
                    (DOTText.unescapeLabel($0.attributes["label"] ?? ""), $0.nodes.map { names[$0]! }.sorted())
                })
        }
        #expect(try clusters(.none).isEmpty)
        #expect(try clusters(.track) == ["Track I": ["gov"], "Track II": ["ngo", "talks"]])
        // The war's box holds the nodes tied directly to it and to no other conflict.
        let direct = Set(Fixtures.small.edges.flatMap { e in e.source == "war" ? [e.target] : (e.target == "war" ? [e.source] : []) })
        #expect(try clusters(.conflict) == ["A war": (direct + ["war"]).sorted()])
        #expect(!direct.contains("court"))
    }

    @Test func legendAndTitleCanBeTurnedOff() throws {
        let parsed = try Graphviz.shared.parse(dot: RenderJob(options: DOTOptions(title: "Other title", legend: false)).dot(Fixtures.small))
        #expect(!parsed.nodes.contains { $0.name == "legend" })
        #expect(parsed.attributes["label"]?.contains("Legend") == false)
        #expect(DOTText.unescapeLabel(parsed.attributes["label"] ?? "").hasPrefix("Other title\n"))
    }
}

/// ``DOTWriter`` draws exactly what its ``Diagram`` says and computes nothing itself; the job layer
/// (``RenderJob/diagram(_:options:)``) fills the diagram in.
@Suite("Diagram: DOTWriter runs no measures")
struct DiagramTests {
    static func attributes(_ dot: String) throws -> (nodes: [String: [String: String]], clusters: [String: [String]], legend: String?) {
        let parsed = try Graphviz.shared.parse(dot: dot)
        let names = Dictionary(
            uniqueKeysWithValues: parsed.nodes.map { ($0.name, DOTText.unescapeLabel($0.attributes["bc_id"] ?? $0.name)) })
        let nodes = Dictionary(uniqueKeysWithValues: parsed.nodes.map { (names[$0.name]!, $0.attributes) })
        let clusters = Dictionary(
            uniqueKeysWithValues: parsed.subgraphs.filter { $0.name.hasPrefix("cluster") }.map {
                (DOTText.unescapeLabel($0.attributes["label"] ?? ""), $0.nodes.map { names[$0]! }.sorted())
            })
        return (nodes, clusters, parsed.attributes["label"])
    }

    /// A bare diagram has no sizes and no clusters, whatever the degrees and conflicts in the network.
    @Test func aBareDiagramHasEqualSizesAndNoClusters() throws {
        let (nodes, clusters, legend) = try Self.attributes(DOTWriter().write(Diagram(Fixtures.small)))
        let widths = Set(nodes.filter { $0.key != "legend" }.map { $0.value["width"] ?? "?" })
        #expect(widths == ["0.5"], "no measure sized the nodes: \(widths)")
        #expect(clusters.isEmpty, "no conflict assignment ran")
        #expect(legend?.contains("node size") == false)
    }

    @Test func sizesClustersHighlightAndLegendAreDrawnAsGiven() throws {
        let network = Fixtures.small
        let court = try #require(network.nodes.firstIndex { $0.id == "court" })
        let gov = try #require(network.nodes.firstIndex { $0.id == "gov" })
        var sizes = [Double](repeating: 0, count: network.nodes.count)
        sizes[court] = 1
        let diagram = Diagram(
            network, title: "Given title", subtitle: "given subtitle", nodeSizes: sizes, sizeMeasure: "votes",
            clusters: [.init(label: "Empty", members: []), .init(label: "Pair", members: [court, gov])],
            highlight: [["court", "gov"]], rankdir: "TB")
        let dot = DOTWriter().write(diagram)
        let (nodes, clusters, legend) = try Self.attributes(dot)
        #expect(nodes["court"]?["width"] == "1.6" && nodes["ngo"]?["width"] == "0.5")
        #expect(clusters == ["Pair": ["court", "gov"]], "empty clusters are not drawn")
        #expect(nodes["court"]?["peripheries"] == "2" && nodes["gov"]?["peripheries"] == "2" && nodes["ngo"]?["peripheries"] == nil)
        #expect(legend?.contains("node size: votes") == true && legend?.contains("highlighted path") == true)
        #expect(legend?.contains("Given title") == true && legend?.contains("given subtitle") == true && dot.contains("rankdir=\"TB\""))
        #expect(DOTWriter().write(Diagram(network, title: "T", subtitle: "s", legend: false)).contains("label=\"T\\ns\""))
        #expect(!DOTWriter().write(Diagram(network, legend: false)).contains("\"legend\""))
    }

    /// Relative sizes always lie in 0…1, and the DOT writer never traps on a size, however extreme.
    @Test func extremeScoresGiveBoundedSizes() throws {
        let extreme: [Double] = [1e19, 1e300, 1e-300, .nan, .infinity, -.infinity, -0.0, .greatestFiniteMagnitude, -1e300, 0]
        for scores in [extreme, [.infinity, 1, .nan], [-1, -2], [], [.nan, .nan]] {
            let sizes = Diagram.relativeSizes(scores)
            #expect(sizes.count == scores.count)
            #expect(sizes.allSatisfy { (0...1).contains($0) }, "\(scores) → \(sizes)")
        }
        #expect(Diagram.relativeSizes([.infinity, 1, .nan]) == [1, 0, 0])
        #expect(Diagram.relativeSizes([2, 1, -3]) == [1, 0.5, 0])
        var network = Network(name: "extreme")
        for i in extreme.indices { network.nodes.append(Node(id: "v\(i)", label: "v\(i)", kind: .participant)) }
        // Sizes straight from the user, unscaled and out of range, are clamped rather than trapping.
        for sizes in [extreme, Diagram.relativeSizes(extreme)] {
            let (nodes, _, _) = try Self.attributes(DOTWriter().write(Diagram(network, nodeSizes: sizes, sizeMeasure: "x")))
            for (id, attributes) in nodes where id != "legend" {
                let width = try #require(Double(attributes["width"] ?? ""), "\(id)")
                #expect((0.5...1.6).contains(width), "\(id): width \(width)")
            }
        }
    }

    /// The job fills in degree sizes and conflict clusters; the DOT is exactly the writer's output of
    /// that diagram.
    @Test func theJobFillsInTheMeasures() throws {
        let diagram = RenderJob.diagram(Fixtures.small, options: DOTOptions())
        #expect(diagram.sizeMeasure == "degree")
        #expect(diagram.clusters.map(\.label) == ["A war"])
        #expect(diagram.nodeSizes.max() == 1 && diagram.nodeSizes.min()! < 1)
        #expect(RenderJob().dot(Fixtures.small) == DOTWriter().write(diagram))
        #expect(RenderJob.diagram(Fixtures.small, options: DOTOptions(clusterBy: .track)).clusters == Diagram.trackClusters(Fixtures.small))
    }
}
