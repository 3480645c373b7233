/// A log of the clinician's own time written as rows and never totalled: a call log ("09:10
/// outbound - connected, 7 min" / "09:18 outbound - connected, 12 min"), an e-visit's days
/// ("Mon 3/9 Reviewed his message ... 4 min" / "Tue 3/10 ... 6 min"), clock ranges ("08:40-08:47
/// PDMP + UDS review" / "08:50-09:12 video visit"). The rows' minutes add up to the day's total
/// or the e-visit's cumulative time (decisions.md). `NoteScanner` reads it once the service is
/// known, and only where the time found is one of the rows' own: a total stated elsewhere stands.
///
/// A row is a line that opens (after a bullet) with a date, a weekday or a clock time; two rows
/// with minutes or more, one after another (rows without minutes, "09:02 outbound - no answer",
/// keep the log going; so does one blank line before the next row), make a log. Each row with
/// minutes must name the clinician's work (a call, a message, a review, the note) and hold one
/// amount of minutes; a row that names exercise, a booking ("20 min slot"), the time or a total,
/// or a symptom and no work, makes the lines no log at all (an exercise or a headache diary, a log
/// that states its total, an earlier visit's "Time 20 min"). A row
/// that names staff ("(MA)", "RN", "(staff)") or says it is not counted adds nothing, except staff
/// rows in a monitoring month, whose clinical staff's time counts.
enum TimeLog {
    struct Sum: Equatable {
        let minutes: Int
        let rows: [Range<Int>]
    }

    /// Words one of which each counted row names: the clinician's work.
    static let workWords: Set<String> = [
        "call", "called", "calls", "phone", "phoned", "spoke", "talked", "discussed", "discussion", "video", "visit",
        "message", "messaged", "messages", "msg", "replied", "reply", "answered", "reviewed", "review", "documentation",
        "documented", "note", "chart", "charting", "orders", "ordered", "portal", "counseled", "counselled", "connected",
        "inbound", "outbound", "voicemail", "texted", "e-visit", "evisit", "erx", "e-rx", "advised", "session",
        "reviewing", "documenting", "calling", "messaging", "counseling", "counselling", "discussing",
        // A call log's segments: "10:29-10:33 reconnected, finished".
        "reconnected", "resumed",
    ]
    /// Words that make the lines a diary of something else: no log.
    static let otherWords: Set<String> = [
        "walk", "walked", "walking", "run", "ran", "running", "bike", "biked", "biking", "cycling", "swim", "swam",
        "swimming", "exercise", "exercised", "hep", "stretch", "stretching", "yoga", "workout", "treadmill", "headache",
        "nap", "sleep", "slept", "icing", "wore", "worn", "cpap", "insulin",
        "meal", "ate", "breakfast", "lunch", "dinner", "infusion", "dose",
        // A booking's length, not time spent.
        "slot", "appt", "appointment", "scheduled",
        // A row that states the time or a total: the log is totalled (or is a note's history).
        "time", "total", "totals", "cumulative", "altogether",
    ]
    /// Symptoms, which make the lines a diary ("3/2 - migraine, 45 min") only in a row that names
    /// no work of the clinician's: an e-visit's day names them in what it reviewed ("Reviewed
    /// questionnaire: dysuria, no flank pain ... 6 min").
    static let symptomWords: Set<String> = ["headache", "migraine", "pain", "seizure", "episode"]
    /// Words that mark a row as staff's.
    static let staffWords: Set<String> = ["ma", "rn", "lpn", "lvn", "cma", "nurse", "staff", "scheduler", "front-desk"]
    /// Phrases that leave a row out of the total.
    static let notCounted: [String] = ["not counted", "not included", "not billed", "excluded", "not toward"]
    static let weekdayBytes: [[UInt8]] = ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
                                          "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map { Array($0.utf8) }

