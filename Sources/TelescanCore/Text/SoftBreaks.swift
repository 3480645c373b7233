/// Line breaks inside one statement in a note that is not hard-wrapped as a whole (a ragged
/// wrap by a fax or PDF conversion, a narrow template field), read as spaces where the two lines
/// can only be one statement: a number and its unit ("...documentation: 25\nminutes."), a
/// signer's name and credential ("Colette Ambrose,\nPA-C"), and a line that ends on a word no
/// statement ends with (`wrap_end_words`: "she verbally agreed to proceed with the\ntelehealth
/// visit") going on in lower case, or a line that goes on with "of" or "with" (`soft_break_words`
/// holds the exceptions and the continuations, as data). Same length as the note (the break and
/// its carriage return become spaces). `HardWrapRemnants` reads whole wrapped notes by their
/// width; this reads each break by its two sides alone, so it asks for more than a lower-case
/// next line.
public struct SoftBreaks: Sendable {
    let wrapEnds: WordsByLength
    let credentials: WordsByLength
    /// Words that open no statement of their own: a lower-case line starting with one goes on
    /// the line before.
    let continuations: WordsByLength

    /// - Parameters:
    ///   - wrapEnds: `wrap_end_words`, less the `soft_break_words` marked "-" (words that end a
    ///     terse note's line: "video no", "consent given").
    ///   - breakWords: `soft_break_words`: "-WORD" never ends a soft break, "+WORD" starts one.
    public init(wrapEnds: [String], breakWords: [String], credentials: [String]) {
        let statementEnds = Set(breakWords.filter { $0.hasPrefix("-") }.map { String($0.dropFirst()) })
        self.wrapEnds = WordsByLength(wrapEnds.filter { !statementEnds.contains($0) })
        self.continuations = WordsByLength(breakWords.filter { $0.hasPrefix("+") }.map { String($0.dropFirst()) })
        self.credentials = WordsByLength(credentials)
    }

    /// Unit words that a number on the line before belongs to.
    static let units: [[UInt8]] = ["minutes", "minute", "mins", "min", "hours", "hour", "hrs", "hr"].map { Array($0.utf8) }

