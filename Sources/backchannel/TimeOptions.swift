import ArgumentParser
import BackchannelAnalysis
import BackchannelModel
import BackchannelPresentation

/// `--at DATE`, `--between FROM TO` and `--dated-only`: the network as it stood at a time.
///
/// DATE is a year (`2021`), a year-month (`2021-07`) or an ISO date (`2021-07-15`); an impossible
/// one (`2021-02-30`, `2021-13`) is a usage error saying why. An item is in the snapshot when its
/// period overlaps DATE's days (the period 2021 contains 2021-07; 2021-03…2021-05 does not).
/// `--between` also takes one word, read by the model's ``Period/read(_:date:)`` as table cells are:
/// `FROM-TO` for four-digit years (what `timeline --between` took), `FROM–TO`, `FROM/TO` (an ISO
/// interval), or one date. Years are in ``plausibleYears``. With `--every`, the periods are those the
/// window touches, each clipped to it.
struct TimeOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The network as it stood then (a year, year-month or ISO date): nodes and ties whose periods contain it (undated ones stay unless --dated-only).",
            valueName: "date"))
    var at: String?

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "The network during a window (years, year-months or ISO dates): nodes and ties whose periods overlap FROM–TO (also one word: FROM-TO for years, FROM–TO, FROM/TO).",
            valueName: "from to"))
    var between: [String] = []

    @Flag(help: "Leave out undated ties, and nodes with no dated tie kept.")
    var datedOnly = false

    var isSet: Bool { at != nil || !between.isEmpty || datedOnly }

    /// One date (a year, year-month or ISO date) in ``plausibleYears``, or a usage error naming the
    /// option and the value.
    /// - Complexity: O(*n*) in the length of the text.
    static func date(_ text: String, option: String) throws -> PartialDate {
        let t = text.trimmingCharacters(in: .whitespaces)
        switch PartialDate.read(t) {
        case let .date(d):
            try plausible(d, option: option, text: t)
            return d
        case let .invalid(why): throw ValidationError("\(option) \(t) is not a date: \(why)")
        case .notADate:
            if let year = yearDigits(t) { throw outside(year, option: option) }
            throw ValidationError("\(option) takes a year (such as 2011), a year-month (2011-07) or a date (2011-07-15), not '\(t)'")
        }
    }

    /// Digits (with an optional sign) read as a year too long or short to be one: "9223372036854775807", "-5", "800".
    private static func yearDigits(_ t: String) -> String? {
        let digits = t.first == "-" || t.first == "+" ? t.dropFirst() : Substring(t)
        return !digits.isEmpty && digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) ? t : nil
    }

    private static func outside(_ year: String, option: String) -> ValidationError {
        ValidationError(
            "\(option) \(year): the year is outside \(plausibleYears.lowerBound)–\(plausibleYears.upperBound), the years a network may mention"
        )
    }

    private static func plausible(_ d: PartialDate, option: String, text: String) throws {
        if !plausibleYears.contains(d.year) { throw outside(String(d.year), option: option) }
    }

    /// The window these options give, or nil.
    var period: Period? { try? checkedPeriod() }

    /// The window, or the usage error that explains why the values give none. One word is read by
    /// the model's ``Period/read(_:date:)`` (as table cells are): `2009`, `2009–2010`, `2009-2010`,
    /// `2009-03/2009-07`.
    func checkedPeriod() throws -> Period? {
        if let at {
            return .on(try Self.date(at, option: "--at"))
        }
        switch between.count {
        case 0: return nil
        case 1:
            let word = between[0].trimmingCharacters(in: .whitespaces)
            switch Period.read(word) {
            case let .period(p):
                guard let from = p.start, let to = p.end else {
                    throw ValidationError("--between \(word): the window needs an end date, not present")
                }
                try Self.plausible(from, option: "--between", text: word)
                try Self.plausible(to, option: "--between", text: word)
                return p
            case let .invalid(why):
                throw ValidationError("--between \(word) is not a date or a range: \(why)")
            case .notAPeriod:
                if let year = Self.yearDigits(word) { throw Self.outside(year, option: "--between") }
                let parts = word.split(separator: "-", omittingEmptySubsequences: false)
                let hint =
                    parts.count == 2 && parts[0].count == 4 && (1...3).contains(parts[1].count)
                    ? " (a year-month has two digits, 2009-01; a range of years four on each side, 2009-2010)" : ""
                throw ValidationError(
                    "--between takes FROM TO (two dates), or one word: FROM-TO for years, FROM–TO or FROM/TO; not '\(word)'\(hint)")
            }
        case 2:
            let from = try Self.date(between[0], option: "--between"), to = try Self.date(between[1], option: "--between")
            guard from.firstDay <= to.lastDay else {
                throw ValidationError("--between \(from.text) \(to.text): FROM must not be after TO")
            }
            return Period(start: from, end: to)
        default:
            throw ValidationError("--between takes two dates, FROM TO, not \(between.count) values (give INPUT before --between)")
        }
    }

    func validate() throws {
        if at != nil && !between.isEmpty { throw ValidationError("give --at or --between, not both") }
        _ = try checkedPeriod()
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

    /// At most this many periods in one report (``TimeStep/maximumPeriods``).
    static var maximumPeriods: Int { TimeStep.maximumPeriods }

    /// Refuses a window of more than ``maximumPeriods`` periods (a span taken from the data is
    /// checked by the job, ``TimeStep/indices(covering:limit:)``).
    func check(_ time: TimeOptions) throws {
        guard let days = time.period?.days else { return }
        let count = step.indices(covering: days).count
        if count > Self.maximumPeriods {
            throw ValidationError(
                "--between spans \(count) \(rawValue)s; one report holds at most \(Self.maximumPeriods) periods: give a shorter --between or a longer --every"
            )
        }
    }
}