    /// The sum of the note's longest log, or nil when it has none.
    static func sum(in t: UnsafeBufferPointer<UInt8>, countingStaff: Bool) -> Sum? {
        var best: Sum?
        var rows: [Range<Int>] = []
        var minutes = 0, counted = 0
        var spoiled = false
        func close() {
            if !spoiled, counted >= 2, minutes > (best?.minutes ?? 0) { best = Sum(minutes: minutes, rows: rows) }
            rows = []; minutes = 0; counted = 0; spoiled = false
        }
        var start = 0
        let n = t.count
        // A blank line after a row: the log goes on only if the next line is a row too (an
        // e-visit's days written as paragraphs, "Day 1 - 4/2: ... 6 min." / "" / "Day 2 ...").
        var afterBlank = false
        while start < n {
            var end = start
            while end < n, t[end] != 10 { end += 1 }
            if !rows.isEmpty, !afterBlank, isBlank(t, start..<end) {
                afterBlank = true
                start = end + 1
                continue
            }
            let wasAfterBlank = afterBlank
            afterBlank = false
            if let row = Self.row(t, start..<end, countingStaff: countingStaff, inLog: !rows.isEmpty) {
                switch row {
                case .spoiled: spoiled = true
                case .noMinutes: break
                case .minutes(let m, let span):
                    if m > 0 { minutes += m; counted += 1; rows.append(span) }
                }
            } else if wasAfterBlank || !(isContinuation(t, start..<end) && !rows.isEmpty) {
                close()
            }
            start = end + 1
        }
        close()
        return best
    }

    enum Row { case spoiled, noMinutes, minutes(Int, Range<Int>) }

    /// A line of nothing but blanks.
    static func isBlank(_ t: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        t[line].allSatisfy(ASCIIByte.isLineBlank)
    }

    /// An indented line of text under a row (a row's words wrapped onto the next line): it
    /// keeps the log going. A blank line does not.
    static func isContinuation(_ t: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        guard line.count > 2, t[line.lowerBound] == 32 || t[line.lowerBound] == 9 else { return false }
        return t[line].contains { $0 != 32 && $0 != 9 && $0 != 13 }
    }

