/// Home-grown and smaller EHR templates that set a field's label in square brackets instead of
/// ending it with a colon ("[Pt loc]     Home", "[Start/End]  14:05 / 14:30"): the brackets are
/// the label's colon, so the label moves into the "[" and the "]" becomes its colon and a blank
/// ("Pt loc:      Home", same length, as `LabelSeparatorRemnants`; a quote from the label on
/// reads "[Pt loc]     Home"), and every `label:` rule reads the line. Only a short label (one
/// to five words, at least two letters, no sentence marks) at the line's start or after a
/// column gap of two blanks, followed on the same line by a blank and an answer. Checkboxes
/// ("[x] Consent", "[ ] Video"), answers in brackets ("[Yes]", "[N/A]"), bracketed remarks that
/// end their line ("[Video connection lost at 10:14.]") and placeholders followed by punctuation
/// ("[Provider name], MD") stay as written.
public enum BracketLabelRemnants {
    static let maxLabelBytes = 32
    static let maxLabelWords = 5
    /// Bracketed answers, not labels.
    static let answers: Set<String> = ["yes", "no", "n/a", "na", "none", "done", "ok", "y", "n", "x", "unk", "tbd"]

    /// The masked copy, or nil when no bracketed label occurs.
    public static func masked(_ text: [UInt8]) -> [UInt8]? {
        // One comparison per byte for the notes (nearly all) without a "[".
        guard text.contains(UInt8(ascii: "[")) else { return nil }
        var out: [UInt8]? = nil
        let n = text.count
        text.withUnsafeBufferPointer { t in
            var i = 0
            var lineStart = true   // only blanks since the line began
            var blanks = 0         // the run of blanks just before i
            while i < n {
                let b = t[i]
                if b == 10 { lineStart = true; blanks = 0; i += 1; continue }
                if ASCIIByte.isLineBlank(b) { blanks += 1; i += 1; continue }
                if b == UInt8(ascii: "["), lineStart || blanks >= 2, let close = labelEnd(t, i, n) {
                    if out == nil { out = text }
                    for k in i..<(close - 1) { out![k] = t[k + 1] }
                    out![close - 1] = UInt8(ascii: ":")
                    out![close] = 32
                    i = close + 1
                } else {
                    i += 1
                }
                lineStart = false
                blanks = 0
            }
        }
        return out
    }


    /// The index of the "]" that closes a label opened at `open`, when an answer follows it.
    static func labelEnd(_ t: UnsafeBufferPointer<UInt8>, _ open: Int, _ n: Int) -> Int? {
        var i = open + 1
        guard i < n, ASCIIByte.isLetter(t[i]) else { return nil }
        var letters = 0, words = 1
        while i < n, t[i] != UInt8(ascii: "]") {
            let b = t[i]
            if ASCIIByte.isLetter(b) {
                letters += 1
            } else if b == 32 {
                words += 1
                if words > maxLabelWords { return nil }
            } else if !(b == UInt8(ascii: "/") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
                        || b == UInt8(ascii: "#") || b == UInt8(ascii: "&") || (b >= 48 && b <= 57)) {
                return nil
            }
            i += 1
            if i - open > maxLabelBytes { return nil }
        }
        guard i < n, letters >= 2 else { return nil }
        let close = i
        // A blank, then an answer on the same line.
        var v = close + 1
        guard v < n, t[v] == 32 || t[v] == 9 else { return nil }
        while v < n, ASCIIByte.isLineBlank(t[v]) { v += 1 }
        guard v < n, t[v] != 10 else { return nil }
        let label = String(decoding: UnsafeBufferPointer(rebasing: t[(open + 1)..<close]), as: UTF8.self).lowercased()
        return answers.contains(label) ? nil : close
    }
}
