import XCTest
@testable import TelescanCore

/// A note in lower case: a clinician's name and credential read in capitals where a signature
/// stands; nothing else changes, and words that only look like credentials stay.
final class LowerCaseNamesTests: XCTestCase {
    let names = LowerCaseNames(credentials: ["MD", "DO", "NP", "PA-C", "RN", "RDN", "CCFP", "FNP-BC", "MA", "PT"])

    func masked(_ s: String) -> String? {
        names.masked(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    func testSignaturesAreReadInCapitals() {
        XCTAssertEqual(masked("pt seen by video, verbal consent, 20 min\ndana lee, np"),
                       "pt seen by video, verbal consent, 20 min\nDana Lee, NP")
        XCTAssertEqual(masked("video visit from home today\nelectronically signed by: ingrid salo, fnp-bc on 06/15/2026 11:20"),
                       "video visit from home today\nelectronically signed by: Ingrid Salo, FNP-BC on 06/15/2026 11:20")
        XCTAssertEqual(masked("phone visit with the patient at home\ndr. etienne lavoie-marchand, md ccfp"),
                       "phone visit with the patient at home\ndr. Etienne Lavoie-Marchand, MD CCFP")
        XCTAssertEqual(masked("video visit today, pt at home\n-- t. brennan-walsh, md (signed)"),
                       "video visit today, pt at home\n-- T. Brennan-Walsh, MD (signed)")
        XCTAssertEqual(masked("video visit from home, consent given\nmarisol van der berg, md"),
                       "video visit from home, consent given\nMarisol van der Berg, MD")
        XCTAssertEqual(masked("carb logs reviewed by portal message\ntheodora vasquez-oyelaran ms, rdn"),
                       "carb logs reviewed by portal message\nTheodora Vasquez-Oyelaran MS, RDN")
        XCTAssertEqual(masked("phone visit, pt at home, consent given\ne-signed hollis varga-ames do"),
                       "phone visit, pt at home, consent given\ne-signed Hollis Varga-Ames DO")
        XCTAssertEqual(masked("video visit by mattias grünewald, md. pt at home"), "video visit by Mattias Grünewald, MD. pt at home")
        // A specialty ending the line after the credential.
        XCTAssertEqual(masked("phone visit, pt at home\nlena marchetti, do pediatrics"), "phone visit, pt at home\nLena Marchetti, DO pediatrics")
        XCTAssertEqual(masked("video visit today\nhollis grange md family medicine\n"), "video visit today\nHollis Grange MD family medicine\n")
        XCTAssertEqual(masked("cerumen removed, debrox as needed harlan bext md"), "cerumen removed, debrox as needed Harlan Bext MD")
        // A capitalised header an EHR put over a dictation in lower case.
        let body = String(repeating: "she reports worry most days and trouble sleeping, no panic since the last visit. ", count: 20)
        XCTAssertEqual(masked("[EHR HEADER] Encounter: Telehealth\n" + body + "\npriyanka deshmane, md"),
                       "[EHR HEADER] Encounter: Telehealth\n" + body + "\nPriyanka Deshmane, MD")
    }

    func testWordsThatAreNotSignaturesStay() {
        for s in ["she knows what she needs to do\nand what not to do", "pt will call if worse, we will see how they do",
                  "follow up with pcp np next week as planned", "ordered pt and ot for the knee, home exercises",
                  "her mother ma says she is better, video visit today", "nothing else to do today per the patient",
                  "Dana Lee, NP", "dana lee np dictating this note for the video visit",
                  "video visit today\ndana lee md will call her back",
                  "Seen by Video. Pt At Home. follow up with pcp np\nper dana lee, np"] {
            XCTAssertNil(masked(s), s)
        }
    }

    func testLengthIsKept() throws {
        let s = "video visit, pt at home, consent given, 20 min\nomar haddad-reyes, md"
        let m = try XCTUnwrap(names.masked(Array(s.utf8)))
        XCTAssertEqual(m.count, s.utf8.count)
        XCTAssertEqual(String(decoding: m, as: UTF8.self).lowercased(), s)
    }

    /// End to end: a note in lower case names its clinician, quoted as written.
    func testNoteInLowerCaseNamesItsClinician() throws {
        let note = "video visit, pt at home, verbal consent for telehealth, total time 20 minutes\nomar haddad-reyes, md"
        let r = try NoteScanner.forTests().scan(text: note)
        XCTAssertEqual(r.elements.performingProvider?.value.credential, "MD")
        XCTAssertEqual(r.elements.performingProvider?.value.name?.lowercased(), "omar haddad-reyes")
        let ev = r.evidence(try XCTUnwrap(r.elements.performingProvider?.evidence.first))
        XCTAssertEqual(ev.quote, "omar haddad-reyes, md")
        XCTAssertEqual(r.status, .ready)
    }
}
