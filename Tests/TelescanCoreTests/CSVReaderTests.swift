import XCTest
@testable import TelescanCore

final class CSVReaderTests: XCTestCase {
    func testQuotedMultiLineFieldsDoubledQuotesBOMAndCRLF() throws {
        let csv = "\u{FEFF}id,service_date,patient_status,text\r\n"
            + "n1,06/15/2026,New,\"Video visit.\r\nPatient said \"\"yes\"\", consent given.\r\n\"\r\n"
            + "n2,20260614,,\"María — café, ≥ 65\"\r\n"
            + "n3,,established,plain text without quotes\r\n"
            + "n4,2026-06-13T09:00:00Z,,\"\"\r\n"
        let path = try inputFile(csv, ext: "csv")
        let r = try InputFixture.records(path)
        XCTAssertEqual(r.map(\.id), ["n1", "n2", "n3", "n4"])
        XCTAssertEqual(r[0].textString, "Video visit.\r\nPatient said \"yes\", consent given.\r\n")
        XCTAssertEqual(r[1].textString, "María — café, ≥ 65")
        XCTAssertEqual(r[2].textString, "plain text without quotes")
        XCTAssertEqual(r[3].textString, "")
        XCTAssertEqual(r.map(\.serviceDate), ["2026-06-15", "2026-06-14", nil, "2026-06-13"])
        XCTAssertEqual(r.map(\.patientStatus), ["new", nil, "established", nil])
        XCTAssertTrue(r.allSatisfy { $0.error == nil })
    }

    func testTSVAndDelimiterOverride() throws {
        let tsv = try inputFile("id\ttext\nt1\t\"tab\there\"\nt2\tsemi;colon, comma\n", ext: "tsv")
        let r = try InputFixture.records(tsv)
        XCTAssertEqual(r.map(\.textString), ["tab\there", "semi;colon, comma"])

        let semi = try inputFile("id;text\ns1;\"a;b\"\ns2;c,d\n", ext: "csv")
        let s = try InputFixture.records(semi, format: .csv) { $0.delimiter = UInt8(ascii: ";") }
        XCTAssertEqual(s.map(\.textString), ["a;b", "c,d"])
        XCTAssertEqual(InputOptions.unescape("\\t"), [9])
        XCTAssertEqual(InputOptions.unescape("tab"), [9])
        XCTAssertEqual(InputOptions.unescape("\\r\\n"), [13, 10])
    }

    func testColumnOptionsFallbackIDAndCaseInsensitiveHeader() throws {
        let path = try inputFile("Note ID,Body,Visit Date\nA-1,first,2026-06-01\n,second,\n", ext: "csv", name: "export")
        let r = try InputFixture.records(path, format: .csv) {
            $0.columns.id = "note id"
            $0.columns.text = "BODY"
            $0.columns.serviceDate = "Visit Date"
        }
        XCTAssertEqual(r.map(\.id), ["A-1", "\(path):2"])
        XCTAssertEqual(r.map(\.serviceDate), ["2026-06-01", nil])

        let noID = try InputFixture.records(try inputFile("text\nonly text\n", ext: "csv"))
        XCTAssertTrue(noID[0].id.hasSuffix(".csv:1"))
    }

    func testMissingTextColumnIsAUsageError() throws {
        let path = try inputFile("id,body\n1,x\n", ext: "csv", name: "extract")
        XCTAssertThrowsError(try InputFixture.records(path, format: .csv)) { error in
            let message = (error as? InputError)?.message ?? ""
            XCTAssertTrue(message.contains("extract.csv"), message)
            XCTAssertTrue(message.contains("'text'") && message.contains("--text-column"), message)
        }
    }

    func testEmptyFileAndHeaderOnlyGiveNoRecords() throws {
        XCTAssertEqual(try InputFixture.records(try inputFile("", ext: "csv"), format: .csv).count, 0)
        XCTAssertEqual(try InputFixture.records(try inputFile("id,text\r\n", ext: "csv")).count, 0)
    }

