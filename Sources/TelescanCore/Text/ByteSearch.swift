#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The masks' first question on every note: does it hold a byte that can start what they mask?
/// Most notes hold none, so one `memchr` per byte answers and the mask is skipped.
enum ByteSearch {
    /// One byte per call (no array per note in the hot path).
    @inline(__always) static func contains(_ text: [UInt8], _ byte: UInt8) -> Bool {
        text.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return false }
            return memchr(base, Int32(byte), buf.count) != nil
        }
    }

    /// Where `byte` next occurs at or after `from`, or nil: the masks hop between candidates
    /// (`memchr`) instead of testing every byte of a note.
    @inline(__always) static func next(_ byte: UInt8, in text: [UInt8], from: Int) -> Int? {
        guard from < text.count else { return nil }
        return text.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress, let hit = memchr(base + from, Int32(byte), buf.count - from) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Whether the bytes of `s` occur in the text: `memchr` hops to each of its first byte.
    static func contains(_ text: [UInt8], _ s: StaticString) -> Bool {
        let m = s.utf8CodeUnitCount
        guard m > 0 else { return true }
        let needle = UnsafeBufferPointer(start: s.utf8Start, count: m)
        return text.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return false }
            var i = 0
            while i + m <= buf.count, let hit = memchr(base + i, Int32(needle[0]), buf.count - m + 1 - i) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + at, needle.baseAddress!, m) == 0 { return true }
                i = at + 1
            }
            return false
        }
    }

    /// Each line's range, without its line break (and a CRLF's carriage return); no empty last line.
    static func lineRanges(_ t: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var s = 0
        for (k, b) in t.enumerated() where b == 10 {
            out.append(s..<(k > s && t[k - 1] == 13 ? k - 1 : k))
            s = k + 1
        }
        if s < t.count { out.append(s..<t.count) }
        return out
    }

    /// The pieces of `range` between the bytes `byte` (empty pieces kept).
    static func split(_ t: [UInt8], _ range: Range<Int>, at byte: UInt8) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var s = range.lowerBound
        for k in range where t[k] == byte {
            pieces.append(s..<k)
            s = k + 1
        }
        pieces.append(s..<range.upperBound)
        return pieces
    }
}
