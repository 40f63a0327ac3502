import BackchannelModel

/// Reading single values typed by people (years, numbers, booleans, vocabulary words) and
/// quoting text in messages: the rules every reader shares.
extension FieldText {
    /// A date cell read exactly, or why it is not one.
    enum DateText: Sendable, Hashable {
        case date(PartialDate)
        /// Written as a date but impossible (`2021-02-30`, `2021-13`): why.
        case invalid(String)
        case notADate
    }

    /// A date: a whole number (a year), a whole number written as a decimal (`1995.0`, as pandas
    /// writes integer columns with gaps), or an ISO year-month or date (`1995-11`, `1995-11-10`),
    /// kept at that precision. Nothing is cut: `1995-11-10T12:00` is not a date here.
    static func date(_ text: String) -> DateText {
        let t = trimmed(text)
        if let y = Int(t) { return .date(PartialDate(y)) }
        if let d = Double(t), d.isFinite, d == d.rounded(), abs(d) < 1e9 { return .date(PartialDate(Int(d))) }
        switch PartialDate.read(t) {
        case let .date(d): return .date(d)
        case let .invalid(why): return .invalid(why)
        case .notADate: return .notADate
        }
    }

    static func double(_ text: String) -> Double? {
        Double(trimmed(text))
    }

    static func bool(_ text: String) -> Bool? {
        switch trimmed(text).lowercased() {
        case "true", "1", "yes": true
        case "false", "0", "no": false
        default: nil
        }
    }

    static func int(_ text: String) -> Int? {
        Int(trimmed(text))
    }

    /// `text` without leading and trailing spaces, tabs and line breaks.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isBlank($0) })!
        return String(scalars[first...last])
    }

    private static func isBlank(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r"
    }

    /// A vocabulary word as typed by people: trimmed, lowercased, spaces and hyphens as underscores.
    static func normalizedWord(_ text: String) -> String {
        String(trimmed(text).lowercased().unicodeScalars.map { $0 == " " || $0 == "-" ? "_" : Character($0) })
    }

    /// A value of the vocabulary `E`, read leniently (`Participates in` is `participates_in`).
    static func vocabulary<E: RawRepresentable & CaseIterable>(_ text: String, _: E.Type) -> E? where E.RawValue == String {
        if let exact = E(rawValue: text) { return exact }
        let word = normalizedWord(text)
        return E.allCases.first { normalizedWord($0.rawValue) == word }
    }

    /// `unknown kind "convenor" (did you mean 'convener'?); expected one of: …`.
    static func unknown<E: RawRepresentable & CaseIterable>(_ what: String, _ text: String, _: E.Type) -> String
    where E.RawValue == String {
        "unknown \(what) \(quoted(text))" + suggestion(for: text, among: E.allCases.map(\.rawValue))
            + "; expected one of: \(E.allRawValues)"
    }

    /// `s` in double quotes with quotes, backslashes and control characters escaped, cut at 80 characters.
    static func quoted(_ s: String) -> String {
        let cut = s.unicodeScalars.count > 80 ? String(String.UnicodeScalarView(s.unicodeScalars.prefix(80))) + "…" : s
        return JSONWriter.quoted(cut)
    }

    /// `" (did you mean 'x'?)"` when one of `candidates` is close to `word`: the model's rule.
    static func suggestion(for word: String, among candidates: [String]) -> String {
        BackchannelModel.suggestion(for: word, among: candidates)
    }
}
