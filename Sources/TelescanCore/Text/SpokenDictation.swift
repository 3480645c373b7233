/// A speech-recognition dictation pasted unedited: punctuation said as words ("seen over video
/// period the patient", "plan colon", "new paragraph") and letters spelled one by one ("ingrid
/// solberg m d", "m d m moderate", "wen li castellanos p a dash c"). Read with the marks as
/// marks and the letters joined, a credential after a comma ("ingrid solberg, md") as
/// `LowerCaseNames` and the signature rules expect it (not after a said "comma": one comma).
/// Shortens the note (its map takes ranges back),
/// and only in a note that says at least three marks, so a typed note's
/// "menstrual period" or "sigmoid colon" stays; even in a dictation, "period" and "colon" stay
/// where a word around them makes them nouns ("the monitoring period", "colon cancer").
public struct SpokenDictation: Sendable {
    /// Credentials in lower case (ASCII), as bytes: spelled ones are joined after a comma.
    let credentials: Set<[UInt8]>

    /// Spelled letters joined where the joined word is one the rules read (besides credentials).
    static let acronyms: Set<[UInt8]> = Set(["mdm", "pm", "am", "mri", "ct", "ekg", "ecg", "pcp", "er", "ed", "icu", "rpm", "rtm", "bp", "hipaa"].map { Array($0.utf8) })
    /// Marks said as one word, and what they are.
    static let marks: [[UInt8]: UInt8] = [
        Array("period".utf8): 46, Array("comma".utf8): 44, Array("colon".utf8): 58, Array("semicolon".utf8): 59,
    ]
    /// Words before "period" that make it a noun ("the monitoring period", "time period").
    static let nounBeforePeriod: Set<[UInt8]> = Set([
        "the", "a", "this", "that", "each", "every", "same", "per", "any", "one", "first", "last", "next", "whole",
        "monitoring", "reporting", "billing", "measurement", "trial", "waiting", "grace", "menstrual", "postpartum",
        "time", "calendar", "observation", "washout", "day", "week", "month", "year", "recovery", "incubation",
        "refractory", "neonatal", "perinatal", "data", "evaluation", "treatment", "study", "review", "service",
        "entire", "his", "her", "their", "lmp",
    ].map { Array($0.utf8) })
    /// Words before "colon" that make it a noun ("sigmoid colon"): not the labels of a period
    /// ("time colon twenty minutes" is "time: twenty minutes").
    static let nounBeforeColon: Set<[UInt8]> = Set([
        "the", "a", "this", "that", "whole", "entire", "sigmoid", "descending", "ascending", "transverse",
        "right", "left", "distal", "proximal", "his", "her", "their", "spastic", "irritable",
    ].map { Array($0.utf8) })
    /// Words after "period" or "colon" that make it a noun.
    static let nounAfter: Set<[UInt8]> = Set([
        "of", "was", "is", "cancer", "polyp", "polyps", "mass", "wall", "resection", "lesion", "lesions",
        "biopsy", "prep", "cleanse", "surgery", "ended", "began", "starts", "started", "ends",
    ].map { Array($0.utf8) })
    /// Units that make "period" a noun after a number ("a 30 day period"), but not after
    /// `periodDeterminers` ("this month period last month he ...": a said mark).
    static let periodUnits: Set<[UInt8]> = Set(["day", "week", "month", "year"].map { Array($0.utf8) })
    static let periodDeterminers: Set<[UInt8]> = Set(["this", "last", "next", "that"].map { Array($0.utf8) })
    /// A note reads as dictated from this many said marks.
    static let minimumMarks = 3

    public init(credentials: [String]) {
        var set: Set<[UInt8]> = []
        for c in credentials where c.allSatisfy({ $0.isASCII }) { set.insert(Array(c.lowercased().utf8)) }
        self.credentials = set
    }

