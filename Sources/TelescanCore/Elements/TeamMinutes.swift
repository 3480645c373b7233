/// Minutes listed person by person under a heading of time, one line each ("Time" over "NP: 35
/// min", "Chaplain: 20 min", "Social work: 15 min"; "Physician: 30 min" over "MA: 10 min"): the
/// clinician's lines count, the staff's only in a monitoring month (decisions.md). `NoteScanner`
/// reads it after `MinutesTable`, where the time found is none or read from these lines.
///
/// The heading is a short line with no digit that names time or minutes ("Time", "Time spent:",
/// "Team time"); two lines or more follow, each a label of at most 60 characters outside its brackets, a colon and one
/// amount of minutes; a label with a digit outside its brackets ("Session 1 (10/06):") is no
/// entry: a day's or a session's minutes, not a person's. A label of staff (`MinutesTable.staffCells`: "MA", "RN (cognitive screen)",
/// "Facility RN (at bedside)", "RT", "Chaplain") adds nothing; the words of a bracketed remark
/// are not the label's. A line naming a total ends the list and stands when no line was left out.
/// A label of exercise, a symptom or a booking (`TimeLog.otherWords`) makes the lines a diary.
enum TeamMinutes {
    static let staffLabels: Set<String> = MinutesTable.staffCells.union(["rt", "facility", "crt", "rrt", "team"])

    /// The count and the lines the list spans (its heading to its last line), or nil.
    static func sum(in t: UnsafeBufferPointer<UInt8>, countingStaff: Bool) -> (sum: TimeLog.Sum, extent: Range<Int>)? {
        let n = t.count
        func line(from start: Int) -> Range<Int> {
            var end = start
            while end < n, t[end] != 10 { end += 1 }
            return start..<end
        }
        var best: (sum: TimeLog.Sum, extent: Range<Int>)?
        var heading = line(from: 0)
        while true {
            if isHeading(t, heading), let found = list(after: heading, t, countingStaff: countingStaff, line: line),
               found.sum.minutes > (best?.sum.minutes ?? 0) {
                best = found
            }
            guard heading.upperBound < n else { break }
            heading = line(from: heading.upperBound + 1)
        }
        return best
    }

    /// The list under a heading line, or nil.
    static func list(after heading: Range<Int>, _ t: UnsafeBufferPointer<UInt8>, countingStaff: Bool,
                     line: (Int) -> Range<Int>) -> (sum: TimeLog.Sum, extent: Range<Int>)? {
        var minutes = 0, listed = 0, leftOut = 0
        var counted: [Range<Int>] = []
        var total: (Int, Range<Int>)?
        var last = heading
        while last.upperBound < t.count {
            let next = line(last.upperBound + 1)
            guard let (label, m) = entry(t, next) else { break }
            last = next
            let words = label.split(whereSeparator: { !($0.isLetter || $0 == "-") }).map(String.init)
            if words.contains(where: MinutesTable.totalCells.contains) { total = (m, next); break }
            // A diary ("Walk: 30 min"): no list.
            if words.contains(where: { TimeLog.otherWords.contains($0) && $0 != "time" }) { return nil }
            listed += 1
            if words.contains(where: staffLabels.contains), !countingStaff {
                leftOut += 1
            } else {
                minutes += m
                counted.append(next)
            }
        }
        guard listed >= 2 || (listed == 1 && total != nil) else { return nil }
        let extent = heading.lowerBound..<last.upperBound
        if leftOut == 0, let (m, span) = total { return (TimeLog.Sum(minutes: m, rows: [span]), extent) }
        return counted.isEmpty ? nil : (TimeLog.Sum(minutes: minutes, rows: counted), extent)
    }

    /// "Time", "Time:", "Time spent", "Team time (min)": at most 30 bytes, no digit, names time or minutes.
    static func isHeading(_ t: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        guard line.count >= 4, line.count <= 30, ActivityMinutes.namesMinutesOrTime(t, line),
              !t[line].contains(where: ASCIIByte.isDigit) else { return false }
        let words = String(decoding: t[line], as: UTF8.self).lowercased().split(whereSeparator: { !$0.isLetter })
        return words.count <= 4 && words.contains { $0 == "time" || $0 == "minutes" }
    }

    /// "NP: 35 min", "RN (cognitive screen, HRA): 5 min", "- Physician: 30 minutes": the label
    /// outside brackets and the minutes, or nil.
    static func entry(_ t: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> (String, Int)? {
        guard line.count >= 6, line.count <= 160 else { return nil }
        let text = String(decoding: t[line], as: UTF8.self)
        // The label's colon: the first one outside brackets.
        var depth = 0
        var colon: String.Index?
        for idx in text.indices {
            let c = text[idx]
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) } else if c == ":", depth == 0 { colon = idx; break }
        }
        guard let colon else { return nil }
        let after = line.lowerBound + text.utf8.distance(from: text.startIndex, to: colon) + 1
        let amounts = TimeLog.minuteAmounts(t, after..<line.upperBound)
        guard amounts.count == 1 else { return nil }
        let label = ActivityMinutes.outsideBrackets(String(text[..<colon]).lowercased())
        guard label.count <= 60, label.contains(where: \.isLetter), !label.contains(where: \.isNumber) else { return nil }
        return (label, amounts[0])
    }
}
