import BackchannelAnalysis
import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation
import BackchannelRender
import BackchannelTestSupport
import Foundation
import Testing

/// Every relation, track and mark stays distinguishable, also for readers with deuteranopia, and no
/// colour means two things (the bounds ``DOTStyle`` states).
@Suite("Diagram palette")
struct DiagramPaletteTests {
    typealias CD = ColourDifference

    /// Sharma, Wu & Dalal's test pairs (Table 1, pairs 1, 3, 4, 25 and 34).
    @Test func ciede2000MatchesTheReferencePairs() {
        #expect(abs(CD.ciede2000((50, 2.6772, -79.7751), (50, 0, -82.7485)) - 2.0425) < 1e-4)
        #expect(abs(CD.ciede2000((50, 2.8361, -74.0200), (50, 0, -82.7485)) - 3.4412) < 1e-4)
        #expect(abs(CD.ciede2000((50, -1.3802, -84.2814), (50, 0, -82.7485)) - 1.0000) < 1e-4)
        #expect(abs(CD.ciede2000((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514)) - 0.9082) < 1e-4)
        #expect(abs(CD.ciede2000((50, 2.5, 0), (73, 25, -18)) - 27.1492) < 1e-4)
        #expect(CD.ciede2000((60, 10, 10), (60, 10, 10)) == 0)
    }

    static var lines: [(name: String, color: String, style: String)] {
        Relation.allCases.map { r in
            let s = DOTStyle.edge(r); return (r.rawValue, s.color, s.style)
        }
            + [("highlight", DOTStyle.highlight, "highlight"), ("designation border", DOTStyle.designatedBorder.color, "border")]
    }

    @Test func lineColoursAreApartForDeuteranopes() {
        let lines = Self.lines
        #expect(Set(lines.map { $0.color.lowercased() }).count == lines.count, "no colour means two things")
        for (i, a) in lines.enumerated() {
            for b in lines[(i + 1)...] {
                let deutan = CD.difference(a.color, b.color, simulating: CD.deuteranopia)
                let normal = CD.difference(a.color, b.color)
                let needed = a.style == b.style ? 19.0 : 9.5
                #expect(
                    deutan >= needed, "\(a.name) \(a.color) and \(b.name) \(b.color): ΔE00 \(deutan) under deuteranopia, need \(needed)")
                #expect(normal >= 15, "\(a.name) and \(b.name): ΔE00 \(normal)")
            }
        }
    }

    @Test func fillsAreApartAndLighterThanEveryLine() throws {
        let fills = DOTStyle.fills
        #expect(Set(fills.map { $0.color.lowercased() }).count == fills.count)
        for (i, a) in fills.enumerated() {
            #expect(try #require(CD.lab(a.color)).0 >= 78, "\(a.name) is a light fill, readable with black text")
            for b in fills[(i + 1)...] {
                #expect(CD.difference(a.color, b.color, simulating: CD.deuteranopia) >= 8.5, "\(a.name) and \(b.name)")
                #expect(CD.difference(a.color, b.color) >= 12, "\(a.name) and \(b.name)")
            }
            for line in Self.lines {
                #expect(try #require(CD.lab(line.color)).0 <= 70, "\(line.name) is darker than every fill")
                #expect(CD.difference(a.color, line.color, simulating: CD.deuteranopia) >= 8, "\(a.name) and \(line.name)")
            }
        }
    }
}

/// No text drawn over a node or over other text, in every committed render and in the views the
/// tests draw.
@Suite("Diagram labels")
struct DiagramLabelTests {
    @Test(
        arguments: try! FileManager.default.contentsOfDirectory(atPath: Fixtures.rendersDirectory.path).filter { $0.hasSuffix(".svg") }
            .sorted())
    func noLabelOverANodeOrALabel(file: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Fixtures.rendersDirectory.appendingPathComponent(file)))
        let boxes = try #require(SVGBoxes.read(bytes))
        #expect(boxes.shapes.count > 0 && boxes.texts.count > boxes.shapes.count, "\(file): read its nodes and texts")
        let overlaps = boxes.overlaps()
        #expect(overlaps.isEmpty, "\(file): \(overlaps.count) overlaps: \(overlaps.prefix(8).joined(separator: "; "))")
    }

    /// The checker finds a label drawn over a node.
    @Test func theCheckerSeesAnOverlap() throws {
        let dot = """
            digraph { graph [forcelabels=true]; a [shape=box, pos="0,0!"]; b [shape=box, pos="300,0!"]; a -> b [xlabel="over a over a over a"]; c [shape=plaintext, label="over a", pos="0,0!"] }
            """
        let svg = try Graphviz.shared.render(dot: dot, engine: .neato, format: .svg).bytes
        #expect(try #require(SVGBoxes.read(svg)).overlaps().isEmpty == false)
    }
}

