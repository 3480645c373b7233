/// Minutes from a time finding's captures: `hours` and/or `minutes` (digits or words; parts in
/// `minutes2`...`minutes4` add up), or a
/// clock range `start`–`end` (with optional `ampm`), or a fixed `value`.
public enum TimeValue {
    public static func minutes(captures: [String: String], value: String?) -> Int? {
        if let s = captures["start"], let e = captures["end"] {
            guard let a = clock(s), let b = clock(e) else { return nil }
            var d = b - a
            if d <= 0 { d += 12 * 60 }       // 11:50-12:20, or a pm range written without am/pm
            return d > 0 && d < 12 * 60 ? d : nil
        }
        var total = 0.0
        var any = false
        if let h = captures["hours"], let v = NumberParser.parse(h) { total += v * 60; any = true }
        // A list of parts ("15 min reviewing, 20 min on video, 5 min documenting") adds up.
        for name in ["minutes", "minutes2", "minutes3", "minutes4"] {
            if let m = captures[name], let v = NumberParser.parse(m) { total += v; any = true }
        }
        if !any, let value, let v = Double(value) { total = v; any = true }
        guard any, total > 0, total < 24 * 60 else { return nil }
        return Int(total.rounded())
    }

    /// Minutes since midnight of "10:02", "2:50", "1430"; am/pm does not matter for a difference
    /// within the 12-hour wrap handled above.
    static func clock(_ raw: String) -> Int? {
        let digits = raw.filter { $0.isNumber || $0 == ":" }
        let parts = digits.split(separator: ":")
        if parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), h < 24, m < 60 { return (h % 12) * 60 + m }
        if parts.count == 1, digits.count == 4, let v = Int(digits), v / 100 < 24, v % 100 < 60 { return ((v / 100) % 12) * 60 + v % 100 }
        return nil
    }
}
