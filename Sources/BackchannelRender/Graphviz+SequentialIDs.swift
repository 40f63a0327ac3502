import CGraphviz
import Foundation

/// A libcgraph ID discipline that numbers named objects in the order they are first named, instead
/// of by the address of their interned name (libcgraph 2.43's default, `AgIdDisc`).
///
/// libcgraph keeps a graph's subgraphs in a dictionary ordered by ID, and `agfstsubg`/`agnxtsubg`
/// walk it in that order. With the default discipline a named object's ID is the address of its
/// name string, so the order in which `dot` meets the clusters, and with it the layout of a
/// clustered graph, followed where `malloc` happened to put those strings: the same DOT came out a
/// few points different from one build of this binary to another, or when the allocator was tuned
/// (`MALLOC_TOP_PAD_`). Numbering names by first appearance makes the order the DOT's.
///
/// Named objects get even IDs (2, 4, …), anonymous ones odd IDs, as libcgraph expects (`print`
/// answers NULL for odd IDs, and libcgraph then writes `%N` names). Names are kept, as C strings,
/// until the root graph is closed.
///
/// - Complexity: O(name length) per lookup (a dictionary); memory: each distinct name once.
enum SequentialIDs {
    /// One root graph's names, reached through the `state` pointer libcgraph passes back.
    final class Table {
        var ids: [String: IDTYPE] = [:]
        var names: [UnsafeMutablePointer<CChar>] = []
        var nextAnonymous: IDTYPE = 1

        deinit {
            for name in names { free(name) }
        }
    }

    /// The discipline's callbacks. `withUnsafeMutablePointer(to:)` on a global would not outlive the
    /// call, so the discipline lives in allocated memory for the life of the process.
    nonisolated(unsafe) static let discipline: UnsafeMutablePointer<Agiddisc_t> = {
        let pointer = UnsafeMutablePointer<Agiddisc_t>.allocate(capacity: 1)
        pointer.initialize(
            to: Agiddisc_t(
                open: { _, _ in UnsafeMutableRawPointer(Unmanaged.passRetained(Table()).toOpaque()) },
                map: { state, _, name, id, create in
                    guard let state, let id else { return 0 }
                    let table = Unmanaged<Table>.fromOpaque(state).takeUnretainedValue()
                    guard let name else {
                        id.pointee = table.nextAnonymous
                        table.nextAnonymous += 2
                        return 1
                    }
                    let key = String(cString: name)
                    if let known = table.ids[key] {
                        id.pointee = known
                        return 1
                    }
                    guard create != 0, let copy = strdup(name) else { return 0 }
                    table.names.append(copy)
                    let new = IDTYPE(table.names.count) * 2
                    table.ids[key] = new
                    id.pointee = new
                    return 1
                },
                alloc: { _, _, _ in 0 },
                free: { _, _, _ in },
                print: { state, _, id in
                    guard let state, id % 2 == 0, id > 0 else { return nil }
                    let table = Unmanaged<Table>.fromOpaque(state).takeUnretainedValue()
                    let index = Int(id / 2) - 1
                    return index < table.names.count ? table.names[index] : nil
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
