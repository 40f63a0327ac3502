/// A date known to a year, a year and month, or a day: what sources give ("1993", "1993-01",
/// "1993-01-20").
///
/// Always valid: the month is 1–12 and the day exists in its month (29 February only in leap years
/// of the proleptic Gregorian calendar); a day needs a month. Ordered by its first day, then by its
/// last day, so `1993-01-01 < 1993-01 < 1993 < 1993-02`.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    public let year: Int
    public let month: Int?
    public let day: Int?

    /// How finely a date is known.
    public enum Precision: Int, Sendable, Hashable, Comparable {
        case year, month, day
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    /// A year alone.
    public init(_ year: Int) {
        self.year = year
        month = nil
        day = nil
    }

    public init(integerLiteral value: Int) { self.init(value) }

    /// A year, year-month or day; nil when the month is not 1–12, the day not in the month, or a day
    /// is given without a month.
    public init?(year: Int, month: Int?, day: Int? = nil) {
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day { guard (1...Self.daysIn(year: year, month: month)).contains(day) else { return nil } }
        } else if day != nil {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    /// Whether the year is a leap year of the proleptic Gregorian calendar.
    public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    /// The days in `month` (1–12) of `year`.
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The day ordinal of a civil date: days since 1970-01-01 (negative before), proleptic Gregorian.
    ///
    /// Never traps: a year beyond ±``ordinalYearLimit`` (far outside any history; validation rejects
    /// years outside ``plausibleYears``) is taken as that limit, so the ordinal stays ordered and
    /// in range whatever a file holds.
    ///
    /// Howard Hinnant's `days_from_civil`, https://howardhinnant.github.io/date_algorithms.html
    /// - Complexity: O(1).
    public static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let year = min(max(year, -ordinalYearLimit), ordinalYearLimit)
        let month = min(max(month, 1), 12), day = min(max(day, 1), 31)
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day ordinal: the inverse of ``ordinal(year:month:day:)``.
    ///
    /// Howard Hinnant's `civil_from_days`, https://howardhinnant.github.io/date_algorithms.html
    /// - Complexity: O(1).
    ///
    /// Never traps: an ordinal beyond the ordinal of ±``ordinalYearLimit`` (such as `Int.max`, an
    /// open end) is taken as that bound.
    public static func civil(_ ordinal: Int) -> (year: Int, month: Int, day: Int) {
        let z = min(max(ordinal, -ordinalLimit), ordinalLimit) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The largest year, either side of zero, whose days ``ordinal(year:month:day:)`` tells apart:
    /// 2⁴⁰ (about 10¹²), far from overflow in its arithmetic.
    public static let ordinalYearLimit = 1 << 40

    /// The ordinals ``civil(_:)`` reads: about 3 × 10¹² years of days either side of 1970.
    static let ordinalLimit = 1 << 50

    /// The day ordinal (``ordinal(year:month:day:)``) of the first day the date covers.
    public var firstDay: Int { Self.ordinal(year: year, month: month ?? 1, day: day ?? 1) }

    /// The day ordinal of the last day the date covers.
    public var lastDay: Int {
        let m = month ?? 12
        return Self.ordinal(year: year, month: m, day: day ?? Self.daysIn(year: year, month: m))
    }

    /// ISO 8601: "1993", "1993-01", "1993-01-20" (years of fewer than four digits are zero-padded).
    public var text: String {
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(abs(v))
            return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
        }
        var out = pad(year, 4)
        if let month { out += "-" + pad(month, 2) }
        if let day { out += "-" + pad(day, 2) }
        return out
    }

    public var description: String { text }

    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        let (fa, fb) = (a.firstDay, b.firstDay)
        return fa != fb ? fa < fb : a.lastDay < b.lastDay
    }

    /// Why a text is not a date, or the date: reads exactly `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
    /// (four-digit years), nothing else.
    public enum Reading: Sendable, Hashable {
        case date(PartialDate)
        /// Written as a date, but not one: the text says why ("month 13 is not 1–12").
        case invalid(String)
        /// Not written as a year, year-month or ISO date.
        case notADate
    }

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    /// - Complexity: O(n) in the length of the text.
    public static func read(_ text: some StringProtocol) -> Reading {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return .notADate }
        func digits(_ s: Substring, _ n: Int) -> Int? {
            guard s.utf8.count == n, s.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            return Int(s)
        }
        guard let year = digits(Substring(parts[0]), 4) else { return .notADate }
        var month: Int?, day: Int?
        if parts.count >= 2 {
            guard let m = digits(Substring(parts[1]), 2) else { return .notADate }
            month = m
        }
        if parts.count == 3 {
            guard let d = digits(Substring(parts[2]), 2) else { return .notADate }
            day = d
        }
        if let date = PartialDate(year: year, month: month, day: day) { return .date(date) }
        if let month, !(1...12).contains(month) { return .invalid("month \(month) is not 1–12") }
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
            "December",
        ]
        let days = daysIn(year: year, month: month!)
        return .invalid("\(names[month! - 1]) \(year) has \(days) days, not \(day!)")
    }

    /// The date a text gives (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), or nil.
    public init?(iso text: some StringProtocol) {
        guard case let .date(d) = Self.read(text) else { return nil }
        self = d
    }
}

