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

    /// Whether all bytes are ASCII (then byte and scalar offsets agree).
    public static func isASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in text where b >= 0x80 { return false }
        return true
    }
}
