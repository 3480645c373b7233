import XCTest
@testable import TelescanCore

/// A note in capitals is read in title case (words of four or more letters), credentials and
/// short words kept; same length, quotes unchanged.
final class CapitalsCasingTests: XCTestCase {
    let casing = CapitalsCasing(keeping: ["MD", "PA-C", "LCSW", "PhD", "PSYD", "PharmD", "DO"],
                                lowering: ["we", "could", "whether", "asked", "this", "de", "do"])

    func masked(_ s: String) -> String? {
        casing.masked(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    func testWordsInCapitalsAreReadInTitleCase() {
        XCTAssertEqual(masked("ZUZANA WAS AT HOME, SEEN BY VIDEO. MARISOL VASQUEZ-HALE, PHD"),
                       "Zuzana WAS AT Home, Seen BY Video. Marisol Vasquez-Hale, PHD")
        XCTAssertEqual(masked("PROVIDER: DANA LEE, PA-C / LCSW / PSYD / PHARMD. MDM MOD, BP OK, COPD"),
                       "Provider: Dana LEE, PA-C / LCSW / PSYD / PHARMD. MDM MOD, BP OK, Copd")
        // Latin-1 capitals after a word's first letter are lowered as ASCII ones are; a word
        // that starts with one keeps it; Latin Extended-A letters keep their case.
        XCTAssertEqual(masked("OLANREWAJU BERGSTRÖM-PIKE, PSYD, SEEN TODAY"), "Olanrewaju Bergström-Pike, PSYD, Seen Today")
        XCTAssertEqual(masked("ÉMILE NÚÑEZ AND JOSÉ WAŁĘSA, SEEN TODAY BY VIDEO"), "Émile Núñez AND José WaŁĘsa, Seen Today BY Video")
        // The signs × and ÷ are no letters: "3×DAILY" is two words.
        XCTAssertEqual(masked("TAKE 3×DAILY WITH FOOD, SEEN TODAY BY VIDEO"), "Take 3×Daily With Food, Seen Today BY Video")
    }

    /// Listed function words and particles are read in lower case, whatever their length; a
    /// credential stays in capitals even when a listed word has its letters ("DO").
    func testListedWordsAreReadInLowerCase() {
        XCTAssertEqual(masked("I ASKED WHETHER WE COULD DO THIS BY VIDEO. ROSA QUINTANILLA DE LEON, MD"),
                       "I asked whether we could DO this BY Video. Rosa Quintanilla de Leon, MD")
    }

    func testNotesNotInCapitalsStay() {
        XCTAssertNil(masked("Zuzana was at home. VIDEO VISIT, CONSENT GIVEN."))
        XCTAssertNil(masked("EST PT-VIDEO."))          // too few capitals to tell
        XCTAssertNil(masked("1234 5678 -- //"))
    }

    func testLengthIsKept() throws {
        let s = "PT ON FROM HOME. OK'D VIDEO VERBALLY. TOTAL 32 MINS. E-SIGNED GEMMA LINDQVIST MD"
        let m = try XCTUnwrap(casing.masked(Array(s.utf8)))
        XCTAssertEqual(m.count, s.utf8.count)
        XCTAssertEqual(String(decoding: m, as: UTF8.self).uppercased(), s)
    }

    /// End to end: a note in capitals names its clinician and the patient's place as the same
    /// note in mixed case does, and evidence quotes it in capitals.
    func testNoteInCapitalsIsRead() throws {
        let note = "VIDEO VISIT. ZUZANA WAS AT HOME, AND I SAW HER FROM MY OFFICE. SHE GAVE VERBAL CONSENT. TOTAL TIME 20 MINUTES.\nMARISOL VASQUEZ-HALE, PHD"
        let r = try NoteScanner.forTests().scan(text: note)
        XCTAssertEqual(r.elements.patientLocation?.value, "home")
        XCTAssertEqual(r.elements.performingProvider?.value.credential, "PhD")
        let ev = r.evidence(try XCTUnwrap(r.elements.performingProvider?.evidence.first))
        XCTAssertEqual(ev.quote, "MARISOL VASQUEZ-HALE, PHD")
    }

    /// End to end, with the bundled lists: the words of a question to the patient are no
    /// clinician's name before a "DO" (a development note read in capitals named "Asked Whether
    /// WE Could, DO").
    func testFunctionWordsBeforeDOAreNoName() throws {
        let note = "PHONE VISIT. I ASKED WHETHER WE COULD DO THIS BY VIDEO; HER PHONE IS TOO OLD. SHE AGREED TO A TELEPHONE VISIT INSTEAD. TOTAL TIME 20 MINUTES.\nAUGUSTIN PELL, MD"
        let r = try NoteScanner.forTests().scan(text: note)
        XCTAssertEqual(r.elements.performingProvider?.value.name, "Augustin Pell")
        XCTAssertEqual(r.elements.performingProvider?.value.credential, "MD")
    }
}
