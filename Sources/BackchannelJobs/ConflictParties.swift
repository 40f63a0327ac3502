import BackchannelModel

/// The parties of each conflict, as `channels` and `inclusion` read them: the sources of `party_to`
/// edges to it.
///
/// Conflicts are listed in the order of their first `party_to` edge and each conflict's parties in
/// edge order, each once (ids compared by their scalars, ``ExactID``). A party's side is the `side`
/// attribute of its first `party_to` edge that gives one, or else the party's own `side` attribute.
/// - Complexity: O(m + n) with dictionaries of ids.
struct ConflictParties {
    struct Party {
        var id: String
        var side: String?
    }

    /// Conflict ids, in the order of their first `party_to` edge.
    var order: [String] = []
    var parties: [ExactID: [Party]] = [:]

    /// - Parameters:
    ///   - conflict: only the `party_to` edges to this conflict (by id); every conflict when nil.
    ///   - including: which `party_to` edges count (a filter, ends present in a graph).
    init(_ network: Network, conflict: String?, including: (Edge) -> Bool) {
        // The first node of an id gives its own side, as the rest of the model reads ids.
        let nodeByID = Dictionary(network.nodes.map { (ExactID($0.id), $0) }, uniquingKeysWith: { first, _ in first })
        for edge in network.edges where edge.relation == .partyTo && including(edge) {
            let key = ExactID(edge.target)
            if let conflict, key != ExactID(conflict) { continue }
            if parties[key] == nil { order.append(edge.target) }
            let side = edge.attributes["side"]?.text ?? nodeByID[ExactID(edge.source)]?.attributes["side"]?.text
            if let i = parties[key, default: []].firstIndex(where: { ExactID($0.id) == ExactID(edge.source) }) {
                if parties[key]![i].side == nil { parties[key]![i].side = side }
            } else {
                parties[key, default: []].append(Party(id: edge.source, side: side))
            }
        }
    }
}
