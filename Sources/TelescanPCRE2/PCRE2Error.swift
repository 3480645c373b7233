import CPCRE2

/// A PCRE2 failure, with PCRE2's own message and, for compile errors, the pattern offset.
public struct PCRE2Error: Error, CustomStringConvertible, Sendable, Equatable {
    public let code: Int32
    public let message: String
    /// Offset in the pattern (code units) where compilation failed; nil for match errors.
    public let offset: Int?

    public var description: String {
        if let offset { return "\(message) at pattern offset \(offset)" }
        return message
    }

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBufferPointer { pcre2_get_error_message_8(code, $0.baseAddress, 256) }
        if n < 0 { return "PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(n)], as: UTF8.self)
    }
}
