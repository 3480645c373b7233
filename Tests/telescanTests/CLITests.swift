import Foundation
import XCTest

/// End to end: runs the built `telescan` binary (beside the test bundle, in the products
/// directory) on small inputs and checks its output, its standard error and its exit status.
final class CLITests: XCTestCase {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: [UInt8]
    }

    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let binary: String? = {
        var dirs = [Bundle(for: CLITests.self).bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL]
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            dirs.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        for d in dirs {
            let p = d.appendingPathComponent("telescan").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }()

    /// A unique word in every note: it must never reach standard error.
    static let marker = "Quuxblatt"
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("telescan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // A telehealth note with elements missing (needs_query whatever the profile rules)
        // and an in-person note.
        try write("video.txt", "Video visit with \(Self.marker) Smith. I spent 25 minutes with the patient.\n")
        try write("office.txt", "Office visit in clinic. \(Self.marker) seen face to face for knee pain.\n")
        try write("mixed.jsonl", """
        {"id":"a","text":"Video visit with \(Self.marker). I spent 25 minutes."}
        {"id":"b","text": broken \(Self.marker)

        """)
    }

    override func tearDownWithError() throws {
        if let dir { try? FileManager.default.removeItem(at: dir) }
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// Runs telescan with the repository's rule data and a fixed date.
    func telescan(_ args: [String], stdin: String? = nil, env: [String: String] = [:], stdoutPath: String? = nil,
                  file: StaticString = #filePath, line: UInt = #line) throws -> Run {
        let binary = try XCTUnwrap(Self.binary, "telescan binary not found beside the tests", file: file, line: line)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        var full = args
        if let sub = full.first, ["scan", "explain"].contains(sub) {
            full.insert(contentsOf: ["--lexicons", Self.root + "/Lexicons", "--date", "2026-06-15", "-j", "2"], at: 1)
        }
        p.arguments = full
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NO_COLOR")
        // Each test starts with no rule cache, and never writes to the user's.
        environment["TELESCAN_CACHE_DIR"] = path("rule-cache")
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        // Files, not pipes: no deadlock whatever the output size.
        let out = dir.appendingPathComponent("stdout-\(UUID().uuidString)")
        let err = dir.appendingPathComponent("stderr-\(UUID().uuidString)")
        let input = dir.appendingPathComponent("stdin-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        _ = FileManager.default.createFile(atPath: input.path, contents: Data((stdin ?? "").utf8))
        p.standardOutput = try FileHandle(forWritingTo: stdoutPath.map(URL.init(fileURLWithPath:)) ?? out)
        p.standardError = try FileHandle(forWritingTo: err)
        p.standardInput = try FileHandle(forReadingFrom: input)
        try p.run()
        p.waitUntilExit()
        let o = try Data(contentsOf: out), e = try Data(contentsOf: err)
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                   stderr: String(decoding: e, as: UTF8.self), stdoutBytes: Array(o))
    }

    func json(_ s: Substring) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(s.utf8)) as? [String: Any])
    }

    // MARK: Formats

    func testJSONLinesIsTheDefaultWhenStdoutIsNotATerminal() throws {
        let r = try telescan(["scan", path("video.txt"), path("office.txt")])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(try json(lines[0])["status"] as? String, "needs_query")
        XCTAssertEqual(try json(lines[1])["status"] as? String, "not_telehealth")
        XCTAssertEqual(r.stdout, try telescan(["scan", "--format", "jsonl", path("video.txt"), path("office.txt")]).stdout)
        XCTAssertEqual(r.stderr, "")
    }

    func testJSONIsOneArray() throws {
        let r = try telescan(["scan", "--format", "json", path("video.txt"), path("office.txt")])
        XCTAssertEqual(r.status, 0, r.stderr)
        let array = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdoutBytes)) as? [[String: Any]])
        XCTAssertEqual(array.map { $0["status"] as? String }, ["needs_query", "not_telehealth"])
    }

    func testCSVHasAHeaderAndOneRowPerNote() throws {
        let r = try telescan(["scan", "--format", "csv", path("video.txt"), path("office.txt")])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = r.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(rows.first, "id,status,profile,service,codes,missing,queries,evidence,assumptions,warnings,error")
        XCTAssertEqual(rows.count, 3)
        XCTAssertTrue(rows[1].contains(",needs_query,cpt,telemedicine_visit,"), rows[1])
        XCTAssertTrue(rows[1].contains(#"time: ""spent 25 minutes""#) || rows[1].contains("time: \"\""), rows[1])
        let bom = try telescan(["scan", "--format", "csv", "--csv-bom", path("video.txt")])
        XCTAssertEqual(Array(bom.stdoutBytes.prefix(3)), [0xEF, 0xBB, 0xBF])
    }

    func testTextIsOneBlockPerNoteStatusFirst() throws {
        let r = try telescan(["scan", "--format", "text", path("video.txt"), path("office.txt")])
        XCTAssertEqual(r.status, 0, r.stderr)
        let blocks = r.stdout.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        XCTAssertEqual(blocks.count, 2)
        XCTAssertTrue(blocks[0].hasPrefix("NEEDS_QUERY"), blocks[0])
        XCTAssertTrue(blocks[1].hasPrefix("NOT_TELEHEALTH"), blocks[1])
        XCTAssertTrue(blocks[0].contains("\"spent 25 minutes\""), blocks[0])
        XCTAssertFalse(r.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    func testHTMLIsOneSelfContainedPage() throws {
        let r = try telescan(["scan", "--format", "html", path("video.txt"), path("office.txt")])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(r.stdout.hasSuffix("</html>\n"))
        XCTAssertEqual(r.stdout.components(separatedBy: "<section class=\"note\"").count - 1, 2)
        XCTAssertTrue(r.stdout.contains("2 records read: 2 notes, 0 errors."))
        XCTAssertFalse(r.stdout.lowercased().contains("<script"))
    }

    func testExplainCommandAndScanExplainFlag() throws {
        let r = try telescan(["explain", path("video.txt")])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("NEEDS_QUERY"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Service: telemedicine_visit"), r.stdout)
        XCTAssertTrue(r.stdout.contains("rule time."), r.stdout)
        XCTAssertEqual(try telescan(["scan", "--explain", path("video.txt")]).stdout, r.stdout)
        XCTAssertEqual(try telescan(["scan", "--explain", "--format", "csv", path("video.txt")]).status, 2)
    }

    func testStdinStreamsOneRecord() throws {
        let r = try telescan(["scan"], stdin: "Video visit with \(Self.marker). I spent 25 minutes.\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1)
        XCTAssertEqual(try json(lines[0])["service"] as? String, "telemedicine_visit")
    }

    // MARK: Options that apply to every format

    func testNoQuotesAppliesToEveryFormat() throws {
        for format in ["jsonl", "json", "csv", "text", "html"] {
            let quoted = try telescan(["scan", "--format", format, path("video.txt")])
            XCTAssertTrue(quoted.stdout.contains("spent 25 minutes"), format)
            let bare = try telescan(["scan", "--format", format, "--no-quotes", path("video.txt")])
            XCTAssertEqual(bare.status, 0)
            XCTAssertFalse(bare.stdout.contains("spent 25 minutes"), format)
            XCTAssertFalse(bare.stdout.contains(Self.marker), format)
        }
        let explain = try telescan(["explain", "--no-quotes", path("video.txt")])
        XCTAssertFalse(explain.stdout.contains("spent 25 minutes"), explain.stdout)
    }

    func testIncludeTextAddsTheNote() throws {
        for format in ["jsonl", "json", "csv", "text", "html"] {
            let r = try telescan(["scan", "--format", format, "--include-text", path("office.txt")])
            XCTAssertTrue(r.stdout.contains("\(Self.marker) seen face to face"), format)
        }
        let line = try telescan(["scan", "--include-text", path("office.txt")]).stdout.split(separator: "\n")[0]
        XCTAssertEqual(try json(line)["text"] as? String, "Office visit in clinic. \(Self.marker) seen face to face for knee pain.\n")
    }

    func testColourOnlyWhenAskedAndNeverWithNO_COLOR() throws {
        let coloured = try telescan(["scan", "--format", "text", "--color", "always", path("video.txt")])
        XCTAssertTrue(coloured.stdout.contains("\u{1B}["))
        let off = try telescan(["scan", "--format", "text", "--color", "always", path("video.txt")], env: ["NO_COLOR": "1"])
        XCTAssertFalse(off.stdout.contains("\u{1B}"))
        let explainOff = try telescan(["explain", "--color", "always", path("video.txt")], env: ["NO_COLOR": "1"])
        XCTAssertFalse(explainOff.stdout.contains("\u{1B}"))
        XCTAssertEqual(off.stdout, try telescan(["scan", "--format", "text", path("video.txt")]).stdout)
    }

    /// On a terminal (a pseudo-terminal from util-linux `script`): text by default, coloured
    /// unless NO_COLOR is set.
    func testTerminalGetsColouredTextByDefault() throws {
        let script = "/usr/bin/script"
        guard FileManager.default.isExecutableFile(atPath: script) else { throw XCTSkip("no \(script) to make a terminal") }
        let binary = try XCTUnwrap(Self.binary)
        let command = [binary, "scan", "--lexicons", Self.root + "/Lexicons", path("video.txt")].map { "'\($0)'" }.joined(separator: " ")
        let tty = try runProgram(script, ["-qec", command, "/dev/null"])
        XCTAssertTrue(tty.contains("\u{1B}[1;33mNEEDS_QUERY\u{1B}[0m"), tty)
        let plain = try runProgram(script, ["-qec", command, "/dev/null"], env: ["NO_COLOR": "1"])
        XCTAssertTrue(plain.hasPrefix("NEEDS_QUERY  "), plain)
        XCTAssertFalse(plain.contains("\u{1B}"), plain)
    }

    /// Runs another program (no stdin) and returns its standard output.
    func runProgram(_ exe: String, _ args: [String], env: [String: String] = [:]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NO_COLOR")
        environment["TELESCAN_CACHE_DIR"] = path("rule-cache")
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = dir.appendingPathComponent("tty-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return String(decoding: try Data(contentsOf: out), as: UTF8.self)
    }

    // MARK: Rule cache

    /// A scan keeps the loaded rules in the cache folder and gives the same records from it; a
    /// rule file edited afterwards is read again (a coder's change works without a rebuild);
    /// `--no-cache` neither reads nor writes it.
    func testRuleCacheIsUsedAndNeverStale() throws {
        let lexicons = path("lexicons")
        try FileManager.default.copyItem(atPath: Self.root + "/Lexicons", toPath: lexicons)
        try write("zoom.txt", "Visit over Quuxcast today with \(Self.marker). I spent 25 minutes.\n")
        let cacheDir = path("rule-cache")
        let args = ["--lexicons", lexicons, "--date", "2026-06-15", path("video.txt"), path("zoom.txt")]

        let uncached = try telescan(["--no-cache"] + args)
        XCTAssertEqual(uncached.status, 0, uncached.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cacheDir), "--no-cache wrote a cache")
        let first = try telescan(args)
        let files = try FileManager.default.contentsOfDirectory(atPath: cacheDir)
        XCTAssertEqual(files.count, 1, "\(files)")
        XCTAssertTrue(files[0].hasPrefix("rules-") && files[0].hasSuffix(".bin"), files[0])
        let second = try telescan(args)
        XCTAssertEqual(first.stdout, uncached.stdout)
        XCTAssertEqual(second.stdout, uncached.stdout)
        XCTAssertFalse(second.stdout.contains("Quuxcast"), "the platform is unknown before the edit")

        // A new platform in a list file: the next run must see it.
        let platforms = lexicons + "/lists/platforms.yaml"
        var yaml = try String(contentsOfFile: platforms, encoding: .utf8)
        let anchor = try XCTUnwrap(yaml.range(of: "phrases: ["))
        yaml.insert(contentsOf: "Quuxcast, ", at: anchor.upperBound)
        try yaml.write(toFile: platforms, atomically: true, encoding: .utf8)
        let edited = try telescan(args)
        XCTAssertTrue(edited.stdout.contains("Quuxcast"), edited.stdout)
        XCTAssertEqual(edited.stdout, try telescan(["--no-cache"] + args).stdout)
    }

    /// The rules start loading before the arguments are parsed; the scan must use that load
    /// whether or not there is a cache folder, and with `--no-cache`, never load them twice.
    func testRulesLoadOnceWithOrWithoutACacheFolder() throws {
        let base = ["TELESCAN_LEXICONS": Self.root + "/Lexicons", "TELESCAN_STARTUP_PROFILE": "1"]
        let noFolder = ["TELESCAN_CACHE_DIR": "", "XDG_CACHE_HOME": "", "HOME": ""]
        for (env, extra) in [(noFolder, [String]()), ([:], []), ([:], ["--no-cache"])] {
            let r = try telescan(["--date", "2026-06-15"] + extra + [path("video.txt")], env: base.merging(env) { $1 })
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(r.stderr.components(separatedBy: "rules compiled").count - 1, 1, "\(env) \(extra): \(r.stderr)")
        }
    }

    // MARK: Summary

    func testSummaryDashWritesToStandardErrorOnly() throws {
        let plain = try telescan(["scan", path("video.txt"), path("office.txt")])
        let r = try telescan(["scan", "--summary", "-", path("video.txt"), path("office.txt")])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.stdout, plain.stdout, "the summary must not touch standard output")
        XCTAssertTrue(r.stderr.contains("records read"), r.stderr)
        XCTAssertTrue(r.stderr.contains("needs_query"), r.stderr)
        XCTAssertTrue(r.stderr.contains("notes/s"), r.stderr)
    }

    func testSummaryFileAsJSON() throws {
        let file = path("summary.json")
        let r = try telescan(["scan", "--summary", file, "--summary-format", "json", path("mixed.jsonl"), path("office.txt")])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        let s = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        XCTAssertEqual(s["records"] as? Int, 3)
        XCTAssertEqual(s["errors"] as? Int, 1)
        XCTAssertEqual((s["status"] as? [String: Int])?["not_telehealth"], 1)
    }

    // MARK: Exit statuses

    func testFailOnExitStatuses() throws {
        XCTAssertEqual(try telescan(["scan", path("video.txt")]).status, 0)
        XCTAssertEqual(try telescan(["scan", "--fail-on", "needs_query", path("video.txt")]).status, 1)
        XCTAssertEqual(try telescan(["scan", "--fail-on", "needs_query", path("office.txt")]).status, 0)
        XCTAssertEqual(try telescan(["scan", "--fail-on", "error", path("video.txt")]).status, 0)
        let broken = try telescan(["scan", "--fail-on", "error", path("mixed.jsonl")])
        XCTAssertEqual(broken.status, 1)
        XCTAssertEqual(broken.stdout.split(separator: "\n").count, 2, "every record is still printed")
        XCTAssertEqual(try telescan(["scan", "--fail-on", "any", path("mixed.jsonl")]).status, 1)
        XCTAssertEqual(try telescan(["scan", "--fail-on", "any", path("office.txt")]).status, 0)
        XCTAssertEqual(try telescan(["explain", "--fail-on", "any", path("video.txt")]).status, 1)
    }

    /// `--version` prints the release; `-j2` is `-j 2`, as in ripgrep and make.
    func testVersionAndJoinedJobs() throws {
        let v = try telescan(["--version"])
        XCTAssertEqual(v.status, 0)
        XCTAssertTrue(v.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, v.stdout)
        let joined = try telescan(["scan", "-j2", path("video.txt")])
        XCTAssertEqual(joined.status, 0, joined.stderr)
        XCTAssertEqual(joined.stdout, try telescan(["scan", "-j", "2", path("video.txt")]).stdout)
    }

    func testUsageErrorsExit2() throws {
        for args in [["scan", "--format", "xml"], ["scan", "--fail-on", "maybe"], ["scan", "--bogus"],
                     ["scan", "--summary-format", "yaml"], ["scan", "--color", "sometimes"], ["scan", "-j", "0"]] {
            let r = try telescan(args + [path("video.txt")])
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
            XCTAssertEqual(r.stdout, "", "\(args)")
            XCTAssertFalse(r.stderr.isEmpty, "\(args)")
        }
    }

    /// `rules check` takes the Lexicons folder as `scan` does (`--lexicons DIR`) or as an
    /// argument; a folder without rules is an error.
    func testRulesCheckTakesTheLexiconsFolderEitherWay() throws {
        let lexicons = Self.root + "/Lexicons"
        for args in [["rules", "check", "--lexicons", lexicons], ["rules", "check", lexicons]] {
            let r = try telescan(args)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stdout.contains("0 problems"), r.stdout)
        }
        let empty = try telescan(["rules", "check", "--lexicons", dir.path])
        XCTAssertNotEqual(empty.status, 0)
        let both = try telescan(["rules", "check", "--lexicons", lexicons, dir.path])
        XCTAssertEqual(both.status, 2, "a usage error")
        XCTAssertTrue(both.stderr.contains("once"), both.stderr)
    }

    func testMissingInputAndUnwritableSummaryExit2() throws {
        let missing = try telescan(["scan", path("nope.txt")])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("nope.txt"), missing.stderr)
        let later = try telescan(["scan", path("video.txt"), path("nope.txt")])
        XCTAssertEqual(later.status, 2)
        let summary = try telescan(["scan", "--summary", path("no/such/dir/summary.txt"), path("video.txt")])
        XCTAssertEqual(summary.status, 2)
        XCTAssertEqual(summary.stdout, "", "an unwritable summary fails before the scan")
        if FileManager.default.fileExists(atPath: "/dev/full") {
            let full = try telescan(["scan", path("video.txt")], stdoutPath: "/dev/full")
            XCTAssertEqual(full.status, 2)
            XCTAssertTrue(full.stderr.contains("cannot write output"), full.stderr)
            let fullSummary = try telescan(["scan", "--summary", "/dev/full", path("video.txt")])
            XCTAssertEqual(fullSummary.status, 2)
            XCTAssertTrue(fullSummary.stderr.contains("cannot write summary"), fullSummary.stderr)
        }
    }

    func testNoNoteTextOnStandardError() throws {
        var runs: [Run] = []
        for format in ["jsonl", "json", "csv", "text", "html"] {
            runs.append(try telescan(["scan", "--format", format, "--include-text", "--summary", "-", path("video.txt"), path("mixed.jsonl")]))
        }
        runs.append(try telescan(["explain", "--summary", "-", path("mixed.jsonl")]))
        runs.append(try telescan(["scan", "--summary", "-", path("video.txt"), path("nope.txt")]))
        runs.append(try telescan(["scan", "--summary", "-"], stdin: "{\"id\":\"z\",\"text\": \(Self.marker) broken\n"))
        for r in runs {
            XCTAssertFalse(r.stderr.contains(Self.marker), r.stderr)
            XCTAssertFalse(r.stderr.contains("spent 25"), r.stderr)
        }
        XCTAssertTrue(runs[0].stdout.contains(Self.marker), "the marker is in the output, so the check above means something")
    }
}
