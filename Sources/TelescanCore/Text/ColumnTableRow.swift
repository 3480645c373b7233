/// A one-row table pasted from an export: a header line of three or more field names and the
/// encounter's values on the line below, split by tabs or pipes ("date⇥mode⇥consent⇥pt_loc⇥min"
/// over "2026-09-03⇥phone⇥patient verbal yes⇥home⇥21"; "| Date | Mode | Minutes |", "|---|---|---|",
/// "| 9/3 | video | 21 |"). No rule can line a value up with its column, so the value line is read
/// as one "field: value" line per cell ("mode: phone", "min: 21"), each cell's map taking a
/// finding back to the cell itself. Only a table of exactly one value row: a table of several
/// rows is a log (visits, activities, readings), whose "Minutes" cells are no visit's time.
public enum ColumnTableRow {
    /// The rewritten copy and its map, or nil when the note holds no such table.
    public static func rewritten(_ text: [UInt8]) -> (text: [UInt8], map: OffsetMap)? {
        guard ByteSearch.contains(text, 9) || ByteSearch.contains(text, UInt8(ascii: "|")) else { return nil }
        let lines = ByteSearch.lineRanges(text)
        var copy: OffsetMap.Builder? = nil
        var k = 0
        while k + 1 < lines.count {
            guard let (delimiter, header) = cells(text, lines[k]), header.count >= 3,
                  header.allSatisfy({ isFieldName(text, $0) }) else { k += 1; continue }
            // The header opens its table: a row above with as many cells makes this a row within one.
            if k > 0, let (d0, above) = cells(text, lines[k - 1]), d0 == delimiter, above.count == header.count { k += 1; continue }
            var v = k + 1
            if delimiter == UInt8(ascii: "|"), isRuleLine(text, lines[v]) { v += 1 }
            guard v < lines.count, let (d2, values) = cells(text, lines[v]), d2 == delimiter, values.count == header.count,
                  values.contains(where: { !$0.isEmpty }) else { k += 1; continue }
            // A second value row makes it a log.
            if v + 1 < lines.count, let (d3, more) = cells(text, lines[v + 1]), d3 == delimiter, more.count == header.count { k = v + 1; continue }
            if copy == nil { copy = OffsetMap.Builder(text, extra: lines[k].count + 2 * header.count) }
            // From the line's start to the first cell, each gap between cells, and the end: a break.
            var at = lines[v].lowerBound
            for (i, cell) in values.enumerated() {
                if cell.isEmpty { continue }
                let gap: [UInt8] = at == lines[v].lowerBound ? [] : [10]
                if at < cell.lowerBound || !gap.isEmpty { copy!.replace(at..<cell.lowerBound, with: gap) }
                copy!.replace(cell, with: Array(text[header[i]]) + [58, 32] + Array(text[cell]))
                at = cell.upperBound
            }
            if at < lines[v].upperBound { copy!.drop(at..<lines[v].upperBound) }
            k = v + 1
        }
        return copy?.finishIfChanged()
    }

    /// The line's cells, trimmed, split by tabs or by pipes (outer pipes optional), with the
    /// delimiter; nil for a line with fewer than two delimiters.
    static func cells(_ t: [UInt8], _ line: Range<Int>) -> (UInt8, [Range<Int>])? {
        // Counted in place: this runs on every line of a note that holds a tab or a pipe.
        var tabs = 0, pipes = 0
        for i in line {
            if t[i] == 9 { tabs += 1 } else if t[i] == UInt8(ascii: "|") { pipes += 1 }
        }
        let delimiter: UInt8 = tabs >= 2 ? 9 : UInt8(ascii: "|")
        guard tabs >= 2 || pipes >= 2 else { return nil }
        let trimmed = ByteSearch.split(t, line, at: delimiter).map { r -> Range<Int> in
            var a = r.lowerBound, b = r.upperBound
            while a < b, t[a] == 32 || t[a] == 9 { a += 1 }
            while b > a, t[b - 1] == 32 || t[b - 1] == 9 { b -= 1 }
            return a..<b
        }
        var cells = trimmed
        // Markdown's outer pipes open and close the row with empty cells.
        if delimiter == UInt8(ascii: "|") {
            if cells.first?.isEmpty == true, t[line].first(where: { $0 != 32 }) == UInt8(ascii: "|") { cells.removeFirst() }
            if cells.last?.isEmpty == true, t[line].last(where: { $0 != 32 }) == UInt8(ascii: "|") { cells.removeLast() }
        }
        return (delimiter, cells)
    }

    /// A field name: a letter first, up to 40 bytes of letters, spaces, "_", "/", "-", ".", "#"
    /// and parentheses, no digit and no colon (a value or a label of its own).
    static func isFieldName(_ t: [UInt8], _ r: Range<Int>) -> Bool {
        guard !r.isEmpty, r.count <= 40, ASCIIByte.isLetter(t[r.lowerBound]) else { return false }
        return t[r].allSatisfy { ASCIIByte.isLetter($0) || $0 == 32 || $0 == 95 || $0 == 47 || $0 == 45 || $0 == 46 || $0 == 35 || $0 == 40 || $0 == 41 }
    }

    /// A Markdown rule line: pipes, dashes, colons and blanks only.
    static func isRuleLine(_ t: [UInt8], _ r: Range<Int>) -> Bool {
        !r.isEmpty && t[r].contains(45) && t[r].allSatisfy { $0 == 124 || $0 == 45 || $0 == 58 || $0 == 32 || $0 == 9 }
    }
}
