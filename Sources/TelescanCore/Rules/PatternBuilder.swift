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

    /// The prefilter literal of a phrase: its longest run of letters and digits, lower-cased,
    /// so that whitespace and hyphen variants still contain it.
    static func literal(ofPhrase phrase: String) -> String {
        // Words with the character before and after each (nil at the ends).
        var words: [(text: String, before: Character?, after: Character?)] = []
        var current = ""
        var before: Character? = nil
        let lower = phrase.lowercased()
        let chars = Array(lower)
        for (i, ch) in chars.enumerated() {
            let isWord = ch.isASCII ? (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9") : (ch.isLetter || ch.isNumber)
            if isWord {
                if current.isEmpty { before = i > 0 ? chars[i - 1] : nil }
                current.append(ch)
            } else if !current.isEmpty {
                words.append((current, before, ch))
                current = ""
            }
        }
        if !current.isEmpty { words.append((current, before, nil)) }
        // The rarest word makes the best key; common clinical words wake the rule on most notes.
        // Without a rare word: the whole phrase when text matching it is always the same
        // ("a/v"), else its longest word (spaces and hyphens vary: "family  history").
        let rare = words.filter { $0.text.count >= 3 && !commonWords.contains($0.text) }
        let pool = rare.isEmpty ? words : rare
        let varies = lower.contains(" ") || lower.contains("\t") || lower.contains("-")
        guard (!rare.isEmpty || varies), let best = pool.max(by: { $0.text.unicodeScalars.count < $1.text.unicodeScalars.count }) else {
            return lower
        }
        // A hyphen in a phrase may match nothing ("e-visit" matches "evisit"): a word after one
        // need not start a word of the text, and a short word before one need not end it, so
        // such a key may occur inside a word ('*').
        if best.before == "-" || (best.text.utf8.count <= 4 && best.after == "-") { return "*" + best.text }
        return best.text
    }

    /// The most bytes, whitespace aside, that text matching `phrase` can have before its
    /// prefilter literal: each character counts for the longest text it can match without case
    /// ('k' also matches the 3-byte Kelvin sign, 's' the 2-byte long s; other non-ASCII up to 4).
    static func bytesBeforeLiteral(ofPhrase phrase: String) -> Int {
        let lower = phrase.lowercased()
        var literal = literal(ofPhrase: phrase)
        if literal.hasPrefix("*") { literal.removeFirst() }
        // The last place the literal occurs: no occurrence the prefilter reports lies later.
        guard let at = lower.range(of: literal, options: .backwards) else { return lower.unicodeScalars.count * 4 }
        var n = 0
        for u in lower[..<at.lowerBound].unicodeScalars where u != " " && u != "\t" {
            n += u == "k" ? 3 : u == "s" ? 2 : u.isASCII ? 1 : 4
        }
        return n
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
