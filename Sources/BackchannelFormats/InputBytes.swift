/// The raw bytes of one input file, checked to be UTF-8 text, with line and column lookup.
///
/// Lines end at LF, CRLF or a lone CR. Columns count Unicode scalars from 1, so they match what an
/// editor shows for text without combining marks. A leading UTF-8 byte order mark is skipped.
struct InputBytes {
    let bytes: [UInt8]
    let file: String
    /// Where the text starts: 3 after a byte order mark, else 0.
    let start: Int
    /// The byte offset at which each line starts (line 1 is `lineStarts[0]`).
    private(set) var lineStarts: [Int]

    /// Checks that `bytes` is UTF-8 without NUL characters.
    ///
    /// - Throws: ``FormatError/malformed(file:line:column:message:)`` at the first invalid byte.
    /// - Complexity: O(n) for n bytes.
    init(_ bytes: [UInt8], file: String) throws(FormatError) {
        self.bytes = bytes
        self.file = file
        start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        lineStarts = [start]
        let n = bytes.count
        var i = start
        while i < n {
            // Eight bytes at a time while they are ASCII without control characters below 0x0E
            // (no NUL, LF or CR): most of any network file.
            if i + 8 <= n {
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i, as: UInt64.self) }
                let high: UInt64 = 0x8080_8080_8080_8080
                if word & high == 0, (word &- 0x0E0E_0E0E_0E0E_0E0E) & ~word & high == 0 {
                    i += 8
                    continue
                }
            }
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0A {
                    lineStarts.append(i + 1)
                } else if b == 0x0D, i + 1 >= n || bytes[i + 1] != 0x0A {
                    lineStarts.append(i + 1)
                } else if b == 0 {
                    throw error(at: i, "NUL byte (U+0000): this is not a text file")
                }
                i += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; scalar = UInt32(b & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; scalar = UInt32(b & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; scalar = UInt32(b & 0x07); minimum = 0x10000
            default: throw error(at: i, "invalid UTF-8 byte 0x\(hex(b)); save the file as UTF-8")
            }
            guard i + length <= n else { throw error(at: i, "truncated UTF-8 sequence at the end of the file") }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else {
                    throw error(at: i, "invalid UTF-8 sequence starting with byte 0x\(hex(b)); save the file as UTF-8")
                }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
                throw error(at: i, "invalid UTF-8 sequence starting with byte 0x\(hex(b)); save the file as UTF-8")
            }
            i += length
        }
    }

    /// The 1-based line and column of the byte at `offset`.
    func position(_ offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var i = lineStarts[low]
        let end = min(offset, bytes.count)
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (low + 1, column)
    }

    /// An error located at the byte `offset`.
    func error(at offset: Int, _ message: String) -> FormatError {
        let (line, column) = position(offset)
        return .malformed(file: file, line: line, column: column, message: message)
    }

    /// The text of `bytes[range]`, already known to be valid UTF-8.
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

private func hex(_ b: UInt8) -> String {
    let s = String(b, radix: 16, uppercase: true)
    return s.count == 1 ? "0" + s : s
}
