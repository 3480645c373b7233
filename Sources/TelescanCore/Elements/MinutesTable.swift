/// The clinician's time written as a table with a column of minutes ("| Date | Who | Activity |
/// Min |" over rows, "Staff<TAB>Task<TAB>Minutes"): the rows that are the clinician's own work
/// on the service add up (decisions.md). `NoteScanner` reads it once the service and the
/// performer are known, before `TimeLog` and `ActivityMinutes`.
///
/// A table is a header line of two cells or more, with no digit, one of which names minutes ("Min",
/// "Minutes", "Min (Dr. Santangelo)", "Time (min)", "Duration"), or of three or more with start and
/// end clocks ("Start" and "End"), and the lines right under it with as many cells (a total row may
/// leave cells out; rule lines "|---|---|" are skipped). Cells are
/// split at pipes (the text layer's `TableCellRemnants` turns a row's first pipe into a blank and
/// its second into ": ", which is read back as a wall), else at tabs.
///
/// Rows that count: not a total row, not "not counted"; not staff's ("RN", "MA (Tiana R.)",
/// "Chaplain") unless in a monitoring month, and, with a column of who did it and a known
/// performer, the performer's own (by surname or, alone, by credential); in a visit, only the
/// rows of the table's last date or the row marked "today" (an e-visit's days and a monitoring
/// month's rows all count). A total row stands when no row was left out. A table whose rows name
/// exercise, a symptom or a booking (`TimeLog.otherWords`) and no work is a diary, not the
/// clinician's time. A table of clock times and events with no minutes (a call log's "09:20
/// connected" ... "09:41 call ended") counts from the connecting row to the ending one.
enum MinutesTable {
    /// Header cells of the minutes column, after lower-casing and trimming.
    static func isMinutesHeader(_ c: String) -> Bool {
        let words = c.split(whereSeparator: { !$0.isLetter }).map(String.init)
        guard let first = words.first, words.count <= 4 else { return false }
        let minutes: Set<String> = ["min", "mins", "minute", "minutes"]
        // "Min", "Minutes (Dr. Lee)", "# min", "No. of min"; not "Minor", "Ministry".
        if minutes.contains(first) || (["no", "of"].contains(first) && words.contains(where: minutes.contains)) { return true }
        // "Time", "Time (min)", "Duration", "Time spent".
        return ["time", "duration"].contains(first) && (words.count == 1 || words.contains { minutes.contains($0) || $0 == "spent" })
    }
    static let dateHeaders: Set<String> = ["date", "day", "dos", "date of service", "service date"]
    static let whoHeaders: Set<String> = ["who", "staff", "by", "clinician", "provider", "role", "team member", "name",
                                          "staff member", "performed by", "discipline", "person", "member", "reviewer"]
    /// Who in a row is staff, besides `TimeLog.staffWords`.
    static let staffCells: Set<String> = TimeLog.staffWords.union([
        "chaplain", "sw", "msw", "chw", "navigator", "coordinator", "scribe", "student", "interpreter", "receptionist",
        "social", "pharmacist", "pharmd", "aide", "tech", "technician",
    ])
    static let totalCells: Set<String> = ["total", "totals", "sum", "cumulative"]

    struct Table {
        var header: [String]
        var headerSpan: Range<Int>
        var rows: [(cells: [String], remark: String, span: Range<Int>)] = []
    }

    /// The sum of the note's table of minutes that counts most and the lines the whole table
    /// spans (its header to its last row), or nil.
    static func sum(in t: UnsafeBufferPointer<UInt8>, service: Service, performer: NoteElements.Provider?) -> (sum: TimeLog.Sum, extent: Range<Int>)? {
        guard t.contains(124) || t.contains(9) else { return nil }
        var best: (sum: TimeLog.Sum, extent: Range<Int>)?
        for table in tables(t) {
            if let s = count(table, service: service, performer: performer), s.minutes > (best?.sum.minutes ?? 0) {
                best = (s, table.headerSpan.lowerBound..<(table.rows.last?.span.upperBound ?? table.headerSpan.upperBound))
            }
        }
        return best
    }

