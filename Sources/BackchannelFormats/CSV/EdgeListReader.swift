import BackchannelModel
import Foundation

/// A plain edge list as dense arrays, ready for `CompactGraph(ids:sources:targets:weights:directed:)`.
public struct EdgeList: Sendable {
    /// Node ids, index `i` naming node `i`.
    public var ids: [String]
    /// Arc tails, heads and weights (1 where the file has no weight column), one entry per row.
    public var sources: [Int32]
    public var targets: [Int32]
    public var weights: [Double]
    /// The node list's extra column (one value per node, "" where missing), when one was asked for.
    public var column: [String]?
    /// Ids of the nodes the node list marks in a column named `confidential` (any case; `true`,
    /// `yes`, `1` mark a node, `false`, `no`, `0` or empty do not, as in CSV sheets).
    public var confidential: Set<String> = []
}

/// Reads a plain edge list, the form any other tool can write: a CSV file with the header
/// `source,target` or `source,target,weight`, and optionally a node list whose first column is `id`
/// (nodes without edges, and node order). Tokenized by ``CSVTokenizer``, the sheets' rules: the same
/// quoting, line ends, blank rows, row widths, header matching and UTF-8 check.
///
/// Node ids are the strings in the files. Nodes are numbered in the order the node list gives
/// them, then in order of first appearance in the edge list. Weights must be positive finite numbers.
///
/// Built on the tokenizer rather than the sheet reader: a million-edge list loads in about 0.2 s
/// because ids are interned straight from the mapped bytes, with no string per field.
///
/// - Complexity: O(file size); ids are hashed in an open-addressing table over the bytes read,
///   with no per-line allocation.
public enum EdgeListReader {
    /// Reads `url` (and the node list `nodesURL`), also returning the node list's column `nodeColumn`.
    ///
    /// - Throws: ``FormatError/unreadable(file:reason:)`` when a file cannot be read, or
    ///   ``FormatError/malformed(file:line:column:message:)`` for anything ``CSVTokenizer``'s rules
    ///   refuse, a header that does not begin with the expected columns, an empty source or target,
    ///   and a weight that is not a positive finite number.
    public static func read(_ url: URL, nodes nodesURL: URL? = nil, nodeColumn: String? = nil) throws(FormatError) -> EdgeList {
        var table = IdentifierTable()
        var columnValues: [Int32: String] = [:]
        var marked: [Int32] = []
        if let nodesURL {
            let bytes = try InputFile.bytes(nodesURL, mapped: true)
            try parseCSV(bytes, file: nodesURL.path, expecting: ["id"], optional: [], extra: nodeColumn, mark: "confidential") {
                record, columns, input, mark throws(FormatError) in
                let id = try record.withField(columns[0]) { table.intern($0) }
                if columns.count > 1 { columnValues[id] = record.string(columns[1]) }
                if let mark {
                    switch FieldText.trimmed(record.string(mark)).lowercased() {
                    case "true", "yes", "1": marked.append(id)
                    case "false", "no", "0", "": break
                    case let text:
                        throw input.error(
                            at: record.fields[mark].offset, "confidential \(FieldText.quoted(text)) is not true or false")
                    }
                }
            }
            if let nodeColumn, columnValues.isEmpty, table.count > 0 {
                throw .malformed(file: nodesURL.path, line: 1, column: 1, message: "no column named \(nodeColumn.debugDescription)")
            }
        }
        let bytes = try InputFile.bytes(url, mapped: true)
        var sources: [Int32] = [], targets: [Int32] = [], weights: [Double] = []
        var lastSource: [UInt8] = []
        let estimate = bytes.count / 16
        sources.reserveCapacity(estimate)
        targets.reserveCapacity(estimate)
        weights.reserveCapacity(estimate)
        try parseCSV(bytes, file: url.path, expecting: ["source", "target"], optional: ["weight"]) {
            record, columns, input, _ throws(FormatError) in
            // Edge lists are often sorted by source: a source equal to the previous row's keeps its id
            // without a lookup in the table (a cache miss per lookup on large files).
            sources.append(
                try record.withField(columns[0]) { field in
                    if let last = sources.last, field.count == lastSource.count,
                        field.elementsEqual(lastSource)
                    {
                        return last
                    }
                    lastSource.removeAll(keepingCapacity: true)
                    lastSource.append(contentsOf: field)
                    return table.intern(field)
                })
            targets.append(try record.withField(columns[1]) { table.intern($0) })
            if columns.count > 2 {
                let w = try record.withField(columns[2]) { parseDouble($0) }
                guard let w, w > 0, w.isFinite else {
                    throw input.error(
                        at: record.fields[columns[2]].offset,
                        "weight \(record.string(columns[2]).debugDescription) is not a positive number")
                }
                weights.append(w)
            } else {
                weights.append(1)
            }
        }
        let ids = table.identifiers()
        let column = nodeColumn.map { _ in (0..<ids.count).map { columnValues[Int32($0)] ?? "" } }
        return EdgeList(
            ids: ids, sources: sources, targets: targets, weights: weights, column: column,
            confidential: Set(marked.map { ids[Int($0)] }))
    }
}

private func parseDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    // Fast path for plain integers.
    var value = 0.0
    var allDigits = !bytes.isEmpty && bytes.count < 16
    for b in bytes {
        if b >= 0x30 && b <= 0x39 { value = value * 10 + Double(b - 0x30) } else { allDigits = false; break }
    }
    if allDigits { return value }
    return FieldText.double(String(decoding: bytes, as: UTF8.self))
}

