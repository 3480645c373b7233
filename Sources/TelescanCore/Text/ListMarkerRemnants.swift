/// A note written as one bulleted list ("- Video visit from home", "- Consent: verbal", "- Dana
/// Lee, MD"), its list markers masked as spaces for matching: the rules read a line's label or
/// signature from its start. Only when nearly every line with text is an item (`share`): in a
/// note with a few lists among other lines the rules read the markers as they are. Same length,
/// so offsets and quotes stay. A marker is "-", "*", "+" or a bullet character followed by a blank.
public enum ListMarkerRemnants {
    static let minimumItems = 4
    /// At least this share (in tenths) of the lines with text are items.
    static let share = 8

    /// The masked copy, or nil when the note is not one bulleted list.
    public static func masked(_ text: [UInt8]) -> [UInt8]? {
        guard ByteSearch.contains(text, UInt8(ascii: "-")) || ByteSearch.contains(text, UInt8(ascii: "*"))
                || ByteSearch.contains(text, UInt8(ascii: "+")) || ByteSearch.contains(text, 0xE2) else { return nil }
        var markers: [Range<Int>] = []
        var textLines = 0
        var i = 0
        let n = text.count
        while i <= n {
            let nl = ByteSearch.next(10, in: text, from: i) ?? n
            var k = i
            while k < nl, text[k] == 32 || text[k] == 9 { k += 1 }
            if k < nl, text[k] != 13 {
                textLines += 1
                let m = markerLength(text, at: k)
                if m > 0, k + m < nl, text[k + m] == 32 || text[k + m] == 9 { markers.append(k..<(k + m)) }
            }
            i = nl + 1
        }
        guard markers.count >= minimumItems, markers.count * 10 >= textLines * share else { return nil }
        var out = text
        for r in markers { for p in r { out[p] = 32 } }
        return out
    }

    /// Bytes of a list marker at `k`: "-", "*", "+", "•" (U+2022), "‣" (U+2023), "◦" (U+25E6), "▪" (U+25AA); else 0.
    static func markerLength(_ t: [UInt8], at k: Int) -> Int {
        guard k < t.count else { return 0 }
        switch t[k] {
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"): return 1
        case 0xE2 where k + 2 < t.count:
            if t[k + 1] == 0x80, t[k + 2] == 0xA2 || t[k + 2] == 0xA3 { return 3 }
            if t[k + 1] == 0x97, t[k + 2] == 0xA6 { return 3 }
            if t[k + 1] == 0x96, t[k + 2] == 0xAA { return 3 }
            return 0
        default: return 0
        }
    }
}
