/// The channels between two nodes: how many paths join them that share no intermediary, the paths
/// themselves, and a smallest set of intermediaries whose removal cuts every one.
public struct Channels: Sendable, Equatable {
    /// Vertex-disjoint paths, each from the first node to the second (both ends included), shortest
    /// first as found by the augmenting-path search. A direct tie is never among them.
    public var paths: [[Int]]
    /// A minimum vertex cut among the allowed intermediaries, ascending; `cut.count == paths.count`
    /// (Menger's theorem). Empty when there is no channel.
    public var cut: [Int]
    /// Whether the two nodes are tied directly (reported on its own, not counted as a channel).
    public var directTie: Bool

    /// The number of vertex-disjoint channels: the local vertex connectivity without the direct tie.
    public var count: Int { paths.count }

    public init(paths: [[Int]], cut: [Int], directTie: Bool) {
        self.paths = paths
        self.cut = cut
        self.directTie = directTie
    }
}

/// Vertex-disjoint channels between two nodes, and the minimum vertex cut that separates them.
///
/// Ties count in both directions: an arc u → v lets a channel pass either way. Only nodes marked in
/// `intermediaries` may carry a channel; the two ends always may. A direct tie between the two ends
/// is ignored for the count (it is reported in ``Channels/directTie``), so the count equals
/// NetworkX's `node_connectivity(G, a, b)` and the cut's size `len(minimum_node_cut(G, a, b))` on the
/// undirected graph with the non-intermediaries (other than a and b) and the a–b edge removed.
///
/// Method: maximum flow on the node-split graph (each node v becomes v_in → v_out, of capacity 1
/// for an intermediary, 0 for a node that may not carry a channel and unbounded for the two ends;
/// each tie u–v the arcs u_out → v_in and v_out → u_in, unbounded when both of its nodes may carry
/// the channel, else 0), by Edmonds–Karp: breadth-first augmenting paths, neighbours in index order,
/// so results are deterministic. The cut is the set of intermediaries whose v_in is reachable from a
/// in the final residual graph and whose v_out is not: the minimum cut closest to a.
///
/// ``Solver`` builds that network once per graph and mask; each pair only opens its two ends and
/// restores the arcs it changed afterwards. Arcs of capacity 0 are never crossed, so the searches,
/// and hence the paths and cuts, are those of a network holding only the allowed nodes. A pair is
/// answered without a search when no connected component of the graph induced on the
/// intermediaries touches both ends (no channel), and the search stops once the flow equals the
/// number of intermediary neighbours of a (the cut is then those neighbours).
///
/// - Complexity: building the solver O(n + m) time and memory; each pair O(k·(n + m)) for k channels
///   (at most the smaller number of intermediary neighbours of the two ends), n nodes and m arcs,
///   and O(deg a + deg b) for a pair the components reject; no allocation per pair beyond its result.
/// - Reference: Even, S. & Tarjan, R. E. (1975). Network flow and testing graph connectivity. SIAM
///   Journal on Computing 4(4), 507–518. doi:10.1137/0204043; Edmonds, J. & Karp, R. M. (1972).
///   Theoretical improvements in algorithmic efficiency for network flow problems. Journal of the
///   ACM 19(2), 248–264. doi:10.1145/321694.321699
public enum VertexConnectivity {
    /// The channels between nodes `a` and `b` of `graph` (a ``Solver`` built for this one pair).
    ///
    /// - Parameters:
    ///   - intermediaries: one flag per node: whether it may carry a channel (the ends are allowed
    ///     whatever their flag).
    /// - Throws: ``AnalysisError/invalidParameter(name:value:reason:)`` for an end outside the graph,
    ///   equal ends, or a mask of the wrong length.
    public static func channels(in graph: CompactGraph, between a: Int, and b: Int, intermediaries: [Bool]) throws(AnalysisError)
        -> Channels
    {
        var solver = try Solver(graph: graph, intermediaries: intermediaries)
        return try solver.channels(between: a, and: b)
    }

