/// The byte classes the text steps test a note's bytes for, ASCII only: a byte of a multi-byte
/// character is none of them (the steps read labels, titles and words as the rules do).
enum ASCIIByte {
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    /// A blank within a line: a space, a tab, or the carriage return of a CRLF line end.
    @inline(__always) static func isLineBlank(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 13 }
}
