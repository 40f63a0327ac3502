/// Each node's neighbours in either direction with the mutual weight `a_ij + a_ji`, as NetworkX's
/// structural-hole measures use (`mutual_weight`): the building block of ``Constraint`` and ``EffectiveSize``.
struct MutualTies {
    let offsets: [Int]
    let neighbours: [Int32]
    let weights: [Double]

    init(_ graph: CompactGraph, weight: WeightMode) {
        var offsets = [0]
        var neighbours: [Int32] = []
        var weights: [Double] = []
        let strength = weight == .strength
        for v in 0..<graph.nodeCount {
            var i = Int(graph.outOffsets[v]), iEnd = Int(graph.outOffsets[v + 1])
            var j = Int(graph.inOffsets[v]), jEnd = Int(graph.inOffsets[v + 1])
            while i < iEnd || j < jEnd {
                let a = i < iEnd ? graph.outTargets[i] : Int32.max
                let b = j < jEnd ? graph.inSources[j] : Int32.max
                let u = min(a, b)
                var w = 0.0
                if a == u { w += strength ? graph.outStrengths[i] : 1; i += 1 }
                if b == u { w += strength ? graph.inStrengths[j] : 1; j += 1 }
                neighbours.append(u)
                weights.append(w)
            }
            offsets.append(neighbours.count)
        }
        self.offsets = offsets
        self.neighbours = neighbours
        self.weights = weights
    }

    func range(_ v: Int) -> Range<Int> { offsets[v]..<offsets[v + 1] }

    /// The mutual weight between `v` and `u`, by binary search in v's sorted neighbours.
    func weight(_ v: Int, _ u: Int32) -> Double {
        var lo = offsets[v], hi = offsets[v + 1]
        while lo < hi {
            let mid = (lo + hi) >> 1
            if neighbours[mid] < u { lo = mid + 1 } else { hi = mid }
        }
        return lo < offsets[v + 1] && neighbours[lo] == u ? weights[lo] : 0
    }

    func sum(_ v: Int) -> Double { range(v).reduce(0) { $0 + weights[$1] } }
    func maximum(_ v: Int) -> Double { range(v).reduce(0) { max($0, weights[$1]) } }
}