    func testBrokenRowsBecomeErrorsAndReadingResynchronises() throws {
        let csv = """
        id,text,service_date
        a,"fine",2026-06-15
        b,"quote "inside" not doubled",2026-06-15
        c,too,many,fields
        d,"opens a quote that swallows the next row,2026-06-15
        e,read again after the broken row,2026-06-15
        f,"fine again",2026-06-15
        g,"bad date",15th of June
        h,"never closed,2026-06-15
        i,last row,2026-06-15

        """
        let path = try inputFile(csv, ext: "csv", name: "broken")
        let r = try InputFixture.records(path)
        XCTAssertEqual(r.map(\.id), ["a", "\(path):2", "\(path):3", "\(path):4", "e", "f", "g", "\(path):8", "i"])
        XCTAssertEqual(r.map { $0.error?.code }, [nil, "CSV_BAD_QUOTE", "CSV_FIELD_COUNT", "CSV_BAD_QUOTE", nil, nil,
                                                  "INVALID_SERVICE_DATE", "CSV_UNTERMINATED_QUOTE", nil])
        let messages = r.map { $0.error?.message ?? "" }
        XCTAssertTrue(messages[1].hasPrefix("\(path) line 3 (row 2): 'i' after a closing quote"), messages[1])
        XCTAssertEqual(messages[2], "\(path) line 4 (row 3): 4 fields, the header has 3")
        XCTAssertTrue(messages[3].hasPrefix("\(path) line 5 (row 4):"), messages[3])
        XCTAssertTrue(messages[6].hasPrefix("\(path) line 8 (row 7):") && messages[6].contains("15th of June"), messages[6])
        XCTAssertTrue(messages[7].hasPrefix("\(path) line 9 (row 8):"), messages[7])
        XCTAssertEqual(r[4].textString, "read again after the broken row")
        XCTAssertEqual(r[8].textString, "last row")
    }

    func testLoneCRAndFinalRecordWithoutNewline() throws {
        let r = try InputFixture.records(try inputFile("id,text\r1,one\r2,\"two\rlines\"\r3,three", ext: "csv"))
        XCTAssertEqual(r.map(\.id), ["1", "2", "3"])
        XCTAssertEqual(r.map(\.textString), ["one", "two\rlines", "three"])
    }

    func testOversizedRecordIsReportedAndReadingGoesOn() throws {
        let path = try inputFile("id,text\n1,\"an open quote that runs on\n2,short\n3,\"and on past the limit\n", ext: "csv")
        let parser = try DelimitedParser(stream: InputFixture.stream(path, chunk: 8), delimiter: UInt8(ascii: ","), maxRecordBytes: 24)
        var rows: [String] = []
        while let r = try parser.next() {
            rows.append(r.error.map { "\(r.line):\($0.code)" } ?? (0..<r.count).map { String(decoding: r.field($0), as: UTF8.self) }.joined(separator: "|"))
        }
        XCTAssertEqual(rows, ["id|text", "2:RECORD_TOO_LARGE", "2|short", "4:CSV_UNTERMINATED_QUOTE"])
    }

    /// The readers' byte-level date reading accepts what `DateText.normalise` accepts.
    func testRecordDatesAgreeWithDateText() {
        let samples = ["2026-06-15", " 2026-06-15 ", "2026-06-15T09:30:00Z", "20260615", "202606151030-0500", "6/15/2026",
                       "06/15/2026 10:30", "2026-13-01", "2026-02-30", "1899-01-01", "15/06/2026", "June 15", "2026-6-15", "x"]
        for s in samples {
            let ours: String?
            if case .date(let d) = RecordMetadata.date(ArraySlice(s.utf8)) { ours = d } else { ours = nil }
            XCTAssertEqual(ours, DateText.normalise(s), s)
        }
        XCTAssertEqual(RecordMetadata.date(ArraySlice("2026-06".utf8)), .none)
        XCTAssertEqual(RecordMetadata.date(ArraySlice("".utf8)), .none)
        XCTAssertEqual(RecordMetadata.date(ArraySlice("June 15".utf8)), .invalid("June 15"))
    }

    /// The parser must give the same records whatever the read boundaries.
    func testChunkBoundariesDoNotChangeRecords() throws {
        let csv = "\u{FEFF}id,text\r\n1,\"a \"\"b\"\"\r\nc\"\r\n2,plain\r\n\r\n3,\"x\"y\n4,\"é—ü\",extra\n5,\"open\n6,after\n"
        let path = try inputFile(csv, ext: "csv")
        func read(_ chunk: Int) throws -> [String] {
            var reader = try CSVNoteReader(stream: InputFixture.stream(path, chunk: chunk), name: "f")
            var out: [String] = []
            while let r = try reader.next() { out.append("\(r.id)|\(r.error?.code ?? "")|\(r.error?.message ?? "")|\(r.textString)") }
            return out
        }
        let reference = try read(1 << 20)
        XCTAssertEqual(reference.count, 6)
        for chunk in 1...9 { XCTAssertEqual(try read(chunk), reference, "chunk \(chunk)") }
    }
}
