import XCTest
@testable import TelescanCore

/// HTML left in plain-text notes by exports: masked for matching, same length, quotes unchanged.
final class HTMLRemnantsTests: XCTestCase {
    func masked(_ s: String) -> String? {
        HTMLRemnants.masked(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    func testTagsBecomeSpacesAndLineBreaks() {
        XCTAssertEqual(masked("<b>Total Time:</b> 32 minutes"), "   Total Time:     32 minutes")
        XCTAssertEqual(masked("Consent: Yes<br>Location: home<br/>"), "Consent: Yes\n   Location: home\n    ")
        XCTAssertEqual(masked(#"<font size="2">MDM: moderate</font>"#), "               MDM: moderate       ")
        XCTAssertEqual(masked("<TD>Time</TD><td>25 min</td>"), "    Time         25 min     ")
    }

    func testCharacterReferencesKeepTheirLength() {
        XCTAssertEqual(masked("Location:&nbsp;home"), "Location:      home")
        XCTAssertEqual(masked("A&amp;P: stable"), "A&    P: stable")
        XCTAssertEqual(masked("BP &LT; 140"), "BP <    140")
    }

    func testNoBreakSpacesBecomeSpaces() {
        XCTAssertEqual(masked("Pt\u{00A0}location:\u{00A0}home"), "Pt  location:  home")
        XCTAssertEqual(masked("25\u{202F}minutes"), "25   minutes")
        // Other non-ASCII stays: an em dash, a curly apostrophe, an accented letter.
        XCTAssertNil(masked("Pt’s home — café"))
    }

    func testClinicalAngleBracketsAndAmpersandsStay() {
        for s in ["BP <140/90", "<5 minutes of discussion", "a < b and c > d", "A&P: plan", "<pt name>", "<a few minutes",
                  "Dr. Lee <lee@example.org>", "<b unclosed\nline>", "plain text"] {
            XCTAssertNil(masked(s), s)
        }
    }

    func testEveryMaskKeepsLengthAndNonASCII() {
        let s = "<p>José — <i>café</i>&nbsp;≥ 65</p>"
        let m = HTMLRemnants.masked(Array(s.utf8))!
        XCTAssertEqual(m.count, s.utf8.count)
        XCTAssertEqual(String(decoding: m, as: UTF8.self), "\n  José —    café          ≥ 65\n   ")
    }

    /// End to end: a note exported with HTML tags documents what its text says, and its
    /// evidence quotes the note as given (tags included).
    func testNoteWithHTMLTagsIsRead() throws {
        let note = #"<div><span style="font-weight:bold">Visit:</span> Video visit with the patient.</div><div>Patient location:&nbsp;home</div><div>Consent: Patient verbally consented to the telehealth visit.</div><div>Total time:<br>25 minutes</div><div>Dana Lee, MD</div>"#
        let r = try NoteScanner.forTests().scan(text: note)
        XCTAssertEqual(r.elements.patientLocation?.value, "home")
        XCTAssertEqual(r.elements.performingProvider?.value.name, "Dana Lee")
        XCTAssertEqual(r.elements.time?.value, 25)
        XCTAssertEqual(r.status, .ready)
        let ev = r.evidence(try XCTUnwrap(r.elements.patientLocation?.evidence.first))
        XCTAssertEqual(ev.quote, "Patient location:&nbsp;home")
    }

    /// A no-break space between words (Word and EHR copy-paste) is white space to the rules;
    /// offsets stay in Unicode scalars of the note.
    func testNoBreakSpacesBetweenWordsAreWhiteSpace() throws {
        let note = "Video visit. Patient\u{00A0}is\u{00A0}at\u{00A0}home. Verbal consent obtained. Total time:\u{00A0}20\u{00A0}minutes.\nDana Lee, MD"
        let r = try NoteScanner.forTests().scan(text: note)
        XCTAssertEqual(r.elements.patientLocation?.value, "home")
        XCTAssertEqual(r.elements.time?.value, 20)
        let ev = r.evidence(try XCTUnwrap(r.elements.time?.evidence.first))
        XCTAssertEqual(ev.quote, "Total time:\u{00A0}20\u{00A0}minutes")
    }
}
