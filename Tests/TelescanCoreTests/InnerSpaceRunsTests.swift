import XCTest
@testable import TelescanCore

/// Two spaces or a no-break space between two words read as one space, and ranges map back.
final class InnerSpaceRunsTests: XCTestCase {
    func squeezed(_ s: String) -> String? {
        InnerSpaceRuns.squeezed(Array(s.utf8)).map { String(decoding: $0.text, as: UTF8.self) }
    }

    func testPairsAndNoBreakSpacesBetweenWordsBecomeOneSpace() {
        XCTAssertEqual(squeezed("athletic  training  room"), "athletic training room")
        XCTAssertEqual(squeezed("MDM low.  Idris Varga MD"), "MDM low. Idris Varga MD")
        XCTAssertEqual(squeezed("Pt\u{00A0}at\u{00A0}home"), "Pt at home")
        XCTAssertEqual(squeezed("25\u{202F}minutes, 5\u{2007}min"), "25 minutes, 5 min")
        XCTAssertEqual(squeezed("café\u{00A0}é  x"), "café é x")
    }

    func testColumnsTabsIndentationAndLineEndsStay() {
        for s in ["Visit format      Video", "Duration   14 min", "Consent\t\tYes", "Consent \tYes", "  indented line",
                  "trailing  \nnext", "a  \n  b", "word\u{00A0}\u{00A0}word", "word \u{00A0}word", "a\u{00A0} b",
                  "one space each", "", " ", "  ", "x\u{00C2}", "end\u{00C2}", "\u{00A0}start"] {
            XCTAssertNil(squeezed(s), s.debugDescription)
        }
        // A pair beside a column gap: only the pair.
        XCTAssertEqual(squeezed("Pt  seen     Video"), "Pt seen     Video")
    }

    func testLongNotesAreSqueezedPastTheFastPath() {
        // Pairs after long stretches the eight-byte test skips, and at every alignment.
        for pad in 0..<9 {
            let filler = String(repeating: "x", count: 40 + pad)
            XCTAssertEqual(squeezed(filler + "  y " + filler + "\u{00A0}z"), filler + " y " + filler + " z", "pad \(pad)")
        }
    }

    func testRangesMapBackToTheNote() throws {
        let note = Array("Pt  at\u{00A0}home  today".utf8)
        let (text, map) = try XCTUnwrap(InnerSpaceRuns.squeezed(note))
        XCTAssertEqual(String(decoding: text, as: UTF8.self), "Pt at home today")
        // "at home" in the copy (3..<10) is "at\u{00A0}home" in the note (4..<12).
        XCTAssertEqual(map.original(3..<10), 4..<12)
        XCTAssertEqual(map.original(0..<2), 0..<2)
        // A range ending on the squeezed space takes the whole pair.
        XCTAssertEqual(map.original(0..<3), 0..<4)
        XCTAssertEqual(map.original(11..<16), 14..<19)
    }

    /// End to end: a note typed with two spaces between words, or with no-break spaces, reads as
    /// the same note single-spaced, and its evidence quotes the note as given.
    func testDoubleSpacedNoteReadsAsSingleSpaced() throws {
        let scanner = try NoteScanner.forTests()
        let single = "Setting: pt seen on video from the athletic training room at Northfield High School. Verbal consent obtained. Total time: 20 minutes.\nDana Lee, MD"
        for space in ["  ", "\u{00A0}"] {
            let note = single.replacingOccurrences(of: #"(?<=[A-Za-z]) (?=[A-Za-z])"#, with: space, options: .regularExpression)
            let r = scanner.scan(text: note)
            XCTAssertEqual(r.elements.patientLocation?.value, "other", space.debugDescription)
            XCTAssertEqual(r.elements.time?.value, 20)
            XCTAssertEqual(r.status, scanner.scan(text: single).status)
            let ev = r.evidence(try XCTUnwrap(r.elements.patientLocation?.evidence.first))
            XCTAssertTrue(ev.quote.contains("athletic" + space + "training" + space + "room"), ev.quote)
            XCTAssertEqual(Array(note.unicodeScalars)[ev.start..<ev.end].map(String.init).joined(), ev.quote)
        }
    }
}
