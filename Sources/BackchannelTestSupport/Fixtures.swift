import BackchannelModel
import Foundation

/// Paths and networks shared by the test targets.
public enum Fixtures {
    /// The package's root folder (where Package.swift is).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Sources/BackchannelTestSupport/Fixtures.swift
        return url
    }()

    public static var rendersDirectory: URL { packageRoot.appendingPathComponent("Renders") }
    public static var datasetsDirectory: URL { packageRoot.appendingPathComponent("Datasets") }
    /// Test inputs committed with the package (`Tests/Fixtures`): present in every clone.
    public static var committedFixtures: URL { packageRoot.appendingPathComponent("Tests/Fixtures") }
    /// Graphviz's own test graphs (EPL-1.0, see its README.md): `valid/` and `edge-cases/`.
    public static var dotCorpus: URL { committedFixtures.appendingPathComponent("graphviz-dot-corpus") }

    /// The project's shared material beside the checkout (`../shared/data`). Only the project's own
    /// machines have it; tests that need it are enabled with ``hasSharedPAX`` and skipped elsewhere.
    public static var sharedData: URL { packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data") }
    /// PeaceRep's PA-X signatory links table in ``sharedData`` (not committed: its terms are unclear).
    public static var sharedPAXSignatories: URL { sharedData.appendingPathComponent("peace-processes/paax_signatories_links_table.csv") }
    /// Whether ``sharedPAXSignatories`` is present, for `.enabled(if: Fixtures.hasSharedPAX, Fixtures.needsSharedPAX)`.
    public static var hasSharedPAX: Bool { FileManager.default.isReadableFile(atPath: sharedPAXSignatories.path) }
    /// Why a test that reads the real PA-X table is skipped where it is absent.
    public static let needsSharedPAX =
        "needs ../shared/data/peace-processes/paax_signatories_links_table.csv (PA-X data, not committed); the project-written fixture Tests/Fixtures/paax-shaped covers the same code paths"
    /// A small PA-X-shaped signatory table written by the project (`Tests/Fixtures/paax-shaped`).
    public static var paxShapedSignatories: URL { committedFixtures.appendingPathComponent("paax-shaped/signatories.csv") }

    /// The `backchannel` executable built beside the test bundle.
    public static var executable: URL {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ].compactMap { $0 }
        for directory in candidates {
            let url = directory.appendingPathComponent("backchannel")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug/backchannel")
    }

    /// A fresh, empty temporary folder.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("backchannel-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A small valid network with one of each kind, a designated actor and a `provides` edge.
    public static let small = Network(
        name: "small", title: "Small fixture",
        sources: [Source(id: "s1", citation: "Fixture source")],
        nodes: [
            Node(id: "ngo", label: "Peace NGO", kind: .convener, track: .two, sources: ["s1"]),
            Node(
                id: "group", label: "Armed group", kind: .participant,
                designations: [Designation(list: "FTO list", by: "State", since: 1997, sources: ["s1"])], sources: ["s1"]),
            Node(id: "war", label: "A war", kind: .conflict, years: Period(start: 1980, end: 2009), sources: ["s1"]),
            Node(id: "talks", label: "Talks", kind: .dialogue, track: .two, years: .year(1995), sources: ["s1"]),
            Node(id: "court", label: "A ruling", kind: .legal, years: .year(2010), sources: ["s1"]),
            Node(id: "gov", label: "Government", kind: .official, track: .one, sources: ["s1"]),
        ],
        edges: [
            Edge("ngo", .convenes, "talks", years: .year(1995), sources: ["s1"]),
            Edge("group", .participatesIn, "talks", years: .year(1995), sources: ["s1"]),
            Edge("talks", .addresses, "war", sources: ["s1"]),
            Edge("group", .partyTo, "war", sources: ["s1"]),
            Edge("gov", .partyTo, "war", sources: ["s1"]),
            Edge("ngo", .provides, "group", support: .training, weight: 2.5, years: Period(start: 1996, end: 1998), sources: ["s1"]),
            Edge(
                "court", .constrains, "ngo", years: Period(start: 2010),
                attributes: ["note": .string("scope"), "count": .int(3), "share": .double(0.5), "ok": .bool(true)], sources: ["s1"]),
        ]
    )

    /// Runs `executable` with `arguments` in `directory`; returns exit status, stdout and stderr.
    public static func run(
        _ arguments: [String], in directory: URL? = nil, stdin: Data? = nil, environment: [String: String] = [:]
    ) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
