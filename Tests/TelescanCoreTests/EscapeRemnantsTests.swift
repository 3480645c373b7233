import XCTest
@testable import TelescanCore

/// Line breaks an export wrote out as text ("\n", "\\n", "\r\n", "\t", "_x000D_", "&#10;"):
/// masked for matching as the character they stand for, same length, quotes unchanged; a lone
/// backslash in ordinary text stays.
final class EscapeRemnantsTests: XCTestCase {
    func masked(_ s: String) -> String? {
        EscapeRemnants.masked(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    func testEscapesBecomeTheirCharacters() {
        XCTAssertEqual(masked(#"Consent: verbal\nTime: 20 min\nJo Lee, MD"#), "Consent: verbal\n Time: 20 min\n Jo Lee, MD")
        XCTAssertEqual(masked(#"Video visit.\r\nPatient at home."#), "Video visit.  \n Patient at home.")
        XCTAssertEqual(masked(#"Consent\tYes\nTime\t20"#), "Consent\t Yes\n Time\t 20")
        XCTAssertEqual(masked(#"Video visit.\\nPatient at home.\\nConsent: verbal"#), "Video visit.\n  Patient at home.\n  Consent: verbal")
        XCTAssertEqual(masked("Video visit._x000D_Patient at home._x000D_\nConsent: verbal"), "Video visit.\n      Patient at home.       \nConsent: verbal")
        // A lone escape before a capital, a digit or the end is one.
        XCTAssertEqual(masked(#"Video visit\nPatient at home."#), "Video visit\n Patient at home.")
    }

    func testOrdinaryBackslashesStay() {
        for s in [#"Saved to C:\notes\today.txt"#, #"Saved to C:\notes"#, "a \\ b", "no escapes here", "x_000 y", "pt_name: Lee"] {
            XCTAssertNil(masked(s), s)
        }
    }

    func testNumericLineBreakReferencesAreLineBreaks() {
        let masked = HTMLRemnants.masked(Array("Consent: verbal&#13;&#10;Time: 20 min&#10;Jo Lee, MD".utf8)).map { String(decoding: $0, as: UTF8.self) }
        XCTAssertEqual(masked, "Consent: verbal     \n    Time: 20 min\n    Jo Lee, MD")
    }

    /// The labels after each escape are read; evidence quotes the note as given.
    func testEscapedNoteIsReadAndQuotedAsGiven() throws {
        let note = #"VIDEO VISIT\nPatient location: home\nConsent: verbal, given by patient\nTotal time: 22 minutes\nElectronically signed by Dana Lee, MD"#
        let r = try NoteScanner.forTests().scan(text: note)
        XCTAssertEqual(r.elements.modality?.value, "audio_video")
        XCTAssertEqual(r.elements.patientLocation?.value, "home")
        XCTAssertEqual(r.elements.consent?.value.value, "documented")
        XCTAssertEqual(r.elements.time?.value, 22)
        XCTAssertEqual(r.elements.performingProvider?.value.name, "Dana Lee")
        XCTAssertEqual(r.status, .ready)
        let ev = r.evidence(try XCTUnwrap(r.elements.time?.evidence.first))
        XCTAssertEqual(ev.quote, "Total time: 22 minutes")
    }
}

/// Resolved SmartLists: the wrapper is masked, the chosen value stays; unresolved lists stay
/// (the template rules read them as blanks).
final class SmartListRemnantsTests: XCTestCase {
    func masked(_ s: String) -> String? {
        SmartListRemnants.masked(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    func testResolvedListsKeepTheirValue() {
        XCTAssertEqual(masked(#"Consent: {Yes/No:12345::"Yes"} - verbal"#), #"Consent:                 Yes   - verbal"#)
        XCTAssertEqual(masked(#"Patient location: {blank single:19197::"home"}"#), #"Patient location:                       home  "#)
        // Unquoted, as some exports write the chosen value.
        XCTAssertEqual(masked("Consent: {YES/NO:12345::yes}, verbal"), "Consent:                yes , verbal")
        XCTAssertEqual(masked("Visit type: {Video/Phone/In person:19441::Phone}"), "Visit type:                               Phone ")
    }

    func testUnresolvedListsAndOtherBracesStay() {
        for s in ["Consent: {Yes/No:12345}", #"Location: {blank single:19197:: }"#, "Dose {1-2 tabs}", "{}", #"{a:1::"x"#,
                  "Consent: {YES/NO:12345::}", "Time: {NUMBER:20008::\t}", "Consent: {YES/NO:12345::yes\n}", "Visit: {Type:1::{Video}}"] {
            XCTAssertNil(masked(s), s)
        }
    }

    func testResolvedListNoteIsRead() throws {
        let note = #"This is a {video/telephone:31101::"video"} visit.\#nConsent for telehealth: {Yes/No:12345::"Yes"} - verbal, from patient\#nPatient location: {blank single:19197::"home"}\#nTotal time: {NUMBER:20008::"18"} minutes on the date of service.\#nJo Lee, MD"#
        let r = try NoteScanner.forTests().scan(text: note)
        XCTAssertEqual(r.elements.consent?.value.value, "documented")
        XCTAssertEqual(r.elements.patientLocation?.value, "home")
        XCTAssertEqual(r.elements.time?.value, 18)
        XCTAssertEqual(r.status, .ready)
        let bare = "Visit type: {Video/Phone/In person:19441::Video}\nTelehealth consent: {YES/NO:12345::yes}, verbal, from patient\nPatient location: {Home/Work/Car/Other:19442::Home}\nTotal time: {NUMBER:20008::25} minutes.\nJo Lee, MD"
        let b = try NoteScanner.forTests().scan(text: bare)
        XCTAssertEqual(b.elements.modality?.value, "audio_video")
        XCTAssertEqual(b.elements.consent?.value.value, "documented")
        XCTAssertEqual(b.elements.patientLocation?.value, "home")
        XCTAssertEqual(b.elements.time?.value, 25)
        XCTAssertEqual(b.status, .ready)
    }
}

/// A form's arrow between a label and its answer reads as the label's colon; bullets, arrows
/// with nothing after them and "→" stay.
final class FormArrowRemnantsTests: XCTestCase {
    func masked(_ s: String) -> String? {
        FormArrowRemnants.masked(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    func testArrowBetweenLabelAndValueIsAColon() {
        XCTAssertEqual(masked("Pt location ▸ Home"), "Pt location:    Home")
        XCTAssertEqual(masked("Consent obtained? ► Y\nVisit modality ➤ Audio/Video"), "Consent obtained?:    Y\nVisit modality:    Audio/Video")
        XCTAssertEqual(masked("Time\t▼ 22 min"), "Time:    22 min")
    }

    func testBulletsTrailingArrowsAndPlainArrowsStay() {
        for s in ["▸ Home", "  ▸ Consent verbal", "Next steps ▸", "Next steps ▸   \nHome", "VV → phone", "Pt location▸Home", "Ready: Y"] {
            XCTAssertNil(masked(s), s)
        }
    }

    func testArrowFormNoteIsRead() throws {
        let note = "Telehealth visit\nVisit modality ▸ Audio/Video (Zoom)\nTelehealth consent ▸ Verbal, from patient\nPatient location ▸ Home\nTotal time ▸ 22 minutes\nJo Lee, MD"
        let r = try NoteScanner.forTests().scan(text: note)
        XCTAssertEqual(r.elements.patientLocation?.value, "home")
        XCTAssertEqual(r.elements.time?.value, 22)
        XCTAssertEqual(r.elements.consent?.value.value, "documented")
        XCTAssertEqual(r.status, .ready)
    }
}

/// A pipe table's first cell is a label and its second the answer; rule lines, empty label cells
/// and the cells after the second stay.
final class TableCellRemnantsTests: XCTestCase {
    func masked(_ s: String) -> String? {
        TableCellRemnants.masked(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    func testLabelCellWallIsAColon() {
        XCTAssertEqual(masked("| Patient location | Home |"), "  Patient location:  Home |")
        XCTAssertEqual(masked("  | Time | 22 min\n| Consent | Yes |"), "    Time:  22 min\n  Consent:  Yes |")
        XCTAssertEqual(masked("| Provider | Jo Lee, MD | signed |"), "  Provider:  Jo Lee, MD | signed |")
    }

    func testRuleLinesEmptyCellsAndProseStay() {
        for s in ["|---|---|", "| | Home |", "| 20 | min |", "Home | office", "| Label |", "| Label |   |", "|Label| Home |", "| Label |\n|   | 20 |", "Home | office\n|   | telephone |", "|---|---|\n|   |   |"] {
            XCTAssertNil(masked(s), s)
        }
    }

    /// A box that wraps a cell's text onto the next row: the row above's closing pipe and the
    /// continuation row's leading pipes become spaces, so the sentence reads across the break.
    func testWrappedCellContinuesTheRowAbove() {
        XCTAssertEqual(masked("| Agreement | She gave her OK to be seen by |\n|           | telephone                    |"),
                       "  Agreement:  She gave her OK to be seen by  \n              telephone                    |")
        XCTAssertEqual(masked("| Topic | Plan | Notes: pt was |\n|       |      | at home        |"),
                       "  Topic:  Plan | Notes: pt was  \n                 at home        |")
    }

    func testPipeTableNoteIsRead() throws {
        // "Facility | NAME" is read only as "Facility: NAME" (a label the key_facility rule knows).
        let note = "| ON-CALL PHONE ENCOUNTER | |\n|---|---|\n| Facility | Brookside Skilled Nursing |\n| Contact | Audio only, spoke with resident directly |\n| Agreement | Resident OK'd telephone visit with me |\n| Minutes on call | 18 |\n| Signed | Jo Lee, MD |"
        let r = try NoteScanner.forTests().scan(text: note)
        XCTAssertEqual(r.elements.patientLocation?.value, "other")
        XCTAssertEqual(r.elements.time?.value, 18)
    }
}
