import BackchannelAnalysis

/// Text built to break DOT writers: keywords, numerals, quotes, backslashes, entities, newlines, HTML.
public enum HostileStrings {
    /// Hand-picked cases, each a known way to break naive quoting.
    public static let fixed: [String] = [
        "", " ", "node", "EDGE", "Graph", "digraph", "subgraph", "StRiCt", "strict digraph",
        "0", "-1.5", ".5", "1e10", "42abc", "3 apples", "a:b", "a:b:c", "port:n",
        "\"", "\"\"", "say \"hi\"", "\\", "\\\\", "ends with \\", "\\\"", "\\N", "\\G", "\\E", "\\T", "\\H", "\\L",
        "\\n", "\\l", "\\r", "a\\nb", "line1\nline2", "line1\nline2\nline3", "trailing\n",
        "&amp;", "&", "&lt;b&gt;", "&#38;", "&#x26;", "&nbsp;", "AT&T", "<b>bold</b>", "<", ">", "<<>>",
        "{", "}", "[", "]", ";", ",", "=", "->", "--", "/* comment */", "// comment", "# hash",
        "Ø", "Ñandú", "Sinn Féin", "Rød-Larsen", "日本語", "עברית", "العربية", "🕊️ peace", "e\u{301}",
        "tab\there", "  two  spaces  ", " leading", "trailing ",
    ]

    private static let alphabet: [String] = [
        "a", "Z", "0", "9", " ", "\"", "\\", "\n", "&", ";", "#", "<", ">", ":", "-", "{", "}", "[", "]",
        "=", ",", "'", "/", "*", "é", "Ø", "ü", "ß", "中", "🕊", "\t", "N", "G", "n", "l", "r", "amp", "lt", "#38",
        "node", "edge", "graph", "strict", "digraph", "subgraph",
    ]

    /// `count` random strings of up to `maximumLength` pieces from an alphabet of dangerous characters.
    ///
    /// - Parameter drawable: leave out tabs and runs of spaces, which a renderer may draw differently
    ///   from how they are written (Graphviz's SVG writes a second space as a no-break space).
    public static func generated(count: Int, seed: UInt64, maximumLength: Int = 24, drawable: Bool = false) -> [String] {
        var rng = SeededRandom(seed: seed)
        let pieces = drawable ? alphabet.filter { $0 != "\t" } : alphabet
        return (0..<count).map { _ in
            let length = Int.random(in: 0...maximumLength, using: &rng)
            var s = (0..<length).map { _ in pieces.randomElement(using: &rng)! }.joined()
            if drawable {
                while s.contains("  ") { s = s.replacingOccurrences(of: "  ", with: " ") }
            }
            return s
        }
    }
}
