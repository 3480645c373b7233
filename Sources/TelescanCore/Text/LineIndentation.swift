/// Indentation at the start of each line ("    Total time recorded as 15 min.") and blanks at its
/// end (a fixed-width record padded to 80 columns), and the blanks of a line that has nothing
/// else, read as absent: many rules read a label, a
/// signature or a statement where a line starts or ends, and an export that indents or pads
/// every line would otherwise hide them all. The copy is shorter, so ranges found in it are
/// mapped back to the note's bytes (`OffsetMap`), as for `InnerSpaceRuns`.
public enum LineIndentation {
    /// The note without its lines' indentation and trailing blanks, and the map back; nil when
    /// no line has any.
    public static func removed(_ text: [UInt8]) -> (text: [UInt8], map: OffsetMap)? {
        var copy = OffsetMap.Builder(text)
        let n = text.count
        var start = 0
        while start < n {
            let nl = ByteSearch.next(10, in: text, from: start) ?? n
            var end = nl
            if end > start, text[end - 1] == 13 { end -= 1 }
            var k = start
            while k < end, text[k] == 32 || text[k] == 9 { k += 1 }
            if k < end {
                if k > start { copy.drop(start..<k) }
                var e = end
                while e > k, text[e - 1] == 32 || text[e - 1] == 9 { e -= 1 }
                if e < end { copy.drop(e..<end) }
            } else if k > start {
                // A blank line of spaces: an empty line, as a paragraph break is read.
                copy.drop(start..<k)
            }
            start = nl + 1
        }
        return copy.finishIfChanged()
    }
}
