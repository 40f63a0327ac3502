import BackchannelModel

/// The network a GraphML or GEXF reader assembles, with where each node came from: the declared
/// nodes in document order, then the edge ends that no node declared, made as participants.
///
/// Both readers collect their elements first and assemble afterwards, so that edges may come before
/// the nodes they join; the places kept here are what located validation errors point at.
struct XMLNetworkAssembly {
    var network: Network
    /// Node positions by id (the first node of an id wins, as ``Network/nodeIndex()`` does).
    private(set) var index: [ExactID: Int] = [:]
    /// Each node's element as (line, column); a made-up end node has its edge's.
    private(set) var origins: [(Int, Int)] = []
    /// Each node's fields' places; none for a made-up end node.
    private(set) var fieldPlaces: [[String: (Int, Int)]] = []
    /// The ids of the edge ends made as participants, in the order they were met.
    private(set) var made: [String] = []

    init(_ network: Network) { self.network = network }

    /// Appends a declared node read at `place`, its fields at `fields`.
    mutating func add(_ node: Node, at place: (Int, Int), fields: [String: (Int, Int)]) {
        if index[ExactID(node.id)] == nil { index[ExactID(node.id)] = network.nodes.count }
        network.nodes.append(node)
        origins.append(place)
        fieldPlaces.append(fields)
    }

    /// Makes each of `ids` that is not yet a node a participant, placed at its edge's `place`.
    mutating func addMissingEnds(_ ids: [String], at place: (Int, Int)) {
        for id in ids where index[ExactID(id)] == nil {
            index[ExactID(id)] = network.nodes.count
            network.nodes.append(Node(id: id, kind: .participant))
            origins.append(place)
            fieldPlaces.append([:])
            made.append(id)
        }
    }

    /// Where node `i`, or its `field`, was read; nil for an index outside the nodes.
    func place(ofNode i: Int, field: String?) -> (Int, Int)? {
        guard origins.indices.contains(i) else { return nil }
        return field.flatMap { fieldPlaces[i][$0] } ?? origins[i]
    }

    /// Lists every source id the nodes, designations and edges cite, once each in order of first
    /// citation, as a source whose citation is its id (the formats hold no citations of their own).
    /// - Returns: how many were listed.
    mutating func listCitedSourceIDs() -> Int {
        var seen = Set<ExactID>()
        let cited = (network.nodes.flatMap { $0.sources + $0.designations.flatMap(\.sources) } + network.edges.flatMap(\.sources))
            .filter { seen.insert(ExactID($0)).inserted }
        if !cited.isEmpty { network.sources = cited.map { Source(id: $0, citation: $0) } }
        return cited.count
    }
}
