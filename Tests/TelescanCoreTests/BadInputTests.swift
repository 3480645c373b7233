import XCTest
@testable import TelescanCore
import TelescanReport

/// One file per format, good records mixed with broken ones, through the whole scan: every
/// input record gives exactly one output record, in input order, and every error names its
/// file and where in it.
final class BadInputTests: XCTestCase {
    let good = "Video visit with the patient at home. Verbal consent obtained. I spent 25 minutes. Signed by Ada Quist, MD"

    func testBrokenRecordsInEveryFormatKeepTheirPlaceInTheOutput() throws {
        let csv = try inputFile("id,text\n"
            + "csv-1,\"\(good)\"\n"
            + "csv-2,\"stray \"quote\" in the middle\"\n"  // malformed row
            + "csv-3,too,many,fields\n"
            + "csv-4,\"\(good)\"\n", ext: "csv", name: "notes")
        let tsv = try inputFile("id\ttext\n"
            + "tsv-1\t\(good)\n"
            + "tsv-2\n"  // missing text (one field)
            + "tsv-3\t\"never closed\n", ext: "tsv", name: "notes")
        let lines = try inputFile("note_id,line,text\n"
            + "lt-1,2,\"\(good)\"\n"
            + "lt-2,x,bad line number\n"
            + ",1,row without a note id\n"
            + "lt-1,1,Telehealth note\n", ext: "csv", name: "lines")
        let fhir = try inputFile(try FormatEncoder.ndjson([
            FormatEncoder.documentReference(id: "fhir-1", attachments: [FormatEncoder.attachment(good, type: "text/plain")]),
            FormatEncoder.documentReference(id: "fhir-2", attachments: [["contentType": "text/plain", "data": "@@not base64@@"]]),
            FormatEncoder.documentReference(id: "fhir-3", attachments: [["contentType": "text/html", "url": "https://example.org/Binary/3"]]),
            ["resourceType": "Patient", "id": "skipped"],
            FormatEncoder.documentReference(id: "fhir-4", attachments: [["contentType": "application/pdf", "data": "JVBERi0xLjcK"]]),
            ["resourceType": "DocumentReference", "id": "fhir-5"],  // missing text
            FormatEncoder.documentReference(id: "fhir-6", attachments: [FormatEncoder.attachment("<p>\(good)</p>", type: "text/html")]),
        ]), ext: "ndjson", name: "export")
        let second = FormatEncoder.mdm(id: "hl7-2", text: good, number: 2, style: .segmentPerLine)
        let cut = second[..<second.range(of: "Progress note")!.lowerBound]  // cut inside the OBX segment
        let hl7 = try inputFile(FormatEncoder.mllp(FormatEncoder.mdm(id: "hl7-1", text: good, number: 1, style: .segmentPerLine))
            + "\u{0B}" + cut
            + FormatEncoder.mllp("MSH|^~\\&|A|B|C|D|x||MDM^T02|M3|P|2.5\rTXA|1|PN|TX|||||||||hl7-3\r")  // no OBX text
            + FormatEncoder.mllp(FormatEncoder.mdm(id: "hl7-4", text: good, number: 4, style: .formattedText)), ext: "hl7", name: "batch")
        let jsonl = try inputFile("{\"id\":\"j-1\",\"text\":\"\(good)\"}\n{\"id\":\"j-2\"}\n", ext: "jsonl", name: "notes")

        // id, error code (nil: a note), and what its message must contain.
        let expected: [(id: String, code: String?, at: String?)] = [
            ("csv-1", nil, nil), ("\(csv):2", "CSV_BAD_QUOTE", "\(csv) line 3 (row 2)"),
            ("\(csv):3", "CSV_FIELD_COUNT", "\(csv) line 4 (row 3)"), ("csv-4", nil, nil),
            ("tsv-1", nil, nil), ("\(tsv):2", "CSV_FIELD_COUNT", "\(tsv) line 3 (row 2)"),
            ("\(tsv):3", "CSV_UNTERMINATED_QUOTE", "\(tsv) line 4 (row 3)"),
            ("lt-1", nil, nil), ("lt-2", "INVALID_LINE_NUMBER", "\(lines) line 3 (row 2)"),
            ("\(lines):3", "MISSING_NOTE_ID", "\(lines) line 4 (row 3)"),
            ("fhir-1", nil, nil), ("fhir-2", "INVALID_BASE64", "\(fhir) line 2 (DocumentReference/fhir-2)"),
            ("fhir-3", "ATTACHMENT_URL_ONLY", "\(fhir) line 3 (DocumentReference/fhir-3)"),
            ("fhir-4", "UNSUPPORTED_CONTENT_TYPE", "\(fhir) line 5 (DocumentReference/fhir-4)"),
            ("fhir-5", "MISSING_TEXT", "\(fhir) line 6 (DocumentReference/fhir-5)"), ("fhir-6", nil, nil),
            ("hl7-1", nil, nil), ("hl7-2", "HL7_TRUNCATED", "\(hl7) message 2"),
            ("hl7-3", "HL7_NO_TEXT", "\(hl7) message 3"), ("hl7-4", nil, nil),
            ("j-1", nil, nil), ("j-2", "MISSING_TEXT_FIELD", "\(jsonl) line 2"),
        ]

        let lex = try Repo.lexiconSet()
        let engine = ScanEngine(lexicons: lex, decider: try Decider.builtin("cpt", lexiconsRoot: Repo.lexicons), defaultDate: "2026-06-15")
        var reader = InputChain(paths: [csv, tsv, lines, fhir, hl7, jsonl], options: InputOptions())
        var results: [NoteResult] = []
        var out: [UInt8] = []
        try ScanRunner(jobs: 2).run(reader: &reader, engine: engine, printer: JSONLinesPrinter(),
                                    write: { out += $0 }, observe: { results.append($0) })

        XCTAssertEqual(results.count, expected.count)
        XCTAssertEqual(out.split(separator: 10).count, expected.count)
        XCTAssertEqual(results.map(\.id), expected.map(\.id))
        for (r, e) in zip(results, expected) {
            XCTAssertEqual(r.error?.code, e.code, r.id)
            if let at = e.at {
                XCTAssertEqual(r.status, .error, r.id)
                XCTAssertTrue(r.error?.message.hasPrefix(at + ":") ?? false, "\(r.id): \(r.error?.message ?? "") should start with \(at)")
            } else {
                XCTAssertEqual(r.service, .telemedicineVisit, r.id)
            }
        }
        XCTAssertEqual(reader.stats.skippedResources, ["Patient": 1])
    }
}
