/// Markdown left in a note by the tools that write it (AI scribes, assistants, "smart" EHR
/// text): emphasis (`**Consent:** verbal`, "I spent **25 minutes**", `_video_`), inline code,
/// the marks that start a heading or a block quote, struck-through text with its marks
/// ("~~High~~ Moderate": only the correction is read), and pictographs ("Started on 📹 video"),
/// masked as spaces of their own length for matching, as `HTMLRemnants` masks tags (🏠 as the
/// word it stands for, "home", and ☎ as "tel"). The rules
/// then read "Consent: verbal" and "by video" whatever the emphasis, and offsets do not move,
/// so evidence still quotes the note as given.
///
/// Kept, because rules read them or they are not Markdown: a bullet (`* ` at a line's start)
/// and any run of `*` or `_` with white space on both sides (an Epic blank `***`, a lone `*`);
/// a lone star between brackets (`(*)`, `[*]`: a ticked radio button or box); three or more
/// underscores (a blank to fill in); an underscore inside a word (`pt_name`) or
/// between brackets (`(__)`); a star between digits (`2*3`); a `>` at a line's start before a
/// number ("> 30 minutes"); table pipes, boxes and ticks (`[x]`, `☐`, `✅`, `❌`).
public enum MarkdownRemnants {
    /// The masked copy, or nil when the note holds nothing to mask.
    public static func masked(_ text: [UInt8]) -> [UInt8]? {
        text.withUnsafeBufferPointer { t -> [UInt8]? in interesting.withUnsafeBufferPointer { interesting -> [UInt8]? in
            var out: [UInt8]? = nil
            let n = t.count
            var i = 0
            // This runs on every note: most bytes are none of the few it looks at.
            while i < n {
                let b = t[i]
                guard interesting[Int(b)] else { i += 1; continue }
                var end = i + 1
                switch b {
                case UInt8(ascii: "*"), UInt8(ascii: "_"):
                    while end < n, t[end] == b { end += 1 }
                    if !isEmphasis(t, i, end) { i = end; continue }
                case UInt8(ascii: "~"):
                    // Struck-through text ("MDM: ~~High~~ Moderate") is what the writer took
                    // back: masked with its marks, so only the correction is read.
                    guard let close = Self.strikeEnd(t, from: i) else { i += 1; continue }
                    end = close
                case UInt8(ascii: "`"):
                    while end < n, end - i < 3, t[end] == b { end += 1 }
                case UInt8(ascii: "#"), UInt8(ascii: ">"):
                    while end < n, end - i < 6, t[end] == b { end += 1 }
                    if !startsLine(t, i) || end >= n || !(t[end] == 32 || t[end] == 9) { i = end; continue }
                    // A quote mark before a number is "more than" ("> 30 minutes").
                    var next = end
                    while next < n, t[next] == 32 || t[next] == 9 { next += 1 }
                    if b == UInt8(ascii: ">") && next < n && isDigit(t[next]) { i = end; continue }
                case 0xF0 where i + 3 < n && t[i + 1] == 0x9F && t[i + 2] >= 0x8C && t[i + 2] <= 0xAB:
                    end = i + 4  // U+1F300–U+1FAFF: pictographs (📹 📞 🏠 💻 🩺)
                    // One stands for the word it pictures, of its own length ("Pt 🏠, VV"):
                    // the rules read the word.
                    if let word = Self.pictographWord(t[i + 2], t[i + 3]), !startsLine(t, i),
                       !Self.wordFollows(word, t, after: end) {
                        if out == nil { out = text }
                        for k in 0..<4 { out![i + k] = word[k] }
                        i = end
                        continue
                    }
                case 0xEF where i + 2 < n && t[i + 1] == 0xB8 && t[i + 2] == 0x8F:
                    end = i + 3  // U+FE0F, the emoji presentation selector
                case 0xE2 where i + 2 < n && t[i + 1] == 0x8F && t[i + 2] >= 0xB0 && t[i + 2] <= 0xB3:
                    end = i + 3  // ⏰ ⏱ ⏲ ⏳
                case 0xE2 where i + 2 < n && t[i + 1] == 0x98 && t[i + 2] == 0x8E:
                    // ☎ inside a line: the telephone, read as "tel" (left as it is elsewhere).
                    if startsLine(t, i) || wordFollows(Array("tel".utf8), t, after: i + 3) { i += 3; continue }
                    if out == nil { out = text }
                    out![i] = UInt8(ascii: "t"); out![i + 1] = UInt8(ascii: "e"); out![i + 2] = UInt8(ascii: "l")
                    i += 3
                    continue
                default:
                    i += 1
                    continue
                }
                if out == nil { out = text }
                for k in i..<end { out![k] = 32 }
                i = end
            }
            return out
        } }
    }

