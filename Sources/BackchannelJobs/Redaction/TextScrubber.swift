import Foundation

/// Finds names in free text and replaces them: each name matches ignoring case and accents, where
/// it starts and ends at a word boundary (next to a character that is not a letter or digit, or the
/// text's end); overlapping matches keep the leftmost, then the longest. Names shorter than three
/// characters are not searched for (a one-letter id would match every such word).
///
/// - Complexity: O(t) to fold and tokenize a text of t characters, plus O(k) for each name of k
///   characters whose first word is a word of the text.
struct TextScrubber {
    struct Name {
        var folded: [String]
        var replacement: String
        var startsWithWord: Bool
        var endsWithWord: Bool
    }

    /// Names by their first word, folded; longest first.
    private var byFirstWord: [String: [Name]] = [:]
    /// Names that start with something other than a letter or digit.
    private var other: [Name] = []

    init(_ names: [(text: String, replacement: String)]) {
        for (text, replacement) in names {
            let chars = Array(text.trimmingCharacters(in: .whitespacesAndNewlines))
            guard chars.count >= 3 else { continue }
            let folded = chars.map(Self.fold)
            let name = Name(
                folded: folded, replacement: replacement, startsWithWord: Self.isWord(chars.first!), endsWithWord: Self.isWord(chars.last!))
            if name.startsWithWord {
                let first = folded[0..<chars.prefix(while: Self.isWord).count].joined()
                byFirstWord[first, default: []].append(name)
            } else {
                other.append(name)
            }
        }
        for key in byFirstWord.keys { byFirstWord[key]!.sort { $0.folded.count > $1.folded.count } }
        other.sort { $0.folded.count > $1.folded.count }
    }

    static func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// One character without case or accents.
    static func fold(_ c: Character) -> String {
        if c.isASCII { return String(c).lowercased() }
        return String(c).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Every match in `text` (character offsets), non-overlapping.
    private func matches(_ chars: [Character]) -> [(range: Range<Int>, replacement: String)] {
        guard !chars.isEmpty, !(byFirstWord.isEmpty && other.isEmpty) else { return [] }
        let folded = chars.map(Self.fold)
        var found: [(range: Range<Int>, replacement: String)] = []
        func check(_ name: Name, at p: Int) {
            let end = p + name.folded.count
            guard end <= chars.count else { return }
            for j in 0..<name.folded.count where folded[p + j] != name.folded[j] { return }
            if name.startsWithWord, p > 0, Self.isWord(chars[p - 1]) { return }
            if name.endsWithWord, end < chars.count, Self.isWord(chars[end]) { return }
            found.append((p..<end, name.replacement))
        }
        var p = 0
        while p < chars.count {
            if Self.isWord(chars[p]), p == 0 || !Self.isWord(chars[p - 1]) {
                var q = p
                while q < chars.count, Self.isWord(chars[q]) { q += 1 }
                if let names = byFirstWord[folded[p..<q].joined()] { for name in names { check(name, at: p) } }
            }
            for name in other where folded[p] == name.folded[0] { check(name, at: p) }
            p += 1
        }
        found.sort {
            $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.count > $1.range.count
        }
        var kept: [(range: Range<Int>, replacement: String)] = []
        for m in found where kept.last.map({ $0.range.upperBound <= m.range.lowerBound }) ?? true { kept.append(m) }
        return kept
    }

    /// `text` with every name replaced.
    func scrub(_ text: String) -> String {
        let chars = Array(text)
        let found = matches(chars)
        guard !found.isEmpty else { return text }
        var out = ""
        var at = 0
        for m in found {
            out += String(chars[at..<m.range.lowerBound]) + m.replacement
            at = m.range.upperBound
        }
        return out + String(chars[at...])
    }

    /// Whether `text` holds any name.
    func names(_ text: String) -> Bool { !matches(Array(text)).isEmpty }
}
