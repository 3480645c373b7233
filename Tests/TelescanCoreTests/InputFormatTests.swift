import XCTest
@testable import TelescanCore

final class InputFormatTests: XCTestCase {
    func sniff(_ path: String?, _ head: String, _ options: InputOptions = InputOptions()) -> InputFormat {
        InputFormat.sniff(path: path, head: ArraySlice(Array(head.utf8)), options: options)
    }

    func testSniffByExtension() {
        XCTAssertEqual(sniff("a.txt", "MSH|^~\\&|"), .text)
        XCTAssertEqual(sniff("a.jsonl", "{\"id\":1,\"text\":\"x\"}\n"), .jsonl)
        XCTAssertEqual(sniff("DocumentReference.ndjson", "{\"resourceType\":\"DocumentReference\",\"id\":\"1\"}\n"), .fhir)
        XCTAssertEqual(sniff("a.ndjson", "{\"id\":1}\n{\"resourceType\":\"Patient\"}\n"), .jsonl)
        XCTAssertEqual(sniff("a.csv", "id,text\n"), .csv)
        XCTAssertEqual(sniff("a.csv", "note_id,line,text\n"), .linetable)
        XCTAssertEqual(sniff("a.tsv", "id\ttext\n"), .tsv)
        XCTAssertEqual(sniff("a.TSV", "NOTE_ID\tLINE\tNOTE_TEXT\n"), .linetable)
        XCTAssertEqual(sniff("a.hl7", "anything"), .hl7)
    }

    /// JSON key order is free: `resourceType` may come after a large attachment.
    func testFHIRIsRecognisedWhateverTheKeyOrder() throws {
        let big = String(repeating: "QUJD", count: 10_000)
        let line = "{\"content\":[{\"attachment\":{\"contentType\":\"text/plain\",\"data\":\"\(big)\"}}],\"id\":\"late\",\"resourceType\":\"DocumentReference\"}\n"
        XCTAssertEqual(InputFormat.jsonKind(firstLine: ArraySlice(Array(line.utf8.dropLast()))), .fhir)
        XCTAssertEqual(InputFormat.jsonKind(firstLine: ArraySlice(Array("{\"text\":\"a \\\"resourceType\\\" b\"}".utf8))), .jsonl)
        for ext in ["ndjson", "json"] {
            let r = try InputFixture.records(try inputFile(line, ext: ext))
            XCTAssertEqual(r.map(\.id), ["late"], ext)
        }
    }

    func testSniffByContent() {
        XCTAssertEqual(sniff(nil, "\u{0B}MSH|^~\\&|A"), .hl7)
        XCTAssertEqual(sniff("export.dat", "MSH|^~\\&|A"), .hl7)
        XCTAssertEqual(sniff(nil, "\u{FEFF}{\"resourceType\":\"DocumentReference\"}"), .fhir)
        XCTAssertEqual(sniff(nil, "{\"id\":\"1\",\"text\":\"x\"}"), .jsonl)
        XCTAssertEqual(sniff(nil, "\"id\",\"text\",\"service_date\"\r\n1,x,y\r\n"), .csv)
        XCTAssertEqual(sniff(nil, "id\ttext\n"), .tsv)
        XCTAssertEqual(sniff(nil, "note_id\tline\ttext\n"), .linetable)
        XCTAssertEqual(sniff(nil, "Patient seen by video, text follows\n"), .text)
        XCTAssertEqual(sniff(nil, "MSH is a word here"), .text)
        var options = InputOptions()
        options.columns.text = "body"
        XCTAssertEqual(sniff(nil, "id,body\n", options), .csv)
        options.lineTable.columns.noteID = "NOTE"
        options.lineTable.columns.line = "SEQ"
        XCTAssertEqual(sniff("x.csv", "note,seq,body\n", options), .linetable)
    }

    /// The samples in Corpus/formats are read by auto-detection, each note once, without errors.
    func testBundledSamplesAreReadByAutoDetection() throws {
        let dir = Repo.corpus + "/formats"
        let expected = ["notes.csv": 12, "notes.tsv": 12, "note-lines.csv": 12, "mdm-batch.hl7": 12, "fhir-export.ndjson": 15]
        var chain = InputChain(paths: expected.keys.sorted().map { dir + "/" + $0 }, options: InputOptions())
        var seen: [String: Int] = [:]
        var ids: Set<String> = []
        while let r = try chain.next() {
            XCTAssertNil(r.error, r.error?.message ?? "")
            XCTAssertEqual(r.serviceDate, "2026-06-15", r.id)
            XCTAssertFalse(r.text.isEmpty, r.id)
            ids.insert(r.id)
            seen[r.id.contains("_") ? "plain" : "fhir", default: 0] += 1
        }
        XCTAssertEqual(seen["plain"], 48)
        XCTAssertEqual(seen["fhir"], 15)
        XCTAssertEqual(chain.stats.skippedResources, ["Patient": 1, "Encounter": 1])
        XCTAssertTrue(ids.contains("av-missing-provider-004#2") && ids.contains("sample-report-1"))
    }
}