/// The legend is a graph label, draws samples and lists only what the picture uses.
@Suite("Diagram legend")
struct DiagramLegendTests {
    @Test func theLegendIsAGraphLabelThatDrawsWhatItExplains() throws {
        let parsed = try Graphviz.shared.parse(dot: RenderJob().dot(Fixtures.small))
        #expect(parsed.nodes.count == Fixtures.small.nodes.count, "only the network's nodes")
        let label = try #require(parsed.attributes["label"])
        #expect(label.contains("Small fixture"))
        #expect(label.contains("BGCOLOR=\"\(DOTStyle.fill(.two, kind: .convener))\""), "a fill swatch")
        let constrains = DOTStyle.edge(.constrains)
        #expect(label.contains("SIDES=\"B\" STYLE=\"dashed\" COLOR=\"\(constrains.color)\""), "a line sample in its colour and style")
        #expect(label.contains(DOTStyle.shape(.participant).glyph!) == Fixtures.small.nodes.contains { $0.kind == .participant })
        for relation in Relation.allCases {
            let used = Fixtures.small.edges.contains { $0.relation == relation }
            #expect(
                label.contains(">\(relation.rawValue.replacingOccurrences(of: "_", with: " "))<") == used,
                "\(relation) listed only when used")
        }
        #expect(!label.contains("highlighted path"), "no highlight, no highlight row")
    }
}

/// A node's conflict box follows one rule (``RenderJob/conflictBoxes(_:)``), the same in every view.
@Suite("Conflict boxes")
struct ConflictBoxTests {
    static func boxes(_ network: Network, of whole: Network? = nil, keep: Set<String>? = nil) -> [String: String] {
        var options = DOTOptions()
        options.keep = keep
        let diagram = RenderJob.diagram(whole ?? network, options: options)
        var out: [String: String] = [:]
        for c in diagram.clusters { for m in c.members { out[diagram.network.nodes[m].id] = c.label } }
        return out
    }

    @Test func onlyNodesTiedDirectlyToOneConflictAreInItsBox() throws {
        let history = try Network.bundled()
        let boxes = Self.boxes(history)
        #expect(boxes["humanitarian-law-project"] == nil, "two steps from the PKK insurgency")
        #expect(boxes["us-department-of-state"] == nil)
        #expect(boxes["bill-clinton"] == nil)
        #expect(boxes["pkk"] != nil && boxes["pkk"]!.hasPrefix("PKK insurgency"))
        for (id, label) in boxes {
            let node = try #require(history.nodes.first { $0.id == id })
            if node.kind == .conflict { continue }
            let conflicts = Set(
                history.edges.compactMap { e -> String? in
                    let other = e.source == id ? e.target : (e.target == id ? e.source : nil)
                    return other.flatMap { o in history.nodes.first { $0.id == o && $0.kind == .conflict } }?.id
                })
            #expect(!conflicts.isEmpty, "\(id) is in \(label) but tied to no conflict")
        }
    }

    @Test func aFocusedViewKeepsTheWholeNetworksBoxes() throws {
        let history = try Network.bundled()
        let whole = Self.boxes(history)
        for conflict in history.nodes where conflict.kind == .conflict {
            let keep = RenderJob.focus(on: conflict.id, radius: 2, in: history)
            for (id, label) in Self.boxes(history, keep: keep) {
                #expect(whole[id] == label, "\(id) in \(label) in the view of \(conflict.id)")
            }
            for id in keep where whole[id] != nil { #expect(Self.boxes(history, keep: keep)[id] == whole[id]) }
        }
    }
}

/// Large networks draw their most connected nodes by default; focused views draw a subgraph.
@Suite("Large and focused diagrams")
struct LargeAndFocusedDiagramTests {
    /// A seeded random network of `n` participants and `m` edges with a few hubs, never committed.
    static func generated(n: Int, m: Int, seed: UInt64) -> Network {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var network = Network(name: "generated")
        for i in 0..<n { network.nodes.append(Node(id: "v\(i)", label: "Actor \(i)", kind: i % 10 == 0 ? .convener : .participant)) }
        var seen = Set<Int>()
        while network.edges.count < m {
            // Hubs: half the edges start at one of the first n/20 nodes.
            let s = next() % 2 == 0 ? Int(next() % UInt64(max(1, n / 20))) : Int(next() % UInt64(n))
            let t = Int(next() % UInt64(n))
            guard s != t, seen.insert(s * n + t).inserted else { continue }
            network.edges.append(Edge("v\(s)", .partnersWith, "v\(t)"))
        }
        return network
    }

