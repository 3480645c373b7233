import XCTest
@testable import TelescanCore

/// What a patient's header line says of age and sex, read to tell the patient from a relative
/// who shares the surname.
final class PatientHeaderTests: XCTestCase {
    func line(_ s: String) -> ArraySlice<UInt8> { Array(s.utf8)[...] }

    func testMinorAges() {
        for s in ["Patient: Keanu P., 11 yo M", "Nia A., 6 y/o F", "Pt: Ada, 9 mo", "Leo, 15-year-old boy", "Pt: Amara, 4 mo (DOB 10/28/2025)", "Child 11yo", "Client: Alejandro Moreno (\"Alex\")     Age 5     DOB 06/18/2020", "Pt: Ana, age: 14"] {
            XCTAssertTrue(PatientHeader.isMinor(line(s)), s)
        }
        for s in ["Patient: Eleanor V., 84 F", "Pt: 70M", "Patient: Rosalía Ibarra Montes   DOB: 02/09/1939", "Pt: Sam, 18 yo M", "MRN 12 34", "Patient: Ruth Kahn   Age 82", "Pt: Lee   Age 45   M"] {
            XCTAssertFalse(PatientHeader.isMinor(line(s)), s)
        }
    }

    /// An adult's age: in years, after "Age", or a number with the sex ("24 F"; "M" only from
    /// 36, where an age in months is unlikely).
    func testAdultAges() {
        for s in ["Pt: Nadia Okabe, 24 F.", "Patient: Eleanor V., 84 F", "Pt: 70M", "Pt: Sam, 18 yo M", "Patient: Ruth Kahn   Age 82", "Pt: Lee   Age 45   M"] {
            XCTAssertTrue(PatientHeader.isAdult(line(s)), s)
        }
        for s in ["Patient: Keanu P., 11 yo M", "Nia A., 6 y/o F", "Pt: Ada, 9 mo", "Age: 18 m", "Pt: Tom, 24 M", "Patient: Rosalía Ibarra Montes   DOB: 02/09/1939", "MRN 12 34", "Pt: Ana, age: 14"] {
            XCTAssertFalse(PatientHeader.isAdult(line(s)), s)
        }
    }

    func testSex() {
        XCTAssertEqual(PatientHeader.sex(line("Patient: Keanu P., 11 yo M")), .male)
        XCTAssertEqual(PatientHeader.sex(line("Eleanor V., 84F")), .female)
        XCTAssertEqual(PatientHeader.sex(line("Leo, 15, a boy")), .male)
        XCTAssertNil(PatientHeader.sex(line("Patient: Rosalía Ibarra Montes MRN 7730")))
    }
}
