import XCTest
@testable import TelescanCore

/// A young child's consent, read as the patient's, is the parent's; an older patient's, a
/// foster child's and a note naming no parent keep the patient's.
final class YoungChildConsentTests: XCTestCase {
    func by(_ s: String) -> String? {
        Array(s.utf8).withUnsafeBufferPointer { YoungChildConsent.by(in: $0) }
    }

    func testAYoungChildsConsentIsTheParents() {
        XCTAssertEqual(by("Patient: Maya Okonkwo-Reyes     Age: 6 y\nMother Denise is present. Maya is next to her. She agreed to have today's visit by video.\n"), "guardian")
        XCTAssertEqual(by("Video visit\nLeo is a 4-year-old boy seen with dad for cough. Verbal consent obtained.\n"), "guardian")
        XCTAssertEqual(by("Phone f/u, 9-month-old former 32-weeker. Mom on the line; agreed to phone visit.\n"), "guardian")
        XCTAssertEqual(by("NICU follow-up call\nInfant doing well on home O2. Parents agreed to a phone visit.\n"), "guardian")
        XCTAssertEqual(by("Pt: Ava Chen, 18 mo F\nSeen with mother. Consent: verbal, obtained.\n"), "guardian")
    }

    func testOthersKeepThePatients() {
        // An adult in the header ("58 F"); a risk of "10-yr" in the text is no age.
        XCTAssertNil(by("Phone visit - 02/07/2025\nPriscilla Navarro, 58 F, est. pt\nShe agreed to a phone visit. FHx: father MI at 54. 10-yr ASCVD risk 9.8%.\n"))
        // An 18-year-old with a diagnosis "since age 8".
        XCTAssertNil(by("Telephone visit\n10/14/2026   Ethan Morales, 18 y M, T1D since age 8\nEthan, who is 18, agreed to a phone visit. His mom used to refill.\n"))
        XCTAssertNil(by("Telephone visit\nT1D since age 8. Agreed to a phone visit. His mom used to refill.\n"))
        // An adult by her date of birth; a baby's age below is not hers (and a postpartum note's mother is the patient).
        XCTAssertNil(by("Visit\nDate: 04/06/2026\nPatient: Ines K.   DOB 05/14/1996\nInes was at her parents' house with the baby (12 days old). Ines agreed to the video visit.\n"))
        XCTAssertNil(by("Video visit\nThe baby (3 weeks old) was asleep. Postpartum check. Her mother was there. She agreed to video.\n"))
        XCTAssertEqual(by("Visit\nDate: 04/06/2026\nPatient: Eli K.   DOB 05/14/2021\nMom present, agreed to the video visit.\n"), "guardian")
        // A date's day before the sex is no age.
        XCTAssertNil(by("NEW PATIENT CONSULT\nName: Abara, Chiamaka N          MRN: BWR-30551       DOB: 1988-05-02   F\nDOS: 02/05/2026\nPt agreed to evaluation via telemedicine. Mother with RA.\n"))
        // An adult by the opening's "34 F", before a childhood age in her history.
        XCTAssertNil(by("Phone visit (audio only) - PCN allergy eval\nEst pt, 34 F.\nCalled pt at her work. Pt agreed to a telephone visit.\n\nHx: mother told her she got a rash on amoxicillin ~age 4.\n"))
        // A teenager may consent.
        XCTAssertNil(by("Video visit\nJordan is a 15-year-old seen alone; mom aware. He agreed to video.\n"))
        // A foster parent is not the guardian.
        XCTAssertNil(by("Name: Dominic R. (foster placement)   Age: 5\nFoster mother Carla Jennings present. She verbally agreed to the visit by video.\n"))
        // No parent named.
        XCTAssertNil(by("Patient: Sam, Age 7\nVerbal consent obtained for video visit.\n"))
        // Weeks of a symptom are no age.
        XCTAssertNil(by("Video visit for cough for 3 weeks. Her mother has asthma. She agreed to video.\n"))
    }
}
