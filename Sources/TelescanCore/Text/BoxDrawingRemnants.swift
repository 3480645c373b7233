/// Tables drawn with Unicode box-drawing characters ("│ Patient location │ Home │", borders of
/// "┌───┬───┐"): read as the ASCII tables `TableCellRemnants` and `LabelSeparatorRemnants`
/// already read. Each character is three bytes, so a wall (│ ┃ ║) becomes "|" and two spaces,
/// a line (─ ━ ═) "---", a corner or junction "+--": same length, every offset holds, and
/// evidence quotes the note as written. Other characters of the block (dashed and rounded
/// forms) count as lines or corners by the same rule.
public enum BoxDrawingRemnants {
    /// The masked copy, or nil when the note holds no box-drawing character.
    public static func masked(_ text: [UInt8]) -> [UInt8]? {
        guard ByteSearch.contains(text, 0xE2) else { return nil }
        var out: [UInt8]? = nil
        let n = text.count
        var from = 0
        // Hop between lead bytes 0xE2 (curly quotes and dashes share it).
        while let i = ByteSearch.next(0xE2, in: text, from: from), i + 2 < n {
            from = i + 1
            // U+2500 ... U+257F: E2 94 80 ... E2 95 BF.
            let b1 = text[i + 1], b2 = text[i + 2]
            guard b1 == 0x94 || b1 == 0x95, b2 >= 0x80, b2 <= 0xBF else { continue }
            let scalar = 0x2500 + (Int(b1 - 0x94) << 6) + Int(b2 - 0x80)
            let replacement: (UInt8, UInt8, UInt8)
            switch scalar {
            case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x2551, 0x254E, 0x254F:
                replacement = (UInt8(ascii: "|"), 32, 32)
            case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x2550, 0x254C, 0x254D:
                replacement = (UInt8(ascii: "-"), UInt8(ascii: "-"), UInt8(ascii: "-"))
            default:
                replacement = (UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "-"))
            }
            if out == nil { out = text }
            out![i] = replacement.0
            out![i + 1] = replacement.1
            out![i + 2] = replacement.2
            from = i + 3
        }
        return out
    }
}
