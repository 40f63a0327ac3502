import BackchannelModel
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files all at once or not at all, without ever destroying what is not a regular file.
///
/// - A regular file (or a path that does not exist yet) gets its bytes through a temporary file in the
///   destination's directory, flushed to disk and renamed over the destination, so a reader never sees
///   half a file and a failure leaves the old file (or nothing) in place. An existing file keeps its
///   permission bits, and its owner and group where the process may set them.
/// - Anything else (a character or block device such as `/dev/null` or `/dev/full`, a FIFO, a socket)
///   is opened and written directly; it is never renamed over. A full device reports "no space".
///   `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N` are written to that descriptor
///   of this process, whatever it is open on.
/// - A symbolic link is written through: the file it points to is replaced atomically (or created, for
///   a dangling link) and the link itself stays.
/// - A destination that is the same file as any of `inputs` (by path, or by device and inode, so hard
///   and symbolic links count) is refused before anything is written.
/// - Temporary names stay within the directory's name limit (`NAME_MAX`), so any name `touch` accepts
///   can be written.
public enum AtomicFile {
    /// Writes `bytes` to `url` (see ``AtomicFile``).
    /// - Complexity: O(`bytes.count`) plus O(`inputs.count`) `stat` calls.
    public static func write(_ bytes: [UInt8], to url: URL, protecting inputs: [URL] = []) throws(FormatError) {
        try writeAll([(bytes, url)], protecting: inputs)
    }

    /// Writes `text` as UTF-8 to `url` (see ``AtomicFile``).
    /// - Complexity: O(`text.utf8.count`).
    public static func write(_ text: String, to url: URL, protecting inputs: [URL] = []) throws(FormatError) {
        try write(Array(text.utf8), to: url, protecting: inputs)
    }

    /// Writes a set of files all or nothing, e.g. the three CSV sheets of one network.
    ///
    /// Every destination is checked against `inputs` (and against the others) before anything is
    /// written; every regular-file destination's temporary is written and flushed before the first
    /// rename; if any temporary fails, every temporary is removed and no destination changes.
    /// Destinations that are not regular files (devices, FIFOs) are written directly, after the renames.
    /// - Complexity: O(total bytes) plus O(`files.count` × (`files.count` + `inputs.count`)) `stat` calls.
    public static func writeAll(_ files: [(bytes: [UInt8], url: URL)], protecting inputs: [URL] = []) throws(FormatError) {
        for (_, url) in files {
            for input in inputs where sameFile(url, input) {
                throw .wouldOverwriteInput(path: url.path)
            }
        }
        for i in files.indices {
            for j in files.indices where j > i && sameFile(files[i].url, files[j].url) {
                throw .cannotWrite(
                    path: files[j].url.path, reason: "it is the same file as \(files[i].url.path), another output of this run")
            }
        }
        var destinations: [Destination] = []
        for (_, url) in files { destinations.append(try Destination(url)) }

        var temporaries: [String?] = Array(repeating: nil, count: files.count)
        func removeTemporaries() {
            for case let temporary? in temporaries { unlink(temporary) }
            InterruptCleanup.clear()
        }
        for (i, destination) in destinations.enumerated() where !destination.isDirect {
            let temporary = destination.temporaryPath()
            guard InterruptCleanup.register(temporary) else {
                removeTemporaries()
                throw .cannotWrite(path: destination.displayPath, reason: "too many outputs written at once")
            }
            do throws(FormatError) {
                try writeTemporary(files[i].bytes, at: temporary, for: destination)
            } catch {
                removeTemporaries()
                throw error
            }
            temporaries[i] = temporary
        }
        for (i, destination) in destinations.enumerated() {
            guard let temporary = temporaries[i] else { continue }
            if rename(temporary, destination.path) != 0 {
                let reason = errnoText()
                removeTemporaries()
                throw .cannotWrite(path: destination.displayPath, reason: reason)
            }
            temporaries[i] = nil
        }
        InterruptCleanup.clear()
        for (i, destination) in destinations.enumerated() where destination.isDirect {
            try writeDirect(files[i].bytes, to: destination)
        }
    }

