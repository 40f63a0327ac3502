import BackchannelFormats
import BackchannelTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `AtomicFile` never renames over what is not a regular file, keeps an existing file's mode and
/// owner, writes through symbolic links, fits its temporary names in NAME_MAX, and writes sets of
/// files all or nothing.
///
/// Devices are made inside the test's own folder (`mknod`, when permitted) or reached through a
/// symbolic link there, so a regression replaces the test's node or link, never the system's `/dev`.
@Suite("Atomic output never destroys anything")
struct AtomicFileSafetyTests {
    static func status(_ path: String, follow: Bool = true) -> stat? {
        var info = stat()
        return (follow ? stat(path, &info) : lstat(path, &info)) == 0 ? info : nil
    }

    static func type(_ path: String, follow: Bool = true) -> mode_t? {
        status(path, follow: follow).map { $0.st_mode & S_IFMT }
    }

    static func leftovers(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
    }

    /// A character device node in `dir` with the numbers of `/dev/null` (1, 3) or `/dev/full` (1, 7),
    /// or nil where the process may not make one.
    static func deviceNode(in dir: URL, named name: String, minor: UInt32) -> String? {
        let path = dir.appendingPathComponent(name).path
        #if os(Linux)
            let device = dev_t((1 << 8) | minor)  // makedev(1, minor) for minors below 256
        #else
            let device = dev_t((1 << 24) | Int32(minor))
        #endif
        return mknod(path, S_IFCHR | 0o666, device) == 0 ? path : nil
    }

