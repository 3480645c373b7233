/// The clinician's time written on one line as activities with their minutes and no total:
/// "Chart review 5 min. Video 18 min. Documentation and lab order 7 min." (30), "Intake review
/// 3 min | Video encounter 11 min | E-prescribe and note 4 min" (18), "Time: 15+8 min (call +
/// charting)" (23), "Physician time today: review 6, video 19, documentation 5" (30). The parts
/// add up to the day's total (decisions.md); `NoteScanner` reads them, as a `TimeLog`, once the
/// service is known and only where the time found is none or one of the line's own parts.
///
/// The line is cut at ". ", ";", "|", "+" and ", "; a part with no minutes joins the next
/// ("Called the pharmacy about the Rx, 4 min"). A part counts when it holds one amount of
/// minutes ("7 min", "5'"), else one clock range ("14:17-14:22"), else, on a line labelled as time
/// ("Provider time 04/02:"), one bare number that ends the part; and when it names the
/// clinician's work or the line is labelled as time. Two parts or more with minutes make the line.
/// A line that states a total ("= 45 min", "40 min total") is no list: the total stands. Parts
/// of staff ("RN navigator 20 min") add nothing except in a monitoring month; a part of
/// exercise, a symptom or a booking (`TimeLog.otherWords`) makes the line no list at all.
enum ActivityMinutes {
    /// Words that state a total: the line is not summed.
    static let totalWords: Set<String> = ["total", "totals", "totaled", "totalled", "altogether", "cumulative", "overall", "sum"]
    /// Words of prose about times, not a list of today's parts: a part of another amount ("of
    /// which 32 minutes"), another person's or day's time ("Separately, ...", "next session
    /// will be 45 minutes", "Prior check-in"), one time told twice ("Group duration: 90 minutes"),
    /// points in time ("dropped about 10 minutes in; reconnected after 2 minutes", "seated 5 min").
    static let proseWords: Set<String> = ["which", "including", "includes", "included", "separately", "next", "will", "prior",
                                          "previous", "last", "lasted", "lasting", "duration", "combined", "group", "rest",
                                          "remaining", "portion", "majority", "each", "per", "every", "ago", "later", "earlier",
                                          "yesterday", "tomorrow", "whole", "entire", "after", "before", "into", "within",
                                          "excludes", "excluding", "excluded", "incl", "hold", "waiting", "dropped", "reconnected",
                                          "seated"]
    /// The longest line and the longest part read: activity lists are short; longer lines are prose.
    static let maxLine = 300, maxPart = 90

    /// The largest sum of a line of activities in the note, or nil.
    static func sum(in t: UnsafeBufferPointer<UInt8>, countingStaff: Bool) -> TimeLog.Sum? {
        var best: TimeLog.Sum?
        var start = 0
        let n = t.count
        while start < n {
            var end = start
            while end < n, t[end] != 10 { end += 1 }
            // Most lines name no minutes or time, or hold one number: a cheap look first.
            if end - start >= 8, end - start <= maxLine, hasTwoNumbers(t, start..<end), namesMinutesOrTime(t, start..<end), let m = lineSum(t, start..<end, countingStaff: countingStaff),
               m > (best?.minutes ?? 0) {
                best = TimeLog.Sum(minutes: m, rows: [start..<end])
            }
            start = end + 1
        }
        return best
    }

    /// "min" or "time" in any case, or a clock time's colon.
    static func namesMinutesOrTime(_ t: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var i = line.lowerBound
        while i + 3 <= line.upperBound {
            if t[i + 1] == 58, ASCIIByte.isDigit(t[i]), ASCIIByte.isDigit(t[i + 2]) { return true }
            let a = t[i] | 0x20, b = t[i + 1] | 0x20, c = t[i + 2] | 0x20
            if a == 0x6D, b == 0x69, c == 0x6E { return true }                                        // min
            if a == 0x74, b == 0x69, c == 0x6D, i + 3 < line.upperBound, t[i + 3] | 0x20 == 0x65 { return true }  // time
            i += 1
        }
        return false
    }

