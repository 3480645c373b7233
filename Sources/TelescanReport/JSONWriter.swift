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
        for b in s {
            switch b {
            case UInt8(ascii: "\""): bytes += [92, 34]
            case UInt8(ascii: "\\"): bytes += [92, 92]
            case 10: bytes += [92, UInt8(ascii: "n")]
            case 13: bytes += [92, UInt8(ascii: "r")]
            case 9: bytes += [92, UInt8(ascii: "t")]
            case 0..<0x20, 0x7F:
                bytes += [92, UInt8(ascii: "u"), 48, 48, JSONWriter.hex[Int(b >> 4)], JSONWriter.hex[Int(b & 15)]]
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func string(_ s: String) { string(utf8: s.utf8) }

    public mutating func optionalString(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    public mutating func int(_ v: Int) { bytes += Array(String(v).utf8) }

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
