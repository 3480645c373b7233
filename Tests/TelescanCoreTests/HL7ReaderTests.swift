import XCTest
@testable import TelescanCore

final class HL7ReaderTests: XCTestCase {
    let note = "Video visit | consent ^ given ~ & \\ done.\r\nSpent 25 minutes.\n\nSigned"

    func testMLLPBatchInEveryOBXStyle() throws {
        let batch = "FHS|^~\\&|X\rBHS|^~\\&|X\r"
            + FormatEncoder.mllp(FormatEncoder.mdm(id: "doc-1", text: note, number: 1, style: .segmentPerLine))
            + FormatEncoder.mllp(FormatEncoder.mdm(id: "doc-2", text: note, number: 2, date: "20260614", style: .formattedText))
            + FormatEncoder.mllp(FormatEncoder.mdm(id: "doc-3", text: note, number: 3, style: .repetitions))
            + "BTS|3\rFTS|1\r"
        let r = try InputFixture.records(try inputFile(batch, ext: "hl7"))
        XCTAssertEqual(r.map(\.id), ["doc-1", "doc-2", "doc-3"])
        for x in r { XCTAssertNil(x.error, x.error?.message ?? ""); XCTAssertEqual(x.textString, note, x.id) }
        XCTAssertEqual(r.map(\.serviceDate), ["2026-06-15", "2026-06-14", "2026-06-15"])
    }

    func testMessagesSplitOnMSHWithLFOrCRLFSegmentEnds() throws {
        let lf = FormatEncoder.mdm(id: "a", text: "line one\nline two", number: 1, style: .segmentPerLine).replacingOccurrences(of: "\r", with: "\n")
        let crlf = FormatEncoder.mdm(id: "b", text: "only line", number: 2, style: .segmentPerLine).replacingOccurrences(of: "\r", with: "\r\n")
        let r = try InputFixture.records(try inputFile(lf + crlf, ext: "txt"), format: .hl7)
        XCTAssertEqual(r.map(\.id), ["a", "b"])
        XCTAssertEqual(r.map(\.textString), ["line one\nline two", "only line"])
    }

    func testEscapesSeparatorsFromMSHAndCharset() throws {
        // Field separator '!' and component '$': MSH-1 and MSH-2 rule.
        let custom = "MSH!$~\\&!A!B!C!D!20260615!!MDM$T02!M1!P!2.5\rTXA!1!PN!TX!20260615\rOBX!1!FT!x!!a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f\\.br\\g\\X4869\\\\H\\bold\\N\\ \\.sp2\\h\\Q\\ $ kept\r"
        let latin: [UInt8] = Array("MSH|^~\\&|A|B|C|D|20260615||MDM^T02|M2|P|2.5||||||8859/1\rTXA|1|PN|TX|20260615||||||||d2\rOBX|1|TX|x||Caf".utf8) + [0xE9] + [13]
        let path = try inputFile(Array(custom.utf8) + latin, ext: "hl7")
        let r = try InputFixture.records(path)
        XCTAssertEqual(r.map(\.id), ["M1", "d2"])
        XCTAssertEqual(r[0].textString, "a!b$c&d~e\\f\ngHibold \n\nh\\Q\\ $ kept")
        XCTAssertEqual(r[1].textString, "Café")
    }

    func testIDFallbacksAndDateFromOBX() throws {
        let viaFileName = "MSH|^~\\&|A|B|C|D|x||MDM^T02|CTRL1|P|2.5\rTXA|1|PN|TX|||||||||||||file-name.doc\rOBX|1|TX|x||one|||||||||202606120800\r"
        let viaControlID = "MSH|^~\\&|A|B|C|D|x||MDM^T02|CTRL2|P|2.5\rOBX|1|TX|x||two\r"
        let none = "MSH|^~\\&|A|B|C|D|x||MDM^T02||P|2.5\rOBX|1|TX|x||three\r"
        let path = try inputFile(viaFileName + viaControlID + none, ext: "hl7", name: "mdm")
        let r = try InputFixture.records(path)
        XCTAssertEqual(r.map(\.id), ["file-name.doc", "CTRL2", "\(path):3"])
        XCTAssertEqual(r.map(\.serviceDate), ["2026-06-12", nil, nil])
    }

    func testTruncatedTextlessAndMalformedMessagesAreErrorRecords() throws {
        let good = FormatEncoder.mdm(id: "ok", text: "fine", number: 1, style: .segmentPerLine)
        let pdfOnly = "MSH|^~\\&|A|B|C|D|x||MDM^T02|M2|P|2.5\rTXA|1|PN|TX|||||||||pdf-doc\rOBX|1|ED|x||^application^pdf^Base64^JVBERi0=\r"
        let cutOBX = "MSH|^~\\&|A|B|C|D|x||MDM^T02|M3|P|2.5\rTXA|1|PN|TX|||||||||cut-doc\rOBX|1|TX|x\r"
        let garbage = "MSH|^~\\&|A|B|C|D|x||MDM^T02|M4|P|2.5\rOBX|1|TX|x||text\r this is not a segment\r"
        let unclosed = "\u{0B}" + FormatEncoder.mdm(id: "frame-doc", text: "cut", number: 5, style: .segmentPerLine)
        let input = FormatEncoder.mllp(good) + FormatEncoder.mllp(pdfOnly) + FormatEncoder.mllp(cutOBX)
            + FormatEncoder.mllp(garbage) + unclosed + FormatEncoder.mllp(good)
        let path = try inputFile(input, ext: "hl7", name: "batch")
        let r = try InputFixture.records(path)
        XCTAssertEqual(r.map(\.id), ["ok", "pdf-doc", "cut-doc", "M4", "frame-doc", "ok"])
        XCTAssertEqual(r.map { $0.error?.code }, [nil, "HL7_NO_TEXT", "HL7_TRUNCATED", "HL7_MALFORMED", "HL7_TRUNCATED", nil])
        XCTAssertEqual(r[1].error?.message, "\(path) message 2: no OBX segment with TX or FT text (OBX value types: ED)")
        XCTAssertTrue(r[2].error?.message.hasPrefix("\(path) message 3: OBX segment 3 ends before OBX-5") ?? false)
        XCTAssertTrue(r[4].error?.message.hasPrefix("\(path) message 5: MLLP frame not closed") ?? false)

        let orphan = try InputFixture.records(try inputFile("PID|1\r" + good, ext: "hl7"))
        XCTAssertEqual(orphan.map { $0.error?.code }, ["HL7_MALFORMED", nil])
    }
}
