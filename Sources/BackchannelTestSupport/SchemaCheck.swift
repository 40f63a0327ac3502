import Foundation

/// Checks written GraphML and GEXF against their official XSDs with `xmllint` (Debian's
/// libxml2-utils) and the schemas in `../shared/data/schemas/` (not committed: the GraphML schema's
/// licence is not stated).
public enum SchemaCheck {
    /// `../shared/data/schemas`.
    public static var schemas: URL { Fixtures.sharedData.appendingPathComponent("schemas") }

    /// The `xmllint` executable, if installed.
    public static var xmllint: String? {
        ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether `xmllint` and both XSDs are present.
    public static var available: Bool {
        xmllint != nil
            && ["graphml-1.0/graphml.xsd", "gexf-1.3/gexf.xsd"].allSatisfy {
                FileManager.default.fileExists(atPath: schemas.appendingPathComponent($0).path)
            }
    }

    /// `xmllint --noout --nonet --schema XSD file`: nil when `text` is valid, else what xmllint said.
    /// `schema` is a path under ``schemas``, e.g. `"gexf-1.3/gexf.xsd"`.
    public static func validate(_ text: String, schema: String) throws -> String? {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("out.xml")
        try Data(text.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint!)
        process.arguments = ["--noout", "--nonet", "--schema", schemas.appendingPathComponent(schema).path, file.path]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = Pipe()
        try process.run()
        let said = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : said
    }
}
