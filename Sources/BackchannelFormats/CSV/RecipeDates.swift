import BackchannelModel

/// Reading the dates people write in tables into the model's periods, at the precision written.
///
/// Read: a year (`1993`, or `1993.0` as pandas writes gappy integer columns), a year-month
/// (`1993-01`, `1993/01`), an ISO date (`1993-01-20`, `1993/01/20`), a range of any of these
/// (`1993-1997`, `1993–1997`, `1993/1997`, `1993-01-20/1993-09-13`, `1993-01 – 1993-05`,
/// `1993-present`) and `present` (an open end). An ISO date followed by a time of day
/// (`1993-01-20T10:00:00Z`) is read as its day and reported as ``Reading/timeDropped``. An impossible
/// date (`2021-02-30`, `2021-13`) is ``Reading/invalid(_:)`` saying why; anything else is
/// ``Reading/unreadable``, never guessed.
/// - Complexity: O(n) for n characters.
public enum RecipeDates {
    public enum Reading: Sendable, Hashable {
        /// An empty cell.
        case empty
        /// `present`: an open end.
        case present
        /// A date or range, exactly as written.
        case exact(Period)
        /// A day followed by a time of day, which the model does not hold.
        case timeDropped(Period)
        /// Written as a date, but not one (the text says why), or a range ending before it starts.
        case invalid(String)
        /// Not a date this reader knows.
        case unreadable
    }

    /// One date, with `/` as well as `-` between its parts, and an optional time of day after a day.
    static func single(_ s: Substring) -> (date: PartialDate, time: Bool)?? {
        var text = String(s)
        var time = false
        // A time of day: "T" or a space after the day, then hh:mm.
        if text.utf8.count > 10, let i = text.index(text.startIndex, offsetBy: 10, limitedBy: text.endIndex),
            text[i] == "T" || text[i] == " "
        {
            let rest = Array(text[text.index(after: i)...].utf8)
            if rest.count >= 5, rest[0...1].allSatisfy({ (0x30...0x39).contains($0) }), rest[2] == UInt8(ascii: ":") {
                time = true
                text = String(text[..<i])
            }
        }
        if text.utf8.count == 7 || text.utf8.count == 10 { text = text.replacingOccurrences(of: "/", with: "-") }
        switch PartialDate.read(text) {
        case let .date(d): return (time && d.precision != .day) ? nil : .some((d, time))
        case .invalid: return .some(nil)
        case .notADate: return nil
        }
    }

    /// Why one date is not valid, or nil.
    static func problem(_ s: Substring) -> String? {
        var text = String(s.prefix(10))
        text = text.replacingOccurrences(of: "/", with: "-")
        if case let .invalid(why) = PartialDate.read(text) { return why }
        return nil
    }

    /// Reads one cell.
    public static func read(_ text: String) -> Reading {
        let t = FieldText.trimmed(text)
        if t.isEmpty { return .empty }
        if t.lowercased() == "present" { return .present }
        if let d = Double(t), !t.contains("-"), d.isFinite, d == d.rounded(), d >= 1000, d <= 9999 { return .exact(.year(Int(d))) }
        // The model's one reader of dates and ranges (Period.read), each date read as a cell writes it.
        var time = false
        let reading = Period.read(t) { part in
            switch single(part) {
            case let .some(.some((date, t))):
                time = time || t
                return .date(date)
            case .some(.none): return .invalid(problem(part) ?? "not a date")
            case .none: return .notADate
            }
        }
        switch reading {
        case let .period(p): return time ? .timeDropped(p) : .exact(p)
        case let .invalid(why): return .invalid(why)
        case .notAPeriod: return .unreadable
        }
    }

    /// A date from a year cell and optional month and day cells (MEND's `Year`, `Month`, `Day`):
    /// numbers, `7` or `07`; an empty month or day leaves the date at the coarser precision.
    public static func read(year: String, month: String?, day: String?) -> Reading {
        let y = FieldText.trimmed(year)
        if y.isEmpty { return .empty }
        guard case let .exact(p) = read(y), let start = p.start, p.end == start, start.precision == .year else {
            return read(y) == .unreadable ? .unreadable : .invalid("\(y) is not a year")
        }
        func number(_ cell: String?) -> Int?? {
            let c = FieldText.trimmed(cell ?? "")
            if c.isEmpty { return .some(nil) }
            if let v = Int(c) { return .some(v) }
            if let d = Double(c), d.isFinite, d == d.rounded(), abs(d) < 100 { return .some(Int(d)) }
            return nil
        }
        guard let m = number(month) else { return .invalid("month \(FieldText.trimmed(month ?? "")) is not a number") }
        guard let d = number(day) else { return .invalid("day \(FieldText.trimmed(day ?? "")) is not a number") }
        if m == nil && d != nil { return .invalid("a day (\(d!)) with no month") }
        guard let date = PartialDate(year: start.year, month: m, day: d) else {
            if let m, !(1...12).contains(m) { return .invalid("month \(m) is not 1–12") }
            return .invalid("\(start.year)-\(m!) has \(PartialDate.daysIn(year: start.year, month: m!)) days, not \(d!)")
        }
        return .exact(.on(date))
    }
}
