import XCTest
@testable import TelescanPCRE2

/// A UTF pattern's byte-mode form must find on ASCII subjects exactly what the UTF pattern finds.
final class ByteModeSourceTests: XCTestCase {
    let scratch = MatchScratch(maxCaptures: 8)

    /// Every match, with each group's range.
    func matches(_ p: CompiledPattern, _ text: String) throws -> [[Range<Int>?]] {
        let bytes = Array(text.utf8)
        var out: [[Range<Int>?]] = []
        _ = try bytes.withUnsafeBufferPointer { (buf) throws(PCRE2Error) in
            try p.forEachMatch(in: buf, scratch: scratch) { m in out.append((0...p.captureCount).map { m.group($0) }) }
        }
        return out
    }

    /// In byte mode a quantifier after "’" repeats its last byte only: without the group the
    /// byte-mode pattern would miss "dont" (the UTF pattern finds it).
    func testQuantifiedCharacterBeyondASCIIIsWrapped() throws {
        XCTAssertEqual(ByteModeSource.rewrite("don’?t|—+x"), "don(?:’)?t|(?:—)+x")
        let utf = try CompiledPattern("don’?t")
        let twin = CompiledPattern(deferredByteModeOf: "don’?t")
        XCTAssertTrue(twin.isUsable)
        XCTAssertEqual(try matches(twin, "I dont know"), try matches(utf, "I dont know"))
        XCTAssertEqual(try matches(twin, "I dont know").count, 1)
        let unwrapped = try CompiledPattern("don’?t", options: RegexOptions.standard.subtracting(.utf))
        XCTAssertEqual(try matches(unwrapped, "I dont know"), [], "why the rewrite wraps")
    }

    func testClassesCommentsAndEscapesAreKeptAsWritten() {
        XCTAssertEqual(ByteModeSource.rewrite(#"[’'—-]x(?#é)\’?[]“]y[^[:alpha:]”]é"#),
                       #"[’'—-]x(?#é)(?:\’)?[]“]y[^[:alpha:]”](?:é)"#)
        XCTAssertEqual(ByteModeSource.rewrite(#"\bvideo\s+visit\b"#), #"\bvideo\s+visit\b"#)
    }

    /// Patterns the rewrite cannot read with certainty, or that byte mode refuses, keep their
    /// UTF form: their byte-mode pattern is not usable.
    func testPatternsForUTFModeOnlyHaveNoByteModeForm() {
        for source in [#"(?x) video \s visit"#, #"(?ix)a b"#, #"\Qa’?\E"#, #"(*UCP)\w"#, #"a\x{2014}b"#, #"\N{U+2019}s"#] {
            XCTAssertFalse(CompiledPattern(deferredByteModeOf: source).isUsable, source)
        }
        XCTAssertTrue(CompiledPattern(deferredByteModeOf: #"a\x{e9}b"#).isUsable)
    }

    /// The forms rule data uses, on ASCII texts: properties, classes holding characters beyond
    /// ASCII (negated too), lookbehinds with them, caseless letters, word boundaries.
    func testByteModeFindsWhatUTFModeFindsOnASCIIText() throws {
        let patterns = [
            #"(?-i:Dr\.?\s+\p{Lu}[\p{L}'’-]{0,30})(?![\p{L}'’-])(?<!['’]s)"#,
            #"\bconsent\b(?=(?:[^"\n]*"[^"\n]*")*[^"\n]*$)(?![^“”\n]*”)"#,
            #"(?<!’s\s)(?<![’']\s)\bhome\b"#,
            #"\b(?:k|s)\w*[‐-―—–-]?\s*(?<n>\d+)"#,
            #"[^—–\n.;]{1,20}?[—–]?\bvisit"#,
            #"\bI(?:['’]m|\s+am)\s+at\s+(?<place>\w+)"#,
        ]
        let texts = ["Dr. Okafor's note; Dr. O'Neil-Smith saw her.", "Patient consent \"ok\" given.\nconsent",
                     "She's home; at home now. Mom's home", "KEYS 12, skip- 5, ks 7", "a long aside - visit today",
                     "I'm at Lakeside today, I am at home", "", "\n\n"]
        for source in patterns {
            let utf = try CompiledPattern(source)
            let twin = CompiledPattern(deferredByteModeOf: source)
            XCTAssertTrue(twin.isUsable, source)
            for text in texts { XCTAssertEqual(try matches(twin, text), try matches(utf, text), "\(source) on \(text)") }
        }
    }
}
