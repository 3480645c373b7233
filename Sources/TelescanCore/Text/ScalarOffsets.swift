/// Converts byte offsets of a UTF-8 note to Unicode-scalar offsets, once per note: the offsets
/// are sorted and the text is walked once.
public enum ScalarOffsets {
    public static func convert(_ text: UnsafeBufferPointer<UInt8>, byteOffsets: [Int]) -> [Int: Int] {
        var result: [Int: Int] = [:]
        let sorted = Array(Set(byteOffsets)).sorted()
        var scalars = 0
        var pos = 0
        for off in sorted {
            while pos < off && pos < text.count {
                if text[pos] & 0xC0 != 0x80 { scalars += 1 }
                pos += 1
            }
            result[off] = scalars
        }
        return result
    }

    /// Whether all bytes are ASCII (then byte and scalar offsets agree). Eight bytes at a time.
    public static func isASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(text)
        var i = 0
        let n = raw.count
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < n { if raw[i] >= 0x80 { return false }; i += 1 }
        return true
    }
}
