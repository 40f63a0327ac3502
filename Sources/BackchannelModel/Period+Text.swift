extension Period {
    /// A date or a range read from text, or why it is neither.
    public enum Reading: Sendable, Hashable {
        /// One date (`start == end`) or a range; `FROM-present` has no end.
        case period(Period)
        /// Written as a date or range, but not one: the text says why ("month 13 is not 1–12",
        /// "2009 is before 2010").
        case invalid(String)
        /// Not written as a date or a range.
        case notAPeriod
    }

    /// Reads one date or a range of two, the one reader of date ranges for the command line
    /// (`--between`) and for table cells (``RecipeDates``).
    ///
    /// Read: one date as `date` reads it (by default ``PartialDate/read(_:)``: `1993`, `1993-01`,
    /// `1993-01-20`); two dates around an en dash (`1993–1997`, `1993-01 – 1993-05`) or a slash
    /// (`1993/1997`, `1993-01-20/1993-09-13`, an ISO 8601 interval); two four-digit years around a
    /// hyphen (`1993-1997`); and `present` as the second of two (`1993-present`, an open end).
    /// Spaces around each date are ignored. A range whose end is before its start is
    /// ``Reading/invalid(_:)``. Nothing else is guessed: `2009-1` is ``Reading/notAPeriod``.
    /// - Complexity: O(n) for n characters.
    public static func read(
        _ text: some StringProtocol, date: (Substring) -> PartialDate.Reading = { PartialDate.read($0) }
    ) -> Reading {
        func trimmed(_ s: Substring) -> Substring {
            var s = s
            while let c = s.first, c.isWhitespace { s.removeFirst() }
            while let c = s.last, c.isWhitespace { s.removeLast() }
            return s
        }
        let t = trimmed(Substring(text))
        switch date(t) {
        case let .date(d): return .period(.on(d))
        case let .invalid(why): return .invalid(why)
        case .notADate: break
        }
        for sep: Character in ["–", "/", "-"] {
            let parts = t.split(separator: sep, omittingEmptySubsequences: false).map(trimmed)
            guard parts.count == 2 else { continue }
            let open = parts[1].lowercased() == "present"
            if sep == "-" && !(parts[0].count == 4 && (parts[1].count == 4 || open)) { continue }
            let from: PartialDate
            switch date(parts[0]) {
            case let .date(d): from = d
            case let .invalid(why): return .invalid(why)
            case .notADate: continue
            }
            if open { return .period(Period(start: from)) }
            switch date(parts[1]) {
            case let .date(to):
                guard to.lastDay >= from.firstDay else { return .invalid("\(to.text) is before \(from.text)") }
                return .period(Period(start: from, end: to))
            case let .invalid(why): return .invalid(why)
            case .notADate: continue
            }
        }
        return .notAPeriod
    }

    /// The part of this period inside `window`: the later start and the earlier end (each compared
    /// by its days; on a tie the window's, as the finer one given). Nil when they do not overlap.
    /// An open end of either keeps the other's.
    /// - Complexity: O(1).
    public func clipped(to window: Period) -> Period? {
        guard overlaps(window.days) else { return nil }
        var out = self
        if let w = window.start, out.start.map({ $0.firstDay <= w.firstDay }) ?? true { out.start = w }
        if let w = window.end, out.end.map({ $0.lastDay >= w.lastDay }) ?? true { out.end = w }
        return out
    }
}
