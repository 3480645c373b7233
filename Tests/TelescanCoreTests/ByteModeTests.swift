import XCTest
@testable import TelescanCore
@testable import TelescanPCRE2
import TelescanTestSupport

/// Notes that are all ASCII (most) run each rule's byte-mode pattern (`ByteModeSource`): that
/// must change nothing. Every ASCII corpus note (and MTSamples note, when ../shared is present)
/// gets the same hits, groups and all, as with the UTF patterns; every rule example is checked
/// both ways by `RuleExampleRunner`.
final class ByteModeTests: XCTestCase {
    /// How many of `texts` are all ASCII, the hits seen in them, and those whose hits differ
    /// between the two modes.
    func differing(_ texts: [[UInt8]]) throws -> (ascii: Int, hits: Int, differ: [Int]) {
        let rules = try Repo.lexiconSet().compiled
        let isASCII = { (t: [UInt8]) in t.allSatisfy { $0 < 0x80 } }
        let (total, differ) = differingTexts(RuleMatcher(rules: rules, byteModeForASCII: true),
                                             RuleMatcher(rules: rules, byteModeForASCII: false), texts, include: isASCII)
        return (texts.filter(isASCII).count, total, differ)
    }

    func testByteModeChangesNothingOnTheCorpus() throws {
        let dir = Repo.corpus + "/notes"
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        let texts = try names.map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/" + $0))) }
        let (ascii, total, differ) = try differing(texts)
        XCTAssertGreaterThan(ascii, texts.count / 2)
        XCTAssertGreaterThan(total, 10_000)
        XCTAssertEqual(differ.map { names[$0] }, [])
    }

    func testByteModeChangesNothingOnMTSamples() throws {
        guard var reader = Repo.mtsamples() else {
            throw XCTSkip("../shared/eval/mtsamples is absent; byte mode checked on the corpus only")
        }
        var texts: [[UInt8]] = []
        while texts.count < 1000, let r = try reader.next() { if r.error == nil { texts.append(r.text) } }
        let (ascii, total, differ) = try differing(texts)
        XCTAssertGreaterThan(ascii, 500)
        XCTAssertGreaterThan(total, 1000)
        XCTAssertEqual(differ, [])
    }

    /// An ASCII note runs a rule's byte-mode pattern and leaves its UTF pattern uncompiled; a
    /// note with a character beyond ASCII runs the UTF pattern.
    func testASCIINotesRunByteModePatternsAndOthersUTFPatterns() throws {
        let lex = try LexiconSet(root: Repo.lexicons, examples: false, compileAll: false)
        let rules = lex.compiled
        let rule = try XCTUnwrap(lex.definitions.firstIndex { $0.id == "modality.video.phrase" })
        let matcher = RuleMatcher(rules: rules)
        func run(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { buf in matcher.matchTargets(buf).contains { $0.rule == rule } }
        }
        XCTAssertTrue(run("Seen by video visit today."))
        XCTAssertEqual(rules.byteModePatterns[rule].compileState.load(ordering: .relaxed), 1)
        XCTAssertEqual(rules.patterns[rule].compileState.load(ordering: .relaxed), 0, "the UTF pattern was not needed")
        XCTAssertTrue(run("Seen by video visit today — José."))
        XCTAssertEqual(rules.patterns[rule].compileState.load(ordering: .relaxed), 1)
    }

    /// Nearly every rule has a byte-mode form; those that do not (a `\x{...}` beyond a byte)
    /// run their UTF pattern on every note.
    func testNearlyEveryRuleHasAByteModeForm() throws {
        let rules = try Repo.lexiconSet().compiled
        let without = rules.rules.indices.filter { !rules.byteModePatterns[$0].isUsable }.map { rules.rules[$0].definition.id }
        XCTAssertLessThan(without.count, rules.rules.count / 50, "\(without)")
    }
}
