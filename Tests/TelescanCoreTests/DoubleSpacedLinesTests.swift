import XCTest
@testable import TelescanCore

/// A note with a blank line after every line read single-spaced; ranges map back.
final class DoubleSpacedLinesTests: XCTestCase {
    func single(_ s: String) -> String? {
        DoubleSpacedLines.single(Array(s.utf8)).map { String(decoding: $0.text, as: UTF8.self) }
    }

    func testEveryOtherBlankLineIsRemoved() {
        XCTAssertEqual(single("Video visit\n\nConsent: verbal\n\nTime: 20 min\n\n\n\nDana Lee, MD\n"),
                       "Video visit\nConsent: verbal\nTime: 20 min\n\nDana Lee, MD\n")
        XCTAssertEqual(single("a\r\n\r\nb\r\n\r\nc\r\n\r\nd"), "a\r\nb\r\nc\r\nd")
    }

    func testNotesWithOrdinaryParagraphsStay() {
        XCTAssertNil(single("Video visit\nConsent: verbal\n\nTime: 20 min\nDana Lee, MD"))
        XCTAssertNil(single("one\n\ntwo\n\nthree"))    // too short to tell
        XCTAssertNil(single("a\nb\nc\nd\ne"))
        XCTAssertNil(single("a\n\nb\nc\nd\n\ne\nf"))
    }

    func testRangesMapBackToTheNote() throws {
        let note = Array("Video visit\n\nConsent: verbal\n\nTime: 20 min\n\nDana Lee, MD".utf8)
        let (text, map) = try XCTUnwrap(DoubleSpacedLines.single(note))
        XCTAssertEqual(String(decoding: text, as: UTF8.self), "Video visit\nConsent: verbal\nTime: 20 min\nDana Lee, MD")
        // "Time: 20 min" is at 28..<40 in the copy, 30..<42 in the note.
        XCTAssertEqual(map.original(28..<40), 30..<42)
        XCTAssertEqual(String(decoding: note[30..<42], as: UTF8.self), "Time: 20 min")
    }
}
