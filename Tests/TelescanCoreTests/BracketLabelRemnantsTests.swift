import XCTest
@testable import TelescanCore

/// A field's label in square brackets is read as "label:" (same length); checkboxes, bracketed
/// answers, remarks and placeholders stay as written.
final class BracketLabelRemnantsTests: XCTestCase {
    func masked(_ s: String) -> String? {
        BracketLabelRemnants.masked(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    func testABracketedLabelIsItsColon() {
        XCTAssertEqual(masked("[Pt loc]     Home\n[Start/End]  14:05 / 14:30"),
                       "Pt loc:      Home\nStart/End:   14:05 / 14:30")
        // After a column gap, and indented.
        XCTAssertEqual(masked("[Visit]  Follow-up     [Date] 2026-02-20\n  [Prov loc]\tRemote"),
                       "Visit:   Follow-up     Date:  2026-02-20\n  Prov loc: \tRemote")
    }

    func testOtherBracketsStay() {
        for s in [
            "[x] Patient consents to telehealth",              // a checkbox
            "[ ] Consent for telehealth",
            "[X] Video",
            "[Yes] verbal consent",                             // an answer in brackets
            "[N/A] interpreter",
            "[Video connection lost at 10:14. Doctor called.]", // a remark ending its line
            "[Note pended - not signed]",
            "[Provider name], MD",                              // a placeholder before punctuation
            "[Location]",                                       // no answer
            "[Location]\nHome",                                 // the answer is not on its line
            "Seen today [via video] at home",                   // in prose, no column gap
            "[A very long bracketed label of many words] here", // over five words
            "[Pt loc]Home",                                     // no blank after it
            "[12] items",                                       // no letters
        ] {
            XCTAssertNil(masked(s), s)
        }
    }

    /// A home-grown template's bracketed fields are read; evidence quotes the note as written.
    func testABracketLabelledNoteIsRead() throws {
        let note = "MED MANAGEMENT NOTE\n[Mode]       Phone (audio-only)\n[Consent]    Pt verbally agreed to telephone visit: YES\n[Pt loc]     Home\n[Prov loc]   Remote - clinician home office, Tucson\n[Start/End]  14:05 / 14:30\n\n-- Jolene Whitcomb, PMHNP-BC"
        let r = try NoteScanner.forTests().scan(text: note)
        XCTAssertEqual(r.service, .telemedicineVisit)
        XCTAssertEqual(r.elements.patientLocation?.value, "home")
        XCTAssertEqual(r.evidence(try XCTUnwrap(r.elements.patientLocation?.evidence.first)).quote, "[Pt loc]     Home")
        XCTAssertEqual(r.elements.time?.value, 25)
        XCTAssertNotNil(r.elements.providerLocation)
    }
}
