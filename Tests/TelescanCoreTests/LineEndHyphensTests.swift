import XCTest
@testable import TelescanCore
import TelescanTestSupport

/// A word hyphenated at a line's end is read whole when its parts spell a listed word; only the
/// break is left out otherwise; the map takes ranges back to the note as written.
final class LineEndHyphensTests: XCTestCase {
    let hyphens = LineEndHyphens(words: ["consent", "discussion", "telephone", "minutes", "verbal"])

    func read(_ s: String) -> String? {
        hyphens.joined(Array(s.utf8)).map { String(decoding: $0.text, as: UTF8.self) }
    }

    func testListedWordsAreJoined() {
        XCTAssertEqual(read("Mother gave verbal con-\nsent to the visit."), "Mother gave verbal consent to the visit.")
        XCTAssertEqual(read("12 minutes of medical dis-\r\n    cussion"), "12 minutes of medical discussion")
        XCTAssertEqual(read("he consent-\ned to the call"), "he consented to the call")
        // A break the hard-wrap step made a space: joined only into a listed word.
        XCTAssertEqual(read("gave ver- bal consent"), "gave verbal consent")
    }

    func testOtherWordsKeepTheirHyphen() {
        XCTAssertEqual(read("real-time audio-\nvideo link"), "real-time audio-video link")
        XCTAssertEqual(read("Consent to e-\nvisit given"), "Consent to e-visit given")
    }

    func testNothingElseChanges() {
        for s in ["Plan -\nfollow up", "audio- video", "Dr. Ramaswamy-\nCole, MD", "COVID-\n19 vaccine", "x-ray, e- and m-health", "pre- and post-op", "3-\nminutes"] {
            XCTAssertNil(read(s), s)
        }
    }

    func testRangesMapBackToTheNote() throws {
        let note = Array("Mother gave verbal con-\n  sent today.".utf8)
        let r = try XCTUnwrap(hyphens.joined(note))
        let copy = String(decoding: r.text, as: UTF8.self)
        let at = try XCTUnwrap(copy.range(of: "consent"))
        let range = copy.utf8.distance(from: copy.startIndex, to: at.lowerBound)..<copy.utf8.distance(from: copy.startIndex, to: at.upperBound)
        let back = r.map.original(range)
        XCTAssertEqual(String(decoding: note[back], as: UTF8.self), "con-\n  sent")
    }
}
