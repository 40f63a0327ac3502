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
}

/// Reads a plain edge list, the form any other tool can write: a CSV file with the header
/// `source,target` or `source,target,weight` (RFC 4180 quoting, UTF-8 with or without a BOM),
/// and optionally a node list whose first column is `id` (nodes without edges, and node order).
///
/// Node ids are the strings in the files. Nodes are numbered in the order the node list gives
/// them, then in order of first appearance in the edge list. Weights must be positive finite numbers.
///
/// Hand-written rather than built on the sheet reader: a million-edge list loads in about 0.2 s
/// because ids are interned straight from the mapped bytes.
///
/// - Complexity: O(file size); ids are hashed in an open-addressing table over the bytes read,
///   with no per-line allocation.
public enum EdgeListReader {
    /// Reads `url` (and the node list `nodesURL`), also returning the node list's column `nodeColumn`.
    public static func read(_ url: URL, nodes nodesURL: URL? = nil, nodeColumn: String? = nil) throws(FormatError) -> EdgeList {
        var table = IdentifierTable()
        var columnValues: [Int32: String] = [:]
        if let nodesURL {
            let bytes = try readFile(nodesURL)
            try parseCSV(bytes, file: nodesURL.path, expecting: ["id"], optional: [], extra: nodeColumn) { record, count, _, _ throws(FormatError) in
                let id = try record.withField(0) { table.intern($0) }
                if count > 1 { columnValues[id] = record.string(1) }
            }
            if let nodeColumn, columnValues.isEmpty, table.count > 0 {
                throw .malformed(file: nodesURL.path, line: 1, column: 1, message: "no column named \(nodeColumn.debugDescription)")
            }
        }
        let bytes = try readFile(url)
        var sources: [Int32] = [], targets: [Int32] = [], weights: [Double] = []
        let estimate = bytes.count / 16
        sources.reserveCapacity(estimate)
        targets.reserveCapacity(estimate)
        weights.reserveCapacity(estimate)
        try parseCSV(bytes, file: url.path, expecting: ["source", "target"], optional: ["weight"]) { record, count, line, columns throws(FormatError) in
            sources.append(try record.withField(0) { table.intern($0) })
            targets.append(try record.withField(1) { table.intern($0) })
            if count > 2 {
                let w = try record.withField(2) { parseDouble($0) }
                guard let w, w > 0, w.isFinite else {
                    throw .malformed(file: url.path, line: line, column: columns[2], message: "weight \(record.string(2).debugDescription) is not a positive number")
                }
                weights.append(w)
            } else {
                weights.append(1)
            }
        }
        let ids = table.identifiers()
        let column = nodeColumn.map { _ in (0..<ids.count).map { columnValues[Int32($0)] ?? "" } }
        return EdgeList(ids: ids, sources: sources, targets: targets, weights: weights, column: column)
    }

    private static func readFile(_ url: URL) throws(FormatError) -> [UInt8] {
        try InputFile.bytes(url, mapped: true)
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
    return Double(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces))
}

/// One CSV record's fields, as byte ranges of the file (or of unquoted copies for quoted fields).
private struct EdgeListRecord {
    let base: UnsafeBufferPointer<UInt8>
    /// (start, end) in `base`; a negative start −(k+1) names `unquoted[k]`.
    var ranges: [(Int, Int)] = []
    var unquoted: [[UInt8]] = []

    func withField<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(FormatError) -> R) throws(FormatError) -> R {
        let (a, b) = ranges[i]
        if a >= 0 { return try body(UnsafeBufferPointer(rebasing: base[a..<b])) }
        return try unquoted[-a - 1].withUnsafeBufferPointer { (buffer) throws(FormatError) -> R in try body(buffer) }
    }

    func string(_ i: Int) -> String {
        (try? withField(i) { String(decoding: $0, as: UTF8.self) }) ?? ""
    }

    func isEmpty(_ i: Int) -> Bool {
        let (a, b) = ranges[i]
        return a >= 0 ? a == b : unquoted[-a - 1].isEmpty
    }
}

