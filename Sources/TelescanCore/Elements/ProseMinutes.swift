/// The clinician's time told in a sentence as parts with no total: "Answering her messages this
/// week took me 5 minutes on the 3rd and 7 minutes on the 6th" (12), "I spent 10 minutes going
/// through her download on Monday and 4 minutes writing back on Thursday" (14), "took me about 8
/// minutes on Tuesday and 4 more on Thursday" (12); and a sentence that adds "N more" to the one
/// before it ("We spent roughly 15 minutes together on video. Afterward I put in about 5 more
/// comparing ...": 20). The parts add up to the day's total (decisions.md); `NoteScanner` reads
/// them only where the time found is none or one of the parts, and the sum is more.
///
/// A sentence counts when it says the clinician spent the time ("took me", "I spent", "I put in",
/// "my time") and names no total, no staff member (outside a monitoring month), no exercise or
/// symptom, and no part of another amount, rate or range ("of which", "each", "10-15 minutes").
/// Sentences end at a full stop, "?" or "!" before a blank, or at a blank line; a line break
/// inside a paragraph does not end one (wrapped prose).
enum ProseMinutes {
    /// The longest sentence read.
    static let maxSentence = 400
    /// Words that say the speaker spent the time, with a first-person word beside them.
    static let spendWords: Set<String> = ["spent", "took", "put", "devoted", "worked", "time"]
    static let firstPerson: Set<String> = ["i", "me", "my", "myself"]
    /// Words that make the sentence no list of parts of the clinician's time.
    static let stopWords: Set<String> = [
        "total", "totals", "totaled", "totalled", "altogether", "overall", "cumulative", "sum", "combined",
        "which", "including", "includes", "each", "per", "every", "ago", "next", "will", "would", "prior", "previous",
        "last", "hold", "waiting", "majority", "half", "plus", "not", "excluding", "excluded", "rest", "remaining",
        "walk", "walked", "walking", "exercise", "stretching", "yoga", "bike", "pain", "headache", "seizure", "nap",
        "sleep", "slept", "dose", "infusion", "ice", "icing",
        // A part restated inside the whole ("25 minutes, with 18 minutes face to face", "out of 30").
        "face", "face-to-face", "f2f", "itself", "them", "during", "within", "out", "whom",
    ]
    /// Verbs of the sentence an "N more" adds to ("We spent 15 minutes on video").
    static let timeVerbs: Set<String> = ["spent", "took", "talked", "spoke", "lasted"]
    /// Words after a number that make it an amount of minutes.
    static let minuteUnits: Set<String> = ["min", "mins", "minute", "minutes"]

    /// The largest sum a sentence (or a sentence and the one it adds to) gives, or nil.
    static func sum(in t: UnsafeBufferPointer<UInt8>, countingStaff: Bool) -> TimeLog.Sum? {
        var best: TimeLog.Sum?
        var previous: (range: Range<Int>, amounts: [Amount], words: [String])?
        for s in sentences(t) {
            let words = PatientHeader.tokens(t[s])
            let amounts = amountsIn(words)
            defer { previous = (s, amounts, words) }
            guard !amounts.isEmpty, isClean(words, countingStaff: countingStaff) else { continue }
            let spends = words.contains { spendWords.contains($0) } && words.contains { firstPerson.contains($0) }
            // A total then its parts ("30 minutes: 20 on video, 5 reviewing, 5 charting"), or parts
            // then their total ("2 min initial + 2 min callback = 4 min", "20
            // minutes, and another 10 ..., so 30 minutes on her care today"), is no list: the total
            // is the time.
            let rest = amounts.dropFirst().reduce(0) { $0 + $1.minutes }
            let last = amounts.last?.minutes ?? 0
            let totalLast = amounts.count >= 3 && last == amounts.dropLast().reduce(0) { $0 + $1.minutes }
            if spends, amounts.count >= 2, amounts.first?.isBare == false, !(amounts.count >= 3 && amounts[0].minutes == rest), !totalLast {
                let m = amounts[0].minutes + rest
                if m > (best?.minutes ?? 0) { best = TimeLog.Sum(minutes: m, rows: [s]) }
            } else if spends, amounts.count == 1, amounts[0].isMore, let p = previous, p.range.upperBound <= s.lowerBound,
                      p.amounts.count == 1, !p.amounts[0].isBare, isClean(p.words, countingStaff: countingStaff),
                      p.words.contains(where: { timeVerbs.contains($0) }),
                      isSameParagraph(t, p.range.upperBound, s) {
                let m = p.amounts[0].minutes + amounts[0].minutes
                if m > (best?.minutes ?? 0) { best = TimeLog.Sum(minutes: m, rows: [p.range, s]) }
            }
        }
        return best
    }

