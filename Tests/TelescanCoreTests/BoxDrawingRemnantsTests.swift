import XCTest
@testable import TelescanCore

/// A table drawn with Unicode box-drawing characters is read as the ASCII table it stands for
/// (same length; quotes unchanged); other text with the lead byte 0xE2 stays.
final class BoxDrawingRemnantsTests: XCTestCase {
    func masked(_ s: String) -> String? {
        BoxDrawingRemnants.masked(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    func testBoxCharactersBecomeTheirASCIIForms() {
        XCTAssertEqual(masked("┌─┐\n│ Consent │ Verbal │\n╞═╡"), "+-----+--\n|   Consent |   Verbal |  \n+-----+--")
        XCTAssertEqual(masked("┃ Time ┃ 20 min ┃"), "|   Time |   20 min |  ")
    }

    func testOtherCharactersStay() {
        for s in ["“Video” visit – at home…", "Pt location ▸ Home", "no table here"] {
            XCTAssertNil(masked(s), s)
        }
    }

    /// Round 269's shape: the telehealth facts in a box-drawn table under the narrative.
    func testABoxDrawnTableIsRead() throws {
        let note = """
        UC follow-up. Labs reviewed; mesalamine continued.

        ┌──────────────────────────┬──────────────────────────────────┐
        │ Telehealth documentation │                                  │
        ├──────────────────────────┼──────────────────────────────────┤
        │ Visit conducted by       │ Two-way video (Microsoft Teams)  │
        │ Consent                  │ Verbal, from the patient         │
        │ Patient location         │ Home                             │
        │ Total time               │ 25 minutes                       │
        └──────────────────────────┴──────────────────────────────────┘
        Dana Lee, MD
        """
        let r = try NoteScanner.forTests().scan(text: note)
        XCTAssertEqual(r.service, .telemedicineVisit)
        XCTAssertEqual(r.elements.modality?.value, "audio_video")
        XCTAssertEqual(r.elements.consent?.value.value, "documented")
        XCTAssertEqual(r.elements.patientLocation?.value, "home")
        XCTAssertEqual(r.elements.time?.value, 25)
        XCTAssertEqual(r.status, .ready)
        XCTAssertTrue(r.evidence(try XCTUnwrap(r.elements.time?.evidence.first)).quote.contains("│"))
    }
}
