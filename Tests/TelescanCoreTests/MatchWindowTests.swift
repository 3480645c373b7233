import XCTest
import Foundation
import Synchronization
@testable import TelescanCore
@testable import TelescanPCRE2
import TelescanTestSupport

/// Rules with a window (`reach`, phrase rules) run only around their literal occurrences. That
/// must change nothing: on every corpus note (and MTSamples notes, when ../shared is present)
/// the windowed matcher finds exactly what the whole-note matcher finds.
final class MatchWindowTests: XCTestCase {
    func hits(_ m: RuleMatcher, _ text: [UInt8]) -> [Hit] { m.hits(text) }

    func differing(_ texts: [[UInt8]]) throws -> (hits: Int, differ: [Int]) {
        let rules = try Repo.lexiconSet().compiled
        return differingTexts({ (RuleMatcher(rules: rules), RuleMatcher(rules: rules, windowed: false)) }, texts)
    }

    /// Each pattern is told once per note that it ran, however many windows or sentences it ran
    /// in (its JIT compilation waits for a few notes, not a few calls).
    func testEachNoteCountsOncePerPattern() throws {
        let lex = try LexiconSet(root: Repo.lexicons, examples: false, compileAll: true)
        let matcher = RuleMatcher(rules: lex.compiled)
        let comma = try XCTUnwrap(lex.definitions.firstIndex { $0.id == "term.comma" })
        let video = try XCTUnwrap(lex.definitions.firstIndex { $0.id == "modality.video.phrase" })
        let note = Array("Seen by video, at home. Consent by video, verbal. Video visit, 20 minutes, by video.".utf8)
        for _ in 0..<2 {
            note.withUnsafeBufferPointer { buf in
                XCTAssertFalse(matcher.matchTargets(buf).filter { $0.rule == video }.isEmpty)
                XCTAssertGreaterThan(matcher.windowCount[video], 1, "the rule runs in several windows")
                let sentences = [0..<23, 24..<49, 50..<buf.count]
                XCTAssertGreaterThan(matcher.matchContext(buf, in: sentences).filter { $0.rule == comma }.count, 2)
            }
        }
        XCTAssertEqual(lex.compiled.patterns[video].notesRun.load(ordering: .relaxed), 2)
        XCTAssertEqual(lex.compiled.patterns[comma].notesRun.load(ordering: .relaxed), 2)
    }

    /// PCRE2 matches "ſ" (long s) to "s" and "K" (Kelvin sign) to "k" without case; the
    /// prefilter's keys fold ASCII only, so a note holding either wakes every rule over the
    /// whole note: the match a key could not see is still found.
    func testNotesWithCaselessVariantsLoseNoMatch() throws {
        let lex = try Repo.lexiconSet()
        let rules = lex.compiled
        let consent = try XCTUnwrap(lex.definitions.firstIndex { $0.id == "consent.obtained" })
        let spoke = try XCTUnwrap(lex.definitions.firstIndex { $0.id == "time.spoke_for" })
        let windowed = RuleMatcher(rules: rules), whole = RuleMatcher(rules: rules, windowed: false)
        for (text, rule) in [("Verbal con\u{17F}ent obtained for this video visit.", consent),
                             ("Tal\u{212A}ed with her for 20 minutes.", spoke),
                             ("Spoke with pt for 15 minutes.", spoke)] {
            let found = hits(windowed, Array(text.utf8))
            XCTAssertTrue(found.contains { $0.rule == rule }, text)
            XCTAssertEqual(found, hits(whole, Array(text.utf8)), text)
        }
        for (text, expected) in [("50 \u{212A}", true), ("con\u{17F}ent", true), ("Kelvin", false), ("’s “q” ž", false), ("", false)] {
            XCTAssertEqual(Array(text.utf8).withUnsafeBufferPointer { LiteralPrefilter.hasCaselessVariant($0) }, expected, text)
        }
    }

    /// A reach counts characters: a match whose gaps are full of three-byte dashes is still
    /// found in its window (it was lost when the window counted bytes).
    func testReachCountsCharactersNotBytes() throws {
        let lex = try Repo.lexiconSet()
        let rule = try XCTUnwrap(lex.definitions.firstIndex { $0.id == "majority.durations" })
        let dashes = { (n: Int) in String(repeating: "—", count: n) }
        let text = "Call \(dashes(58)) after 5 minutes \(dashes(70)) remaining \(dashes(20)) 10 minutes \(dashes(30)) by phone."
        let windowed = RuleMatcher(rules: lex.compiled), whole = RuleMatcher(rules: lex.compiled, windowed: false)
        let found = hits(windowed, Array(text.utf8))
        XCTAssertTrue(found.contains { $0.rule == rule })
        XCTAssertEqual(found, hits(whole, Array(text.utf8)))
    }

