/// The runs of bytes in a note that a `reach` counts as one: two or more whitespace bytes
/// (PCRE2's `\s`: space, tab, line breaks), and the two to four bytes of each character beyond
/// ASCII; found in one pass. A note padded with spaces (column-aligned exports, dictation's
/// double spaces, blank lines) keeps its matches, and so does one with dashes, curly quotes or
/// text in other scripts (a pattern's `[^.]{0,50}` counts characters, not bytes), while plain
/// ASCII text gets plain arithmetic windows.
struct WhitespaceRuns {
    var starts: [Int] = []
    var ends: [Int] = []

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 32 || (b >= 9 && b <= 13) }

    /// The note these runs belong to (base address and length): the context step reuses the
    /// target step's runs. `forget()` at each new note: another note may reuse the buffer.
    private var note: (UnsafePointer<UInt8>?, Int) = (nil, -1)

    mutating func forget() { note = (nil, -1) }

    mutating func find(in text: UnsafeBufferPointer<UInt8>) {
        if note == (text.baseAddress, text.count) { return }
        note = (text.baseAddress, text.count)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        let n = text.count
        guard let base = text.baseAddress else { return }
        var i = 0
        while i < n {
            if i + 9 <= n {
                // Eight starts at once: no two adjacent bytes of at most 0x20 (whitespace is
                // among them) in text[i ... i + 8], and no byte beyond ASCII in text[i ..< i + 8],
                // means no run starts at i ..< i + 8. Prose has single spaces, so most notes skip
                // most of their bytes here.
                let a = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let b = UnsafeRawPointer(base + i + 1).loadUnaligned(as: UInt64.self)
                if (WhitespaceRuns.lowBytes(a) & WhitespaceRuns.lowBytes(b)) | (a & 0x8080_8080_8080_8080) == 0 { i += 8; continue }
            }
            let c = text[i]
            if c >= 0x80 {
                // A character beyond ASCII: its lead byte and continuation bytes.
                var e = i + 1
                while e < n && text[e] & 0xC0 == 0x80 { e += 1 }
                if e - i >= 2 { starts.append(i); ends.append(e) }
                i = e
            } else if i + 1 < n && WhitespaceRuns.isSpace(c) && WhitespaceRuns.isSpace(text[i + 1]) {
                var e = i + 2
                while e < n && WhitespaceRuns.isSpace(text[e]) { e += 1 }
                starts.append(i)
                ends.append(e)
                i = e
            } else {
                i += 1
            }
        }
    }

    /// The high bit of each byte of `x` that may be at most 0x20 (every byte that is, and
    /// possibly a few more: a filter, never a miss).
    @inline(__always) static func lowBytes(_ x: UInt64) -> UInt64 {
        (x &- 0x2121_2121_2121_2121) & ~x & 0x8080_8080_8080_8080
    }

    /// The index of the last run that starts before `i`, or -1.
    @inline(__always) func lastRun(startingBefore i: Int) -> Int {
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] < i { lo = mid + 1 } else { hi = mid }
        }
        return lo - 1
    }

    /// Walks back from `start` over `n` bytes, a run counting as one.
    func back(from start: Int, over n: Int) -> Int {
        var i = start, left = n
        var r = lastRun(startingBefore: i)
        while left > 0 {
            // Runs that end at or before the plain target do not matter.
            guard r >= 0, ends[r] > i - left else { return max(0, i - left) }
            if ends[r] < i { left -= i - ends[r]; i = ends[r] }
            // Inside or at the end of run r: the rest of it costs one byte.
            left -= 1
            i = starts[r]
            r -= 1
        }
        return max(0, i)
    }

    /// Walks forward from `end` over `n` bytes, a run counting as one.
    func forward(from end: Int, over n: Int, limit: Int) -> Int {
        var i = end, left = n
        // The first run that ends after i.
        var r = lastRun(startingBefore: i)
        if r < 0 || ends[r] <= i { r += 1 }
        while left > 0 {
            guard r < starts.count, starts[r] < i + left else { return min(limit, i + left) }
            if starts[r] > i { left -= starts[r] - i; i = starts[r] }
            left -= 1
            i = ends[r]
            r += 1
        }
        return min(limit, i)
    }
}