    /// The tables of the note whose header names minutes or start and end clocks.
    static func tables(_ t: UnsafeBufferPointer<UInt8>) -> [Table] {
        var out: [Table] = []
        var current: Table?
        var start = 0
        let n = t.count
        while start < n {
            var end = start
            while end < n, t[end] != 10 { end += 1 }
            let line = start..<end
            let row = cellsOf(t, line)
            if var table = current {
                if isRuleLine(t, line) {
                    // "|----|----|" under the header or between rows.
                } else if let row, row.cells.count == table.header.count || isTotalRow(row.cells) {
                    table.rows.append((row.cells, row.remark, line))
                    current = table
                } else if let row, row.cells.count + 1 == table.header.count, !row.remark.isEmpty {
                    // "| 10/07 | Call | 15" without its closing pipe: the "remark" is the last cell.
                    table.rows.append((row.cells + [row.remark], "", line))
                    current = table
                } else {
                    if !table.rows.isEmpty { out.append(table) }
                    current = nil
                }
            }
            // A header without its closing pipe ("| Date | Activity | Min") keeps its last cell.
            if current == nil, let row, let cells = Optional(row.remark.contains(where: \.isLetter) ? row.cells + [row.remark] : row.cells),
               cells.count >= 2, !cells.contains(where: { $0.contains(where: \.isNumber) }) {
                let header = cells.map { $0.lowercased() }
                let startEnd = header.contains { $0.hasPrefix("start") } && header.contains { $0.hasPrefix("end") || $0.hasPrefix("stop") }
                if header.contains(where: isMinutesHeader) || (startEnd && cells.count >= 3) {
                    current = Table(header: header, headerSpan: line)
                }
            }
            start = end + 1
        }
        if let table = current, !table.rows.isEmpty { out.append(table) }
        return out
    }

    /// A line of dashes, pipes, colons, plus signs and blanks only.
    static func isRuleLine(_ t: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var dashes = 0
        for i in line {
            let b = t[i]
            if b == 45 || b == 61 { dashes += 1 } else if !(b == 124 || b == 58 || b == 43 || ASCIIByte.isLineBlank(b)) { return false }
        }
        return dashes >= 3
    }

    /// A row whose first cell with text names a total ("Total", "7-day total", "Total, both days",
    /// "Total this month"): it may span the columns it leaves empty.
    static func isTotalRow(_ cells: [String]) -> Bool {
        guard let first = cells.first(where: { !$0.isEmpty }) else { return false }
        let words = first.lowercased().split(whereSeparator: { !$0.isLetter })
        return words.contains { totalCells.contains(String($0)) } && cells.count >= 2
    }

