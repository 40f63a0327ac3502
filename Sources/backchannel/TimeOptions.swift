import ArgumentParser
import BackchannelAnalysis
import BackchannelModel
import BackchannelPresentation

/// `--at DATE`, `--between FROM TO` and `--dated-only`: the network as it stood at a time.
///
/// DATE is a year (`2021`), a year-month (`2021-07`) or an ISO date (`2021-07-15`); an impossible
/// one (`2021-02-30`, `2021-13`) is a usage error saying why. An item is in the snapshot when its
/// period overlaps DATE's days (the period 2021 contains 2021-07; 2021-03…2021-05 does not).
/// `--between` also takes the one-word forms `FROM-TO` for years (what `timeline --between` took)
/// and `FROM/TO` (an ISO interval), and one date.
struct TimeOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The network as it stood then (a year, year-month or ISO date): nodes and ties whose periods contain it (undated ones stay unless --dated-only).",
            valueName: "date"))
    var at: String?

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "The network during a window (years, year-months or ISO dates): nodes and ties whose periods overlap FROM–TO (also FROM-TO for years, FROM/TO).",
            valueName: "from to"))
    var between: [String] = []

    @Flag(help: "Leave out undated ties, and nodes with no dated tie kept.")
    var datedOnly = false

    var isSet: Bool { at != nil || !between.isEmpty || datedOnly }

    /// One date (a year, year-month or ISO date), or a usage error naming the option and the value.
    /// - Complexity: O(*n*) in the length of the text.
    static func date(_ text: String, option: String) throws -> PartialDate {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let year = Int(t) { return PartialDate(year) }
        switch PartialDate.read(t) {
        case let .date(d): return d
        case let .invalid(why): throw ValidationError("\(option) \(t) is not a date: \(why)")
        case .notADate:
            throw ValidationError("\(option) takes a year (such as 2011), a year-month (2011-07) or a date (2011-07-15), not '\(t)'")
        }
    }

    /// The window these options give, or nil.
    var period: Period? { try? checkedPeriod() }

    /// The window, or the usage error that explains why the values give none.
    func checkedPeriod() throws -> Period? {
        if let at {
            return .on(try Self.date(at, option: "--at"))
        }
        func window(_ from: PartialDate, _ to: PartialDate, _ shown: String) throws -> Period {
            guard from.firstDay <= to.lastDay else { throw ValidationError("--between \(shown): FROM must not be after TO") }
            return Period(start: from, end: to)
        }
        switch between.count {
        case 0: return nil
        case 1:
            let word = between[0].trimmingCharacters(in: .whitespaces)
            if let y = Int(word) { return .year(y) }
            if case let .date(d) = PartialDate.read(word) { return .on(d) }
            let slash = word.split(separator: "/", omittingEmptySubsequences: false)
            if slash.count == 2 {
                return try window(
                    Self.date(String(slash[0]), option: "--between"), Self.date(String(slash[1]), option: "--between"), word)
            }
            let parts = word.split(separator: "-", omittingEmptySubsequences: false)
            if parts.count == 2, let from = Int(parts[0]), let to = Int(parts[1]), parts[1].count != 2 || from < 100 {
                return try window(PartialDate(from), PartialDate(to), word)
            }
            _ = try Self.date(word, option: "--between")
            throw ValidationError("--between takes FROM TO (two dates), or FROM-TO for years, or FROM/TO")
        case 2:
            let from = try Self.date(between[0], option: "--between"), to = try Self.date(between[1], option: "--between")
            return try window(from, to, "\(from.text) \(to.text)")
        default:
            throw ValidationError("--between takes two dates, FROM TO, not \(between.count) values (give INPUT before --between)")
        }
    }

    /// How many calendar years the window touches, or nil without one.
    var yearCount: Int? { period?.yearBounds.map { $0.last - $0.first + 1 } }

    func validate() throws {
        if at != nil && !between.isEmpty { throw ValidationError("give --at or --between, not both") }
        if try checkedPeriod() != nil, let years = yearCount, years > 10_000 {
            throw ValidationError("--between spans \(years) years; at most 10000")
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

/// `--every year|quarter|month`: the period of per-period reports (labels "2021", "2021-Q3",
/// "2021-07").
enum EveryPeriod: String, ExpressibleByArgument, CaseIterable, Sendable {
    case year, quarter, month

    var step: TimeStep {
        switch self {
        case .year: .year
        case .quarter: .quarter
        case .month: .month
        }
    }

    /// At most this many periods in one report: per-period analyses run once per period.
    static let maximumPeriods = 1000

    /// Refuses a window of more than ``maximumPeriods`` periods.
    func check(_ time: TimeOptions) throws {
        guard let days = time.period?.days else { return }
        let count = step.indices(covering: days).count
        if count > Self.maximumPeriods {
            throw ValidationError("--between spans \(count) \(rawValue)s; at most \(Self.maximumPeriods)")
        }
    }
}