    /// Whether two paths name the same existing file, or the same path.
    /// - Complexity: O(path length) plus two `stat` calls.
    public static func sameFile(_ a: URL, _ b: URL) -> Bool {
        if a.standardizedFileURL.resolvingSymlinksInPath().path == b.standardizedFileURL.resolvingSymlinksInPath().path {
            return true
        }
        var sa = stat(), sb = stat()
        guard stat(a.path, &sa) == 0, stat(b.path, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    // MARK: - Destinations

    /// Where bytes for one output go, found once before anything is written.
    struct Destination {
        /// The path the user gave, for messages.
        var displayPath: String
        /// The file that is replaced: the path itself, or the end of its chain of symbolic links.
        var path: String
        /// Not a regular file (device, FIFO, socket): opened and written in place.
        var isDirect: Bool
        /// The replaced file's status, when it exists.
        var existing: stat?

        /// An open descriptor of this process the path names (`/dev/stdout`, `/dev/fd/N`): written as it is.
        var descriptor: Int32?

        init(_ url: URL) throws(FormatError) {
            displayPath = url.path
            if let fd = Self.descriptor(named: url.path) {
                var info = stat()
                guard fstat(fd, &info) == 0 else { throw .cannotWrite(path: url.path, reason: errnoText()) }
                descriptor = fd
                existing = info
                isDirect = true
                path = url.path
                return
            }
            var info = stat()
            if stat(url.path, &info) == 0 {
                existing = info
                switch info.st_mode & S_IFMT {
                case S_IFREG:
                    isDirect = false
                    path = url.path
                    var link = stat()
                    if lstat(url.path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
                        guard let real = realpath(url.path, nil) else {
                            throw .cannotWrite(path: url.path, reason: "cannot resolve the symbolic link: \(errnoText())")
                        }
                        path = String(cString: real)
                        free(real)
                    }
                case S_IFDIR:
                    throw .cannotWrite(path: url.path, reason: "it is a directory")
                default:
                    isDirect = true
                    path = url.path
                }
            } else if errno == ENOENT {
                existing = nil
                isDirect = false
                path = try Self.danglingTarget(url.path)
            } else {
                throw .cannotWrite(path: url.path, reason: errnoText())
            }
        }

        /// The descriptor `/dev/stdin|stdout|stderr`, `/dev/fd/N` or `/proc/self/fd/N` names, so that
        /// `-o /dev/stdout` appends to the shell's redirection instead of replacing its file.
        private static func descriptor(named path: String) -> Int32? {
            switch path {
            case "/dev/stdout": return STDOUT_FILENO
            case "/dev/stderr": return STDERR_FILENO
            default:
                for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                    return Int32(path.dropFirst(prefix.count))
                }
                return nil
            }
        }

        /// For a path that does not exist: itself, or, when it is a dangling symbolic link, the
        /// missing file at the end of the chain (so the link is written through, not replaced).
        private static func danglingTarget(_ start: String) throws(FormatError) -> String {
            var path = start
            for _ in 0..<40 {
                var link = stat()
                guard lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK else { return path }
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let n = readlink(path, &buffer, buffer.count - 1)
                guard n > 0 else { throw .cannotWrite(path: start, reason: "cannot read the symbolic link: \(errnoText())") }
                let target = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                path = target.hasPrefix("/") ? target : (path as NSString).deletingLastPathComponent + "/" + target
            }
            throw .cannotWrite(path: start, reason: "too many levels of symbolic links")
        }

        /// A fresh temporary path beside ``path``: `.NAME.PID.RANDOM.tmp`, with NAME shortened (at a
        /// UTF-8 character boundary) so the whole stays within the directory's `NAME_MAX`.
        func temporaryPath() -> String {
            let directory = (path as NSString).deletingLastPathComponent
            let name = (path as NSString).lastPathComponent
            let suffix = ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
            let limit = pathconf(directory.isEmpty ? "." : directory, Int32(_PC_NAME_MAX))
            let nameMax = limit > 0 ? min(Int(limit), 4096) : 255
            let room = max(nameMax - 1 - suffix.utf8.count, 1)
            var kept = ""
            var used = 0
            for scalar in name.unicodeScalars {
                let size = String(scalar).utf8.count
                if used + size > room { break }
                kept.unicodeScalars.append(scalar)
                used += size
            }
            return (directory.isEmpty ? "" : directory + "/") + "." + kept + suffix
        }
    }

    // MARK: - Writing

    private static func writeTemporary(_ bytes: [UInt8], at temporary: String, for destination: Destination) throws(FormatError) {
        // 0666 less the umask for a new file, as the shell's `>` does; an existing file's own bits below.
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw .cannotWrite(path: destination.displayPath, reason: errnoText()) }
        if let existing = destination.existing {
            // Owner and group first (changing them may clear set-id bits), then the permission bits.
            // Only root may give a file away; a group the user belongs to is allowed; otherwise the
            // new file keeps the user's own ids, as any editor's save would.
            if fchown(fd, existing.st_uid, existing.st_gid) != 0 {
                _ = fchown(fd, uid_t.max, existing.st_gid)
            }
            if fchmod(fd, existing.st_mode & 0o7777) != 0 {
                let reason = errnoText()
                close(fd)
                unlink(temporary)
                throw .cannotWrite(path: destination.displayPath, reason: "cannot keep the file's permissions: \(reason)")
            }
        }
        if let reason = writeFully(fd, bytes) ?? (fsync(fd) != 0 ? errnoText() : nil) {
            close(fd)
            unlink(temporary)
            throw .cannotWrite(path: destination.displayPath, reason: reason)
        }
        if close(fd) != 0 {
            let reason = errnoText()
            unlink(temporary)
            throw .cannotWrite(path: destination.displayPath, reason: reason)
        }
    }

