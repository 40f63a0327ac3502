import BackchannelAnalysis

/// The channels between `a` and `b` by a flow network built afresh for the one pair: the method
/// ``VertexConnectivity`` used before its reusable ``VertexConnectivity/Solver``, kept as the oracle
/// the solver is checked against (same paths, cuts and order).
///
/// - Complexity: O(k·(n + m)) for k channels, plus O(n + m) to build the network.
public func freshNetworkChannels(in graph: CompactGraph, between a: Int, and b: Int, intermediaries: [Bool]) -> Channels {
    var flow = FlowNetwork(graph: graph, a: a, b: b, intermediaries: intermediaries)
    let directTie = flow.directTie
    flow.maximize()
    return Channels(paths: flow.paths(), cut: flow.cut(), directTie: directTie)
}

/// The node-split residual network: node v is 2v (in) and 2v + 1 (out); arcs in CSR with a paired
/// reverse arc, capacities as integers (`unbounded` for ties and the ends' own arcs).
private struct FlowNetwork {
    static let unbounded = Int32.max / 4

    let n: Int
    let source: Int  // a_out
    let sink: Int  // b_in
    let intermediaries: [Bool]
    let a: Int, b: Int
    var offsets: [Int32]
    var heads: [Int32]
    var reverse: [Int32]
    var capacity: [Int32]
    let original: [Int32]
    var directTie = false

    init(graph: CompactGraph, a: Int, b: Int, intermediaries: [Bool]) {
        n = graph.nodeCount
        self.a = a
        self.b = b
        self.intermediaries = intermediaries
        source = 2 * a + 1
        sink = 2 * b
        func allowed(_ v: Int) -> Bool { v == a || v == b || intermediaries[v] }
        // Undirected neighbour lists: out-arcs and in-arcs merged (both sorted; duplicates dropped).
        var neighbours: [[Int32]] = Array(repeating: [], count: n)
        for u in 0..<n where allowed(u) {
            var list: [Int32] = []
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
                if list.last != next { list.append(next) }
            }
            neighbours[u] = list.filter { v in
                let v = Int(v)
                return v != u && allowed(v)
            }
        }
        // Arcs: for every allowed v, v_in → v_out; for every tie u–v, u_out → v_in (and the reverse
        // direction comes from v's own list). Each arc gets a residual twin.
        var tails: [Int32] = [], arcHeads: [Int32] = [], caps: [Int32] = []
        func add(_ from: Int, _ to: Int, _ cap: Int32) {
            tails.append(Int32(from)); arcHeads.append(Int32(to)); caps.append(cap)
            tails.append(Int32(to)); arcHeads.append(Int32(from)); caps.append(0)
        }
        var tie = false
        for v in 0..<n where allowed(v) {
            add(2 * v, 2 * v + 1, (v == a || v == b) ? Self.unbounded : 1)
            for w in neighbours[v] {
                let w = Int(w)
                if (v == a && w == b) || (v == b && w == a) {
                    tie = true
                    continue
                }
                add(2 * v + 1, 2 * w, Self.unbounded)
            }
        }
        directTie = tie
        // CSR by tail, keeping insertion order within a tail (so searches visit neighbours by index).
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
        capacity = order.map { caps[Int($0)] }
        // The twin of arc k (added in pairs 2i, 2i + 1) is k ^ 1, relocated.
        reverse = order.map { slot[Int($0) ^ 1] }
        original = order.map { caps[Int($0)] }
    }

    /// Edmonds–Karp: augment along shortest residual paths until none is left. Every augmenting path
    /// carries one unit, since it passes at least one intermediary of capacity 1 (a direct tie is
    /// not in the network).
    mutating func maximize() {
        let nodes = 2 * n
        var parentArc = [Int32](repeating: -1, count: nodes)
        var queue = [Int32](repeating: 0, count: nodes)
        while true {
            for i in 0..<nodes { parentArc[i] = -1 }
            var head = 0, tail = 0
            queue[tail] = Int32(source); tail += 1
            parentArc[source] = -2
            var found = false
            search: while head < tail {
                let u = Int(queue[head]); head += 1
                for k in Int(offsets[u])..<Int(offsets[u + 1]) where capacity[k] > 0 {
                    let v = Int(heads[k])
                    if parentArc[v] != -1 { continue }
                    parentArc[v] = Int32(k)
                    if v == sink {
                        found = true
                        break search
                    }
                    queue[tail] = Int32(v); tail += 1
                }
            }
            guard found else { return }
            var v = sink
            while v != source {
                let k = Int(parentArc[v])
                capacity[k] -= 1
                capacity[Int(reverse[k])] += 1
                v = Int(heads[Int(reverse[k])])
            }
        }
    }

    /// The flow decomposed into paths of original node indices, from a to b.
    func paths() -> [[Int]] {
        var used = [Int32](repeating: 0, count: heads.count)
        for k in heads.indices where original[k] > 0 { used[k] = original[k] - capacity[k] }
        var result: [[Int]] = []
        while true {
            var path = [a]
            var u = source
            var advanced = true
            while u != sink && advanced {
                advanced = false
                for k in Int(offsets[u])..<Int(offsets[u + 1]) where original[k] > 0 && used[k] > 0 {
                    used[k] -= 1
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

    /// Intermediaries whose in-half is reachable from the source in the residual graph and whose
    /// out-half is not.
    func cut() -> [Int] {
        let nodes = 2 * n
        var seen = [Bool](repeating: false, count: nodes)
        var stack = [source]
        seen[source] = true
        while let u = stack.popLast() {
            for k in Int(offsets[u])..<Int(offsets[u + 1]) where capacity[k] > 0 {
                let v = Int(heads[k])
                if !seen[v] {
                    seen[v] = true
                    stack.append(v)
                }
            }
        }
        return (0..<n).filter { v in v != a && v != b && intermediaries[v] && seen[2 * v] && !seen[2 * v + 1] }
    }
}
