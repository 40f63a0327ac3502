import ArgumentParser
import BackchannelJobs
import BackchannelModel
import Foundation

/// The optional INPUT argument and `--input-format`, which every command that reads a network takes.
struct InputOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "A network: JSON, GraphML, GEXF, DOT or CSV (by extension). Omit it to use the bundled history of Track II diplomacy.",
            valueName: "input"))
    var input: String?

    @Option(name: .customLong("input-format"), help: "The input's format when its extension does not say.")
    var inputFormat: InputFormat?

    @Flag(
        help:
            "Refuse an input that needs any warning to read (defaults, foreign fields kept as attributes, dates cut, data left out); JSON only in the canonical form."
    )
    var strict = false

    /// Which nodes the command's outputs show only under pseudonyms.
    @OptionGroup var redaction: RedactionOptions

    func validate() throws {
        if input == nil, inputFormat != nil || strict {
            let given = [inputFormat != nil ? "--input-format" : nil, strict ? "--strict" : nil].compactMap { $0 }
            throw ValidationError(
                "\(given.joined(separator: " and ")) \(given.count == 1 ? "says" : "say") how to read INPUT, and none is given"
            )
        }
    }

    /// Where the network comes from: the file named, or the bundled history.
    var source: NetworkInput { NetworkInput(path: input, format: inputFormat, strict: strict) }

    /// Loads the network, reports on stderr whatever the format could not carry, and puts the nodes
    /// `--redact` (and, unless `--reveal`, `confidential`) covers under pseudonyms.
    /// - Complexity: that of the input's reader, linear in the file's size, then of the redaction.
    func load() throws -> Network {
        try loadRedacted().network
    }

    /// ``load()``, with the pseudonyms given to the original ids; covered nodes keep `attributes`.
    func loadRedacted(keeping attributes: Set<String> = []) throws -> RedactedNetwork {
        let (network, warnings) = try source.loadWithWarnings()
        warnings.forEach { note("warning: " + $0) }
        return redaction.apply(network, keeping: attributes)
    }
}

/// `-o FILE`: where a command's one output goes (stdout when absent or `-`).
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output file, written atomically (default: stdout).")
    var output: String?

    /// Writes `bytes` to the output file atomically, or to stdout; see ``emit(_:to:binary:protecting:)``.
    func write(_ bytes: [UInt8], binary: Bool, protecting inputs: [URL]) throws {
        try emit(bytes, to: output, binary: binary, protecting: inputs)
    }
}
