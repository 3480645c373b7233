import XCTest
@testable import TelescanCore
@testable import TelescanPCRE2

/// The rule cache must give exactly the rules the YAML gives, be used only while every rule
/// file and the binary are unchanged, and treat a damaged file as a miss.
final class RuleCacheTests: XCTestCase {
    var dir: String!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("telescan-cache-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let dir { try? FileManager.default.removeItem(atPath: dir) }
    }

    /// The ids of the rules that differ between two loads (short failure messages).
    func differing(_ a: [RuleDefinition], _ b: [RuleDefinition]) -> [String] {
        guard a.count == b.count else { return ["\(a.count) rules against \(b.count)"] }
        return zip(a, b).filter { $0 != $1 }.map(\.0.id)
    }

    /// What the cache holds for a loaded folder.
    func contents(_ lex: LexiconSet) -> RuleCacheCoding.Contents {
        .init(lists: lex.lists, definitions: lex.definitions,
              targetPrefilter: lex.compiled.prefilter.tables, contextPrefilter: lex.compiled.contextPrefilter.tables)
    }

    func fresh(_ root: String) throws -> LexiconSet { try LexiconSet(root: root, examples: false, compileAll: false) }

    /// Every field of every bundled rule survives the file format.
    func testRoundTripKeepsEveryRuleAndList() throws {
        let lex = try fresh(Repo.lexicons)
        let fingerprint = RuleCache.fingerprint(root: Repo.lexicons)
        let bytes = RuleCacheCoding.encode(contents(lex), fingerprint: fingerprint)
        let back = try RuleCacheCoding.decode(bytes, expecting: fingerprint)
        XCTAssertEqual(back.lists, lex.lists)
        XCTAssertEqual(differing(back.definitions, lex.definitions), [])
        XCTAssertTrue(back.targetPrefilter == lex.compiled.prefilter.tables, "target prefilter tables differ")
        XCTAssertTrue(back.contextPrefilter == lex.compiled.contextPrefilter.tables, "context prefilter tables differ")
        XCTAssertFalse(back.targetPrefilter.transitions16.isEmpty && back.targetPrefilter.transitions32.isEmpty)
        XCTAssertFalse(back.contextPrefilter.exactKeys.isEmpty && back.targetPrefilter.exactKeys.isEmpty)
        XCTAssertThrowsError(try RuleCacheCoding.decode(bytes, expecting: Fingerprint(high: 1, low: 2)))
    }

    /// The second load reads the cache: a cache written with a changed description (and the
    /// right fingerprint) shows through. Without the cache the YAML's own description is read.
    func testAMatchingCacheIsRead() throws {
        let cache = RuleCache(directory: dir + "/cache")
        let first = try LexiconSet(root: Repo.lexicons, examples: false, compileAll: false, cache: cache)
        XCTAssertTrue(FileManager.default.fileExists(atPath: cache.file(for: Repo.lexicons)))
        var altered = contents(first)
        altered.definitions[0].description = "from the cache"
        altered.targetPrefilter.outputs.append(-1)   // an unread end marker: shows the tables came from the cache
        cache.store(root: Repo.lexicons, fingerprint: RuleCache.fingerprint(root: Repo.lexicons), altered)
        let second = try LexiconSet(root: Repo.lexicons, examples: false, compileAll: false, cache: cache)
        XCTAssertEqual(second.definitions[0].description, "from the cache")
        XCTAssertEqual(second.compiled.prefilter.tables.outputs.count, first.compiled.prefilter.tables.outputs.count + 1)
        XCTAssertTrue(second.compiled.contextPrefilter.tables == first.compiled.contextPrefilter.tables)
        XCTAssertNotEqual(try fresh(Repo.lexicons).definitions[0].description, "from the cache")
        // Rules read with their examples (rules check, eval, the tests) never come from the cache.
        let withExamples = try LexiconSet(root: Repo.lexicons, examples: true, compileAll: false, cache: cache)
        XCTAssertNotEqual(withExamples.definitions[0].description, "from the cache")
    }

