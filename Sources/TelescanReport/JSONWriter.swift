import TelescanCore

/// Appends JSON to a byte buffer: deterministic, no Foundation, no intermediate Strings.
public struct JSONWriter {
    public var bytes: [UInt8] = []
    public init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    public mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func string<S: Sequence>(utf8 s: S) where S.Element == UInt8 {
        bytes.append(UInt8(ascii: "\""))
        let done: Void? = s.withContiguousStorageIfAvailable { buf in
            // Runs that need no escape are copied at once (nearly every string is one run).
            var run = 0
            for (i, b) in buf.enumerated() where JSONWriter.needsEscape(b) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[run..<i]))
                escape(b)
                run = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[run...]))
        }
        if done == nil { for b in s { if JSONWriter.needsEscape(b) { escape(b) } else { bytes.append(b) } } }
        bytes.append(UInt8(ascii: "\""))
    }

    @inline(__always) static func needsEscape(_ b: UInt8) -> Bool {
        b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == 0x7F
    }

    mutating func escape(_ b: UInt8) {
        bytes.append(92)
        switch b {
        case UInt8(ascii: "\""): bytes.append(34)
        case UInt8(ascii: "\\"): bytes.append(92)
        case 10: bytes.append(UInt8(ascii: "n"))
        case 13: bytes.append(UInt8(ascii: "r"))
        case 9: bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(UInt8(ascii: "u")); bytes.append(48); bytes.append(48)
            bytes.append(JSONWriter.hex[Int(b >> 4)]); bytes.append(JSONWriter.hex[Int(b & 15)])
        }
    }

    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { string(utf8: $0) }
    }

    public mutating func optionalString(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    public mutating func int(_ v: Int) {
        if v < 0 { bytes.append(UInt8(ascii: "-")) }
        var m = v.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat { d[n] = UInt8(48 + m % 10); m /= 10; n += 1 } while m > 0
            while n > 0 { n -= 1; bytes.append(d[n]) }
        }
    }

    public mutating func key(_ k: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        raw(k)
        bytes += [UInt8(ascii: "\""), UInt8(ascii: ":")]
    }

    public mutating func stringArray(_ a: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (i, s) in a.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            string(s)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    public mutating func comma() { bytes.append(UInt8(ascii: ",")) }
}
