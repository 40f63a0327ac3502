import BackchannelAnalysis
import BackchannelFormats
import BackchannelModel
import BackchannelPresentation
import BackchannelTestSupport
import Testing

/// An intended or refused engagement is drawn as such, and is no tie for the measures; a refused one
/// is no tie even when intended ones are asked for.
@Suite("Engagement status")
struct EngagementStatusTests {
    static let network: Network = {
        var n = Fixtures.small
        n.edges = n.edges.map { edge in
            var e = edge
            if e.relation == .provides { e.attributes["status"] = .string("intended") }
            return e
        }
        return n
    }()

    @Test func intendedEngagementsAreDrawnDashedWithTheirStatus() {
        let dot = DOTWriter().write(Diagram(Self.network))
        let line = dot.split(separator: "\n").first { $0.contains("bc_relation=\"provides\"") }.map(String.init) ?? ""
        #expect(line.contains("style=\"dashed\"") && line.contains("penwidth=\"1\"") && line.contains("(intended)"), "\(line)")
        #expect(dot.contains("intended or refused, not a tie"), "the legend says what the dashed line means")
        #expect(!DOTWriter().write(Diagram(Fixtures.small)).contains("intended or refused"), "only where the picture has one")
    }

    @Test func intendedEngagementsAreNoTieUnlessAskedFor() throws {
        let ties = CompactGraph(Self.network)
        var asked = NetworkFilter()
        asked.includeIntended = true
        let all = CompactGraph(Self.network, filter: asked)
        #expect(all.arcCount == ties.arcCount + 1)
        #expect(Self.network.validationProblems().isEmpty)
        var bad = Self.network
        bad.edges[0].attributes["status"] = .string("maybe")
        #expect(bad.validationProblems().contains { $0.message.contains("status \"maybe\" is not one of provided, intended, refused") })
    }

    @Test func refusedEngagementsAreNeverTies() {
        var refused = Self.network
        refused.edges = refused.edges.map { edge in
            var e = edge
            if e.relation == .provides { e.attributes["status"] = .string("refused") }
            return e
        }
        var asked = NetworkFilter()
        asked.includeIntended = true
        #expect(CompactGraph(refused, filter: asked).arcCount == CompactGraph(refused).arcCount, "not a tie with includeIntended")
        #expect(CompactGraph(Self.network, filter: asked).arcCount == CompactGraph(refused).arcCount + 1, "intended is")
        let edge = refused.edges.first { $0.relation == .provides }
        #expect(edge?.isTie(includingIntended: true) == false && edge?.isTie(includingIntended: false) == false)
        var pages = NetworkFilter()
        pages.keepsEveryEngagement = true
        #expect(refused.edges.filter(pages.includes).count == refused.edges.count, "pages and drawings keep it")
    }
}
