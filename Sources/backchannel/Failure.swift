import ArgumentParser
import BackchannelAnalysis
import BackchannelFormats
import BackchannelJobs
import BackchannelModel
import BackchannelPresentation
import BackchannelRender
import Foundation

/// The exit codes of `backchannel`, from BSD's sysexits.h (the README's table).
extension ExitCode {
    /// 64 (EX_USAGE): an unknown option or value, a value out of range, options that do not go together.
    /// ArgumentParser exits with it for every parse and `validate()` error.
    static let usage = ExitCode.validationFailure
    /// 65 (EX_DATAERR): an input that cannot be read or is not a valid network; an unknown node id.
    static let dataError = ExitCode(65)
    /// 70 (EX_SOFTWARE): Graphviz failed or crashed, an iterative measure did not converge, or an
    /// unexpected failure (a bug: please report it).
    static let internalError = ExitCode(70)
    /// 73 (EX_CANTCREAT): an output could not be written, or would overwrite an input.
    static let cannotCreate = ExitCode(73)
}

/// Runs a command body; a library error becomes a message on stderr and a thrown ``ExitCode``.
///
/// The libraries' typed errors name parameters and locations, never flags; ``Failure`` words them for
/// the command line. Never calls `exit()`: the thrown code unwinds to `BackchannelCommand.main`.
/// - Complexity: O(1) beyond `body`.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let code as ExitCode {
        throw code
    } catch let exit as CleanExit {
        throw exit
    } catch {
        let failure = Failure(error)
        printError(failure.message)
        throw failure.exitCode
    }
}

/// An error as the command line reports it: a message with flag names, and an exit code.
///
/// Typed errors map by kind: `ModelError` 65; `JobError` 65; `NodeLookupError` 65 (its flag named); `FormatError` 65 for inputs, 73 for outputs;
/// `RenderError` 70; `AnalysisError` 64 for a bad parameter value or weight mode (its parameter named
/// by its flag), 65 for an unknown node, 70 for non-convergence (a computation that failed, not a
/// usage or data error); usage failures 64; Foundation file errors 65 (reading) or 73 (writing).
/// Anything else is an internal error, 70.
/// - Complexity: O(*m*) in the length of the message.
struct Failure: Equatable {
    var message: String
    var exitCode: ExitCode

    init(message: String, exitCode: ExitCode) {
        self.message = message
        self.exitCode = exitCode
    }

    init(_ error: any Error) {
        switch error {
        case let error as ModelError:
            self.init(message: error.description, exitCode: .dataError)
        case let error as FormatError:
            switch error {
            case .malformed, .problems, .unreadable: self.init(message: error.description, exitCode: .dataError)
            case .wouldOverwriteInput, .cannotWrite: self.init(message: error.description, exitCode: .cannotCreate)
            }
        case let error as RenderError:
            self.init(message: error.commandLineMessage, exitCode: .internalError)
        case let error as JobError:
            self.init(message: error.description, exitCode: .dataError)
        case let error as NodeLookupError:
            let flag = error.parameter.flatMap(CommandLineName.flag(forParameter:))
            self.init(message: (flag.map { $0 + ": " } ?? "") + error.description, exitCode: .dataError)
        case let error as AnalysisError:
            self = Failure.analysis(error)
        case let error as UsageFailure:
            self.init(message: error.message, exitCode: .usage)
        case let error as ValidationError:
            self.init(message: error.message, exitCode: .usage)
        case let error as CocoaError where error.isFileError:
            let path = error.userInfo[NSFilePathErrorKey] as? String ?? (error.userInfo[NSURLErrorKey] as? URL)?.path ?? "file"
            let reading = error.code.rawValue < CocoaError.fileWriteUnknown.rawValue
            let reason = Failure.reason(error.code)
            self.init(
                message: reading ? "\(path): cannot read: \(reason)" : "cannot write \(path): \(reason)",
                exitCode: reading ? .dataError : .cannotCreate)
        default:
            self.init(message: "internal error: \(error)", exitCode: .internalError)
        }
    }

