/// A note hard-wrapped by an export or a fixed-width report (every line broken before a width of
/// 40 to 140 characters, wherever a word would not fit), read with its soft line breaks as
/// spaces: "CONSENT: given for\ntelehealth by father" is one statement, and the rules' gaps
/// ("[^\n]{0,40}", "[^\S\n]+") do not cross a line. Same length as the note (a break and its
/// carriage return become spaces), so offsets and quotes stay.
///
/// A break is soft when the note is wrapped prose (its longest line is 40 to 140 characters, at
/// least three lines and a quarter of those that hold text are within ten characters of it, and
/// it has punctuation inside its lines at least every other line), its line is long (within
/// `slack` of the width), the next line's first word would not have fitted on it (a greedy
/// wrapper would have put it there otherwise), and the next line reads as the sentence going on
/// (see `goesOn`). A next line that starts a list item or a label ("- ", "2.", "Plan:") keeps its
/// break, and so does a blank line, a form's or a table's row, and every line of a note of one
/// statement per line without punctuation ("no fever no breathlessness\nhe is at home").
public enum HardWrapRemnants {
    static let minWidth = 40
    static let maxWidth = 140
    static let slack = 25

    /// The masked copy, or nil when the note is not hard-wrapped.
    /// - Parameter ascii: whether the note is all ASCII (its widths are then its bytes).
    public static func masked(_ text: [UInt8], ascii: Bool) -> [UInt8]? {
        guard ByteSearch.contains(text, 10) else { return nil }
        let lines = self.lines(text, ascii: ascii)
        guard lines.count >= 3 else { return nil }
        let width = lines.map(\.width).max() ?? 0
        // Wrapped prose: many lines are long, and sentences go on inside lines.
        let long = lines.filter { $0.width >= width - 10 }.count
        let written = lines.filter { $0.width > 0 }.count
        guard width >= minWidth, width <= maxWidth, long >= 3,
              (4 * long >= written && punctuatedInside(text) * 2 >= written)
                || longLinesArePunctuated(text, lines, width: width, written: written) else { return nil }
        // In capitals, a wrapped sentence goes on in capitals too.
        let capitals = !text.contains(where: { $0 >= 97 && $0 <= 122 })
        var out = text
        var changed = false
        for (line, next) in zip(lines, lines.dropFirst()) where line.width >= width - slack && next.width > 0 {
            let word = firstWord(text, next)
            guard line.width + 1 + word.width > width, !startsItem(text, next, word: word),
                  goesOn(text, line, word.start, capitals: capitals),
                  !isTabular(text, line), !isTabular(text, next) else { continue }
            for k in line.end..<next.start where out[k] == 10 || out[k] == 13 { out[k] = 32 }
            changed = true
        }
        return changed ? out : nil
    }

    struct Line {
        /// The line's text, without its break: `start ..< end`.
        var start: Int
        var end: Int
        /// Characters (Unicode scalars) to its last one that is not a space.
        var width: Int
    }

    /// The note's lines, found with `memchr`; a line's width is its bytes in an ASCII note, and
    /// its characters otherwise (this runs on every note).
    static func lines(_ t: [UInt8], ascii: Bool) -> [Line] {
        var out: [Line] = []
        var start = 0
        while start <= t.count {
            let k = ByteSearch.next(10, in: t, from: start) ?? t.count
            var end = k
            if end > start, t[end - 1] == 13 { end -= 1 }
            var ink = end
            while ink > start, t[ink - 1] == 32 || t[ink - 1] == 9 || t[ink - 1] == 13 { ink -= 1 }
            var width = ink - start
            if !ascii { for i in start..<ink where t[i] & 0xC0 == 0x80 { width -= 1 } }
            out.append(Line(start: start, end: end, width: width))
            start = k + 1
        }
        return out
    }

    /// The next line's first word (after its indentation): where it starts and ends, and its
    /// width counted with the indentation.
    static func firstWord(_ t: [UInt8], _ line: Line) -> (start: Int, end: Int, width: Int) {
        var i = line.start
        var width = 0
        while i < line.end, t[i] == 32 || t[i] == 9 { i += 1; width += 1 }
        let start = i
        while i < line.end, t[i] != 32, t[i] != 9 {
            if t[i] & 0xC0 != 0x80 { width += 1 }
            i += 1
        }
        return (start, i, width)
    }

    /// Commas, full stops, semicolons and colons followed by a space inside a line: prose has
    /// many, a note of one statement per line ("no fever no breathlessness") none, and joining
    /// its lines would run one statement's "not" into the next.
    static func punctuatedInside(_ t: [UInt8]) -> Int {
        var count = 0
        for i in 0..<max(0, t.count - 2) where isInnerPunctuation(t, i) { count += 1 }
        return count
    }

