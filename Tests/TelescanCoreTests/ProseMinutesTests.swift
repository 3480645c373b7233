import XCTest
@testable import TelescanCore

/// The clinician's minutes told in a sentence as parts add up; sentences of other people's time,
/// of totals, ranges, rates and symptoms, and a single amount, give nothing.
final class ProseMinutesTests: XCTestCase {
    func sum(_ s: String, staff: Bool = false) -> Int? {
        Array(s.utf8).withUnsafeBufferPointer { ProseMinutes.sum(in: $0, countingStaff: staff)?.minutes }
    }

    func testPartsInASentenceAddUp() {
        XCTAssertEqual(sum("Plan as above.\nAnswering her messages this week took me 5 minutes on the 3rd and 7 minutes on the 6th.\n"), 12)
        XCTAssertEqual(sum("I spent 10 minutes going through her download on Monday and 4 minutes writing back on\nThursday. She will continue.\n"), 14)
        XCTAssertEqual(sum("Reviewing her photos and writing back took me about 8 minutes on Tuesday and 4 more on Thursday.\n"), 12)
        XCTAssertEqual(sum("My own time on this over the three days: 4 min Monday, 6 min Tuesday, 3 min Wednesday.\n"), 13)
        // "N more" in the next sentence adds to the one before.
        XCTAssertEqual(sum("We spent roughly 15 minutes together on video. Afterward I put in about 5 more comparing her labs.\n"), 20)
        // Staff count in a monitoring month.
        XCTAssertEqual(sum("This month I spent 12 minutes and the RN spent 9 minutes on calls with him.\n", staff: true), 21)
    }

    func testNoSum() {
        // One amount.
        XCTAssertNil(sum("I spent 25 minutes on this visit.\n"))
        // A total, a part of another amount, a range.
        XCTAssertNil(sum("I spent 40 minutes in total, 25 minutes of it counseling.\n"))
        XCTAssertNil(sum("I spent 30 minutes, of which 20 minutes were counseling.\n"))
        XCTAssertNil(sum("It took me 10-15 minutes and another 5 minutes to chart.\n"))
        // Someone else's minutes, outside a monitoring month.
        XCTAssertNil(sum("The RN spent 5 minutes and I spent 10 minutes on the call.\n"))
        // No one says they spent it: a symptom's or the patient's minutes.
        XCTAssertNil(sum("Her headaches last 20 minutes and come 3 minutes after standing.\n"))
        XCTAssertNil(sum("She walks 20 minutes in the morning and 15 minutes after dinner, she told me.\n"))
        // A blank line between the sentences.
        XCTAssertNil(sum("We spent 15 minutes on video.\n\nI put in 5 more on the letter.\n"))
        // A whole and its parts.
        XCTAssertNil(sum("I spent 25 minutes, with 18 minutes face to face.\n"))
        XCTAssertNil(sum("I spent 30 minutes: 20 minutes video, 5 minutes reviewing, 5 minutes charting.\n"))
        // Parts, then their total.
        XCTAssertNil(sum("Virtual check-in. Time: 2 min initial + 2 min callback after I checked his med list = 4 min.\n"))
        XCTAssertNil(sum("I talked with her for about 20 minutes, and afterwards spent another 10 going over the images, so 30 minutes on her care today.\n"))
        XCTAssertNil(sum("Time: I reviewed his records for 5 minutes before we connected, we were on video 20 minutes, and I spent 6 minutes afterward on the note - 31 minutes for the visit.\n"))
        // Rates.
        XCTAssertNil(sum("I took 5 minutes each day and 10 minutes per week.\n"))
    }
}