/// When a node or edge held: from a start to an end, each known to a year, a month or a day as its
/// source gives it; either end may be open (an open end is `present`). A single date has
/// `start == end`.
///
/// As a span of days it runs from the first day of its start to the last day of its end: the
/// period 2021 contains 2021-07, the period 2021-03…2021-05 does not. A period with only a start
/// runs to the present; one with only an end, from the beginning (as GEXF's `end` alone).
public struct Period: Sendable, Hashable {
    public var start: PartialDate?
    public var end: PartialDate?

    public init(start: PartialDate? = nil, end: PartialDate? = nil) {
        self.start = start
        self.end = end
    }

    public static func year(_ y: Int) -> Period { Period(start: PartialDate(y), end: PartialDate(y)) }

    /// One date, as both start and end.
    public static func on(_ date: PartialDate) -> Period { Period(start: date, end: date) }

    public var isEmpty: Bool { start == nil && end == nil }

    /// Whether both ends are known to the year only (or absent): what JSON writes as integers.
    public var isYearsOnly: Bool { start?.precision ?? .year == .year && end?.precision ?? .year == .year }

    /// The days covered, as day ordinals (``PartialDate/ordinal(year:month:day:)``): from the first day
    /// of the start (`Int.min` without one) to the last day of the end (`Int.max` without one); an
    /// undated period covers every day.
    public var days: ClosedRange<Int> {
        let lo = start?.firstDay ?? Int.min
        let hi = end?.lastDay ?? Int.max
        return lo...max(lo, hi)
    }

    /// Whether the period's days overlap `window`'s (an undated period overlaps everything).
    public func overlaps(_ window: ClosedRange<Int>) -> Bool {
        let d = days
        return !(d.upperBound < window.lowerBound || d.lowerBound > window.upperBound)
    }

    /// The first and last year the period touches, or nil when undated; an open end gives the start's year.
    public var yearBounds: (first: Int, last: Int)? {
        guard let s = start ?? end else { return nil }
        return (s.year, (end ?? s).year)
    }

    /// "1960", "1989–1993", "1993-01-20", "1993-01–1993-09", "2010–present", "–1997".
    public var text: String {
        switch (start, end) {
        case let (s?, e?) where s == e: s.text
        case let (s?, e?): "\(s.text)–\(e.text)"
        case let (s?, nil): "\(s.text)–present"
        case let (nil, e?): "–\(e.text)"
        case (nil, nil): ""
        }
    }
}

/// The former name of ``Period``, when the model held years only.
@available(*, deprecated, renamed: "Period")
public typealias YearSpan = Period
