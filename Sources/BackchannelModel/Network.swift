/// A citation that nodes and edges refer to by id.
public struct Source: Sendable, Hashable {
    public var id: String
    public var citation: String
    public var url: String?

    public init(id: String, citation: String, url: String? = nil) {
        self.id = id
        self.citation = citation
        self.url = url
    }
}

/// A free-form attribute value: a string, an integer, a floating-point number or a boolean.
public enum AttributeValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)

    /// The value as text, for display and for formats that hold only strings.
    public var text: String {
        switch self {
        case let .string(s): s
        case let .int(i): String(i)
        case let .double(d): d.description
        case let .bool(b): b ? "true" : "false"
        }
    }
}

/// A listing of an actor by an authority: a terrorist list, a sanctions list.
public struct Designation: Sendable, Hashable {
    /// The list, e.g. "Foreign Terrorist Organization list".
    public var list: String
    /// Who keeps it, e.g. "U.S. Department of State".
    public var by: String?
    /// When the listing began and ended, to the precision the source gives.
    public var since: PartialDate?
    public var until: PartialDate?
    public var sources: [String]

    public init(list: String, by: String? = nil, since: PartialDate? = nil, until: PartialDate? = nil, sources: [String] = []) {
        self.list = list
        self.by = by
        self.since = since
        self.until = until
        self.sources = sources
    }
}

/// An actor, conflict, legal instrument or dialogue.
public struct Node: Sendable, Hashable, Identifiable {
    /// Stable and unique within the network; what edges refer to.
    public var id: String
    /// The human text shown in diagrams.
    public var label: String
    public var kind: NodeKind
    public var track: Track?
    /// When it held (see ``Period``); named for the years it once was limited to.
    public var years: Period
    public var description: String?
    public var attributes: [String: AttributeValue]
    public var designations: [Designation]
    /// Ids of ``Source``s in the network.
    public var sources: [String]
    /// Off the record: every output shows this node only under a pseudonym unless told to reveal it
    /// (`Redaction` in BackchannelJobs). Written by the formats only when true.
    public var confidential: Bool

    public init(
        id: String, label: String? = nil, kind: NodeKind, track: Track? = nil, years: Period = Period(),
        description: String? = nil, attributes: [String: AttributeValue] = [:], designations: [Designation] = [],
        sources: [String] = [], confidential: Bool = false
    ) {
        self.id = id
        self.label = label ?? id
        self.kind = kind
        self.track = track
        self.years = years
        self.description = description
        self.attributes = attributes
        self.designations = designations
        self.sources = sources
        self.confidential = confidential
    }

    /// Whether any authority lists this actor.
    public var isDesignated: Bool { !designations.isEmpty }
}

/// A directed, typed edge.
public struct Edge: Sendable, Hashable {
    public var source: String
    public var target: String
    /// NetworkX's multigraph edge key, kept when given.
    public var key: String?
    public var relation: Relation
    /// Required for ``Relation/provides``, absent otherwise.
    public var support: SupportType?
    /// Defaults to 1.
    public var weight: Double
    /// When it held (see ``Period``); named for the years it once was limited to.
    public var years: Period
    public var description: String?
    public var attributes: [String: AttributeValue]
    public var sources: [String]

    public init(
        _ source: String, _ relation: Relation, _ target: String, key: String? = nil, support: SupportType? = nil,
        weight: Double = 1, years: Period = Period(), description: String? = nil,
        attributes: [String: AttributeValue] = [:], sources: [String] = []
    ) {
        self.source = source
        self.target = target
        self.key = key
        self.relation = relation
        self.support = support
        self.weight = weight
        self.years = years
        self.description = description
        self.attributes = attributes
        self.sources = sources
    }
}

/// A typed actor network: conveners, participants, conflicts, legal decisions, dialogues, officials.
///
/// Node order is the order of the input and is kept by every writer, so output is deterministic.
public struct Network: Sendable, Hashable {
    public var name: String
    public var title: String?
    public var description: String?
    public var sources: [Source]
    public var nodes: [Node]
    public var edges: [Edge]

    public init(
        name: String = "network", title: String? = nil, description: String? = nil, sources: [Source] = [],
        nodes: [Node] = [], edges: [Edge] = []
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.sources = sources
        self.nodes = nodes
        self.edges = edges
    }

    /// Node positions by id. For a valid network every id is unique.
    /// Keyed by ``ExactID``: ids are the same exactly when their Unicode scalars are.
    public func nodeIndex() -> [ExactID: Int] {
        var index: [ExactID: Int] = [:]
        index.reserveCapacity(nodes.count)
        for (i, node) in nodes.enumerated() where index[ExactID(node.id)] == nil { index[ExactID(node.id)] = i }
        return index
    }

    public func node(_ id: String) -> Node? {
        nodes.first { $0.id.utf8.elementsEqual(id.utf8) }
    }

    /// The network restricted to `ids`, keeping only edges with both ends inside, in original order.
    public func subnetwork(_ ids: Set<String>, name: String? = nil, title: String? = nil) -> Network {
        var sub = self
        sub.name = name ?? self.name
        sub.title = title ?? self.title
        sub.nodes = nodes.filter { ids.contains($0.id) }
        sub.edges = edges.filter { ids.contains($0.source) && ids.contains($0.target) }
        let used = Set(
            sub.nodes.flatMap(\.sources) + sub.edges.flatMap(\.sources)
                + sub.nodes.flatMap { $0.designations.flatMap(\.sources) })
        sub.sources = sources.filter { used.contains($0.id) }
        return sub
    }
}
