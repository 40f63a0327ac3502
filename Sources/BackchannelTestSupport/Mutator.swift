import BackchannelAnalysis

/// Seeded byte-level mutations of valid inputs, for generative tests of parsers: every mutant must
/// parse or be rejected with a typed error, never crash or hang.
public enum Mutator {
    /// Interesting bytes: delimiters, quotes, escapes, NUL, invalid UTF-8, BOM pieces.
    static let dictionary: [[UInt8]] = [
        [0x00], [0xFF], [0xC3], [0xE2, 0x82], [0xEF, 0xBB, 0xBF], Array("\"".utf8), Array("\\".utf8), Array(",".utf8),
        Array("\n".utf8), Array("\r\n".utf8), Array("{".utf8), Array("}".utf8), Array("[".utf8), Array("]".utf8),
        Array("<".utf8), Array(">".utf8), Array("&amp;".utf8), Array("->".utf8), Array("--".utf8), Array(";".utf8),
        Array("1e999".utf8), Array("-0".utf8), Array("null".utf8), Array("\\u0000".utf8), Array("\\ud800".utf8),
        Array("<!ENTITY a \"b\">".utf8), Array("subgraph".utf8), Array("strict".utf8), Array("9999999999999999999999".utf8),
    ]

    /// `count` mutants of `input`, reproducible from `seed`; `extra` adds format-specific snippets
    /// (entity declarations for XML, mapping keys for CSV) to the insertable tokens.
    public static func mutants(of input: [UInt8], count: Int, seed: UInt64, extra: [String] = []) -> [[UInt8]] {
        var rng = SeededRandom(seed: seed)
        let dictionary = Self.dictionary + extra.map { Array($0.utf8) }
        return (0..<count).map { _ in
            var bytes = input
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<6, using: &rng) {
                case 0 where !bytes.isEmpty:  // delete a range
                    let length = Int.random(in: 1...min(16, bytes.count - at), using: &rng)
                    bytes.removeSubrange(at..<(at + length))
                case 1:  // insert a dictionary token
                    bytes.insert(contentsOf: dictionary.randomElement(using: &rng)!, at: at)
                case 2 where !bytes.isEmpty:  // duplicate a range
                    let length = Int.random(in: 1...min(32, bytes.count - at), using: &rng)
                    bytes.insert(contentsOf: bytes[at..<(at + length)], at: at)
                case 3 where !bytes.isEmpty:  // flip a byte
                    bytes[at] ^= UInt8.random(in: 1...255, using: &rng)
                case 4:  // truncate
                    bytes = Array(bytes.prefix(at))
                default:  // random byte
                    bytes.insert(UInt8.random(in: 0...255, using: &rng), at: at)
                }
            }
            return bytes
        }
    }
}
