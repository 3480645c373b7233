/// Splits a note (UTF-8 bytes) into lines, sections and sentence-like units.
/// Lines are boundaries unless a line is a wrapped continuation of the previous one (dictated
/// text broken mid-sentence); checkbox, bullet and `key: value` lines are units of their own.
public struct SentenceSplitter: Sendable {
    /// Lower-case abbreviations (without the final period) that do not end a sentence.
    let abbreviations: Set<[UInt8]>
    /// The same, for those of at most 8 bytes, packed into one integer and sorted: most sentence
    /// ends are checked by a binary search, without building an array or hashing.
    let shortAbbreviations: [UInt64]
    /// The longer ones (few), compared in place: sentences often end on a long word.
    let longAbbreviations: [[UInt8]]
    /// Lower-case section header names (without the colon).
    let headers: Set<[UInt8]>
    /// Words that start a statement in notes typed one statement per line (`statement_start_words`)
    /// and words after which a line break is a wrap (`wrap_end_words`): a lower-case line that
    /// starts with the first, after a line that does not end with the second, is not joined.
    let statementStarts: Set<[UInt8]>
    let wrapEnds: Set<[UInt8]>
    /// `statement_end_units` and `unit_continuation_words` as packed lower-case keys
    /// (`wordKey`), so the check after a period allocates nothing.
    let statementEndUnits: Set<UInt64>
    let unitContinuations: Set<UInt64>

    /// The splitter with its word lists from the rule data (`Lexicons/lists/`).
    public init(lexicons: LexiconSet) {
        self.init(abbreviations: lexicons.list("abbreviations"), sectionHeaders: lexicons.list("section_headers"),
                  statementStarts: lexicons.list("statement_start_words"), wrapEnds: lexicons.list("wrap_end_words"),
                  statementEndUnits: lexicons.list("statement_end_units"), unitContinuations: lexicons.list("unit_continuation_words"))
    }

    public init(abbreviations: [String], sectionHeaders: [String], statementStarts: [String] = [], wrapEnds: [String] = [],
                statementEndUnits: [String] = [], unitContinuations: [String] = []) {
        self.statementStarts = Set(statementStarts.map { Array($0.lowercased().utf8) })
        self.wrapEnds = Set(wrapEnds.map { Array($0.lowercased().utf8) })
        self.statementEndUnits = Set(statementEndUnits.compactMap { Self.wordKey(Array($0.utf8)) })
        self.unitContinuations = Set(unitContinuations.compactMap { Self.wordKey(Array($0.utf8)) })
        self.abbreviations = Set(abbreviations.map { Array($0.lowercased().utf8).filter { $0 != UInt8(ascii: ".") } })
        shortAbbreviations = self.abbreviations.filter { $0.count <= 8 }.map { $0.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }.sorted()
        longAbbreviations = self.abbreviations.filter { $0.count > 8 }.sorted { $0.lexicographicallyPrecedes($1) }
        self.headers = Set(sectionHeaders.map { Array($0.lowercased().utf8) })
    }

    struct Line { var range: Range<Int>; var content: Range<Int> }

    static func lines(_ t: UnsafeBufferPointer<UInt8>) -> [Line] {
        var out: [Line] = []
        var start = 0
        let n = t.count
        while start <= n {
            var end = start
            while end < n, t[end] != 10 { end += 1 }
            var contentEnd = end
            if contentEnd > start, t[contentEnd - 1] == 13 { contentEnd -= 1 }
            // Trim leading and trailing blanks.
            var cs = start
            while cs < contentEnd, t[cs] == 32 || t[cs] == 9 { cs += 1 }
            var ce = contentEnd
            while ce > cs, t[ce - 1] == 32 || t[ce - 1] == 9 { ce -= 1 }
            out.append(Line(range: start..<end, content: cs..<ce))
            if end >= n { break }
            start = end + 1
        }
        return out
    }

    public func split(_ t: UnsafeBufferPointer<UInt8>) -> (units: [TextUnit], sections: [Section]) {
        var units: [TextUnit] = []
        var sections: [Section] = []
        split(t, SentenceSplitter.lines(t)[...], &units, &sections, naming: true)
        return (units, sections)
    }

