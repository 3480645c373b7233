import XCTest
@testable import TelescanCore
import TelescanTestSupport

/// A scanned note's OCR slips in the words the rules read and in numbers are put back for
/// matching (same length); codes, identifiers, litres and oxygen stay.
final class OCRSlipRepairTests: XCTestCase {
    let repair = OCRSlipRepair(words: ["total", "time", "location", "low", "telehealth", "established", "minutes", "home"])

    func masked(_ s: String) -> String? {
        repair.masked(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    func testDigitsReadForLettersArePutBack() {
        XCTAssertEqual(masked("Tota1 time: 2O minutes"), "Total time: 20 minutes")
        XCTAssertEqual(masked("Patient 1ocation: home. MDM: 1ow."), "Patient location: home. MDM: low.")
        XCTAssertEqual(masked("Te1ehea1th Visit, Estab1ished"), "Telehealth Visit, Established")
        XCTAssertEqual(masked("TOTA1 TIME"), "TOTAL TIME")
        XCTAssertEqual(masked("Iocation: home"), "location: home")
        // An m read as "rn": one letter shorter, a blank after.
        XCTAssertEqual(masked("Patient 1ocation: horne\nTota1 time: 22 rninutes"), "Patient location: home \nTotal time: 22 minutes ")
    }

    func testLettersReadForDigitsArePutBack() {
        XCTAssertEqual(masked("l4 minutes on O3/27/2O25"), "14 minutes on 03/27/2025")
        XCTAssertEqual(masked("cetirizine 1O mg"), "cetirizine 10 mg")
    }

    func testOtherTokensStay() {
        for s in [
            "T1DM, a1buterol, B12, HbA1c",     // codes and words not in the list
            "O2 sat 94%, o2 2L",              // oxygen
            "drinks 2l of water",              // litres: an l after the digits
            "grade 2I lesion",                 // a capital I after the digits, not before one
            "Total time: 20 minutes",          // nothing to repair
            "In clinic. Ida moved to Iowa.",  // a capital I that makes no listed word
            "10w40 oil, 1x/wk",                // one letter only
            "Dr. Horne; return; modern",       // a capitalised name; words that are no slip
        ] {
            XCTAssertNil(masked(s), s)
        }
    }

    /// A faxed note of slips is read; evidence quotes the note as written.
    func testAScannedNoteIsRead() throws {
        let note = "RIVERSIDE ALLERGY        Te1ehea1th Visit (Video)        Page 1 of 1\nPatient: Ottavio Brandt   Estab1ished\nPatient 1ocation: home\nPt consented to the video visit (verbal).\nMDM: 1ow\nTota1 time: 2O minutes\nIngrid Solvang, MD"
        let r = try NoteScanner.forTests().scan(text: note)
        XCTAssertEqual(r.service, .telemedicineVisit)
        XCTAssertEqual(r.elements.time?.value, 20)
        XCTAssertEqual(r.elements.mdm?.value, "low")
        XCTAssertEqual(r.elements.patientLocation?.value, "home")
        XCTAssertEqual(r.evidence(try XCTUnwrap(r.elements.time?.evidence.first)).quote, "Tota1 time: 2O minutes")
    }
}
