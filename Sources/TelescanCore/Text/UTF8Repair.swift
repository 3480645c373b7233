/// Validates a note's UTF-8 once; invalid sequences become U+FFFD so that PCRE2 (which runs
/// without its own UTF check) and the offsets are safe.
public enum UTF8Repair {
    /// Returns nil when `bytes` is valid UTF-8, or the repaired bytes.
    public static func repair(_ bytes: [UInt8]) -> [UInt8]? {
        // Most notes are ASCII: nothing to decode.
        if bytes.withUnsafeBufferPointer(ScalarOffsets.isASCII) { return nil }
        var valid = true
        bytes.withUnsafeBufferPointer { buf in
            var it = buf.makeIterator()
            var decoder = UTF8()
            loop: while true {
                switch decoder.decode(&it) {
                case .scalarValue: continue
                case .emptyInput: break loop
                case .error: valid = false; break loop
                }
            }
        }
        if valid { return nil }
        return Array(String(decoding: bytes, as: UTF8.self).utf8)
    }
}
