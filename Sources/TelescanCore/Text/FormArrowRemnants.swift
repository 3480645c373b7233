/// Form exports that print a label and its answer with an arrow glyph between them instead of a
/// colon ("Pt location ▸ Home", "Consent obtained? ► Y", "Visit modality ➤ Audio/Video"): the
/// glyph is a label's colon, so the space before it becomes ":" and the glyph's bytes become
/// spaces ("Pt location:    Home", same length as `HTMLRemnants`), and every `label:` rule
/// reads the row. Only between a label and a value on one line: a glyph that starts a line is a
/// bullet, one with nothing after it is decoration, and "→" is left alone (switch and plan
/// lines use it: "VV → phone", "LT4 ↑ 75 → 88").
public enum FormArrowRemnants {
    /// The three UTF-8 bytes of each separator glyph after its lead byte 0xE2: ▸ ► ▶ ▼ ➤ ➜.
    static let glyphs: [(UInt8, UInt8)] = [(0x96, 0xB8), (0x96, 0xBA), (0x96, 0xB6), (0x96, 0xBC), (0x9E, 0xA4), (0x9E, 0x9C)]

    /// The masked copy, or nil when the note holds no such separator.
    public static func masked(_ text: [UInt8]) -> [UInt8]? {
        guard ByteSearch.contains(text, 0xE2) else { return nil }
        var out = text
        var changed = false
        let n = text.count
        // Hop between lead bytes 0xE2 (curly quotes and dashes share it): most such notes hold
        // no arrow, so only the candidates are looked at.
        var from = 1
        while let i = ByteSearch.next(0xE2, in: text, from: from), i + 4 < n {
            if isGlyph(text[i + 1], text[i + 2]), isBlank(text[i - 1]), isBlank(text[i + 3]),
               hasLabel(text, before: i - 1), hasValue(text, after: i + 3) {
                out[i - 1] = UInt8(ascii: ":")
                out[i] = 32; out[i + 1] = 32; out[i + 2] = 32
                changed = true
            }
            from = i + 1
        }
        return changed ? out : nil
    }

    @inline(__always) static func isGlyph(_ b1: UInt8, _ b2: UInt8) -> Bool {
        glyphs.contains { $0.0 == b1 && $0.1 == b2 }
    }

    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == 32 || b == 9 }

    /// Some text other than blanks between the line's start and `end`.
    static func hasLabel(_ t: [UInt8], before end: Int) -> Bool {
        var k = end - 1
        while k >= 0, t[k] != 10, t[k] != 13 {
            if !isBlank(t[k]) { return true }
            k -= 1
        }
        return false
    }

    /// Some text other than blanks after `start`, before the line ends.
    static func hasValue(_ t: [UInt8], after start: Int) -> Bool {
        var k = start
        while k < t.count, t[k] != 10, t[k] != 13 {
            if !isBlank(t[k]) { return true }
            k += 1
        }
        return false
    }
}