    /// The node-split flow network of one graph and intermediaries mask, reused for every pair.
    ///
    /// Node v is 2v (in) and 2v + 1 (out); arcs in CSR by tail, each with a paired reverse arc, in
    /// the order: for every node v ascending, v_in → v_out, then v_out → w_in for every neighbour w
    /// ascending (the reverse arcs in their tails' lists at the same positions), so the breadth-first
    /// search visits neighbours by index.
    public struct Solver: Sendable {
        static let unbounded = Int32.max / 4

        let n: Int
        let intermediaries: [Bool]
        /// Undirected neighbours (out and in merged, sorted, without loops or duplicates), CSR.
        let neighbourOffsets: [Int32]
        let neighbours: [Int32]
        let offsets: [Int32]
        let heads: [Int32]
        let reverse: [Int32]
        let forward: [Bool]
        /// Capacities with every end closed; a pair's changes are undone from here.
        let base: [Int32]
        /// Component of the graph induced on the intermediaries (-1 for other nodes).
        let component: [Int32]
        var capacity: [Int32]
        var touched: [Int32] = []
        var isTouched: [Bool]
        var parentArc: [Int32]
        var mark: [UInt32]
        var stamp: UInt32 = 0
        var queue: [Int32]
        var componentMark: [UInt32]
        var componentStamp: UInt32 = 0

        /// - Throws: ``AnalysisError/invalidParameter(name:value:reason:)`` for a mask of the wrong length.
        public init(graph: CompactGraph, intermediaries: [Bool]) throws(AnalysisError) {
            let n = graph.nodeCount
            guard intermediaries.count == n else {
                throw .invalidParameter(
                    name: "intermediaries", value: "\(intermediaries.count) flags", reason: "needs one flag per node (\(n))")
            }
            self.n = n
            self.intermediaries = intermediaries
            var nOffsets = [Int32](repeating: 0, count: n + 1)
            var nList: [Int32] = []
            nList.reserveCapacity(2 * graph.arcCount)
            for u in 0..<n {
                let start = nList.count
                let outs = graph.outTargets[Int(graph.outOffsets[u])..<Int(graph.outOffsets[u + 1])]
                let ins = graph.inSources[Int(graph.inOffsets[u])..<Int(graph.inOffsets[u + 1])]
                var i = outs.startIndex, j = ins.startIndex
                while i < outs.endIndex || j < ins.endIndex {
                    let next: Int32
                    if j == ins.endIndex || (i < outs.endIndex && outs[i] <= ins[j]) {
                        next = outs[i]
                        if j < ins.endIndex && ins[j] == next { j += 1 }
                        i += 1
                    } else {
                        next = ins[j]
                        j += 1
                    }
                    if Int(next) != u && (nList.count == start || nList[nList.count - 1] != next) { nList.append(next) }
                }
                nOffsets[u + 1] = Int32(nList.count)
            }
            neighbourOffsets = nOffsets
            neighbours = nList
            // Arcs in insertion order (pairs 2i, 2i + 1), then CSR by tail keeping that order.
            let arcs = 2 * (n + nList.count)
            var tails = [Int32](), arcHeads = [Int32](), caps = [Int32]()
            tails.reserveCapacity(arcs)
            arcHeads.reserveCapacity(arcs)
            caps.reserveCapacity(arcs)
            func add(_ from: Int, _ to: Int, _ cap: Int32) {
                tails.append(Int32(from)); arcHeads.append(Int32(to)); caps.append(cap)
                tails.append(Int32(to)); arcHeads.append(Int32(from)); caps.append(0)
            }
            for v in 0..<n {
                add(2 * v, 2 * v + 1, intermediaries[v] ? 1 : 0)
                for k in Int(nOffsets[v])..<Int(nOffsets[v + 1]) {
                    let w = Int(nList[k])
                    add(2 * v + 1, 2 * w, intermediaries[v] && intermediaries[w] ? Self.unbounded : 0)
                }
            }
            let nodes = 2 * n
            var counts = [Int32](repeating: 0, count: nodes + 1)
            for t in tails { counts[Int(t) + 1] += 1 }
            for i in 0..<nodes { counts[i + 1] += counts[i] }
            var position = counts
            var order = [Int32](repeating: 0, count: tails.count)
            var slot = [Int32](repeating: 0, count: tails.count)
            for (k, t) in tails.enumerated() {
                let p = Int(position[Int(t)])
                order[p] = Int32(k)
                slot[k] = Int32(p)
                position[Int(t)] += 1
            }
            offsets = counts
            heads = order.map { arcHeads[Int($0)] }
            reverse = order.map { slot[Int($0) ^ 1] }
            forward = order.map { $0 & 1 == 0 }
            base = order.map { caps[Int($0)] }
            capacity = base
            isTouched = [Bool](repeating: false, count: tails.count)
            touched.reserveCapacity(64)
            parentArc = [Int32](repeating: -1, count: nodes)
            mark = [UInt32](repeating: 0, count: nodes)
            queue = [Int32](repeating: 0, count: max(nodes, 1))
            // Components of the graph induced on the intermediaries.
            var comp = [Int32](repeating: -1, count: n)
            var count: Int32 = 0
            var stack: [Int32] = []
            for s in 0..<n where intermediaries[s] && comp[s] < 0 {
                comp[s] = count
                stack.append(Int32(s))
                while let u = stack.popLast() {
                    for k in Int(nOffsets[Int(u)])..<Int(nOffsets[Int(u) + 1]) {
                        let w = Int(nList[k])
                        if intermediaries[w] && comp[w] < 0 {
                            comp[w] = count
                            stack.append(Int32(w))
                        }
                    }
                }
                count += 1
            }
            component = comp
            componentMark = [UInt32](repeating: 0, count: Int(count))
        }

