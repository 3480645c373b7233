/// Reads the numbers notes write: digits, decimals and English number words
/// ("forty", "twenty-five", "an", "half").
public enum NumberParser {
    /// The number words "one" to "nineteen": the text step that reads spelled minutes uses them too.
    static let cardinals: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let tenWords: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90,
    ]
    static let units: [String: Double] = cardinals.mapValues(Double.init).merging([
        "zero": 0, "a": 1, "an": 1, "half": 0.5, "a half": 0.5, "quarter": 0.25, "a quarter": 0.25,
        "three quarters": 0.75, "couple": 2, "a couple": 2,
    ]) { $1 }
    static let tens: [String: Double] = tenWords.mapValues(Double.init)

    public static func parse(_ raw: String) -> Double? {
        if let i = Int(raw) { return Double(i) }  // plain digits, nearly every capture: no Foundation
        // Thousands grouped with commas, as call logs count seconds ("1,320").
        if raw.contains(",") {
            let groups = raw.split(separator: ",", omittingEmptySubsequences: false)
            if (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }),
               let i = Int(raw.filter { $0 != "," }) { return Double(i) }
        }
        // Whitespace runs read as one space ("a  quarter" in a padded export).
        var s = raw.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        if s.isEmpty { return nil }
        // An hour's fractions captured whole as hours: "half an hour", "a quarter of an hour",
        // "an hour and a quarter", "a half-hour" read as "half", "a quarter", "an and a quarter".
        // "three-quarters of an hour", "half-an-hour" written with a hyphen read as the words.
        if s.contains("-"), s.contains("quarter") || s.contains("half") { s = s.replacingOccurrences(of: "-", with: " ") }
        if s.contains("hour") {
            for word in [" of an hour", " an hour", "-hour", " hour"] { s = s.replacingOccurrences(of: word, with: "") }
        }
        if let d = Double(s) { return d }
        if s.hasSuffix("½"), let d = Double(s.dropLast()) { return d + 0.5 }
        if let u = units[s] { return u }
        if let t = tens[s] { return t }
        // "twenty-five", "twenty five", "one and a half"
        let parts = s.split(whereSeparator: { $0 == "-" || $0 == " " }).map(String.init)
        if parts.count == 2, let t = tens[parts[0]], let u = units[parts[1]], u >= 1, u < 10 { return t + u }
        if let andIdx = parts.firstIndex(of: "and"), andIdx > 0 {
            let whole = parts[..<andIdx].joined(separator: " ")
            let frac = parts[(andIdx + 1)...].joined(separator: " ")
            if let w = parse(whole), let f = parse(frac), f < 1 { return w + f }
        }
        return nil
    }
}

import Foundation
