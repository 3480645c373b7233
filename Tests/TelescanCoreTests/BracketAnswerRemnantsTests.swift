import XCTest
@testable import TelescanCore

/// A dropdown's chosen value in square brackets after its label reads without the brackets.
final class BracketAnswerRemnantsTests: XCTestCase {
    func masked(_ s: String) -> String? {
        BracketAnswerRemnants.masked(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    func testAChosenValueReadsWithoutItsBrackets() {
        XCTAssertEqual(masked("Patient type: [Established]\nCC: cough"), "Patient type:  Established \nCC: cough")
        XCTAssertEqual(masked("Date: 03/14/2025       Patient type: [Established]"), "Date: 03/14/2025       Patient type:  Established ")
        XCTAssertEqual(masked("Patient location:  [Pt's home]   Provider: [Clinic]"), "Patient location:   Pt's home    Provider:  Clinic ")
        XCTAssertEqual(masked("Modality: [Audio-video]"), "Modality:  Audio-video ")
        XCTAssertEqual(masked("Patient location ....... [Home]  (his home)"), "Patient location .......  Home   (his home)")
        XCTAssertEqual(masked("Patient location . . [Other]  Specify: car"), "Patient location . .  Other   Specify: car")
        // A remark in round brackets after the answer, its two blanks already made one.
        XCTAssertEqual(masked("Patient location ....... [Home] (his home in Millbrook; wife present)"),
                       "Patient location .......  Home  (his home in Millbrook; wife present)")
    }

    func testListsPlaceholdersBoxesAndRemarksStay() {
        XCTAssertNil(masked("Patient location: [Home/Office/Other]"))
        XCTAssertNil(masked("Modality: [Video | Phone]"))
        XCTAssertNil(masked("Provider: [Select]"))
        XCTAssertNil(masked("Time: [***] minutes"))
        XCTAssertNil(masked("Consent: [x] obtained"))
        XCTAssertNil(masked("Consent: [ ]"))
        XCTAssertNil(masked("[Provider name], MD"))
        XCTAssertNil(masked("Note: [Video connection lost] then phone"))
        XCTAssertNil(masked("Plan [Established] care"))
        XCTAssertNil(masked("Time: 10:30 [EST]"))
        XCTAssertNil(masked("He said so. [Home]"))
        XCTAssertNil(masked("Total ... 25. [Home]"))
        XCTAssertNil(masked("Patient location: [Home](his home)"))
    }
}
