import XCTest
@testable import TelescanCore

/// The patient called by the first name of the note's "Patient:" header reads as "Pt".
final class PatientNameMentionsTests: XCTestCase {
    func masked(_ s: String) -> String? {
        PatientNameMentions.masked(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    func testFirstNameMentionsReadAsThePatient() throws {
        let note = "Patient: Eli Thornton, 9 y.o.\n\nEli participated from home together with his father.\nPlan: Eli to continue."
        let m = try XCTUnwrap(masked(note))
        XCTAssertEqual(m.utf8.count, note.utf8.count)
        XCTAssertTrue(m.contains("Pt  participated from home"), m)
        XCTAssertTrue(m.contains("Plan: Pt  to continue"), m)
        // The header keeps the name.
        XCTAssertTrue(m.hasPrefix("Patient: Eli Thornton"), m)
        // "Smith, John": the first name after the comma.
        XCTAssertEqual(masked("Pt: Brandt, Ollie\nOllie joined from his car."), "Pt: Brandt, Ollie\nPt    joined from his car.")
        // A surname's initial after the first name ("Pt: Noah B., 16 M").
        XCTAssertEqual(masked("Pt: Noah B., 16 M\nNoah and his dad were on from home."), "Pt: Noah B., 16 M\nPt   and his dad were on from home.")
        // s55: a child's chart labels the patient "Child:".
        XCTAssertEqual(masked("Child: Destiny Harlow   Age: 10\nDestiny is at her grandmother's."), "Child: Destiny Harlow   Age: 10\nPt      is at her grandmother's.")
        // Not a lone word before an initial-less line.
        XCTAssertNil(masked("Pt: Noah\nNoah and his dad were on from home."))
    }

    /// A header without a label names the patient when the name comes with an age and sex or
    /// a date of birth.
    func testAnUnlabelledNameWithAgeOrBirthDateReadsAsThePatient() {
        XCTAssertEqual(masked("Phone visit 02/20/2026\nDelbert Oyelaran, 66M — est pt\nOffered video; Delbert declined."),
                       "Phone visit 02/20/2026\nDelbert Oyelaran, 66M — est pt\nOffered video; Pt      declined.")
        XCTAssertEqual(masked("Phone visit — Walter Kinney (DOB 7/2/1937)\nWalter is hard of hearing."),
                       "Phone visit — Walter Kinney (DOB 7/2/1937)\nPt     is hard of hearing.")
        XCTAssertEqual(masked("Ana Ruiz, 4 y F\nAna joined with her mother."), "Ana Ruiz, 4 y F\nPt  joined with her mother.")
        // A line that holds only the name and a date.
        XCTAssertEqual(masked("Phone visit - T1DM\nJuniper Castellanos   3/14/2026\n\nJuniper is at work."),
                       "Phone visit - T1DM\nJuniper Castellanos   3/14/2026\n\nPt      is at work.")
        // Not with more than the date after the name, nor a date that is no date.
        XCTAssertNil(masked("Video visit\nJane Roe 3/14/2026 reviewed\nJane joined."))
        XCTAssertNil(masked("Video visit\nJane Roe   3/14\nJane joined."))
        // A title line of that shape: its words are written in lower case in the note.
        XCTAssertNil(masked("Video Encounter 06/15/2026\nPt agreed to be seen over video today.\nVideo exam normal."))
        // Nor in a note whose capitals the scanner set (an all-capitals note read in title case).
        XCTAssertNil(PatientNameMentions.masked(Array("Video Encounter 06/15/2026\nPt Agreed To Be Seen Over Video Today.".utf8), nameAndDateLines: false))
        // A clinician's line, a name with a number that is no age, a name too far down.
        XCTAssertNil(masked("Jane Roe, MD\nJane called the patient."))
        XCTAssertNil(masked("Video visit\nJane Roe, 3 calls today\nJane joined."))
        XCTAssertNil(masked(String(repeating: "Line of text.\n", count: 30) + "Jane Roe, 40 F\nJane joined."))
        // A labelled header wins over an unlabelled line.
        XCTAssertEqual(masked("Delbert Oyelaran, 66M\nPatient: Eli Thornton\nEli and Delbert."),
                       "Delbert Oyelaran, 66M\nPatient: Eli Thornton\nPt  and Delbert.")
    }

    func testSurnamesPossessivesWordsAndNotesWithoutAHeaderStay() {
        // The surname is the family's: the mother's consent stays hers.
        XCTAssertNil(masked("Patient: Jonah Whitfield\nMrs. Whitfield, his legal guardian, consented."))
        XCTAssertNil(masked("Patient: Eli Thornton\nEli's father joined from work."))
        XCTAssertNil(masked("Patient: Will Harper\nWill follow up in 2 weeks."))
        XCTAssertNil(masked("Eli participated from home."))
        // A single word after the label may be a surname alone.
        XCTAssertNil(masked("Patient: Thornton\nThornton joined from home."))
        // Only as a whole word: "Elias" is not "Eli".
        XCTAssertNil(masked("Patient: Eli Thornton\nDr. Elias saw him."))
    }
}
