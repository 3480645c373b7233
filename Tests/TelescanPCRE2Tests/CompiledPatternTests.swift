import XCTest
@testable import TelescanPCRE2

final class CompiledPatternTests: XCTestCase {
    func testCompileErrorCarriesMessageAndOffset() {
        XCTAssertThrowsError(try CompiledPattern("abc(def")) { error in
            let e = error as! PCRE2Error
            XCTAssertEqual(e.offset, 7)
            XCTAssertTrue(e.message.contains("missing closing parenthesis"), e.message)
        }
    }

    func testJITAndCaselessMatchWithNamedGroups() throws {
        let p = try CompiledPattern(#"spent\s+(?<minutes>\d+)\s+minutes"#)
        XCTAssertTrue(p.isJIT)
        XCTAssertEqual(p.namedGroups["minutes"], [1])
        let scratch = MatchScratch(maxCaptures: 4)
        let bytes = Array("I SPENT 25 Minutes here; spent 5 minutes there".utf8)
        var found: [String] = []
        _ = try bytes.withUnsafeBufferPointer { (buf) throws(PCRE2Error) in
            try p.forEachMatch(in: buf, scratch: scratch) { m in
                let g = m.group(1)!
                found.append(String(decoding: buf[g], as: UTF8.self))
            }
        }
        XCTAssertEqual(found, ["25", "5"])
    }

    /// The rule profile reports each pattern's JIT code size: none before JIT compilation.
    func testJITSizeIsReportedOnceCompiled() {
        let p = CompiledPattern(deferred: #"(?:(?!\bno\b)[^.;]){0,60}?video"#)
        XCTAssertEqual(p.jitSize, 0)
        XCTAssertTrue(p.isJIT)
        XCTAssertGreaterThan(p.jitSize, 0)
    }

    func testFirstCallsInterpretThenJITWithTheSameMatches() throws {
        let p = try CompiledPattern(#"\b(?:via|by)\s+(?<tech>video|phone)\b(?!\s+next)"#)
        let scratch = MatchScratch(maxCaptures: 4)
        let bytes = Array("Seen via Video today; by phone next week; BY PHONE at 3; via videos no".utf8)
        func matches() throws -> [String] {
            var found: [String] = []
            _ = try bytes.withUnsafeBufferPointer { (buf) throws(PCRE2Error) in
                try p.forEachMatch(in: buf, scratch: scratch) { m in
                    found.append("\(m.start)-\(m.end):" + String(decoding: buf[m.group(1)!], as: UTF8.self))
                }
            }
            return found
        }
        let interpreted = try matches()
        XCTAssertEqual(interpreted, ["5-14:Video", "42-50:PHONE"])
        XCTAssertEqual(p.jitState.load(ordering: .relaxed), 0, "the first calls do not JIT-compile")
        for _ in 1..<CompiledPattern.interpretedCallsBeforeJIT { _ = try matches() }
        XCTAssertEqual(p.jitState.load(ordering: .relaxed), 0)
        XCTAssertEqual(try matches(), interpreted, "the call after the threshold runs JIT code")
        XCTAssertEqual(p.jitState.load(ordering: .relaxed), 1)
    }

    /// Counts the pattern's matches in a sentence with "video" twice, with a scratch of its own.
    static func videoCounter(_ p: CompiledPattern) -> () throws -> Int {
        let scratch = MatchScratch()
        let bytes = Array("Seen by video; video again.".utf8)
        return {
            var n = 0
            _ = try bytes.withUnsafeBufferPointer { (buf) throws(PCRE2Error) in try p.forEachMatch(in: buf, scratch: scratch) { _ in n += 1 } }
            return n
        }
    }

    /// A pattern that runs in more than a few notes (a bulk scan) is JIT-compiled at its next
    /// call, long before its interpreted calls run out; within its first notes it stays
    /// interpreted (a shell pipeline's one note compiles no JIT code).
    func testAPatternServingSeveralNotesIsJITCompiledEarly() throws {
        let p = try CompiledPattern(#"\bvideo\b"#)
        let count = Self.videoCounter(p)
        for _ in 0..<CompiledPattern.interpretedNotesBeforeJIT {
            p.ranInNote()
            XCTAssertEqual(try count(), 2)
            XCTAssertEqual(try count(), 2)
        }
        XCTAssertEqual(p.jitState.load(ordering: .relaxed), 0, "its first notes run interpreted")
        XCTAssertLessThan(2 * CompiledPattern.interpretedNotesBeforeJIT, CompiledPattern.interpretedCallsBeforeJIT)
        p.ranInNote()
        XCTAssertEqual(try count(), 2)
        XCTAssertEqual(p.jitState.load(ordering: .relaxed), 1, "the first call in the next note JIT-compiles it")
    }

    /// In a long scan, a pattern that runs in under one in `rareShareDivisor` of the scan's notes
    /// stays interpreted whatever its calls (its JIT code would be memory held for a rare rule);
    /// once its share is reached, its next call JIT-compiles it. The matches are the same.
    func testAPatternRareInItsScanStaysInterpreted() throws {
        let tally = NoteTally()
        let p = CompiledPattern(deferred: #"\bvideo\b"#, tally: tally)
        let count = Self.videoCounter(p)
        let notesRun = CompiledPattern.interpretedNotesBeforeJIT + 2
        tally.add(notesRun * CompiledPattern.rareShareDivisor + 1)
        for _ in 0..<notesRun { p.ranInNote() }
        for _ in 0...CompiledPattern.interpretedCallsBeforeJIT { XCTAssertEqual(try count(), 2) }
        XCTAssertEqual(p.jitState.load(ordering: .relaxed), 0, "past both thresholds, but rare in the scan: interpreted")
        p.ranInNote()
        XCTAssertEqual(try count(), 2)
        XCTAssertEqual(p.jitState.load(ordering: .relaxed), 1, "one note more reaches its share: JIT-compiled")
    }

    /// The interpreter scans to the end of the subject before it applies a start limit, so a long
    /// subject (a 5 MB note) runs JIT code from its first call.
    func testLongSubjectsRunJITCodeAtOnce() throws {
        let p = try CompiledPattern(#"\bvideo\b"#, options: RegexOptions.standard.union(.useOffsetLimit))
        let scratch = MatchScratch()
        let bytes = Array(String(repeating: "Video visit. ", count: CompiledPattern.interpreterSubjectLimit / 13 + 1).utf8)
        var found = 0
        _ = try bytes.withUnsafeBufferPointer { (buf) throws(PCRE2Error) in
            try p.forEachMatch(in: buf, from: 13, startLimit: 13, scratch: scratch) { _ in found += 1 }
        }
        XCTAssertEqual(found, 1)
        XCTAssertEqual(p.jitState.load(ordering: .relaxed), 1)
    }

    func testDuplicateNamesNeedJAndReportEveryNumber() throws {
        let p = try CompiledPattern(#"(?J)(?<n>\d+)h|(?<n>\d+)m"#)
        XCTAssertEqual(p.namedGroups["n"], [1, 2])
    }

    func testUnicodeCaselessAndWordBoundaries() throws {
        let p = try CompiledPattern(#"\bnúñez\b"#)
        let scratch = MatchScratch()
        XCTAssertEqual(try p.firstMatch(in: "Dr. José NÚÑEZ, MD", scratch: scratch), 10..<17, "byte offsets")
        XCTAssertNil(try p.firstMatch(in: "Núñezes", scratch: scratch))
    }

    func testMatchLimitStopsRunawayPattern() throws {
        let p = try CompiledPattern(#"(a+)+$"#, options: [])
        let scratch = MatchScratch(matchLimit: 10_000)
        let hostile = String(repeating: "a", count: 40) + "b"
        // Either the JIT or the interpreter must give up with an error, not hang.
        let start = Date()
        XCTAssertThrowsError(try p.firstMatch(in: hostile, scratch: scratch))
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }

    func testEmptyMatchesAdvance() throws {
        let p = try CompiledPattern("x*")
        let scratch = MatchScratch()
        var n = 0
        let bytes = Array("aéb".utf8)
        _ = try bytes.withUnsafeBufferPointer { (buf) throws(PCRE2Error) in
            try p.forEachMatch(in: buf, scratch: scratch) { _ in n += 1 }
        }
        XCTAssertEqual(n, 0, "empty matches are skipped, never reported")
    }
}