        /// The channels between nodes `a` and `b`: the same as ``VertexConnectivity/channels(in:between:and:intermediaries:)``.
        ///
        /// - Throws: ``AnalysisError/invalidParameter(name:value:reason:)`` for an end outside the
        ///   graph or equal ends.
        public mutating func channels(between a: Int, and b: Int) throws(AnalysisError) -> Channels {
            guard (0..<n).contains(a) else {
                throw .invalidParameter(name: "a", value: "\(a)", reason: "not a node index (the graph has \(n) nodes)")
            }
            guard (0..<n).contains(b) else {
                throw .invalidParameter(name: "b", value: "\(b)", reason: "not a node index (the graph has \(n) nodes)")
            }
            guard a != b else { throw .invalidParameter(name: "b", value: "\(b)", reason: "the two ends must differ") }
            // Direct tie, the ends' intermediary neighbours, and the components touching a.
            var directTie = false
            var degreeA = 0
            componentStamp &+= 1
            if componentStamp == 0 {
                for i in componentMark.indices { componentMark[i] = 0 }
                componentStamp = 1
            }
            for k in Int(neighbourOffsets[a])..<Int(neighbourOffsets[a + 1]) {
                let w = Int(neighbours[k])
                if w == b {
                    directTie = true
                } else if intermediaries[w] {
                    degreeA += 1
                    componentMark[Int(component[w])] = componentStamp
                }
            }
            var shared = false
            for k in Int(neighbourOffsets[b])..<Int(neighbourOffsets[b + 1]) {
                let w = Int(neighbours[k])
                if w != a && intermediaries[w] && componentMark[Int(component[w])] == componentStamp {
                    shared = true
                    break
                }
            }
            guard shared else { return Channels(paths: [], cut: [], directTie: directTie) }
            open(a, other: b)
            open(b, other: a)
            let source = 2 * a + 1, sink = 2 * b
            var flow = 0
            var reached = true
            while flow < degreeA {
                guard search(from: source, to: sink) else {
                    reached = false
                    break
                }
                var v = sink
                while v != source {
                    let k = Int(parentArc[v])
                    let r = Int(reverse[k])
                    change(k, by: -1)
                    change(r, by: 1)
                    v = Int(heads[r])
                }
                flow += 1
            }
            let cut: [Int]
            if reached {
                // Every intermediary neighbour of a carries a channel: the residual graph reaches
                // a_out and their in-halves only, so the cut closest to a is those neighbours.
                cut = (Int(neighbourOffsets[a])..<Int(neighbourOffsets[a + 1])).compactMap { k in
                    let w = Int(neighbours[k])
                    return w != b && intermediaries[w] ? w : nil
                }
            } else {
                // The failed search marked exactly the nodes reachable in the residual graph.
                cut = (0..<n).filter { v in
                    v != a && v != b && intermediaries[v] && mark[2 * v] == stamp && mark[2 * v + 1] != stamp
                }
            }
            let paths = decompose(a: a, b: b, source: source, sink: sink)
            restore()
            return Channels(paths: paths, cut: cut, directTie: directTie)
        }