    /// A warm start compiles no pattern: the context margins, which need the context rules'
    /// lookbehinds compiled, come from the cache, equal to those computed from the YAML.
    func testAWarmStartTakesTheContextMarginsFromTheCache() throws {
        let cache = RuleCache(directory: dir + "/cache")
        let cold = try LexiconSet(root: Repo.lexicons, examples: false, compileAll: false, cache: cache)
        let warm = try LexiconSet(root: Repo.lexicons, examples: false, compileAll: false, cache: cache)
        let computed = try LexiconSet(root: Repo.lexicons, examples: false, compileAll: true).compiled.contextMargins
        XCTAssertGreaterThan(computed.before, 0)
        XCTAssertEqual(cold.compiled.contextMargins, computed)
        XCTAssertEqual(warm.compiled.contextMargins, computed)
        XCTAssertEqual(try RuleCacheCoding.decode(try XCTUnwrap(FileManager.default.contents(atPath: cache.file(for: Repo.lexicons))).map { $0 },
                                                  expecting: RuleCache.fingerprint(root: Repo.lexicons)).contextMargins, computed)
        // A cache that holds none (margins unknown) still gives the computed ones.
        var without = contents(cold)
        without.contextMargins = nil
        cache.store(root: Repo.lexicons, fingerprint: RuleCache.fingerprint(root: Repo.lexicons), without)
        XCTAssertEqual(try LexiconSet(root: Repo.lexicons, examples: false, compileAll: false, cache: cache).compiled.contextMargins, computed)
    }

    /// A warm start reads the automata's transitions where the mapped cache file holds them
    /// (no copy), equal to the built ones; they keep the mapping alive after the file is gone,
    /// and a write to one changes a copy, never the file. The cold start that writes the cache
    /// reads them back from it too (so a cold scan uses what a warm one does, and its memory).
    func testTheAutomataAreReadInPlaceFromTheMappedCache() throws {
        let cache = RuleCache(directory: dir + "/cache")
        let uncached = try fresh(Repo.lexicons)
        let cold = try LexiconSet(root: Repo.lexicons, examples: false, compileAll: false, cache: cache)
        let warm = try LexiconSet(root: Repo.lexicons, examples: false, compileAll: false, cache: cache)
        let built = uncached.compiled.prefilter.tables, read = warm.compiled.prefilter.tables
        XCTAssertFalse(built.transitions16.isMapped || built.transitions32.isMapped)
        XCTAssertTrue(read.transitions16.isMapped || read.transitions32.isMapped)
        XCTAssertTrue(cold.compiled.prefilter.tables.transitions16.isMapped || cold.compiled.prefilter.tables.transitions32.isMapped)
        XCTAssertTrue(cold.compiled.prefilter.tables == built)
        XCTAssertTrue(warm.compiled.contextPrefilter.tables.transitions16.isMapped
                      || warm.compiled.contextPrefilter.tables.transitions32.isMapped)
        XCTAssertTrue(read == built)
        XCTAssertTrue(warm.compiled.contextPrefilter.tables == uncached.compiled.contextPrefilter.tables)
        try FileManager.default.removeItem(atPath: cache.file(for: Repo.lexicons))
        let note = Array("Video visit by Zoom; the patient consented and was at home. Total time 25 minutes.".utf8)
        func hits(_ p: LiteralPrefilter) -> [Bool] {
            var hits = [Bool](repeating: false, count: 2 * cold.definitions.count)
            var occurrences: [LiteralPrefilter.Occurrence] = []
            note.withUnsafeBufferPointer { p.scan($0, hits: &hits, occurrences: &occurrences) }
            return hits
        }
        let woken = hits(warm.compiled.prefilter)
        XCTAssertGreaterThan(woken.filter { $0 }.count, 5)
        XCTAssertEqual(woken, hits(uncached.compiled.prefilter))
        var changed = read
        if changed.transitions16.isMapped { changed.transitions16[3] ^= 1 } else { changed.transitions32[3] ^= 1 }
        XCTAssertFalse(changed.transitions16.isMapped || changed.transitions32.isMapped)
        XCTAssertFalse(changed == read)
        XCTAssertTrue(read == built)
    }

