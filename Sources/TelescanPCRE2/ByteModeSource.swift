/// A UTF-8 pattern rewritten for PCRE2's byte mode (no `PCRE2_UTF`), to run on subjects that
/// are all ASCII: there it finds exactly what the UTF pattern finds, and the JIT code, which
/// no longer decodes characters, runs faster.
///
/// Why the two agree on an ASCII subject: every byte of a character beyond ASCII is 0x80 or
/// more, so such a character, read as bytes, matches nothing there, as it does in UTF mode; a
/// class holding such characters holds, as bytes, the same ASCII members (a range from an ASCII
/// character to one beyond it still covers the rest of ASCII); `\w`, `\b`, `\d` and `\s` are
/// ASCII in both modes (no UCP); a caseless ASCII letter matches its two ASCII cases in both
/// (UTF mode adds "ſ" and "K", which an ASCII subject lacks); offsets are bytes in both. The one
/// difference is a quantifier after a character beyond ASCII: in byte mode it would repeat the
/// character's last byte only (`’?s` would require two bytes of "’"), so each such character
/// outside a class is wrapped in a group, `(?:’)?s`, which means the same in both modes.
///
/// Patterns this does not read with certainty (extended mode, `\Q...\E` quoting, verbs) get
/// no byte-mode form, and so does one that byte mode refuses (`\x{2014}` is beyond a byte):
/// those keep their UTF form for every note.
public enum ByteModeSource {
    /// The byte-mode pattern, or nil when the pattern should run in UTF mode only.
    public static func rewrite(_ pattern: String) -> String? {
        let p = Array(pattern.utf8)
        if contains(p, "(?x") || contains(p, "\\Q") || contains(p, "(*") || hasExtendedFlag(p) { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(p.count + 16)
        var i = 0
        let n = p.count
        /// The bytes of the character starting at `j` (one for ASCII).
        func characterLength(_ j: Int) -> Int {
            var k = j + 1
            while k < n, p[k] & 0xC0 == 0x80 { k += 1 }
            return k - j
        }
        func wrap(_ j: Int, _ length: Int, escaped: Bool) {
            out += Array("(?:".utf8)
            if escaped { out.append(UInt8(ascii: "\\")) }
            out += p[j ..< j + length]
            out.append(UInt8(ascii: ")"))
        }
        while i < n {
            let b = p[i]
            if b == UInt8(ascii: "\\") {
                guard i + 1 < n else { return nil }
                if p[i + 1] >= 0x80 {
                    let length = characterLength(i + 1)
                    wrap(i + 1, length, escaped: true)
                    i += 1 + length
                } else {
                    out += p[i ... i + 1]
                    i += 2
                }
            } else if b == UInt8(ascii: "[") {
                // A class, copied whole: its members beyond ASCII need no group.
                guard let end = classEnd(p, from: i) else { return nil }
                out += p[i ..< end]
                i = end
            } else if b == UInt8(ascii: "("), i + 2 < n, p[i + 1] == UInt8(ascii: "?"), p[i + 2] == UInt8(ascii: "#") {
                // A comment, copied whole: a group written inside it would end it early.
                guard let close = p[i...].firstIndex(of: UInt8(ascii: ")")) else { return nil }
                out += p[i ... close]
                i = close + 1
            } else if b >= 0x80 {
                let length = characterLength(i)
                wrap(i, length, escaped: false)
                i += length
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The index after the `]` that closes the class opened at `start`, or nil when unclosed.
    /// A `]` first in the class (after an optional `^`) is a member; `[:name:]` is a POSIX
    /// class inside it; a backslash escapes the next byte.
    static func classEnd(_ p: [UInt8], from start: Int) -> Int? {
        var i = start + 1
        let n = p.count
        if i < n, p[i] == UInt8(ascii: "^") { i += 1 }
        if i < n, p[i] == UInt8(ascii: "]") { i += 1 }
        while i < n {
            switch p[i] {
            case UInt8(ascii: "\\"):
                i += 2
            case UInt8(ascii: "["):
                if i + 1 < n, p[i + 1] == UInt8(ascii: ":") || p[i + 1] == UInt8(ascii: ".") || p[i + 1] == UInt8(ascii: "=") {
                    let closer = p[i + 1]
                    var j = i + 2
                    while j + 1 < n, !(p[j] == closer && p[j + 1] == UInt8(ascii: "]")) { j += 1 }
                    guard j + 1 < n else { return nil }
                    i = j + 2
                } else {
                    i += 1
                }
            case UInt8(ascii: "]"):
                return i + 1
            default:
                i += 1
            }
        }
        return nil
    }

    /// Whether an inline option setting such as `(?ix)` or `(?x-i:` turns on extended mode.
    static func hasExtendedFlag(_ p: [UInt8]) -> Bool {
        var i = 0
        while i + 2 < p.count {
            if p[i] == UInt8(ascii: "("), p[i + 1] == UInt8(ascii: "?"), (i == 0 || p[i - 1] != UInt8(ascii: "\\")) {
                var j = i + 2
                while j < p.count, let c = Optional(p[j]), (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) {
                    if c == UInt8(ascii: "x") { return true }
                    j += 1
                }
            }
            i += 1
        }
        return false
    }

    static func contains(_ p: [UInt8], _ needle: String) -> Bool {
        let k = Array(needle.utf8)
        guard k.count <= p.count else { return false }
        for i in 0 ... p.count - k.count where p[i] == k[0] && Array(p[i ..< i + k.count]) == k { return true }
        return false
    }
}
