/// A note whose lines end in a bare carriage return (classic Mac OS files, some database
/// exports) is read with line feeds there, so that every step that works by lines (sections,
/// labels, tables, signatures) finds them: written so, a whole note was one line (six
/// development sets read with bare returns: 198 disagreements against 28). A CRLF's carriage
/// return, and a run of them before a line feed ("\r\r\n", a CRLF converted twice), stay
/// blanks within their line (`ASCIIByte.isLineBlank`). Same length, so offsets and quotes stay.
public enum LoneCarriageReturns {
    static let carriageReturn: UInt8 = 0x0D
    static let lineFeed: UInt8 = 0x0A

    /// The masked copy, or nil when no carriage return stands without a line feed after it.
    public static func masked(_ text: [UInt8]) -> [UInt8]? {
        guard var i = text.firstIndex(of: carriageReturn) else { return nil }
        var out: [UInt8]? = nil
        let n = text.count
        while i < n {
            guard text[i] == carriageReturn else { i += 1; continue }
            var end = i + 1
            while end < n, text[end] == carriageReturn { end += 1 }
            if end == n || text[end] != lineFeed {
                if out == nil { out = text }
                for k in i..<end { out![k] = lineFeed }
            }
            i = end
        }
        return out
    }
}
