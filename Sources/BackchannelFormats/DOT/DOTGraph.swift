/// Parses DOT text into graphs. The formats layer defines what a DOT reader needs; the render
/// layer implements it with Graphviz's own parser (libcgraph), so that Formats never touches C and
/// Render stays a leaf over it.
public protocol DOTParser: Sendable {
    /// Every graph in `bytes` (a file may hold several), in file order.
    ///
    /// - Throws: ``DOTSyntaxError`` when the text is not DOT.
    func parseAll(dot bytes: [UInt8]) throws(DOTSyntaxError) -> [DOTGraph]
}

/// A DOT parser's rejection: its message, and the line it names when it names one.
public struct DOTSyntaxError: Error, Sendable, Equatable {
    public var message: String
    public var line: Int?
    public init(message: String, line: Int? = nil) {
        self.message = message
        self.line = line
    }
}

/// A parsed DOT graph as Graphviz's own parser (libcgraph) sees it: what a ``DOTParser`` returns.
public struct DOTGraph: Sendable {
    public struct Object: Sendable {
        public var name: String
        /// The attributes set on this object: declared attributes whose value differs from their default.
        public var attributes: [String: String]
        /// The names of the attributes whose values are HTML-like strings (`label=<<B>x</B>>`; the
        /// value holds the text between the outer `<` `>`), as libcgraph's `aghtmlstr` tells.
        public var html: Set<String>
        public init(name: String, attributes: [String: String], html: Set<String> = []) {
            self.name = name
            self.attributes = attributes
            self.html = html
        }
    }
    public struct Edge: Sendable {
        public var tail: String
        public var head: String
        public var attributes: [String: String]
        /// The names of the attributes whose values are HTML-like strings (see ``Object/html``).
        public var html: Set<String>
        public init(tail: String, head: String, attributes: [String: String], html: Set<String> = []) {
            self.tail = tail
            self.head = head
            self.attributes = attributes
            self.html = html
        }
    }
    public var name: String
    public var directed: Bool
    public var strict: Bool
    public var attributes: [String: String]
    /// The names of the graph's attributes whose values are HTML-like strings.
    public var html: Set<String> = []
    /// Attribute defaults declared for every node and every edge (`node [shape=box]`), non-empty only.
    public var nodeDefaults: [String: String]
    public var edgeDefaults: [String: String]
    /// Nodes and edges in the order the file first mentions them.
    public var nodes: [Object]
    public var edges: [Edge]
    /// Subgraphs (clusters included) with the names of their nodes, depth-first.
    public var subgraphs: [(name: String, attributes: [String: String], nodes: [String])]

    public init(
        name: String, directed: Bool, strict: Bool, attributes: [String: String], nodeDefaults: [String: String],
        edgeDefaults: [String: String], nodes: [Object], edges: [Edge],
        subgraphs: [(name: String, attributes: [String: String], nodes: [String])]
    ) {
        self.name = name
        self.directed = directed
        self.strict = strict
        self.attributes = attributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.nodes = nodes
        self.edges = edges
        self.subgraphs = subgraphs
    }
}
