#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The masks' first question on every note: does it hold a byte that can start what they mask?
/// Most notes hold none, so one `memchr` per byte answers and the mask is skipped.
enum ByteSearch {
    static func contains(_ text: [UInt8], any bytes: UInt8...) -> Bool {
        text.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return false }
            return bytes.contains { memchr(base, Int32($0), buf.count) != nil }
        }
    }
}