    @Test func aLargeNetworkDrawsItsMostConnectedNodes() throws {
        let network = Self.generated(n: 1500, m: 4000, seed: 11)
        let diagram = RenderJob.diagram(network, options: DOTOptions())
        #expect(diagram.network.edges.count <= RenderJob.largeEdgeThreshold)
        #expect(diagram.network.nodes.count <= RenderJob.labelledNodeLimit && diagram.network.nodes.count > 20)
        #expect(diagram.subtitle.contains("most connected"))
        #expect(diagram.legendNote?.contains("--full") == true)
        #expect(diagram.network.nodes.contains { $0.id == "v0" } || diagram.network.nodes.contains { $0.id == "v1" }, "hubs are kept")
        let degree = DegreeCentrality(normalized: false).scores(CompactGraph(network))
        let kept = Set(diagram.network.nodes.map(\.id))
        let keptMin = network.nodes.indices.filter { kept.contains(network.nodes[$0].id) }.map { degree[$0] }.min()!
        let droppedMax = network.nodes.indices.filter { !kept.contains(network.nodes[$0].id) }.map { degree[$0] }.max()!
        #expect(keptMin >= droppedMax, "every kept node is at least as connected as every dropped one")
        var full = DOTOptions()
        full.full = true
        #expect(RenderJob.diagram(network, options: full).network.edges.count == 4000)
        // It lays out and renders (sfdp settings that finish) with no label over a node.
        let svg = try RenderJob().run(diagram, format: .svg).bytes
        let boxes = try #require(SVGBoxes.read(svg))
        #expect(boxes.shapes.count == diagram.network.nodes.count)
    }

    @Test func communitiesCollapseToOneNodePerCommunity() throws {
        let history = try Network.bundled()
        var options = DOTOptions()
        options.communities = true
        let diagram = RenderJob.diagram(history, options: options)
        let louvain = try Louvain(seed: 0).communities(CompactGraph(history, directed: false))
        #expect(diagram.network.nodes.count == louvain.count)
        #expect(diagram.network.nodes.allSatisfy { $0.label.contains(" member") && $0.label.contains("\n") })
        #expect(diagram.network.edges.allSatisfy { $0.relation == .sharesWith && $0.source != $0.target })
        #expect(diagram.clusters.isEmpty && diagram.sizeMeasure == "members (square root)")
        #expect(diagram.nodeSizes.max() == 1)
        #expect(diagram.subtitle.hasSuffix("· \(diagram.network.edges.count) pairs of communities with ties"), "\(diagram.subtitle)")
        #expect(diagram.legendNote?.contains("most connected actors") == true)
    }

    /// A community's label names its most connected actors, one per line, cut at 32 characters,
    /// and names other kinds only when it has no actor.
    @Test func aCommunityIsLabelledByItsMostConnectedActorsOnePerLine() {
        var network = Network(name: "labels")
        network.nodes = [
            Node(id: "hub", label: "Accord on Everything Signed by Everyone in the Capital in Spring", kind: .agreement),
            Node(id: "drc", label: "Congo, Democratic Republic of the", kind: .participant),
            Node(id: "za", label: "South Africa", kind: .official),
            Node(id: "ceasefire", label: "Ceasefire declaration", kind: .event),
            Node(id: "un", label: "United Nations", kind: .convener),
            Node(id: "kenya", label: "Kenya", kind: .official),
            Node(id: "talks", label: "Talks", kind: .dialogue),
            Node(id: "round", label: "First round", kind: .dialogue),
        ]
        // The agreement and the event are the best connected; of the actors, South Africa, then the
        // Congo and the UN (tied, in network order), then Kenya.
        let degree: [Double] = [9, 2, 3, 8, 2, 1, 4, 1]
        let label = RenderJob.communityLabel(Array(0..<6), in: network, degree: degree)
        #expect(label == "6 members\nSouth Africa\nCongo, Democratic Republic of t…\nUnited Nations\n… and 3 more")
        #expect(label.split(separator: "\n").allSatisfy { $0.count <= RenderJob.communityLabelNameLength }, "\(label)")
        // No actor: the most connected members of any kind.
        #expect(
            RenderJob.communityLabel([6, 7, 0], in: network, degree: degree)
                == "3 members\nAccord on Everything Signed by…\nTalks\nFirst round")
        // One member: singular, and no "more".
        #expect(RenderJob.communityLabel([7], in: network, degree: degree) == "1 member\nFirst round")
        #expect(RenderJob.communityLabel([5, 7], in: network, degree: degree) == "2 members\nKenya\n… and 1 more")
    }

