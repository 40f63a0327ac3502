import BackchannelModel

/// Reading the dates people write in tables into the model's years, saying when precision is lost.
///
/// Read: a year (`1993`, or `1993.0` as pandas writes gappy integer columns), a year range
/// (`1993-1997`, `1993–1997`, `1993/1997`, `1993-present`), a year-month (`1993-01`, `1993/01`), an
/// ISO date (`1993-01-20`, optionally followed by a time) and `present` (an open end). The model
/// holds years only (``YearSpan``), so a year-month or a date is read as its year and reported as
/// ``Reading/finer``; anything else is ``Reading/unreadable``, never guessed.
/// - Complexity: O(n) for n characters.
public enum RecipeDates {
    public enum Precision: String, Sendable, Hashable {
        case yearMonth = "year-month"
        case day = "ISO date"
    }

    public enum Reading: Sendable, Hashable {
        /// An empty cell.
        case empty
        /// `present`: an open end.
        case present
        /// Years, exactly as written.
        case exact(YearSpan)
        /// Years cut from a finer date (the month and day are not kept).
        case finer(YearSpan, Precision)
        /// Not a date this reader knows, or a range ending before it starts.
        case unreadable
    }

    static func digits(_ s: Substring, _ count: Int) -> Int? {
        guard s.count == count, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(s)
    }

    /// Reads one cell.
    public static func read(_ text: String) -> Reading {
        let t = FieldText.trimmed(text)
        if t.isEmpty { return .empty }
        if t.lowercased() == "present" { return .present }
        if let y = digits(Substring(t), 4) { return .exact(.year(y)) }
        if let d = Double(t), d.isFinite, d == d.rounded(), d >= 1000, d <= 9999 { return .exact(.year(Int(d))) }
        let s = Substring(t)
        // A range: four digits, a dash, en dash or slash, four digits or "present".
        for sep in ["-", "–", "/"] {
            let parts = s.components(separatedBy: sep).map { Substring(FieldText.trimmed($0)) }
            guard parts.count == 2 || parts.count == 3, let y = digits(parts[0], 4) else { continue }
            if parts.count == 2 {
                if parts[1].lowercased() == "present" { return .exact(YearSpan(start: y, end: nil)) }
                if let e = digits(parts[1], 4) { return e >= y ? .exact(YearSpan(start: y, end: e)) : .unreadable }
                if sep != "–", let m = digits(parts[1], 2), (1...12).contains(m) { return .finer(.year(y), .yearMonth) }
            } else if sep != "–", let m = digits(parts[1], 2), (1...12).contains(m) {
                let dayPart = parts[2].prefix { $0.isNumber }
                let rest = parts[2].dropFirst(dayPart.count)
                if let d = digits(dayPart, 2), (1...31).contains(d), rest.isEmpty || rest.hasPrefix("T") || rest.hasPrefix(" ") {
                    return .finer(.year(y), .day)
                }
            }
            return .unreadable
        }
        return .unreadable
    }
}
