import XCTest
@testable import TelescanCore

/// A narrative note's patient, named with a title at the start, reads as "Pt" wherever named.
final class TitledPatientNameTests: XCTestCase {
    func rewritten(_ s: String) -> String? {
        TitledPatientName.rewritten(Array(s.utf8)).map { String(decoding: $0.text, as: UTF8.self) }
    }

    func testTheTitledPatientReadsAsPt() throws {
        XCTAssertEqual(rewritten("Ms. Lavinia Ochoa-Brandt joined today's video visit from her car. Ms. Ochoa-Brandt agreed."),
                       "Pt joined today's video visit from her car. Pt agreed.")
        XCTAssertEqual(rewritten("I saw Mr Desmond Achterberg by phone. Desmond Achterberg was at home; Mr. Achterberg's wife joined."),
                       "I saw Pt by phone. Pt was at home; Pt's wife joined.")
        // O'Brien is one name; "Lind's" is a possessive.
        XCTAssertEqual(rewritten("Mrs. Aoife O'Brien phoned in from work."), "Pt phoned in from work.")
        XCTAssertEqual(rewritten("Mrs. Ada Lind's visit was by phone."), "Pt's visit was by phone.")
        // So is "Lund’s" with a typographic apostrophe, wherever she is named.
        XCTAssertEqual(rewritten("Ms. Lund’s tablet won't connect. Ms. Lund’s son helped."), "Pt’s tablet won't connect. Pt’s son helped.")
    }

    func testAnAdultHeadersSurnameWithAFittingTitleIsThePatient() {
        // The header gives an adult's age and sex: "Ms." with the same surname is the patient.
        XCTAssertEqual(rewritten("Patient: Annika Solberg-Reyes, 38F (est.)\n\nMs. Solberg-Reyes joined from her classroom."),
                       "Patient: Annika Solberg-Reyes, 38F (est.)\n\nPt joined from her classroom.")
        XCTAssertEqual(rewritten("Pt: Dale Kaminski, 49 y/o M\nMr. Kaminski is on video from his shop."),
                       "Pt: Dale Kaminski, 49 y/o M\nPt is on video from his shop.")
        // Beyond the first 400 bytes too, for that header's surname only.
        let filler = String(repeating: "Labs reviewed. ", count: 30)
        XCTAssertEqual(rewritten("Patient: Beatrice Lindqvist, 79 y/o F\n" + filler + "Mrs. Lindqvist said she understood and agreed."),
                       "Patient: Beatrice Lindqvist, 79 y/o F\n" + filler + "Pt said she understood and agreed.")
        XCTAssertNil(rewritten("Patient: Beatrice Lindqvist, 79 y/o F\n" + filler + "Mr. Lindqvist said he understood."))
        XCTAssertNil(rewritten("Patient: Beatrice Lindqvist, 9 y/o F\n" + filler + "Mrs. Lindqvist said she understood."))
        XCTAssertNil(rewritten("Patient: Beatrice Lindqvist, 79 y/o F\n" + filler + "Mrs. Lindqvist, her daughter-in-law, said she understood."))
        XCTAssertNil(rewritten("Patient: Jonah Whitfield, 26 y.o. M\nHe was at home with his mother, Mrs. Laura Whitfield, his guardian. " + filler + "Mrs. Whitfield provided verbal consent."))
        XCTAssertNil(rewritten("Patient: Jonah Whitfield, 26 y.o. F\nHe was at home with Mrs. Laura Whitfield. " + filler + "Mrs. Whitfield provided verbal consent."))
    }

    func testTheMapTakesMatchesBackToTheName() throws {
        let note = Array("Ms. Lavinia Ochoa-Brandt joined from her car.".utf8)
        let (text, map) = try XCTUnwrap(TitledPatientName.rewritten(note))
        let copy = String(decoding: text, as: UTF8.self)
        XCTAssertEqual(copy, "Pt joined from her car.")
        // "Pt joined from her car" in the copy is the whole sentence in the note.
        XCTAssertEqual(map.original(0..<22), 0..<44)
    }

    func testSomeoneElseAndWordsInCapitalsStay() {
        // A surname introduced earlier as a relative's: the titled name is the relative's.
        XCTAssertNil(rewritten("Zuri Adebayo, 4, seen by video with Zuri's mother, Folasade Adebayo.\nMrs. Adebayo agreed to the video visit for Zuri."))
        // A relative, carer or signer named first; a letter's addressee.
        XCTAssertNil(rewritten("Mrs. Ada Lind, her daughter, consented for the visit."))
        XCTAssertNil(rewritten("Mrs. Whitfield, his legal guardian, consented."))
        XCTAssertNil(rewritten("Mr. Tom Reyes (son) joined by phone."))
        XCTAssertNil(rewritten("Signed: Ms. Jane Roe, RN"))
        XCTAssertNil(rewritten("Dear Mrs. Ada Lind,\nThank you for joining by video."))
        XCTAssertNil(rewritten("Call made on wife's mobile. Wife Mrs. Mishra gave consent."))
        // The first title only: initials leave the note as it is, not a later title taken instead.
        XCTAssertNil(rewritten("Patient Mr. S.P. Mishra, 72 yrs. Wife Mrs. Mishra gave consent."))
        // A header names the patient: a titled name elsewhere is someone else's.
        XCTAssertNil(rewritten("Patient: Jonah Whitfield\nMrs. Whitfield joined from work."))
        XCTAssertNil(rewritten("Patient: Jonah Whitfield, 9 y/o M\nMrs. Whitfield joined from work."))
        XCTAssertNil(rewritten("Patient: Annika Solberg-Reyes, 38F\nMr. Solberg-Reyes joined from work."))
        XCTAssertNil(rewritten("Patient: Dale Kaminski, 49M\nMs. Kaminski joined from work."))
        XCTAssertNil(rewritten("Patient: Dale Kaminski\nMr. Kaminski joined from work."))
        XCTAssertNil(rewritten("Patient: Dale Kaminski, 49M\nMr. Lind joined from work."))
        // Not a title: "MS Teams", "via Ms Teams", a credential, capitals.
        XCTAssertNil(rewritten("Visit via MS Teams video from the office."))
        XCTAssertNil(rewritten("Visit via Ms Teams video from the office."))
        XCTAssertNil(rewritten("Kayla Brennan MS RDN LDN"))
        XCTAssertNil(rewritten("MRS. ADA LIND JOINED FROM HOME."))
        // A name only after the first 400 bytes.
        XCTAssertNil(rewritten(String(repeating: "Labs reviewed. ", count: 30) + "Mrs. Ada Lind called."))
    }
}
