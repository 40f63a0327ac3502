// libFuzzer target: the CSV tokenizer and the sheet reader (as an edges sheet, with and without
// a ';' delimiter mapping).
@testable import BackchannelFormats
import BackchannelModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    if let input = try? InputBytes(bytes, file: "fuzz.csv") {
        var width: Int?
        try? CSVTokenizer.forEachRecord(input) { record throws(FormatError) in
            // Every record after the header is as wide as the header.
            if let width { precondition(record.count == width) } else { width = record.count }
            for i in 0..<record.count { _ = record.string(i) }
        }
    }
    _ = try? CSVSheets.read(nodes: nil, edges: .init(bytes: bytes, file: "fuzz-edges.csv"), sources: nil, mapping: nil)
    _ = try? CSVSheets.read(nodes: .init(bytes: bytes, file: "fuzz-nodes.csv"), edges: .init(bytes: Array("source,target\n".utf8), file: "e.csv"), sources: nil, mapping: nil)
    var mapping = CSVMapping()
    mapping.delimiter = .semicolon
    _ = try? CSVSheets.read(nodes: nil, edges: .init(bytes: bytes, file: "fuzz-edges.csv"), sources: nil, mapping: mapping)
    return 0
}