/// Reads a CSV file by ``CSVTokenizer``'s rules (the sheets' rules), calling `row` with each record
/// after the header and the record's field index for each column wanted.
///
/// The header must start with the `expecting` columns (compared as ``CSVTokenizer/headerName(_:)``),
/// optionally followed by `optional` ones; other columns are ignored, except `extra`, whose index
/// comes last in `columns`. Works on the bytes in place: no allocation per unquoted field.
@inline(__always)
private func parseCSV(
    _ bytes: [UInt8], file: String, expecting: [String], optional: [String], extra: String? = nil, mark: String? = nil,
    _ row: (_ record: CSVTokenizer.Record, _ columns: [Int], _ input: InputBytes, _ mark: Int?) throws(FormatError) -> Void
) throws(FormatError) {
    let input = try InputBytes(bytes, file: file)
    var header: [String]?
    var columns: [Int] = []
    var markColumn: Int?
    try CSVTokenizer.forEachRecord(input) { record throws(FormatError) in
        guard let header else {
            let names = (0..<record.count).map { CSVTokenizer.headerName(record.string($0)) }
            guard names.count >= expecting.count, Array(names.prefix(expecting.count)) == expecting else {
                throw input.error(
                    at: record.offset,
                    "the header must begin with \(expecting.joined(separator: ",")), found \(names.joined(separator: ","))")
            }
            var wanted = expecting.count
            for name in optional where names.count > wanted && names[wanted] == name { wanted += 1 }
            columns = Array(0..<wanted)
            if let extra, let index = names.firstIndex(of: CSVTokenizer.headerName(extra)) { columns.append(index) }
            if let mark { markColumn = names.firstIndex { $0.lowercased() == mark } }
            header = names
            return
        }
        for i in 0..<min(2, expecting.count) where record.isEmpty(i) {
            throw input.error(at: record.fields[i].offset, "empty \(header[i])")
        }
        try row(record, columns, input, markColumn)
    }
    if header == nil {
        throw .malformed(file: file, line: 1, column: 1, message: "empty file: expected a header \(expecting.joined(separator: ","))")
    }
}

/// Interns identifier byte strings as dense Int32 indices (open addressing, FNV-1a hashing).
struct IdentifierTable {
    private var keyBytes: [UInt8] = []
    private var keyStart: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Two words per slot: the key's first 8 bytes (zero-padded), and its id (low 32 bits, -1 when
    /// empty), length (8 bits, 255 for 255 or more) and 24 bits of its hash. Most lookups are
    /// settled by this one cache line: a key of at most 8 bytes entirely, a longer one by its
    /// prefix, length and hash before its bytes are compared. (A table of ids alone cost 3–4
    /// cache misses per lookup, half of loading a 4M-edge file.)
    private var slots = [UInt64](repeating: Self.empty, count: 2 * 1024)
    private static let empty: UInt64 = 0xFFFF_FFFF

    /// Every key hashes to 0: for tests of the comparisons behind the hash.
    private let collides: Bool

    init(everyKeyCollides: Bool = false) {
        collides = everyKeyCollides
    }

    var count: Int { keyStart.count - 1 }

    private static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h ^ (h >> 29)
    }

    @inline(__always)
    private static func prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var word: UInt64 = 0
        for i in 0..<min(8, bytes.count) { word |= UInt64(bytes[i]) << UInt64(8 * i) }
        return word
    }

    @inline(__always)
    private static func meta(id: Int32, length: Int, hash: UInt64) -> UInt64 {
        UInt64(UInt32(bitPattern: id)) | UInt64(min(length, 255)) << 32 | (hash >> 40) << 40
    }

    mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = collides ? 0 : Self.fnv1a(key)
        let word = Self.prefix(key)
        let wanted = Self.meta(id: 0, length: key.count, hash: h) >> 32
        var mask = slots.count / 2 - 1
        var i = Int(truncatingIfNeeded: h) & mask
        let found: Int32? = slots.withUnsafeBufferPointer { slots in
            while true {
                let meta = slots[2 * i + 1]
                if meta == Self.empty { return nil }
                if meta >> 32 == wanted && slots[2 * i] == word {
                    let slot = Int(UInt32(truncatingIfNeeded: meta))
                    if key.count <= 8 { return Int32(slot) }
                    let start = keyStart[slot], length = keyStart[slot + 1] - start
                    if length == key.count
                        && keyBytes.withUnsafeBufferPointer({ stored in
                            memcmp(stored.baseAddress! + start, key.baseAddress!, length) == 0
                        })
                    {
                        return Int32(slot)
                    }
                }
                i = (i + 1) & mask
            }
        }
        if let found { return found }
        let id = Int32(count)
        keyBytes.append(contentsOf: key)
        keyStart.append(keyBytes.count)
        hashes.append(h)
        slots[2 * i] = word
        slots[2 * i + 1] = Self.meta(id: id, length: key.count, hash: h)
        if count * 2 > slots.count / 2 {
            var grown = [UInt64](repeating: Self.empty, count: slots.count * 2)
            mask = grown.count / 2 - 1
            for (k, hk) in hashes.enumerated() {
                var j = Int(truncatingIfNeeded: hk) & mask
                while grown[2 * j + 1] != Self.empty { j = (j + 1) & mask }
                let start = keyStart[k], length = keyStart[k + 1] - start
                grown[2 * j] = keyBytes.withUnsafeBufferPointer { bytes in
                    Self.prefix(UnsafeBufferPointer(rebasing: bytes[start..<(start + length)]))
                }
                grown[2 * j + 1] = Self.meta(id: Int32(k), length: length, hash: hk)
            }
            slots = grown
        }
        return id
    }

    func identifiers() -> [String] {
        keyBytes.withUnsafeBufferPointer { bytes in
            (0..<count).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[keyStart[$0]..<keyStart[$0 + 1]]), as: UTF8.self) }
        }
    }
}
