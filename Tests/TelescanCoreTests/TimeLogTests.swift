import XCTest
@testable import TelescanCore

/// A log of the clinician's time with no total adds up; a diary of something else, staff rows
/// and a single row do not.
final class TimeLogTests: XCTestCase {
    func sum(_ s: String, staff: Bool = false) -> Int? {
        Array(s.utf8).withUnsafeBufferPointer { TimeLog.sum(in: $0, countingStaff: staff)?.minutes }
    }

    func testRowsAddUp() {
        // A call log: a row without minutes keeps the log going.
        XCTAssertEqual(sum("Calls:\n  09:02  outbound - no answer\n  09:10  outbound - connected, 7 min, dropped\n  09:18  outbound - connected, 12 min\n  09:41  inbound  - pt called back, 3 min\nPlan: ..."), 22)
        // Clock ranges.
        XCTAssertEqual(sum("Time log (mine):\n  08:40-08:47  PDMP + UDS review\n  08:50-09:12  video visit\n  09:15-09:21  note, e-Rx\n"), 35)
        XCTAssertEqual(sum("- 11:50 - 12:10 video visit\n- 12:15 - 12:20 note\n"), 25)
        // A row's words wrapped onto an indented line; minutes with a prime.
        XCTAssertEqual(sum("  10:15-10:22  first call - home meter INR 4.1 this morning; gums bleed when\n               brushing x 2 days\n  10:22-10:26  med review - started ciprofloxacin\n  13:40-13:52  second call after stat CBC\n  14:05-14:10  called his pharmacy\n"), 28)
        XCTAssertEqual(sum("06/13 - reviewed the worksheet and wrote feedback: 5'.\n06/15 - short reply: 3 mins.\n"), 8)
        // An e-visit's days; a bracketed staff line after the log is no row.
        XCTAssertEqual(sum("Mon 3/9  Reviewed his message + photos. 4 min\nTue 3/10 He answered; advised RICE. 6 min\nThu 3/12 Reviewed x-ray, messaged results. 3 min\nSat 3/14 He asked about hiking; advised. 2 min\n\n(RN portal triage on Mon 3/9 - 5 min - not counted.)"), 15)
        // Staff rows add nothing, except in a monitoring month.
        let staffed = "06/01/2026 (Dr. Abara) - reviewed BP log, asked for photos. 4 min.\n06/02/2026 (MA) - sent instructions for uploading photos. 3 min (staff).\n06/03/2026 (Dr. Lindgren) - reviewed photos, replied to pt. 7 min\n"
        XCTAssertEqual(sum(staffed), 11)
        XCTAssertEqual(sum(staffed, staff: true), 14)
    }

    func testDaysAsParagraphsStaffTimeAndSymptomsReviewed() {
        // An e-visit's days as paragraphs, one blank line apart, that name the symptoms reviewed.
        XCTAssertEqual(sum("Day 1 - 4/2: Reviewed questionnaire: dysuria, no fever, no flank pain. 6 min.\n\nDay 2 - 4/3: She replied. Nitrofurantoin 100 mg BID x 5 d sent. 9 min.\n\nDay 4 - 4/5: Back ache after gardening 2 h; no flank pain. Reviewed; reassured. 7 min.\n\nGwen Ashby, MD"), 22)
        // A nurse's row that calls its minutes "nursing time" adds nothing and spoils nothing.
        XCTAssertEqual(sum("03/03  Dana Pruitt, RN - portal triage questionnaire, 5 min (nursing time)\n03/03  Dr. Haskell - read her message, wrote back with the plan - 6 min\n03/04  Dr. Haskell read and replied - 3 min\n03/06  Culture back; Dr. Haskell reviewed, messaged pt - 4 min\n"), 13)
        // Two blank lines, or a blank line and a line that is no row, end the log.
        XCTAssertNil(sum("3/9 reviewed message 4 min\n\n\n3/10 called pt 6 min\n"))
        XCTAssertNil(sum("3/9 reviewed message 4 min\n\nPlan as above.\n3/10 called pt 6 min\n"))
        XCTAssertEqual(sum("3/9 reviewed message 4 min\n3/10 called pt 6 min\n\nPlan as above.\n3/12 called pt 5 min\n"), 10)
        // A symptom diary stays a diary, paragraphs or not; "Day" with no number is no row.
        XCTAssertNil(sum("Day 1: headache 40 min\n\nDay 2: headache 25 min\n"))
        XCTAssertNil(sum("Day one reviewed message 4 min\nDay two called 6 min\n"))
    }

