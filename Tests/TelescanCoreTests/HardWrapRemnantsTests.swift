import XCTest
@testable import TelescanCore

/// Hard-wrapped notes: soft line breaks read as spaces (same length); forms, lists, labels,
/// tables and one-statement-per-line notes keep their breaks.
final class HardWrapRemnantsTests: XCTestCase {
    func masked(_ s: String) -> String? {
        let bytes = Array(s.utf8)
        return HardWrapRemnants.masked(bytes, ascii: bytes.allSatisfy { $0 < 0x80 }).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A greedy wrap at `width` columns, as exports and fixed-width reports write it.
    static func wrapped(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var out: [String] = []
            var current = ""
            for word in line.split(separator: " ") {
                if current.isEmpty { current = String(word) } else if current.count + 1 + word.count <= width {
                    current += " " + word
                } else {
                    out.append(current)
                    current = String(word)
                }
            }
            out.append(current)
            return out.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    let prose = "Video visit for follow up of low back pain. Patient is at home, sitting on his couch, and he gave verbal consent for the telehealth visit. He reports the pain is better since starting physical therapy, about four out of ten. He walks thirty minutes a day now; no numbness, no weakness. Total time twenty minutes."

    /// Breaks before a lower-case word or a digit are read as spaces; a break before a capital
    /// stays (it starts a new statement as often as it goes on with a name).
    func testWrappedProseIsJoined() throws {
        for width in [50, 64, 72, 80] {
            let note = Self.wrapped(prose, width: width)
            XCTAssertTrue(note.contains("\n"))
            let m = try XCTUnwrap(masked(note), "width \(width)")
            XCTAssertEqual(m.utf8.count, note.utf8.count)
            let expected = note.replacingOccurrences(of: #"\n(?=[a-z0-9(])"#, with: " ", options: .regularExpression)
            XCTAssertEqual(m, expected, "width \(width)")
            XCTAssertLessThanOrEqual(m.filter { $0 == "\n" }.count, 2, m)
        }
        // A carriage return goes with its line feed; the spaces keep the note's length.
        let lf = Self.wrapped(prose, width: 72)
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        XCTAssertEqual(masked(crlf)?.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "  ", with: " "), masked(lf))
    }

    func testWrappedCapitalsAreJoinedUnlessASentenceEnded() throws {
        let caps = Self.wrapped(prose.uppercased(), width: 64)
        let m = try XCTUnwrap(masked(caps))
        XCTAssertFalse(m.contains("\n"), m)
    }

    func testBreaksThatAreNotWrapsStay() {
        // A form whose answers make a few long lines.
        XCTAssertNil(masked("""
            TELEPHONE VISIT FORM                              Status: Pended
            Dept: INTERNAL MEDICINE - NORTH
            Modality? Phone - audio only
            Could video be used? No - he has no smartphone and no computer
            Verbal consent to a phone visit? Given by patient
            Patient location? His home
            Pended by WIERZBICKI, TOMASZ at 06/15/2026 4:20 PM - not yet signed
            """))
        // One statement per line, no punctuation: "not" must not run into the next statement.
        XCTAssertNil(masked("""
            consultation held over the telephone
            no mobile data on his handset so video could not be used
            patient gave informed consent for the teleconsultation
            he is at his own residence now
            known type 2 diabetic on metformin 500 twice daily
            review in one week by phone or sooner if fever develops
            call lasted 15 minutes in total
            """))
        // Dot leaders and column gaps.
        XCTAssertNil(masked("""
            E-VISIT INITIATED BY ESTABLISHED PT VIA PORTAL 06/10/2026 RE ALLERGY, CONSENT
            06/10 - QUESTIONNAIRE/HX REVIEWED, PLAN SENT .............. 6 MINS
            06/11 - REPLIED RE CETIRIZINE VS LORATADINE ............... 5 MINS
            TOTAL CUMULATIVE TIME (7 DAYS) ............................ 14 MINS
            """))
        // Short lines, and a note of one line.
        XCTAssertNil(masked("Consent: verbal\nTime: 20 min\nLocation: home"))
        XCTAssertNil(masked(prose))
    }

    func testListItemsLabelsAndNamesKeepTheirLine() throws {
        let note = """
            Video visit for follow up of low back pain. He reports the pain is better since
            starting physical therapy, about four out of ten, and walks thirty minutes a day;
            - no numbness, no weakness, no bowel or bladder change, no fever, and he sleeps well
            Plan: continue physical therapy twice weekly and naproxen as needed, recheck in one
            month. Total time twenty minutes, including review of imaging and the care plan too
            Dana Lee, MD
            """
        let m = try XCTUnwrap(masked(note))
        let lines = m.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, m)
        XCTAssertTrue(lines[0].hasSuffix("since starting physical therapy, about four out of ten, and walks thirty minutes a day;"))
        XCTAssertTrue(lines[1].hasPrefix("- no numbness"))
        XCTAssertTrue(lines[2].hasPrefix("Plan: continue"))
        XCTAssertEqual(lines[3], "Dana Lee, MD")
    }

    /// Wrapped prose above a list of short lines without inner punctuation ("- Recheck 3
    /// months.", "Total time 28 minutes.") is still joined: its long lines are the prose, and
    /// they are punctuated (the short lines once outvoted them, and a switch across a break was
    /// lost).
    func testWrappedProseAboveShortListLinesIsJoined() throws {
        let note = """
            Pain clinic - telehealth visit
            He agreed to a telehealth visit. He is home. We began on video; the connection dropped
            partway through, so I called his landline and we kept going by phone; then he got the
            video back on his laptop and we finished on camera so I could watch him walk today.
            A/P
            - Knee OA
            - LBP
            - Tramadol unchanged
            - Recheck 3 months
            - PT home program
            Total time 28 minutes
            Dana Lee, PA-C
            """
        let m = try XCTUnwrap(masked(note))
        XCTAssertTrue(m.contains("connection dropped partway through"), m)
        XCTAssertTrue(m.contains("got the video back"), m)
        XCTAssertTrue(m.contains("\n- Knee OA\n"), m)
        let r = try NoteScanner.forTests().scan(text: note)
        XCTAssertEqual(r.elements.modalitySwitch?.value, true)
    }

    /// A dated entry of a log keeps its line ("02/25: ..."), as a list item does; a date that
    /// goes on a wrapped sentence is joined.
    func testDatedLogEntriesKeepTheirLine() throws {
        let note = """
            New patient-initiated portal request 02/23/2026 - questions about protein, phosphorus additives
            and his food log. Client agreed to the e-visit and was told it may be billed today, by me.
            02/23: reviewed 3-day food log (photos of labels included), protein ~1.4 g/kg, several
              phosphate-additive processed foods. Wrote reply to the client and his wife. (12 min)
            02/25: client follow-up questions about plant protein and dialysis myths; answered with
              handout links. (7 min)
            Total time for this 7-day e-visit: 23 minutes, all of it mine, none of it the MA's time.
            """
        let m = try XCTUnwrap(masked(note))
        XCTAssertTrue(m.contains("additives and his food log"), m)
        XCTAssertTrue(m.contains("(12 min)\n02/25: client"), m)
        XCTAssertFalse(HardWrapRemnants.startsLogEntry(Array("02/25 for a recheck".utf8), .init(start: 0, end: 19, width: 19), word: (0, 5, 5)))
        XCTAssertTrue(HardWrapRemnants.startsLogEntry(Array("14:05 - called back".utf8), .init(start: 0, end: 19, width: 19), word: (0, 5, 5)))
        // A clock range opens an entry too (s58); a single time that goes on a sentence does not.
        XCTAssertTrue(HardWrapRemnants.startsLogEntry(Array("13:40-13:52 second call".utf8), .init(start: 0, end: 23, width: 23), word: (0, 11, 11)))
        XCTAssertFalse(HardWrapRemnants.startsLogEntry(Array("10:02 to 10:30 on the".utf8), .init(start: 0, end: 21, width: 21), word: (0, 5, 5)))
    }

    /// End to end: a hard-wrapped note documents what it says across its breaks, and evidence
    /// quotes the note as given, break included.
    func testWrappedNoteIsRead() throws {
        let note = """
            CHILD PSYCHIATRY F/U: video visit, 10 yo boy, established
            pt. Setting: home, father present. Consent: given for
            telehealth by father, who has legal custody. Dx: ADHD on
            methylphenidate ER 27 mg; teacher notes improved focus,
            weight stable. Plan: continue, RTC 3 mo. MDM: moderate.
            Time: 30 min total, including the school report review
            and the call with the teacher.
            Philippa Hargreave-Nunez, MD
            """
        let r = try NoteScanner.forTests().scan(text: note)
        XCTAssertEqual(r.elements.consent?.value.by, "guardian")
        let ev = r.evidence(try XCTUnwrap(r.elements.consent?.evidence.first))
        XCTAssertTrue(ev.quote.contains("\n"), ev.quote)
    }
}
