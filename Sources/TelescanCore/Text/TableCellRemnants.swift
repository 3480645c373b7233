/// Pipe-table rows of a plain-text export ("| Patient location | Home |", "| Time | 22 min |"):
/// the first cell is a label and the second its answer, so the row is read as "Patient location:
/// Home": the opening pipe becomes a space, the blank before the second pipe a colon and that
/// pipe a space (same length, as `FormArrowRemnants`), and every `label:` rule reads the row.
/// Only rows that open with a pipe, hold a letter in the first cell and text in the second; a
/// rule line ("|---|---|") and the cells after the second stay as written.
/// A row whose leading cells are empty continues the cell text of the row above when a box
/// wraps it ("| Agreement | She gave her spoken OK to be seen by |" over "|           | telephone
/// |"): the row above's closing pipe and this row's pipes up to its text become spaces, so the
/// wrapped sentence reads across the line break as any hard-wrapped line does.
public enum TableCellRemnants {
    /// The masked copy, or nil when the note holds no such row.
    public static func masked(_ text: [UInt8]) -> [UInt8]? {
        guard ByteSearch.contains(text, UInt8(ascii: "|")) else { return nil }
        var out = text
        var changed = false
        let n = text.count
        var lineStart = 0
        var closeAbove: Int?    // the closing pipe of the row above, when that line was a row
        while lineStart < n {
            let lineEnd = ByteSearch.next(10, in: text, from: lineStart) ?? n
            if let (open, separator) = labelRow(text, lineStart, lineEnd) {
                out[open] = 32
                out[separator - 1] = UInt8(ascii: ":")
                out[separator] = 32
                changed = true
            } else if let above = closeAbove, let walls = continuationWalls(text, lineStart, lineEnd) {
                out[above] = 32
                for w in walls { out[w] = 32 }
                changed = true
            }
            closeAbove = closingPipe(text, lineStart, lineEnd)
            lineStart = lineEnd + 1
        }
        return changed ? out : nil
    }


    /// The last pipe of a line that opens and closes with one (a table row), else nil.
    static func closingPipe(_ t: [UInt8], _ start: Int, _ end: Int) -> Int? {
        var i = start
        while i < end, ASCIIByte.isLineBlank(t[i]) { i += 1 }
        guard i < end, t[i] == UInt8(ascii: "|") else { return nil }
        var k = end - 1
        while k > i, ASCIIByte.isLineBlank(t[k]) { k -= 1 }
        return k > i && t[k] == UInt8(ascii: "|") ? k : nil
    }

    /// The pipes before the first cell that holds text, when the line is a row whose first
    /// cell is empty and a later cell holds a letter (the wrapped part of a cell above); nil
    /// for a rule line, an empty row or a row with a label.
    static func continuationWalls(_ t: [UInt8], _ start: Int, _ end: Int) -> [Int]? {
        var i = start
        while i < end, ASCIIByte.isLineBlank(t[i]) { i += 1 }
        guard i < end, t[i] == UInt8(ascii: "|") else { return nil }
        var walls = [i]
        i += 1
        while i < end {
            let b = t[i]
            if b == UInt8(ascii: "|") {
                walls.append(i)
            } else if !ASCIIByte.isLineBlank(b) {
                // The first text: a letter makes it a wrapped cell; a rule line ("-", "+", "=")
                // or a number-only cell does not, and the first cell must have been empty.
                guard walls.count >= 2, ((b | 0x20) >= 97 && (b | 0x20) <= 122) || b >= 0x80 else { return nil }
                return walls
            }
            i += 1
        }
        return nil
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
