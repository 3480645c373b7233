import XCTest
@testable import TelescanCore
import TelescanReport

/// The same corpus notes, exported in every input format, must scan to the same results as
/// the plain notes: byte-identical records for the encodings that carry the text unchanged,
/// the same element values, statuses and codes for HTML (whose tags move the offsets).
final class CrossFormatTests: XCTestCase {
    /// Varied on purpose: CRLF line ends, non-ASCII text, quotes, `|`, `~`, `<`, `>`.
    static let chosen = [
        "av_complete_003", "av_complete_011", "evisit_slp_001", "av_missing_provider_004",
        "av_missing_time_mdm_002", "phone_lower_bound_001", "rpm_complete_001", "null_voicemail_001",
        "av_complete_002", "switch_ambiguous_003", "phone_complete_005", "inperson_nonascii_001",
    ]
    static let date = "2026-06-15"

    func testEveryFormatScansLikeThePlainNotes() throws {
        let notes = try Self.chosen.map { name -> (id: String, text: String) in
            (name, String(decoding: try Data(contentsOf: URL(fileURLWithPath: "\(Repo.corpus)/notes/\(name).txt")), as: UTF8.self))
        }
        XCTAssertTrue(notes.contains { $0.text.utf8.contains(13) }, "the selection must include CRLF notes")
        XCTAssertTrue(notes.contains { $0.text.utf8.contains { $0 >= 0x80 } }, "the selection must include non-ASCII notes")
        let date = Self.date
        let compactDate = date.replacingOccurrences(of: "-", with: "")

        // Each note as every export writes it.
        let rows = [["id", "service_date", "text"]] + notes.map { [$0.id, date, $0.text] }
        var lineRows = notes.flatMap { n in
            FormatEncoder.lines(n.text).enumerated().map { [n.id, "\($0.offset + 1)", $0.element, date] }
        }
        var rng = SplitMix(seed: 6)
        lineRows.shuffle(using: &rng)
        let plainFHIR = notes.map { n in
            FormatEncoder.documentReference(id: n.id, attachments: [FormatEncoder.attachment(n.text, type: "text/plain; charset=utf-8")], date: date)
        }
        let htmlFHIR = notes.map { n in
            FormatEncoder.documentReference(id: n.id, attachments: [FormatEncoder.attachment(FormatEncoder.html(n.text), type: "text/html")], date: date)
        }
        let styles: [FormatEncoder.HL7Style] = [.segmentPerLine, .formattedText, .repetitions]
        let hl7 = notes.enumerated().map { k, n in
            FormatEncoder.mllp(FormatEncoder.mdm(id: n.id, text: n.text, number: k + 1, date: compactDate, style: styles[k % 3]))
        }.joined()

        let inputs: [(label: String, path: String, exact: Bool)] = [
            ("csv", try inputFile(FormatEncoder.delimited(rows, ",", newline: "\r\n"), ext: "csv"), true),
            ("tsv", try inputFile(FormatEncoder.delimited(rows, "\t"), ext: "tsv"), true),
            ("line table", try inputFile(FormatEncoder.delimited([["note_id", "line", "text", "service_date"]] + lineRows, ","), ext: "csv"), true),
            ("fhir text/plain", try inputFile(try FormatEncoder.ndjson(plainFHIR), ext: "ndjson"), true),
            ("hl7 mdm", try inputFile(hl7, ext: "hl7"), true),
            ("fhir text/html", try inputFile(try FormatEncoder.ndjson(htmlFHIR), ext: "ndjson"), false),
        ]

        let scanner = try NoteScanner.forTests(date: date)
        let printer = JSONLinesPrinter()
        var reference: [String: [UInt8]] = [:]
        for n in notes {
            reference[n.id] = printer.render(scanner.scan(NoteRecord(id: n.id, text: Array(n.text.utf8), serviceDate: date)), index: 0)
        }
        let original = Dictionary(uniqueKeysWithValues: notes.map { ($0.id, Array($0.text.utf8)) })

        for input in inputs {
            let records = try InputFixture.records(input.path)  // auto-detected
            XCTAssertEqual(Set(records.map(\.id)), Set(Self.chosen), input.label)
            XCTAssertEqual(records.count, notes.count, input.label)
            for record in records {
                XCTAssertNil(record.error, "\(input.label) \(record.id): \(record.error?.message ?? "")")
                XCTAssertEqual(record.serviceDate, date, "\(input.label) \(record.id)")
                let rendered = printer.render(scanner.scan(record), index: 0)
                let expected = reference[record.id]!
                if input.exact {
                    XCTAssertEqual(record.text, original[record.id], "\(input.label) \(record.id): text changed")
                    XCTAssertEqual(String(decoding: rendered, as: UTF8.self), String(decoding: expected, as: UTF8.self), "\(input.label) \(record.id)")
                } else {
                    XCTAssertEqual(try withoutEvidence(rendered), try withoutEvidence(expected), "\(input.label) \(record.id)")
                }
            }
        }
    }

    /// A rendered record with every `evidence` list removed (values, statuses, codes remain).
    func withoutEvidence(_ json: [UInt8]) throws -> NSDictionary {
        func strip(_ v: Any) -> Any {
            if let d = v as? [String: Any] { return d.filter { $0.key != "evidence" }.mapValues(strip) }
            if let a = v as? [Any] { return a.map(strip) }
            return v
        }
        return strip(try JSONSerialization.jsonObject(with: Data(json))) as! NSDictionary
    }
}
