import BackchannelModel

/// The periods of per-period analyses (`--every`): years, quarters or months of the proleptic
/// Gregorian calendar, each numbered by an integer index so that consecutive periods have
/// consecutive indices: a year `y` is `y`, its quarter `q` (1–4) is `4y + q − 1`, its month `m`
/// is `12y + m − 1`.
///
/// Labels: "2021", "2021-Q3", "2021-07". Days are day ordinals (``PartialDate/ordinal(year:month:day:)``).
/// - Complexity: every operation is O(1).
public enum TimeStep: String, Sendable, Hashable, CaseIterable {
    case year, quarter, month

    /// Months per period.
    var months: Int {
        switch self {
        case .year: 12
        case .quarter: 3
        case .month: 1
        }
    }

    /// The index of the period holding the day `ordinal`.
    public func index(ofDay ordinal: Int) -> Int {
        let d = PartialDate.civil(ordinal)
        switch self {
        case .year: return d.year
        case .quarter: return d.year * 4 + (d.month - 1) / 3
        case .month: return d.year * 12 + d.month - 1
        }
    }

    /// The year and first month (1–12) of the period `index`.
    func start(_ index: Int) -> (year: Int, month: Int) {
        let perYear = 12 / months
        let year = index >= 0 ? index / perYear : -((-index - 1) / perYear) - 1
        return (year, (index - year * perYear) * months + 1)
    }

    /// The year the period `index` falls in.
    public func year(_ index: Int) -> Int { start(index).year }

    /// The days of the period `index`, first to last.
    public func days(_ index: Int) -> ClosedRange<Int> {
        let (y, m) = start(index)
        let last = m + months - 1
        return PartialDate.ordinal(
            year: y, month: m, day: 1)...PartialDate.ordinal(
                year: y, month: last, day: PartialDate.daysIn(year: y, month: last))
    }

    /// "2021", "2021-Q3" or "2021-07".
    public func label(_ index: Int) -> String {
        let (y, m) = start(index)
        let year = PartialDate(y).text
        switch self {
        case .year: return year
        case .quarter: return "\(year)-Q\((m - 1) / 3 + 1)"
        case .month: return PartialDate(year: y, month: m)!.text
        }
    }

    /// The period `index` as a model ``Period``: a year, its quarter's first to last month, or a month.
    public func period(_ index: Int) -> Period {
        let (y, m) = start(index)
        switch self {
        case .year: return .year(y)
        case .quarter: return Period(start: PartialDate(year: y, month: m)!, end: PartialDate(year: y, month: m + 2)!)
        case .month: return .on(PartialDate(year: y, month: m)!)
        }
    }

    /// The indices of the periods that overlap `days`.
    public func indices(covering days: ClosedRange<Int>) -> ClosedRange<Int> {
        index(ofDay: days.lowerBound)...index(ofDay: days.upperBound)
    }

    /// At most this many periods in one per-period report: each period's analysis runs once.
    public static let maximumPeriods = 1000

    /// ``indices(covering:)``, refused with ``AnalysisError/tooManyPeriods(step:count:limit:span:)``
    /// when there are more than `limit`: whether the days come from a window asked for or from the
    /// span of the data's dates.
    public func indices(covering days: ClosedRange<Int>, limit: Int) throws(AnalysisError) -> ClosedRange<Int> {
        let indices = indices(covering: days)
        guard indices.count <= limit else {
            throw .tooManyPeriods(
                step: rawValue, count: indices.count, limit: limit, span: "\(label(indices.lowerBound))–\(label(indices.upperBound))")
        }
        return indices
    }

    /// The period `index`, or the `count` periods ending in it, clipped to `window`: the days they
    /// share (see ``Period/clipped(to:)``). A period that `window` cuts keeps its label; its
    /// snapshot holds only the window's days.
    public func period(_ index: Int, count: Int = 1, within window: Period?) -> Period {
        var p = Period(start: period(index - count + 1).start, end: period(index).end)
        if let window, let clipped = p.clipped(to: window) { p = clipped }
        return p
    }
}
