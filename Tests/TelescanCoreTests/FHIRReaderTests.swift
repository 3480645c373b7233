import XCTest
@testable import TelescanCore

final class FHIRReaderTests: XCTestCase {
    func testDocumentReferencesInEveryTextTypeAndSeveralAttachments() throws {
        let rtf = #"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}{\*\generator Writer;}\f0 Video visit\par Caf\'e9 \u8212? home\par}"#
        let resources: [[String: Any]] = [
            FormatEncoder.documentReference(id: "plain", attachments: [FormatEncoder.attachment("Video visit.\r\nSpent 20 minutes.", type: "text/plain; charset=utf-8")]),
            FormatEncoder.documentReference(id: "two", attachments: [
                FormatEncoder.attachment("<p>Video&nbsp;visit&#44; <b>consent</b> &amp; time</p><p>20&#x20;min</p>", type: "text/html"),
                FormatEncoder.attachment(rtf, type: "text/rtf"),
            ]),
            ["resourceType": "DocumentReference", "id": "dated", "date": "2026-05-01T08:00:00Z",
             "content": [["attachment": ["data": Data("no content type: plain".utf8).base64EncodedString()]]]],
            ["resourceType": "DocumentReference", "id": "xhtml",
             "content": [["attachment": FormatEncoder.attachment("<div xmlns=\"http://www.w3.org/1999/xhtml\">a<br/>b</div>", type: "application/xhtml+xml")]]],
        ]
        let r = try InputFixture.records(try inputFile(try FormatEncoder.ndjson(resources), ext: "ndjson"))
        XCTAssertEqual(r.map(\.id), ["plain", "two#1", "two#2", "dated", "xhtml"])
        XCTAssertEqual(r.map(\.textString), [
            "Video visit.\r\nSpent 20 minutes.",
            "Video visit, consent & time\n20 min\n",
            "Video visit\nCafé — home\n",
            "no content type: plain",
            "a\nb\n",
        ])
        XCTAssertEqual(r.map(\.serviceDate), ["2026-06-15", "2026-06-15", "2026-06-15", "2026-05-01", nil])
        XCTAssertTrue(r.allSatisfy { $0.error == nil })
    }

    func testCharsets() throws {
        let latin1: [UInt8] = Array("Caf".utf8) + [0xE9, 0x20, 0x92, 0x96]
        let resources: [[String: Any]] = [
            ["resourceType": "DocumentReference", "id": "l1",
             "content": [["attachment": ["contentType": "text/plain; charset=ISO-8859-1", "data": Data(latin1).base64EncodedString()]]]],
            ["resourceType": "DocumentReference", "id": "w",
             "content": [["attachment": ["contentType": "text/html; charset=\"windows-1252\"", "data": Data(latin1).base64EncodedString()]]]],
            ["resourceType": "DocumentReference", "id": "u16",
             "content": [["attachment": ["contentType": "text/plain; charset=utf-16", "data": "AA=="]]]],
        ]
        let r = try InputFixture.records(try inputFile(try FormatEncoder.ndjson(resources), ext: "ndjson"))
        XCTAssertEqual(r[0].textString, "Café ’–")
        XCTAssertEqual(r[1].textString, "Café ’–")
        XCTAssertEqual(r[2].error?.code, "UNSUPPORTED_CHARSET")
    }

    func testDiagnosticReportsBundlesAndSkippedResources() throws {
        let resources: [[String: Any]] = [
            ["resourceType": "Patient", "id": "p1"],
            ["resourceType": "DiagnosticReport", "id": "rep", "effectivePeriod": ["start": "2026-06-10"],
             "presentedForm": [FormatEncoder.attachment("Report text", type: "text/plain")]],
            ["resourceType": "DiagnosticReport", "id": "lab-only"],
            ["resourceType": "Bundle", "type": "collection", "entry": [
                ["resource": ["resourceType": "Encounter", "id": "e1"]],
                ["resource": FormatEncoder.documentReference(id: "in-bundle", attachments: [FormatEncoder.attachment("Bundled", type: "text/plain")])],
            ]],
            ["resourceType": "Encounter", "id": "e2"],
        ]
        let path = try inputFile(try FormatEncoder.ndjson(resources), ext: "ndjson")
        var options = InputOptions()
        options.format = .fhir
        var chain = InputChain(paths: [path], options: options)
        var r: [NoteRecord] = []
        while let x = try chain.next() { r.append(x) }
        XCTAssertEqual(r.map(\.id), ["rep", "in-bundle"])
        XCTAssertEqual(r.map(\.serviceDate), ["2026-06-10", "2026-06-15"])
        XCTAssertEqual(chain.stats.skippedResources, ["Patient": 1, "Encounter": 2, "DiagnosticReport without presentedForm": 1])

        var reader = FHIRReader(stream: try ByteStream(path: path), name: "x")
        while try reader.next() != nil {}
        XCTAssertEqual(reader.skippedResources, 4)
    }

