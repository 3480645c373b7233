import XCTest
@testable import TelescanCore

/// A speech-recognition dictation: its said marks read as marks, spelled letters joined (a
/// credential after a comma), and every range maps back to the dictation's own words; a typed
/// note, and the nouns "period" and "colon", stay.
final class SpokenDictationTests: XCTestCase {
    let dictation = SpokenDictation(credentials: ["MD", "DO", "NP", "PA-C", "LCSW", "RN"])

    func rewritten(_ s: String) -> String? {
        dictation.rewritten(Array(s.utf8)).map { String(decoding: $0.text, as: UTF8.self) }
    }

    func testSaidMarksReadAsMarks() {
        XCTAssertEqual(rewritten("seen over video period she agreed comma verbal consent period new paragraph plan colon rest period"),
                       "seen over video. she agreed, verbal consent.\n\n plan: rest.")
        XCTAssertEqual(rewritten("by phone period at home comma alone period next line total twenty minutes period"),
                       "by phone. at home, alone.\n total twenty minutes.")
        // A label before a said colon: "time colon" is "time:", though "time period" is a noun.
        XCTAssertEqual(rewritten("by video period at home comma alone period time colon twenty two minutes period"),
                       "by video. at home, alone. time: twenty two minutes.")
        XCTAssertEqual(rewritten("by video period at home comma alone period the time period was short period"),
                       "by video. at home, alone. the time period was short.")
    }

    func testALineOfADictationEndsAStatement() {
        // The recogniser's own line break after a word ends the statement; "this month period"
        // is a said mark, though "a 30 day period" is a noun.
        XCTAssertEqual(rewritten("weights on twenty days this month period last month only twelve\nreviewed salt with him and his wife by phone\ntime colon twenty minutes period\ningrid solberg n p"),
                       "weights on twenty days this month. last month only twelve.\nreviewed salt with him and his wife by phone.\ntime: twenty minutes.\ningrid solberg, np")
        XCTAssertEqual(rewritten("by video period readings on twenty days of the 30 day period comma stable period\nplan same"),
                       "by video. readings on twenty days of the 30 day period, stable.\nplan same")
        // A hard-wrapped dictation keeps its breaks as wraps.
        let wrapped = "seen over video period she agreed comma verbal consent period her knee is\nbetter since the last visit comma swelling down period she walks daily now\nwith a cane comma no falls period plan colon continue the exercises period\nfollow up in six weeks"
        XCTAssertEqual(rewritten(wrapped), "seen over video. she agreed, verbal consent. her knee is\nbetter since the last visit, swelling down. she walks daily now\nwith a cane, no falls. plan: continue the exercises.\nfollow up in six weeks")
    }

    func testSpelledLettersAreJoined() {
        XCTAssertEqual(rewritten("by video period at home period m d m moderate period\ningrid solberg m d"),
                       "by video. at home. mdm moderate.\ningrid solberg, md")
        XCTAssertEqual(rewritten("by phone period at home period twenty minutes period\nwen li castellanos p a dash c"),
                       "by phone. at home. twenty minutes.\nwen li castellanos, pa-c")
        XCTAssertEqual(rewritten("by phone period at home period seen at seven a m period\nbeatriz halvorsen p a c"),
                       "by phone. at home. seen at seven am.\nbeatriz halvorsen, pa-c")
        XCTAssertEqual(rewritten("by phone period at home period twenty minutes period signed magnus iversen comma m d"),
                       "by phone. at home. twenty minutes. signed magnus iversen, md")
        // A note typed in lower case has its spelled credential joined without any said mark.
        XCTAssertEqual(rewritten("video visit for gout twenty minutes dictated by ellen paszkowski m d"),
                       "video visit for gout twenty minutes dictated by ellen paszkowski, md")
    }

    func testNounsAndTypedNotesStay() {
        XCTAssertNil(rewritten("Video visit. Her last menstrual period was 06/01, colon cancer screening due."))
        XCTAssertNil(rewritten("Video visit. Dana Lee, MD"))
        XCTAssertNil(rewritten("pt at home, comma splice noted, video ok"), "two said marks are no dictation")
        XCTAssertEqual(rewritten("by video period the monitoring period was thirty days comma colon cancer screening due period sigmoid colon colon normal"),
                       "by video. the monitoring period was thirty days, colon cancer screening due. sigmoid colon: normal")
        // "a b" is no spelled word the rules read; "i" stays a pronoun.
        XCTAssertEqual(rewritten("plan a b period i saw him period at home comma fine period"), "plan a b. i saw him. at home, fine.")
        XCTAssertEqual(rewritten("by video period at home comma her period started today period"), "by video. at home, her period started today.")
    }

    func testRangesMapBackToTheDictation() throws {
        let note = Array("seen over video period she agreed comma verbal consent period\ningrid solberg m d".utf8)
        let r = try XCTUnwrap(dictation.rewritten(note))
        let text = String(decoding: r.text, as: UTF8.self)
        for (phrase, original) in [("verbal consent", "verbal consent"), ("ingrid solberg, md", "ingrid solberg m d"), ("video.", "video period")] {
            let at = try XCTUnwrap(text.range(of: phrase))
            let range = r.map.original(text.utf8.distance(from: text.startIndex, to: at.lowerBound)..<text.utf8.distance(from: text.startIndex, to: at.upperBound))
            XCTAssertEqual(String(decoding: note[range], as: UTF8.self), original, phrase)
        }
    }
}
