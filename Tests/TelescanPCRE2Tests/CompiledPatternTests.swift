import XCTest
@testable import TelescanPCRE2

final class CompiledPatternTests: XCTestCase {
    /// Serialised codes by index, counting the reads.
    final class CodeStore: PatternCodeStore, @unchecked Sendable {
        var codes: [[UInt8]?]
        var reads = 0
        init(_ codes: [[UInt8]?]) { self.codes = codes }
        func patternCode(_ index: Int) -> [UInt8]? { reads += 1; return codes[index] }
    }

    /// The first matches of `p` in a sentence, with their named group.
    func techMatches(_ p: CompiledPattern) throws -> [String] {
        let scratch = MatchScratch(maxCaptures: 4)
        let bytes = Array("Seen via Video today; by phone next week; BY PHONE at 3".utf8)
        var found: [String] = []
        _ = try bytes.withUnsafeBufferPointer { (buf) throws(PCRE2Error) in
            try p.forEachMatch(in: buf, scratch: scratch) { m in
                found.append("\(m.start)-\(m.end):" + String(decoding: buf[m.group(p.namedGroups["tech"]![0])!], as: UTF8.self))
            }
        }
        return found
    }

    /// A stored code is decoded on first use instead of compiling the source: given a source
    /// that does not compile, the pattern still matches as the stored one, with its groups.
    func testStoredCodeIsDecodedInsteadOfCompiled() throws {
        let source = #"\b(?:via|by)\s+(?<tech>video|phone)\b(?!\s+next)"#
        let compiled = try CompiledPattern(source)
        let code = try XCTUnwrap(compiled.serialized())
        let store = CodeStore([nil, code])
        let p = CompiledPattern(deferred: "(", stored: StoredPatternCode(store: store, index: 1))
        XCTAssertEqual(store.reads, 0, "nothing is read before the pattern is needed")
        XCTAssertEqual(try techMatches(p), ["5-14:Video", "42-50:PHONE"])
        XCTAssertEqual(try techMatches(p), try techMatches(compiled))
        XCTAssertTrue(p.isFromStoredCode)
        XCTAssertFalse(compiled.isFromStoredCode)
        XCTAssertEqual(p.namedGroups, compiled.namedGroups)
        XCTAssertEqual(p.captureCount, compiled.captureCount)
        // Serialised again, decoded code differs from the compiled code's only in PCRE2's flag
        // that its character tables are its own: compared after the same round trip.
        let again = CompiledPattern(deferred: "(", stored: StoredPatternCode(store: CodeStore([code]), index: 0))
        XCTAssertEqual(p.serialized(), again.serialized(), "the decoded code is the stored one")
        let other = try XCTUnwrap(try CompiledPattern(#"\b(?:via|by)\s+(?<tech>video|phone)\b"#).serialized())
        XCTAssertNotEqual(p.serialized(), CompiledPattern(deferred: "(", stored: StoredPatternCode(store: CodeStore([other]), index: 0)).serialized())
        XCTAssertTrue(p.isJIT)
        XCTAssertEqual(try techMatches(p), ["5-14:Video", "42-50:PHONE"])
        XCTAssertEqual(store.reads, 1)
    }

    /// Stored bytes PCRE2 refuses, none, or code compiled with other options: the source is
    /// compiled (its syntax error shows), so a stale or damaged store never changes matches.
    func testRefusedStoredCodeFallsBackToTheSource() throws {
        let source = #"\b(?:via|by)\s+(?<tech>video|phone)\b"#
        let code = try XCTUnwrap(try CompiledPattern(source).serialized())
        var damaged = code
        damaged[0] ^= 0xFF  // PCRE2's magic number
        let otherOptions = try XCTUnwrap(try CompiledPattern(source, options: RegexOptions.standard.union(.useOffsetLimit)).serialized())
        let store = CodeStore([damaged, nil, otherOptions, []])
        for i in 0..<4 {
            let p = CompiledPattern(deferred: source, stored: StoredPatternCode(store: store, index: i))
            XCTAssertEqual(try techMatches(p), ["5-14:Video", "22-30:phone", "42-50:PHONE"], "store entry \(i)")
            XCTAssertFalse(p.isFromStoredCode, "store entry \(i)")
            let broken = CompiledPattern(deferred: "(", stored: StoredPatternCode(store: store, index: i))
            XCTAssertThrowsError(try broken.compile(), "store entry \(i)")
        }
    }

    /// Stored code serves a scan's first notes only (see `storedCodeNoteLimit`): a pattern first
    /// needed later in a long scan compiles its source.
    func testStoredCodeServesOnlyAScansFirstNotes() throws {
        let source = #"\b(?:via|by)\s+(?<tech>video|phone)\b"#
        let store = CodeStore([try XCTUnwrap(try CompiledPattern(source).serialized())])
        let tally = NoteTally()
        tally.add(CompiledPattern.storedCodeNoteLimit)
        let early = CompiledPattern(deferred: source, tally: tally, stored: StoredPatternCode(store: store, index: 0))
        try early.compile()
        XCTAssertTrue(early.isFromStoredCode)
        tally.add(1)
        let late = CompiledPattern(deferred: source, tally: tally, stored: StoredPatternCode(store: store, index: 0))
        try late.compile()
        XCTAssertFalse(late.isFromStoredCode)
        XCTAssertEqual(store.reads, 1)
        XCTAssertEqual(try techMatches(late), try techMatches(early))
    }

    /// The library's version, which the rule cache's fingerprint holds.
    func testLibraryVersionIsReported() {
        XCTAssertTrue(CompiledPattern.libraryVersion.hasPrefix("10."), CompiledPattern.libraryVersion)
    }

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

    /// A pattern rare in its scan, but whose interpreted calls search many bytes (a rule run over
    /// whole long notes), is JIT-compiled once that work reaches `interpretedWorkPerNote` for
    /// each note of the scan; a pattern without a start optimisation counts eight times its bytes.
    func testARarePatternWithMuchInterpretedWorkIsJITCompiled() throws {
        let tally = NoteTally()
        let p = CompiledPattern(deferred: #"\bvideo\b"#, tally: tally)
        let notesRun = CompiledPattern.interpretedNotesBeforeJIT + 2
        tally.add(notesRun * CompiledPattern.rareShareDivisor + 1)
        for _ in 0..<notesRun { p.ranInNote() }
        let scratch = MatchScratch()
        let bytes = Array((String(repeating: "word ", count: 400) + "video").utf8)   // a few calls reach the budget at a rareShareDivisor from 25 up
        XCTAssertLessThan(bytes.count, CompiledPattern.interpreterSubjectLimit)
        let budget = CompiledPattern.interpretedWorkPerNote * tally.count
        // A call counts its own work before it chooses: the call that reaches the budget runs JIT code.
        let callsBeforeJIT = (budget + bytes.count - 1) / bytes.count - 1
        XCTAssertGreaterThan(callsBeforeJIT, 1, "the test needs a few interpreted calls")
        for call in 0...callsBeforeJIT {
            var found = 0
            _ = try bytes.withUnsafeBufferPointer { (buf) throws(PCRE2Error) in
                try p.forEachMatch(in: buf, scratch: scratch) { _ in found += 1 }
            }
            XCTAssertEqual(found, 1)
            XCTAssertEqual(p.jitState.load(ordering: .relaxed), call < callsBeforeJIT ? 0 : 1, "call \(call)")
        }
        XCTAssertTrue(p.info.hasStartOptimisation)
        let unoptimised = try CompiledPattern(#"(?:.|\n)video"#)
        XCTAssertFalse(unoptimised.info.hasStartOptimisation)
        XCTAssertEqual(unoptimised.interpretedWork(from: 10, to: 110), 800)
        XCTAssertEqual(p.interpretedWork(from: 10, to: 110), 100)
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
