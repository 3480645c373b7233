import XCTest
@testable import TelescanCore

/// Minutes written in words read as digits, and the map takes a match back to the words.
final class SpelledMinutesTests: XCTestCase {
    func rewritten(_ s: String) -> String? {
        SpelledMinutes.rewritten(Array(s.utf8)).map { String(decoding: $0.text, as: UTF8.self) }
    }

    func testMinutesInWordsReadAsDigits() {
        XCTAssertEqual(rewritten("Total time approximately eighteen minutes."), "Total time approximately 18 minutes.")
        XCTAssertEqual(rewritten("Total time: thirty two minutes."), "Total time: 32 minutes.")
        XCTAssertEqual(rewritten("Time spent Thirty-Two Minutes"), "Time spent 32 Minutes")
        XCTAssertEqual(rewritten("a forty-five-minute call, then ten mins charting"), "a 45-minute call, then 10 mins charting")
        XCTAssertEqual(rewritten("twenty minutes"), "20 minutes")
        XCTAssertEqual(rewritten("call lasted fifteen min."), "call lasted 15 min.")
    }

    func testOtherWordsAndNumbersStay() {
        // One minute, a minute, a count that is not of minutes, "minimum", "mint".
        XCTAssertNil(rewritten("one minute of silence; a minute later"))
        // Days stay in words (rules read "over those two days" as written).
        XCTAssertNil(rewritten("over those two days; twenty-seven days out of thirty-one"))
        XCTAssertNil(rewritten("thirty two patients; twenty minimum; five mint leaves"))
        // Already digits; a number word inside another word or after a hyphen.
        XCTAssertNil(rewritten("Total time 32 minutes."))
        XCTAssertNil(rewritten("sweighteen minutes, one-twenty minutes, 2twenty minutes"))
        // Minutes added to hours, which the rules read in words as one phrase.
        XCTAssertNil(rewritten("an hour and five minutes; two hours ten minutes; 1 hr and twenty mins"))
        XCTAssertEqual(rewritten("an hour, then five minutes"), "an hour, then 5 minutes")
        // Two blanks between the words (the note squeezes blank runs first).
        XCTAssertNil(rewritten("eighteen  minutes"))
        // "thirty two" needs a tens word first: "two twenty minutes" reads "twenty" alone.
        XCTAssertEqual(rewritten("two twenty minutes"), "two 20 minutes")
    }

    func testTheMapTakesMatchesBackToTheWords() throws {
        let note = Array("Time spent thirty two minutes today.".utf8)
        let (text, map) = try XCTUnwrap(SpelledMinutes.rewritten(note))
        XCTAssertEqual(String(decoding: text, as: UTF8.self), "Time spent 32 minutes today.")
        // "32 minutes" in the copy is "thirty two minutes" in the note.
        XCTAssertEqual(map.original(11..<21), 11..<29)
    }

    /// Through the whole pipeline: a dictated time in words is found, with the words as evidence.
    func testADictatedTimeIsFoundWithItsWords() throws {
        let r = try NoteScanner.forTests().scan(text: "Video visit, patient at home, consented.\nTotal time by physician on date of service: thirty two minutes.")
        XCTAssertEqual(r.elements.time?.value, 32)
        let quotes = (r.elements.time?.evidence ?? []).map { r.evidence($0).quote }
        XCTAssertTrue(quotes.contains { $0.hasSuffix("thirty two minutes") }, "\(quotes)")
    }
}
