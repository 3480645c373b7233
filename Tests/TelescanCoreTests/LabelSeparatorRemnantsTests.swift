import XCTest
@testable import TelescanCore

/// A line's label set off from its answer by a bar or an equals sign is read as "label: answer"
/// (same length); prose, field lists, table rows, dashes and legends stay as written.
final class LabelSeparatorRemnantsTests: XCTestCase {
    func masked(_ s: String) -> String? {
        LabelSeparatorRemnants.masked(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    func testABarOrEqualsSignAfterALabelIsItsColon() {
        XCTAssertEqual(masked("Patient Location | Work - in her own office\nTime = 9 Min"),
                       "Patient Location:  Work - in her own office\nTime:  9 Min")
        XCTAssertEqual(masked("  Time On Phone   |   16 Min\r\nVisit Type | Video (app)"),
                       "  Time On Phone  :    16 Min\r\nVisit Type:  Video (app)")
        // Only the first line's label is one; the rest of the note stays.
        XCTAssertEqual(masked("Consent | Verbal, patient\nSeen today at home."), "Consent:  Verbal, patient\nSeen today at home.")
        // An abbreviation's full stop is part of the label.
        XCTAssertEqual(masked("Pt. location | home"), "Pt. location:  home")
    }

    func testOtherLinesStay() {
        for s in [
            "Portal e-visit | established | pt-initiated | Spanish",   // a list of fields
            "| Patient location | Home |",                              // a table row
            "Patient Location - Home",                                  // a dash
            "Virtual Check-In - telephone",
            "VC = verbal consent; PL = patient location",               // a legend's items
            "pt location | home",                                       // no capital: not a label line
            "Seen by video today with her mother and two siblings on the call | ok",  // over six words
            "Consent: verbal | yes",                                    // a colon came first
            "Name, MD | Cardiology",                                    // a signature
            "Time |",                                                   // no answer
            "a|b",
            "Plan as above. t = 16 min",                               // a sentence came first
        ] {
            XCTAssertNil(masked(s), s)
        }
    }

    /// The bar-labelled note of round 236 is read; evidence quotes the note as written.
    func testABarLabelledNoteIsRead() throws {
        let note = "Visit Type | Video (app)\nPatient Location | Work - in her own office with the door shut\nAssessment | Viral conjunctivitis\nTime | 9 Min\nPriyanka Venkataraman, MD"
        let r = try NoteScanner.forTests().scan(text: note)
        XCTAssertEqual(r.service, .telemedicineVisit)
        XCTAssertEqual(r.elements.modality?.value, "audio_video")
        XCTAssertEqual(r.elements.patientLocation?.value, "other")
        XCTAssertEqual(r.evidence(try XCTUnwrap(r.elements.patientLocation?.evidence.first)).quote, "Patient Location | Work")
        XCTAssertEqual(r.evidence(try XCTUnwrap(r.elements.time?.evidence.first)).quote, "Time | 9 Min")
        XCTAssertEqual(r.elements.time?.value, 9)
    }
}