    /// The rewritten copy and its map, or nil when the note is not a dictation or nothing changes.
    public func rewritten(_ text: [UInt8]) -> (text: [UInt8], map: OffsetMap)? {
        // Cheap gate first: a typed note rarely holds "comma", "period" or "paragraph" at all.
        let lowerCase = !text.contains(where: ASCIIByte.isUpper)
        guard lowerCase || ByteSearch.contains(text, "omma") || ByteSearch.contains(text, "eriod") || ByteSearch.contains(text, "aragraph") else { return nil }
        let words = Self.words(text)
        func lower(_ w: Range<Int>) -> [UInt8] { text[w].map { $0 | 0x20 } }
        var edits: [(range: Range<Int>, with: [UInt8])] = []
        var spelled: [(range: Range<Int>, with: [UInt8])] = []
        var said = 0
        var k = 0
        while k < words.count {
            let w = words[k]
            let word = lower(w)
            let previous = k > 0 ? lower(words[k - 1]) : []
            let next = k + 1 < words.count ? lower(words[k + 1]) : []
            // "new paragraph", "next paragraph", "new line": a break.
            if (word == Array("new".utf8) || word == Array("next".utf8)), next == Array("paragraph".utf8) || next == Array("line".utf8),
               k + 1 < words.count, Self.onlyBlanks(text, w.upperBound..<words[k + 1].lowerBound) {
                let start = Self.blankStart(text, before: w.lowerBound)
                // A paragraph is a blank line (a hard-wrapped dictation's single break reads as a wrap).
                edits.append((start..<words[k + 1].upperBound, next == Array("paragraph".utf8) ? [10, 10] : [10]))
                said += 1
                k += 2
                continue
            }
            if let mark = Self.marks[word] {
                // "this month period last month ...": a unit after this / last / next / that is no
                // noun phrase with "period" (as "a 30 day period" is).
                let beforePrevious = k > 1 ? lower(words[k - 2]) : []
                let unitSaid = Self.periodUnits.contains(previous) && Self.periodDeterminers.contains(beforePrevious)
                let noun = (mark == 46 && Self.nounBeforePeriod.contains(previous) && !unitSaid) || (mark == 58 && Self.nounBeforeColon.contains(previous))
                    || ((mark == 46 || mark == 58) && Self.nounAfter.contains(next))
                // "full stop" says a period too; a mark said twice in a row is a slip, read once.
                if !noun, k > 0 {
                    let start = Self.blankStart(text, before: w.lowerBound)
                    edits.append((start..<w.upperBound, [mark]))
                    said += 1
                }
                k += 1
                continue
            }
            // Letters spelled one by one ("m d", "p a dash c"): two or more single letters, with
            // "dash" or "hyphen" once between two of them.
            if w.count == 1 {
                var run = [k]
                var joined = word
                var j = k + 1
                while j < words.count, Self.onlyOneSpace(text, words[j - 1].upperBound..<words[j].lowerBound) {
                    let v = lower(words[j])
                    if v.count == 1 { run.append(j); joined += v; j += 1; continue }
                    if (v == Array("dash".utf8) || v == Array("hyphen".utf8)), !joined.contains(45), j + 1 < words.count,
                       words[j + 1].count == 1, Self.onlyOneSpace(text, words[j].upperBound..<words[j + 1].lowerBound) {
                        joined.append(45); run.append(j); j += 1; continue
                    }
                    break
                }
                let end = words[run[run.count - 1]].upperBound
                let after = end < text.count ? text[end] : 32
                if run.count >= 2, !ASCIIByte.isLetter(after), after < 0x80, words[run[run.count - 1]].count == 1 {
                    // "p a c": the hyphen of "pa-c" not said.
                    if !credentials.contains(joined), !joined.contains(45), joined.count >= 3,
                       credentials.contains(joined.dropLast() + [45, joined[joined.count - 1]]) {
                        joined = joined.dropLast() + [45, joined[joined.count - 1]]
                    }
                    let isCredential = credentials.contains(joined)
                    let clock = joined == Array("am".utf8) ? previous.first.map { $0 >= 48 && $0 <= 57 } ?? false || Self.clockWords.contains(previous) : true
                    if isCredential || (Self.acronyms.contains(joined) && clock) {
                        let upper = ASCIIByte.isUpper(text[w.lowerBound])
                        let letters = upper ? joined.map { $0 >= 97 ? $0 & ~0x20 : $0 } : joined
                        // After a name word, a comma before the credential: "ingrid solberg, md".
                        let start = w.lowerBound
                        if isCredential, k > 0, previous.count >= 2, Self.marks[previous] == nil, start >= 1, text[start - 1] == 32,
                           ASCIIByte.isLetter(text[words[k - 1].upperBound - 1]), words[k - 1].upperBound == start - 1 {
                            spelled.append((start - 1..<end, [44, 32] + letters))
                        } else {
                            spelled.append((start..<end, letters))
                        }
                        k = run[run.count - 1] + 1
                        continue
                    }
                }
            }
            k += 1
        }
        // Letters are spelled in a dictation or a note typed in lower case ("dictated by ellen
        // paszkowski m d"), where nothing else reads them.
        if said < Self.minimumMarks { edits = [] }
        if said >= Self.minimumMarks || lowerCase { edits += spelled }
        if said >= Self.minimumMarks {
            let ends = Self.lineEnds(text, words: words)
            // Not where a mark or spelled letters already end the line ("... m d").
            edits += ends.filter { end in !edits.contains { $0.range.overlaps(end.range) } }
        }
        guard !edits.isEmpty else { return nil }
        var copy = OffsetMap.Builder(text)
        for e in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) { copy.replace(e.range, with: e.with) }
        return copy.finishIfChanged()
    }

    /// A dictation whose lines are not hard-wrapped: a line that ends on a word, before a line
    /// that starts in lower case, ends a statement (the recogniser's own line break; without a
    /// mark the splitter would read the lower-case line as the sentence going on). Its last
    /// letter reads as the letter and a full stop. A hard-wrapped dictation (a quarter of its
    /// lines, three or more, within ten characters of a longest line of 40 to 140) keeps its
    /// breaks as wraps, and so does a line that ends on a said mark or "paragraph" / "line".
    static func lineEnds(_ text: [UInt8], words: [Range<Int>]) -> [(range: Range<Int>, with: [UInt8])] {
        var widths: [Int] = []
        var start = 0
        for (i, b) in text.enumerated() where b == 10 { widths.append(i - start); start = i + 1 }
        widths.append(text.count - start)
        let width = widths.max() ?? 0
        let written = widths.filter { $0 > 0 }.count
        let long = widths.filter { $0 >= width - 10 }.count
        // `HardWrapRemnants`' width test without its punctuation test (a dictation's marks are words).
        if width >= HardWrapRemnants.minWidth, width <= HardWrapRemnants.maxWidth, long >= 3, 4 * long >= written { return [] }
        var out: [(range: Range<Int>, with: [UInt8])] = []
        var w = 0
        for (i, b) in text.enumerated() where b == 10 && i > 0 {
            var e = i
            while e > 0, text[e - 1] == 32 || text[e - 1] == 9 || text[e - 1] == 13 { e -= 1 }
            guard e > 0, ASCIIByte.isLetter(text[e - 1]) || (text[e - 1] >= 48 && text[e - 1] <= 57) else { continue }
            var n = i + 1
            while n < text.count, text[n] == 32 || text[n] == 9 { n += 1 }
            guard n < text.count, text[n] >= 97, text[n] <= 122 else { continue }
            // The line's last word: not a said mark, nor the end of "new paragraph / line".
            while w < words.count, words[w].upperBound < e { w += 1 }
            if w < words.count, words[w].upperBound == e {
                let last = text[words[w]].map { $0 | 0x20 }
                if marks[last] != nil || last == Array("paragraph".utf8) || last == Array("line".utf8) { continue }
            }
            out.append((e - 1..<e, [text[e - 1], 46]))
        }
        return out
    }

    /// Number words a said "a m" follows ("seven a m").
    static let clockWords: Set<[UInt8]> = Set(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                                                "fifteen", "thirty", "forty", "forty-five", "fifty", "o'clock", "oclock", "hundred"].map { Array($0.utf8) })

    /// The words of the note: runs of ASCII letters with inner apostrophes and hyphens.
    static func words(_ t: [UInt8]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var i = 0
        let n = t.count
        while i < n {
            guard ASCIIByte.isLetter(t[i]) || (t[i] >= 48 && t[i] <= 57) else { i += 1; continue }
            var e = i + 1
            while e < n, ASCIIByte.isLetter(t[e]) || (t[e] >= 48 && t[e] <= 57)
                    || ((t[e] == 39 || t[e] == 45) && e + 1 < n && ASCIIByte.isLetter(t[e + 1])) { e += 1 }
            words.append(i..<e)
            i = e
        }
        return words
    }

    /// Where the blanks before a position start (the mark takes the space before it).
    static func blankStart(_ t: [UInt8], before i: Int) -> Int {
        var s = i
        while s > 0, t[s - 1] == 32 || t[s - 1] == 9 { s -= 1 }
        return s
    }

    static func onlyBlanks(_ t: [UInt8], _ r: Range<Int>) -> Bool { !r.isEmpty && t[r].allSatisfy { $0 == 32 || $0 == 9 } }
    static func onlyOneSpace(_ t: [UInt8], _ r: Range<Int>) -> Bool { r.count == 1 && t[r.lowerBound] == 32 }
}
