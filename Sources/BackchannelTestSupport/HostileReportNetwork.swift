import BackchannelModel

/// A small dated network whose every text tries to break an HTML page: labels that close the script
/// element, attributes that open markup, `javascript:` links, comment openers, U+2028. The browser
/// check (`Tests/Browser/check_report.py --hostile`) knows ``title``, ``scriptLabel`` and ``quotesLabel``.
public enum HostileReportNetwork {
    public static let title = "</script><script>window.__pwned='title'</script> & \"Title\""
    public static let scriptLabel = "</script><script>window.__pwned='label'</script>"
    public static let quotesLabel = "\"><img src=x onerror=\"window.__pwned='img'\"> & 'single' &amp;"
    /// Raw strings that must never appear in a page's bytes (only escaped forms may).
    public static let forbidden = [
        "<script>window", "<img src", "onerror=\"", "javascript:", "<!-- ]]>", "<b>cite</b>", "<list>",
    ]

    public static let network = Network(
        name: "hostile<!--", title: title, description: "<!-- ]]> --> the data's own description",
        sources: [
            Source(id: "s\"<1", citation: "<b>cite</b> </script>", url: "javascript:window.__pwned='url'"),
            Source(id: "s2", citation: "A web source & more", url: "https://example.org/?a=1&b=%3C2%3E"),
        ],
        nodes: [
            Node(
                id: "ngo</script>", label: scriptLabel, kind: .convener, track: .two, years: .year(1990),
                description: "<script>window.__pwned='desc'</script>", sources: ["s\"<1", "s2"]),
            Node(
                id: "q\"'&", label: quotesLabel, kind: .participant, years: .year(1995),
                designations: [Designation(list: "<list>", by: "</script>", since: 1997, sources: ["s2"])], sources: ["s2"]),
            Node(id: "war", label: "War & <peace>", kind: .conflict, years: Period(start: 1980, end: 2009)),
            Node(id: "gov", label: "Line\u{2028}separator", kind: .official, track: .one),
            Node(id: "talks", label: "Talks ]]> -->", kind: .dialogue, track: .two, years: .year(2001)),
        ],
        edges: [
            Edge(
                "ngo</script>", .provides, "q\"'&", support: .training, years: Period(start: 1995, end: 2001),
                description: "</script> training", sources: ["s2"]),
            Edge("q\"'&", .partyTo, "war", sources: ["s2"]),
            Edge("gov", .partyTo, "war", sources: ["s2"]),
            Edge("ngo</script>", .convenes, "talks", years: .year(2001), sources: ["s2"]),
            Edge("q\"'&", .participatesIn, "talks", years: .year(2001)),
            Edge("gov", .participatesIn, "talks", years: .year(2001)),
        ]
    )
}
