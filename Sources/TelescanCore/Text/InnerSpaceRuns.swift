/// Two spaces between two words of a line ("athletic  training  room" typed with double spaces)
/// and a no-break space there (U+00A0, U+2007, U+202F: copied from a word processor or a web
/// page), read by the rules as one space. A pattern's gaps count characters ("{0,50}" between a
/// subject and a place), a SmartList's name has a length limit, and some patterns take one space
/// between two words, so such a note would otherwise lose matches that the same note
/// single-spaced has. Three or more spaces, and tabs, are kept: they align columns, and the
/// rules read a wide gap as a label's separator ("Visit format      Video"). So are indentation
/// and trailing spaces: a line's start and end are read as written. Runs before the masks, so
/// the spaces a mask writes for a table's cell wall or a label's separator stay as they are.
public enum InnerSpaceRuns {
    /// The note with each inner pair of spaces or no-break space made one space, and the map
    /// back; nil when it has none.
    public static func squeezed(_ text: [UInt8]) -> (text: [UInt8], map: OffsetMap)? {
        text.withUnsafeBufferPointer { t -> (text: [UInt8], map: OffsetMap)? in
            guard var k = candidate(t, from: 0) else { return nil }
            var copy = OffsetMap.Builder(text)
            let n = t.count
            while true {
                let length = spaceLength(t, at: k)
                var next = k + 1
                if length > 0 {
                    let e = k + length
                    // Not before a tilde: terse notes set an approximate time apart with a gap
                    // ("sx resolved  ~10 min  -Gina Russo NP").
                    if k > 0, !isSpace(t[k - 1]), e < n, !isSpace(t[e]), t[e] != UInt8(ascii: "~"), spaceLength(t, at: e) == 0 {
                        copy.replace(k..<e, with: CollectionOfOne(32))
                    }
                    // Past the whole run: the rest of a wider one is no pair between words.
                    next = e
                    while next < n, isSpace(t[next]) || spaceLength(t, at: next) > 0 { next += max(1, spaceLength(t, at: next)) }
                }
                guard let c = candidate(t, from: next) else { break }
                k = c
            }
            return copy.finishIfChanged()
        }
    }

    /// Bytes of a squeezable space at `i`: 2 for two spaces or U+00A0, 3 for U+2007 or U+202F, else 0.
    @inline(__always) static func spaceLength(_ t: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = t.count
        guard i + 1 < n else { return 0 }
        let b = t[i]
        if b == 32 { return t[i + 1] == 32 ? 2 : 0 }
        if b == 0xC2 { return t[i + 1] == 0xA0 ? 2 : 0 }
        if b == 0xE2, i + 2 < n, t[i + 1] == 0x80, t[i + 2] == 0xAF || t[i + 2] == 0x87 { return 3 }
        return 0
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 32 || (b >= 9 && b <= 13) }

    /// The first position at or after `start` that may start a squeezable space. Most notes have
    /// none, or a few: eight positions are ruled out at once when no two adjacent bytes may be
    /// at most 0x20 and none is beyond ASCII.
    static func candidate(_ t: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let n = t.count
        guard let base = t.baseAddress else { return nil }
        var i = start
        while i + 1 < n {
            if i + 9 <= n {
                let a = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let b = UnsafeRawPointer(base + i + 1).loadUnaligned(as: UInt64.self)
                if (WhitespaceRuns.lowBytes(a) & WhitespaceRuns.lowBytes(b)) | (a & 0x8080_8080_8080_8080) == 0 { i += 8; continue }
            }
            if spaceLength(t, at: i) > 0 { return i }
            i += 1
        }
        return nil
    }
}
