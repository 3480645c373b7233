import CPCRE2

/// One match: byte offsets of the whole match and of each group (nil when unset).
/// Valid only inside the callback that receives it.
public struct Match {
    let ovector: UnsafeMutablePointer<Int>
    let groupCount: Int

    public var start: Int { ovector[0] }
    public var end: Int { ovector[1] }

    /// Byte range of group `n`, or nil when the group did not take part in the match.
    public func group(_ n: Int) -> Range<Int>? {
        guard n <= groupCount else { return nil }
        let s = ovector[2 * n], e = ovector[2 * n + 1]
        if s == telescan_pcre2_unset() || e < s { return nil }
        return s..<e
    }
}

extension CompiledPattern {
    /// Calls `body` for each non-overlapping match in `subject[from...]`. The subject must be
    /// valid UTF-8 (checked once per note by the caller; the JIT does not check it).
    /// Throws when PCRE2 reports an error such as the match limit, or when a deferred pattern
    /// does not compile (the error then carries its pattern offset).
    /// `upTo` ends the subject early (a sentence of a note): the pattern sees nothing after it.
    /// `startLimit` (patterns compiled with `.useOffsetLimit` only): no match starts after it,
    /// though a match may run past it and lookarounds see the whole subject. Returns the
    /// offset the next search should start from.
    @discardableResult
    public func forEachMatch(
        in subject: UnsafeBufferPointer<UInt8>, from: Int = 0, upTo: Int? = nil, startLimit: Int? = nil,
        scratch: MatchScratch, _ body: (Match) -> Void
    ) throws(PCRE2Error) -> Int {
        guard let base = subject.baseAddress ?? UnsafePointer(bitPattern: 1) else { return from }
        let compiled = try code()
        let captureCount = compiledInfo.captureCount
        if captureCount >= scratch.pairs { scratch.reserve(pairs: captureCount + 1) }
        var context = scratch.context
        if let startLimit {
            context = scratch.limitedContext
            pcre2_set_offset_limit_8(context, startLimit)
        }
        let length = min(upTo ?? subject.count, subject.count)
        var offset = from
        let groups = captureCount
        let options = UInt32(PCRE2_NO_UTF_CHECK)
        // PCRE2's interpreter looks for a start up to the end of the subject before it checks
        // the start limit, so over a long note each windowed call costs the whole note: long
        // subjects go to the JIT at once.
        let isJIT = length > CompiledPattern.interpreterSubjectLimit
            ? ensureJIT() : useJIT(work: interpretedWork(from: from, to: length))
        while offset <= length {
            let rc: Int32
            if isJIT {
                rc = pcre2_jit_match_8(compiled, base, length, offset, options, scratch.matchData, context)
            } else {
                rc = pcre2_match_8(compiled, base, length, offset, options, scratch.matchData, context)
            }
            if rc == PCRE2_ERROR_NOMATCH { return offset }
            if rc < 0 { throw PCRE2Error(code: rc, message: PCRE2Error.message(for: rc), offset: nil) }
            let m = Match(ovector: scratch.ovector, groupCount: groups)
            let end = m.end
            if end > m.start {
                body(m)
                offset = end
            } else {
                // Empty match: step over one UTF-8 character.
                offset = end + 1
                while offset < length, subject[offset] & 0xC0 == 0x80 { offset += 1 }
            }
            if let startLimit, offset > startLimit { return offset }
        }
        return offset
    }

    /// Whether the pattern matches anywhere in `text` (for examples and tests, not the hot path).
    public func firstMatch(in text: String, scratch: MatchScratch) throws(PCRE2Error) -> Range<Int>? {
        let bytes = Array(text.utf8)
        var found: Range<Int>? = nil
        _ = try bytes.withUnsafeBufferPointer { (buf) throws(PCRE2Error) in
            try forEachMatch(in: buf, scratch: scratch) { m in
                if found == nil { found = m.start..<m.end }
            }
        }
        return found
    }
}
