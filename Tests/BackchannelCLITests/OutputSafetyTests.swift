import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Outputs of the CLI never destroy an input, a device or a file's permissions (issue 8).
@Suite("CLI outputs never destroy anything", .serialized)
struct OutputSafetyTests {
    static func inode(_ url: URL) -> ino_t? {
        var info = stat()
        return stat(url.path, &info) == 0 ? info.st_ino : nil
    }

    /// A folder holding `net-edges.csv`, `net-nodes.csv` and `net-sources.csv` for the small fixture.
    static func sheets() throws -> (dir: URL, edges: URL, nodes: URL, sources: URL) {
        let dir = try Fixtures.temporaryDirectory()
        let json = dir.appendingPathComponent("net.json")
        try Fixtures.small.jsonText().write(to: json, atomically: true, encoding: .utf8)
        let edges = dir.appendingPathComponent("net-edges.csv")
        let made = try Fixtures.run(["convert", json.path, edges.path])
        #expect(made.status == 0, "\(made.stderr)")
        try FileManager.default.removeItem(at: json)
        return (dir, edges, dir.appendingPathComponent("net-nodes.csv"), dir.appendingPathComponent("net-sources.csv"))
    }

    /// Snapshot of a folder: each name with its inode and bytes, so a rewrite with the same bytes shows.
    static func snapshot(_ dir: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            let url = dir.appendingPathComponent(name)
            out[name] = "\(inode(url) ?? 0):\(try Data(contentsOf: url).base64EncodedString())"
        }
        return out
    }

    @Test func convertingSheetsOntoThemselvesTouchesNothing() throws {
        let (dir, edges, _, _) = try Self.sheets()
        let before = try Self.snapshot(dir)
        let result = try Fixtures.run(["convert", edges.path, edges.path])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("refusing to write"))
        #expect(try Self.snapshot(dir) == before, "no sheet rewritten (net-nodes.csv keeps its inode), no temporary left")
    }

    @Test func aSiblingSheetIsProtectedLikeTheInput() throws {
        let (dir, edges, nodes, sources) = try Self.sheets()
        let before = try Self.snapshot(dir)
        for (args, target) in [
            (["export", edges.path, "--format", "json", "-o", sources.path], sources),
            (["export", edges.path, "--format", "dot", "-o", nodes.path], nodes),
            (["convert", edges.path, sources.path, "--to", "json"], sources),
            (["centrality", edges.path, "--measure", "degree", "-o", nodes.path], nodes),
        ] {
            let result = try Fixtures.run(args)
            #expect(result.status == 73, "\(args): \(result.stderr)")
            #expect(result.stderr.contains("refusing to write \(target.path)"), "\(args): \(result.stderr)")
        }
        #expect(try Self.snapshot(dir) == before)
    }

    @Test func anOutputSheetThatIsAnInputStopsTheWholeSet() throws {
        // Writing other sheets whose nodes sheet is the input's: nothing at all is written.
        let (dir, edges, nodes, _) = try Self.sheets()
        let other = dir.appendingPathComponent("other-edges.csv")
        #expect(link(nodes.path, dir.appendingPathComponent("other-nodes.csv").path) == 0)
        let before = try Self.snapshot(dir)
        let result = try Fixtures.run(["convert", edges.path, other.path])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(try Self.snapshot(dir) == before, "neither other-edges.csv nor other-sources.csv was written")
    }

    @Test func mappingAndHighlightFilesAreProtected() throws {
        let dir = try Fixtures.temporaryDirectory()
        let table = dir.appendingPathComponent("table.csv")
        try "from,to\na,b\nb,c\n".write(to: table, atomically: true, encoding: .utf8)
        let mapping = dir.appendingPathComponent("mapping.txt")
        try "source = from\ntarget = to\n".write(to: mapping, atomically: true, encoding: .utf8)
        let check = try Fixtures.run(["convert", table.path, dir.appendingPathComponent("ok.json").path, "--mapping", mapping.path])
        #expect(check.status == 0, "the mapping is valid: \(check.stderr)")
        let mappingBefore = try Self.snapshot(dir)
        let onMapping = try Fixtures.run(["convert", table.path, mapping.path, "--to", "json", "--mapping", mapping.path])
        #expect(onMapping.status == 73, "\(onMapping.stderr)")
        #expect(try Self.snapshot(dir) == mappingBefore)

        let input = dir.appendingPathComponent("net.json")
        try Fixtures.small.jsonText().write(to: input, atomically: true, encoding: .utf8)
        let paths = dir.appendingPathComponent("paths.json")
        let made = try Fixtures.run(["paths", input.path, "--from", "ngo", "--to", "war", "--format", "json", "-o", paths.path])
        #expect(made.status == 0, "\(made.stderr)")
        let before = try Self.snapshot(dir)
        let onHighlight = try Fixtures.run(["render", input.path, "--format", "dot", "--highlight-paths", paths.path, "-o", paths.path])
        #expect(onHighlight.status == 73, "\(onHighlight.stderr)")
        #expect(try Self.snapshot(dir) == before)
    }

    @Test func aFullDeviceExits73WithNoSpace() throws {
        let dir = try Fixtures.temporaryDirectory()
        // Through a link in the test's folder: a regression replaces the link, never /dev/full itself.
        let full = dir.appendingPathComponent("full.json")
        try FileManager.default.createSymbolicLink(atPath: full.path, withDestinationPath: "/dev/full")
        let result = try Fixtures.run(["export", "--format", "json", "-o", full.path])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.lowercased().contains("no space"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: full.path) == "/dev/full")
        let null = dir.appendingPathComponent("null.svg")
        try FileManager.default.createSymbolicLink(atPath: null.path, withDestinationPath: "/dev/null")
        let ok = try Fixtures.run(["render", "--format", "dot", "-o", null.path])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: null.path) == "/dev/null")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["full.json", "null.svg"])
    }

    @Test func standardOutputRedirectedToAFileIsWrittenNotReplaced() throws {
        // As `(echo head; backchannel export -o /dev/stdout) > out.txt`: the first line survives.
        let dir = try Fixtures.temporaryDirectory()
        let out = dir.appendingPathComponent("out.txt")
        try "head\n".write(to: out, atomically: true, encoding: .utf8)
        let inode = Self.inode(out)
        let handle = try FileHandle(forWritingTo: out)
        try handle.seekToEnd()
        let process = Process()
        process.executableURL = Fixtures.executable
        process.arguments = ["export", "--format", "json", "-o", "/dev/stdout"]
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        #expect(process.terminationStatus == 0)
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.hasPrefix("head\n{"), "the redirection's earlier output is kept")
        #expect(Self.inode(out) == inode, "the file was written, not replaced")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.txt"])
    }

    @Test func aPrivateFileStaysPrivate() throws {
        let dir = try Fixtures.temporaryDirectory()
        let out = dir.appendingPathComponent("scores.json")
        try "old".write(to: out, atomically: true, encoding: .utf8)
        #expect(chmod(out.path, 0o600) == 0)
        let result = try Fixtures.run(["centrality", "--measure", "degree", "--format", "json", "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        var info = stat()
        #expect(stat(out.path, &info) == 0 && info.st_mode & 0o777 == 0o600, "still 0600, not world-readable")
    }

    /// 234 bytes failed when the process id and random number were long; 250 and 255 always did.
    @Test(arguments: [234, 250, 255])
    func aLongOutputNameWorksWhereTouchDoes(length: Int) throws {
        let dir = try Fixtures.temporaryDirectory()
        let name = String(repeating: "n", count: length - ".json".count) + ".json"
        let out = dir.appendingPathComponent(name)
        #expect(FileManager.default.createFile(atPath: out.path, contents: Data()), "the file system takes the name")
        let result = try Fixtures.run(["export", "--format", "json", "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Network(contentsOf: out) == Network.bundled())
    }
}
