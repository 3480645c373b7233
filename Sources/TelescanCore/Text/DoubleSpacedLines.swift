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
        // The runs of line breaks between two lines with text: each run's breaks' positions.
        var runs: [[Int]] = []
        var pending: [Int] = []
        var textLines = 0
        var lineStart = 0
        let n = text.count
        while lineStart <= n {
            let nl = ByteSearch.next(10, in: text, from: lineStart) ?? n
            if text[lineStart..<nl].contains(where: { $0 != 32 && $0 != 9 && $0 != 13 }) {
                if textLines > 0 { runs.append(pending) }
                pending = []
                textLines += 1
            }
            if nl < n, textLines > 0 { pending.append(nl) }
            lineStart = nl + 1
        }
        guard textLines >= minimumLines else { return nil }
        let single = runs.filter { $0.count == 1 }.count
        let double = runs.filter { $0.count == 2 }.count
        guard single * 10 <= runs.count, double * 10 >= runs.count * 6 else { return nil }
        let between = runs
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var regions: [OffsetMap.Region] = []
        var copied = 0
        for run in between where run.count >= 2 {
            let keep = (run.count + 1) / 2
            let from = run[keep - 1] + 1, to = run[run.count - 1] + 1
            out.append(contentsOf: text[copied..<from])
            regions.append(OffsetMap.Region(changed: out.count..<out.count, original: from..<to))
            copied = to
        }
        if regions.isEmpty { return nil }
        out.append(contentsOf: text[copied..<text.count])
        return (out, OffsetMap(regions: regions))
    }
}
