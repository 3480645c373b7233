/// Minutes from a time finding's captures: `hours`, `minutes` and/or `seconds` (digits or words;
/// parts in `minutes2`...`minutes4` add up; seconds count in whole minutes, "1,320 seconds" is
/// 22), or a clock range `start`–`end` (with optional `ampm` and seconds; minutes captured beside
/// it add; `start_zone` and `end_zone` read each clock in its US time zone), or a fixed `value`.
public enum TimeValue {
    public static func minutes(captures: [String: String], value: String?) -> Int? {
        if captures["start"] != nil, captures["end"] != nil {
            // Several calls or segments, each with its clock pair, add up ("start2"/"end2"...).
            var total = 0
            for (startName, endName) in [("start", "end"), ("start2", "end2"), ("start3", "end3")] {
                guard let s = captures[startName], let e = captures[endName] else { continue }
                // Clocks read in two time zones ("connected 9:48 AM (ET) ... ended 9:14 AM (CT)"):
                // the end is moved into the start's zone first.
                let shift = zoneShift(from: captures["start_zone"], to: captures["end_zone"])
                guard let d = span(from: s, to: e, shiftingEndBy: shift) else { return nil }
                total += d
            }
            // Minutes stated beside the clock pair ("from 10:50 until 11:20, and I spent a further
            // ten minutes afterwards writing up") add to it.
            for name in ["minutes", "minutes2"] {
                if let m = captures[name], let v = NumberParser.parse(m) { total += Int(v.rounded()) }
            }
            return total < 12 * 60 ? total : nil
        }
        var total = 0.0
        var any = false
        if let h = captures["hours"], let v = NumberParser.parse(h) { total += v * 60; any = true }
        // A list of parts ("15 min reviewing, 20 min on video, 5 min documenting") adds up.
        for name in ["minutes", "minutes2", "minutes3", "minutes4"] {
            if let m = captures[name], let v = NumberParser.parse(m) { total += v; any = true }
        }
        // Seconds make whole minutes only when they fill them: a call log's "1,350 seconds" is
        // 22 minutes, not 23.
        if let sec = captures["seconds"], let v = NumberParser.parse(sec) {
            total += v / 60
            let whole = Int((total + 1e-9).rounded(.down))
            return whole > 0 && whole < 24 * 60 ? whole : nil
        }
        if !any, let value, let v = Double(value) { total = v; any = true }
        guard any, total > 0, total < 24 * 60 else { return nil }
        return Int(total.rounded())
    }

    /// Minutes from one clock time to the next; with seconds ("10:00:45" to "10:19:30"), the
    /// whole minutes between them. No visit runs five hours: a longer span is two times that are
    /// no visit's start and end ("ratio changed from 1:15 to 1:12" would wrap to 717 minutes).
    static func span(from s: String, to e: String, shiftingEndBy shift: Int = 0) -> Int? {
        guard let a = clockSeconds(s), let b = clockSeconds(e) else { return nil }
        var d = b + shift * 3600 - a
        while d <= 0 { d += 12 * 3600 }  // 11:50-12:20, or a pm range written without am/pm
        while d > 12 * 3600 { d -= 12 * 3600 }  // a shifted end read past noon (11:40 AM MST + 3 h)
        return d >= 60 && d <= maxSpanSeconds ? d / 60 : nil
    }
    static let maxSpanSeconds = 5 * 3600

    /// Hours to add to a clock read in `end` to read it in `start` (both US zone names, as notes
    /// write them: "ET", "EDT", "Central", "AZ"); 0 when either is missing or unknown.
    static func zoneShift(from start: String?, to end: String?) -> Int {
        guard let s = start.flatMap(utcOffset), let e = end.flatMap(utcOffset) else { return 0 }
        return s - e
    }

    /// The UTC offset in hours of a US time zone's name; a name without daylight or standard
    /// ("ET", "Eastern") reads as standard, so two such names differ by the zones alone.
    static func utcOffset(_ raw: String) -> Int? {
        let key = raw.lowercased().filter { $0.isLetter }
        return zoneOffsets[key]
    }
    static let zoneOffsets: [String: Int] = [
        "et": -5, "est": -5, "edt": -4, "eastern": -5,
        "ct": -6, "cst": -6, "cdt": -5, "central": -6,
        "mt": -7, "mst": -7, "mdt": -6, "mountain": -7, "az": -7, "arizona": -7,
        "pt": -8, "pst": -8, "pdt": -7, "pacific": -8,
        "akt": -9, "akst": -9, "akdt": -8, "alaska": -9,
        "ht": -10, "hst": -10, "hawaii": -10,
    ]

