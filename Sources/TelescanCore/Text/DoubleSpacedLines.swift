/// A note with a blank line after every line ("Consent: verbal\n\nTime: 20 min\n\nDana Lee, MD",
/// as some HTML-to-text and e-mail exports write it), read single-spaced: a blank line there is
/// no paragraph break, while the rules and the text layer read one as the end of a section, a
/// label's answer or a signature block. Every run of line breaks is halved (two to one, four to
/// two). The copy is shorter, so ranges found in it are mapped back (`OffsetMap`).
public enum DoubleSpacedLines {
    /// A note is double-spaced when at least this many of its lines hold text, nearly every
    /// one is followed by one blank line and almost none by a line with text.
    static let minimumLines = 4

    /// The note single-spaced, and the map back; nil when it is not double-spaced.
    public static func single(_ text: [UInt8]) -> (text: [UInt8], map: OffsetMap)? {
        guard ByteSearch.contains(text, 10) else { return nil }
        let n = text.count
        func hasText(_ r: Range<Int>) -> Bool { text[r].contains(where: { $0 != 32 && $0 != 9 && $0 != 13 }) }
        // First, count the runs of line breaks between two lines with text, by length (this runs
        // on every note; most stop after a few lines that follow one another).
        var textLines = 0, runs = 0, singles = 0, doubles = 0, breaks = 0
        var lineStart = 0
        while lineStart <= n {
            let nl = ByteSearch.next(10, in: text, from: lineStart) ?? n
            if hasText(lineStart..<nl) {
                if textLines > 0 {
                    runs += 1
                    if breaks == 1 { singles += 1 } else if breaks == 2 { doubles += 1 }
                    if singles > 4, singles * 2 > runs { return nil }
                }
                breaks = 0
                textLines += 1
            }
            if nl < n, textLines > 0 { breaks += 1 }
            lineStart = nl + 1
        }
        guard textLines >= minimumLines, singles * 10 <= runs, doubles * 10 >= runs * 6 else { return nil }
        // Then halve each run between two lines with text.
        var copy = OffsetMap.Builder(text)
        var pending: [Int] = []
        var seenText = false
        lineStart = 0
        while lineStart <= n {
            let nl = ByteSearch.next(10, in: text, from: lineStart) ?? n
            if hasText(lineStart..<nl) {
                if seenText, pending.count >= 2 {
                    let keep = (pending.count + 1) / 2
                    let from = pending[keep - 1] + 1, to = pending[pending.count - 1] + 1
                    copy.drop(from..<to)
                }
                pending.removeAll(keepingCapacity: true)
                seenText = true
            }
            if nl < n, seenText { pending.append(nl) }
            lineStart = nl + 1
        }
        return copy.finishIfChanged()
    }
}
