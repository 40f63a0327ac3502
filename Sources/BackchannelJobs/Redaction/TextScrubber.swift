import Foundation

/// Finds names in free text and replaces them: each name matches ignoring case and accents, with any
/// run of white space (a double space, a no-break space, a line break) in the name or the text
/// counting as one space, where it starts and ends at a word boundary (next to a character that is
/// not a letter or digit, or the text's end); overlapping matches keep the leftmost, then the
/// longest. Names shorter than three characters are not searched for (a one-letter id would match
/// every such word); ``unsearched`` lists their replacements.
///
/// The names are held in a trie over folded characters; a text is folded once and the trie is
/// walked from each position where a name could start.
///
/// - Complexity: O(N) to build for N characters of names; O(t · d) to scrub a text of t characters,
///   d being the longest run of the text, from one start, that is the beginning of some name (at
///   most the longest name's length; for ordinary text a few characters).
public struct TextScrubber: Sendable {
    private struct TrieNode: Sendable {
        var next: [String: Int32] = [:]
        /// The replacement of the name ending here, and whether that name ends with a letter or digit.
        var terminal: (replacement: String, endsWithWord: Bool)?
    }

    private var trie = [TrieNode()]
    /// The replacements of names not searched for because they are shorter than three characters.
    public private(set) var unsearched: [String] = []

    public init(_ names: [(text: String, replacement: String)]) {
        for (text, replacement) in names {
            let units = Self.units(Array(text.trimmingCharacters(in: .whitespacesAndNewlines)))
            guard units.count >= 3 else {
                if !units.isEmpty { unsearched.append(replacement) }
                continue
            }
            var at = 0
            for unit in units {
                if let n = trie[at].next[unit.folded] {
                    at = Int(n)
                } else {
                    trie.append(TrieNode())
                    trie[at].next[unit.folded] = Int32(trie.count - 1)
                    at = trie.count - 1
                }
            }
            // The first name given for a text wins.
            if trie[at].terminal == nil { trie[at].terminal = (replacement, units.last!.isWord) }
        }
    }

    static func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// One character without case or accents.
    static func fold(_ c: Character) -> String {
        if c.isASCII { return String(c).lowercased() }
        return String(c).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// A text as the trie reads it: one unit per character, folded, each run of white space one
    /// unit `" "`; each with the characters it covers.
    private struct Unit {
        var folded: String
        var isWord: Bool
        var range: Range<Int>
    }

    private static func units(_ chars: [Character]) -> [Unit] {
        var out: [Unit] = []
        out.reserveCapacity(chars.count)
        var i = 0
        while i < chars.count {
            if chars[i].isWhitespace {
                var j = i + 1
                while j < chars.count, chars[j].isWhitespace { j += 1 }
                out.append(Unit(folded: " ", isWord: false, range: i..<j))
                i = j
            } else {
                out.append(Unit(folded: fold(chars[i]), isWord: isWord(chars[i]), range: i..<(i + 1)))
                i += 1
            }
        }
        return out
    }

    /// Every match in `chars` (character offsets), non-overlapping, and the trie steps taken.
    private func matches(_ chars: [Character]) -> (found: [(range: Range<Int>, replacement: String)], steps: Int) {
        guard !chars.isEmpty, !trie[0].next.isEmpty else { return ([], 0) }
        let units = Self.units(chars)
        var found: [(range: Range<Int>, replacement: String)] = []
        var steps = 0
        var p = 0
        while p < units.count {
            // A name starting with a letter or digit starts a word.
            if units[p].isWord, p > 0, units[p - 1].isWord {
                p += 1
                continue
            }
            var at = 0, q = p
            var best: (end: Int, replacement: String)?
            while q < units.count, let n = trie[at].next[units[q].folded] {
                steps += 1
                at = Int(n)
                q += 1
                if let t = trie[at].terminal, !(t.endsWithWord && q < units.count && units[q].isWord) { best = (q, t.replacement) }
            }
            steps += 1
            if let best {
                found.append((units[p].range.lowerBound..<units[best.end - 1].range.upperBound, best.replacement))
                p = best.end
            } else {
                p += 1
            }
        }
        return (found, steps)
    }

    /// `text` with every name replaced, and the number of trie steps the search took (for tests
    /// that bound the cost).
    public func scrubCounting(_ text: String) -> (text: String, steps: Int) {
        let chars = Array(text)
        let (found, steps) = matches(chars)
        guard !found.isEmpty else { return (text, steps) }
        var out = ""
        var at = 0
        for m in found {
            out += String(chars[at..<m.range.lowerBound]) + m.replacement
            at = m.range.upperBound
        }
        return (out + String(chars[at...]), steps)
    }

    /// `text` with every name replaced.
    public func scrub(_ text: String) -> String { scrubCounting(text).text }

    /// Whether `text` holds any name.
    public func names(_ text: String) -> Bool { !matches(Array(text)).found.isEmpty }
}
