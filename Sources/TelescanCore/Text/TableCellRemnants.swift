/// Pipe-table rows of a plain-text export ("| Patient location | Home |", "| Time | 22 min |"):
/// the first cell is a label and the second its answer, so the row is read as "Patient location:
/// Home": the opening pipe becomes a space, the blank before the second pipe a colon and that
/// pipe a space (same length, as `FormArrowRemnants`), and every `label:` rule reads the row.
/// Only rows that open with a pipe, hold a letter in the first cell and text in the second; a
/// rule line ("|---|---|"), an empty first cell and the cells after the second stay as written.
public enum TableCellRemnants {
    /// The masked copy, or nil when the note holds no such row.
    public static func masked(_ text: [UInt8]) -> [UInt8]? {
        guard ByteSearch.contains(text, UInt8(ascii: "|")) else { return nil }
        var out = text
        var changed = false
        let n = text.count
        var lineStart = 0
        while lineStart < n {
            let lineEnd = ByteSearch.next(10, in: text, from: lineStart) ?? n
            if let (open, separator) = labelRow(text, lineStart, lineEnd) {
                out[open] = 32
                out[separator - 1] = UInt8(ascii: ":")
                out[separator] = 32
                changed = true
            }
            lineStart = lineEnd + 1
        }
        return changed ? out : nil
    }

    /// Where a row's opening pipe and the pipe after its label cell are, when the line is a
    /// label row: blanks, "|", a cell with a letter ending in a blank, "|", then text before the
    /// line ends.
    static func labelRow(_ t: [UInt8], _ start: Int, _ end: Int) -> (Int, Int)? {
        var i = start
        while i < end, t[i] == 32 || t[i] == 9 { i += 1 }
        guard i < end, t[i] == UInt8(ascii: "|") else { return nil }
        let open = i
        i += 1
        var letter = false
        while i < end, t[i] != UInt8(ascii: "|") {
            let b = t[i] | 0x20
            if b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") { letter = true }
            i += 1
        }
        guard i < end, letter, t[i - 1] == 32 || t[i - 1] == 9 else { return nil }
        let separator = i
        var j = i + 1
        while j < end, t[j] == 32 || t[j] == 9 || t[j] == 13 { j += 1 }
        guard j < end, t[j] != UInt8(ascii: "|") else { return nil }
        return (open, separator)
    }
}
