import XCTest
@testable import TelescanCore

final class AbbreviationLegendTests: XCTestCase {
    func expanded(_ s: String) -> String? {
        AbbreviationLegend.expanded(Array(s.utf8)).map { String(decoding: $0.text, as: UTF8.self) }
    }

    /// A legend line's abbreviations are spelled out in the rest of the note, whole words and
    /// same case only; the legend itself is blank (same length), so it states nothing.
    func testALegendSpellsOutItsAbbreviations() throws {
        let note = "PL: home. VC obtained. PLT 250. pl ok. TT 22 min.\nLegend: PL = patient location; VC = verbal consent; TT = total time.\n"
        let out = try XCTUnwrap(expanded(note))
        XCTAssertTrue(out.hasPrefix("patient location: home. verbal consent obtained. PLT 250. pl ok. total time 22 min.\n"), out)
        XCTAssertFalse(out.contains("Legend"), out)
        XCTAssertFalse(out.contains("= "), out)
        let cases: [(String, String)] = [
            // Header forms: an aside, dashes, a header alone above one item per line, bullets.
            ("Abbrev (used below): VV = video visit; C+ = pt consented to today's VV.\nVV today. C+.", "video visit today. pt consented to today's video visit."),
            ("Legend -- TV = telephone visit; Est pt = established patient\nTV with Est pt.", "telephone visit with established patient."),
            ("Abbreviations:\n- PL = patient location\n- VC = verbal consent\n\nPL home, VC yes.", "patient location home, verbal consent yes."),
            // Commas split items only when the line has no ';', and a piece without '=' goes on
            // with the meaning before it.
            ("Key: VV = video visit, PL = patient location\nVV, PL home.", "video visit, patient location home."),
            ("Key: OV = office visit (in person, clinic room 4); TT = total time\nOV. TT 20 min.", "office visit (in person, clinic room 4). total time 20 min."),
        ]
        for (note, body) in cases {
            let out = try XCTUnwrap(expanded(note), note)
            XCTAssertTrue(out.hasSuffix(body), "\(note) -> \(out)")
        }
    }

    /// No legend, nothing changes: '=' in values, a header followed by other words, a key of
    /// symbols, or a legend line whose items have no letters.
    func testNoLegendNoExpansion() {
        for note in [
            "BP = 130/80. Pt at home.",
            "Key findings: PL = 3, video visit.",
            "Key: + = present; - = absent\n+ cough",
            "Legend: A1 = 7.2; B2 = 8\nA1 up",
            "Total time = 20 min; consent = yes.",
        ] {
            XCTAssertNil(expanded(note), note)
        }
    }

    /// Ranges found in the spelled-out text map back to the note: a range inside or around an
    /// expansion becomes the abbreviation as written, and text after it shifts back.
    func testRangesMapBackToTheNote() throws {
        let note = Array("PL: home. Seen.\nLegend: PL = patient location.".utf8)
        let (text, legend) = try XCTUnwrap(AbbreviationLegend.expanded(note))
        let s = String(decoding: text, as: UTF8.self)
        let home = try XCTUnwrap(s.range(of: "patient location: home"))
        let r = s.utf8.distance(from: s.startIndex, to: home.lowerBound)..<s.utf8.distance(from: s.startIndex, to: home.upperBound)
        XCTAssertEqual(legend.map.original(r), 0..<8)  // "PL: home"
        XCTAssertEqual(legend.map.original(3..<10), 0..<2)  // inside "patient location": "PL"
        let seen = try XCTUnwrap(s.range(of: "Seen"))
        let sr = s.utf8.distance(from: s.startIndex, to: seen.lowerBound)
        XCTAssertEqual(legend.map.original(sr..<(sr + 4)), 10..<14)
    }

    /// End to end: a note written in its own abbreviations is read as if spelled out, with
    /// evidence quoting the note's words.
    func testANoteInItsOwnAbbreviations() throws {
        let scanner = try NoteScanner.forTests()
        let note = "Cardiology VV\nPL: home | ProvL: clinic office\nVC: pt, obtained.\nTT: 25 min.\nJo Lee, MD\n\nLegend: VV = video visit; PL = patient location; ProvL = provider location; VC = verbal telehealth consent; TT = total time.\n"
        let r = scanner.scan(text: note)
        XCTAssertEqual(r.status, .ready)
        XCTAssertEqual(r.elements.patientLocation?.value, "home")
        XCTAssertEqual(r.elements.time?.value, 25)
        let ev = try XCTUnwrap(r.elements.patientLocation?.evidence.first)
        XCTAssertEqual(r.evidence(ev).quote, "PL: home")
    }

    /// A legend's definitions state nothing: "VV = video visit" in an office note's legend is
    /// no video visit.
    func testALegendIsNoStatement() throws {
        let scanner = try NoteScanner.forTests()
        let office = "IM OV\nAbbrev: OV = office visit (in person, clinic room 4); VV = video visit; TT = total time.\n\nVitals: BP 132/80.\nA1c 6.8. Foot exam nl.\nTT: 30 min.\nJo Lee, MD\n"
        let r = scanner.scan(text: office)
        XCTAssertEqual(r.service, .inPerson)
        XCTAssertNil(r.elements.modality)
    }
}
