import XCTest
@testable import TelescanCore

/// Tables with a column of minutes, and minutes listed person by person under a heading of
/// time: the clinician's rows of the visit's day add up (or a total row stands when no row was
/// left out); staff rows count only in a monitoring month; diaries and tables of no minutes read
/// nothing.
final class MinutesTableTests: XCTestCase {
    func table(_ s: String, _ service: Service = .telemedicineVisit, performer: (String, String)? = nil) -> Int? {
        let p = performer.map { NoteElements.Provider(name: $0.0, credential: $0.1) }
        return Array(s.utf8).withUnsafeBufferPointer { MinutesTable.sum(in: $0, service: service, performer: p)?.sum.minutes }
    }

    func team(_ s: String, staff: Bool = false) -> Int? {
        Array(s.utf8).withUnsafeBufferPointer { TeamMinutes.sum(in: $0, countingStaff: staff)?.sum.minutes }
    }

    func testTablesAddUp() {
        // A total row stands when no row is left out.
        XCTAssertEqual(table("Time log\n| Activity | Minutes |\n|---|---|\n| Reviewed BP log | 6 |\n| Video visit with patient | 18 |\n| Orders and documentation | 7 |\n| Total | 31 |\n"), 31)
        // The same table as the text layer writes it (first pipe a blank, second ": ").
        XCTAssertEqual(table("Time log\n  Activity:  Minutes |\n|---|---|\n  Reviewed BP log:  6 |\n  Video visit with patient:  18 |\n  Orders and documentation:  7 |\n"), 31)
        // Only the last day's rows in a visit; a staff row adds nothing.
        XCTAssertEqual(table("""
            | Date       | Who           | Activity                 | Min |
            |------------|---------------|--------------------------|-----|
            | 03/11/2026 | M. Oyelaran   | Reviewed outside echo    | 15  |
            | 03/12/2026 | K. Dube, RN   | Med reconciliation call  | 10  |
            | 03/12/2026 | M. Oyelaran   | Pre-visit review, labs   | 6   |
            | 03/12/2026 | M. Oyelaran   | Video visit              | 22  |
            | 03/12/2026 | M. Oyelaran   | Orders, letter to PCP    | 7   |

            """, performer: ("Marcus Oyelaran", "MD")), 35)
        // A row marked today, after the closing pipe.
        XCTAssertEqual(table("| Date | Type | Pt loc | Min |\n|---|---|---|---|\n| 01/12/26 | phone | WK | 15 |\n| 03/10/26 | video | HM | 28 |   <- today\n| 02/09/26 | video | car | 18 |\n"), 28)
        // An e-visit's days all count; a row "not counted" is left out, so the total row does not stand.
        XCTAssertEqual(table("| Date | Activity | Minutes |\n|---|---|---|\n| 04/01 | Reviewed message | 6 |\n| 04/02 | Wrote reply | 5 |\n| 04/04 | Answered follow-up | 4 |\n| 7-day total | | 15 |\n| 04/10 | New question (outside this window, not counted) | 3 |\n", .eVisit), 15)
        // Tabs; a total over both days is not the visit day's time.
        XCTAssertEqual(table("Date\tActivity\tMinutes\n03/11\tOutside records review\t20\n03/12\tChart review before the visit\t10\n03/12\tVideo encounter\t45\n03/12\tOrders, documentation\t12\nTotal, both days\t\t87\n"), 67)
        // Staff count in a monitoring month; a row with no minutes adds nothing.
        XCTAssertEqual(table("Date\tWho\tWhat\tMin\tRunning\n3/2\tE. Calloway RN\tweekly call\t7\t7\n3/18\tE. Calloway RN\tcall after readings resumed\t9\t16\n3/30\tE. Calloway RN\tvoicemail left\t-\t16\n", .remoteMonitoring), 16)
        // With a column of who did it, the performer's rows (by surname).
        XCTAssertEqual(table("| Staff | Task | Min |\n|---|---|---|\n| MA (Tiana R.) | Rooming, vitals | 12 |\n| Imogen Castellano-Burke, NP | History, exam, counseling | 30 |\n| Imogen Castellano-Burke, NP | Orders, documentation | 8 |\n", .inPerson, performer: ("Imogen Castellano-Burke", "NP")), 38)
        // A call log of clock times: from the connecting row to the ending one.
        XCTAssertEqual(table("| # | Time  | Result |\n|---|---|---|\n| 1 | 09:00 | no answer |\n| 2 | 09:20 | connected |\n| - | 09:41 | call ended |\n"), 21)
        // Rows (and a header) written without their closing pipe keep their last cell.
        XCTAssertEqual(table("| Activity | Minutes\n|---|---\n| Chart review | 5\n| Video visit | 20\n"), 25)
        XCTAssertEqual(table("| Date | Activity | Min |\n|---|---|---|\n| 03/12 | Chart review | 5\n| 03/12 | Video visit | 20 |\n"), 25)
        // Start and end columns.
        XCTAssertEqual(table("| Segment | Start | End |\n|---|---|---|\n| Video visit | 14:05 | 14:17 |\n| Call back | 14:30 | 14:36 |\n"), 18)
    }