    /// A cache that cannot be written (its folder's path runs through a file): the cold start
    /// scans with the rules it built, the same rules, and nothing is mapped.
    func testAnUnwritableCacheKeepsTheBuiltRules() throws {
        try Data([1]).write(to: URL(fileURLWithPath: dir + "/file"))
        let cache = RuleCache(directory: dir + "/file/cache")
        let lex = try LexiconSet(root: Repo.lexicons, examples: false, compileAll: false, cache: cache)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache.file(for: Repo.lexicons)))
        XCTAssertEqual(differing(lex.definitions, try fresh(Repo.lexicons).definitions), [])
        XCTAssertFalse(lex.compiled.prefilter.tables.transitions16.isMapped || lex.compiled.prefilter.tables.transitions32.isMapped)
        XCTAssertFalse(lex.compiled.patterns.contains { $0.isFromStoredCode })
        XCTAssertGreaterThan(lex.definitions.count, 1000)
    }

    /// A mapped file gives the file's bytes; a missing file, a folder or an empty file is handled.
    func testMappedFileReadsTheBytesInPlace() throws {
        let path = dir + "/mapped.bin"
        try Data([1, 2, 3, 250]).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try XCTUnwrap(MappedFile(path: path)).withBytes { Array($0) }, [1, 2, 3, 250])
        // Mapped up to where its header says; the rest is read, within the file only.
        let partial = try XCTUnwrap(MappedFile(path: path, headerCount: 1, mappedLength: { Int($0[0]) + 1 }))
        XCTAssertEqual(partial.withBytes { Array($0) }, [1, 2])
        XCTAssertEqual(partial.size, 4)
        XCTAssertEqual(partial.read(at: 2, count: 2), [3, 250])
        XCTAssertEqual(partial.read(at: 4, count: 0), [])
        XCTAssertNil(partial.read(at: 3, count: 2))
        XCTAssertNil(partial.read(at: -1, count: 1))
        XCTAssertNil(MappedFile(path: path, headerCount: 2, mappedLength: { _ in nil }), "a header of another kind")
        XCTAssertNil(MappedFile(path: dir + "/missing.bin"))
        XCTAssertNil(MappedFile(path: dir))
        try Data().write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try XCTUnwrap(MappedFile(path: path)).withBytes(\.count), 0)
    }

    /// An edited rule file (a coder's change) is read again, and the cache rewritten.
    func testAnEditedRuleFileMissesTheCache() throws {
        let root = dir + "/Lexicons"
        try FileManager.default.copyItem(atPath: Repo.lexicons, toPath: root)
        let cache = RuleCache(directory: dir + "/cache")
        let before = try LexiconSet(root: root, examples: false, compileAll: false, cache: cache)
        let file = root + "/lists/platforms.yaml"
        let yaml = try String(contentsOfFile: file, encoding: .utf8)
        try yaml.replacingOccurrences(of: "phrases: [", with: "phrases: [Quuxcast, ").write(toFile: file, atomically: true, encoding: .utf8)
        let after = try LexiconSet(root: root, examples: false, compileAll: false, cache: cache)
        XCTAssertFalse(differing(after.definitions, before.definitions).isEmpty)
        XCTAssertEqual(differing(after.definitions, try fresh(root).definitions), [])
        XCTAssertTrue(try XCTUnwrap(after.lists["video_platforms"]).contains("Quuxcast"))
        // And the rewritten cache now holds the edit.
        let again = try LexiconSet(root: root, examples: false, compileAll: false, cache: cache)
        XCTAssertEqual(differing(again.definitions, after.definitions), [])
    }

    /// A warm start compiles no pattern: each rule decodes its own code from the cache (the
    /// same code its source compiles to), read only when a note first needs the rule; the
    /// automata's tables begin on a 2 MB boundary (see `RuleCacheCoding.tablesAlignment`).
    func testAWarmStartDecodesEachRulesOwnPatternCode() throws {
        let cache = RuleCache(directory: dir + "/cache")
        let cold = try LexiconSet(root: Repo.lexicons, examples: false, compileAll: false, cache: cache)
        // Writing the cache compiled every pattern apart: the cold scan's own stay deferred.
        let compiledCold = cold.compiled.patterns.filter { $0.compileState.load(ordering: .relaxed) != 0 }.count
        XCTAssertLessThan(compiledCold, cold.definitions.count / 4, "the cold scan compiled \(compiledCold) patterns")
        let warm = try LexiconSet(root: Repo.lexicons, examples: false, compileAll: false, cache: cache)
        let source = try fresh(Repo.lexicons)
        let file = try XCTUnwrap(FileManager.default.contents(atPath: cache.file(for: Repo.lexicons))).map { $0 }
        let stored = try RuleCacheCoding.decode(file, expecting: RuleCache.fingerprint(root: Repo.lexicons))
        XCTAssertEqual(stored.patternCodes?.count, cold.definitions.count)
        XCTAssertEqual(file.withUnsafeBytes { Int(Int64(littleEndian: $0.loadUnaligned(fromByteOffset: 4 + 3 * 8, as: Int64.self))) } % (2 << 20), 0)
        var notDecoded: [String] = [], differ: [String] = []
        for (i, def) in warm.definitions.enumerated() {
            let pattern = warm.compiled.patterns[i]
            guard let code = pattern.serialized() else { continue }
            if !pattern.isFromStoredCode { notDecoded.append(def.id) }
            // Decoded code serialises with PCRE2's own-tables flag: compared after the same round trip.
            let compiled = source.compiled.patterns[i]
            let roundTrip = CompiledPattern(deferred: "(", options: compiled.options,
                                            stored: StoredPatternCode(store: CachedPatternCodes([compiled.serialized() ?? []]), index: 0))
            if code != roundTrip.serialized() { differ.append(def.id) }
        }
        XCTAssertEqual(notDecoded, [])
        XCTAssertEqual(differ, [])
        XCTAssertFalse(source.compiled.patterns.contains { $0.isFromStoredCode }, "without a cache, patterns compile from their source")
        // The cold start that wrote the cache decodes from it too.
        XCTAssertEqual(cold.definitions.indices.filter { cold.compiled.patterns[$0].serialized() != nil && !cold.compiled.patterns[$0].isFromStoredCode }.map { cold.definitions[$0].id }, [])
        // Round trip of the codes through the file format.
        let back = try RuleCacheCoding.decode(RuleCacheCoding.encode(stored, fingerprint: RuleCache.fingerprint(root: Repo.lexicons)),
                                              expecting: RuleCache.fingerprint(root: Repo.lexicons))
        XCTAssertEqual(back.patternCodes?.entries, stored.patternCodes?.entries)
        XCTAssertEqual(back.patternCodes?.patternCode(7), stored.patternCodes?.patternCode(7))
    }

    /// A cache file others may write (a shared folder) is not read: its pattern codes would
    /// run unchecked. Written again by this run, it is private and read.
    func testACacheFileOthersMayWriteIsNotRead() throws {
        let cache = RuleCache(directory: dir + "/cache")
        _ = try LexiconSet(root: Repo.lexicons, examples: false, compileAll: false, cache: cache)
        let path = cache.file(for: Repo.lexicons)
        XCTAssertNotNil(cache.load(root: Repo.lexicons, fingerprint: RuleCache.fingerprint(root: Repo.lexicons)))
        for mode in [0o664, 0o646] {
            XCTAssertEqual(chmod(path, mode_t(mode)), 0)
            XCTAssertNil(cache.load(root: Repo.lexicons, fingerprint: RuleCache.fingerprint(root: Repo.lexicons)), "mode \(String(mode, radix: 8))")
        }
        let reloaded = try LexiconSet(root: Repo.lexicons, examples: false, compileAll: false, cache: cache)
        XCTAssertFalse(reloaded.compiled.patterns[0].isFromStoredCode)
        XCTAssertNotNil(cache.load(root: Repo.lexicons, fingerprint: RuleCache.fingerprint(root: Repo.lexicons)), "rewritten private")
    }

    /// A damaged pattern code fails its hash and that rule compiles its source; the others
    /// still decode theirs. A file cut short in the codes is a miss.
    func testADamagedPatternCodeIsCompiledFromItsSource() throws {
        let cache = RuleCache(directory: dir + "/cache")
        let cold = try LexiconSet(root: Repo.lexicons, examples: false, compileAll: false, cache: cache)
        let path = cache.file(for: Repo.lexicons)
        var file = try XCTUnwrap(FileManager.default.contents(atPath: path)).map { $0 }
        let codesAt = try XCTUnwrap(RuleCacheCoding.mappedLength(Array(file[0..<RuleCacheCoding.headerCount])))
        let entries = try XCTUnwrap(RuleCacheCoding.decode(file, expecting: RuleCache.fingerprint(root: Repo.lexicons)).patternCodes).entries
        let k = try XCTUnwrap(entries.indices.first { entries[$0].length > 2000 })
        file[codesAt + entries[k].offset + 1500] ^= 0x40
        try Data(file).write(to: URL(fileURLWithPath: path), options: .atomic)
        let warm = try LexiconSet(root: Repo.lexicons, examples: false, compileAll: false, cache: cache)
        XCTAssertEqual(differing(warm.definitions, cold.definitions), [], "the rules still come from the cache")
        XCTAssertTrue(warm.compiled.patterns[k].isJIT)
        XCTAssertFalse(warm.compiled.patterns[k].isFromStoredCode)
        XCTAssertEqual(warm.compiled.patterns[k].source, cold.compiled.patterns[k].source)
        XCTAssertTrue(warm.compiled.patterns[k + 1].isJIT)
        XCTAssertTrue(warm.compiled.patterns[k + 1].isFromStoredCode)
        for cut in [codesAt + entries[k].offset + 10, file.count - 1] {
            XCTAssertThrowsError(try RuleCacheCoding.decode(Array(file[0..<cut]), expecting: RuleCache.fingerprint(root: Repo.lexicons)))
        }
    }

    /// A truncated or garbage file is a miss (the YAML loads), never a crash.
    func testDamagedCacheIsAMiss() throws {
        let lex = try fresh(Repo.lexicons)
        let fingerprint = RuleCache.fingerprint(root: Repo.lexicons)
        let bytes = RuleCacheCoding.encode(contents(lex), fingerprint: fingerprint)
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            XCTAssertThrowsError(try RuleCacheCoding.decode(Array(bytes[0..<cut]), expecting: fingerprint), "cut at \(cut)")
        }
        XCTAssertThrowsError(try RuleCacheCoding.decode(bytes + [0], expecting: fingerprint))
        // Past the checksum (a file damaged and resealed), every length is still checked.
        let payload = Array(bytes.dropLast(16))
        func resealed(_ p: [UInt8]) -> [UInt8] {
            let sum = Fingerprint.of([p])
            return p + withUnsafeBytes(of: sum.high.littleEndian, Array.init) + withUnsafeBytes(of: sum.low.littleEndian, Array.init)
        }
        XCTAssertNoThrow(try RuleCacheCoding.decode(resealed(payload), expecting: fingerprint))
        for cut in stride(from: 0, to: payload.count, by: max(1, payload.count / 97)) {
            XCTAssertThrowsError(try RuleCacheCoding.decode(resealed(Array(payload[0..<cut])), expecting: fingerprint), "cut at \(cut)")
        }
        // Tables that would send the prefilter's raw-pointer walk out of bounds are refused.
        var bad = contents(lex)
        XCTAssertTrue(LiteralPrefilter.isConsistent(bad.targetPrefilter, slots: 2 * lex.definitions.count))
        XCTAssertTrue(LiteralPrefilter.isConsistent(bad.contextPrefilter, slots: 2 * lex.definitions.count))
        if bad.targetPrefilter.transitions16.isEmpty { bad.targetPrefilter.transitions32[5] = 0x7FFF_FFFF } else {
            bad.targetPrefilter.transitions16[5] = 0x7FFF
        }
        XCTAssertThrowsError(try RuleCacheCoding.decode(RuleCacheCoding.encode(bad, fingerprint: fingerprint), expecting: fingerprint))
        // A transition whose output flag disagrees with its state (the walk would read no
        // output list there, or one that is not there).
        bad = contents(lex)
        if bad.contextPrefilter.transitions16.isEmpty { bad.contextPrefilter.transitions32[7] ^= 1 << 31 } else {
            bad.contextPrefilter.transitions16[7] ^= 1 << 15
        }
        XCTAssertThrowsError(try RuleCacheCoding.decode(RuleCacheCoding.encode(bad, fingerprint: fingerprint), expecting: fingerprint))
        bad = contents(lex)
        bad.contextPrefilter.outputs[0] = Int64(2 * lex.definitions.count)   // a rule slot past the end
        XCTAssertThrowsError(try RuleCacheCoding.decode(RuleCacheCoding.encode(bad, fingerprint: fingerprint), expecting: fingerprint))
        bad = contents(lex)
        bad.targetPrefilter.byteClass[65] = 255
        XCTAssertThrowsError(try RuleCacheCoding.decode(RuleCacheCoding.encode(bad, fingerprint: fingerprint), expecting: fingerprint))
        // After magic, version and fingerprint: where the tables begin, where the pattern codes
        // begin, the rule count, the list count.
        for field in [4 + 3 * 8, 4 + 4 * 8, 4 + 5 * 8, 4 + 6 * 8] {
            for huge in [Int64.max, -1, Int64(payload.count), 3] {
                var p = payload
                withUnsafeBytes(of: huge.littleEndian) { p.replaceSubrange(field..<(field + 8), with: $0) }
                XCTAssertThrowsError(try RuleCacheCoding.decode(resealed(p), expecting: fingerprint), "field at \(field): \(huge)")
            }
        }
        var rng = SplitMix(seed: 7)
        let cache = RuleCache(directory: dir)
        for _ in 0..<5 {
            var junk = bytes
            // Damage anywhere (a length, a pattern's text) fails the checksum.
            for _ in 0..<20 { junk[Int(rng.next() % UInt64(junk.count))] = UInt8(truncatingIfNeeded: rng.next()) }
            XCTAssertThrowsError(try RuleCacheCoding.decode(junk, expecting: fingerprint))
            try Data(junk.prefix(Int(rng.next() % UInt64(junk.count)))).write(to: URL(fileURLWithPath: cache.file(for: Repo.lexicons)))
            let loaded = try LexiconSet(root: Repo.lexicons, examples: false, compileAll: false, cache: cache)
            XCTAssertEqual(differing(loaded.definitions, lex.definitions), [])
        }
    }

    /// Rewriting a cache removes the other cache files unused for 30 days, and nothing else.
    func testPruneRemovesOnlyLongUnusedCacheFiles() throws {
        let old = dir + "/rules-old.bin", recent = dir + "/rules-recent.bin", kept = dir + "/rules-kept.bin"
        let other = dir + "/notes.txt"
        for path in [old, recent, kept, other] { XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data([1]))) }
        let longAgo = Date(timeIntervalSinceNow: -40 * 86_400)
        for path in [old, kept, other] {
            var times = [timespec(tv_sec: Int(longAgo.timeIntervalSince1970), tv_nsec: 0),
                         timespec(tv_sec: Int(longAgo.timeIntervalSince1970), tv_nsec: 0)]
            XCTAssertEqual(utimensat(AT_FDCWD, path, &times, 0), 0)
        }
        RuleCache.prune(directory: dir, keeping: kept)
        XCTAssertFalse(FileManager.default.fileExists(atPath: old))
        XCTAssertTrue(FileManager.default.fileExists(atPath: recent))
        XCTAssertTrue(FileManager.default.fileExists(atPath: kept))
        XCTAssertTrue(FileManager.default.fileExists(atPath: other))
    }

    /// A change to any byte of any part, or a byte moved between parts, changes the fingerprint.
    func testFingerprintSeesEveryByte() {
        let parts: [[UInt8]] = [Array("lists/a.yaml".utf8), Array("phrases: [Zoom, Teams, Webex]".utf8)]
        let base = Fingerprint.of(parts)
        for p in parts.indices {
            for i in parts[p].indices {
                var changed = parts
                changed[p][i] ^= 0x20
                XCTAssertNotEqual(Fingerprint.of(changed), base, "part \(p) byte \(i)")
            }
        }
        XCTAssertNotEqual(Fingerprint.of([Array("ab".utf8), Array("c".utf8)]), Fingerprint.of([Array("a".utf8), Array("bc".utf8)]))
        XCTAssertEqual(Fingerprint.of(parts), base)
        // A part long enough for the four-lane loop (and a tail after it): every byte, in every
        // lane, still counts, and so does a word moved to another lane.
        let long = (0..<203).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let longBase = Fingerprint.of([long])
        for i in long.indices {
            var changed = long
            changed[i] ^= 0x01
            XCTAssertNotEqual(Fingerprint.of([changed]), longBase, "byte \(i)")
        }
        var swapped = long
        swapped.replaceSubrange(0..<8, with: long[8..<16])
        swapped.replaceSubrange(8..<16, with: long[0..<8])
        XCTAssertNotEqual(Fingerprint.of([swapped]), longBase)
    }

    func testDefaultDirectory() {
        XCTAssertEqual(RuleCache.defaultDirectory(environment: ["TELESCAN_CACHE_DIR": "/x", "HOME": "/h"]), "/x")
        XCTAssertEqual(RuleCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]), "/c/telescan")
        XCTAssertEqual(RuleCache.defaultDirectory(environment: ["HOME": "/h"]), "/h/.cache/telescan")
        XCTAssertNil(RuleCache.defaultDirectory(environment: [:]))
    }
}
