import XCTest
@testable import TelescanCore

/// Lines' indentation read as absent; ranges map back to the note.
final class LineIndentationTests: XCTestCase {
    func removed(_ s: String) -> String? {
        LineIndentation.removed(Array(s.utf8)).map { String(decoding: $0.text, as: UTF8.self) }
    }

    func testIndentationIsRemoved() {
        XCTAssertEqual(removed("    Total time: 15 min.\n\tConsent: verbal\nPlan: rest"), "Total time: 15 min.\nConsent: verbal\nPlan: rest")
        XCTAssertEqual(removed("  a\r\n  b"), "a\r\nb")
        // Trailing blanks, and a blank line's, go too; spaces inside a line stay.
        XCTAssertEqual(removed("  a  \n   \nb  c\t\r\nd"), "a\n\nb  c\r\nd")
        XCTAssertEqual(removed("Consent: verbal" + String(repeating: " ", count: 65) + "\nTime: 20 min"), "Consent: verbal\nTime: 20 min")
        XCTAssertNil(removed("no indentation\nat all"))
        XCTAssertNil(removed("\n\nx\n"))
    }

    func testRangesMapBackToTheNote() throws {
        let note = Array("Video visit.\n    Total time: 15 min.".utf8)
        let (text, map) = try XCTUnwrap(LineIndentation.removed(note))
        let copy = String(decoding: text, as: UTF8.self)
        let r = try XCTUnwrap(copy.range(of: "Total time: 15 min"))
        let lo = copy.utf8.distance(from: copy.startIndex, to: r.lowerBound)
        let hi = copy.utf8.distance(from: copy.startIndex, to: r.upperBound)
        XCTAssertEqual(map.original(lo..<hi), 17..<35)
        XCTAssertEqual(String(decoding: note[17..<35], as: UTF8.self), "Total time: 15 min")
        // A range that ends where blanks were left out ends before them; one that starts there
        // starts after them.
        let padded = Array("Dana Lee, MD        \n    Family Medicine".utf8)
        let (_, m) = try XCTUnwrap(LineIndentation.removed(padded))
        XCTAssertEqual(m.original(0..<12), 0..<12)          // "Dana Lee, MD"
        XCTAssertEqual(m.original(13..<28), 25..<40)        // "Family Medicine"
        XCTAssertEqual(m.original(0..<28), 0..<40)
    }
}
