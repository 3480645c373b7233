import XCTest
@testable import TelescanCore

/// A one-row export table: its value line read as one "field: value" line per cell, each cell's
/// findings mapped back to the cell; a table of several rows (a log) and prose stay.
final class ColumnTableRowTests: XCTestCase {
    func rewritten(_ s: String) -> String? {
        ColumnTableRow.rewritten(Array(s.utf8)).map { String(decoding: $0.text, as: UTF8.self) }
    }

    func testTabAndPipeRowsReadAsLabelledLines() {
        XCTAssertEqual(rewritten("date\tmode\tconsent\tpt_loc\tmin\n2026-09-03\tphone\tpatient verbal yes\thome\t21\n\nNote: COPD."),
                       "date\tmode\tconsent\tpt_loc\tmin\ndate: 2026-09-03\nmode: phone\nconsent: patient verbal yes\npt_loc: home\nmin: 21\n\nNote: COPD.")
        XCTAssertEqual(rewritten("| Date | Mode | Minutes |\n|---|:---:|---|\n| 9/3 | video | 21 |\nPlan: rest."),
                       "| Date | Mode | Minutes |\n|---|:---:|---|\nDate: 9/3\nMode: video\nMinutes: 21\nPlan: rest.")
        // An empty cell is left out, not read as a label with the next line for its answer.
        XCTAssertEqual(rewritten("mode\tconsent\tmin\nvideo\t\t18"), "mode\tconsent\tmin\nmode: video\nmin: 18")
    }

    func testLogsAndProseStay() {
        XCTAssertNil(rewritten("| Date | Activity | Minutes |\n|---|---|---|\n| 9/3 | review | 4 |\n| 9/4 | call | 6 |"), "a log of rows")
        XCTAssertNil(rewritten("BP 120/80 | HR 72 | SpO2 98%\nVideo visit, pt at home."), "a header with digits is no field row")
        XCTAssertNil(rewritten("Video visit | pt at home | consent given"), "a line with no value row under it")
        XCTAssertNil(rewritten("Plan: rest, fluids.\nCall if worse."))
        // The last two rows of a table of several: no header of its own.
        XCTAssertNil(rewritten("| Element | Level | Basis |\n| Problems | High | acute illness |\n| Risk | Moderate | prescription drug management |\n| Overall MDM | HIGH |   |"))
    }

    func testCellsMapBackToTheNote() throws {
        let note = Array("date\tmode\tmin\n2026-09-03\tphone\t21\n".utf8)
        let r = try XCTUnwrap(ColumnTableRow.rewritten(note))
        let text = String(decoding: r.text, as: UTF8.self)
        for (phrase, original) in [("phone", "phone"), ("min: 21", "21")] {
            let at = try XCTUnwrap(text.range(of: phrase))
            let range = r.map.original(text.utf8.distance(from: text.startIndex, to: at.lowerBound)..<text.utf8.distance(from: text.startIndex, to: at.upperBound))
            XCTAssertEqual(String(decoding: note[range], as: UTF8.self), original, phrase)
        }
    }
}