    /// An `AnalysisError` in the command line's words: its parameter as the flag that sets it.
    ///
    /// A bad value for a parameter no flag sets is the command line's own mistake: internal, 70.
    private static func analysis(_ error: AnalysisError) -> Failure {
        if case let .unsupportedWeight(measure, weight, allowed) = error {
            return Failure(
                message: "\(measure) cannot use --weight \(weight.rawValue); use \(allowed.map(\.rawValue).joined(separator: " or "))",
                exitCode: .usage)
        }
        if case .unknownNode = error {
            return Failure(message: error.description, exitCode: .dataError)
        }
        if case let .invalidParameter(name, value, reason) = error, name == "weights" || name.hasPrefix("weights[") {
            // The data's weights, not a flag: an input that cannot be analysed this way.
            return Failure(message: "edge weight \(value): \(reason)", exitCode: .dataError)
        }
        if case let .invalidParameter(name, value, reason) = error {
            guard let flag = CommandLineName.flag(forParameter: name) else {
                return Failure(message: "internal error: \(error.description)", exitCode: .internalError)
            }
            return Failure(message: "\(flag) \(value): \(reason)", exitCode: .usage)
        }
        if case let .tooManyPeriods(step, count, limit, span) = error {
            return Failure(
                message:
                    "the dates span \(span), \(count) \(step)s; one report holds at most \(limit) periods: give --between FROM TO (or --at) for a shorter window, or a longer --every",
                exitCode: .usage)
        }
        if case let .noConvergence(measure, iterations) = error {
            return Failure(
                message: "\(measure) did not converge in \(iterations) iterations; raise --max-iter or loosen --tolerance",
                exitCode: .internalError)
        }
        return Failure(message: "internal error: \(error.description)", exitCode: .internalError)
    }

    /// Why a file could not be read or written, in words ("no such file" for Foundation's file errors).
    static func reason(_ error: any Error) -> String {
        if let error = error as? CocoaError { return reason(error.code) }
        return "\(error)"
    }

    private static func reason(_ code: CocoaError.Code) -> String {
        switch code {
        case .fileReadNoSuchFile, .fileNoSuchFile: "no such file"
        case .fileReadNoPermission, .fileWriteNoPermission: "permission denied"
        case .fileReadCorruptFile: "the file is corrupt"
        case .fileReadInapplicableStringEncoding, .fileReadUnknownStringEncoding: "not UTF-8 text"
        case .fileReadTooLarge: "the file is too large"
        case .fileReadInvalidFileName, .fileWriteInvalidFileName: "invalid file name"
        case .fileWriteOutOfSpace: "no space left on the device"
        case .fileWriteVolumeReadOnly: "read-only file system"
        case .fileWriteFileExists: "the file exists"
        default: "error \(code.rawValue)"
        }
    }
}

/// The flags that set the libraries' parameters.
///
/// Library errors name parameters as the libraries (and NetworkX) call them (`max_iter`, `source`);
/// the command line reports them by flag (`--max-iter`, `--from`).
enum CommandLineName {
    /// Parameters whose flag is not `--` and the parameter's name with `_` as `-`.
    private static let renamed: [String: String] = [
        "source": "--from", "target": "--to", "max_iterations": "--max-iter", "groups": "--partition",
    ]
    /// Parameters some flag sets, by name.
    private static let parameters: Set<String> = [
        "weight", "samples", "seed", "alpha", "tolerance", "max_iter", "max_iterations", "normalized", "endpoints",
        "partition", "groups", "size_by", "source", "target", "k", "max_length", "radius", "top", "kind", "measure",
        "window", "resolution", "years", "limit", "without", "conflict",
    ]

    /// `--max-iter` for `max_iter` (or `maxIter`); nil for a parameter no flag sets (`personalization`).
    /// A name that already is a flag (`--partition`) is returned as it is.
    /// - Complexity: O(*m*) in the length of the name.
    static func flag(forParameter name: String) -> String? {
        if name.hasPrefix("--") { return name }
        var snake = ""
        for character in name {
            if character.isUppercase { snake += "_" + character.lowercased() } else { snake.append(character) }
        }
        guard parameters.contains(snake) else { return nil }
        return renamed[snake] ?? "--" + snake.replacingOccurrences(of: "_", with: "-")
    }
}

/// A usage problem found after parsing (e.g. binary output to a terminal): exit 64.
struct UsageFailure: Error {
    var message: String
}

/// Writes `message` on stderr, each line as `backchannel: error: …`.
func printError(_ message: String) {
    let text = message.split(separator: "\n", omittingEmptySubsequences: false).map { "backchannel: error: \($0)" }.joined(separator: "\n")
    FileHandle.standardError.write(Data((text + "\n").utf8))
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