    @Test func namesAreCutToOneLineOfAtMostTheLength() {
        let long = String(repeating: "abcdefghij", count: 25)
        #expect(RenderJob.cut(long, to: 32) == String(long.prefix(31)) + "…")
        #expect(RenderJob.cut("South Africa", to: 32) == "South Africa")
        #expect(RenderJob.cut("Line one\nline  two", to: 32) == "Line one line two")
        #expect(RenderJob.cut("Alpha, Beta", to: 7) == "Alpha…", "no comma or space before the ellipsis")
        #expect(RenderJob.cut(String(repeating: "é", count: 40), to: 32).count == 32)
    }

    /// The lines between communities have no arrowheads (a tie may run either way) and grow with
    /// the log of their tie count; the legend says so.
    @Test func communityLinesHaveNoArrowheadsAndWidthByTies() throws {
        let history = try Network.bundled()
        var options = DOTOptions()
        options.communities = true
        let diagram = RenderJob.diagram(history, options: options)
        #expect(diagram.undirected && diagram.edgeWidths.count == diagram.network.edges.count)
        #expect(diagram.network.edges.contains { $0.weight > 1 }, "some pair has several ties")
        for (edge, width) in zip(diagram.network.edges, diagram.edgeWidths) { #expect(width == 1 + log(edge.weight)) }
        #expect(RenderJob.tieWidth(1) == 1 && abs(RenderJob.tieWidth(10) - 3.3026) < 1e-4)
        let dot = DOTWriter().write(diagram)
        let edgeLines = dot.split(separator: "\n").filter { $0.contains(" -> ") }
        #expect(edgeLines.count == diagram.network.edges.count)
        #expect(edgeLines.allSatisfy { $0.contains("dir=\"none\"") })
        #expect(edgeLines.contains { $0.contains("penwidth=\"1.693\"") }, "two ties: 1 + ln 2")
        #expect(dot.contains("line width: 1 + ln(ties between the two communities)"))
        // The SVG draws each line as a path and no arrowhead (a polygon) beside it.
        let svg = String(decoding: try RenderJob().run(diagram, format: .svg).bytes, as: UTF8.self)
        let edges = svg.components(separatedBy: "class=\"edge\"").dropFirst().map { $0.components(separatedBy: "<!--")[0] }
        #expect(edges.count == diagram.network.edges.count)
        #expect(edges.allSatisfy { $0.contains("<path") && !$0.contains("<polygon") })
        // Other drawings keep their arrowheads.
        #expect(!DOTWriter().write(RenderJob.diagram(history, options: DOTOptions())).contains("dir=\"none\""))
    }

    @Test func theExposureViewDrawsThePathsAndTheirContext() throws {
        let history = try Network.bundled()
        let (highlight, keep) = RenderJob.exposureView(history)
        let kept = try #require(keep)
        #expect(!highlight.isEmpty && kept.count < history.nodes.count / 2, "\(kept.count) of \(history.nodes.count)")
        for path in highlight { #expect(Set(path).isSubset(of: kept)) }
        #expect(kept.contains("holder-v-hlp") || kept.contains { id in history.nodes.first { $0.id == id }?.kind == .legal })
        let focus = RenderJob.focus(on: "pkk", radius: 1, in: history)
        #expect(focus.contains("pkk") && focus.count < 15)
    }

    /// One layout, every format: the SVG of a multi-format render is the single-format SVG.
    @Test func oneLayoutRendersEveryFormat() throws {
        let dot = RenderJob().dot(Fixtures.small)
        let both = try Graphviz.shared.render(dot: dot, engine: .dot, formats: [.svg, .png])
        #expect(both.count == 2)
        #expect(both[0].bytes == (try Graphviz.shared.render(dot: dot, engine: .dot, format: .svg)).bytes)
        #expect(both[1].bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let worker = GraphvizWorker(executable: Fixtures.executable, arguments: ["_render-worker"])
        let viaWorker = try worker.render(dot: dot, engine: .dot, formats: [.svg, .pdf, .png])
        #expect(viaWorker.map(\.bytes.count).allSatisfy { $0 > 0 })
        #expect(viaWorker[0].bytes == both[0].bytes && viaWorker[2].bytes == both[1].bytes)
    }
}
