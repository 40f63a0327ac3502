import BackchannelFormats
import BackchannelModel

/// The one way every report (measure, influence, paths, reach, exposure) writes a number, in each
/// of its forms. Safe for every `Double`: no value traps, and each form reads back as what it says.
///
/// | value | JSON | CSV | table |
/// |---|---|---|---|
/// | finite | shortest round-trip form (`0.25`, `2.0`, `1e+19`) | the same | fixed decimals below 1e15 in magnitude, the shortest round-trip form from 1e15 on (`1e+19`) |
/// | −0 | `0.0` | `0.0` | as 0 |
/// | NaN | `null` | empty field | `n/a` |
/// | +∞, −∞ | `null` | `inf`, `-inf` | `inf`, `-inf` |
///
/// CSV's forms are those pandas (`read_csv`) and R (`read.csv`) read as missing and infinite.
public enum ReportNumber {
    /// `x` as a JSON value: a number when finite (−0 as 0), `null` otherwise.
    /// - Complexity: O(1).
    public static func json(_ x: Double) -> JSONValue {
        x.isFinite ? .double(x == 0 ? 0 : x) : .null
    }

    /// `x` as one CSV field: the shortest round-trip form when finite (−0 as `0.0`), an empty field
    /// for NaN, `inf` and `-inf` for the infinities.
    /// - Complexity: O(1).
    public static func csv(_ x: Double) -> String {
        if x.isNaN { return "" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        return JSONWriter.number(x == 0 ? 0 : x)
    }

    /// Magnitudes from this on are written in the shortest round-trip form in tables.
    public static let fixedLimit = 1e15

    /// `x` for a table: `digits` decimals (0…15), locale-free, when |x| < ``fixedLimit``; the shortest
    /// round-trip form beyond; `n/a`, `inf`, `-inf` for NaN and the infinities. A value that rounds
    /// to zero has no minus sign.
    /// - Complexity: O(digits).
    public static func fixed(_ x: Double, digits: Int = 6) -> String {
        guard x.isFinite else { return x.isNaN ? "n/a" : (x > 0 ? "inf" : "-inf") }
        let a = abs(x)
        guard a < fixedLimit else { return x.description }
        let digits = min(max(digits, 0), 15)
        if digits == 0 {
            let r = a.rounded()
            return (x < 0 && r > 0 ? "-" : "") + String(Int(r))
        }
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let whole: Int, frac: Int
        let scaled = (a * Double(scale)).rounded()
        if scaled < 9_007_199_254_740_992 {
            // Exact below 2^53: round once at the last decimal, then split.
            let r = Int(scaled)
            (whole, frac) = (r / scale, r % scale)
        } else {
            // |x| · 10^digits passes 2^53: split first (the fraction of a double is exact), then round it.
            var w = Int(a.rounded(.towardZero))
            var f = Int(((a - a.rounded(.towardZero)) * Double(scale)).rounded())
            if f >= scale { w += 1; f -= scale }
            (whole, frac) = (w, f)
        }
        let f = String(frac)
        let negative = x < 0 && (whole > 0 || frac > 0)
        return (negative ? "-" : "") + "\(whole)." + String(repeating: "0", count: max(0, digits - f.count)) + f
    }

    /// `x` in running text (a parameter in a table's header): the shortest round-trip form when
    /// finite, `n/a`, `inf`, `-inf` otherwise.
    /// - Complexity: O(1).
    public static func text(_ x: Double) -> String {
        x.isFinite ? (x == 0 ? 0 : x).description : fixed(x)
    }

    /// A count for a table (brokerage two-paths): ``fixed(_:digits:)`` with no decimals.
    /// - Complexity: O(1).
    public static func whole(_ x: Double) -> String { fixed(x, digits: 0) }
}

/// Small builders for the reports' JSON values: members in the order given. Public so that the jobs
/// that fill reports (parameters, evidence) build their values the same way.
public enum ReportJSON {
    public static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(members.map { (key: $0.0, value: JSONNode($0.1)) })
    }

    /// An object of members already keyed (a report's `parameters`).
    public static func keyed(_ members: [(key: String, value: JSONValue)]) -> JSONValue {
        .object(members.map { (key: $0.key, value: JSONNode($0.value)) })
    }

    public static func array(_ items: [JSONValue]) -> JSONValue {
        .array(items.map { JSONNode($0) })
    }

    public static func strings(_ items: [String]) -> JSONValue {
        array(items.map { .string($0) })
    }

    public static func string(_ s: String?) -> JSONValue {
        s.map { .string($0) } ?? .null
    }

    /// A date as the network JSON writes it: a whole year as an integer, a year-month or day as ISO text.
    public static func date(_ d: PartialDate?) -> JSONValue {
        guard let d else { return .null }
        return d.precision == .year ? .int(d.year) : .string(d.text)
    }

    /// An attribute's value under the reports' number policy (non-finite → `null`).
    public static func attribute(_ value: AttributeValue) -> JSONValue {
        switch value {
        case let .string(s): .string(s)
        case let .int(i): .int(i)
        case let .double(d): ReportNumber.json(d)
        case let .bool(b): .bool(b)
        }
    }
}
