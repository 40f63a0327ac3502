import ArgumentParser
import BackchannelJobs
import BackchannelModel
import Foundation

extension Redaction.Group: ExpressibleByArgument {}

/// `--redact`, `--redact-key` and `--reveal`: which nodes every output of a command shows only under
/// a pseudonym (see ``Redaction``). Confidential nodes are covered unless `--reveal` is given.
struct RedactionOptions: ParsableArguments {
    /// The environment variable read for the key when `--redact-key` is absent.
    static let keyVariable = "BACKCHANNEL_REDACT_KEY"

    @Option(
        help: ArgumentHelp(
            "Show these nodes only under pseudonyms in every output: participants (kind participant), persons (attribute person: true), confidential (comma-separated or repeated). Confidential nodes are always covered unless --reveal.",
            valueName: "groups"))
    var redact: [CommaList<Redaction.Group>] = []

    @Option(
        name: .customLong("redact-key"),
        help: ArgumentHelp(
            "Key for the pseudonyms (HMAC-SHA256): the same key gives the same pseudonyms in every file. Default: $\(RedactionOptions.keyVariable); without either, pseudonyms are numbered in node order.",
            valueName: "key"))
    var redactKey: String?

    @Flag(help: "Show confidential nodes as they are (they are under pseudonyms by default).")
    var reveal = false

    func validate() throws {
        if reveal, redact.contains(where: { $0.set.contains(.confidential) }) {
            throw ValidationError("--reveal shows confidential nodes; --redact confidential hides them: give one of the two")
        }
        if redactKey == "" { throw ValidationError("--redact-key: the key is empty") }
    }

    /// The groups asked for, with `confidential` unless `--reveal`.
    var groups: Set<Redaction.Group> {
        var groups = Set(redact.flatMap(\.elements))
        if !reveal { groups.insert(.confidential) }
        return groups
    }

    /// The redaction these options describe: the key from `--redact-key`, else the environment.
    var redaction: Redaction { redaction(keeping: []) }

    /// The redaction, keeping the node attributes a command groups or selects by.
    func redaction(keeping attributes: Set<String>) -> Redaction {
        let key = redactKey ?? ProcessInfo.processInfo.environment[Self.keyVariable].flatMap { $0.isEmpty ? nil : $0 }
        return Redaction(groups: groups, key: key.map { Array($0.utf8) }, keeping: attributes)
    }

    /// `network` with the covered nodes under pseudonyms; says on stderr how many, and how they were made.
    /// - Complexity: that of ``Redaction/apply(to:)``.
    func apply(_ network: Network, keeping attributes: Set<String> = []) -> RedactedNetwork {
        warnAboutGroupsCoveringNobody(in: network)
        let redaction = redaction(keeping: attributes)
        let redacted = redaction.apply(to: network)
        Self.report(redacted, redaction)
        return redacted
    }

    /// Says on stderr which groups asked for with `--redact` cover no node of `network`, and why,
    /// so that a redaction that hides nobody (a network without `person` attributes, say) is not
    /// taken for one that worked.
    /// - Complexity: O(n) per group asked for.
    func warnAboutGroupsCoveringNobody(in network: Network) {
        warnAboutGroupsCoveringNobody { group in
            let one = Redaction(groups: [group], key: nil)
            return network.nodes.contains(where: one.covers)
        }
    }

    /// The same, with `coversAny(group)` saying whether the input has a node of `group`.
    func warnAboutGroupsCoveringNobody(where coversAny: (Redaction.Group) -> Bool) {
        let asked = Set(redact.flatMap(\.elements))
        for group in Redaction.Group.allCases where asked.contains(group) {
            guard !coversAny(group) else { continue }
            let why =
                switch group {
                case .participants: "no node is of kind participant"
                case .persons: "no node has the attribute person: true"
                case .confidential: "no node is marked confidential"
                }
            note("warning: --redact \(group.rawValue) covers no node: \(why)")
        }
    }

    /// The note on stderr for a redaction that covered any node.
    static func report(_ redacted: RedactedNetwork, _ redaction: Redaction) {
        guard redacted.count > 0 else { return }
        let groups = Redaction.Group.allCases.filter(redaction.groups.contains).map(\.rawValue).joined(separator: ", ")
        let how =
            redaction.key == nil
            ? "numbered in node order (no --redact-key or $\(keyVariable): the numbers differ between files)"
            : "keyed (HMAC-SHA256)"
        let renamed =
            redacted.renamed.isEmpty
            ? "" : "; \(redacted.renamed.count) other id\(redacted.renamed.count == 1 ? "" : "s") held a name and changed"
        note("redacted \(redacted.count) node\(redacted.count == 1 ? "" : "s") (\(groups)): pseudonyms \(how)\(renamed)")
        if !redacted.unsearched.isEmpty {
            let shown = redacted.unsearched.prefix(10).joined(separator: ", ")
            let more = redacted.unsearched.count > 10 ? " and \(redacted.unsearched.count - 10) more" : ""
            note(
                "not searched for in text: the id or label of \(shown)\(more) is under 3 characters, so it is replaced only where it is the whole id or label"
            )
        }
    }
}
