import BackchannelModel
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files all at once or not at all.
///
/// The bytes go to a temporary file in the destination's directory, are flushed to disk, and the
/// file is renamed over the destination, so a reader never sees half a file and a failure leaves the
/// old file (or nothing) in place. A destination that is the same file as any of `inputs` (by path or
/// by device and inode, so hard and symbolic links count) is refused.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to url: URL, protecting inputs: [URL] = []) throws(FormatError) {
        let path = url.path
        for input in inputs where sameFile(url, input) {
            throw .wouldOverwriteInput(path: path)
        }
        let directory = url.deletingLastPathComponent().path
        let temporary = "\(directory)/.\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        InterruptCleanup.register(temporary)
        defer { InterruptCleanup.clear() }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotWrite(path: path, reason: errnoText()) }
        var written = 0
        let ok: Bool = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += n
            }
            return true
        }
        let reason = errnoText()
        if !ok || fsync(fd) != 0 {
            close(fd)
            unlink(temporary)
            throw .cannotWrite(path: path, reason: ok ? errnoText() : reason)
        }
        close(fd)
        if rename(temporary, path) != 0 {
            let reason = errnoText()
            unlink(temporary)
            throw .cannotWrite(path: path, reason: reason)
        }
    }

    public static func write(_ text: String, to url: URL, protecting inputs: [URL] = []) throws(FormatError) {
        try write(Array(text.utf8), to: url, protecting: inputs)
    }

    /// Whether two paths name the same existing file, or the same path.
    public static func sameFile(_ a: URL, _ b: URL) -> Bool {
        if a.standardizedFileURL.resolvingSymlinksInPath().path == b.standardizedFileURL.resolvingSymlinksInPath().path {
            return true
        }
        var sa = stat(), sb = stat()
        guard stat(a.path, &sa) == 0, stat(b.path, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, buffer, count)
    #else
    Darwin.write(fd, buffer, count)
    #endif
}

/// Removes the temporary file of a write in progress when the process is interrupted (SIGINT,
/// SIGTERM, SIGHUP), so an interrupted run leaves nothing behind.
///
/// The path lives in a fixed C buffer so the signal handler only calls async-signal-safe
/// functions (`unlink`, `_exit`). Writes are sequential, so one slot is enough.
public enum InterruptCleanup {
    private static let capacity = 4096
    nonisolated(unsafe) private static let pending: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        p.initialize(repeating: 0, count: capacity)
        return p
    }()

    /// Stores `path`; its first byte is written last, so the handler never reads a half-written path.
    static func register(_ path: String) {
        let bytes = Array(path.utf8.prefix(capacity - 1))
        pending[0] = 0
        for (i, b) in bytes.enumerated() where i > 0 { pending[i] = CChar(bitPattern: b) }
        pending[bytes.count] = 0
        if let first = bytes.first { pending[0] = CChar(bitPattern: first) }
    }

    static func clear() {
        pending[0] = 0
    }

    /// Installs the handlers; call once at start-up. The process then exits with 128 + the signal.
    public static func install() {
        _ = pending
        // A parent may have started us with these signals blocked; take them.
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, sig) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { sig in
                if InterruptCleanup.pending[0] != 0 { unlink(InterruptCleanup.pending) }
                _exit(128 + sig)
            }
        }
    }
}