    static func hasTwoNumbers(_ t: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var runs = 0
        var i = line.lowerBound
        while i < line.upperBound {
            if ASCIIByte.isDigit(t[i]) {
                runs += 1
                if runs == 2 { return true }
                while i < line.upperBound, ASCIIByte.isDigit(t[i]) { i += 1 }
            } else {
                i += 1
            }
        }
        return false
    }

    /// The line's sum, or nil when it is no list of activities.
    static func lineSum(_ t: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, countingStaff: Bool) -> Int? {
        let lower = String(decoding: t[line].map { ASCIIByte.isUpper($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        if lower.contains("=") { return nil }
        let words = lower.split(whereSeparator: { !($0.isLetter || $0 == "-") }).map(String.init)
        // A bracketed remark may name someone else's time ("(scribe time not included)").
        let unbracketed = outsideBrackets(lower).split(whereSeparator: { !($0.isLetter || $0 == "-") }).map(String.init)
        if unbracketed.contains(where: { totalWords.contains($0) || proseWords.contains($0) })
            || words.contains(where: { TimeLog.otherWords.contains($0) && $0 != "time" }) {
            return nil
        }
        // A label of time before the line's first colon: "Time:", "Provider time 04/02:".
        var body = line.lowerBound
        var labelledAsTime = false
        if let colon = t[line].firstIndex(of: 58), colon - line.lowerBound <= 40, !ASCIIByte.isDigit(t[min(colon + 1, line.upperBound - 1)]) {
            let label = String(decoding: t[line.lowerBound..<colon].map { ASCIIByte.isUpper($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
            let labelWords = label.split(whereSeparator: { !$0.isLetter })
            if labelWords.contains("time") || labelWords.contains("minutes") { labelledAsTime = true; body = colon + 1 }
        }
        // "time" elsewhere than in the label: the line tells of a time ("Time 20 min" of an
        // earlier visit, "talk time"), no list.
        if !labelledAsTime, words.contains("time") { return nil }
        var parts: [Range<Int>] = []
        var from = body, i = body, depth = 0
        while i < line.upperBound {
            let b = t[i]
            if b == 40 { depth += 1 } else if b == 41 { depth = max(0, depth - 1) }
            // Not inside brackets: "(call + charting)", "(teaching, scheduling)" are remarks.
            let cut = depth == 0 && (b == 59 || b == 124 || b == 43
                || ((b == 46 || b == 44) && (i + 1 == line.upperBound || t[i + 1] == 32 || t[i + 1] == 9 || t[i + 1] == 13)))
            if cut { parts.append(from..<i); from = i + 1 }
            i += 1
        }
        parts.append(from..<line.upperBound)
        var sum = 0, withMinutes = 0, counted = 0
        var pending: Int?
        for part in parts {
            let lo = pending ?? part.lowerBound
            let whole = lo..<part.upperBound
            guard let m = minutes(t, whole, bare: labelledAsTime) else {
                // No minutes: the words join the next part; two amounts: no list.
                if TimeLog.minuteAmounts(t, whole).count > 1 { return nil }
                pending = lo
                continue
            }
            pending = nil
            if whole.count > maxPart { return nil }
            withMinutes += 1
            let partLower = String(decoding: t[whole].map { ASCIIByte.isUpper($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
            let partWords = partLower.split(whereSeparator: { !($0.isLetter || $0 == "-") }).map(String.init)
            let staffs = partWords.contains(where: TimeLog.staffWords.contains)
            if leftOut(partLower) { continue }
            if staffs, !countingStaff { continue }
            guard staffs || labelledAsTime || partWords.contains(where: TimeLog.workWords.contains) else { return nil }
            sum += m
            counted += 1
        }
        return withMinutes >= 2 && counted >= 1 ? sum : nil
    }

    /// Words of a bracketed remark about someone else's time ("(scribe time not included)").
    static let otherPeople: Set<String> = TimeLog.staffWords.union(["scribe", "student", "resident", "fellow", "interpreter"])

    /// Whether the part says it is not counted ("ACP 17 min (separately documented and billed, not
    /// included in the E/M time)"): outside brackets, or in a bracketed remark that names no one
    /// else ("documentation 5 (scribe time not included)" counts).
    static func leftOut(_ part: String) -> Bool {
        let phrases = TimeLog.notCounted + ["separately"]
        let outside = outsideBrackets(part)
        if phrases.contains(where: outside.contains) { return true }
        guard phrases.contains(where: part.contains) else { return false }
        let words = part.split(whereSeparator: { !($0.isLetter || $0 == "-") }).map(String.init)
        return !words.contains(where: otherPeople.contains)
    }

    /// The text outside round brackets.
    static func outsideBrackets(_ s: String) -> String {
        var depth = 0
        var outside = ""
        for c in s {
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) } else if depth == 0 { outside.append(c) }
        }
        return outside
    }

    /// The part's minutes: one amount, else one clock range, else (on a line labelled as time)
    /// a bare number of one to three digits that ends the part or stands before a bracket.
    static func minutes(_ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, bare: Bool) -> Int? {
        let amounts = TimeLog.minuteAmounts(t, r)
        if amounts.count == 1 { return amounts[0] }
        if amounts.count > 1 { return nil }
        if let range = clockRange(t, r) { return range }
        guard bare else { return nil }
        var i = r.upperBound
        while i > r.lowerBound, t[i - 1] == 32 || t[i - 1] == 9 || t[i - 1] == 13 { i -= 1 }
        // A bracketed remark after the number: "documentation 5 (scribe time not included)".
        if i > r.lowerBound, t[i - 1] == 41, let open = t[r.lowerBound..<i].lastIndex(of: 40) {
            i = open
            while i > r.lowerBound, t[i - 1] == 32 || t[i - 1] == 9 { i -= 1 }
        }
        var j = i
        while j > r.lowerBound, ASCIIByte.isDigit(t[j - 1]) { j -= 1 }
        guard i - j >= 1, i - j <= 3 else { return nil }
        // A word before the number ("review 6") or nothing ("Time: 15+8 min"), not a date or a
        // measure ("BP 128/78", "x 2").
        var k = j
        while k > r.lowerBound, t[k - 1] == 32 || t[k - 1] == 9 { k -= 1 }
        let afterAWord = k < j && k - 2 >= r.lowerBound && ASCIIByte.isLetter(t[k - 1]) && ASCIIByte.isLetter(t[k - 2])
        guard k == r.lowerBound || afterAWord else { return nil }
        return TimeLog.number(t, j, i).map(\.0)
    }

    /// One clock range in the part ("09:12-09:26"), in minutes.
    static func clockRange(_ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        var found: Int?
        var i = r.lowerBound
        while i < r.upperBound {
            guard ASCIIByte.isDigit(t[i]), i == r.lowerBound || !ASCIIByte.isDigit(t[i - 1]),
                  let (h, a) = TimeLog.number(t, i, r.upperBound), a < r.upperBound, t[a] == 58,
                  let (m, b) = TimeLog.number(t, a + 1, r.upperBound), b - a == 3, m < 60, h < 24 else { i += 1; continue }
            var j = b
            while j < r.upperBound, t[j] == 32 || t[j] == 45 || t[j] == 0xE2 || t[j] == 0x80 || t[j] == 0x93 { j += 1 }
            if j > b, let (h2, a2) = TimeLog.number(t, j, r.upperBound), a2 < r.upperBound, t[a2] == 58,
               let (m2, b2) = TimeLog.number(t, a2 + 1, r.upperBound), b2 - a2 == 3, m2 < 60, h2 < 24 {
                let from = h * 60 + m
                var to = h2 * 60 + m2
                if to < from { to += to + 720 > from ? 720 : 1440 }
                guard to - from > 0, to - from <= 240, found == nil else { return nil }
                found = to - from
                i = b2
            } else {
                i = b
            }
        }
        return found
    }
}
