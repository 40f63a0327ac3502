import ArgumentParser
import BackchannelAnalysis
import BackchannelFormats
import BackchannelPresentation
import BackchannelModel
import BackchannelRender
import Foundation

/// Runs a command body, turning the libraries' typed errors into a message on stderr and an exit code.
///
/// 65 (EX_DATAERR) for invalid input, 70 (EX_SOFTWARE) for Graphviz failures, 73 (EX_CANTCREAT) for
/// outputs that could not be written or would overwrite an input. ArgumentParser itself exits 64 on
/// usage errors.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ModelError {
        fail(error.description, code: 65)
    } catch let error as FormatError {
        switch error {
        case .wouldOverwriteInput, .cannotWrite: fail(error.description, code: 73)
        case .malformed, .unreadable: fail(error.description, code: 65)
        }
    } catch let error as RenderError {
        fail(error.description, code: 70)
    } catch let error as AnalysisError {
        if case .unknownNode = error { fail(error.commandLineDescription, code: 65) }
        fail(error.commandLineDescription, code: 64)
    } catch let error as UsageFailure {
        fail(error.message, code: 64)
    } catch let error as ExitCode {
        throw error
    } catch {
        fail("\(error)", code: 73)
    }
}

/// A usage problem found after parsing (e.g. binary output to a terminal).
struct UsageFailure: Error {
    var message: String
}

private func fail(_ message: String, code: Int32) -> Never {
    let text = message.split(separator: "\n", omittingEmptySubsequences: false).map { "backchannel: error: \($0)" }.joined(separator: "\n")
    FileHandle.standardError.write(Data((text + "\n").utf8))
    exit(code)
}

/// Writes a note for the user on stderr.
func note(_ message: String) {
    FileHandle.standardError.write(Data("backchannel: \(message)\n".utf8))
}

/// Writes `bytes` to `path` atomically, or to stdout when `path` is nil or "-".
func emit(_ bytes: [UInt8], to path: String?, binary: Bool, protecting inputs: [URL]) throws {
    guard let path, path != "-" else {
        if binary && isatty(STDOUT_FILENO) != 0 {
            throw UsageFailure(message: "refusing to write binary output to a terminal; pass -o FILE")
        }
        FileHandle.standardOutput.write(Data(bytes))
        return
    }
    try AtomicFile.write(bytes, to: URL(fileURLWithPath: path), protecting: inputs)
}