    /// A comma, full stop, semicolon or colon at `i` (`i + 2` inside `t`) followed by one space
    /// and more text on its line: punctuation inside a sentence that goes on.
    @inline(__always) static func isInnerPunctuation(_ t: [UInt8], _ i: Int) -> Bool {
        let b = t[i]
        guard b == UInt8(ascii: ",") || b == UInt8(ascii: ".") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":") else { return false }
        return t[i + 1] == 32 && t[i + 2] != 32 && t[i + 2] != 10 && t[i + 2] != 13
    }

    /// Whether the lines long enough to have been wrapped (within `slack` of the width) are a
    /// quarter of the written ones and two thirds of them hold punctuation inside: wrapped prose
    /// with short list or signature lines below it ("- Recheck 3 months.", "Total time 28
    /// minutes.") has too few lines within ten characters of the width, and too few punctuated
    /// lines in all, for the first test, though every long line is prose; a note of one
    /// statement per line has no punctuation in its long lines.
    static func longLinesArePunctuated(_ t: [UInt8], _ lines: [Line], width: Int, written: Int) -> Bool {
        var long = 0, punctuated = 0
        for line in lines where line.width >= width - slack {
            long += 1
            var i = line.start
            while i + 2 < line.end {
                if isInnerPunctuation(t, i) { punctuated += 1; break }
                i += 1
            }
        }
        return long >= 3 && 4 * long >= written && punctuated * 3 >= long * 2
    }

    /// Whether the text after the break reads as the same sentence going on: it starts in lower
    /// case, with a digit or a bracket (in a note in capitals: with a capital too, unless the
    /// line ended a sentence). A capital after a break starts a new line's statement as often
    /// as it goes on with a name ("... call if worse\nSigne Marchetti-Abara PA-C").
    static func goesOn(_ t: [UInt8], _ line: Line, _ next: Int, capitals: Bool) -> Bool {
        let c = t[next]
        if (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == UInt8(ascii: "(") { return true }
        guard capitals, c >= 65, c <= 90 else { return false }
        var e = line.end
        while e > line.start, t[e - 1] == 32 || t[e - 1] == 9 { e -= 1 }
        guard e > line.start else { return false }
        let last = t[e - 1]
        return last != UInt8(ascii: ".") && last != UInt8(ascii: ":") && last != UInt8(ascii: "?") && last != UInt8(ascii: "!")
    }

    /// Whether the line is a form's or a table's row rather than prose: dot leaders ("TIME
    /// ......"), or a gap of two or more blanks inside it that is not after a sentence's end.
    static func isTabular(_ t: [UInt8], _ line: Line) -> Bool {
        var i = line.start
        while i < line.end, t[i] == 32 || t[i] == 9 { i += 1 }
        var dots = 0
        while i + 1 < line.end {
            let b = t[i]
            dots = b == UInt8(ascii: ".") ? dots + 1 : 0
            if dots >= 3 { return true }
            if (t[i + 1] == 32 || t[i + 1] == 9), b != 32, b != 9, b != UInt8(ascii: "."), b != UInt8(ascii: "?"),
               b != UInt8(ascii: "!"), b != UInt8(ascii: ":"), i + 2 < line.end, t[i + 2] == 32 || t[i + 2] == 9 {
                // Two blanks after a word; a gap at the line's end is no column.
                var j = i + 2
                while j < line.end, t[j] == 32 || t[j] == 9 { j += 1 }
                if j < line.end { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether the line starts a dated or timed entry of a log: a date or time of digits and
    /// separators, then a colon ("02/25: client follow-up questions") or a dash after it ("14:05 -
    /// called back"), or a clock range ("13:40-13:52 second call"). A date or time that goes on a wrapped sentence ("seen on\n02/25 for ...",
    /// "from\n10:02 to 10:30") keeps reading as one.
    static func startsLogEntry(_ t: [UInt8], _ line: Line, word: (start: Int, end: Int, width: Int)) -> Bool {
        let w = t[word.start..<word.end]
        guard w.count >= 3, let first = w.first, first >= 48, first <= 57 else { return false }
        func stamp(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || b == UInt8(ascii: "/") || b == UInt8(ascii: ":") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") }
        guard w.allSatisfy(stamp), w.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ":") }) else { return false }
        if w.last == UInt8(ascii: ":") { return true }
        // A clock range as the line's first word ("13:40-13:52 second call ...").
        if w.filter({ $0 == UInt8(ascii: ":") }).count == 2, w.contains(UInt8(ascii: "-")) { return true }
        var i = word.end
        while i < line.end, t[i] == 32 || t[i] == 9 { i += 1 }
        return i < line.end && (t[i] == UInt8(ascii: "-") || t[i] == UInt8(ascii: ":"))
    }

    /// Whether the line starts a list item ("-", "*", "•", "1.", "a)") or a label (a capital,
    /// up to three words and a colon: "Plan:", "Patient location:").
    static func startsItem(_ t: [UInt8], _ line: Line, word: (start: Int, end: Int, width: Int)) -> Bool {
        let w = t[word.start..<word.end]
        guard let first = w.first else { return false }
        // A list marker alone, or a bullet character glued to its item ("•Plan").
        let marker = ListMarkerRemnants.markerLength(t, at: word.start)
        if marker > 0, marker == w.count || marker == 3 { return true }
        if let last = w.last, last == UInt8(ascii: ".") || last == UInt8(ascii: ")"), w.count <= 3,
           w.dropLast().allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) }) { return true }
        if startsLogEntry(t, line, word: word) { return true }
        // A label: a capital, then a colon ends one of the first three words, within 32 bytes
        // (a wrapped sentence goes on in lower case: "established pt SETTING: home").
        guard first >= 65, first <= 90 else { return false }
        var words = 0
        var i = word.start
        while i < line.end, i - word.start <= 32, words < 3 {
            if t[i] == UInt8(ascii: ":") { return i + 1 == line.end || t[i + 1] == 32 || t[i + 1] == 9 }
            if t[i] == 32 || t[i] == 9 { words += 1 }
            i += 1
        }
        return false
    }
}
