#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Line breaks and tabs that an export wrote out as text instead of as characters: literal
/// backslash escapes ("Consent: verbal\nTime: 20 min", a doubled "\\n" from JSON written
/// twice, "\r\n", "\t") and Excel's "_x000D_" / "_x000A_". Masked for matching like
/// `HTMLRemnants`: each becomes the character it stands for followed by spaces, so the copy has
/// the note's length and offsets and evidence still quotes the note as given. Without this,
/// "\nConsent" has no word boundary before "Consent" and every label after an escape is lost.
///
/// A backslash escape is masked only when it cannot be ordinary text: it stands before a
/// capital, a digit, a space, another backslash or the end, or the note holds at least two
/// that do (then "\npt at home" is one too). A path ("C:\notes\today.txt") stays as written.
public enum EscapeRemnants {
    /// The masked copy, or nil when the note holds nothing to mask.
    public static func masked(_ text: [UInt8]) -> [UInt8]? {
        let hasBackslash = ByteSearch.contains(text, UInt8(ascii: "\\"))
        let excelBreaks = text.withUnsafeBufferPointer(excelBreakStarts)
        guard hasBackslash || !excelBreaks.isEmpty else { return nil }
        var out = text
        var changed = false
        if hasBackslash {
            let escapes = backslashEscapes(text)
            let trusted = escapes.filter { standsAlone(text, after: $0.end) }.count >= 2
            for e in escapes where trusted || standsAlone(text, after: e.end) {
                for k in e.start..<e.end { out[k] = 32 }
                out[e.start] = e.char
                changed = true
            }
        }
        for i in excelBreaks {
            // "_x000D_" before a real line break is only the carriage return.
            let realBreakFollows = i + 7 < text.count && (text[i + 7] == 10 || text[i + 7] == 13)
            for k in i..<(i + 7) { out[k] = 32 }
            if !realBreakFollows { out[i] = 10 }
            changed = true
        }
        return changed ? out : nil
    }

    /// Where each "_x000D_" or "_x000A_" starts (memchr hops between underscores: most notes
    /// have none, or a few blanks; no array is built unless one is found).
    static func excelBreakStarts(_ buf: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard let base = buf.baseAddress else { return [] }
        var starts: [Int] = []
        var i = 0
        while i + 7 <= buf.count, let p = memchr(base + i, Int32(UInt8(ascii: "_")), buf.count - i) {
            let k = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            if k + 7 <= buf.count, buf[k + 1] | 0x20 == UInt8(ascii: "x"), buf[k + 2] == 48, buf[k + 3] == 48, buf[k + 4] == 48,
               buf[k + 5] | 0x20 == UInt8(ascii: "d") || buf[k + 5] | 0x20 == UInt8(ascii: "a"), buf[k + 6] == UInt8(ascii: "_") {
                starts.append(k)
                i = k + 7
            } else {
                i = k + 1
            }
        }
        return starts
    }

    struct Escape { var start: Int; var end: Int; var char: UInt8 }

    /// "\n", "\r", "\t", and the same with the backslash doubled ("\\n").
    static func backslashEscapes(_ t: [UInt8]) -> [Escape] {
        var out: [Escape] = []
        var i = 0
        let n = t.count
        while i < n {
            guard t[i] == UInt8(ascii: "\\") else { i += 1; continue }
            var j = i + 1
            if j < n, t[j] == UInt8(ascii: "\\") { j += 1 }
            guard j < n else { break }
            let char: UInt8?
            switch t[j] {
            case UInt8(ascii: "n"): char = 10
            case UInt8(ascii: "r"): char = 32
            case UInt8(ascii: "t"): char = 9
            default: char = nil
            }
            if let char {
                out.append(Escape(start: i, end: j + 1, char: char))
                i = j + 1
            } else {
                i = j
            }
        }
        return out
    }

    /// What follows a lone escape shows it is one: a capital, a digit, a space, another
    /// backslash, or the end of the note.
    static func standsAlone(_ t: [UInt8], after end: Int) -> Bool {
        guard end < t.count else { return true }
        let b = t[end]
        return (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 32 || b == 9 || b == 10 || b == 13 || b == UInt8(ascii: "\\")
    }
}
