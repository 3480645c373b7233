import XCTest
@testable import TelescanCore

/// A calendar date beside a technology, in its own sentence and not on the title line, marks
/// another day's contact; in a note that states a face-to-face setting it is no visit's technology.
final class DatedMentionTests: XCTestCase {
    /// Whether the first occurrence of `phrase` in `text` is dated.
    func dated(_ text: String, _ phrase: String) -> Bool {
        let bytes = Array(text.utf8), p = Array(phrase.utf8)
        guard let at = (0...(bytes.count - p.count)).first(where: { Array(bytes[$0..<($0 + p.count)]) == p }) else {
            XCTFail("'\(phrase)' not in '\(text)'"); return false
        }
        return bytes.withUnsafeBufferPointer { DatedMention.isDated(at..<(at + p.count), in: $0) }
    }

    func testADateBesideTheSpanInItsSentence() {
        let cases = [
            ("OFFICE VISIT\nDate: 09/17/2026\nI saw her by video on 09/03 while she was at rehab.", "by video"),
            ("FACE-TO-FACE VISIT\nDate: 02/09/2026\nInteractive contact: completed by telephone 02/04/2026 by the RN.", "by telephone"),
            ("PROCEDURE NOTE\nDate: 03/17/2026\nCounseling at a video visit on 2/24/2026; here today for the IUD.", "video visit"),
            ("Office visit 03/20/2026\nSeen by video on March 3 for the same rash.", "by video"),
            ("Office visit 4/2/26\nOn 3/12 seen by video for the same.", "seen by video"),
            // A note flattened to one line has no title past its first 400 bytes.
            ("OFFICE VISIT " + String(repeating: "exam ", count: 90) + "I saw her by video on 09/03.", "by video"),
        ]
        for (text, phrase) in cases { XCTAssertTrue(dated(text, phrase), text) }
    }

    /// A mention of the note's own day (its first date in the opening lines, even the mention's
    /// own) is this visit.
    func testTheNotesOwnDateIsThisVisit() {
        XCTAssertFalse(dated("Visit summary\nDate of your video visit: 03/03/2026\nWe talked about your knee.", "video visit"))
        XCTAssertFalse(dated("Visit summary\nDate: 03/03/2026\nYour video visit on March 3 covered your knee.", "video visit"))
        XCTAssertTrue(dated("Visit summary\nDate: 03/10/2026\nYour video visit on March 3 covered your knee.", "video visit"))
        XCTAssertFalse(dated("OFFICE VISIT 9/17/2026\nSeen by video on 09/17 as well.", "by video"))
    }

    func testNoDateOrADateElsewhere() {
        let cases = [
            // The title's date is the note's own.
            ("phone visit 5/16/24\npt called in from his truck.", "phone visit"),
            // No date, or one past the sentence's end.
            ("Office visit\nVideo follow-up in 2 weeks.", "Video follow-up"),
            ("Office visit\nSeen by video. Labs 3/12 normal.", "Seen by video"),
            // A blood pressure or a score out of 27 is no date; "may" is a verb.
            ("Office visit\nBy phone BP 128/84 today.", "By phone"),
            ("Office visit\nWe may do video 2 weeks from now.", "video"),
            ("Office visit\nVideo check, PHQ-9 14/27 today.", "Video check"),
        ]
        for (text, phrase) in cases { XCTAssertFalse(dated(text, phrase), text) }
    }

    /// The classifier: an office visit that tells of another day's video visit stays an office
    /// visit; the same sentence without its date still reads as the visit's technology.
    func testAnOfficeVisitWithADatedVideoMentionIsInPerson() throws {
        let scanner = try NoteScanner.forTests()
        let dated = scanner.scan(text: "OFFICE VISIT\nDate: 09/17/2026\nVisit type: in person, established patient.\nI saw her by video on 09/03 while she was still at rehab.\nBP 132/80. Plan: continue amlodipine.\nJo Lee, MD")
        XCTAssertEqual(dated.service, .inPerson)
        let titled = scanner.scan(text: "Phone visit 5/16/24\nPt at home, ok to do visit by phone. If not better in 4 wks -> in person exam.\n15 min\nJo Lee, PA")
        XCTAssertEqual(titled.service, .telemedicineVisit)
    }
}