        /// Opens end `x`: its own arc and its ties to intermediaries unbounded, its ties to `other` closed.
        mutating func open(_ x: Int, other: Int) {
            let xIn = 2 * x, xOut = 2 * x + 1
            for k in Int(offsets[xIn])..<Int(offsets[xIn + 1]) {
                if forward[k] {
                    set(k, Self.unbounded)  // x_in → x_out
                } else {
                    // Reverse of u_out → x_in.
                    let u = Int(heads[k]) / 2
                    set(Int(reverse[k]), u != other && intermediaries[u] ? Self.unbounded : 0)
                }
            }
            for k in Int(offsets[xOut])..<Int(offsets[xOut + 1]) where forward[k] {
                let w = Int(heads[k]) / 2
                set(k, w != other && intermediaries[w] ? Self.unbounded : 0)
            }
        }

        mutating func note(_ k: Int) {
            if !isTouched[k] {
                isTouched[k] = true
                touched.append(Int32(k))
            }
        }

        mutating func set(_ k: Int, _ value: Int32) {
            guard capacity[k] != value else { return }
            note(k)
            capacity[k] = value
        }

        mutating func change(_ k: Int, by delta: Int32) {
            note(k)
            capacity[k] += delta
        }

        mutating func restore() {
            for k in touched {
                capacity[Int(k)] = base[Int(k)]
                isTouched[Int(k)] = false
            }
            touched.removeAll(keepingCapacity: true)
        }

        /// Breadth-first search for a shortest residual path; on failure `mark` holds every node
        /// reachable from `source`.
        mutating func search(from source: Int, to sink: Int) -> Bool {
            stamp &+= 1
            if stamp == 0 {
                for i in mark.indices { mark[i] = 0 }
                stamp = 1
            }
            var head = 0, tail = 0
            queue[tail] = Int32(source); tail += 1
            mark[source] = stamp
            while head < tail {
                let u = Int(queue[head]); head += 1
                for k in Int(offsets[u])..<Int(offsets[u + 1]) where capacity[k] > 0 {
                    let v = Int(heads[k])
                    if mark[v] == stamp { continue }
                    mark[v] = stamp
                    parentArc[v] = Int32(k)
                    if v == sink { return true }
                    queue[tail] = Int32(v); tail += 1
                }
            }
            return false
        }

        /// The flow decomposed into paths of original node indices, from a to b (consumes the flow
        /// held on the reverse arcs; ``restore()`` undoes it).
        mutating func decompose(a: Int, b: Int, source: Int, sink: Int) -> [[Int]] {
            var result: [[Int]] = []
            while true {
                var path = [a]
                var u = source
                var advanced = true
                while u != sink && advanced {
                    advanced = false
                    for k in Int(offsets[u])..<Int(offsets[u + 1]) where forward[k] && capacity[Int(reverse[k])] > 0 {
                        change(Int(reverse[k]), by: -1)
                        u = Int(heads[k])
                        if u % 2 == 0 && u != sink { path.append(u / 2) }
                        advanced = true
                        break
                    }
                }
                guard u == sink else { return result }
                path.append(b)
                result.append(path)
            }
        }
    }
}
