/// Whether a calendar date stands right beside a span, in its own sentence: "I saw her by video
/// on 09/03", "her counseling ... at a video visit on 2/24/2026", "completed by telephone
/// 02/04/2026", "On 3/12 seen by video". In a note that states a face-to-face setting, such a
/// technology is another day's contact, not this visit's (ServiceClassifier).
public enum DatedMention {
    /// Bytes looked at after the span's end and before its start.
    static let after = 24, before = 16

    /// Not on the note's first line that holds text: a title's date ("phone visit 5/16/24",
    /// "Telehealth intake (video) - 06/15/2026") is the note's own.
    public static func isDated(_ span: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = text.count
        guard span.lowerBound >= 0, span.upperBound <= n, !onTitleLine(span.lowerBound, text) else { return false }
        // The note's own date (its first in the opening lines): a mention of that day is this
        // visit ("Your video visit on March 3" in a summary dated March 3).
        let own = noteDate(text)
        func another(_ at: Int) -> Bool {
            guard startsDate(text, at) else { return false }
            guard let own, let d = dayOf(text, at) else { return true }
            return d != own
        }
        var i = span.upperBound
        let end = min(n, span.upperBound + after)
        while i < end, !endsSentence(text, i) {
            if another(i) { return true }
            i += 1
        }
        var j = span.lowerBound - 1
        let start = max(0, span.lowerBound - before)
        while j >= start, !endsSentence(text, j) {
            if another(j) { return true }
            j -= 1
        }
        return false
    }

    /// The first date within the note's first four lines (and 400 bytes), as month and day: the
    /// note's own, even where it is the mention's ("Date of video visit: 03/03/2026").
    static func noteDate(_ t: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        var lines = 0, i = 0
        let end = min(t.count, 400)
        while i < end, lines < 4 {
            if t[i] == 10 { lines += 1 } else if startsDate(t, i), let d = dayOf(t, i) { return d }
            i += 1
        }
        return nil
    }

    /// The month and day of the date starting at `at` (numeric dates read month first, or day
    /// first when the first number cannot be a month), nil when it cannot be read.
    static func dayOf(_ t: UnsafeBufferPointer<UInt8>, _ at: Int) -> (Int, Int)? {
        var k = at
        if isDigit(t[at]) {
            while k < t.count, k - at < 2, isDigit(t[k]) { k += 1 }
            let a = number(t, at..<k)
            if k + 1 < t.count, t[k] == 32, monthAt(t, k + 1) { return monthIndex(t, k + 1).map { ($0, a) } }
            var m = k + 1
            while m < t.count, m - k - 1 < 2, isDigit(t[m]) { m += 1 }
            let b = number(t, (k + 1)..<m)
            return a <= 12 ? (a, b) : (b, a)
        }
        guard let month = monthIndex(t, at) else { return nil }
        while k < t.count, !isDigit(t[k]), k - at < 12 { k += 1 }
        var e = k
        while e < t.count, e - k < 2, isDigit(t[e]) { e += 1 }
        return e > k ? (month, number(t, k..<e)) : nil
    }

    /// The month (1-12) whose name starts at `i`.
    static func monthIndex(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        guard i + 3 <= t.count else { return nil }
        let f = (t[i] | 0x20, t[i + 1] | 0x20, t[i + 2] | 0x20)
        return months.firstIndex(where: { $0[0] == f.0 && $0[1] == f.1 && $0[2] == f.2 }).map { $0 + 1 }
    }

    /// Whether only blanks, or the first line with text, come before `pos`. A title is short: past
    /// the first 400 bytes nothing is on it (a note flattened to one line has none), so a call
    /// costs at most that, however long the note.
    static func onTitleLine(_ pos: Int, _ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < pos, i < titleLimit, t[i] == 32 || t[i] == 9 || t[i] == 10 || t[i] == 13 { i += 1 }
        while i < pos { if t[i] == 10 || i >= titleLimit { return false }; i += 1 }
        return true
    }

    static let titleLimit = 400

    /// Whether `pos` lies on the note's first line with text and that line is a heading: it ends
    /// within `headingLimit` bytes of the note's start (a first paragraph is no title).
    static func onHeadingLine(_ pos: Int, _ t: UnsafeBufferPointer<UInt8>) -> Bool {
        guard pos < headingLimit, onTitleLine(pos, t) else { return false }
        var i = pos
        while i < t.count, i < headingLimit, t[i] != 10 { i += 1 }
        return i < t.count && t[i] == 10
    }

    static let headingLimit = 120

    /// A line break, or a full stop, semicolon, question or exclamation mark before a blank.
    static func endsSentence(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = t[i]
        if b == 10 || b == 13 { return true }
        guard b == UInt8(ascii: ".") || b == UInt8(ascii: ";") || b == UInt8(ascii: "?") || b == UInt8(ascii: "!") else { return false }
        return i + 1 >= t.count || t[i + 1] == 32 || t[i + 1] == 10
    }

    /// A numeric month/day ("9/3", "09/03/2026", "2-24-26") or a month name and a day ("March 3",
    /// "Mar 3rd", "3 March") starting at `i`, at a word's start.
    static func startsDate(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        if i > 0, isAlnum(t[i - 1]) { return false }
        if isDigit(t[i]) {
            var k = i
            while k < t.count, k - i < 2, isDigit(t[k]) { k += 1 }
            // "3 March"
            if k + 1 < t.count, t[k] == 32, monthAt(t, k + 1) { return true }
            guard k + 1 < t.count, t[k] == UInt8(ascii: "/") || t[k] == UInt8(ascii: "-"), isDigit(t[k + 1]) else { return false }
            var m = k + 1
            while m < t.count, m - k - 1 < 2, isDigit(t[m]) { m += 1 }
            // Not a fraction or score of more digits ("3/120", a blood pressure), and a month and
            // a day in either order ("2/24", "24/2"), not a score such as "14/27".
            guard m >= t.count || !isDigit(t[m]) else { return false }
            let a = number(t, i..<k), b = number(t, (k + 1)..<m)
            return a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12)
        }
        guard monthAt(t, i) else { return false }
        var k = i
        while k < t.count, isLetter(t[k]) { k += 1 }
        if k < t.count, t[k] == UInt8(ascii: ".") { k += 1 }
        guard k + 1 < t.count, t[k] == 32, isDigit(t[k + 1]) else { return false }
        return true
    }

    static func number(_ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int {
        r.reduce(0) { $0 * 10 + Int(t[$1] - 48) }
    }

    static let months: [[UInt8]] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map { Array($0.utf8) }

    /// A month's name or its three-letter abbreviation at `i` ("Mar", "March", "Sept").
    static func monthAt(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard let m = monthIndex(t, i) else { return false }
        var k = i + 3
        while k < t.count, isLetter(t[k]) { k += 1 }
        let word = k - i
        // "may" alone is a verb ("may switch to video"): only "May" with a day after it, which
        // the caller checks; the full names are at most nine letters.
        if m == 5 && t[i] != UInt8(ascii: "M") { return false }
        return word == 3 || word <= 9 && fullName(t, i, word)
    }

    static let fullNames: [[UInt8]] = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "sept", "october", "november", "december"].map { Array($0.utf8) }

    /// Whether the `len` letters at `i` spell a month's full name (any case).
    static func fullName(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, _ len: Int) -> Bool {
        fullNames.contains { name in name.count == len && (0..<len).allSatisfy { t[i + $0] | 0x20 == name[$0] } }
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { ASCIIByte.isDigit(b) }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { ASCIIByte.isLetter(b) }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
}
