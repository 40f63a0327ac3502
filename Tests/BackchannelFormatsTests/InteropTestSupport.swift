import BackchannelAnalysis
import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

enum TestNetworks {
    /// `s` without the control characters the model forbids in ids (all of them).
    static func idSafe(_ s: String) -> String {
        String(
            String.UnicodeScalarView(s.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value) }))
    }

    /// `s` without the control characters the model forbids in citations (all of them).
    static func lineSafe(_ s: String) -> String { idSafe(s) }

    /// Attribute names chosen to collide with fixed columns, keys and type suffixes.
    static let trickyNames = [
        "kind", "id", "Label", " id", "source", "weight", "year", "attr.x", "attr.", "x:int", "y:string", "", "place",
        "a,b", "q\"uote", "line\nbreak", "sources", "designations", "relation", "key", "日本語",
    ]

    /// A valid network whose ids, labels, descriptions, attribute names and values, keys, designations,
    /// sources and citations are hostile strings.
    static func hostile(seed: UInt64, nodes nodeCount: Int = 40, edges edgeCount: Int = 80) -> Network {
        var rng = SeededRandom(seed: seed)
        let strings = HostileStrings.fixed + HostileStrings.generated(count: 120, seed: seed)
        func pick() -> String { strings.randomElement(using: &rng)! }
        func maybe(_ s: @autoclosure () -> String) -> String? { Bool.random(using: &rng) ? s() : nil }
        func attributes() -> [String: AttributeValue] {
            var a: [String: AttributeValue] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                let name = Bool.random(using: &rng) ? trickyNames.randomElement(using: &rng)! : pick()
                a[name] =
                    switch Int.random(in: 0..<5, using: &rng) {
                    case 0: .int(Int.random(in: -5_000_000_000...5_000_000_000, using: &rng))
                    case 1: .double([0.5, -1.25, 1e-7, 3.0e12, 0.1 + 0.2, -0.0].randomElement(using: &rng)!)
                    case 2: .bool(Bool.random(using: &rng))
                    default: .string(pick())
                    }
            }
            return a
        }

        var network = Network(name: "hostile-\(seed)", title: pick(), description: maybe(pick()))
        for i in 0..<12 {
            let url = maybe("https://example.org/" + idSafe(pick()))
            network.sources.append(Source(id: "s\(i)-" + pick(), citation: lineSafe(pick()), url: url))
        }
        let sourceIDs = network.sources.map(\.id)
        func sources() -> [String] {
            (0..<Int.random(in: 0...3, using: &rng)).map { _ in sourceIDs.randomElement(using: &rng)! }
        }
        /// A date of `year` at a random precision: the year, a month of it or a day of it.
        func date(_ year: Int) -> PartialDate {
            let month = Int.random(in: 1...12, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: return PartialDate(year)
            case 1: return PartialDate(year: year, month: month)!
            default:
                return PartialDate(
                    year: year, month: month, day: Int.random(in: 1...PartialDate.daysIn(year: year, month: month), using: &rng))!
            }
        }
        func span() -> Period {
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: return Period()
            case 1: return .on(date(Int.random(in: 1000...2100, using: &rng)))
            case 2: return Period(start: date(Int.random(in: 1900...2000, using: &rng)))
            default:
                let s = Int.random(in: 1900...2000, using: &rng), e = s + Int.random(in: 0...30, using: &rng)
                // Within one year the end is the whole year, so it never ends before a finer start.
                return Period(start: Bool.random(using: &rng) ? date(s) : nil, end: e == s ? PartialDate(e) : date(e))
            }
        }
        for i in 0..<nodeCount {
            var designations: [Designation] = []
            if Int.random(in: 0..<4, using: &rng) == 0 {
                designations.append(
                    Designation(
                        list: "L" + pick(), by: maybe("B" + pick()),
                        since: Bool.random(using: &rng) ? date(Int.random(in: 1990...2000, using: &rng)) : nil,
                        until: Bool.random(using: &rng) ? date(Int.random(in: 2001...2020, using: &rng)) : nil, sources: sources()))
                if Bool.random(using: &rng) { designations.append(Designation(list: pick() + ";|,\\", sources: sources())) }
            }
            network.nodes.append(
                Node(
                    id: i == 0 ? "plain" : "n\(i)-" + idSafe(pick()), label: pick(), kind: NodeKind.allCases.randomElement(using: &rng)!,
                    track: Bool.random(using: &rng) ? Track.allCases.randomElement(using: &rng)! : nil, years: span(),
                    description: maybe(pick()), attributes: attributes(), designations: designations, sources: sources()))
        }
        let ids = network.nodes.map(\.id)
        for _ in 0..<edgeCount {
            let relation = Relation.allCases.randomElement(using: &rng)!
            network.edges.append(
                Edge(
                    ids.randomElement(using: &rng)!, relation, ids.randomElement(using: &rng)!, key: maybe(pick()),
                    support: relation == .provides ? SupportType.allCases.randomElement(using: &rng)! : nil,
                    weight: [1, 2.5, 0.001, 7, 1e6, 1.0 / 3].randomElement(using: &rng)!, years: span(),
                    description: maybe(pick()), attributes: attributes(), sources: sources()))
        }
        return network
    }

    /// A network whose labels and descriptions are each about a megabyte.
    static func huge() -> Network {
        let big = String(repeating: "Ø<&\"peace\" ", count: 1_048_576 / 12)
        return Network(
            name: "huge", nodes: [Node(id: "a", label: big, kind: .convener, description: big), Node(id: "b", kind: .dialogue)],
            edges: [Edge("a", .convenes, "b", description: big)])
    }
}

/// Runs `body`, which must finish (a hang fails the suite). Unit tests never assert wall time: a
/// loaded machine makes such a bound flaky. Work bounds are checked by counting (see
/// `LinearParsingTests`, `XMLSafetyTests`), and speed is measured in `Benchmarks/`.
func finishing<T>(_ what: String, _ body: () throws -> T) rethrows -> T {
    try body()
}

/// The bytes of every label and description in `network`: what a writer must copy at least once.
func textBytes(_ network: Network) -> Int {
    network.nodes.reduce(0) { $0 + $1.label.utf8.count + ($1.description?.utf8.count ?? 0) }
        + network.edges.reduce(0) { $0 + ($1.description?.utf8.count ?? 0) }
}

/// Checks that `written` (a writer's output for `network`) is linear in the text it holds: at least
/// the text, at most six bytes per byte (the longest escape, `"` as `&quot;`) plus `overhead`. Speed
/// is measured in Benchmarks/large_inputs.sh, not asserted here.
func expectLinearSize(
    _ written: Int, of network: Network, overhead: Int = 64 * 1024, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let text = textBytes(network)
    #expect(
        written >= text && written <= 6 * text + overhead, "\(what): \(written) bytes written for \(text) bytes of text",
        sourceLocation: sourceLocation)
}
