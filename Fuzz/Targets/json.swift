// libFuzzer target: node-link JSON (the parser, then the canonical and plain decoders).
@testable import BackchannelFormats
import BackchannelModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    if let (_, scanned) = try? JSONParser.parseCountingWork(bytes) {
        // The work bound the unit tests check, on every input.
        precondition(scanned <= bytes.count, "column scan of \(scanned) bytes for \(bytes.count)")
    }
    _ = try? Network.read(json: bytes, file: "fuzz.json")
    return 0
}
