import Foundation
import XCTest
import TelescanCore
import TelescanReport

final class CSVPrinterTests: XCTestCase {
    /// Splits RFC 4180 text into rows of cells.
    static func parse(_ s: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var it = Array(s.unicodeScalars)[...]
        while let c = it.popFirst() {
            if quoted {
                if c == "\"" { if it.first == "\"" { it.removeFirst(); cell.unicodeScalars.append(c) } else { quoted = false } }
                else { cell.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(cell); cell = "" }
            else if c == "\r" && it.first == "\n" { it.removeFirst(); row.append(cell); rows.append(row); row = []; cell = "" }
            else { cell.unicodeScalars.append(c) }
        }
        return rows
    }

    func testHeaderAndOneRowPerNote() {
        let out = Fixtures.print(Fixtures.all, CSVPrinter())
        XCTAssertTrue(out.hasPrefix("id,status,profile,service,codes,missing,queries,evidence,assumptions,warnings,error\r\n"))
        let rows = Self.parse(out)
        XCTAssertEqual(rows.count, 5)
        XCTAssertTrue(rows.allSatisfy { $0.count == CSVPrinter.columns.count })
        let ready = rows[1]
        XCTAssertEqual(ready[0], "note-1")
        XCTAssertEqual(ready[1], "ready")
        XCTAssertEqual(ready[3], "telemedicine_visit")
        XCTAssertEqual(ready[4], "98006 @10; 99417x2 @10")
        XCTAssertTrue(ready[7].contains(#"time: "I spent 62 minutes""#), ready[7])
        XCTAssertTrue(ready[7].contains(#"service: "Video visit" | modality: "Video visit""#), ready[7])
        XCTAssertEqual(ready[8], "patient_status=established")
        let nq = rows[2]
        XCTAssertEqual(nq[4], "99214-93")
        XCTAssertEqual(nq[5], "consent: CONSENT_NOT_DOCUMENTED")
        XCTAssertTrue(nq[6].hasPrefix("The note does not state"))
        XCTAssertEqual(nq[9], "NO_CODE_FITS")
        XCTAssertEqual(rows[3][10], "INVALID_JSON: expected a value at byte 14")
        XCTAssertEqual(rows[4][3], "in_person")
    }

    func testFormulaInjectionIsNeutralised() {
        for bad in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            XCTAssertEqual(CSVPrinter.cell(bad).first, UInt8(ascii: bad.hasPrefix("\r") ? "\"" : "'"), bad)
        }
        XCTAssertEqual(String(decoding: CSVPrinter.cell("=1+1"), as: UTF8.self), "'=1+1")
        XCTAssertEqual(String(decoding: CSVPrinter.cell("plain"), as: UTF8.self), "plain")
        XCTAssertEqual(String(decoding: CSVPrinter.cell("a,\"b\""), as: UTF8.self), "\"a,\"\"b\"\"\"")
        let rows = Self.parse(Fixtures.print([Fixtures.needsQuery()], CSVPrinter()))
        XCTAssertEqual(rows[1][0], "'=cmd|' /C calc'!A0")
        // Quotes keep their text but lose line breaks and control characters.
        XCTAssertFalse(rows[1][7].contains("\u{1B}"))
        XCTAssertTrue(rows[1][7].contains(#"mdm: "=HYPERLINK(""#), rows[1][7])
    }

    func testNoQuotesBOMAndText() {
        let plain = Fixtures.print([Fixtures.ready()], CSVPrinter(options: OutputOptions(noQuotes: true)))
        XCTAssertFalse(plain.contains("I spent 62 minutes"))
        XCTAssertTrue(plain.contains("time: ["), plain)
        let bom = CSVPrinter(options: OutputOptions(csvBOM: true)).header()
        XCTAssertEqual(Array(bom.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertNotEqual(Array(CSVPrinter().header().prefix(3)), [0xEF, 0xBB, 0xBF])
        let rows = Self.parse(Fixtures.print([Fixtures.ready()], CSVPrinter(options: OutputOptions(includeText: true))))
        XCTAssertEqual(rows[0].last, "text")
        XCTAssertEqual(rows[1].last, Fixtures.text)
    }
}

final class TextPrinterTests: XCTestCase {
    func testStatusFirstThenServiceCodesMissingEvidence() {
        let out = Fixtures.print([Fixtures.needsQuery(id: "n1")], TextPrinter())
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("NEEDS_QUERY  n1"), lines[0])
        let order = ["service:", "codes:", "missing:", "query: The note does not state", "elements:", "\"I spent 62 minutes\""]
        var last = -1
        for o in order {
            guard let i = lines.firstIndex(where: { $0.contains(o) }) else { return XCTFail("no \(o) in\n\(out)") }
            XCTAssertGreaterThan(i, last, o)
            last = i
        }
        XCTAssertTrue(out.hasSuffix("\n\n"))
    }

    func testNoColourUnlessAskedAndNoControlCharactersFromNotes() {
        let plain = Fixtures.print(Fixtures.all, TextPrinter())
        XCTAssertFalse(plain.contains("\u{1B}"))
        let coloured = Fixtures.print(Fixtures.all, TextPrinter(options: OutputOptions(color: true)))
        XCTAssertTrue(coloured.contains("\u{1B}[1;32mREADY\u{1B}[0m"))
        // The only escapes are ours: the note's ESC became U+FFFD.
        XCTAssertTrue(coloured.contains("\u{FFFD}[31mred"))
    }

    func testNoQuotesAndIncludeText() {
        let out = Fixtures.print([Fixtures.ready()], TextPrinter(options: OutputOptions(noQuotes: true)))
        XCTAssertFalse(out.contains("I spent 62 minutes"))
        let span = Fixtures.span("I spent 62 minutes")
        XCTAssertTrue(out.contains("[\(span.lowerBound),\(span.upperBound))"), out)
        let full = Fixtures.print([Fixtures.ready()], TextPrinter(options: OutputOptions(includeText: true)))
        XCTAssertTrue(full.contains("  | Electronically signed by Jane Roe, MD"))
    }
}

final class HTMLPrinterTests: XCTestCase {
    func testSelfContainedEscapedReportWithSummary() {
        let summary = RunSummary()
        for r in Fixtures.all { summary.add(r) }
        let out = Fixtures.print(Fixtures.all, HTMLPrinter(summary: summary))
        XCTAssertTrue(out.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(out.hasSuffix("</html>\n"))
        XCTAssertFalse(out.lowercased().contains("<script"), "note text must be escaped")
        XCTAssertTrue(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertFalse(out.contains("\u{1B}"))
        for external in ["src=", "href=\"http", "@import", "url("] { XCTAssertFalse(out.contains(external), external) }
        XCTAssertTrue(out.contains("Content-Security-Policy"))
        XCTAssertEqual(out.components(separatedBy: "<section class=\"note\"").count - 1, 4)
        XCTAssertTrue(out.contains("<span class=\"badge needs_query\">needs query</span>"))
        XCTAssertTrue(out.contains("<span class=\"query\">The note does not state"))
        XCTAssertTrue(out.contains("<q>I spent 62 minutes</q>"))
        // The summary is written last but shown first.
        XCTAssertTrue(out.contains("id=\"summary\""))
        XCTAssertTrue(out.contains(".summary{order:-1}"))
        XCTAssertTrue(out.contains("<tr><td>98006</td><td>1</td></tr>"), out)
        XCTAssertTrue(out.contains("4 records read: 3 notes, 1 errors."))
    }

    func testNoQuotesAndIncludeText() {
        let out = Fixtures.print([Fixtures.ready()], HTMLPrinter(options: OutputOptions(noQuotes: true)))
        XCTAssertFalse(out.contains("I spent 62 minutes"))
        XCTAssertFalse(out.contains("<q>"))
        let full = Fixtures.print([Fixtures.ready()], HTMLPrinter(options: OutputOptions(includeText: true)))
        XCTAssertTrue(full.contains("<details><summary>Note text</summary><pre>Video visit."))
    }
}

final class ExplainPrinterTests: XCTestCase {
    func testCodesPlaceMissingAndAssumptionsAreExplained() {
        let out = Fixtures.print([Fixtures.ready(), Fixtures.needsQuery(id: "n2")], ExplainPrinter())
        for expected in [
            "READY  note-1",
            "Service: telemedicine_visit",
            "because \"Video visit\" [0,11)",
            "time = 62 minutes",
            "98006 @10  CPT, 1 unit, basis time, because modality, time, patient_location",
            "rule cpt.telemedicine.established.audio_video",
            "62 minutes meets the 30-minute threshold of level 4 (98006)",
            "99417x2 @10  CPT, 2 units",
            "10: the patient was at home: patient_location = home (\"The patient is at home\")",
            "level chosen by time (62 minutes) over MDM (moderate)",
            "patient_status=established",
            "consent (CONSENT_NOT_DOCUMENTED): telemedicine_visit requires consent",
            "query: The note does not state",
        ] {
            XCTAssertTrue(out.contains(expected), "missing \(expected) in\n\(out)")
        }
        var noLocation = Fixtures.needsQuery(id: "n3")
        noLocation.elements.patientLocation = nil
        XCTAssertTrue(Fixtures.print([noLocation], ExplainPrinter()).contains("none: no place of service: the patient's location is not documented"))
    }

    /// With the engine's findings: the rule behind each quote, and what context voided.
    func testRulesAndVoidedFindingsFromARealScan() throws {
        let engine = ScanEngine(lexicons: try Repo.lexiconSet(), decider: try Decider.builtin("cpt", lexiconsRoot: Repo.lexicons),
                                defaultDate: "2026-06-15", keepFindings: true)
        let note = "Video visit with Zoë. [ ] verbal consent obtained. Patient denies consent was obtained. Last visit was by phone. I spent 25 minutes."
        let r = NoteScanner(engine: engine).scan(NoteRecord(id: "x", text: Array(note.utf8)))
        XCTAssertTrue(r.findings.contains { !$0.isAffirmed }, "the note has matches that context voids")
        let out = Fixtures.print([r], ExplainPrinter())
        XCTAssertTrue(out.contains("\"Video visit\" [0,11)  rule modality."), out)
        XCTAssertTrue(out.contains("Not counted (context):"), out)
        XCTAssertTrue(out.contains("consent = documented: \"consent was obtained\""), out)
        XCTAssertTrue(out.contains("negated by "), out)
        XCTAssertTrue(out.contains(" \"denies\""), out)
        XCTAssertTrue(out.contains("unticked box or blank per "), out)
        XCTAssertTrue(out.contains("historical per "), out)
        // Every quote the explanation shows is the note's own text at those scalar offsets.
        let scalars = Array(note.unicodeScalars)
        for f in r.findings {
            let ev = r.evidence(f.span)
            XCTAssertEqual(ev.quote, String(String.UnicodeScalarView(scalars[ev.start..<ev.end])))
        }
        let quiet = Fixtures.print([r], ExplainPrinter(options: OutputOptions(noQuotes: true)))
        XCTAssertFalse(quiet.contains("\"Video visit"), quiet)
        XCTAssertFalse(quiet.contains("denies"), quiet)
        XCTAssertTrue(quiet.contains("negated by "), quiet)
    }

    func testErrorRecord() {
        let out = Fixtures.print([Fixtures.error()], ExplainPrinter())
        XCTAssertTrue(out.hasPrefix("ERROR  input.jsonl:2"))
        XCTAssertTrue(out.contains("INVALID_JSON"))
    }
}

final class RunSummaryTests: XCTestCase {
    func testCountsAndRendering() throws {
        let s = RunSummary()
        for r in Fixtures.all + [Fixtures.ready(id: "again")] { s.add(r) }
        XCTAssertEqual(s.records, 5)
        XCTAssertEqual(s.errors, 1)
        XCTAssertEqual(s.notes, 4)
        XCTAssertEqual(s.statusCounts.map(\.value), [2, 1, 1, 1])
        XCTAssertEqual(s.serviceCounts.map(\.key), ["telemedicine_visit", "in_person"])
        XCTAssertEqual(s.codeCounts.first?.key, "98006")
        XCTAssertEqual(s.codeCounts.first?.value, 2)
        XCTAssertEqual(s.missingCounts.map(\.key), ["consent:CONSENT_NOT_DOCUMENTED"])
        let text = s.renderText(seconds: 2)
        XCTAssertTrue(text.contains("records read"))
        XCTAssertTrue(text.contains("2.5 notes/s"), text)
        XCTAssertTrue(text.contains("consent:CONSENT_NOT_DOCUMENTED"))
        XCTAssertFalse(text.contains("Jane Roe"), "the summary holds no note text")
        let json = try JSONValue.parse(s.renderJSON(seconds: 2))
        XCTAssertEqual(json["records"], .number(5, isInteger: true))
        XCTAssertEqual(json["status"]?["needs_query"], .number(1, isInteger: true))
        XCTAssertEqual(json["codes"]?["99417"], .number(2, isInteger: true))
        XCTAssertEqual(json["notes_per_second"], .number(2.5, isInteger: false))
    }
}

/// Printers render on worker threads; the bytes must not depend on how many.
final class PrinterDeterminismTests: XCTestCase {
    /// JSON Lines over every second corpus note; the other formats over every sixth (the ordered
    /// parallel output is the same mechanism for all; twelve whole-corpus scans took two minutes,
    /// and the corpus has since grown to 6,698 notes).
    func testEveryFormatIsByteIdenticalSerialAndParallel() throws {
        let options = OutputOptions(includeText: true)
        var printers: [any ResultPrinter] = OutputFormat.allCases.map { $0.makePrinter(options: options) }
        printers.append(ExplainPrinter(options: options))
        for p in printers {
            let stride = p is JSONLinesPrinter ? 2 : 6
            let one = try SchemaTests.scanCorpus(p, keepFindings: true, jobs: 1, stride: stride)
            XCTAssertGreaterThan(one.count, 100_000, "\(type(of: p))")
            XCTAssertEqual(one, try SchemaTests.scanCorpus(p, keepFindings: true, jobs: 3, stride: stride), "\(type(of: p))")
        }
    }
}

final class JSONWriterTests: XCTestCase {
    func written(_ body: (inout JSONWriter) -> Void) -> String {
        var w = JSONWriter()
        body(&w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    func testStringsAreEscapedOnlyWhereJSONNeedsIt() throws {
        let text = "Zoë said \"hi\"\\ then\nleft\t\r\u{1}\u{7F} — ok"
        let json = written { $0.string(text) }
        XCTAssertEqual(json, "\"Zoë said \\\"hi\\\"\\\\ then\\nleft\\t\\r\\u0001\\u007f — ok\"")
        let back = try JSONSerialization.jsonObject(with: Data(("[" + json + "]").utf8)) as? [String]
        XCTAssertEqual(back, [text])
        XCTAssertEqual(written { $0.string("") }, "\"\"")
        XCTAssertEqual(written { $0.string(utf8: Array("a\"b".utf8)) }, "\"a\\\"b\"")
        XCTAssertEqual(written { $0.string(utf8: "a\"b".utf8.lazy.map { $0 }) }, "\"a\\\"b\"")
    }

    func testIntegers() {
        for v in [0, 7, 10, 25, -3, 1_000_000, Int.max, Int.min] {
            XCTAssertEqual(written { $0.int(v) }, String(v))
        }
    }
}
