import BackchannelTestSupport
import Foundation
import Testing

/// Weights whose use overflows are refused, with the edge named, rather than giving infinities.
@Suite("Weights that overflow")
struct WeightOverflowTests {
    @Test func parallelEdgesAddingPastTheLargestDoubleAreADataError() throws {
        let dir = try Fixtures.temporaryDirectory()
        let csv = dir.appendingPathComponent("overflow.csv")
        try "source,target,weight\na,b,1e308\na,b,1e308\nb,c,1\n".write(to: csv, atomically: true, encoding: .utf8)
        for measure in ["pagerank", "strength", "eigenvector", "closeness"] {
            let result = try Fixtures.run(["centrality", "--edges", csv.path, "--measure", measure, "--weight", "strength"])
            #expect(result.status == 65, "\(measure): \(result.stderr)")
            #expect(result.stderr.contains("edge weight a → b") && result.stderr.contains("1.8e308"), "\(measure): \(result.stderr)")
        }
        // Unweighted, the same file is fine.
        #expect(try Fixtures.run(["centrality", "--edges", csv.path, "--measure", "pagerank"]).status == 0)
    }
}