    private static func writeDirect(_ bytes: [UInt8], to destination: Destination) throws(FormatError) {
        if let fd = destination.descriptor {
            if let reason = writeFully(fd, bytes) { throw .cannotWrite(path: destination.displayPath, reason: reason) }
            return
        }
        // No O_CREAT: the destination exists and is not a regular file; a FIFO waits for its reader.
        let fd = open(destination.path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw .cannotWrite(path: destination.displayPath, reason: errnoText()) }
        if let reason = writeFully(fd, bytes) {
            close(fd)
            throw .cannotWrite(path: destination.displayPath, reason: reason)
        }
        if close(fd) != 0 {
            throw .cannotWrite(path: destination.displayPath, reason: errnoText())
        }
    }

    /// Writes every byte, retrying on EINTR; nil on success, else the reason.
    private static func writeFully(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        var written = 0
        return bytes.withUnsafeBytes { buffer -> String? in
            while written < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errnoText()
                }
                if n == 0 { return "the device accepted no more bytes" }
                written += n
            }
            return nil
        }
    }

    static func errnoText() -> String {
        let code = errno
        if code == ENOSPC { return "no space left on device" }
        return String(cString: strerror(code))
    }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
    #else
        Darwin.write(fd, buffer, count)
    #endif
}

/// Removes the temporary files of a write in progress when the process is interrupted (SIGINT,
/// SIGTERM, SIGHUP), so an interrupted run leaves nothing behind.
///
/// Paths live in fixed C buffers so the signal handler only calls async-signal-safe functions
/// (`unlink`, `_exit`). Writes are sequential; one set (``AtomicFile/writeAll(_:protecting:)``) holds
/// at most ``slots`` temporaries at once.
public enum InterruptCleanup {
    /// How many temporaries may be pending at once.
    static let slots = 8
    private static let capacity = 4096
    nonisolated(unsafe) private static let pending: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: capacity * slots)
        p.initialize(repeating: 0, count: capacity * slots)
        return p
    }()

    /// Stores `path` in a free slot; its first byte is written last, so the handler never reads a
    /// half-written path. False when every slot is taken.
    /// - Complexity: O(path length + ``slots``).
    static func register(_ path: String) -> Bool {
        guard let slot = (0..<slots).first(where: { pending[$0 * capacity] == 0 }) else { return false }
        let base = pending + slot * capacity
        let bytes = Array(path.utf8.prefix(capacity - 1))
        for (i, b) in bytes.enumerated() where i > 0 { base[i] = CChar(bitPattern: b) }
        base[bytes.count] = 0
        if let first = bytes.first { base[0] = CChar(bitPattern: first) }
        return true
    }

    /// Forgets every pending path (after the renames, or after removing the temporaries).
    /// - Complexity: O(``slots``).
    static func clear() {
        for slot in 0..<slots { pending[slot * capacity] = 0 }
    }

    /// Installs the handlers; call once at start-up. The process then exits with 128 + the signal.
    /// - Complexity: O(1).
    public static func install() {
        // Initialise the statics here, so the handler never runs a lazy initialiser.
        _ = pending
        _ = slots
        _ = capacity
        // A parent may have started us with these signals blocked; take them.
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, sig) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { sig in
                for slot in 0..<InterruptCleanup.slots {
                    let base = InterruptCleanup.pending + slot * InterruptCleanup.capacity
                    if base[0] != 0 { unlink(base) }
                }
                _exit(128 + sig)
            }
        }
    }
}
