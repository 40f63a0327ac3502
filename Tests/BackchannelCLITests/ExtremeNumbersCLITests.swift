import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// No number crashes the tool: weights of 1e19, 1e300, 1e-300 and near the largest double, through
/// every measure, weight mode and report format, and through path search. Today's table output
/// converted such values to `Int` and trapped (exit 132).
@Suite("Extreme numbers end to end", .serialized)
struct ExtremeNumbersCLITests {
    /// Exit statuses that are an answer or a reported error; a trap or crash ends with a signal
    /// (4, 5, 6, 11, …) instead.
    static let answered: Set<Int32> = [0, 64, 65, 70]

    static func edgeList(_ rows: String) throws -> URL {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("extreme.csv")
        try ("source,target,weight\n" + rows).write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func strengthWithWeightsOf1e19ExitsZero() throws {
        let csv = try Self.edgeList("a,b,1e19\nb,c,1e19\nc,a,2\n")
        for format in ["table", "json", "csv"] {
            let result = try Fixtures.run([
                "centrality", "--edges", csv.path, "--measure", "strength", "--weight", "strength", "--format", format,
            ])
            #expect(result.status == 0, "\(format): exit \(result.status), \(result.stderr)")
            switch format {
            case "table": #expect(result.stdout.contains("2e+19") && result.stdout.contains("1e+19"), "\(result.stdout)")
            case "json":
                let json = try JSONParser.parse(Array(result.stdout.utf8))
                #expect(json["scores"]?["b"]?.value == .double(2e19))
            default: #expect(result.stdout.contains("b,2e+19\n"), "\(result.stdout)")
            }
        }
    }

    /// Every measure × weight mode × format on one graph holding every extreme weight: 1e19, 1e300,
    /// 1e-300, and two parallel 1.7e308 edges whose strengths add up to infinity.
    @Test func everyMeasureWeightAndFormatAnswersWithoutASignal() throws {
        let csv = try Self.edgeList("a,b,1e19\nb,c,1e300\nc,d,1e-300\nd,a,1.7e308\na,d,1.7e308\nc,e,1\ne,a,2.5\nf,a,1e19\n")
        let measures = [
            "degree", "in-degree", "out-degree", "strength", "betweenness", "edge-betweenness", "closeness", "harmonic", "eigenvector",
            "katz", "pagerank", "hits-hub", "hits-authority", "constraint", "effective-size", "brokerage",
        ]
        var answeredZero = 0
        for measure in measures {
            for weight in ["none", "distance", "strength"] {
                for format in ["table", "json", "csv"] {
                    let result = try Fixtures.run([
                        "centrality", "--edges", csv.path, "--measure", measure, "--weight", weight, "--format", format,
                    ])
                    #expect(
                        Self.answered.contains(result.status),
                        "\(measure) --weight \(weight) --format \(format): exit \(result.status)\n\(result.stderr)")
                    #expect(!result.stderr.contains("Fatal error"), "\(measure) \(weight) \(format): \(result.stderr)")
                    guard result.status == 0 else { continue }
                    answeredZero += 1
                    if format == "json" {
                        #expect(throws: Never.self, "\(measure) \(weight): JSON parses") { try JSONParser.parse(Array(result.stdout.utf8)) }
                    }
                }
            }
        }
        #expect(answeredZero >= 60, "most combinations answer, rather than all refusing (\(answeredZero) of 144)")
    }

    @Test func pathsAndDistanceMeasuresWithHugeAndTinyWeights() throws {
        for weight in ["1e300", "1e-300", "1.7e308"] {
            let csv = try Self.edgeList("a,b,\(weight)\nb,c,\(weight)\nc,d,\(weight)\n")
            for mode in ["distance", "strength"] {
                for format in ["table", "json", "csv"] {
                    for extra in [[], ["--k", "2"], ["--all-shortest"]] {
                        let result = try Fixtures.run(
                            ["paths", "--edges", csv.path, "--from", "a", "--to", "d", "--weight", mode, "--format", format] + extra)
                        #expect(result.status == 0, "paths \(weight) \(mode) \(format) \(extra): exit \(result.status)\n\(result.stderr)")
                    }
                }
                for measure in ["closeness", "harmonic"] {
                    let result = try Fixtures.run(["centrality", "--edges", csv.path, "--measure", measure, "--weight", mode])
                    #expect(result.status == 0, "\(measure) \(weight) \(mode): exit \(result.status)\n\(result.stderr)")
                }
            }
        }
    }
}
