import ArgumentParser
import BackchannelAnalysis
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation
import BackchannelRender
import Foundation

// Option values as types: ArgumentParser parses them, reports a bad value as a usage error (64)
// naming the option, and lists the accepted values in `--help`. No command parses text by hand.

/// A year or a closed range of years: `1995` or `1990-2000` (`--years`).
///
/// A single year `Y` is the range `Y...Y`; `FROM-TO` needs `FROM <= TO`.
/// - Complexity: O(*n*) in the length of the argument.
struct YearRange: ExpressibleByArgument, Equatable, Sendable {
    var range: ClosedRange<Int>

    init(_ range: ClosedRange<Int>) { self.range = range }

    init?(argument: String) {
        let parts = argument.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        if parts.count == 1, let year = parts[0] {
            range = year...year
        } else if parts.count == 2, let from = parts[0], let to = parts[1], from <= to {
            range = from...to
        } else {
            return nil
        }
    }

    var defaultValueDescription: String {
        range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)-\(range.upperBound)"
    }
}

/// A comma-separated list of option values, each parsed as `Element`: `--kinds convener,participant`.
///
/// Spaces around items are ignored, and so are empty items (`a,,b`); at least one item is required.
/// A bad item makes the whole value a usage error, and the error lists `Element`'s values.
/// - Complexity: O(*n*) in the length of the argument.
struct CommaList<Element: ExpressibleByArgument & Hashable>: ExpressibleByArgument {
    var elements: [Element]

    init(_ elements: [Element]) { self.elements = elements }

    init?(argument: String) {
        var elements: [Element] = []
        for part in argument.split(separator: ",") {
            let item = part.trimmingCharacters(in: .whitespaces)
            if item.isEmpty { continue }
            guard let value = Element(argument: item) else { return nil }
            elements.append(value)
        }
        guard !elements.isEmpty else { return nil }
        self.elements = elements
    }

    var set: Set<Element> { Set(elements) }

    static var allValueStrings: [String] { Element.allValueStrings }
    static var defaultCompletionKind: CompletionKind { .default }
}

/// What `reach` writes: a list (a report format) or a drawing (a diagram format).
///
/// Not a format of its own: the union of ``ReportFormat`` and ``DiagramFormat``, whose names do not overlap.
enum ReachFormat: ExpressibleByArgument, Equatable, Sendable {
    case report(ReportFormat)
    case diagram(DiagramFormat)

    init?(argument: String) {
        if let report = ReportFormat(argument: argument) {
            self = .report(report)
        } else if let diagram = DiagramFormat(argument: argument) {
            self = .diagram(diagram)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { ReportFormat.allValueStrings + DiagramFormat.allValueStrings }

    var defaultValueDescription: String {
        switch self {
        case let .report(format): format.rawValue
        case let .diagram(format): format.rawValue
        }
    }

    var isBinary: Bool {
        if case let .diagram(format) = self { return format.isBinary }
        return false
    }
}

extension ReportFormat: ExpressibleByArgument {
    /// `table`, `json` or `csv`; `text` names the table too (the exposure report's wording).
    public init?(argument: String) {
        if argument == "text" {
            self = .table
        } else {
            self.init(rawValue: argument)
        }
    }
}

extension InputFormat: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension DiagramFormat: ExpressibleByArgument {}
extension RenderFormat: ExpressibleByArgument {}
extension LayoutEngine: ExpressibleByArgument {}
extension ClusterBy: ExpressibleByArgument {}
extension WeightMode: ExpressibleByArgument {}
extension Measure: ExpressibleByArgument {}
extension NodeKind: ExpressibleByArgument {}
extension Track: ExpressibleByArgument {}
extension Relation: ExpressibleByArgument {}