/// Parses CSV records, calling `row` with each record and how many leading fields it holds.
///
/// The header must start with the `expecting` columns (case-insensitive), optionally followed by
/// `optional` ones; other columns are ignored, except `extra`, which is moved to position `count - 1`.
/// Empty lines are skipped. Works on the bytes in place: no allocation per unquoted field.
private func parseCSV(
    _ bytes: [UInt8], file: String, expecting: [String], optional: [String], extra: String? = nil,
    _ row: (_ record: EdgeListRecord, _ count: Int, _ line: Int, _ columns: [Int]) throws(FormatError) -> Void
) throws(FormatError) {
    try bytes.withUnsafeBufferPointer { (buffer) throws(FormatError) in
        let n = buffer.count
        var index = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var header: [String]?
        var wanted = 0
        var extraIndex: Int?
        var record = EdgeListRecord(base: buffer)
        var columns: [Int] = []
        while index < n {
            record.ranges.removeAll(keepingCapacity: true)
            record.unquoted.removeAll(keepingCapacity: true)
            columns.removeAll(keepingCapacity: true)
            let lineStart = index
            let recordLine = line
            while true {
                columns.append(index - lineStart + 1)
                if index < n && buffer[index] == UInt8(ascii: "\"") {
                    var value: [UInt8] = []
                    index += 1
                    while true {
                        guard index < n else {
                            throw .malformed(file: file, line: recordLine, column: columns.last!, message: "unterminated quoted field")
                        }
                        let b = buffer[index]
                        if b == UInt8(ascii: "\"") {
                            if index + 1 < n && buffer[index + 1] == UInt8(ascii: "\"") {
                                value.append(b)
                                index += 2
                                continue
                            }
                            index += 1
                            break
                        }
                        if b == 0x0A { line += 1 }
                        value.append(b)
                        index += 1
                    }
                    record.unquoted.append(value)
                    record.ranges.append((-record.unquoted.count, 0))
                } else {
                    let start = index
                    while index < n {
                        let b = buffer[index]
                        if b == UInt8(ascii: ",") || b == 0x0A || b == 0x0D { break }
                        index += 1
                    }
                    record.ranges.append((start, index))
                }
                if index < n && buffer[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                break
            }
            if index < n && buffer[index] == 0x0D { index += 1 }
            if index < n && buffer[index] == 0x0A {
                index += 1
                line += 1
            } else if index < n {
                throw .malformed(file: file, line: recordLine, column: index - lineStart + 1, message: "unexpected character after a quoted field")
            }
            if record.ranges.count == 1 && record.isEmpty(0) { continue }
            if header == nil {
                let names = record.ranges.indices.map { record.string($0).trimmingCharacters(in: .whitespaces).lowercased() }
                guard names.count >= expecting.count, Array(names.prefix(expecting.count)) == expecting else {
                    throw .malformed(file: file, line: recordLine, column: 1, message: "the header must begin with \(expecting.joined(separator: ",")), found \(names.joined(separator: ","))")
                }
                wanted = expecting.count
                for name in optional where names.count > wanted && names[wanted] == name { wanted += 1 }
                if let extra { extraIndex = names.firstIndex(of: extra.lowercased()) }
                header = names
                continue
            }
            guard record.ranges.count >= wanted else {
                throw .malformed(file: file, line: recordLine, column: columns.last ?? 1, message: "expected \(wanted) fields (\(header!.prefix(wanted).joined(separator: ","))), found \(record.ranges.count)")
            }
            for i in 0..<min(2, wanted) where record.isEmpty(i) {
                throw .malformed(file: file, line: recordLine, column: columns[i], message: "empty \(header![i])")
            }
            var count = wanted
            if let extraIndex {
                let value = extraIndex < record.ranges.count ? record.ranges[extraIndex] : (0, 0)
                if record.ranges.count > wanted { record.ranges[wanted] = value } else { record.ranges.append(value) }
                count += 1
            }
            try row(record, count, recordLine, columns)
        }
        if header == nil {
            throw .malformed(file: file, line: 1, column: 1, message: "empty file: expected a header \(expecting.joined(separator: ","))")
        }
    }
}

/// Interns identifier byte strings as dense Int32 indices (open addressing, FNV-1a hashing).
private struct IdentifierTable {
    private var keyBytes: [UInt8] = []
    private var keyStart: [Int] = [0]
    private var slots = [Int32](repeating: -1, count: 1024)
    private var hashes: [UInt64] = []

    var count: Int { keyStart.count - 1 }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h ^ (h >> 29)
    }

    mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = Self.hash(key)
        var mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let slot = Int(slots[i])
            if slot < 0 { break }
            if hashes[slot] == h {
                let start = keyStart[slot], length = keyStart[slot + 1] - start
                if length == key.count && keyBytes.withUnsafeBufferPointer({ stored in
                    key.isEmpty || memcmp(stored.baseAddress! + start, key.baseAddress!, length) == 0
                }) {
                    return Int32(slot)
                }
            }
            i = (i + 1) & mask
        }
        let id = Int32(count)
        keyBytes.append(contentsOf: key)
        keyStart.append(keyBytes.count)
        hashes.append(h)
        slots[i] = id
        if count * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            mask = slots.count - 1
            for (k, hk) in hashes.enumerated() {
                var j = Int(truncatingIfNeeded: hk) & mask
                while slots[j] >= 0 { j = (j + 1) & mask }
                slots[j] = Int32(k)
            }
        }
        return id
    }

    func identifiers() -> [String] {
        keyBytes.withUnsafeBufferPointer { bytes in
            (0..<count).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[keyStart[$0]..<keyStart[$0 + 1]]), as: UTF8.self) }
        }
    }
}
