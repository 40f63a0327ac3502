import Foundation

extension CompactGraph {
    /// Reads a plain edge list, the form any other tool can write: a CSV file with the header
    /// `source,target` or `source,target,weight` (RFC 4180 quoting, UTF-8 with or without a BOM),
    /// and optionally a node list whose first column is `id` (nodes without edges, and node order).
    ///
    /// Node ids are the strings in the files. Nodes are numbered in the order the node list gives
    /// them, then in order of first appearance in the edge list. Weights must be positive numbers.
    ///
    /// - Complexity: O(file size); ids are hashed in an open-addressing table over the bytes read,
    ///   with no per-line allocation.
    public static func loadEdgeList(_ url: URL, nodes nodesURL: URL? = nil, directed: Bool = true) throws(AnalysisError) -> CompactGraph {
        try loadEdgeList(url, nodes: nodesURL, directed: directed, nodeColumn: nil).graph
    }

    /// As ``loadEdgeList(_:nodes:directed:)``, also returning the node list's column `nodeColumn`
    /// (one value per node, "" where missing), e.g. a partition for brokerage.
    public static func loadEdgeList(_ url: URL, nodes nodesURL: URL?, directed: Bool, nodeColumn: String?) throws(AnalysisError) -> (graph: CompactGraph, column: [String]?) {
        var table = IdentifierTable()
        var columnValues: [Int32: String] = [:]
        if let nodesURL {
            let bytes = try readFile(nodesURL)
            try parseCSV(bytes, file: nodesURL.path, expecting: ["id"], optional: [], extra: nodeColumn) { fields, _, _ in
                let id = table.intern(fields[0])
                if fields.count > 1 { columnValues[id] = String(decoding: fields[1], as: UTF8.self) }
            }
            if let nodeColumn, columnValues.isEmpty, table.count > 0 {
                throw .badEdgeList(file: nodesURL.path, line: 1, column: 1, message: "no column named \(nodeColumn.debugDescription)")
            }
        } else if let nodeColumn {
            throw .invalidParameter(name: "--partition", value: nodeColumn, reason: "an edge list has no node attributes; give --nodes FILE.csv with that column")
        }
        let bytes = try readFile(url)
        var sources: [Int32] = [], targets: [Int32] = [], weights: [Double] = []
        let estimate = bytes.count / 16
        sources.reserveCapacity(estimate)
        targets.reserveCapacity(estimate)
        weights.reserveCapacity(estimate)
        try parseCSV(bytes, file: url.path, expecting: ["source", "target"], optional: ["weight"]) { fields, line, columns throws(AnalysisError) in
            sources.append(table.intern(fields[0]))
            targets.append(table.intern(fields[1]))
            if fields.count > 2 {
                let w = parseDouble(fields[2])
                guard let w, w > 0, w.isFinite else {
                    throw .badEdgeList(file: url.path, line: line, column: columns[2], message: "weight \(String(decoding: fields[2], as: UTF8.self).debugDescription) is not a positive number")
                }
                weights.append(w)
            } else {
                weights.append(1)
            }
        }
        let graph = CompactGraph(ids: table.identifiers(), sources: sources, targets: targets, weights: weights, directed: directed)
        let column = nodeColumn.map { _ in (0..<graph.nodeCount).map { columnValues[Int32($0)] ?? "" } }
        return (graph, column)
    }

    private static func readFile(_ url: URL) throws(AnalysisError) -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: url, options: .alwaysMapped))
        } catch {
            throw .badEdgeList(file: url.path, line: 0, column: 0, message: "cannot read: \((error as NSError).localizedDescription)")
        }
    }
}

private func parseDouble(_ bytes: ArraySlice<UInt8>) -> Double? {
    // Fast path for plain integers.
    var value = 0.0
    var allDigits = !bytes.isEmpty && bytes.count < 16
    for b in bytes {
        if b >= 0x30 && b <= 0x39 { value = value * 10 + Double(b - 0x30) } else { allDigits = false; break }
    }
    if allDigits { return value }
    return Double(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces))
}