    /// The word a pictograph stands for, from the last two bytes of its UTF-8 form: 🏠 🏡 "home".
    /// Only a word of the pictograph's own four bytes, so no match can end inside it (📹 and 📞
    /// stay blank: "vid" and "tel" are three letters); and only inside a line: at its start a
    /// pictograph is a bullet ("🏠 pt: home").
    static func pictographWord(_ b2: UInt8, _ b3: UInt8) -> [UInt8]? {
        switch (b2, b3) {
        case (0x8F, 0xA0), (0x8F, 0xA1): return Array("home".utf8)
        default: return nil
        }
    }

    /// Whether the word a pictograph stands for already follows it ("🏠 home", "☎ tel"): the
    /// pictograph then adds nothing and stays blank, as a bullet at a line's start does.
    static func wordFollows(_ word: [UInt8], _ t: UnsafeBufferPointer<UInt8>, after end: Int) -> Bool {
        var k = end
        while k < t.count, t[k] == 32 || t[k] == 9 { k += 1 }
        guard k + 3 <= t.count else { return false }
        return (0..<3).allSatisfy { t[k + $0] | 0x20 == word[$0] }
    }

    /// The end of a struck-through span opening at `start` ("~~High~~"): two tildes, text that
    /// neither starts nor ends with a blank, two tildes, on one line and within 200 bytes; nil
    /// when `start` opens none (a lone "~" is "about": "~30 min").
    static func strikeEnd(_ t: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let n = t.count, tilde = UInt8(ascii: "~")
        guard start + 4 < n, t[start + 1] == tilde, t[start + 2] != tilde,
              !WhitespaceRuns.isSpace(t[start + 2]), start == 0 || t[start - 1] != tilde else { return nil }
        var k = start + 3
        while k + 1 < n, k - start < 200 {
            let b = t[k]
            if b == 10 || b == 13 { return nil }
            if b == tilde, t[k + 1] == tilde, !WhitespaceRuns.isSpace(t[k - 1]) { return k + 2 }
            k += 1
        }
        return nil
    }

    /// The bytes that can begin something to mask.
    static let interesting: [Bool] = (0..<256).map {
        [UInt8(ascii: "~"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "#"), UInt8(ascii: ">"), 0xF0, 0xEF, 0xE2].contains(UInt8($0))
    }

    /// Whether only spaces or tabs stand between the line's start and `at`.
    static func startsLine(_ t: UnsafeBufferPointer<UInt8>, _ at: Int) -> Bool {
        var k = at - 1
        while k >= 0, t[k] == 32 || t[k] == 9 { k -= 1 }
        return k < 0 || t[k] == 10 || t[k] == 13
    }

    /// Whether the run of `*` or `_` at `start..<end` is emphasis (or its closing), not text.
    static func isEmphasis(_ t: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let before: UInt8 = start > 0 ? t[start - 1] : 10
        let after: UInt8 = end < t.count ? t[end] : 10
        let spaceBefore = WhitespaceRuns.isSpace(before), spaceAfter = WhitespaceRuns.isSpace(after)
        if spaceBefore && spaceAfter { return false }
        // After white space and before a full stop, comma, semicolon or closing bracket ("your
        // video visit on ***.", "Time: __,") the run is a blank left unfilled: emphasis never
        // opens before such punctuation.
        if spaceBefore && (after == 46 || after == 44 || after == 59 || after == 41) { return false }
        if t[start] == UInt8(ascii: "*") {
            // A lone star between brackets is a ticked radio button ("( ) New (*) Established"):
            // masking it would turn the chosen option into an empty box.
            if end - start == 1, before == UInt8(ascii: "(") || before == UInt8(ascii: "["),
               after == UInt8(ascii: ")") || after == UInt8(ascii: "]") { return false }
            return end - start <= 3 && !(isDigit(before) && isDigit(after))
        }
        guard end - start <= 2 else { return false }
        // An underscore opens or closes emphasis at a word's edge: white space or punctuation
        // on one side, a letter or digit on the other ("_video_", "(_video_).", "_Signed:_ ").
        return spaceBefore || spaceAfter || isWord(before) != isWord(after)
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    @inline(__always) static func isWord(_ b: UInt8) -> Bool { isDigit(b) || ((b | 0x20) >= 97 && (b | 0x20) <= 122) || b >= 0x80 }
}