    /// Seconds since midnight (12-hour wrap) of a clock time that may carry seconds ("10:19:30");
    /// other forms as `clock`.
    static func clockSeconds(_ raw: String) -> Int? {
        let parts = raw.split(separator: ":")
        if parts.count == 3, let h = Int(parts[0]), let m = Int(parts[1]), let sec = Int(parts[2]),
           parts[1].count == 2, parts[2].count == 2, h < 24, m < 60, sec < 60 {
            return ((h % 12) * 60 + m) * 60 + sec
        }
        return clock(raw).map { $0 * 60 }
    }

    /// Minutes since midnight of "10:02", "2:50", "1430", "9.40", "9h05"; am/pm does not matter
    /// for a difference within the 12-hour wrap handled above.
    static func clock(_ raw: String) -> Int? {
        if raw.unicodeScalars.contains(where: { $0.properties.isAlphabetic }), !raw.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) {
            return wordClock(raw)
        }
        // A dot or an "h" between the hour and the minutes is the colon; other letters (am,
        // pm, hrs) drop out, and a separator they leave at the end splits off nothing.
        var mapped = ""
        for c in raw {
            if c.isNumber { mapped.append(c) } else if c == ":" || c == "." || c == "h" || c == "H" { mapped.append(":") }
        }
        let parts = mapped.split(separator: ":")
        if parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2, h < 24, m < 60 { return (h % 12) * 60 + m }
        if parts.count == 1, parts[0].count == 4, let v = Int(parts[0]), v / 100 < 24, v % 100 < 60 { return ((v / 100) % 12) * 60 + v % 100 }
        return nil
    }

    /// A clock time in words, minutes since midnight on a 12-hour clock: "ten past four",
    /// "twenty-five to five", "half past ten", "a quarter to three", "ten o'clock", "nine fifty",
    /// "ten oh five", "noon" (with or without "am", "pm", "in the morning"), and a 24-hour clock
    /// read out ("thirteen twenty"). Nil for anything else, a bare hour included.
    static func wordClock(_ raw: String) -> Int? {
        var words = raw.lowercased().split(whereSeparator: { " \t\n\r-".contains($0) }).map(String.init)
        // The part of the day and "o'clock" say nothing a 12-hour difference needs.
        var marked = false
        while let last = words.last {
            if ["am", "pm", "a.m.", "p.m.", "a.m", "p.m", "morning", "afternoon", "evening", "the", "in"].contains(last) { words.removeLast(); marked = true; continue }
            if ["o'clock", "oclock", "o’clock"].contains(last) { words.removeLast(); marked = true; continue }
            break
        }
        func hour(_ w: [String]) -> Int? {
            if w == ["noon"] || w == ["midday"] { return 12 }
            guard w.count == 1, let v = NumberParser.parse(w[0]), v == v.rounded(), v >= 1, v <= 12 else { return nil }
            return Int(v)
        }
        func minutes(_ w: [String]) -> Int? {
            let joined = w.joined(separator: " ")
            if joined == "half" { return 30 }
            if joined == "quarter" || joined == "a quarter" { return 15 }
            var w = w
            if w.first == "oh" || w.first == "o" { w.removeFirst() }
            guard !w.isEmpty, let v = NumberParser.parse(w.joined(separator: " ")), v == v.rounded(), v >= 1, v < 60 else { return nil }
            return Int(v)
        }
        for (i, w) in words.enumerated() where i > 0 && i < words.count - 1 {
            guard ["past", "after", "to", "before"].contains(w), let m = minutes(Array(words[..<i])),
                  let h = hour(Array(words[(i + 1)...])) else { continue }
            return w == "past" || w == "after" ? (h % 12) * 60 + m : ((h + 11) % 12) * 60 + (60 - m)
        }
        // A 24-hour clock read out ("thirteen twenty", "twenty-one thirty", "fourteen hundred",
        // "nineteen oh five"): the hour in one or two words, then minutes of two digits, "oh"
        // and a digit, or "hundred"; so "twenty five" or "fifteen five" stay no clock time.
        for k in [2, 1] where words.count > k {
            guard let v = NumberParser.parse(words[..<k].joined(separator: " ")), v == v.rounded(), v >= 13, v <= 23 else { continue }
            let rest = Array(words[k...])
            if rest == ["hundred"] || rest == ["hundred", "hours"] { return (Int(v) % 12) * 60 }
            var tail = rest
            if tail.last == "hours" { tail.removeLast() }
            guard let m = minutes(tail), m >= 10 || tail.first == "oh" || tail.first == "o" else { continue }
            return (Int(v) % 12) * 60 + m
        }
        guard let first = words.first, let h = hour([first]) else { return nil }
        if words.count == 1 { return marked || first == "noon" || first == "midday" ? (h % 12) * 60 : nil }
        guard let m = minutes(Array(words.dropFirst())) else { return nil }
        return (h % 12) * 60 + m
    }
}
