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
        let sorted = phrases.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        return "(?:" + sorted.map(phrasePattern).joined(separator: "|") + ")"
    }

    /// A whole-word pattern for a phrase list.
    static func phraseRule(_ phrases: [String]) -> String {
        "(?<![\\w]|\\w-)" + alternation(phrases) + "(?![\\w]|-\\w)"
    }

    /// Replaces each `{{name}}` with the alternation of the named list.
    static func expandLists(_ pattern: String, lists: [String: [String]]) throws(RuleLoadError) -> String {
        var out = ""
        var rest = Substring(pattern)
        while let open = rest.range(of: "{{") {
            out += rest[rest.startIndex..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw RuleLoadError(file: "", problem: "unclosed '{{' in pattern")
            }
            let name = String(rest[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
            guard let list = lists[name] else {
                throw RuleLoadError(file: "", problem: "unknown list '{{\(name)}}' (known: \(lists.keys.sorted().joined(separator: ", ")))")
            }
            out += alternation(list)
            rest = rest[close.upperBound...]
        }
        out += rest
        return out
    }

    /// The prefilter literal of a phrase: its longest run of letters and digits, lower-cased,
    /// so that whitespace and hyphen variants still contain it.
    static func literal(ofPhrase phrase: String) -> String {
        var words: [String] = []
        var current = ""
        for ch in phrase.lowercased() {
            if ch.isLetter || ch.isNumber { current.append(ch) } else {
                if !current.isEmpty { words.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        // The rarest word makes the best key; common clinical words wake the rule on most notes.
        // One or two letters ("a/v") and common words occur everywhere: with no rare word, key
        // on the whole phrase instead.
        let rare = words.filter { $0.count >= 3 && !commonWords.contains($0) }
        return rare.max { $0.count < $1.count } ?? phrase.lowercased()
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
