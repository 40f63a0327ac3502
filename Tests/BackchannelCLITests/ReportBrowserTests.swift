import BackchannelFormats
import BackchannelModel
import BackchannelTestSupport
import Foundation
import Testing

/// Where the browser check can run: headless Chromium, chromedriver and Selenium for Python.
enum BrowserCheck {
    static func onPath(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    static let available: Bool = {
        guard onPath("chromium") || onPath("chromium-browser") || onPath("google-chrome"), onPath("chromedriver"), onPath("python3") else {
            return false
        }
        return (try? python(["-c", "import selenium"]).status) == 0
    }()

    static let why =
        "needs headless Chromium, chromedriver and Selenium (apt-get install chromium chromium-driver; python3 -m pip install selenium); .ci/run installs them"

    static var script: URL { Fixtures.packageRoot.appendingPathComponent("Tests/Browser/check_report.py") }

    /// Runs python3 with `arguments`, stopped after `seconds` by coreutils' `timeout` where it exists.
    static func python(_ arguments: [String], seconds: Int = 240) throws -> (status: Int32, output: String) {
        let process = Process()
        let timeout = URL(fileURLWithPath: "/usr/bin/timeout")
        if FileManager.default.isExecutableFile(atPath: timeout.path) {
            process.executableURL = timeout
            process.arguments = ["\(seconds)", "python3"] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3"] + arguments
        }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

@Suite("backchannel report", .serialized)
struct ReportCLITests {
    @Test func writesOneSelfContainedPageTheSameEachRun() throws {
        let dir = try Fixtures.temporaryDirectory()
        let a = dir.appendingPathComponent("a.html"), b = dir.appendingPathComponent("b.html")
        let first = try Fixtures.run(["report", "-o", a.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try Fixtures.run(["report", "-o", b.path]).status == 0)
        let bytes = try Data(contentsOf: a)
        #expect(bytes == (try Data(contentsOf: b)), "two runs give different bytes")
        let html = String(decoding: bytes, as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg") && html.contains("id=\"bc-data\""))
        #expect(!html.contains(" src=") && !html.contains("<link") && !html.contains("@import"))
        #expect(html.contains("id=\"bc-year\"") && html.contains("<li>none: the whole network</li>"))
    }

    @Test func statesItsFiltersAndRefusesAnUnknownActor() throws {
        let filtered = try Fixtures.run(["report", "--years", "1990-2000", "--without-designated"])
        #expect(filtered.status == 0, "\(filtered.stderr)")
        #expect(
            filtered.stdout.contains("<li>ties dated within 1990–2000 (undated ties kept)</li>")
                && filtered.stdout.contains("<li>without designated actors</li>"))
        #expect(!filtered.stdout.contains("Kurdistan Workers&#39; Party (PKK)</text>"))
        let unknown = try Fixtures.run(["report", "--without", "no-such-actor"])
        #expect(unknown.status == 65 && unknown.stderr.contains("no-such-actor"))
    }

    @Test(.enabled(if: BrowserCheck.available, Comment(rawValue: BrowserCheck.why)))
    func headlessChromiumSearchesClicksAndMovesTheTimeControl() throws {
        let dir = try Fixtures.temporaryDirectory()
        let page = dir.appendingPathComponent("report.html")
        let made = try Fixtures.run(["report", "-o", page.path])
        #expect(made.status == 0, "\(made.stderr)")
        let run = try BrowserCheck.python([BrowserCheck.script.path, page.path])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("all checks passed"))
    }

    @Test(.enabled(if: BrowserCheck.available, Comment(rawValue: BrowserCheck.why)))
    func hostileLabelsStayTextInTheBrowser() throws {
        let dir = try Fixtures.temporaryDirectory()
        let input = dir.appendingPathComponent("hostile.json"), page = dir.appendingPathComponent("hostile.html")
        try HostileReportNetwork.network.jsonText().write(to: input, atomically: true, encoding: .utf8)
        let made = try Fixtures.run(["report", input.path, "-o", page.path])
        #expect(made.status == 0, "\(made.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        for bad in HostileReportNetwork.forbidden { #expect(!html.contains(bad), "\(bad) appears raw") }
        let run = try BrowserCheck.python([BrowserCheck.script.path, page.path, "--hostile"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("all checks passed"))
    }
}
