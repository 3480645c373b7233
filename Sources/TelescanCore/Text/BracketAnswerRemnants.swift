/// Templates that show a dropdown's chosen value in square brackets after its label ("Patient
/// type: [Established]", "Patient location: [Home]", "MDM: [Moderate]"): the brackets are the
/// field's frame, not part of the answer, so they read as blanks ("Patient type:  Established ",
/// same length) and every `label: value` rule reads the line. Only one value: letters, digits,
/// blanks, hyphens, apostrophes and full stops, at most five words, right after the label's
/// colon or dot leader ("Patient location ....... [Home]") and ending the line or the column
/// (two blanks), or followed by a remark in round brackets. An unchosen list ("[Home/Office/Other]",
/// "[Video | Phone]"), a placeholder ("[Select]", "[***]", "[Provider name], MD"), a checkbox
/// ("[x]", "[ ]") and a bracketed label (`BracketLabelRemnants`) stay as written.
public enum BracketAnswerRemnants {
    static let maxAnswerBytes = 40
    static let maxAnswerWords = 5
    /// A dropdown's default text, not a choice (lower case).
    static let placeholders: Set<String> = ["select", "choose", "choose one", "select one", "pick one", "none selected",
                                            "not selected", "click to select", "select option", "x", "tbd"]

    /// The masked copy, or nil when no bracketed answer occurs.
    public static func masked(_ text: [UInt8]) -> [UInt8]? {
        guard text.contains(UInt8(ascii: "[")) else { return nil }
        var out: [UInt8]? = nil
        let n = text.count
        var i = 0
        while i < n {
            defer { i += 1 }
            guard text[i] == UInt8(ascii: "["), afterLabelColon(text, i), let close = answerEnd(text, i, n) else { continue }
            if out == nil { out = text }
            out![i] = 32
            out![close] = 32
            i = close
        }
        return out
    }

    /// Whether the bytes before `i` on its line are a label's colon, or its leader of two or
    /// more dots ("Patient location ....... [Home]"), and one or more blanks.
    static func afterLabelColon(_ t: [UInt8], _ i: Int) -> Bool {
        var k = i
        while k > 0, ASCIIByte.isLineBlank(t[k - 1]) { k -= 1 }
        guard k < i, k >= 2 else { return false }
        if t[k - 1] == UInt8(ascii: ":") { return ASCIIByte.isLetter(t[k - 2]) || t[k - 2] == UInt8(ascii: ")") }
        var dots = 0
        while k > 0, t[k - 1] == UInt8(ascii: ".") || (dots > 0 && t[k - 1] == 32) {
            if t[k - 1] == UInt8(ascii: ".") { dots += 1 }
            k -= 1
        }
        return dots >= 2 && k > 0 && ASCIIByte.isLetter(t[k - 1])
    }

    /// The "]" that closes one bracketed value at `open`, when the value is one choice that ends
    /// its line or column; nil otherwise.
    static func answerEnd(_ t: [UInt8], _ open: Int, _ n: Int) -> Int? {
        var k = open + 1
        var words = 0, inWord = false, letters = 0
        while k < n, k - open <= maxAnswerBytes + 1 {
            let b = t[k]
            if b == UInt8(ascii: "]") { break }
            if ASCIIByte.isLetter(b) || (b >= 48 && b <= 57) {
                if !inWord { words += 1; inWord = true }
                if ASCIIByte.isLetter(b) { letters += 1 }
            } else if b == 32 {
                inWord = false
            } else if b == UInt8(ascii: "-") || b == UInt8(ascii: "'") || b == UInt8(ascii: ".") {
                // inside a value ("Audio-video", "Pt's home", "Est.")
            } else {
                return nil
            }
            k += 1
        }
        guard k < n, t[k] == UInt8(ascii: "]"), words >= 1, words <= maxAnswerWords, letters >= 2 else { return nil }
        var lo = open + 1, hi = k
        while lo < hi, t[lo] == 32 { lo += 1 }
        while hi > lo, t[hi - 1] == 32 { hi -= 1 }
        guard !placeholders.contains(String(decoding: t[lo..<hi].map { $0 | 0x20 }, as: UTF8.self)) else { return nil }
        // The line or the column ends after it, or a bracketed remark follows ("[Home]  (his home
        // in Millbrook; wife present)": the two blanks are one by now, `InnerSpaceRuns`).
        var e = k + 1
        while e < n, ASCIIByte.isLineBlank(t[e]) { e += 1 }
        guard e == n || t[e] == 10 || e - (k + 1) >= 2 || t[e] == UInt8(ascii: "|")
                || (e > k + 1 && t[e] == UInt8(ascii: "(")) else { return nil }
        return k
    }
}
