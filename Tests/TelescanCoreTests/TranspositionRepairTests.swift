import XCTest
@testable import TelescanCore
import TelescanTestSupport

/// Two neighbouring letters swapped in a word the rules read are put back for matching (same
/// length); other words, identifiers and the list's own words stay.
final class TranspositionRepairTests: XCTestCase {
    let repair = TranspositionRepair(words: ["video", "consent", "minutes", "home", "patient", "telephone", "visit", "visti"])

    func masked(_ s: String) -> String? {
        repair.masked(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    func testSwappedLettersArePutBack() {
        XCTAssertEqual(masked("Vidoe visit; consnet verbal; 20 mintues; Pateint at hoem."),
                       "Video visit; consent verbal; 20 minutes; Patient at home.")
        XCTAssertEqual(masked("VIDOE by TELEHPONE"), "VIDEO by TELEPHONE")
        XCTAssertEqual(masked("pateint's hoem"), "patient's home")
    }

    func testOtherWordsStay() {
        for s in [
            "Video visit, consent, minutes, home.",   // the list's own words
            "visti",                                   // a swap that spells another listed word
            "item form trail",                         // not swaps of listed words
            "hoem2 3vidoe id:vidoe9",                  // a digit beside: an identifier or code
            "vidoeé éhoem",                            // a letter beyond ASCII beside: another word
            "vid minuetsandmore",                      // too short; part of a longer word
        ] {
            XCTAssertNil(masked(s), s)
        }
    }

    /// A note whose telehealth words are all slips is read; evidence quotes the note as written.
    func testANoteOfSlipsIsRead() throws {
        let note = "Telehaelth visit by telehpone.\nPatient lcoated at hmoe.\nVerbal cosnent otbained from the patient.\nTotal tiem 20 minutse.\nAna Ruiz, MD"
        let r = try NoteScanner.forTests().scan(text: note)
        XCTAssertEqual(r.service, .telemedicineVisit)
        XCTAssertEqual(r.elements.modality?.value, "audio_only")
        XCTAssertEqual(r.elements.patientLocation?.value, "home")
        XCTAssertEqual(r.elements.consent?.value.value, "documented")
        XCTAssertEqual(r.elements.time?.value, 20)
        XCTAssertEqual(r.evidence(try XCTUnwrap(r.elements.patientLocation?.evidence.first)).quote.contains("hmoe"), true)
    }

    /// The bundled list makes no change to the real notes of MTSamples: a swap of a listed word
    /// that spells a real word would (add a word to the list only if this still passes).
    func testTheBundledListChangesNoMTSamplesNote() throws {
        guard var reader = Repo.mtsamples() else {
            throw XCTSkip("../shared/eval/mtsamples is absent; the typo list not checked against it")
        }
        let repair = TranspositionRepair(words: try Repo.lexiconSet().list("typo_targets"))
        XCTAssertGreaterThan(repair.swaps.count, 300)
        var notes = 0
        var changed: [String] = []
        while let record = try reader.next() {
            notes += 1
            if let out = repair.masked(record.text) {
                let words = zip(record.text, out).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
                changed.append("\(record.id) at \(words.first ?? -1)")
            }
        }
        XCTAssertGreaterThan(notes, 2000)
        XCTAssertEqual(changed, [])
    }
}