    func testNumberedCallsMilitaryClocksAndMinutesFirstRows() {
        // Numbered calls, with clock ranges or minutes.
        XCTAssertEqual(sum("1st call: 6 min - stopped so she could find her inhaler; I called her back.\n2nd call: 5 min\n"), 11)
        XCTAssertEqual(sum("Call #1  09:10\u{2013}09:22 outbound\nCall #2  11:40\u{2013}11:51 results reviewed\n"), 23)
        XCTAssertEqual(sum("Call 1: 10:02-10:09 disconnected\nCall 2: 10:15-10:31 pt called back\n"), 23)
        // Four-digit clocks.
        XCTAssertEqual(sum("0845\u{2013}0852  Call 1. Reviewed the refill.\n1210\u{2013}1216  Call 2. Pharmacy confirms the fill.\n"), 13)
        XCTAssertEqual(sum("* 0810-0822 chart prep (labs, imaging)\n* 1040-1102 on video w/ Pt\n"), 34)
        // A bullet that opens with its minutes, inside a log.
        // A segment that only says the call was reconnected.
        XCTAssertEqual(sum("Call log:\n  10:05-10:14  first segment, call dropped (his battery)\n  10:16-10:27  he called back on the landline; dropped again\n  10:29-10:33  reconnected, finished\n"), 24)
        XCTAssertEqual(sum(" - 2:00\u{2013}2:28 pm  video visit with patient and daughter\n - 4:10\u{2013}4:19 pm  phone call back about the discrepancy\n - 8 min reviewing the pharmacy fill history and documenting\n"), 45)
    }

    func testNoNumberedCallLog() {
        // Not a numbered call: a telephone number, 911, a call with no minutes.
        XCTAssertNil(sum("Call 1-800-555-0199 for refills, 5 min wait\nCall 911 if worse, 2 min away\n"))
        XCTAssertNil(sum("1st call 09:40 - voicemail\n2nd call 09:52 - patient answered\n"))
        // Years, not four-digit clocks; minutes first with no log going.
        XCTAssertNil(sum("2019-2021 phone visits with Dr. Ames\n2022-2024 video visits\n"))
        XCTAssertNil(sum("8 min reviewing records\n5 min documenting\n"))
    }

    func testNoLog() {
        // An exercise or a headache diary, one row, two amounts on a row, no rows.
        XCTAssertNil(sum("Mon - walk 20 min\nTue - walk 30 min\n"))
        XCTAssertNil(sum("3/2 - migraine, 45 min\n3/4 - migraine, 30 min\n"))
        XCTAssertNil(sum("09:10 called pt, 7 min\nPlan: ..."))
        XCTAssertNil(sum("3/9 reviewed message 4 min, replied 5 min\n3/10 call 6 min\n"))
        XCTAssertNil(sum("Total time: 25 minutes.\nJo Lee, MD"))
        // A log that states its total, a booking, an earlier visit's time.
        XCTAssertNil(sum("06/10 12:30 questionnaire reviewed, plan sent (6 min)\n06/11 17:05 answered (5 min)\n06/12 09:45 e-visit closed. Total across the 7 days: 14 min.\n"))
        XCTAssertNil(sum("14:00 appt start (20 min slot)\n14:20 call with pt, plan reviewed, 18 min\n"))
        XCTAssertNil(sum("04/10/2025 (video): Started sertraline. Time 20 min.\n04/24/2025 (phone): Continue 50 mg. 12 min.\n"))
        // Rows that name no work of the clinician's.
        XCTAssertNil(sum("08:00 - 08:20 breakfast\n12:00 - 12:30 lunch\n"))
    }

    /// In a note, the log's sum replaces a time read from one of its rows, and not a total stated
    /// elsewhere.
    func testTheLogStandsOnlyForItsOwnRows() throws {
        let scanner = try NoteScanner.forTests()
        let log = "Telephone visit - COPD\nPt at home, no video device (flip phone only). Verbal consent to a phone visit.\nCall log:\n  09:02  outbound - no answer\n  09:10  outbound - connected, 7 min, dropped\n  09:18  outbound - connected, 12 min\n  09:41  inbound  - pt called back re pharmacy, 3 min\nMDM moderate.\n"
        XCTAssertEqual(scanner.scan(text: log + "Jo Lee, NP").elements.time?.value, 22)
        XCTAssertEqual(scanner.scan(text: log + "Total time on the date of service: 30 minutes.\nJo Lee, NP").elements.time?.value, 30)
    }
}
