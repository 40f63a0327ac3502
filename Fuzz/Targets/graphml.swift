// libFuzzer target: the XML guard and the GraphML reader.
@testable import BackchannelFormats
import BackchannelModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    if let input = try? InputBytes(bytes, file: "fuzz.graphml"), let steps = try? XMLText.checkSafe(input, format: "GraphML") {
        // The guard's work bound, on every input it accepts.
        precondition(steps <= 3 * bytes.count + 1, "\(steps) steps for \(bytes.count) bytes")
    }
    _ = try? GraphML.read(bytes, file: "fuzz.graphml")
    return 0
}
