import XCTest
import TelescanCore
import TelescanReport

/// The JSON Schema in docs/ matches what the `jsonl` and `json` printers write.
final class SchemaTests: XCTestCase {
    static func validator() throws -> SchemaValidator {
        let text = try String(contentsOfFile: Repo.docs + "/telescan-record.schema.json", encoding: .utf8)
        return try SchemaValidator(schema: try JSONValue.parse(text))
    }

    /// Scans the whole corpus with the bundled rules and returns the printed bytes.
    /// The corpus scanned with `printer`; `stride` > 1 scans every stride-th note (by name).
    static func scanCorpus(_ printer: some ResultPrinter, profile: String = "cpt", keepFindings: Bool = false, jobs: Int = 2,
                           stride: Int = 1) throws -> [UInt8] {
        let engine = ScanEngine(lexicons: try Repo.lexiconSet(), decider: try Decider.builtin(profile, lexiconsRoot: Repo.lexicons),
                                defaultDate: "2026-06-15", keepFindings: keepFindings)
        let dir = Repo.corpus + "/notes"
        let paths = stride <= 1 ? [dir]
            : try FileManager.default.contentsOfDirectory(atPath: dir).sorted().enumerated()
                .filter { $0.offset % stride == 0 }.map { dir + "/" + $0.element }
        var reader = InputChain(paths: paths, options: InputOptions())
        var out: [UInt8] = []
        var runner = ScanRunner(jobs: jobs)
        // Four groups a batch: with two or more jobs, groups are scanned at once.
        runner.batchNotes = 64
        runner.groupNotes = 16
        try runner.run(reader: &reader, engine: engine, printer: printer, write: { out += $0 }, observe: { _ in })
        return out
    }

    nonisolated(unsafe) static var cachedCorpusLines: [UInt8]?
    /// The corpus in JSON Lines with the defaults, scanned once for the tests that read it.
    static func corpusLines() throws -> [UInt8] {
        if let lines = cachedCorpusLines { return lines }
        let lines = try scanCorpus(JSONLinesPrinter())
        cachedCorpusLines = lines
        return lines
    }

    func assertValid(_ lines: [UInt8], _ v: SchemaValidator, minimum: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        var n = 0
        for l in lines.split(separator: 10) {
            let record = try JSONValue.parse(Array(l))
            let errors = v.validate(record)
            XCTAssertEqual(errors, [], "\(record["id"]?.stringValue ?? "?")", file: file, line: line)
            n += 1
        }
        XCTAssertGreaterThanOrEqual(n, minimum, file: file, line: line)
    }

    func testEveryCorpusRecordValidates() throws {
        let v = try Self.validator()
        let notes = try FileManager.default.contentsOfDirectory(atPath: Repo.corpus + "/notes").filter { $0.hasSuffix(".txt") }.count
        try assertValid(try Self.corpusLines(), v, minimum: notes)
    }

    func testCorpusRecordsValidateWithoutQuotesAndWithText() throws {
        let v = try Self.validator()
        let out = try Self.scanCorpus(JSONLinesPrinter(options: OutputOptions(noQuotes: true, includeText: true)), profile: "medicare")
        try assertValid(out, v, minimum: 100)
        let text = String(decoding: out, as: UTF8.self)
        XCTAssertFalse(text.contains("\"quote\""))
        XCTAssertTrue(text.contains("\"text\":"))
    }

    func testHandBuiltRecordsValidate() throws {
        let v = try Self.validator()
        for r in Fixtures.all {
            for options in [OutputOptions(), OutputOptions(noQuotes: true, includeText: true)] {
                let bytes = JSONLinesPrinter(options: options).render(r, index: 0)
                XCTAssertEqual(v.validate(try JSONValue.parse(bytes)), [], r.id)
            }
        }
    }

    func testBrokenRecordsDoNotValidate() throws {
        let v = try Self.validator()
        let good = try JSONValue.parse(JSONLinesPrinter().render(Fixtures.ready(), index: 0))
        XCTAssertEqual(v.validate(good), [])
        let code = good["codes"]!.arrayValue![0]
        let evidence = good["elements"]!["time"]!["evidence"]!.arrayValue![0]
        let broken: [(String, JSONValue)] = [
            ("no status", good.setting("status", nil)),
            ("unknown status", good.setting("status", .string("maybe"))),
            ("unknown service", good.setting("service", .string("telepathy"))),
            ("extra field", good.setting("colour", .string("red"))),
            ("error on a ready record", good.setting("error", .object([("code", .string("X")), ("message", .string("m"))]))),
            ("error record without error", good.setting("status", .string("error"))),
            ("units as a string", good.setting("codes", .array([code.setting("units", .string("1"))]))),
            ("unknown basis", good.setting("codes", .array([code.setting("basis", .string("vibes"))]))),
            ("five modifiers", good.setting("codes", .array([code.setting("modifiers", .array(Array(repeating: .string("93"), count: 5)))]))),
            ("pos as a number", good.setting("codes", .array([code.setting("pos", .number(10, isInteger: true))]))),
            ("negative offset", good.setting("elements", good["elements"]!.setting("time", good["elements"]!["time"]!.setting("evidence", .array([evidence.setting("start", .number(-1, isInteger: true))]))))),
            ("unknown element", good.setting("elements", good["elements"]!.setting("mood", .object([("value", .string("good")), ("evidence", .array([]))])))),
            ("minutes not whole", good.setting("elements", good["elements"]!.setting("time", good["elements"]!["time"]!.setting("minutes", .number(2.5, isInteger: false))))),
            ("missing without query", good.setting("missing", .array([.object([("element", .string("consent")), ("reason", .string("CONSENT_NOT_DOCUMENTED"))])]))),
            ("missing unknown element", good.setting("missing", .array([.object([("element", .string("weather")), ("reason", .string("X")), ("query", .string("q"))])]))),
        ]
        for (name, record) in broken {
            XCTAssertFalse(v.validate(record).isEmpty, "\(name) should not validate")
        }
    }

    func testValidatorRejectsKeywordsOutsideItsSubset() {
        XCTAssertThrowsError(try SchemaValidator(schema: try JSONValue.parse(#"{"type":"object","patternProperties":{}}"#)))
    }

    func testJSONArrayHoldsTheSameObjectsAsJSONLines() throws {
        let lines = try Self.corpusLines().split(separator: 10).map { try JSONValue.parse(Array($0)) }
        let array = try JSONValue.parse(try Self.scanCorpus(JSONArrayPrinter()))
        XCTAssertEqual(array.arrayValue?.count, lines.count)
        XCTAssertEqual(array.arrayValue ?? [], lines)
        XCTAssertEqual(try JSONValue.parse(Fixtures.print([], JSONArrayPrinter())), .array([]))
    }

    /// docs/output-contract.md's example record validates too.
    func testContractExampleValidates() throws {
        let doc = try String(contentsOfFile: Repo.docs + "/output-contract.md", encoding: .utf8)
        guard let start = doc.range(of: "```json\n"), let end = doc.range(of: "\n```", range: start.upperBound..<doc.endIndex) else {
            return XCTFail("no json example in output-contract.md")
        }
        let example = try JSONValue.parse(String(doc[start.upperBound..<end.lowerBound]))
        XCTAssertEqual(try Self.validator().validate(example), [])
    }
}
