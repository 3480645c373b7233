import Foundation

/// How exports change a note's text: a space may be two, a tab or a line break; some notes shout
/// in capitals, glue a number to its unit, drop or space a hyphen, curl an apostrophe. A rule's
/// match example so changed, where its pattern still matches, must be found by the scan too
/// (`RuleExampleRunner`): a key with exactly one space in it, a key that keeps a case the
/// pattern does not, a whole-word key a unit is glued to ("4min" does not hold the word "min"),
/// or a window that counts the padding would lose it.
public enum ExportMutations {
    public static let all: [@Sendable (String) -> String] = ["  ", "\t", "\n", "\r\n", " \u{a0}"].map { space -> @Sendable (String) -> String in
        { $0.replacingOccurrences(of: " ", with: space) }
    } + [
        { $0.uppercased() },
        gluingNumbersToWords,
        { $0.replacingOccurrences(of: "-", with: "") },
        { $0.replacingOccurrences(of: "-", with: " ") },
        { $0.replacingOccurrences(of: "'", with: "’") },
        { $0.replacingOccurrences(of: "’", with: "'") },
        { $0.replacingOccurrences(of: ":", with: " :") },
        { $0.replacingOccurrences(of: " - ", with: " – ") },
        { $0.replacingOccurrences(of: "/", with: " / ") },
    ]

    /// "20 min" -> "20min": the space between a digit and a letter dropped.
    public static func gluingNumbersToWords(_ text: String) -> String {
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, c) in s.enumerated() {
            if c == " ", i > 0, i + 1 < s.count, ("0"..."9").contains(s[i - 1]), s[i + 1].properties.isAlphabetic { continue }
            out.append(c)
        }
        return String(out)
    }
}
