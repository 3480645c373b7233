import XCTest
@testable import TelescanCore

/// Activities with their minutes on one line and no total add up; a line with a total, a
/// diary of something else, a single amount or parts that name no work do not.
final class ActivityMinutesTests: XCTestCase {
    func sum(_ s: String, staff: Bool = false) -> Int? {
        Array(s.utf8).withUnsafeBufferPointer { ActivityMinutes.sum(in: $0, countingStaff: staff)?.minutes }
    }

    func testPartsAddUp() {
        XCTAssertEqual(sum("Plan as above.\nChart review 5 min. Video 18 min. Documentation and lab order 7 min.\n"), 30)
        XCTAssertEqual(sum("Intake review 3 min | Video encounter 11 min | E-prescribe and note 4 min"), 18)
        // A part with no minutes joins the next; a clock range is a part's minutes.
        XCTAssertEqual(sum("Call 09:12-09:26 (14 min). Called the pharmacy afterward to fix the concentration on the Rx, 4 min. Note 5 min."), 23)
        XCTAssertEqual(sum("Phone call 14:05-14:17; documentation/order 14:17-14:22"), 17)
        // Bare numbers on a line labelled as time; a remark in brackets is no part.
        XCTAssertEqual(sum("Physician time today: review 6, video 19, documentation 5 (scribe time not included)."), 30)
        XCTAssertEqual(sum("Provider time 04/02: review 4, video 15, orders 3."), 22)
        XCTAssertEqual(sum("Time: 15+8 min (call + charting)"), 23)
        // A part the note leaves out of the count.
        XCTAssertEqual(sum("Time: E/M 14 min. ACP 17 min (separately documented and billed, not included in the E/M time). Note 3 min."), 17)
        // Staff parts add nothing, except in a monitoring month.
        XCTAssertEqual(sum("Time: RN navigator 20 min (teaching, scheduling). Physician 25 min (history, review of labs, counseling, plan)."), 25)
        XCTAssertEqual(sum("Time: RN navigator 20 min (teaching, scheduling). Physician 25 min (history, review of labs, counseling, plan).", staff: true), 45)
        // The largest line of the note.
        XCTAssertEqual(sum("Call 5 min, note 2 min.\nReview 10 min; video 20 min.\n"), 30)
    }

    func testNoList() {
        // A stated total stands.
        XCTAssertNil(sum("Time: pre-visit 6 min, face-to-face 24 min, note/referral 10 min - 40 min total."))
        XCTAssertNil(sum("Talk time 5 min + 3 min going over his BP log with him on the line = 8 min."))
        // One amount, or a part with two.
        XCTAssertNil(sum("Video visit 20 min."))
        XCTAssertNil(sum("Reviewed labs + called pt 10 min"))
        XCTAssertNil(sum("Reviewed message 4 min and replied 5 min, chart 3 min"))
        // A diary of something else, or a part that names no work.
        XCTAssertNil(sum("Walks 20 min, bikes 15 min."))
        XCTAssertNil(sum("Headache 30 min, then video 10 min."))
        XCTAssertNil(sum("Discussed 10 min with pt, 5 min with daughter."))
        XCTAssertNil(sum("Symptom onset 20 min after eating, lasted 10 min."))
        // "time" outside a label: an earlier visit's or a talk's time.
        XCTAssertNil(sum("04/10/2025 video: Started sertraline. Time 20 min. Call 5 min."))
        // Bare numbers off a time label, or after a single letter ("x 2"), are no minutes.
        XCTAssertNil(sum("Labs: review 6, video 19, documentation 5."))
        XCTAssertNil(sum("Time: BP 128/78, HR 70."))
        XCTAssertNil(sum("Time: repeat x 2, review x 3."))
        // Prose about times: a part of another amount, another person's or day's time, one time
        // told twice, a long sentence.
        XCTAssertNil(sum("I spent 40 minutes on her care on the date of the call, of which approximately 32 minutes were spent in discussion."))
        XCTAssertNil(sum("Time: my own time on the date of service was 35 minutes. Separately, our genetic counselor provided 40 minutes of counseling."))
        XCTAssertNil(sum("Group time: 10:00 - 11:30 AM. Group duration: 90 minutes."))
        XCTAssertNil(sum("Our session today lasted 50 minutes. Her next session will be 45 minutes, on video, in two weeks."))
        XCTAssertNil(sum("We started the visit on the phone while he hunted for his reading glasses and got the app open, and after about three minutes he joined on video for the rest of the 25 min visit. Note 5 min."))
        // Points in time and parts of another amount.
        XCTAssertNil(sum("Video dropped once about 10 minutes in; reconnected after 2 minutes and finished on video."))
        XCTAssertNil(sum("My management time this month: 25 minutes, incl. today's 12 min call."))
        XCTAssertNil(sum("Answered: before meds, seated 5 min. 4 min call."))
        // Staff's parts only, outside a monitoring month.
        XCTAssertNil(sum("MA 10 min (rooming), RN 8 min (teaching)."))
    }

    /// In a note, the line's sum replaces a time read from one of its parts, and not a total
    /// stated elsewhere.
    func testTheLineStandsOnlyForItsOwnParts() throws {
        let scanner = try NoteScanner.forTests()
        let visit = "Video visit, pt at home, consented to telehealth.\nMDM moderate.\nChart review 5 min. Video 18 min. Documentation 7 min.\n"
        XCTAssertEqual(scanner.scan(text: visit + "Jo Lee, NP").elements.time?.value, 30)
        XCTAssertEqual(scanner.scan(text: visit + "Total time on the date of service: 40 minutes.\nJo Lee, NP").elements.time?.value, 40)
    }
}
