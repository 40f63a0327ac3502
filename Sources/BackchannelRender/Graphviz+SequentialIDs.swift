import CGraphviz
import Foundation

/// A libcgraph ID discipline that numbers objects in the order they first appear, instead of
/// giving a named object the address of its interned name (libcgraph 2.43's default, `AgIdDisc`).
///
/// libcgraph keeps a graph's subgraphs in a dictionary ordered by ID, and `agfstsubg`/`agnxtsubg`
/// walk it in that order. With the default discipline a named object's ID is the address of its
/// name string, so the order in which `dot` meets the clusters, and with it the layout of a
/// clustered graph, followed where `malloc` happened to put those strings: the same DOT came out a
/// few points different from one build of this binary to another, or when the allocator was tuned
/// (`MALLOC_TOP_PAD_`). Numbering by first appearance makes the order the DOT's.
///
/// One counter k serves every object: a named one gets 2k (the first time its name is seen), an
/// anonymous one 2k + 1, as libcgraph expects (`print` answers NULL for odd IDs, and libcgraph then
/// writes `%N` names). Names are interned as the default interns them (`agstrdup`, libcgraph's
/// reference-counted strings, which keep an HTML-like name's flag) and told apart by those
/// interned pointers, so two names are one exactly when their bytes are; they are freed with the
/// graph (`agclose` frees every interned string after closing this discipline).
///
/// - Complexity: O(name length) per lookup (libcgraph's string dictionary, then a hash of the pointer).
enum SequentialIDs {
    /// One root graph's IDs, reached through the `state` pointer libcgraph passes back.
    final class Table {
        let graph: UnsafeMutablePointer<Agraph_t>?
        /// Interned name (its address) → ID, and ID → interned name.
        var ids: [UInt: IDTYPE] = [:]
        var names: [IDTYPE: UnsafeMutablePointer<CChar>] = [:]
        var counter: IDTYPE = 1

        init(graph: UnsafeMutablePointer<Agraph_t>?) { self.graph = graph }
    }

    /// The discipline's callbacks. `withUnsafeMutablePointer(to:)` on a global would not outlive the
    /// call, so the discipline lives in allocated memory for the life of the process.
    nonisolated(unsafe) static let discipline: UnsafeMutablePointer<Agiddisc_t> = {
        let pointer = UnsafeMutablePointer<Agiddisc_t>.allocate(capacity: 1)
        pointer.initialize(
            to: Agiddisc_t(
                open: { graph, _ in UnsafeMutableRawPointer(Unmanaged.passRetained(Table(graph: graph)).toOpaque()) },
                map: { state, _, name, id, create in
                    guard let state, let id else { return 0 }
                    let table = Unmanaged<Table>.fromOpaque(state).takeUnretainedValue()
                    guard let name else {
                        id.pointee = 2 * table.counter + 1
                        table.counter += 1
                        return 1
                    }
                    if let interned = agstrbind(table.graph, name), let known = table.ids[UInt(bitPattern: interned)] {
                        id.pointee = known
                        return 1
                    }
                    // Interned once, when the name is first given an ID; the graph frees it on close.
                    guard create != 0, let interned = agstrdup(table.graph, name) else { return 0 }
                    let new = 2 * table.counter
                    table.counter += 1
                    table.ids[UInt(bitPattern: interned)] = new
                    table.names[new] = interned
                    id.pointee = new
                    return 1
                },
                alloc: { _, _, _ in 0 },
                free: { _, _, _ in },
                print: { state, _, id in
                    guard let state, id % 2 == 0 else { return nil }
                    return Unmanaged<Table>.fromOpaque(state).takeUnretainedValue().names[id]
                },
                close: { state in
                    guard let state else { return }
                    Unmanaged<Table>.fromOpaque(state).release()
                },
                idregister: { _, _, _ in }
            ))
        return pointer
    }()

    /// libcgraph's default memory and I/O disciplines with ``discipline`` for IDs. The defaults are
    /// looked up by symbol: Swift 6 does not let a C global variable (`AgMemDisc`, `AgIoDisc`) be
    /// referenced outside an actor, and their addresses are all that is needed.
    nonisolated(unsafe) static let graphDiscipline: UnsafeMutablePointer<Agdisc_t> = {
        guard let memory = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "AgMemDisc"),
            let io = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "AgIoDisc")
        else { fatalError("libcgraph exports no AgMemDisc or AgIoDisc") }
        let pointer = UnsafeMutablePointer<Agdisc_t>.allocate(capacity: 1)
        pointer.initialize(
            to: Agdisc_t(
                mem: memory.assumingMemoryBound(to: Agmemdisc_t.self), id: discipline, io: io.assumingMemoryBound(to: Agiodisc_t.self)))
        return pointer
    }()
}