    /// The line's cells and the remark written after its closing pipe ("| 28 |   <- today"), or
    /// nil when it is no row: split at pipes (the text layer writes a row's first pipe as a blank
    /// and its second as ": ", "  Date: Who | Min |", split there again), else at tabs when it
    /// has two or more.
    static func cellsOf(_ t: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> (cells: [String], remark: String)? {
        guard line.count >= 5, line.count <= 400 else { return nil }
        var pipes = 0, tabs = 0
        for i in line { if t[i] == 124 { pipes += 1 } else if t[i] == 9 { tabs += 1 } }
        guard pipes >= 1 || tabs >= 1 else { return nil }
        let text = String(decoding: t[line], as: UTF8.self).trimmingCharacters(in: .newlines)
        if pipes >= 1 {
            var parts = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            // Walls at both ends ("| a | b |", or a row the text layer masked), else only inside ("a | b | c").
            var walled = true
            if parts.first?.trimmingCharacters(in: .whitespaces).isEmpty == true {
                parts.removeFirst()
            } else if text.first == " ", let first = parts.first, let colon = first.range(of: ": ") {
                parts.replaceSubrange(0...0, with: [String(first[..<colon.lowerBound]), String(first[colon.upperBound...])])
            } else if pipes >= 2 {
                walled = false
            } else {
                return nil
            }
            var remark = ""
            if walled, parts.count >= 2, let last = parts.last {
                remark = last.trimmingCharacters(in: .whitespaces)
                parts.removeLast()
            }
            // One cell and a "remark" may be a row without its closing pipe ("| Video visit | 20").
            guard parts.count >= 2 || (parts.count == 1 && !remark.isEmpty) else { return nil }
            return (parts.map { $0.trimmingCharacters(in: .whitespaces) }, remark)
        }
        guard tabs >= 1 else { return nil }
        let cells = text.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        // A leading tab indents the row.
        let dropped = Array(cells.drop { $0.isEmpty })
        return dropped.count >= 2 ? (dropped, "") : nil
    }

    /// The table's count, or nil when it is no table of the clinician's time.
    static func count(_ table: Table, service: Service, performer: NoteElements.Provider?) -> TimeLog.Sum? {
        let h = table.header
        let minutesColumn = h.firstIndex(where: isMinutesHeader)
        let startColumn = h.firstIndex { $0.hasPrefix("start") }
        let endColumn = h.firstIndex { $0.hasPrefix("end") || $0.hasPrefix("stop") }
        let dateColumn = h.firstIndex { dateHeaders.contains($0) }
        let whoColumns = h.indices.filter { whoHeaders.contains(h[$0]) }
        let countingStaff = service == .remoteMonitoring
        let allDays = service == .eVisit || service == .remoteMonitoring
        struct Row { let minutes: Int; let span: Range<Int>; let date: String?; let today: Bool; let total: Bool; let counts: Bool }
        var rows: [Row] = []
        var worksNamed = false
        let surname = performer?.name?.split(separator: " ").last.map { $0.lowercased() }
        for (cells, remark, span) in table.rows {
            let lower = cells.map { $0.lowercased() }
            let total = isTotalRow(cells)
            let fits = cells.count == h.count
            var minutes: Int?
            if fits, let m = minutesColumn { minutes = amount(lower[m]) }
            if total, minutes == nil { minutes = lower.last(where: { !$0.isEmpty }).flatMap(amount) }
            if fits, minutes == nil, let s = startColumn, let e = endColumn { minutes = clockSpan(lower[s], lower[e]) }
            guard let m = minutes else { continue }
            let who = fits && !whoColumns.isEmpty ? whoColumns.map { lower[$0] }.joined(separator: " ") : lower.joined(separator: " ")
            let whoWords = who.split(whereSeparator: { !($0.isLetter || $0 == "-") }).map(String.init)
            let doneWords = lower.indices.filter { !whoColumns.contains($0) || !fits }.map { lower[$0] }.joined(separator: " ")
                .split(whereSeparator: { !($0.isLetter || $0 == "-") }).map(String.init)
            let works = doneWords.contains(where: TimeLog.workWords.contains)
            let notCounted = TimeLog.notCounted.contains { n in lower.contains { $0.contains(n) } }
            // A row of exercise, a symptom or a booking and no work: a diary, not the clinician's time.
            if !total, !works, !notCounted,
               doneWords.contains(where: { TimeLog.otherWords.contains($0) && !["time", "total", "totals", "cumulative"].contains($0) }) {
                return nil
            }
            if works { worksNamed = true }
            // Without a column of who did it, only staff words that are not the row's counterpart
            // ("Care coordination with pharmacist" is the clinician's work).
            let staffs = whoColumns.isEmpty || !fits
                ? whoWords.indices.contains { k in TimeLog.staffWords.contains(whoWords[k]) && (k == 0 || !["with", "to", "from", "and"].contains(whoWords[k - 1])) }
                : whoWords.contains(where: staffCells.contains)
            var counts = !notCounted
            if staffs, !countingStaff { counts = false }
            if counts, !total, !whoColumns.isEmpty, let performer, !staffs {
                let mine = surname.map { s in whoWords.contains(s) || who.contains(s) } ?? false
                let credentialOnly = performer.credential.map { c in whoWords == [c.lowercased()] } ?? false
                let anyName = whoWords.contains { $0.count > 3 }
                if !(mine || credentialOnly || !anyName) { counts = false }
            }
            let today = remark.lowercased().contains("today") || lower.contains { $0.contains("today") }
            rows.append(Row(minutes: m, span: span, date: fits ? dateColumn.map { lower[$0] } : nil, today: today, total: total, counts: counts))
        }
        if rows.isEmpty { return clockEvents(table) }
        guard worksNamed || !whoColumns.isEmpty || (minutesColumn.map { h[$0].contains("(") } ?? false) else { return nil }
        var chosen = rows.filter { !$0.total }
        if !allDays, dateColumn != nil {
            if let marked = chosen.first(where: \.today)?.date {
                chosen = chosen.filter { $0.date == marked }
            } else if let last = chosen.last?.date, Set(chosen.compactMap(\.date)).count > 1 {
                chosen = chosen.filter { $0.date == last }
            }
        }
        let counted = chosen.filter(\.counts)
        let leftOut = rows.count - rows.filter(\.total).count - counted.count
        if leftOut == 0, let total = rows.last(where: \.total) { return TimeLog.Sum(minutes: total.minutes, rows: [total.span]) }
        guard !counted.isEmpty else { return nil }
        return TimeLog.Sum(minutes: counted.reduce(0) { $0 + $1.minutes }, rows: counted.map(\.span))
    }

    /// Words of a row that starts the call or the session, and of one that ends it.
    static let startEvents: Set<String> = ["connected", "answered", "joined", "started", "admitted", "began", "start"]
    static let endEvents: Set<String> = ["ended", "end", "disconnected", "hung", "completed", "stopped", "finished"]

    /// A log of clock times and events with no minutes ("| 2 | 09:20 | connected |" ... "| - |
    /// 09:41 | call ended |"): from the first row that connects to the first later row that ends.
    static func clockEvents(_ table: Table) -> TimeLog.Sum? {
        var from: (Int, Range<Int>)?
        for (cells, _, span) in table.rows where cells.count == table.header.count {
            let lower = cells.map { $0.lowercased() }
            guard let at = lower.lazy.compactMap(clockMinute).first else { continue }
            let words = Set(lower.joined(separator: " ").split(whereSeparator: { !$0.isLetter }).map(String.init))
            if let (start, startSpan) = from, !words.isDisjoint(with: endEvents) {
                var to = at
                if to < start { to += 720 }
                guard to > start, to - start <= 240 else { return nil }
                return TimeLog.Sum(minutes: to - start, rows: [startSpan, span])
            }
            if from == nil, !words.isDisjoint(with: startEvents), words.isDisjoint(with: endEvents) { from = (at, span) }
        }
        return nil
    }

    /// A clock cell's minute of the day ("09:20", "2:05 pm").
    static func clockMinute(_ c: String) -> Int? {
        let parts = c.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber || $0 == ":" }.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2, h < 24, m < 60 else { return nil }
        let pm = c.contains("pm") && h < 12
        return (h + (pm ? 12 : 0)) * 60 + m
    }

    /// A cell's minutes: "22", "22 min", "~22", "22'", not a clock ("14:05") nor a range.
    static func amount(_ cell: String) -> Int? {
        var s = Substring(cell.trimmingCharacters(in: .whitespaces))
        if s.hasPrefix("~") || s.hasPrefix("≈") { s = s.dropFirst() }
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count), let v = Int(digits) else { return nil }
        let rest = s.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        guard rest.isEmpty || ["min", "mins", "minutes", "minute", "m", "'"].contains(rest) || rest.hasPrefix("min ") || rest.hasPrefix("(")
        else { return nil }
        return v > 0 && v <= 600 ? v : nil
    }

    /// Minutes from a start cell to an end cell ("14:05" to "14:17").
    static func clockSpan(_ start: String, _ end: String) -> Int? {
        guard let a = clockMinute(start), var b = clockMinute(end) else { return nil }
        if b < a { b += 720 }
        return b > a && b - a <= 240 ? b - a : nil
    }
}
