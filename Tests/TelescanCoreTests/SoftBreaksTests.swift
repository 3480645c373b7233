import XCTest
@testable import TelescanCore

/// A single line break inside one statement (a number and its unit, a signer's name and
/// credential, a line ending on a word no statement ends with before a lower-case line) is read
/// as a space, same length; every other break is kept.
final class SoftBreaksTests: XCTestCase {
    let breaks = SoftBreaks(wrapEnds: ["the", "with", "to", "and", "no", "not", "given"],
                            breakWords: ["-no", "-not", "-given", "+of", "+with", "+including"],
                            credentials: ["MD", "PA-C", "DO", "RD"])

    func read(_ s: String) -> String? {
        breaks.masked(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    func testBreaksInsideAStatementAreSpaces() {
        XCTAssertEqual(read("including chart review and documentation: 25\r\nminutes."), "including chart review and documentation: 25  minutes.")
        XCTAssertEqual(read("period: 14\n  minutes (09/29 7 min)"), "period: 14   minutes (09/29 7 min)")
        XCTAssertEqual(read("Colette Ambrose,\r\nPA-C\r\nSigned 08/14"), "Colette Ambrose,  PA-C\r\nSigned 08/14")
        XCTAssertEqual(read("Marisela Thorvaldsen,\nRD, LDN"), "Marisela Thorvaldsen, RD, LDN")
        XCTAssertEqual(read("she verbally agreed to proceed with the\ntelehealth visit."), "she verbally agreed to proceed with the telehealth visit.")
        XCTAssertEqual(read("Management time, including review\n of outside records: 40"), "Management time, including review  of outside records: 40")
        // A number that opens a phrase after such a word.
        XCTAssertEqual(read("We talked about doing the\n6-week follow-up as a video visit"), "We talked about doing the 6-week follow-up as a video visit")
    }

    func testOtherBreaksAreKept() {
        for s in [
            "video no\ntelephone no\nin person yes",          // a terse note's lines end on "no"
            "consent given\nverbal",                          // nor on "given"
            "Total time 25\nMinimal distress noted.",         // a capital: a new statement
            "Pain 5/10\nminutes of stiffness in the morning", // no number at the line's end
            "talked to the\n\ntelehealth team",               // a blank line ends the statement
            "Seen with\nDr. Lee",                             // goes on with a capital
            "Reviewed labs,\nMD to call back",                // no name before the comma
            "Colette Ambrose,\nPA-C student shadowed",        // a credential not alone on its line
            "BP 120/80. Plan to\n- recheck",                  // a list item
            "Recheck in 2 weeks.\nand call if worse",        // after a sentence's end
            "review\nofloxacin drops",                       // a word that only starts with "of"
            "declined video\nand agreed to a phone visit",   // "and" joins clauses: each line is read alone
            "Plan: discussed the\n1. BP log\n2. labs",        // a numbered list after a wrap word
            "called back to the\n10:30 slot",               // a clock time
            "Seen with the\n3/12 labs",                     // a date
            "Plan per the\n2 Ranked options",               // a number before a capital
            "reviewed the\n6-Week plan",                     // a number joined to a capital
            "video with the\n2 kids present",               // a number and a word: a terse line of its own
        ] {
            XCTAssertNil(read(s), s)
        }
    }
}