    /// Every second corpus note (the suite's time; TELESCAN_TEST_CORPUS_STRIDE=1 runs them all).
    func testWindowsChangeNothingOnTheCorpus() throws {
        let dir = Repo.corpus + "/notes"
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted().enumerated()
            .filter { $0.offset % Self.singlePassStride == 0 }.map(\.element)
        let texts = try names.map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/" + $0))) }
        let (total, differ) = try differing(texts)
        XCTAssertGreaterThan(total, 1000)
        XCTAssertEqual(differ.map { names[$0] }, [])
    }

    func testWindowsChangeNothingOnMTSamples() throws {
        guard var reader = Repo.mtsamples() else {
            throw XCTSkip("../shared/eval/mtsamples is absent; windows checked on the corpus only")
        }
        var texts: [[UInt8]] = []
        while texts.count < 1000, let r = try reader.next() { if r.error == nil { texts.append(r.text) } }
        let (total, differ) = try differing(texts)
        XCTAssertGreaterThan(total, 1000)
        XCTAssertEqual(differ, [])
    }

    /// Context rules' literals are looked for only around the sentences that hold findings:
    /// every finding keeps the same context as when they are looked for over the whole note.
    /// Every second corpus note, and 500 MTSamples notes.
    func testContextAroundFindingsEqualsContextOverTheWholeNote() throws {
        let engine = ScanEngine(lexicons: try Repo.lexiconSet(), decider: try Decider.builtin("cpt", lexiconsRoot: Repo.lexicons),
                                defaultDate: "2026-06-15", keepFindings: true)
        @Sendable func described(_ s: NoteScanner, _ text: [UInt8]) -> [String] {
            s.scan(NoteRecord(id: "n", text: text)).findings.map { f in
                "\(f.ruleID) \(f.span) " + f.modifiers.map { "\($0.ruleID)@\($0.span)" }.joined(separator: ",")
            }
        }
        var texts: [[UInt8]] = []
        let dir = Repo.corpus + "/notes"
        for (i, name) in try FileManager.default.contentsOfDirectory(atPath: dir).sorted().enumerated() where i % Self.singlePassStride == 0 {
            texts.append([UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))))
        }
        if var reader = Repo.mtsamples() {
            var n = 0
            while n < 500, let r = try reader.next() { if r.error == nil { texts.append(r.text); n += 1 } }
        }
        let notes = texts
        let compared = spreadOverWorkers(notes.count, make: {
            (NoteScanner(engine: engine), NoteScanner(engine: engine, windowed: false))
        }) { scanners, i in (described(scanners.0, notes[i]), described(scanners.1, notes[i])) }
        var modified = 0
        for (i, (w, expected)) in compared.enumerated() {
            modified += w.filter { !$0.hasSuffix(" ") }.count
            XCTAssertEqual(w, expected, "note \(i)")
        }
        XCTAssertGreaterThan(modified, 100, "findings with context")
    }

    /// Notes padded with whitespace (column-aligned exports, double spaces, wrapped lines) keep
    /// every match: a window counts a run of whitespace as one byte.
    func testWindowsChangeNothingOnWhitespacePaddedNotes() throws {
        let pad = String(repeating: " ", count: 41)
        var texts = [Array("Verbal\(pad)consent for telehealth visit obtained from the patient.".utf8)]
        let dir = Repo.corpus + "/notes"
        for name in try FileManager.default.contentsOfDirectory(atPath: dir).sorted().prefix(40) {
            let text = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
            texts.append(Array(text.replacingOccurrences(of: " ", with: pad).utf8))
        }
        let (total, differ) = try differing(texts)
        XCTAssertGreaterThan(total, 100)
        XCTAssertEqual(differ, [])
    }

    /// Keys must not lose what the patterns match. On corpus notes changed as exports change
    /// text (padded, wrapped, capitalised, glued: `ExportMutations.all`), the scan with
    /// keys and windows finds every match that a run waking every rule over the whole note
    /// finds; rules gated on the note by design (`note_requires`) aside. Every eighth note, as
    /// written and in two export versions taken in turn, so each version meets about 120 notes
    /// (every version of every sixteenth note took 70-95 s of the suite's ten minutes; each rule's
    /// own examples meet every version in `RuleDataTests`). TELESCAN_TEST_CORPUS_STRIDE=N runs
    /// every N-th note in every version (N=1: all of them, about 30 minutes).
    func testKeysLoseNothingOnMutatedCorpusNotes() throws {
        let lex = try Repo.lexiconSet()
        let gatedOnNote = Set(lex.definitions.indices.filter { lex.definitions[$0].gatesOnNote })
        XCTAssertEqual(gatedOnNote.count, 42)   // by design: device days read only in a monitoring note (four more in s24; s26: a patient staying in a monitoring program; s29: an e-visit day log summed only in a note about messages, a supervising provider only in a monitoring note; s30: an untitled minutes column summed only in a portal or monitoring note, a named child's assent given to the guardian only in a note about a child; s31: a device "synced on 23 days" only in a note that names a month or period; s32: "no visit needed" as a check-in only in a note that calls the contact brief or quick; s34: a day count then "transmitted" or "with synced doses", and a device-data review's minutes, only in a monitoring note; s43: a notice clicked to accept only in a note about an e-visit or the portal; s46: a photo review named as the e-visit only in a note that names an e-visit or the portal; s53: photos reviewed only in a note that names an e-visit or the portal, and a hospital ED in a heading only in a note about a cart or a tele-consult; s56: agreeing to take part or participate only in a monitoring note; s57: "VC obtained" only in a note that names a remote visit; s60: a patient who "said through" a helper that he agreed to take part only in a monitoring note, a check-in's hedged "Call about 3 minutes" only in a note that names a check-in; s61: four device-day counts by kind only in a monitoring note, a part of the visit on another technology only in a note that names video, a result letter's "Your results" only in a note that says "your"; s62: the supervisor named on a staff signature line only in a monitoring note)
        let dir = Repo.corpus + "/notes"
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        let notes = try names.enumerated().filter { $0.offset % Self.corpusStride == 0 }
            .map { ($0.element, try String(contentsOfFile: dir + "/" + $0.element, encoding: .utf8)) }
        // Two workers (the suite's time; each with its own matchers, as a scan's workers have).
        let workers = 2
        let results = Mutex<(compared: Int, failures: [String])>((0, []))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let keyed = RuleMatcher(rules: lex.compiled), everyRule = RuleMatcher(rules: lex.compiled, wakingEveryRule: true)
            var compared = 0
            var failures: [String] = []
            for (k, (name, note)) in notes.enumerated() where k % workers == w {
                // A mutation that leaves the note as it is (no hyphen to drop, no curly quote to
                // straighten) would only repeat a comparison already made.
                var seen: Set<String> = []
                for mutate in [{ $0 }] + Self.exportVersions(ofSampledNote: k) {
                    let mutated = mutate(note)
                    guard seen.insert(mutated).inserted else { continue }
                    let text = Array(mutated.utf8)
                    let found = keyed.hits(text).filter { !gatedOnNote.contains($0.rule) }
                    let expected = everyRule.hits(text).filter { !gatedOnNote.contains($0.rule) }
                    compared += expected.count
                    if found != expected {
                        func listed(_ hs: [Hit]) -> [String] { hs.map { lex.definitions[$0.rule].id + ": " + String(decoding: text[$0.match], as: UTF8.self).debugDescription } }
                        failures.append("\(name): missing \(listed(expected.filter { !found.contains($0) })), extra \(listed(found.filter { !expected.contains($0) }))")
                    }
                }
            }
            results.withLock { $0.compared += compared; $0.failures += failures }
        }
        let (compared, failures) = results.withLock { $0 }
        for f in failures.sorted() { XCTFail(f) }
        XCTAssertGreaterThan(compared, 1000)
    }
    /// TELESCAN_TEST_CORPUS_STRIDE, when set, is the stride of every corpus-wide test here.
    static let strideFromEnvironment = Int(ProcessInfo.processInfo.environment["TELESCAN_TEST_CORPUS_STRIDE"] ?? "")
    static let corpusStride = strideFromEnvironment ?? 8
    /// The export versions the k-th sampled note is checked in besides its own text: two,
    /// half the list apart and moving one step a note; every version when the stride is set.
    static func exportVersions(ofSampledNote k: Int) -> [@Sendable (String) -> String] {
        let all = ExportMutations.all
        if strideFromEnvironment != nil { return all }
        return [all[k % all.count], all[(k + all.count / 2) % all.count]]
    }
    /// The stride of the corpus-wide window tests that run each note once.
    static let singlePassStride = strideFromEnvironment ?? 2

    /// The runs found eight bytes at a time are exactly the runs of two or more whitespace
    /// bytes and the bytes of each character beyond ASCII, with control bytes and punctuation
    /// near 0x20 (which the eight-byte filter lets through), stray continuation bytes, and
    /// every length around the eight-byte steps.
    func testWhitespaceRunsAreEveryRunOfTwoAndEveryWideCharacter() {
        var rng = SplitMix(seed: 11)
        let alphabet: [UInt8] = [0x61, 0x62, 0x20, 0x20, 0x0A, 0x09, 0x0D, 0x0B, 0x0C, 0x01, 0x1F, 0x21, 0x22, 0xE2, 0x80, 0x99, 0xC3, 0xA9]
        for round in 0..<3000 {
            let t = (0..<Int(rng.next() % 90)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            var expected: [Range<Int>] = []
            var i = 0
            while i < t.count {
                if t[i] >= 0x80 {
                    var e = i + 1
                    while e < t.count, t[e] & 0xC0 == 0x80 { e += 1 }
                    if e - i >= 2 { expected.append(i..<e) }
                    i = e
                    continue
                }
                guard WhitespaceRuns.isSpace(t[i]) else { i += 1; continue }
                var e = i
                while e < t.count, WhitespaceRuns.isSpace(t[e]) { e += 1 }
                if e - i >= 2 { expected.append(i..<e) }
                i = e
            }
            var runs = WhitespaceRuns()
            t.withUnsafeBufferPointer { runs.find(in: $0) }
            XCTAssertEqual(zip(runs.starts, runs.ends).map { $0..<$1 }, expected, "round \(round): \(t)")
        }
    }

    /// The run-list walk equals a walk character by character that counts each whitespace run
    /// as one (a pattern's `[^.]{0,50}` counts characters: "—" is three bytes, one character).
    func testWhitespaceRunWalksEqualACharacterWalk() {
        func charBack(_ t: [UInt8], _ start: Int, _ n: Int) -> Int {
            var i = start, left = n
            while i > 0 && left > 0 {
                left -= 1
                if WhitespaceRuns.isSpace(t[i - 1]) { repeat { i -= 1 } while i > 0 && WhitespaceRuns.isSpace(t[i - 1]) } else {
                    repeat { i -= 1 } while i > 0 && t[i] & 0xC0 == 0x80
                }
            }
            return i
        }
        func charForward(_ t: [UInt8], _ end: Int, _ n: Int) -> Int {
            var i = end, left = n
            while i < t.count && left > 0 {
                left -= 1
                if WhitespaceRuns.isSpace(t[i]) { repeat { i += 1 } while i < t.count && WhitespaceRuns.isSpace(t[i]) } else {
                    repeat { i += 1 } while i < t.count && t[i] & 0xC0 == 0x80
                }
            }
            return i
        }
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("ab c\n\t  é—’😀".unicodeScalars)
        for _ in 0..<300 {
            let t = Array(String(String.UnicodeScalarView((0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })).utf8)
            var runs = WhitespaceRuns()
            t.withUnsafeBufferPointer { runs.find(in: $0) }
            for p in 0...t.count where p == t.count || t[p] & 0xC0 != 0x80 {
                for n in [0, 1, 2, 3, 7, 40] {
                    XCTAssertEqual(runs.back(from: p, over: n), charBack(t, p, n), "\(t) back from \(p) over \(n)")
                    XCTAssertEqual(runs.forward(from: p, over: n, limit: t.count), charForward(t, p, n), "\(t) forward from \(p) over \(n)")
                }
            }
        }
    }

    func testPhraseWindowWalksBackOverWordsAndAnyWhitespace() {
        let text = Array("xx in   person visit".utf8)
        text.withUnsafeBufferPointer { buf in
            // "person" starts at 8; "in" is 2 non-space bytes before it, across 3 spaces (and the
            // space before "in" is passed too: a start there simply fails).
            XCTAssertEqual(MatchWindow.phrasePrefix(2).starts(around: 8, 14, in: buf), 2...8)
            XCTAssertEqual(MatchWindow.phrasePrefix(0).starts(around: 8, 14, in: buf), 5...8)
            // A reach counts a run of whitespace as one byte: 5 back from "person" are "   ",
            // "n", "i", " ", "x"; 5 forward from its end are " ", "v", "i", "s", "i".
            XCTAssertEqual(MatchWindow.reach(5, after: 5).starts(around: 8, 14, in: buf), 1...19)
            XCTAssertEqual(MatchWindow.reach(1, after: 0).starts(around: 8, 14, in: buf), 5...14)
            XCTAssertEqual(MatchWindow.reach(9, after: 9).starts(around: 8, 14, in: buf), 0...20)
        }
    }

    func testEachRuleGetsTheWindowItsDataAllows() throws {
        let rules = try Repo.lexiconSet().compiled
        let byID = Dictionary(uniqueKeysWithValues: rules.rules.enumerated().map { ($1.definition.id, $0) })
        func window(_ id: String) throws -> MatchWindow { rules.windows[try XCTUnwrap(byID[id], id)] }
        // A phrase rule: from its phrases ("in-person visit" has "in-" before its key "person").
        guard case .phrasePrefix(let n) = try window("service.in_person") else { return XCTFail("no phrase window") }
        XCTAssertGreaterThan(n, 0)
        // Each key word has its own prefix: nothing before "operative" ("operative report": its
        // window is a single start), the rule's most before "person"; "chief " before "complaint"
        // (another rule).
        let inPerson = rules.rules[try XCTUnwrap(byID["service.in_person"])].definition
        let prefixes = Dictionary(uniqueKeysWithValues: zip(inPerson.literals, try XCTUnwrap(inPerson.literalPrefixes)))
        XCTAssertEqual(prefixes["operative"], 0)
        XCTAssertEqual(prefixes.values.max(), n)
        let sections = rules.rules[try XCTUnwrap(byID["service.in_person_section"])].definition
        let sectionPrefixes = Dictionary(uniqueKeysWithValues: zip(sections.literals, try XCTUnwrap(sections.literalPrefixes)))
        XCTAssertEqual(sectionPrefixes["complaint"], 5)
        // A pattern rule led by a phrase list (`reach: phrases`): each key with its phrases' most
        // before it ("audio and video" is keyed on "audio", nothing before it; "two-way video" on
        // "video", with "two-way " before it).
        let video = rules.rules[try XCTUnwrap(byID["modality.video.phrase"])].definition
        let videoPrefixes = Dictionary(uniqueKeysWithValues: zip(video.literals, try XCTUnwrap(video.literalPrefixes)))
        XCTAssertEqual(try window("modality.video.phrase"), .phrasePrefix(try XCTUnwrap(videoPrefixes.values.max())))
        XCTAssertEqual(videoPrefixes["audio"], 0)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(videoPrefixes["video"]), 7)
        // A pattern rule with `reach`, and one without: the whole note.
        XCTAssertEqual(try window("patient_location.home"), .reach(230, after: 0))
        XCTAssertEqual(try window("time.key_value"), .reach(46, after: 0))
        XCTAssertEqual(try window("provider_location.traveling"), .reach(40, after: 40))   // reach_after defaults to reach
        XCTAssertEqual(try window("device_days.key_value"), .reach(13, after: 0))
        XCTAssertEqual(try window("reason.declined_video"), .reach(48, after: 0))   // s54: "video link; he " (and up to 30 more) before "declined"
        XCTAssertEqual(try window("majority.durations"), .reach(40, after: 0))
        XCTAssertEqual(try window("device_days.of_days"), .wholeNote)
        XCTAssertEqual(try window("time.total_label"), .reach(0, after: 0))
        // Key "person": "in-" before it; key "face" (its last place): "face-to-" before it.
        XCTAssertEqual(PatternBuilder.bytesBeforeLiteral(ofPhrase: "in-person visit"), 3)
        XCTAssertEqual(PatternBuilder.bytesBeforeLiteral(ofPhrase: "face-to-face visit"), 8)
        // 's' may match the two-byte long s, 'k' the three-byte Kelvin sign.
        XCTAssertEqual(PatternBuilder.bytesBeforeLiteral(ofPhrase: "ask kiosk visit"), 6)
    }
}
