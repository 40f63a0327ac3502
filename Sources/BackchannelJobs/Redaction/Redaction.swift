import BackchannelModel
import Crypto

/// Which nodes every output shows only under a pseudonym, and the key that makes the pseudonyms.
///
/// Track II meetings are off the record; a map shared with funders or partners must not name the
/// people in it. A redaction replaces, for every node it covers:
/// - the **id** with `KIND-HEX` and the **label** with `Kind HEX` (`participant-3f9a1c07`,
///   "Participant 3f9a1c07"), HEX being the first 8 hexadecimal digits of
///   HMAC-SHA256(key, "backchannel-node\0" + id), or 16 where two nodes of one network would share 8;
///   without a key, a number in node order within the kind (`participant-1`, "Participant 1");
/// - its **description** and every **attribute** except `side` and `person` (the ones analyses and
///   this type read) are removed; kind, track, years, designations and ties stay, so every score,
///   path and channel is the same apart from the names;
/// - the **description and attributes of its edges** (except `status` and `side`) are removed.
///
/// Then every other text of the network (ids, labels and descriptions of other nodes, edge keys and
/// descriptions, string attributes and every attribute's key, designations' lists and authorities,
/// citations, the network's name, title and description) has each occurrence of a covered node's
/// label or id, or of the label with `_` or `-` for its spaces, or for a label `Name (Other name)`
/// of `Name` and `Other name`, ignoring case and accents, any run of white space counting as one
/// space, and starting and ending at a word boundary, replaced by the pseudonym (its label in prose,
/// its id in ids and the name); a source URL holding one is removed (see ``TextScrubber``; ids and
/// labels under three characters are not searched for, and ``RedactedNetwork/unsearched`` lists
/// their pseudonyms). Another node's id changed so is kept unique with `-2`, `-3`, ….
/// Other ways of naming someone (a surname alone, a nickname) cannot be found and are not changed.
///
/// Every **source id** becomes `source-HEX` (HMAC-SHA256(key, "backchannel-source\0" + id), 8 digits
/// or 16 where two would share 8) or, without a key, `source-N` in source order; a source cited only
/// by covered nodes (their sources and designations) and their edges is covered: its citation is
/// ``withheldCitation`` and its URL is removed.
///
/// The same key and id give the same pseudonym in every file and format; different keys give
/// unrelated ones, and without the key a pseudonym cannot be turned back into the id.
public struct Redaction: Sendable, Hashable {
    /// Who is covered.
    public enum Group: String, CaseIterable, Sendable, Hashable {
        /// Nodes of kind `participant`.
        case participants
        /// Individuals: nodes whose `person` attribute is `true` (a boolean, or the text `true`,
        /// `yes` or `1`); the vocabulary's kinds mix people and organisations.
        case persons
        /// Nodes marked `confidential`.
        case confidential
    }

    /// The groups covered.
    public var groups: Set<Group>
    /// The HMAC key; nil numbers the pseudonyms in node order instead.
    public var key: [UInt8]?
    /// Node attributes kept on covered nodes besides `side` and `person`: the ones a command groups
    /// or selects by (`centrality --partition ATTRIBUTE`, `project --onto ATTRIBUTE=VALUE`), so
    /// that its results stay the same. Their values are searched for names like any other text.
    public var keptAttributes: Set<String>

    public init(groups: Set<Group>, key: [UInt8]?, keeping keptAttributes: Set<String> = []) {
        self.groups = groups
        self.key = key
        self.keptAttributes = keptAttributes
    }

    /// Whether `node` is one this redaction hides.
    public func covers(_ node: Node) -> Bool {
        (groups.contains(.participants) && node.kind == .participant)
            || (groups.contains(.persons) && Self.isPerson(node))
            || (groups.contains(.confidential) && node.confidential)
    }

    /// Whether `node` is an individual: its `person` attribute is true.
    public static func isPerson(_ node: Node) -> Bool {
        switch node.attributes["person"] {
        case let .bool(b)?: b
        case let .string(s)?: ["true", "yes", "1"].contains(s.lowercased())
        case let .int(i)?: i == 1
        default: false
        }
    }

    /// The first `digits` hexadecimal digits of HMAC-SHA256(key, "backchannel-node\0" + id).
    static func digest(_ id: String, key: [UInt8], digits: Int, domain: String = "backchannel-node") -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Array("\(domain)\u{0}".utf8) + Array(id.utf8), using: SymmetricKey(data: key))
        let hex = "0123456789abcdef".map { $0 }
        return String(Array(mac).prefix(digits / 2).flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 15)]] })
    }

    /// The word a pseudonym starts with for `kind`: "Participant", "Convener", ….
    static func title(_ kind: NodeKind) -> String {
        kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst()
    }

    /// Whether `node` already carries a pseudonym of its kind (so redacting a redacted file again
    /// leaves it as it is).
    static func isPseudonym(_ node: Node) -> Bool {
        let prefix = node.kind.rawValue + "-"
        guard node.id.hasPrefix(prefix) else { return false }
        let tail = node.id.dropFirst(prefix.count)
        let hex = (tail.count == 8 || tail.count == 16) && tail.allSatisfy { "0123456789abcdef".contains($0) }
        let number = !tail.isEmpty && tail.count <= 9 && tail.allSatisfy(\.isASCII) && tail.allSatisfy(\.isNumber)
        return (hex || number) && node.label == "\(title(node.kind)) \(tail)"
    }
}
