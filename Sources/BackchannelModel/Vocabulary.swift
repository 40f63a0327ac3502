/// What a node in a Track II actor network is.
public enum NodeKind: String, CaseIterable, Sendable, Hashable, Comparable {
    /// An NGO, institute or individual that brings unofficial participants together.
    case convener
    /// An unofficial participant: civilians, former officials, armed or listed groups.
    case participant
    /// A conflict, or a crisis within one.
    case conflict
    /// A legal decision or instrument (a court ruling, a statute, an executive order, a list).
    case legal
    /// A convening, meeting series, initiative or negotiation.
    case dialogue
    /// A Track I actor: a government, head of state, agency or court.
    case official
    /// A signed text: an accord, agreement or framework (the Oslo Accords, the Good Friday Agreement).
    case agreement
    /// An incident or a declaration (the U-2 incident, a ceasefire announcement).
    case event

    public static func < (a: NodeKind, b: NodeKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The diplomatic track an actor or dialogue belongs to.
public enum Track: String, CaseIterable, Sendable, Hashable, Comparable {
    /// Formal government negotiation, treaty implementation, monitoring agreements.
    case one = "I"
    /// Official and unofficial actors together.
    case oneAndAHalf = "1.5"
    /// Informal: NGOs as neutral conveners and facilitators, unofficial representatives, grassroots leaders.
    case two = "II"
    /// Grassroots, people-to-people.
    case three = "III"
    /// Nongovernmental and local organisations, donors, training, development.
    case prevention

    /// A human name, for legends and summaries.
    public var title: String {
        switch self {
        case .one: "Track I"
        case .oneAndAHalf: "Track 1.5"
        case .two: "Track II"
        case .three: "Track III (grassroots)"
        case .prevention: "Prevention"
        }
    }

    public static func < (a: Track, b: Track) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The type of a directed edge.
public enum Relation: String, CaseIterable, Sendable, Hashable, Comparable {
    /// convener → dialogue
    case convenes
    /// participant or official → dialogue
    case participatesIn = "participates_in"
    /// dialogue or convener → conflict it works on
    case addresses
    /// participant or official → conflict
    case partyTo = "party_to"
    /// actor → actor it urges to act
    case urges
    /// convener → convener
    case partnersWith = "partners_with"
    /// Track II work → the official talks it prepares
    case prepares
    /// event → what it led to
    case ledTo = "led_to"
    /// legal decision → actor or activity it restricts
    case constrains
    /// legal decision → legal instrument it upholds
    case upholds
    /// official or legal instrument → listed actor
    case designates
    /// actor → actor it gives material support (see ``SupportType``)
    case provides
    /// person → organisation
    case memberOf = "member_of"
    /// crisis → conflict, meeting → series
    case partOf = "part_of"
    /// actor → actor with neighbours in common in a two-mode network: a projection's tie, whose
    /// weight says how many (or how strongly); it records co-occurrence, not a relationship
    case sharesWith = "shares_with"
    /// agency → legal instrument it enforces or administers (OFAC and Executive Order 13224)
    case administers
    /// third party → dialogue or agreement it mediates
    case mediates
    /// third party → agreement it signs as a witness
    case witnesses
    /// third party → agreement it guarantees
    case guarantees
    /// third party → dialogue or agreement, where the source records a third party without its role
    /// (PA-X's "third party" signatories); `convenes` stays for hosting a dialogue
    case thirdPartyTo = "third_party_to"

    public static func < (a: Relation, b: Relation) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The kinds of support named by the U.S. material-support statute (18 U.S.C. § 2339A(b)).
public enum SupportType: String, CaseIterable, Sendable, Hashable {
    case monetary
    case expertAdvice = "expert_advice"
    case training
    case personnel
    case service

    /// The statute's words.
    public var title: String {
        switch self {
        case .monetary: "monetary contribution"
        case .expertAdvice: "expert advice or assistance"
        case .training: "training"
        case .personnel: "personnel"
        case .service: "service"
        }
    }
}

extension CaseIterable where Self: RawRepresentable, Self.RawValue == String {
    /// Every raw value, comma-separated, for error messages and help text.
    public static var allRawValues: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// What became of an engagement an edge records (its `status` attribute): support or a meeting that
/// was given, only intended (the Holder v. Humanitarian Law Project plaintiffs' planned training), or
/// refused. An edge without a status records one that took place.
///
/// Analyses count only engagements that took place. An intended one is a tie only when asked for
/// (`NetworkFilter.includeIntended`); a refused one is never a tie, in any measure, path or channel
/// (``Edge/isTie(includingIntended:)``). Drawings show both, thin and dashed; `exposure` reports
/// every one, with its status.
public enum EngagementStatus: String, CaseIterable, Sendable, Hashable {
    case provided, intended, refused
}

extension Edge {
    /// The engagement's status from the `status` attribute; nil when absent or not one of the statuses
    /// (validation reports the latter).
    public var engagement: EngagementStatus? {
        attributes["status"].flatMap { EngagementStatus(rawValue: $0.text) }
    }

    /// Whether the edge records a tie that took place: no status, or `provided`.
    public var tookPlace: Bool {
        guard let status = attributes["status"] else { return true }
        return EngagementStatus(rawValue: status.text) == .provided
    }

    /// Whether the edge counts as a tie: the one place the `status` attribute is interpreted for
    /// analysis. No status or `provided`: always. `intended` (or a status that is not one of
    /// ``EngagementStatus``, which validation reports): only when `includingIntended`. `refused`:
    /// never, whatever is asked (an engagement one side declined is no channel).
    /// - Complexity: O(1).
    public func isTie(includingIntended: Bool) -> Bool {
        guard let status = attributes["status"] else { return true }
        switch EngagementStatus(rawValue: status.text) {
        case .provided: return true
        case .refused: return false
        case .intended, nil: return includingIntended
        }
    }
}