    /// The units of the paragraphs (runs of non-blank lines) that hold one of `positions`:
    /// exactly the units `split` gives there, since no unit crosses a blank line. Only those
    /// paragraphs are split (findings sit in a few of a note's paragraphs); sections are not
    /// tracked (`section` is nil).
    public func units(around positions: [Int], in t: UnsafeBufferPointer<UInt8>) -> [TextUnit] {
        let lines = SentenceSplitter.lines(t)
        var wanted = [Bool](repeating: false, count: lines.count)
        for p in positions {
            // The line holding p (a position on a line break belongs to the line it ends).
            var lo = 0, hi = lines.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if lines[mid].range.lowerBound <= p { lo = mid } else { hi = mid - 1 }
            }
            wanted[lo] = true
        }
        var units: [TextUnit] = []
        var i = 0
        while i < lines.count {
            if lines[i].content.isEmpty { i += 1; continue }
            var end = i
            var any = wanted[i]
            while end + 1 < lines.count, !lines[end + 1].content.isEmpty { end += 1; any = any || wanted[end] }
            if any {
                var sections: [Section] = []
                split(t, lines[i...end], &units, &sections, naming: false)
            }
            i = end + 1
        }
        for k in units.indices { units[k].section = nil }
        return units
    }

    /// `naming`: build each section's name (not needed when sections are dropped).
    func split(_ t: UnsafeBufferPointer<UInt8>, _ lines: ArraySlice<Line>, _ units: inout [TextUnit],
               _ sections: inout [Section], naming: Bool) {
        var current: Range<Int>? = nil     // sentence being built across wrapped lines
        var currentKind = TextUnit.Kind.sentence
        var previousLine: Range<Int>? = nil

        func flush() {
            if let c = current, !c.isEmpty {
                units.append(TextUnit(range: c, kind: currentKind, section: sections.isEmpty ? nil : sections.count - 1))
            }
            current = nil
        }

        for line in lines {
            let c = line.content
            defer { previousLine = c }
            if c.isEmpty { flush(); continue }
            let kind = classify(t, c)
            if kind == .header {
                flush()
                if !sections.isEmpty { sections[sections.count - 1].range = sections[sections.count - 1].range.lowerBound..<c.lowerBound }
                sections.append(Section(name: naming ? headerName(t, c) : "", range: c.lowerBound..<t.count))
                // The header line may carry text after the colon ("Plan: call in 2 weeks").
                units.append(TextUnit(range: c, kind: .header, section: sections.count - 1))
                continue
            }
            // A wrapped line continues the sentence: it starts in lower case (and is no typed
            // statement of its own), or the line before ends with a word that asks for more
            // ("...no data signal on the road for" / "VVC, so the visit was by telephone").
            // In an export in capitals, every line starts with one: a line filled to the wrap
            // column that the next capital line goes on from, unindented and with a word (not a
            // form's next box, "( ) OTHER"), is a wrap too.
            let continues = current != nil && kind == .sentence && currentKind == .sentence && !endsSentence(t, current!)
                && (startsLowercase(t, c) ? !startsStatement(t, c, after: current!)
                    : endsWithWrapWord(t, current!) || (line.content.lowerBound == line.range.lowerBound && isWordByte(t[c.lowerBound])
                        && previousLine.map { isFilledCapitalLine(t, $0) && isCapitalText(t, c) } == true))
            if !continues { flush(); currentKind = kind }
            // Split the line into sentences.
            var s = c.lowerBound
            if continues { s = current!.lowerBound }
            var i = c.lowerBound
            while i < c.upperBound {
                let b = t[i]
                if (b == UInt8(ascii: ".") || b == UInt8(ascii: "?") || b == UInt8(ascii: "!")) && kind != .checkbox {
                    let next = i + 1
                    let atSpace = next >= c.upperBound || t[next] == 32 || t[next] == 9
                    if atSpace && !(b == UInt8(ascii: ".") && isAbbreviation(t, wordEndingAt: i, lineStart: c.lowerBound)
                                    && !endsWithPatient(t, dot: i, lineStart: c.lowerBound, before: c.upperBound)
                                    && !endsWithUnitAfterNumber(t, dot: i, lineStart: c.lowerBound, before: c.upperBound)
                                    && !endsBeforeAmountOfTime(t, dot: i, lineStart: c.lowerBound, before: c.upperBound)) {
                        units.append(TextUnit(range: s..<next, kind: kind, section: sections.isEmpty ? nil : sections.count - 1))
                        var j = next
                        while j < c.upperBound, t[j] == 32 || t[j] == 9 { j += 1 }
                        s = j
                        i = j
                        continue
                    }
                }
                i += 1
            }
            current = s < c.upperBound ? s..<c.upperBound : nil
            if current == nil { currentKind = .sentence }
        }
        flush()
    }

    func classify(_ t: UnsafeBufferPointer<UInt8>, _ c: Range<Int>) -> TextUnit.Kind {
        let first = t[c.lowerBound]
        // Checkbox: [ ], [x], ( ), (X), ☐ ☑ ☒ ✓ ✔ (UTF-8 lead bytes E2 98 / E2 9C). A digit or
        // another letter between the brackets is a list or footnote marker ("(1) Called her at
        // home", "[2]", "(a)"), whose line is sentences like any other.
        if Self.isOneCharacterBox(t, at: c.lowerBound, before: c.upperBound) { return .checkbox }
        if first == 0xE2, c.count >= 3, t[c.lowerBound + 1] == 0x98 || t[c.lowerBound + 1] == 0x9C { return .checkbox }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || (first == 0xE2 && c.count >= 3 && t[c.lowerBound + 1] == 0x80 && t[c.lowerBound + 2] == 0xA2) {
            return .bullet
        }
        if isHeader(t, c) { return .header }
        // key: value on a short key.
        var i = c.lowerBound
        while i < c.upperBound, i - c.lowerBound < 40, t[i] != UInt8(ascii: ":") { i += 1 }
        if i < c.upperBound, t[i] == UInt8(ascii: ":"), i > c.lowerBound, i + 1 == c.upperBound || t[i + 1] == 32 {
            return .keyValue
        }
        return .sentence
    }

    /// A one-character box at `i` ("[ ]", "[x]", "( )", "(X)"): its brackets match and what
    /// stands in it is a blank or a mark, not a digit or a letter other than x (a list or
    /// footnote marker: "(1)", "[2]", "(a)").
    static func isOneCharacterBox(_ t: UnsafeBufferPointer<UInt8>, at i: Int, before end: Int) -> Bool {
        guard i + 2 < end else { return false }
        let open = t[i], close = t[i + 2], mark = t[i + 1]
        guard (open == UInt8(ascii: "[") && close == UInt8(ascii: "]")) || (open == UInt8(ascii: "(") && close == UInt8(ascii: ")")) else { return false }
        let lower = mark | 0x20
        if mark >= 48 && mark <= 57 { return false }
        if lower >= 97 && lower <= 122 { return lower == 120 }
        return true
    }

    func isHeader(_ t: UnsafeBufferPointer<UInt8>, _ c: Range<Int>) -> Bool {
        // "Assessment/Plan:" or "HISTORY OF PRESENT ILLNESS" alone, or a known header + colon.
        var end = c.upperBound
        let hasColon = t[end - 1] == UInt8(ascii: ":")
        if hasColon { end -= 1 }
        if end <= c.lowerBound { return false }
        var letters = 0, lower = 0
        for i in c.lowerBound..<end {
            let b = t[i]
            if b >= 97 && b <= 122 { lower += 1; letters += 1 } else if b >= 65 && b <= 90 { letters += 1 }
            else if b == UInt8(ascii: ":") || b == UInt8(ascii: ".") { return false }
        }
        if letters >= 3 && lower == 0 && end - c.lowerBound <= 60 { return true }
        // Known header, alone on its line or followed by a colon and text.
        // Only a line whose first colon is its last byte can be one (checked before building
        // the name: most lines are not).
        var k = c.lowerBound
        while k < c.upperBound, t[k] != UInt8(ascii: ":") { k += 1 }
        guard k == c.upperBound - 1 else { return false }
        let name = Array(t[c.lowerBound..<k]).map { ($0 >= 65 && $0 <= 90) ? $0 | 0x20 : $0 }
        return headers.contains(name)
    }

    func headerName(_ t: UnsafeBufferPointer<UInt8>, _ c: Range<Int>) -> String {
        var k = c.lowerBound
        while k < c.upperBound, t[k] != UInt8(ascii: ":") { k += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: t[c.lowerBound..<k]), as: UTF8.self).lowercased()
    }

    /// A line of an export in capitals filled nearly to a wrap column (55 bytes or more): the
    /// width at which such exports hard-wrap (60 to 80 columns), far above a typed statement's.
    func isFilledCapitalLine(_ t: UnsafeBufferPointer<UInt8>, _ c: Range<Int>) -> Bool {
        c.count >= 55 && isCapitalText(t, c)
    }

    /// Letters in it, none in lower case, and no form marks: a box ("( )", "[X]") or a dot
    /// leader ("PT LOCATION .... (X) HOME") makes a line a form's row, never a wrapped sentence.
    func isCapitalText(_ t: UnsafeBufferPointer<UInt8>, _ c: Range<Int>) -> Bool {
        var letters = false
        for i in c {
            let b = t[i]
            if b >= 97 && b <= 122 { return false }
            if b >= 65 && b <= 90 { letters = true }
            if b == UInt8(ascii: "."), i + 1 < c.upperBound, t[i + 1] == UInt8(ascii: ".") { return false }
            if Self.isOneCharacterBox(t, at: i, before: c.upperBound) { return false }
        }
        return letters
    }

    /// "pt." or "appt." that ends a terse statement ("video declined by pt. consent obtained.",
    /// "no need for appt. 9 min on phone"): the abbreviation of patient or appointment closes
    /// its sentence when a statement word follows ("consent", "pt", "time", ...) or an amount of
    /// time ("9 min", "12mins"), or for "appt." a capitalised word, so a trigger before it does
    /// not reach the next statement; "Pt. was seen", "est. pt" and "next appt. 3/12" stay one sentence.
    func endsWithPatient(_ t: UnsafeBufferPointer<UInt8>, dot: Int, lineStart: Int, before end: Int) -> Bool {
        guard !statementStarts.isEmpty else { return false }
        var w = dot
        while w > lineStart, (t[w - 1] | 0x20) >= 97, (t[w - 1] | 0x20) <= 122 { w -= 1 }
        guard w == lineStart || !isWordByte(t[w - 1]), let word = Self.wordKey(t[w..<dot]),
              Self.statementEndingNouns.contains(word) else { return false }
        var s = dot + 1
        while s < end, t[s] == 32 || t[s] == 9 { s += 1 }
        var e = s
        while e < end, isWordByte(t[e]), t[e] != UInt8(ascii: ".") { e += 1 }
        guard e > s else { return false }
        if t[s] >= 48 && t[s] <= 57 { return startsAmountOfTime(t, at: s, before: end) }
        // "needs an appt. OK'd this quick phone check-in": after "appt." a capital starts the
        // next statement (after "pt." it is as often the patient's name: "pt. Smith").
        if ASCIIByte.isUpper(t[s]), Self.appointmentNouns.contains(word) { return true }
        return statementStarts.contains(t[s..<e].map { ($0 >= 65 && $0 <= 90) ? $0 | 0x20 : $0 })
    }

    /// "appt" and "appts", packed as `wordKey` packs them.
    static let appointmentNouns: Set<UInt64> = Set(["appt", "appts"].compactMap { wordKey(Array($0.utf8)) })

    /// The nouns of `endsWithPatient`, packed as `wordKey` packs them.
    static let statementEndingNouns: Set<UInt64> = Set(["pt", "pts", "appt", "appts"].compactMap { wordKey(Array($0.utf8)) })

    /// An abbreviation that ends a terse statement before the visit's minutes ("RTC 1 yr or prn.
    /// 12 min.", "metformin 500 bid. 15 min total"): the amount starts the next statement, so a
    /// trigger before it ("RTC", "if") does not reach it. Not an abbreviation that qualifies the
    /// amount after it ("approx. 15 min", "vs. 20 min", "ca. 10 min").
    func endsBeforeAmountOfTime(_ t: UnsafeBufferPointer<UInt8>, dot: Int, lineStart: Int, before end: Int) -> Bool {
        var s = dot + 1
        while s < end, t[s] == 32 || t[s] == 9 { s += 1 }
        guard s < end, t[s] >= 48 && t[s] <= 57 || t[s] == UInt8(ascii: "~"), startsAmountOfTime(t, at: s, before: end) else { return false }
        var w = dot
        while w > lineStart, t[w - 1] != 32, t[w - 1] != 9 { w -= 1 }
        guard let key = Self.wordKey(t[w..<dot].lazy.filter { $0 != UInt8(ascii: ".") }) else { return false }
        return !Self.amountQualifiers.contains(key)
    }

    /// Abbreviations that go on with the amount after them, packed as `wordKey` packs them.
    static let amountQualifiers: Set<UInt64> = Set(["approx", "apprx", "ca", "vs", "no", "eg", "ie", "fig", "cf", "abt", "est"].compactMap { wordKey(Array($0.utf8)) })

    /// Digits, an optional space, then a unit of a visit's time ("9 min", "12mins", "~15 min").
    func startsAmountOfTime(_ t: UnsafeBufferPointer<UInt8>, at start: Int, before end: Int) -> Bool {
        var i = start
        if i < end, t[i] == UInt8(ascii: "~") { i += 1 }
        while i < end, t[i] >= 48, t[i] <= 57 { i += 1 }
        if i < end, t[i] == 32 { i += 1 }
        var e = i
        while e < end, (t[e] | 0x20) >= 97, (t[e] | 0x20) <= 122 { e += 1 }
        guard e > i, e == end || !isWordByte(t[e]) || t[e] == UInt8(ascii: "."), let unit = Self.wordKey(t[i..<e]) else { return false }
        return Self.visitTimeUnits.contains(unit)
    }

    /// Units of a visit's time; weeks and months ("next appt. 3 wks") keep the sentence going.
    static let visitTimeUnits: Set<UInt64> = Set(["min", "mins", "minute", "minutes", "hr", "hrs", "hour", "hours"].compactMap { wordKey(Array($0.utf8)) })

    /// The bytes lower-cased and packed into one integer, or nil when longer than eight.
    static func wordKey<C: Collection>(_ bytes: C) -> UInt64? where C.Element == UInt8 {
        guard bytes.count <= 8 else { return nil }
        return bytes.reduce(UInt64(0)) { $0 << 8 | UInt64(($1 >= 65 && $1 <= 90) ? $1 | 0x20 : $1) }
    }

    /// A unit after a number that ends a terse statement ("45 min. next in 4 wks.", "f/u 3 wks.
    /// call prn"): "min." closes its sentence unless the next word goes on with the amount
    /// ("3 wks. ago", "20 min. of counseling", "2 hrs. after the dose"), so a trigger before the
    /// amount ("in 4 wks", "if") does not reach the next statement, nor one after it the amount.
    func endsWithUnitAfterNumber(_ t: UnsafeBufferPointer<UInt8>, dot: Int, lineStart: Int, before end: Int) -> Bool {
        var s = dot
        while s > lineStart, (t[s - 1] | 0x20) >= 97, (t[s - 1] | 0x20) <= 122 { s -= 1 }
        guard s < dot, let unit = Self.wordKey(t[s..<dot]), statementEndUnits.contains(unit) else { return false }
        var d = s
        while d > lineStart, t[d - 1] == 32 { d -= 1 }
        guard d > lineStart, t[d - 1] >= 48, t[d - 1] <= 57 else { return false }
        var n = dot + 1
        while n < end, t[n] == 32 || t[n] == 9 { n += 1 }
        if n < end, t[n] == UInt8(ascii: "~") { n += 1 }  // "RTC 8 wks. ~15 min on the phone"
        guard n < end else { return false }
        var e = n
        while e < end, isWordByte(t[e]), t[e] != UInt8(ascii: ".") { e += 1 }
        guard e > n else { return false }
        guard let next = Self.wordKey(t[n..<e]) else { return true }
        return !unitContinuations.contains(next)
    }

    func startsLowercase(_ t: UnsafeBufferPointer<UInt8>, _ c: Range<Int>) -> Bool {
        let b = t[c.lowerBound]
        return b >= 97 && b <= 122
    }

    /// A typed line of its own: it starts with a statement word ("pt", "denies", "f/u") and the
    /// text before it does not end in a way that asks for more (a comma, a hyphen, "to", "the").
    func startsStatement(_ t: UnsafeBufferPointer<UInt8>, _ c: Range<Int>, after previous: Range<Int>) -> Bool {
        guard !statementStarts.isEmpty else { return false }
        var e = c.lowerBound
        while e < c.upperBound, isWordByte(t[e]) { e += 1 }
        var first = Array(t[c.lowerBound..<e])
        while first.last == UInt8(ascii: ".") { first.removeLast() }
        guard statementStarts.contains(first) else { return false }
        let last = t[previous.upperBound - 1]
        if last == UInt8(ascii: ",") || last == UInt8(ascii: ";") || last == UInt8(ascii: "-") || last == UInt8(ascii: "/")
            || last == UInt8(ascii: "&") || last == UInt8(ascii: "+") || last == UInt8(ascii: "(") { return false }
        // An en or em dash (E2 80 93 / E2 80 94).
        if previous.count >= 3, t[previous.upperBound - 3] == 0xE2, t[previous.upperBound - 2] == 0x80,
           last == 0x93 || last == 0x94 { return false }
        var s = previous.upperBound
        while s > previous.lowerBound, isWordByte(t[s - 1]) { s -= 1 }
        let word = t[s..<previous.upperBound].map { ($0 >= 65 && $0 <= 90) ? $0 | 0x20 : $0 }
        return !wrapEnds.contains(word)
    }

    /// The text ends with a word of `wrap_end_words` written in lower case ("for", "the", "to";
    /// not "Vitamin A").
    func endsWithWrapWord(_ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard !wrapEnds.isEmpty else { return false }
        var s = r.upperBound
        while s > r.lowerBound, t[s - 1] >= 97 && t[s - 1] <= 122 { s -= 1 }
        guard s < r.upperBound, s == r.lowerBound || !isWordByte(t[s - 1]) else { return false }
        return wrapEnds.contains(Array(t[s..<r.upperBound]))
    }

    /// Letters, digits and the marks inside shorthand words ("f/u", "a/p", "pt's").
    @inline(__always) func isWordByte(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == UInt8(ascii: "/")
            || b == UInt8(ascii: "'") || b == UInt8(ascii: ".")
    }

    func endsSentence(_ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard let last = r.last else { return true }
        let b = t[last]
        return b == UInt8(ascii: ".") || b == UInt8(ascii: "?") || b == UInt8(ascii: "!") || b == UInt8(ascii: ":")
    }

    func isAbbreviation(_ t: UnsafeBufferPointer<UInt8>, wordEndingAt dot: Int, lineStart: Int) -> Bool {
        var s = dot
        while s > lineStart, t[s - 1] != 32, t[s - 1] != 9, t[s - 1] != UInt8(ascii: "(") { s -= 1 }
        if s == dot { return false }
        // A decimal number ("1.5") never reaches here (no space after the dot); a single letter
        // is an initial ("J. Smith").
        if dot - s == 1, (t[s] | 0x20) >= 97, (t[s] | 0x20) <= 122 { return true }
        var key: UInt64 = 0
        var count = 0
        for i in s..<dot where t[i] != UInt8(ascii: ".") {
            let b = t[i]
            key = key << 8 | UInt64((b >= 65 && b <= 90) ? b | 0x20 : b)
            count += 1
            if count > 8 { break }
        }
        if count <= 8 {
            var lo = 0, hi = shortAbbreviations.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if shortAbbreviations[mid] < key { lo = mid + 1 } else { hi = mid }
            }
            return lo < shortAbbreviations.count && shortAbbreviations[lo] == key
        }
        // The word's bytes without periods, lower-cased, against each long abbreviation.
        for long in longAbbreviations {
            var k = 0, i = s
            while i < dot, k < long.count {
                let b = t[i]
                i += 1
                if b == UInt8(ascii: ".") { continue }
                if ((b >= 65 && b <= 90) ? b | 0x20 : b) != long[k] { break }
                k += 1
            }
            while i < dot, t[i] == UInt8(ascii: ".") { i += 1 }
            if k == long.count && i == dot { return true }
        }
        return false
    }
}
