// backchannel-bench: times Backchannel's measures on an edge-list CSV, in-process, and prints one
// JSON line in the same shape as Benchmarks/peers.py, so Benchmarks/report.py can join them.
//
//   backchannel-bench --edges FILE.csv --measure M [--samples K] [--seed S] [--source ID] [--threads N]
//
// `--threads N` limits the parallel measures to N threads (default: every core), as the CLI's does.
//
// Build with `swift build -c release`. Measures: load, degree, pagerank, betweenness,
// betweenness-sampled, closeness, harmonic, sssp (all directed and unweighted, as peers.py).

import BackchannelAnalysis
import BackchannelFormats
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

func argument(_ name: String) -> String? {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

guard let edges = argument("--edges"), let measure = argument("--measure") else {
    FileHandle.standardError.write(
        Data("usage: backchannel-bench --edges FILE.csv --measure M [--samples K] [--seed S] [--source ID] [--threads N]\n".utf8))
    exit(64)
}
if let threads = argument("--threads") {
    guard let count = Int(threads), count >= 1 else {
        FileHandle.standardError.write(Data("--threads needs a whole number of at least 1, not \(threads)\n".utf8))
        exit(64)
    }
    try! AnalysisThreads.limit(to: count)
}
let samples = Int(argument("--samples") ?? "256") ?? 256
/// `--unbatched`: one Brandes source at a time (``BetweennessCentrality/batched`` off), to compare.
let unbatched = CommandLine.arguments.contains("--unbatched")
let seed = UInt64(argument("--seed") ?? "1") ?? 1

let loadStart = now()
let graph: CompactGraph
do {
    let list = try EdgeListReader.read(URL(fileURLWithPath: edges))
    graph = try CompactGraph(ids: list.ids, sources: list.sources, targets: list.targets, weights: list.weights, directed: true)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(65)
}
let loadSeconds = now() - loadStart

var extras: [String: String] = [:]
let computeStart = now()
var checksum = 0.0
switch measure {
case "load": break
case "degree": checksum = DegreeCentrality(.total).scores(graph).reduce(0, +)
case "pagerank":
    // Converged as far as igraph's PRPACK (about 1e-10): total L1 change below 1e-10, not NetworkX's
    // default n · 1e-6, which at a million nodes would stop after one step.
    checksum = (try! PageRank(tolerance: 1e-10 / Double(max(graph.nodeCount, 1)), maxIterations: 1000).scores(graph)).reduce(0, +)
    extras["tolerance_l1"] = "1e-10"
case "betweenness":
    var brandes = BetweennessCentrality()
    brandes.batched = !unbatched
    checksum = try! brandes.scores(graph).reduce(0, +)
case "betweenness-sampled":
    let sources = try! BetweennessCentrality.sampleSources(samples, nodeCount: graph.nodeCount, seed: seed)
    var brandes = BetweennessCentrality(sources: sources)
    brandes.batched = !unbatched
    checksum = try! brandes.scores(graph).reduce(0, +)
    extras["samples"] = String(samples)
case "closeness": checksum = try! ClosenessCentrality().scores(graph).reduce(0, +)
case "harmonic": checksum = try! HarmonicCentrality().scores(graph).reduce(0, +)
case "sssp":
    let sourceID = argument("--source") ?? "a0"
    let source = graph.ids.firstIndex(of: sourceID) ?? 0
    let d = try! ShortestPaths.distances(graph, from: source)
    checksum = d.filter(\.isFinite).reduce(0, +)
    extras["source"] = "\"\(sourceID)\""
default:
    FileHandle.standardError.write(Data("unknown measure \(measure)\n".utf8))
    exit(64)
}
let computeSeconds = measure == "load" ? 0 : now() - computeStart

var fields = [
    "\"peer\": \"backchannel\"", "\"measure\": \"\(measure)\"", "\"edges_file\": \"\(URL(fileURLWithPath: edges).lastPathComponent)\"",
    "\"threads\": \(analysisThreadCount)", "\"nodes\": \(graph.nodeCount)", "\"edges\": \(graph.edgeCount)",
    "\"load_seconds\": \(loadSeconds)", "\"compute_seconds\": \(computeSeconds)", "\"peak_rss_mb\": \(peakRSSMegabytes())",
    "\"checksum\": \(checksum)", "\"status\": \"ok\"",
]
for (k, v) in extras.sorted(by: { $0.key < $1.key }) { fields.append("\"\(k)\": \(v)") }
print("{" + fields.joined(separator: ", ") + "}")