    /// The line as a row of a log, or nil when it opens with no date, weekday, clock time or
    /// numbered call or day ("Call 2 15:40-15:55", "1st call: 6 min", "Day 2 - 4/3:"). Inside a
    /// log (`inLog`), a bullet that opens with its minutes ("- 8 min reviewing the fill history") is
    /// a row too.
    static func row(_ t: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, countingStaff: Bool, inLog: Bool = false) -> Row? {
        var i = line.lowerBound
        func skipBlanks() { while i < line.upperBound, t[i] == 32 || t[i] == 9 { i += 1 } }
        skipBlanks()
        // A bullet: "-", "*" or "•" (E2 80 A2).
        if i < line.upperBound, t[i] == 45 || t[i] == 42 { i += 1; skipBlanks() }
        else if i + 2 < line.upperBound, t[i] == 0xE2, t[i + 1] == 0x80, t[i + 2] == 0xA2 { i += 3; skipBlanks() }
        guard i < line.upperBound else { return nil }
        var clockRange: Int?
        // A numbered call opens the row; its clock range or minutes may follow.
        let afterCall = callLabel(t, i, line.upperBound)
        if let afterCall {
            i = afterCall
            while i < line.upperBound, t[i] == 32 || t[i] == 9 || t[i] == 58 || t[i] == 45 || t[i] == 0xE2 || t[i] == 0x80 || t[i] == 0x93 || t[i] == 0x94 { i += 1 }
        }
        if afterCall == nil, inLog, ASCIIByte.isDigit(t[i]), minuteAmounts(t, i..<min(line.upperBound, i + 12)).first != nil {
            // Minutes first, in a log already going: the amount is read below.
        } else if let range = militaryRange(t, i, line.upperBound) {                            // "0845–0852"
            clockRange = range.minutes
            i = range.end
        } else if i < line.upperBound, ASCIIByte.isDigit(t[i]) {
            guard let (first, after) = number(t, i, line.upperBound), after < line.upperBound else { return nil }
            if afterCall != nil, t[after] != 58 {
                // "1st call: 6 min": the minutes are read below.
            } else if t[after] == 47, let (_, next) = number(t, after + 1, line.upperBound) {          // a date "3/9"
                i = next
                if i < line.upperBound, t[i] == 47, let (_, year) = number(t, i + 1, line.upperBound) { i = year }
            } else if t[after] == 58, let (m, next) = number(t, after + 1, line.upperBound), next - after == 3, m < 60 {  // "09:10"
                i = next
                let from = first * 60 + m
                // A range: "08:40-08:47", "8:40 - 8:47".
                var j = i
                while j < line.upperBound, t[j] == 32 || t[j] == 45 || t[j] == 0xE2 || t[j] == 0x80 || t[j] == 0x93 { j += 1 }
                if j > i, let (h2, a2) = number(t, j, line.upperBound), a2 < line.upperBound, t[a2] == 58,
                   let (m2, b2) = number(t, a2 + 1, line.upperBound), b2 - a2 == 3, m2 < 60 {
                    var to = h2 * 60 + m2
                    if to < from { to += to + 720 > from ? 720 : 1440 }
                    if to - from > 0, to - from <= 240 { clockRange = to - from }
                    i = b2
                }
            } else if afterCall == nil {
                return nil
            }
        } else if afterCall == nil {
            var j = i
            while j < line.upperBound, ASCIIByte.isLetter(t[j]) { j += 1 }
            // Compared in place: most lines open with a word, and this runs on every line.
            guard weekdayBytes.contains(where: { d in
                d.count == j - i && d.indices.allSatisfy { t[i + $0] | 0x20 == d[$0] }
            }) else { return nil }
            i = j
        }
        let lower = String(decoding: t[line].map { ASCIIByte.isUpper($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        let words = lower.split(whereSeparator: { !($0.isLetter || $0 == "-") }).map(String.init)
        // The minutes the row gives: one amount ("7 min", "12 minutes"), else its clock range.
        let amounts = minuteAmounts(t, i..<line.upperBound)
        let staffs = words.contains(where: staffWords.contains)
        // A staff row with its minutes adds nothing, whatever else it names ("RN - portal
        // triage questionnaire, 5 min (nursing time)").
        if !countingStaff, staffs, amounts.count == 1 || clockRange != nil { return .noMinutes }
        if words.contains(where: otherWords.contains) { return .spoiled }
        let works = words.contains(where: workWords.contains)
        if !works, words.contains(where: symptomWords.contains) { return .spoiled }
        if amounts.count > 1 { return .spoiled }
        guard let m = amounts.first ?? clockRange else { return .noMinutes }
        if notCounted.contains(where: { lower.contains($0) }) { return .noMinutes }
        if !countingStaff, staffs { return .noMinutes }
        guard staffs || works else { return .spoiled }
        return .minutes(m, line)
    }

    /// Words of a numbered call's label, made once (the label is looked for on every line).
    static let callWord: [UInt8] = Array("call".utf8)
    static let dayWord: [UInt8] = Array("day".utf8)
    static let callKinds: [[UInt8]] = ["phone", "telephone", "video"].map { Array($0.utf8) }
    /// Ordinals that number a call: "1st call", "Second call".
    static let callOrdinals: [[UInt8]] = ["1st", "2nd", "3rd", "4th", "first", "second", "third", "fourth"].map { Array($0.utf8) }

    /// Where a numbered call's label ends: "Call 1", "Call #2", "Call no. 3", "1st call", "Second
    /// phone call"; nil when the line does not open with one. "Call 911" and "Call 1-800-..." are
    /// no label: the number is one digit and a word break follows it.
    static func callLabel(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, _ limit: Int) -> Int? {
        func word(at k: Int) -> (Range<Int>)? {
            var j = k
            while j < limit, ASCIIByte.isLetter(t[j]) || ASCIIByte.isDigit(t[j]) { j += 1 }
            return j > k ? k..<j : nil
        }
        func isWord(_ r: Range<Int>, _ w: [UInt8]) -> Bool {
            r.count == w.count && w.indices.allSatisfy { t[r.lowerBound + $0] | 0x20 == w[$0] }
        }
        func skip(_ k: Int) -> Int { var j = k; while j < limit, t[j] == 32 || t[j] == 9 { j += 1 }; return j }
        guard let first = word(at: i) else { return nil }
        // "Day 1 - 4/2:", "Day 12:": an e-visit's or a month's day.
        if isWord(first, dayWord) {
            let j = skip(first.upperBound)
            guard j < limit, ASCIIByte.isDigit(t[j]), t[j] != 48 else { return nil }
            var end = j + 1
            if end < limit, ASCIIByte.isDigit(t[end]) { end += 1 }
            guard end == limit || !(ASCIIByte.isDigit(t[end]) || ASCIIByte.isLetter(t[end]) || t[end] == 47) else { return nil }
            return end
        }
        if isWord(first, callWord) {
            var j = skip(first.upperBound)
            if j < limit, t[j] == 35 { j = skip(j + 1) }                                         // "#"
            else if j + 2 < limit, t[j] | 0x20 == 110, t[j + 1] | 0x20 == 111, t[j + 2] == 46 { j = skip(j + 3) }  // "no."
            guard j < limit, ASCIIByte.isDigit(t[j]), t[j] != 48 else { return nil }
            let end = j + 1
            guard end == limit || !(ASCIIByte.isDigit(t[end]) || ASCIIByte.isLetter(t[end]) || t[end] == 47
                                    || (t[end] == 45 && end + 1 < limit && ASCIIByte.isDigit(t[end + 1]))) else { return nil }
            return end
        }
        guard callOrdinals.contains(where: { isWord(first, $0) }) else { return nil }
        var j = skip(first.upperBound)
        if let w = word(at: j), callKinds.contains(where: { isWord(w, $0) }) {
            j = skip(w.upperBound)
        }
        guard let w = word(at: j), isWord(w, callWord) else { return nil }
        return w.upperBound
    }

    /// A clock range of four-digit times at `i` ("0845–0852", "1630 - 1641"): its minutes and
    /// where it ends; nil otherwise. A lone four-digit number is no clock, nor a range of years.
    static func militaryRange(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, _ limit: Int) -> (minutes: Int, end: Int)? {
        // The four digits as written (to tell years) and as minutes of the day.
        func hhmm(_ k: Int) -> (digits: Int, minutes: Int)? {
            guard k + 4 <= limit, (k..<k + 4).allSatisfy({ ASCIIByte.isDigit(t[$0]) }),
                  k + 4 == limit || !ASCIIByte.isDigit(t[k + 4]) else { return nil }
            let h = Int(t[k] - 48) * 10 + Int(t[k + 1] - 48), m = Int(t[k + 2] - 48) * 10 + Int(t[k + 3] - 48)
            return h < 24 && m < 60 ? (h * 100 + m, h * 60 + m) : nil
        }
        guard let from = hhmm(i) else { return nil }
        var j = i + 4
        var dash = false
        while j < limit, t[j] == 32 || t[j] == 45 || t[j] == 0xE2 || t[j] == 0x80 || t[j] == 0x93 || t[j] == 0x94 {
            if t[j] != 32 { dash = true }
            j += 1
        }
        guard dash, let end = hhmm(j) else { return nil }
        // "2019-2021" is years, not eight in the evening.
        let years = 1950...2049
        if years.contains(from.digits), years.contains(end.digits), (0...30).contains(end.digits - from.digits) { return nil }
        let to = end.minutes < from.minutes ? end.minutes + 1440 : end.minutes
        guard to - from.minutes > 0, to - from.minutes <= 240 else { return nil }
        return (to - from.minutes, j + 4)
    }

    /// The amounts of minutes in the range: a number of one to three digits, then "min",
    /// "mins" or "minutes" (a blank may stand between) and no letter after.
    static func minuteAmounts(_ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> [Int] {
        var out: [Int] = []
        var i = r.lowerBound
        while i < r.upperBound {
            guard ASCIIByte.isDigit(t[i]), i == r.lowerBound || !(ASCIIByte.isDigit(t[i - 1]) || t[i - 1] == 58 || t[i - 1] == 46),
                  let (v, after) = number(t, i, r.upperBound) else { i += 1; continue }
            var j = after
            while j < r.upperBound, t[j] == 32 { j += 1 }
            var k = j
            while k < r.upperBound, ASCIIByte.isLetter(t[k]) { k += 1 }
            let unit = String(decoding: t[j..<k].map { $0 | 0x20 }, as: UTF8.self)
            // A prime after the number ("5'", "5’") is minutes too.
            let prime = after < r.upperBound && (t[after] == 39 || (after + 2 < r.upperBound && t[after] == 0xE2 && t[after + 1] == 0x80 && t[after + 2] == 0x99))
            if after - i <= 3, prime || unit == "min" || unit == "mins" || unit == "minutes" || unit == "minute" { out.append(v) }
            i = max(after, i + 1)
        }
        return out
    }

    /// The digits at `i` as a number and where they end.
    static func number(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, _ limit: Int) -> (Int, Int)? {
        var j = i, v = 0
        while j < limit, ASCIIByte.isDigit(t[j]), j - i < 5 { v = v * 10 + Int(t[j] - 48); j += 1 }
        return j > i ? (v, j) : nil
    }
}