    func testNoTable() {
        // A diary: rows of exercise with no work.
        XCTAssertNil(table("| Day | Activity | Minutes |\n|---|---|---|\n| Mon | Walk | 30 |\n| Tue | Bike | 20 |\n"))
        // No minutes column: a table of readings.
        XCTAssertNil(table("Date   | Rescue puffs | Controller\n04/02  |      2       | yes / yes\n04/05  |      4       | yes / no\n"))
        // Blank minutes.
        XCTAssertNil(table("| Date | Activity | Minutes |\n|---|---|---|\n| 02/02 | Reviewed message |  |\n| Total |  | ___ |\n", .eVisit))
        // A staff word that names the row's counterpart, not who did it.
        XCTAssertEqual(table("| Activity | Minutes |\n| Pre-visit review | 6 |\n| Video face time with patient | 18 |\n| Care coordination with pharmacist (same day) | 4 |\n| Call to RN case manager | 3 |\n"), 31)
        // Only staff rows outside a monitoring month.
        XCTAssertNil(table("| Staff | Task | Min |\n|---|---|---|\n| K. Dube, RN | Intake call | 10 |\n"))
        // A header with numbers is a row, not a header; label rows of two cells with no minutes header.
        XCTAssertNil(table("| Time | 25 min |\n| Video visit | 10 min |\n"))
        XCTAssertNil(table("Patient location\tHome\nTotal time\t25 min\n"))
        // "Minor" and "Length" are no minutes.
        XCTAssertNil(table("| Procedure | Minor | Note |\n|---|---|---|\n| Video visit review | 12 | call |\n"))
        XCTAssertNil(table("| Wound | Length | Width |\n|---|---|---|\n| Heel, reviewed by video | 4 | 2 |\n"))
        // A call log that never connects.
        XCTAssertNil(table("| # | Time | Result |\n|---|---|---|\n| 1 | 09:00 | no answer |\n| 2 | 09:20 | voicemail |\n"))
    }

    func testTeamMinutes() {
        XCTAssertEqual(team("Plan as above.\nTime\nNP: 35 min\nChaplain: 20 min\nSocial work: 15 min\n(Team time listed for our records.)\n"), 35)
        XCTAssertEqual(team("Time\nPhysician: 30 min\nMA: 10 min\nRN (cognitive screen, HRA): 5 min\n"), 30)
        XCTAssertEqual(team("Time\nPhysician: 30 min\nRT (mask fit review by video with patient before physician joined): 15 min\n"), 30)
        XCTAssertEqual(team("Time\nPhysician: 28 min\nFacility RN (at bedside, held tablet): 28 min\n"), 28)
        // Staff count in a monitoring month; a total stands when no line was left out.
        XCTAssertEqual(team("Time this month\nRN: 14 min\nMD: 6 min\n", staff: true), 20)
        XCTAssertEqual(team("Time spent\nReview: 5 min\nVideo: 20 min\nTotal: 27 min\n"), 27)
        // No heading, one line, a heading with a number, or lines that are no entries.
        XCTAssertNil(team("Assessment\nNP: 35 min\nChaplain: 20 min\n"))
        XCTAssertNil(team("Time\nNP: 35 min\n"))
        XCTAssertNil(team("Time 14:05\nNP: 35 min\nRN: 20 min\n"))
        XCTAssertNil(team("Time\nWalked 30 min daily\nBP 120/80\n"))
        XCTAssertNil(team("Time\nMA: 10 min\nRN: 5 min\n"))
        XCTAssertNil(team("Time\nWalk: 30 min\nBike: 20 min\n"))
        // Days or sessions, not people or activities.
        XCTAssertNil(team("Time:\n- Session 1 (10/06): 85 minutes, documented and billed on that date.\n- Today (10/07): 70 minutes total, including feedback.\n"))
    }
}
