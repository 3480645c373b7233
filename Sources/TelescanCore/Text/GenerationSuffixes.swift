/// A generation suffix written after a name ("Walter T. Briggs Jr., MD", "Washington, Marcus A.
/// Jr., MD", "Osei-Bonsu Sr., Franklin MD", "Dr. Émile Saint-Cyr, Jr., MD"). The signature rules
/// read a name's words and then its credential, so a "Jr." between them hid the signer: the rules
/// read the note with the suffix (and a comma before it) as blanks (same length; quotes keep it; a
/// comma after it moves up to the name), and the performer's name gets the suffix back as written
/// (`restored`). Only "Jr" and "Sr", with or without a full stop ("JR." and "SR." in capitals: a
/// bare "SR" is a drug's sustained release), after a capitalised word and before a comma, a
/// bracket, a blank or the line's end, not before a capitalised word ("Father, Sr. Tomás Ochoa":
/// Señor). "II" to "IV" need nothing: the rules read them as a name's last word.
enum GenerationSuffixes {
    struct Suffix: Equatable {
        /// The blanked bytes: the suffix and a comma and blanks before it.
        let range: Range<Int>
        /// The suffix as written ("Jr.").
        let text: String
    }

    /// The text with its suffixes blanked and the suffixes, or nil when it has none.
    static func masked(_ t: [UInt8]) -> (text: [UInt8], suffixes: [Suffix])? {
        var out: [Suffix] = []
        let n = t.count
        var i = 1
        // Each candidate is the "r" of "Jr"/"Sr"; the byte before it is the suffix's first.
        while i < n {
            defer { i += 1 }
            guard t[i] | 0x20 == 114, t[i - 1] == 74 || t[i - 1] == 83 else { continue }   // "Jr", "Sr", "JR", "SR"
            let start = i - 1
            var end = i + 1
            let stop = end < n && t[end] == 46
            if stop { end += 1 }
            guard t[i] == 114 || stop else { continue }                                    // "JR"/"SR" only as "JR."
            guard end == n || ASCIIByte.isLineBlank(t[end]) || t[end] == 10 || t[end] == 44 || t[end] == 41 || t[end] == 59 else { continue }
            // "Sr. Tomás Ochoa", "Sr. Mary": a title before a name, not a suffix after one.
            var a = end
            while a < n, t[a] == 32 || t[a] == 9 { a += 1 }
            if a > end, a + 1 < n, ASCIIByte.isUpper(t[a]) || t[a] >= 0xC3, (t[a + 1] >= 97 && t[a + 1] <= 122) || t[a + 1] >= 0x80 { continue }
            // Blanks, and a comma, between the name and the suffix.
            var k = start
            while k > 0, t[k - 1] == 32 || t[k - 1] == 9 { k -= 1 }
            guard k < start else { continue }
            var from = k
            if k > 0, t[k - 1] == 44 {
                k -= 1
                from = k
                while k > 0, t[k - 1] == 32 || t[k - 1] == 9 { k -= 1 }
            }
            // The word before: letters (a full stop may close an initial), opened by a capital.
            var w = k
            if w > 0, t[w - 1] == 46 { w -= 1 }
            let wordEnd = w
            while w > 0, ASCIIByte.isLetter(t[w - 1]) || t[w - 1] >= 0x80 || t[w - 1] == 45 || t[w - 1] == 39 { w -= 1 }
            guard w < wordEnd, ASCIIByte.isUpper(t[w]) || t[w] >= 0xC3 else { continue }
            // A comma after the suffix is blanked too and written right after the name
            // ("Osei-Bonsu,     Franklin MD"): the rules allow no blank before a name's comma.
            let comma = end < n && t[end] == 44
            out.append(Suffix(range: from..<(comma ? end + 1 : end), text: String(decoding: t[start..<end], as: UTF8.self)))
        }
        guard !out.isEmpty else { return nil }
        var text = t
        for s in out {
            for j in s.range { text[j] = 32 }
            if t[s.range.upperBound - 1] == 44 { text[s.range.lowerBound] = 44 }
        }
        return (text, out)
    }

    /// The performer's name with the suffix that follows one of its words inside the
    /// signature's span (`span`, in the masked text `t`), or nil when none does or the name has
    /// one already.
    static func restored(name: String, span: Range<Int>, suffixes: [Suffix], in t: UnsafeBufferPointer<UInt8>) -> String? {
        // A word compared in lower case without its full stops ("A." is the name's "A").
        func plain<S: StringProtocol>(_ w: S) -> String { w.lowercased().filter { $0 != "." } }
        let words = name.split(separator: " ").map(plain)
        guard let last = words.last, last != "jr", last != "sr" else { return nil }
        for s in suffixes where span.contains(s.range.lowerBound) {
            var e = s.range.lowerBound
            while e > span.lowerBound, t[e - 1] == 32 || t[e - 1] == 9 { e -= 1 }
            var b = e
            while b > span.lowerBound, !(t[b - 1] == 32 || t[b - 1] == 9 || t[b - 1] == 10 || t[b - 1] == 44) { b -= 1 }
            let before = plain(String(decoding: UnsafeBufferPointer(rebasing: t[b..<e]), as: UTF8.self))
            if words.contains(before) { return name + " " + s.text }
        }
        return nil
    }
}
