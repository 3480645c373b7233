/// Turns phrase lists into PCRE2 patterns and expands `{{list}}` references to named lists.
enum PatternBuilder {
    /// Escapes a phrase for PCRE2; runs of spaces match any whitespace, a hyphen or space between
    /// words also matches the other ("follow-up" = "follow up").
    static func phrasePattern(_ phrase: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in phrase.unicodeScalars {
            if ch == " " || ch == "\t" { pendingSpace = true; continue }
            if pendingSpace { out += "\\s+"; pendingSpace = false }
            switch ch {
            case "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "#":
                out += "\\" + String(ch)
            case "-":
                out += "[-\\s]?"
            default:
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// One alternation of phrases, longest first so the longest phrase wins at a position.
    static func alternation(_ phrases: [String]) -> String {
        // Lengths computed once: `String.count` walks grapheme clusters on every comparison.
        let sorted = phrases.map { ($0, $0.unicodeScalars.count) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return "(?:" + sorted.map { phrasePattern($0.0) }.joined(separator: "|") + ")"
    }

    /// A whole-word pattern for a phrase list.
    static func phraseRule(_ phrases: [String]) -> String {
        "(?<![\\w]|\\w-)" + alternation(phrases) + "(?![\\w]|-\\w)"
    }

    /// Replaces each `{{name}}` with the alternation of the named list.
    static func expandLists(_ pattern: String, lists: [String: [String]]) throws(RuleLoadError) -> String {
        // A byte scan for "{{": Foundation's `range(of:)` was a visible share of start-up.
        let bytes = Array(pattern.utf8)
        guard bytes.count >= 2 else { return pattern }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "{"), bytes[i + 1] == UInt8(ascii: "{") else {
                out.append(bytes[i]); i += 1; continue
            }
            var j = i + 2
            while j + 1 < bytes.count && !(bytes[j] == UInt8(ascii: "}") && bytes[j + 1] == UInt8(ascii: "}")) { j += 1 }
            guard j + 1 < bytes.count else { throw RuleLoadError(file: "", problem: "unclosed '{{' in pattern") }
            let name = String(decoding: bytes[(i + 2)..<j], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            guard let list = lists[name] else {
                throw RuleLoadError(file: "", problem: "unknown list '{{\(name)}}' (known: \(lists.keys.sorted().joined(separator: ", ")))")
            }
            out += alternation(list).utf8
            i = j + 2
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The most bytes, whitespace aside, that text matching `phrase` can have before its
    /// prefilter literal: each character counts for the longest text it can match without case
    /// ('k' also matches the 3-byte Kelvin sign, 's' the 2-byte long s; other non-ASCII up to 4).
    static func bytesBeforeLiteral(ofPhrase phrase: String) -> Int { key(ofPhrase: phrase).prefix }

    /// A phrase's prefilter key and how far before it a match can start (see above).
    /// `keepingCase`: an ASCII phrase's key keeps its case, as an exact (`=`) key.
    static func key(ofPhrase phrase: String, keepingCase: Bool = false) -> (literal: String, prefix: Int) {
        let lower = Array(phrase.lowercased().unicodeScalars)
        let exact = keepingCase && phrase.utf8.allSatisfy { $0 < 0x80 }
        let original = exact ? Array(phrase.unicodeScalars) : lower
        func isWord(_ u: Unicode.Scalar) -> Bool {
            u.isASCII ? (u >= "a" && u <= "z") || (u >= "0" && u <= "9") : u.properties.isAlphabetic || u.properties.numericType != nil
        }
        // Words, as scalar ranges of the lower-cased phrase.
        var words: [Range<Int>] = []
        var i = 0
        while i < lower.count {
            guard isWord(lower[i]) else { i += 1; continue }
            let start = i
            while i < lower.count, isWord(lower[i]) { i += 1 }
            words.append(start..<i)
        }
        // ASCII phrases (nearly all) make their word strings from bytes: building them from
        // scalar slices was a tenth of start-up.
        let asciiBytes: [UInt8]? = lower.allSatisfy(\.isASCII) ? lower.map { UInt8($0.value) } : nil
        func text(_ r: Range<Int>) -> String {
            if let asciiBytes { return String(decoding: asciiBytes[r], as: UTF8.self) }
            return String(String.UnicodeScalarView(lower[r]))
        }
        func cost(upTo end: Int) -> Int {
            var n = 0
            for u in lower[..<end] where u != " " && u != "\t" { n += u == "k" ? 3 : u == "s" ? 2 : u.isASCII ? 1 : 4 }
            return n
        }
        // The rarest word makes the best key; common clinical words wake the rule on most notes.
        // Without a rare word: the whole phrase when text matching it is always the same
        // ("a/v"), else its longest word (spaces and hyphens vary: "family  history").
        let rare = words.filter { $0.count >= 3 && !commonWords.contains(text($0)) }
        let varies = lower.contains(" ") || lower.contains("\t") || lower.contains("-")
        let pool = rare.isEmpty ? words : rare
        func keyText(_ r: Range<Int>) -> String {
            (exact ? "=" : "") + (exact ? String(String.UnicodeScalarView(original[r])) : text(r))
        }
        guard !rare.isEmpty || varies, let first = pool.first else { return (keyText(0..<lower.count), 0) }
        var best = first
        for w in pool.dropFirst() where w.count > best.count { best = w }
        let literal = text(best)
        // Where the key can occur last in the phrase: no occurrence the prefilter reports inside
        // a match lies later.
        var last = best.lowerBound
        for w in words where text(w) == literal { last = max(last, w.lowerBound) }
        // A hyphen in a phrase may match nothing ("e-visit" matches "evisit"): a word after one
        // need not start a word of the text, and a short word before one need not end it, so
        // such a key may occur inside a word ('*').
        let before = best.lowerBound > 0 ? lower[best.lowerBound - 1] : nil
        let after = best.upperBound < lower.count ? lower[best.upperBound] : nil
        let inside = before == "-" || (literal.utf8.count <= 4 && after == "-")
        let written = exact ? String(String.UnicodeScalarView(original[best])) : literal
        return ((exact ? "=" : "") + (inside ? "*" : "") + written, cost(upTo: last))
    }

    /// Words too frequent in clinical notes to be a prefilter key when a phrase has another.
    static let commonWords: Set<String> = [
        "patient", "pt", "visit", "visits", "time", "call", "note", "care", "with", "from", "the", "and",
        "for", "new", "day", "days", "this", "that", "was", "were", "over", "on", "in", "by", "via", "to",
        "of", "a", "an", "is", "at", "follow", "up", "history", "present", "plan", "exam", "today",
        "letter", "request", "message", "sent", "left", "appointment", "clinic", "office", "results",
        "clinical", "assessment", "discussion", "completed", "did", "not", "evaluation", "initial",
        "first", "provider", "practice", "health", "healthcare", "connect", "management", "family",
        "members", "during", "last", "past", "had", "has", "month", "monthly", "back", "also", "all",
        "any", "will", "can", "room", "care", "home", "work", "physical", "signs", "visit", "notes",
    ]
}

import Foundation