    struct Amount {
        let minutes: Int
        /// "4 more" without a unit.
        let isBare: Bool
        /// "5 more", "another 5 minutes".
        let isMore: Bool
    }

    /// "5 minutes", "5 min", "5 more (minutes)", "another 5 (minutes)"; nil for a range ("10-15
    /// minutes", "10 to 15 minutes"): the sentence is then read as having none.
    static func amountsIn(_ w: [String]) -> [Amount] {
        var out: [Amount] = []
        for (i, word) in w.enumerated() {
            guard let n = Int(word), n > 0, n < 300, word.count <= 3 else { continue }
            let next = i + 1 < w.count ? w[i + 1] : ""
            let before = i > 0 ? w[i - 1] : ""
            if before == "to" || before == "-" || before == "or", i >= 2, Int(w[i - 2]) != nil { return [] }
            if minuteUnits.contains(next) {
                out.append(Amount(minutes: n, isBare: false, isMore: before == "another"))
            } else if next == "more" {
                let unit = i + 2 < w.count && minuteUnits.contains(w[i + 2])
                out.append(Amount(minutes: n, isBare: !unit, isMore: true))
            } else if before == "another" {
                // "spent another 10 going over the images".
                out.append(Amount(minutes: n, isBare: true, isMore: true))
            }
        }
        return out
    }

    static func isClean(_ w: [String], countingStaff: Bool) -> Bool {
        !w.contains { stopWords.contains($0) || (!countingStaff && TimeLog.staffWords.contains($0)) }
    }

    /// Whether the sentence `s` follows the one ending at `a` with no blank line between (the
    /// blanks before `s`'s first word are its own).
    static func isSameParagraph(_ t: UnsafeBufferPointer<UInt8>, _ a: Int, _ s: Range<Int>) -> Bool {
        var newlines = 0
        var i = a
        while i < s.upperBound {
            if t[i] == 10 { newlines += 1 } else if !(t[i] == 32 || t[i] == 9 || t[i] == 13) { return i >= s.lowerBound && newlines <= 1 }
            i += 1
        }
        return false
    }

    /// The note's sentences that hold "min" or "more": a full stop, "?" or "!" before a blank or
    /// the end, or a blank line, ends one.
    static func sentences(_ t: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        let n = t.count
        var i = 0
        func close(_ end: Int) {
            if end > start, end - start <= maxSentence, mentionsMinutes(t, start..<end) { out.append(start..<end) }
            start = end
        }
        while i < n {
            let b = t[i]
            if (b == 46 || b == 63 || b == 33), i + 1 >= n || t[i + 1] == 32 || t[i + 1] == 10 || t[i + 1] == 13 {
                close(i + 1)
            } else if b == 10 {
                var j = i + 1
                while j < n, t[j] == 32 || t[j] == 9 || t[j] == 13 { j += 1 }
                if j >= n || t[j] == 10 { close(i) }
            }
            i += 1
        }
        close(n)
        return out
    }

    /// "min" or "more" in any case.
    static func mentionsMinutes(_ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i + 3 <= r.upperBound {
            if t[i] | 0x20 == 0x6D, t[i + 1] | 0x20 == 0x69 || t[i + 1] | 0x20 == 0x6F, t[i + 2] | 0x20 == 0x6E || t[i + 2] | 0x20 == 0x72 { return true }
            i += 1
        }
        return false
    }
}
