import XCTest
@testable import TelescanCore

/// A "Jr." or "Sr." after a name is read as blanks by the rules and given back to the signer.
final class GenerationSuffixesTests: XCTestCase {
    func masked(_ s: String) -> String? {
        GenerationSuffixes.masked(Array(s.utf8)).map { String(decoding: $0.text, as: UTF8.self) }
    }

    func testSuffixesAfterANameAreBlanked() {
        XCTAssertEqual(masked("Walter T. Briggs Jr., MD"), "Walter T. Briggs,     MD")
        XCTAssertEqual(masked("Washington, Marcus A. Jr., MD"), "Washington, Marcus A.,     MD")
        XCTAssertEqual(masked("Osei-Bonsu Sr., Franklin  MD"), "Osei-Bonsu,     Franklin  MD")
        XCTAssertEqual(masked("Signed by: Dr. Émile Saint-Cyr, Jr., MD"), "Signed by: Dr. Émile Saint-Cyr,      MD")
        XCTAssertEqual(masked("BRIGGS JR., MD"), "BRIGGS,     MD")
        XCTAssertEqual(masked("Raymond Castellanos Jr\n"), "Raymond Castellanos   \n")
    }

    func testOtherJrAndSrAreLeft() {
        // A drug's sustained release, a word in lower case before, a word that goes on.
        XCTAssertNil(masked("Nifedipine SR, 30 mg daily"))
        XCTAssertNil(masked("metoprolol Sr. 50 mg"))
        XCTAssertNil(masked("He attends Jr. High"))
        XCTAssertNil(masked("Briggs Jrs, MD"))
        XCTAssertNil(masked("Walter Briggs Junior, MD"))
        // A title before a name: Señor, Sister.
        XCTAssertNil(masked("Father, Sr. Tomás Ochoa (legal guardian), gave verbal consent"))
        XCTAssertNil(masked("Chaplain Sr. Mary Agnes visited"))
    }

    func testTheSignerGetsTheSuffixBack() throws {
        let scanner = try NoteScanner.forTests()
        let visit = "Phone visit, patient at home. Verbal consent obtained. Established patient. Time 15 minutes.\n\n"
        func performer(_ signature: String) -> String? {
            scanner.scan(text: visit + signature + "\n").elements.performingProvider?.value.name
        }
        XCTAssertEqual(performer("Walter T. Briggs Jr., MD"), "Walter T. Briggs Jr.")
        XCTAssertEqual(performer("Signed by: Dr. Émile Saint-Cyr Jr., MD"), "Émile Saint-Cyr Jr.")
        XCTAssertEqual(performer("Washington, Marcus A. Jr., MD"), "Marcus A Washington Jr.")
        XCTAssertEqual(performer("Osei-Bonsu Sr., Franklin  MD   -  Electronically signed 03/12/2026 18:20"), "Franklin Osei-Bonsu Sr.")
        // A patient's suffix stays the patient's.
        let patients = "Patient: Robert Hale Jr.\n" + visit + "Walter T. Briggs, MD\n"
        XCTAssertEqual(scanner.scan(text: patients).elements.performingProvider?.value.name, "Walter T. Briggs")
    }
}