    func testUnreadableAttachmentsAndLinesAreErrorRecords() throws {
        let lines = [
            try FormatEncoder.ndjson([FormatEncoder.documentReference(id: "url", attachments: [["contentType": "text/plain", "url": "https://ehr.example/Binary/1"]])]),
            try FormatEncoder.ndjson([FormatEncoder.documentReference(id: "b64", attachments: [["contentType": "text/plain", "data": "not*base64"]])]),
            try FormatEncoder.ndjson([FormatEncoder.documentReference(id: "pdf", attachments: [["contentType": "application/pdf", "data": "JVBERi0xLjQ="]])]),
            try FormatEncoder.ndjson([FormatEncoder.documentReference(id: "img", attachments: [["contentType": "image/png", "data": "iVBORw=="]])]),
            try FormatEncoder.ndjson([["resourceType": "DocumentReference", "id": "empty", "content": []]]),
            "{\"resourceType\": \"DocumentReference\", broken\n",
            "{\"id\": \"no-type\"}\n",
            try FormatEncoder.ndjson([FormatEncoder.documentReference(id: "ok", attachments: [FormatEncoder.attachment("fine", type: "text/plain")])]),
        ]
        let path = try inputFile(lines.joined(), ext: "ndjson", name: "export")
        let r = try InputFixture.records(path, format: .fhir)
        XCTAssertEqual(r.map(\.id), ["url", "b64", "pdf", "img", "empty", "\(path):6", "\(path):7", "ok"])
        XCTAssertEqual(r.map { $0.error?.code }, ["ATTACHMENT_URL_ONLY", "INVALID_BASE64", "UNSUPPORTED_CONTENT_TYPE", "UNSUPPORTED_CONTENT_TYPE",
                                                  "MISSING_TEXT", "INVALID_JSON", "INVALID_FHIR", nil])
        XCTAssertTrue(r[0].error!.message.hasPrefix("\(path) line 1 (DocumentReference/url): "), r[0].error!.message)
        XCTAssertTrue(r[0].error!.message.contains("never fetches"), r[0].error!.message)
        XCTAssertTrue(r[2].error!.message.contains("'application/pdf'"), r[2].error!.message)
        XCTAssertTrue(r[3].error!.message.contains("'image/png'"), r[3].error!.message)
    }

    func testUnreadableDateFailsEveryAttachmentAndPartialDatesAreNone() throws {
        let resources: [[String: Any]] = [
            ["resourceType": "DocumentReference", "id": "bad-date", "date": "June 15th",
             "content": [["attachment": FormatEncoder.attachment("a", type: "text/plain")], ["attachment": FormatEncoder.attachment("b", type: "text/plain")]]],
            ["resourceType": "DocumentReference", "id": "month-only", "date": "2026-06",
             "content": [["attachment": FormatEncoder.attachment("c", type: "text/plain")]]],
        ]
        let r = try InputFixture.records(try inputFile(try FormatEncoder.ndjson(resources), ext: "ndjson"))
        XCTAssertEqual(r.map(\.id), ["bad-date#1", "bad-date#2", "month-only"])
        XCTAssertEqual(r.map { $0.error?.code }, ["INVALID_SERVICE_DATE", "INVALID_SERVICE_DATE", nil])
        XCTAssertNil(r[2].serviceDate)
    }

    func testBase64() throws {
        XCTAssertEqual(try Base64.decode("SGVs\nbG8=\r\n"), Array("Hello".utf8))
        XCTAssertEqual(try Base64.decode("SGVsbG8"), Array("Hello".utf8))
        XCTAssertEqual(try Base64.decode(""), [])
        for bad in ["SGVsbG8*", "SGVsb", "SG=Vs", "===="] {
            XCTAssertThrowsError(try Base64.decode(bad), bad)
        }
    }

    func testHTMLText() {
        func text(_ html: String) -> String { String(decoding: HTMLText.text(Array(html.utf8)), as: UTF8.self) }
        XCTAssertEqual(text("<ul><li>one</li><li>two</li></ul>"), "one\ntwo\n")
        XCTAssertEqual(text("<table><tr><td>Consent:</td><td>yes</td></tr><tr><td>Time</td><td>25 min</td></tr></table>"),
                       "Consent: yes\nTime 25 min\n")
        XCTAssertEqual(text("a<br>b<BR/>\n  c<br><br>d"), "a\nb\nc\n\nd")
        XCTAssertEqual(text("<head><style>x{}</style><script type=\"t\">video visit</SCRIPT></head><p>kept</p>"), "kept\n")
        XCTAssertEqual(text("&lt;&gt;&quot;&#39;&#x2265;&ge;&eacute;&unknown;&amp"), "<>\"'≥≥é&unknown;&amp")
        XCTAssertEqual(text("&#150; &#8212;"), "– —")
        XCTAssertEqual(text("<a title=\"x > y\">link</a> < 30 min"), "link < 30 min")
        XCTAssertEqual(text("<pre>a\n  b</pre>c  \n  d"), "a\n  b\nc d")
        XCTAssertEqual(text("<!-- <p>hidden</p> --><p>shown</p>"), "shown\n")
    }

    func testRTFText() {
        func text(_ rtf: String) -> String { String(decoding: RTFText.text(Array(rtf.utf8)), as: UTF8.self) }
        XCTAssertEqual(text(#"{\rtf1\ansi{\fonttbl{\f0\fswiss Helvetica;}}{\colortbl;\red0\green0\blue0;}\f0\pard Line one\par Line two\line three}"#),
                       "Line one\nLine two\nthree")
        XCTAssertEqual(text(#"{\rtf1 Jos\'e9 \u8805? 65 \{braces\} back\\slash\tab x\~y}"#), "José ≥ 65 {braces} back\\slash\tx y")
        XCTAssertEqual(text(#"{\rtf1{\*\generator Msftedit;}{\info{\author Someone}}\uc2 a\u8212\'97\'97b\emdash c}"#), "a—b—c")
        XCTAssertEqual(text("{\\rtf1 wrapped\r\nsource line\\par\r\nnext}"), "wrappedsource line\nnext")
    }
}
