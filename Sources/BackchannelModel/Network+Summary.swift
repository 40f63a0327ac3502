extension Network {
    /// How many nodes there are of each kind, in ``NodeKind`` order, leaving out kinds with none.
    public var countsByKind: [(kind: NodeKind, count: Int)] {
        NodeKind.allCases.compactMap { kind in
            let c = nodes.count { $0.kind == kind }
            return c == 0 ? nil : (kind, c)
        }
    }

    /// How many nodes there are on each track, in ``Track`` order, then those with no track.
    public var countsByTrack: [(track: Track?, count: Int)] {
        var result: [(track: Track?, count: Int)] = Track.allCases.compactMap { track in
            let c = nodes.count { $0.track == track }
            return c == 0 ? nil : (track, c)
        }
        let none = nodes.count { $0.track == nil }
        if none > 0 { result.append((nil, none)) }
        return result
    }

    /// How many edges there are of each relation, in ``Relation`` order, leaving out relations with none.
    public var countsByRelation: [(relation: Relation, count: Int)] {
        Relation.allCases.compactMap { relation in
            let c = edges.count { $0.relation == relation }
            return c == 0 ? nil : (relation, c)
        }
    }

    /// The earliest and latest year of any dated edge: when the recorded relations happened.
    public var relationYears: ClosedRange<Int>? {
        let known = edges.flatMap { [$0.years.start?.year, $0.years.end?.year] }.compactMap { $0 }
        guard let lo = known.min(), let hi = known.max() else { return nil }
        return lo...hi
    }

    /// The earliest and latest year mentioned by any node, edge or designation.
    public var yearRange: ClosedRange<Int>? {
        let years =
            nodes.flatMap { [$0.years.start, $0.years.end] + $0.designations.flatMap { [$0.since, $0.until] } }
            + edges.flatMap { [$0.years.start, $0.years.end] }
        let known = years.compactMap { $0?.year }
        guard let lo = known.min(), let hi = known.max() else { return nil }
        return lo...hi
    }
}
