import XCTest
@testable import TelescanCore

/// Markdown in notes written by AI scribes and assistants: masked for matching, same length,
/// quotes unchanged; what rules read (bullets, blanks, boxes, ticks) stays.
final class MarkdownRemnantsTests: XCTestCase {
    func masked(_ s: String) -> String? {
        MarkdownRemnants.masked(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    func testEmphasisBecomesSpaces() {
        XCTAssertEqual(masked("**Consent:** verbal"), "  Consent:   verbal")
        XCTAssertEqual(masked("**Consent**: Obtained"), "  Consent  : Obtained")
        XCTAssertEqual(masked("I spent **25 minutes** today"), "I spent   25 minutes   today")
        XCTAssertEqual(masked("***Technology:*** real-time video"), "   Technology:    real-time video")
        XCTAssertEqual(masked("Seen by _video_ today."), "Seen by  video  today.")
        XCTAssertEqual(masked("(_video_)."), "( video ).")
        XCTAssertEqual(masked("_Electronically signed:_ Jo Lee, MD"), " Electronically signed:  Jo Lee, MD")
        XCTAssertEqual(masked("__Time__: 20 min"), "  Time  : 20 min")
        XCTAssertEqual(masked("*Signed by Jo Lee, MD*"), " Signed by Jo Lee, MD ")
        XCTAssertEqual(masked("Platform: `Zoom`"), "Platform:  Zoom ")
    }

    /// Struck-through text is taken back: masked with its tildes; a lone or unclosed tilde is text.
    func testStruckThroughTextBecomesSpaces() {
        XCTAssertEqual(masked("MDM: ~~High~~ Moderate"), "MDM:          Moderate")
        XCTAssertEqual(masked("Total ~~40 min~~ 32 min"), "Total            32 min")
        XCTAssertNil(masked("Time ~30 min, BP ~120/80"))
        XCTAssertNil(masked("~~ not closed\n~~"))
        XCTAssertNil(masked("a ~~ b ~~ c"))
    }

    func testLineMarksAndPictographsBecomeSpaces() {
        XCTAssertEqual(masked("## Consent\nverbal"), "   Consent\nverbal")
        XCTAssertEqual(masked("  ### Time"), "      Time")
        XCTAssertEqual(masked("> Patient at home."), "  Patient at home.")
        XCTAssertEqual(masked(">> quoted"), "   quoted")
        XCTAssertEqual(masked("Started on 📹 video"), "Started on      video")
        XCTAssertEqual(masked("⏱️ Time"), "       Time")
        XCTAssertEqual(masked("🏠 Home"), "     Home")
    }

    /// 🏠 inside a line is the word "home" (same length), ☎ is "tel"; at a line's start, or
    /// before the word itself, they are bullets and decoration.
    func testAHousePictographInsideALineIsHome() throws {
        func masked(_ s: String) -> String? { MarkdownRemnants.masked(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) } }
        XCTAssertEqual(masked("Pt 🏠, VV."), "Pt home, VV.")
        XCTAssertEqual(masked("f/u by ☎ today"), "f/u by tel today")
        XCTAssertEqual(masked("🏠 pt: home"), "     pt: home")
        XCTAssertEqual(masked("pt is 🏠 home"), "pt is      home")
        let r = try NoteScanner.forTests().scan(text: "Pt 🏠, VV via Zoom. Consent verbal. 20 min total.\nDana Lee, MD")
        XCTAssertEqual(r.elements.patientLocation?.value, "home")
        XCTAssertEqual(r.evidence(try XCTUnwrap(r.elements.patientLocation?.evidence.first)).quote, "Pt 🏠")
    }

    func testWhatRulesReadStays() {
        for s in ["* Patient at home", "Consent: ***", "Location: *** ", "Consent: ___", "Time: __ min", "pt_name: Lee",
                  "(__) video", "2*3 tabs", "Rating: ****", "> 30 minutes spent", "#2 pencil", "- [x] Video", "- [ ] Consent",
                  "| Video | ❌ |", "| Phone | ✅ |", "Consent ☑", "Pt’s home — café", "BP >140", "a * b", "plain text",
                  "your video visit on ***.", "Time: ***, MDM: low", "Consent: __.", "(Location: ***)",
                  "Pt Status ....: ( ) New     (*) Established", "Patient at ...... [*] Home  [ ] Other"] {
            XCTAssertNil(masked(s), s)
        }
    }

    func testEveryMaskKeepsLengthAndOtherNonASCII() {
        let s = "**José** — café 📞 ≥ 65"
        let m = MarkdownRemnants.masked(Array(s.utf8))!
        XCTAssertEqual(m.count, s.utf8.count)
        XCTAssertEqual(String(decoding: m, as: UTF8.self), "  José   — café      ≥ 65")
    }

    /// End to end: emphasis inside a sentence no longer hides what it says, and evidence quotes
    /// the note as written.
    func testNoteWithInlineEmphasisIsRead() throws {
        let note = """
        # Telehealth Visit
        Visit conducted via **video** (Zoom). Patient is located at **home**.
        > Patient gave _verbal consent_ to the video visit.
        I spent **25 minutes** on the date of the visit.
        *Electronically signed by Dana Lee, MD*
        """
        let r = try NoteScanner.forTests().scan(text: note)
        XCTAssertEqual(r.elements.modality?.value, "audio_video")
        XCTAssertEqual(r.elements.patientLocation?.value, "home")
        XCTAssertEqual(r.elements.consent?.value.value, "documented")
        XCTAssertEqual(r.elements.time?.value, 25)
        XCTAssertEqual(r.elements.performingProvider?.value.name, "Dana Lee")
        XCTAssertEqual(r.status, .ready)
        let ev = r.evidence(try XCTUnwrap(r.elements.time?.evidence.first))
        XCTAssertEqual(ev.quote, "spent **25 minutes")
    }
}
