import BackchannelModel

/// A small Track II network with two confidential participants, an individual marked `person`,
/// and text elsewhere (a dialogue's description, an edge's, a citation and its URL, the title) that
/// names them: what redaction must hide in every output.
public enum ConfidentialNetwork {
    /// Text that must appear in no byte of a redacted output: the confidential nodes' ids, labels,
    /// descriptions and identifying attributes.
    public static let secrets = [
        "ralph-fertig", "Ralph Fertig", "ralph_fertig", "Former negotiator from the north",
        "amina-haddad", "Amina Haddad", "Community leader in the south", "+47 5555 0101", "amina@example.org",
    ]

    /// The person's (not confidential) text, hidden by `--redact persons`.
    public static let personSecrets = ["jonas-vik", "Jonas Vik"]

    public static let network = Network(
        name: "quiet-talks", title: "Quiet talks with Ralph Fertig",
        description: "Meetings between Ralph Fertig and Amina Haddad, convened by the Peace Forum.",
        sources: [
            Source(id: "interview", citation: "Interview with Ralph Fertig, 2009", url: "https://example.org/interviews/ralph_fertig"),
            Source(id: "memoir", citation: "Amina Haddad, Memoir (2015)"),
            Source(id: "report", citation: "Peace Forum annual report", url: "https://example.org/report"),
        ],
        nodes: [
            Node(id: "conflict", label: "Northern conflict", kind: .conflict, years: Period(start: 1990), sources: ["report"]),
            Node(
                id: "forum", label: "Peace Forum", kind: .convener, track: .two, years: Period(start: 2001),
                description: "Hosted the talks with Amina Haddad.", sources: ["report"]),
            Node(
                id: "ralph-fertig", label: "Ralph Fertig", kind: .participant, years: .year(2009),
                description: "Former negotiator from the north", attributes: ["side": .string("A"), "phone": .string("+47 5555 0101")],
                sources: ["interview"], confidential: true),
            Node(
                id: "amina-haddad", label: "Amina Haddad", kind: .participant, years: .year(2009),
                description: "Community leader in the south",
                attributes: ["side": .string("B"), "email": .string("amina@example.org"), "age": .int(51)], sources: ["memoir"],
                confidential: true),
            Node(
                id: "jonas-vik", label: "Jonas Vik", kind: .official, track: .one, attributes: ["person": .bool(true)],
                sources: ["report"]),
            Node(
                id: "civic-group", label: "Civic Group", kind: .participant, track: .three, attributes: ["side": .string("A")],
                sources: ["report"]),
            Node(
                id: "talks", label: "Quiet talks", kind: .dialogue, track: .two, years: .year(2009),
                description: "Ralph Fertig chaired; amina-haddad spoke.", sources: ["report"]),
        ],
        edges: [
            Edge("ralph-fertig", .partyTo, "conflict", attributes: ["side": .string("A")], sources: ["interview"]),
            Edge("amina-haddad", .partyTo, "conflict", attributes: ["side": .string("B")], sources: ["memoir"]),
            Edge("civic-group", .partyTo, "conflict", attributes: ["side": .string("A")], sources: ["report"]),
            Edge("forum", .convenes, "talks", years: .year(2009), description: "The Peace Forum convened the talks.", sources: ["report"]),
            Edge(
                "ralph-fertig", .participatesIn, "talks", years: .year(2009), description: "Former negotiator from the north attended.",
                sources: ["interview"]),
            Edge("amina-haddad", .participatesIn, "talks", years: .year(2009), sources: ["memoir"]),
            Edge("civic-group", .participatesIn, "talks", years: .year(2009), sources: ["report"]),
            Edge("jonas-vik", .participatesIn, "talks", years: .year(2009), description: "Jonas Vik observed.", sources: ["report"]),
            Edge("forum", .addresses, "conflict", sources: ["report"]),
        ])
}