    /// The masked copy, or nil when no break is soft.
    public func masked(_ text: [UInt8]) -> [UInt8]? {
        guard ByteSearch.contains(text, 10) else { return nil }
        var out: [UInt8]? = nil
        var start = 0
        while let nl = ByteSearch.next(10, in: text, from: start) {
            defer { start = nl + 1 }
            // The line's last word: back over blanks and a carriage return.
            var end = nl
            while end > start, text[end - 1] == 32 || text[end - 1] == 9 || text[end - 1] == 13 { end -= 1 }
            guard end > start else { continue }
            // The next line's first word, after its indentation; a blank line ends the statement.
            var next = nl + 1
            while next < text.count, text[next] == 32 || text[next] == 9 { next += 1 }
            guard next < text.count, text[next] != 10, text[next] != 13 else { continue }
            var nextEnd = next
            while nextEnd < text.count, !Self.isBlank(text[nextEnd]) { nextEnd += 1 }
            var lastStart = end
            while lastStart > start, !Self.isBlank(text[lastStart - 1]) { lastStart -= 1 }
            guard isSoft(text, last: lastStart..<end, next: next..<nextEnd) else { continue }
            if out == nil { out = text }
            for k in end..<next where text[k] == 10 || text[k] == 13 { out![k] = 32 }
        }
        return out
    }

    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }

    /// Whether a break between a line ending with the word `last` and one starting with `next`
    /// is inside a statement.
    func isSoft(_ t: [UInt8], last: Range<Int>, next: Range<Int>) -> Bool {
        let first = t[next.lowerBound]
        // "25\nminutes.": a number (or "30-40") and its unit.
        if Self.isNumber(t, last), Self.startsWithUnit(t, next) { return true }
        // "Colette Ambrose,\nPA-C": a capitalised name, its comma, and a credential alone or
        // before a comma, a date or the line's end.
        if t[last.upperBound - 1] == 44, last.count >= 3, ASCIIByte.isUpper(t[last.lowerBound]) {
            var credEnd = next.upperBound
            if credEnd > next.lowerBound, t[credEnd - 1] == 44 { credEnd -= 1 }
            // Then a comma, a date or time, or the line's end: "PA-C student" is no signature.
            var after = next.upperBound
            while after < t.count, t[after] == 32 || t[after] == 9 { after += 1 }
            let ends = credEnd < next.upperBound || after == t.count || t[after] == 10 || t[after] == 13 || ASCIIByte.isDigit(t[after])
            if ends, credentials.contains(t, next.lowerBound..<credEnd) { return true }
        }
        // "...doing the\n6-week follow-up as a video visit": a word no statement ends with, then
        // a number joined to a word (not "1.", "10:30", "3/12" or "2 wks").
        if ASCIIByte.isDigit(first) { return wrapEnds.contains(t, last) && Self.opensPhrase(t, next) }
        // "...proceed with the\ntelehealth visit": a word no statement ends with, in lower case,
        // then the statement going on in lower case.
        guard first >= 97, first <= 122 else { return false }
        if wrapEnds.contains(t, last) { return true }
        // "...time, including review\n of outside records": a line that goes on with a word of
        // `soft_break_words` marked "+" ("of", "with"; not "and": see the list) after a word.
        let end = t[last.upperBound - 1]
        return (ASCIIByte.isLetter(end) || ASCIIByte.isDigit(end)) && continuations.contains(t, next)
    }

    /// Whether the word at `r` is a number joined to a lower-case word ("6-week"). Not a number
    /// and a word ("the\n2 wks"): in terse notes a line opening so is a statement of its own
    /// (three sets worse in s65).
    static func opensPhrase(_ t: [UInt8], _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound, ASCIIByte.isDigit(t[i]) { i += 1 }
        guard i > r.lowerBound, i - r.lowerBound <= 3, i + 1 < r.upperBound, t[i] == 45 else { return false }
        return t[(i + 1)..<r.upperBound].allSatisfy { $0 >= 97 && $0 <= 122 }
    }

    /// Whether the word at `r` is a number or a range of numbers ("25", "30-40"), after a
    /// "~" or an opening bracket: not a score or a date ("5/10", "3/12").
    static func isNumber(_ t: [UInt8], _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound, t[i] == UInt8(ascii: "~") || t[i] == UInt8(ascii: "(") { i += 1 }
        guard i < r.upperBound, ASCIIByte.isDigit(t[i]), ASCIIByte.isDigit(t[r.upperBound - 1]) else { return false }
        return t[i..<r.upperBound].allSatisfy { ASCIIByte.isDigit($0) || $0 == UInt8(ascii: "-") }
    }

    /// Whether the word at `r` is a time unit ("minutes", "min.", "hrs,"), nothing but
    /// punctuation after it.
    static func startsWithUnit(_ t: [UInt8], _ r: Range<Int>) -> Bool {
        var e = r.upperBound
        while e > r.lowerBound, !ASCIIByte.isLetter(t[e - 1]) { e -= 1 }
        guard e > r.lowerBound, e == r.upperBound || !ASCIIByte.isLetter(t[e]) else { return false }
        let word = t[r.lowerBound..<e]
        return units.contains { $0.count == word.count && zip($0, word).allSatisfy { $0 == $1 | 0x20 } }
    }
}

/// A word list looked up by a range of the note's bytes without copying them (this runs at
/// line breaks of every note): the words bucketed by their length in bytes, compared as written.
struct WordsByLength: Sendable {
    let buckets: [[[UInt8]]]

    init(_ words: [String]) {
        let bytes = words.map { Array($0.utf8) }
        var buckets = [[[UInt8]]](repeating: [], count: (bytes.map(\.count).max() ?? 0) + 1)
        for w in bytes where !buckets[w.count].contains(w) { buckets[w.count].append(w) }
        self.buckets = buckets
    }

    func contains(_ t: [UInt8], _ r: Range<Int>) -> Bool {
        r.count < buckets.count && buckets[r.count].contains { $0.elementsEqual(t[r]) }
    }
}