/// Parses CSV records, calling `row` with the first fields named by the header.
///
/// The header must start with the `expecting` columns (case-insensitive), optionally followed by
/// `optional` ones; other columns are ignored. Empty lines are skipped.
private func parseCSV(
    _ bytes: [UInt8], file: String, expecting: [String], optional: [String], extra: String? = nil,
    _ row: (_ fields: [ArraySlice<UInt8>], _ line: Int, _ columns: [Int]) throws(AnalysisError) -> Void
) throws(AnalysisError) {
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var line = 1
    var header: [String]?
    var wanted = 0
    var extraIndex: Int?
    var fields: [ArraySlice<UInt8>] = []
    var columns: [Int] = []
    var unquoted: [[UInt8]] = []
    while index < bytes.count {
        fields.removeAll(keepingCapacity: true)
        columns.removeAll(keepingCapacity: true)
        unquoted.removeAll(keepingCapacity: true)
        let lineStart = index
        let recordLine = line
        // One record.
        while true {
            columns.append(index - lineStart + 1)
            if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
                var value: [UInt8] = []
                index += 1
                while true {
                    guard index < bytes.count else {
                        throw .badEdgeList(file: file, line: recordLine, column: columns.last!, message: "unterminated quoted field")
                    }
                    let b = bytes[index]
                    if b == UInt8(ascii: "\"") {
                        if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
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
                unquoted.append(value)
                fields.append(unquoted[unquoted.count - 1][...])
            } else {
                let start = index
                while index < bytes.count && bytes[index] != UInt8(ascii: ",") && bytes[index] != 0x0A && bytes[index] != 0x0D { index += 1 }
                fields.append(bytes[start..<index])
            }
            if index < bytes.count && bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            break
        }
        if index < bytes.count && bytes[index] == 0x0D { index += 1 }
        if index < bytes.count && bytes[index] == 0x0A { index += 1; line += 1 } else if index < bytes.count {
            throw .badEdgeList(file: file, line: recordLine, column: index - lineStart + 1, message: "unexpected character after a quoted field")
        }
        if fields.count == 1 && fields[0].isEmpty { continue }
        if header == nil {
            let names = fields.map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased() }
            guard names.count >= expecting.count, Array(names.prefix(expecting.count)) == expecting else {
                throw .badEdgeList(file: file, line: recordLine, column: 1, message: "the header must begin with \(expecting.joined(separator: ",")), found \(names.joined(separator: ","))")
            }
            wanted = expecting.count
            for name in optional where names.count > wanted && names[wanted] == name { wanted += 1 }
            if let extra { extraIndex = names.firstIndex(of: extra.lowercased()) }
            header = names
            continue
        }
        guard fields.count >= wanted else {
            throw .badEdgeList(file: file, line: recordLine, column: columns.last ?? 1, message: "expected \(wanted) fields (\(header!.prefix(wanted).joined(separator: ","))), found \(fields.count)")
        }
        for i in 0..<min(2, wanted) where fields[i].isEmpty {
            throw .badEdgeList(file: file, line: recordLine, column: columns[i], message: "empty \(header![i])")
        }
        var selected = Array(fields.prefix(wanted))
        if let extraIndex { selected.append(extraIndex < fields.count ? fields[extraIndex] : []) }
        try row(selected, recordLine, columns)
    }
    if header == nil {
        throw .badEdgeList(file: file, line: 1, column: 1, message: "empty file: expected a header \(expecting.joined(separator: ","))")
    }
}

/// Interns identifier byte strings as dense Int32 indices (open addressing, FNV-1a hashing).
private struct IdentifierTable {
    private var keyBytes: [UInt8] = []
    private var keyStart: [Int] = [0]
    private var slots = [Int32](repeating: -1, count: 1024)
    private var hashes: [UInt64] = []

    var count: Int { keyStart.count - 1 }

    private static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h ^ (h >> 29)
    }

    mutating func intern(_ key: ArraySlice<UInt8>) -> Int32 {
        let h = Self.hash(key)
        var mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let slot = slots[i]
            if slot < 0 { break }
            if hashes[Int(slot)] == h && keyBytes[keyStart[Int(slot)]..<keyStart[Int(slot) + 1]].elementsEqual(key) {
                return slot
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
        (0..<count).map { String(decoding: keyBytes[keyStart[$0]..<keyStart[$0 + 1]], as: UTF8.self) }
    }
}
