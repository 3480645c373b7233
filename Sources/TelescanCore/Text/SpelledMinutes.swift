/// Minutes written in words ("eighteen minutes", "thirty two minutes", "a forty-five-minute
/// call"), as dictated and transcribed notes write them, read as digits ("18 minutes",
/// "32 minutes", "a 45-minute call"): the time rules then read them wherever they read a
/// number of minutes, not only the few that spell out number words. The offset map takes each
/// match back to the words.
///
/// Two to ninety-nine only, as one word or a tens word and a unit joined by a blank or a
/// hyphen, right before "minute(s)" or "min(s)" (a blank or a hyphen between): "one minute"
/// and "a minute" stay as written ("one" is often not a count), and so do minutes added to
/// hours ("an hour and five minutes"), which the rules read in words as one phrase. Days are
/// left in words: rules read "over those two days" or "seven days" as written, and rewriting
/// them lost an e-visit's time in the corpus.
public enum SpelledMinutes {
    /// NumberParser's number words as bytes: "two" to "nineteen" and the tens stand alone; "one" to
    /// "nine" also follow a tens word.
    static let units = bytes(NumberParser.cardinals.filter { $0.value >= 2 })
    static let tens = bytes(NumberParser.tenWords)
    static let unitWords = bytes(NumberParser.cardinals.filter { $0.value <= 9 })

    static func bytes(_ words: [String: Int]) -> [[UInt8]: Int] {
        words.reduce(into: [:]) { $0[Array($1.key.utf8)] = $1.value }
    }

    /// The rewritten copy and its map, or nil when the note spells out no minutes.
    public static func rewritten(_ text: [UInt8]) -> (text: [UInt8], map: OffsetMap)? {
        var replaced: [(Range<Int>, Int)] = []
        let n = text.count
        var i = 1
        while i + 3 <= n {
            defer { i += 1 }
            // "min" after a blank or a hyphen, then "ute", "utes", "s" or nothing, then no letter.
            guard text[i - 1] == 32 || text[i - 1] == UInt8(ascii: "-"), matches(text, i, "min") else { continue }
            var e = i + 3
            if matches(text, e, "ute") { e += 3 }
            if e < n, text[e] | 0x20 == UInt8(ascii: "s") { e += 1 }
            guard e == n || !ASCIIByte.isLetter(text[e]) else { continue }
            if let (range, value) = number(endingAt: i - 1, in: text), !afterHours(range.lowerBound, in: text),
               replaced.last.map({ $0.0.upperBound <= range.lowerBound }) ?? true {
                replaced.append((range, value))
            }
        }
        guard !replaced.isEmpty else { return nil }
        var copy = OffsetMap.Builder(text)
        for (range, value) in replaced { copy.replace(range, with: Array(String(value).utf8)) }
        return copy.finish()
    }

    /// The number in words that ends at `end` (exclusive), and its value.
    static func number(endingAt end: Int, in text: [UInt8]) -> (Range<Int>, Int)? {
        guard let last = word(endingAt: end, in: text) else { return nil }
        let lastWord = text[last].map { $0 | 0x20 }
        // "thirty two", "thirty-two": a tens word, one blank or hyphen, a unit word.
        if let unit = unitWords[lastWord], last.lowerBound >= 2,
           text[last.lowerBound - 1] == 32 || text[last.lowerBound - 1] == UInt8(ascii: "-"),
           let first = word(endingAt: last.lowerBound - 1, in: text), let ten = tens[text[first].map { $0 | 0x20 }],
           startsAWord(first.lowerBound, in: text) {
            return (first.lowerBound..<last.upperBound, ten + unit)
        }
        guard startsAWord(last.lowerBound, in: text) else { return nil }
        if let value = units[lastWord] ?? tens[lastWord] { return (last, value) }
        return nil
    }

    /// Whether the words before `start` are hours the minutes add to ("an hour and five
    /// minutes", "two hours ten minutes"): the rules read that phrase in words as a whole.
    static func afterHours(_ start: Int, in text: [UInt8]) -> Bool {
        var e = start
        while e > 0, text[e - 1] == 32 { e -= 1 }
        if let and = word(endingAt: e, in: text), text[and].map({ $0 | 0x20 }) == Array("and".utf8) {
            e = and.lowerBound
            while e > 0, text[e - 1] == 32 { e -= 1 }
        }
        guard let unit = word(endingAt: e, in: text) else { return false }
        return ["hour", "hours", "hr", "hrs"].contains { text[unit].map { $0 | 0x20 } == Array($0.utf8) }
    }

    /// Whether `word` (lower case) is written at `at`, in any case.
    static func matches(_ text: [UInt8], _ at: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard at + count <= text.count else { return false }
        let w = word.utf8Start
        for k in 0..<count where text[at + k] | 0x20 != w[k] { return false }
        return true
    }

    /// The letters that end at `end` (exclusive), if any.
    static func word(endingAt end: Int, in text: [UInt8]) -> Range<Int>? {
        var s = end
        while s > 0, ASCIIByte.isLetter(text[s - 1]) { s -= 1 }
        return s < end ? s..<end : nil
    }

    /// Whether a word at `start` begins after no letter, digit or hyphen ("twenty" of
    /// "one-twenty" or "x2twenty" is no count).
    static func startsAWord(_ start: Int, in text: [UInt8]) -> Bool {
        guard start > 0 else { return true }
        let b = text[start - 1]
        return !ASCIIByte.isLetter(b) && !(b >= 48 && b <= 57) && b != UInt8(ascii: "-") && b < 0x80
    }
}
