import XCTest
@testable import TelescanCore

/// Bare carriage returns end lines; a CRLF's, and a run of them before a line feed, stay.
final class LoneCarriageReturnsTests: XCTestCase {
    func masked(_ s: String) -> String? {
        LoneCarriageReturns.masked(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    func testBareReturnsBecomeLineFeeds() {
        XCTAssertEqual(masked("Video visit\rConsent: yes\r\rJane Roe, MD\r"), "Video visit\nConsent: yes\n\nJane Roe, MD\n")
        // Mixed: the CRLF stays, the bare one changes.
        XCTAssertEqual(masked("a\r\nb\rc"), "a\r\nb\nc")
    }

    func testLineFeedsAndCRLFStay() {
        XCTAssertNil(masked("Video visit\nConsent: yes\n"))
        XCTAssertNil(masked("Video visit\r\nConsent: yes\r\n"))
        // A CRLF converted twice is one line end, not a blank line.
        XCTAssertNil(masked("Video visit\r\r\nConsent: yes\r\r\n"))
        XCTAssertNil(masked(""))
    }

    /// End to end: a note whose lines end in bare returns reads as the same note with line
    /// feeds, and quotes keep the returns. Read as one line, the plan's "call back if ..." made
    /// the time after it hypothetical and the signature was lost.
    func testNoteWithBareReturnsIsRead() throws {
        let lines = ["Video visit; patient at home and agreed to it.",
                     "Rx: amoxicillin 500 mg TID x7d. Rest, fluids. Call back if fever, ear pain, rash.",
                     "Total time 14 minutes.", "Lena Fischer, MD"]
        let scanner = try NoteScanner.forTests()
        let withFeeds = scanner.scan(text: lines.joined(separator: "\n"))
        let withReturns = scanner.scan(text: lines.joined(separator: "\r"))
        for r in [withFeeds, withReturns] {
            XCTAssertEqual(r.elements.time?.value, 14)
            XCTAssertEqual(r.elements.performingProvider?.value.name, "Lena Fischer")
            XCTAssertEqual(r.elements.patientLocation?.value, "home")
        }
        let ev = withReturns.evidence(try XCTUnwrap(withReturns.elements.time?.evidence.first))
        XCTAssertEqual(ev.quote, "Total time 14 minutes")
    }
}
