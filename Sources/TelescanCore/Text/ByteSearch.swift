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
}
