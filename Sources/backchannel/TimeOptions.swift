import ArgumentParser
import BackchannelAnalysis
import BackchannelModel
import BackchannelPresentation

/// `--at YEAR`, `--between FROM TO` and `--dated-only`: the network as it stood at a time.
///
/// The model's dates are years, so a year-month (`2021-07`) or an ISO date (`2021-07-01`) is a
/// usage error saying so. `--between` also takes the older one-word form `FROM-TO` (what
/// `timeline --between` took) and one year.
struct TimeOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The network as it stood in this year: nodes and ties whose years contain it (undated ones stay unless --dated-only).",
            valueName: "year"))
    var at: String?

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "The network during a window of years: nodes and ties whose years overlap FROM–TO (also FROM-TO).", valueName: "from to"))
    var between: [String] = []

    @Flag(help: "Leave out undated ties, and nodes with no dated tie kept.")
    var datedOnly = false

    var isSet: Bool { at != nil || !between.isEmpty || datedOnly }

    /// One year, or a usage error naming the option and saying the data holds years only.
    /// - Complexity: O(*n*) in the length of the text.
    static func year(_ text: String, option: String) throws -> Int {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let year = Int(t) { return year }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        let digits = parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
        if digits && parts.count >= 2 && parts.count <= 3 && parts[0].count == 4 && parts.dropFirst().allSatisfy({ $0.count == 2 }) {
            throw ValidationError("\(option) \(t): the data holds years only (its dates are years), so give a year such as \(parts[0])")
        }
        throw ValidationError("\(option) takes a year (such as 2011), not '\(t)'")
    }

    /// The window these options give, or nil.
    var period: ClosedRange<Int>? { try? checkedPeriod() }

    /// The window, or the usage error that explains why the values give none.
    func checkedPeriod() throws -> ClosedRange<Int>? {
        if let at {
            let y = try Self.year(at, option: "--at")
            return y...y
        }
        switch between.count {
        case 0: return nil
        case 1:
            let word = between[0]
            if let y = Int(word) { return y...y }
            let parts = word.split(separator: "-", omittingEmptySubsequences: false)
            if parts.count == 2, let from = Int(parts[0]), let to = Int(parts[1]), parts[1].count != 2 || from < 100 {
                guard from <= to else { throw ValidationError("--between \(word): FROM must not be after TO") }
                return from...to
            }
            _ = try Self.year(word, option: "--between")
            throw ValidationError("--between takes FROM TO (two years), or FROM-TO")
        case 2:
            let from = try Self.year(between[0], option: "--between"), to = try Self.year(between[1], option: "--between")
            guard from <= to else { throw ValidationError("--between \(from) \(to): FROM must not be after TO") }
            return from...to
        default:
            throw ValidationError("--between takes two years, FROM TO, not \(between.count) values (give INPUT before --between)")
        }
    }

    func validate() throws {
        if at != nil && !between.isEmpty { throw ValidationError("give --at or --between, not both") }
        if let period = try checkedPeriod(), period.count > 10_000 {
            throw ValidationError("--between spans \(period.count) years; at most 10000")
        }
    }

    /// `filter` with these options' window and `--dated-only`.
    func apply(to filter: NetworkFilter) -> NetworkFilter {
        var f = filter
        f.period = period
        f.datedOnly = datedOnly
        return f
    }
}

extension TimeOptions {
    /// These options alone as a filter.
    var filter: NetworkFilter { apply(to: NetworkFilter()) }

    /// How reports record the time filter.
    var scope: TimeScope { TimeScope(filter) }

    /// `network` as it stood in the window (itself when no time option is given).
    /// - Complexity: O(n + m).
    func restrict(_ network: Network) -> Network {
        let filter = filter
        return filter.isTimed ? network.filtered(by: filter) : network
    }
}

/// `--every year`: the period of per-period reports. Quarters and months are a usage error that
/// says why: the data's dates are years.
enum EveryPeriod: String, ExpressibleByArgument, CaseIterable, Sendable {
    case year, quarter, month

    /// Refuses what the years-only data cannot give.
    func check() throws {
        if self != .year {
            throw ValidationError("--every \(rawValue): the data holds years only (its dates are years), so the period is year")
        }
    }
}
