import BackchannelInterop
import BackchannelModel
import Foundation

// TEMPORARY until BackchannelInterop's readers land.
func readCSVSheets(nodes: URL?, edges: URL, sources: URL?) throws -> (network: Network, warnings: [String]) {
    throw InteropError.malformed(file: edges.path, line: 0, column: 0, message: "CSV sheets are not supported yet")
}

func readGraphML(_ bytes: [UInt8], file: String) throws -> (network: Network, warnings: [String]) {
    throw InteropError.malformed(file: file, line: 0, column: 0, message: "GraphML is not supported yet")
}