    @Test func aFullDeviceReportsNoSpaceAndStaysADevice() throws {
        let dir = try Fixtures.temporaryDirectory()
        let link = dir.appendingPathComponent("full-link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/dev/full")
        var targets = [link.path]
        if let node = Self.deviceNode(in: dir, named: "full", minor: 7) { targets.append(node) }
        for target in targets {
            #expect {
                try AtomicFile.write(Array("some bytes".utf8), to: URL(fileURLWithPath: target))
            } throws: { error in
                guard case let .cannotWrite(path, reason) = error as? FormatError else { return false }
                return path == target && reason.lowercased().contains("no space")
            }
            #expect(Self.type(target) == S_IFCHR, "\(target) is still a character device")
        }
        #expect(Self.type(link.path, follow: false) == S_IFLNK, "the link to /dev/full was not replaced")
        #expect(try Self.leftovers(dir).isEmpty)
    }

    @Test func theNullDeviceIsWrittenNotReplaced() throws {
        let dir = try Fixtures.temporaryDirectory()
        let link = dir.appendingPathComponent("null-link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/dev/null")
        var targets = [link.path]
        if let node = Self.deviceNode(in: dir, named: "null", minor: 3) { targets.append(node) }
        for target in targets {
            try AtomicFile.write(Array(repeating: 65, count: 100_000), to: URL(fileURLWithPath: target))
            #expect(Self.type(target) == S_IFCHR, "\(target) is still a character device")
        }
        #expect(Self.type(link.path, follow: false) == S_IFLNK)
        #expect(try Self.leftovers(dir).isEmpty)
    }

    @Test func aFIFOIsWrittenIntoNotReplaced() throws {
        let dir = try Fixtures.temporaryDirectory()
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // A non-blocking reader first, so the writer's open does not wait and a regression cannot hang.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let message = Array("through the pipe\n".utf8)
        try AtomicFile.write(message, to: URL(fileURLWithPath: fifo))
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = read(reader, &buffer, buffer.count)
        #expect(n == message.count && Array(buffer.prefix(max(n, 0))) == message, "the bytes went into the FIFO")
        #expect(Self.type(fifo) == S_IFIFO, "still a FIFO")
        #expect(try Self.leftovers(dir).isEmpty)
    }

    @Test func aDescriptorPathWritesToThatDescriptor() throws {
        let pipe = Pipe()
        let fd = pipe.fileHandleForWriting.fileDescriptor
        try AtomicFile.write("through fd \(fd)", to: URL(fileURLWithPath: "/dev/fd/\(fd)"))
        try pipe.fileHandleForWriting.close()
        #expect(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "through fd \(fd)")
        #expect(throws: FormatError.self) { try AtomicFile.write("x", to: URL(fileURLWithPath: "/dev/fd/987654")) }
    }

    @Test func aDirectoryIsRefused() throws {
        let dir = try Fixtures.temporaryDirectory()
        #expect {
            try AtomicFile.write("x", to: dir)
        } throws: { error in
            guard case let .cannotWrite(_, reason) = error as? FormatError else { return false }
            return reason.contains("directory")
        }
    }

    @Test(arguments: [0o600, 0o640, 0o755, 0o444])
    func overwritingKeepsThePermissions(mode: Int) throws {
        let dir = try Fixtures.temporaryDirectory()
        let url = dir.appendingPathComponent("private.txt")
        try AtomicFile.write("first", to: url)
        #expect(chmod(url.path, mode_t(mode)) == 0)
        try AtomicFile.write("second", to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "second")
        #expect(Int(Self.status(url.path)!.st_mode & 0o7777) == mode, "mode \(String(mode, radix: 8)) kept")
    }

    @Test func overwritingKeepsTheOwnerWherePermitted() throws {
        let dir = try Fixtures.temporaryDirectory()
        let url = dir.appendingPathComponent("owned.txt")
        try AtomicFile.write("first", to: url)
        // Root can give the file away; anyone can keep their own ids.
        let (uid, gid): (uid_t, gid_t) = getuid() == 0 ? (4321, 4321) : (getuid(), getgid())
        #expect(chown(url.path, uid, gid) == 0)
        try AtomicFile.write("second", to: url)
        let after = try #require(Self.status(url.path))
        #expect(after.st_uid == uid && after.st_gid == gid)
    }

    @Test func aSymbolicLinkIsWrittenThroughAndKept() throws {
        let dir = try Fixtures.temporaryDirectory()
        let target = dir.appendingPathComponent("real.json")
        let link = dir.appendingPathComponent("link.json")
        try AtomicFile.write("old", to: target)
        #expect(chmod(target.path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.json")
        try AtomicFile.write("new", to: link)
        #expect(Self.type(link.path, follow: false) == S_IFLNK, "the link is still a link")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.json")
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
        #expect(Int(Self.status(target.path)!.st_mode & 0o7777) == 0o600)
        // A dangling link: the file it names is created, the link stays.
        let dangling = dir.appendingPathComponent("dangling.json")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: "made.json")
        try AtomicFile.write("made", to: dangling)
        #expect(Self.type(dangling.path, follow: false) == S_IFLNK)
        #expect(try String(contentsOf: dir.appendingPathComponent("made.json"), encoding: .utf8) == "made")
        #expect(try Self.leftovers(dir).isEmpty)
    }

    /// Names up to NAME_MAX bytes (255 on Linux and macOS), in ASCII and in two-byte characters.
    @Test(arguments: [234, 250, 255])
    func longNamesThatTouchAcceptsCanBeWritten(length: Int) throws {
        let dir = try Fixtures.temporaryDirectory()
        for stem in ["a", "é"] {
            let count = (length - 5) / stem.utf8.count
            let name = String(repeating: stem, count: count) + String(repeating: "b", count: length - 5 - count * stem.utf8.count) + ".json"
            #expect(name.utf8.count == length)
            let url = dir.appendingPathComponent(name)
            #expect(FileManager.default.createFile(atPath: url.path, contents: Data()), "the file system takes a \(length)-byte name")
            try AtomicFile.write("{}", to: url)
            try AtomicFile.write("{\"again\": 1}", to: url)
            #expect(try String(contentsOf: url, encoding: .utf8) == "{\"again\": 1}")
        }
        #expect(try Self.leftovers(dir).isEmpty)
    }

    @Test func aSetIsWrittenAllOrNothing() throws {
        let dir = try Fixtures.temporaryDirectory()
        let a = dir.appendingPathComponent("a.csv"), b = dir.appendingPathComponent("b.csv")
        try AtomicFile.write("old a", to: a)
        try AtomicFile.write("old b", to: b)
        // The third output cannot be created (its folder does not exist): neither a nor b changes.
        let missing = dir.appendingPathComponent("no-such-folder/c.csv")
        #expect(throws: FormatError.self) {
            try AtomicFile.writeAll([(Array("new a".utf8), a), (Array("new b".utf8), b), (Array("new c".utf8), missing)])
        }
        #expect(try String(contentsOf: a, encoding: .utf8) == "old a")
        #expect(try String(contentsOf: b, encoding: .utf8) == "old b")
        #expect(try Self.leftovers(dir).isEmpty)
        // An output that is an input (here through a hard link) is refused before anything is written.
        let input = dir.appendingPathComponent("input.csv")
        try AtomicFile.write("input", to: input)
        let alias = dir.appendingPathComponent("alias.csv")
        #expect(link(input.path, alias.path) == 0)
        let inode = Self.status(a.path)!.st_ino
        #expect {
            try AtomicFile.writeAll([(Array("new a".utf8), a), (Array("new alias".utf8), alias)], protecting: [input])
        } throws: { error in
            (error as? FormatError) == .wouldOverwriteInput(path: alias.path)
        }
        #expect(Self.status(a.path)!.st_ino == inode, "a was not replaced")
        #expect(try String(contentsOf: input, encoding: .utf8) == "input")
        // Two outputs naming one file are refused too.
        #expect(throws: FormatError.self) {
            try AtomicFile.writeAll([(Array("1".utf8), a), (Array("2".utf8), dir.appendingPathComponent("./a.csv"))])
        }
        // And a set that can be written is.
        try AtomicFile.writeAll([(Array("new a".utf8), a), (Array("new b".utf8), b)])
        #expect(try String(contentsOf: a, encoding: .utf8) + String(contentsOf: b, encoding: .utf8) == "new anew b")
        #expect(try Self.leftovers(dir).isEmpty)
    }
}
