import XCTest
@testable import TelescanCore

/// A note whose line breaks were removed: breaks before its inline labels and its closing
/// signature, only on a long line with labels; same length.
final class FlattenedNoteBreaksTests: XCTestCase {
    let breaks = FlattenedNoteBreaks(credentials: ["MD", "NP", "PA-C", "DO"])

    func masked(_ s: String) -> String? {
        breaks.masked(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    let flat = "Acne follow-up by video, the patient at home with her mother present for the whole visit and agreeable to it. S: fewer papules on doxycycline, no GI upset, no new cysts on the video exam today. Plan: taper doxy over 2 wk; cont adapalene qhs, add BPO wash; recheck in 3 months by video again MDM: Low Time: 18 minutes Nadia Ferreira-Olsen, PA-C"

    func testLabelsAndTheSignatureStartLines() throws {
        let m = try XCTUnwrap(masked(flat))
        XCTAssertEqual(m.utf8.count, flat.utf8.count)
        let lines = m.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.last, "Nadia Ferreira-Olsen, PA-C")
        XCTAssertTrue(lines.contains("Time: 18 minutes"), m)
        XCTAssertTrue(lines.contains { $0.hasPrefix("MDM: Low") }, m)
        // A label after a sentence's end or a colon needs no break.
        XCTAssertTrue(lines.contains { $0.hasPrefix("Acne follow-up") && $0.contains(". S: fewer") }, m)
    }

    func testSignatureForms() throws {
        let pad = String(repeating: "word ", count: 60)
        for (tail, name) in [("Consent: yes Time: 20 min Leopold Haverkamp, MD (signed)", "Leopold Haverkamp, MD (signed)"),
                             ("MDM: low Plan: taper L. Chen, MD", "L. Chen, MD"),
                             ("Plan: rest Time: 20 min total today Leontine Aguirre-Pham MD FAAD", "Leontine Aguirre-Pham MD FAAD")] {
            let m = try XCTUnwrap(masked(pad + tail), tail)
            XCTAssertEqual(m.split(separator: "\n").last.map(String.init), name, tail)
        }
    }

    /// A note that is one long line: its closing signature gets its line whatever its labels,
    /// and a specialty or a "cc:" after the credentials a line of its own.
    func testAOneLineNoteGetsItsSignatureLine() throws {
        let pad = String(repeating: "word ", count: 60)
        for (note, lines) in [(pad + "total time 45 min. Corisande Mwangi-Lindqvist, MD Developmental-Behavioral Pediatrics",
                               ["Corisande Mwangi-Lindqvist, MD", "Developmental-Behavioral Pediatrics"]),
                              (pad + "Kind regards, Carys Montgomery-Ibe, NP cc: Dr. Luisa Ferreira",
                               ["Carys Montgomery-Ibe, NP", "cc: Dr. Luisa Ferreira"])] {
            let m = try XCTUnwrap(masked(note), note)
            XCTAssertEqual(Array(m.split(separator: "\n").map(String.init).suffix(2)), lines)
        }
        // Not a line of a longer note without labels, and not a name without a credential.
        XCTAssertNil(masked(pad + "\nDiscussed with Jane Roe, MD"))
        XCTAssertNil(masked(pad + "and then Jane Roe agreed"))
        // A one-line note ending on a name that is a sentence's object keeps it in the sentence.
        XCTAssertNil(masked(pad + "plan discussed with Jane Roe, MD"))
        XCTAssertNil(masked(pad + "Referred to Omar Haddad, DO."))
        let signed = try XCTUnwrap(masked(pad + "rest. Signed Jane Roe, MD"))
        XCTAssertEqual(signed.split(separator: "\n").last.map(String.init), "Jane Roe, MD")
    }

    /// A date stamp of the signing after the signature: the signature and the stamp get a line
    /// each. Not words after "signed" ("signed the consent form"), nor a stamp without a date.
    func testASignatureWithItsDateStampGetsItsLine() throws {
        let pad = String(repeating: "word ", count: 60)
        for (stamp, signature) in [("Electronically signed 01/22/2026 11:18", "Samuel Achterberg, MD"),
                                   ("Electronically signed on 2/26/2026 at 4:05 PM CST", "Miriam Castellano, MD"),
                                   ("E-signed 03/02/26.", "Cole Haverford, MD")] {
            let m = try XCTUnwrap(masked(pad + "MDM: low. " + signature + " " + stamp), stamp)
            XCTAssertEqual(Array(m.split(separator: "\n").map(String.init).suffix(2)), [signature, stamp], stamp)
        }
        // A date after the credentials; a signing "by" the name starts the line; a specialty
        // with a joining word.
        let dated = try XCTUnwrap(masked(pad + "MDM: low. Electronically signed by Isaac Bernstein, MD 01/15/2026 12:20 PM"))
        XCTAssertEqual(Array(dated.split(separator: "\n").map(String.init).suffix(2)),
                       ["Electronically signed by Isaac Bernstein, MD", "01/15/2026 12:20 PM"])
        let joined = try XCTUnwrap(masked(pad + "MDM: low. Cole Haverford, MD Pulmonary and Critical Care Electronically signed 01/29/2026"))
        XCTAssertEqual(Array(joined.split(separator: "\n").map(String.init).suffix(3)),
                       ["Cole Haverford, MD", "Pulmonary and Critical Care", "Electronically signed 01/29/2026"])
        XCTAssertNil(masked(pad + "plan reviewed. Jane Roe, MD signed the consent form"))
        XCTAssertNil(masked(pad + "the dose was 5 mg 01/15/2026"))
        XCTAssertNil(masked(pad + "plan reviewed. Jane Roe, MD Electronically signed by the attending"))
    }

    func testShortOrUnlabelledLinesStay() {
        XCTAssertNil(masked("Video visit. Consent: verbal. Time: 20 min. Plan: rest.\nDana Lee, MD"))
        XCTAssertNil(masked(String(repeating: "a long line of prose without any label at all ", count: 10)))
        // One label is not a flattened form.
        XCTAssertNil(masked(String(repeating: "words of prose here ", count: 20) + "and then Plan: rest"))
    }
}
