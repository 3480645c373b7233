/// Turns phrase lists into PCRE2 patterns and expands `{{list}}` references to named lists.
enum PatternBuilder {
    /// Escapes a phrase for PCRE2; runs of spaces match any whitespace, a hyphen or space between
    /// words also matches the other ("follow-up" = "follow up").
    static func phrasePattern(_ phrase: String) -> String {
        atoms(phrase).map(\.text).joined()
    }

    /// One piece of a phrase's pattern: a character (escaped when special), a run of whitespace
    /// (`\s+`) or a hyphen that may also be whitespace or nothing (`[-\s]?`).
    struct Atom: Equatable {
        enum Kind: Equatable { case character(Unicode.Scalar), whitespace, optionalHyphen }
        var kind: Kind
        var text: String

        /// Whether the two match the same text: the same atom, or (caseless) ASCII letters that
        /// differ only in case.
        func same(_ other: Atom, caseless: Bool) -> Bool {
            if self == other { return true }
            guard caseless, case let (.character(a), .character(b)) = (kind, other.kind), a.isASCII, b.isASCII else { return false }
            return LiteralPrefilter.fold(UInt8(a.value)) == LiteralPrefilter.fold(UInt8(b.value))
        }

        /// Whether no text can match both `self` and `other` at the same place, in caseless or
        /// case-sensitive matching alike: two ASCII characters that differ in more than case,
        /// or whitespace and a character that is not.
        func excludes(_ other: Atom) -> Bool {
            switch (kind, other.kind) {
            case let (.character(a), .character(b)):
                guard a.isASCII, b.isASCII else { return false }
                return LiteralPrefilter.fold(UInt8(a.value)) != LiteralPrefilter.fold(UInt8(b.value))
            case let (.character(c), .whitespace), let (.whitespace, .character(c)):
                return c.isASCII && !WhitespaceRuns.isSpace(UInt8(c.value))
            default:
                return false
            }
        }
    }

    static func atoms(_ phrase: String) -> [Atom] {
        var out: [Atom] = []
        var pendingSpace = false
        for ch in phrase.unicodeScalars {
            if ch == " " || ch == "\t" { pendingSpace = true; continue }
            if pendingSpace { out.append(Atom(kind: .whitespace, text: "\\s+")); pendingSpace = false }
            switch ch {
            case "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "#":
                out.append(Atom(kind: .character(ch), text: "\\" + String(ch)))
            case "-":
                out.append(Atom(kind: .optionalHyphen, text: "[-\\s]?"))
            default:
                out.append(Atom(kind: .character(ch), text: String(ch)))
            }
        }
        return out
    }

    /// One alternation of phrases, longest first so the longest phrase wins at a position.
    /// Phrases that start alike share that start (a trie: "no show|no answer" becomes
    /// "no\s+(?:show|answer)"), where this cannot change which phrase matches: PCRE2 tries
    /// alternatives one by one at every start position, so a list of a hundred phrases cost a
    /// hundred tries per position; the trie costs one per distinct first character.
    /// `caseless`: the pattern matches without case, so "Video" and "video" may share a start.
    static func alternation(_ phrases: [String], caseless: Bool = false) -> String {
        // Lengths computed once: `String.count` walks grapheme clusters on every comparison.
        let sorted = phrases.map { ($0, $0.unicodeScalars.count) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        var out = ""
        let grouped = trie(sorted.map { atoms($0.0)[...] }, caseless: caseless, into: &out)
        return grouped ? out : "(?:" + out + ")"
    }

    /// Writes the alternation of `members` (in match order) as a group. Members are grouped
    /// by their first atom only when the first atoms of different groups exclude each other,
    /// so at most one group can match at a position and the order inside each group is kept;
    /// a member that ends here (the shortest: members are longest first) stays last. A group's
    /// shared first atom is written once only when it can match in one way alone (then
    /// "a(?:x|y)" tries the same things in the same order as "ax|ay"). Otherwise the members
    /// are written one after another, as given. Returns whether it wrote one group around all.
    @discardableResult
    static func trie(_ members: [ArraySlice<Atom>], caseless: Bool, into out: inout String) -> Bool {
        var firsts: [Atom] = []
        var groups: [[ArraySlice<Atom>]] = []
        var endsHere = false
        for (i, m) in members.enumerated() {
            guard let a = m.first else {
                // An empty member matches anywhere: only as the last one.
                guard i == members.count - 1 else { flat(members, into: &out); return true }
                endsHere = true
                continue
            }
            if let g = firsts.firstIndex(where: { $0.same(a, caseless: caseless) }) {
                groups[g].append(m)
            } else {
                guard firsts.allSatisfy({ $0.excludes(a) }) else { flat(members, into: &out); return true }
                firsts.append(a)
                groups.append([m])
            }
        }
        // A lone group written as one sequence needs no parentheses of its own.
        let bare = groups.count == 1 && !endsHere && (groups[0].count == 1 || isForced(firsts[0], before: groups[0]))
        if !bare { out += "(?:" }
        for (g, group) in groups.enumerated() {
            if g > 0 { out += "|" }
            if group.count == 1 {
                for a in group[0] { out += a.text }
            } else if isForced(firsts[g], before: group) {
                out += firsts[g].text
                trie(group.map { $0.dropFirst() }, caseless: caseless, into: &out)
            } else {
                for (i, m) in group.enumerated() {
                    if i > 0 { out += "|" }
                    for a in m { out += a.text }
                }
            }
        }
        if endsHere { out += "|" }
        if !bare { out += ")" }
        return !bare
    }

    /// Whether `first`, shared by all of `group`, matches in one way only where the rest of a
    /// member can follow: a character always; a whitespace run when every member goes on
    /// with a character that is not whitespace (the run must then be taken whole).
    static func isForced(_ first: Atom, before group: [ArraySlice<Atom>]) -> Bool {
        switch first.kind {
        case .character: return true
        case .optionalHyphen: return false
        case .whitespace:
            return group.allSatisfy { m in
                guard m.count > 1, case .character(let c) = m[m.startIndex + 1].kind else { return false }
                return c.isASCII && !WhitespaceRuns.isSpace(UInt8(c.value))
            }
        }
    }

    static func flat(_ members: [ArraySlice<Atom>], into out: inout String) {
        out += "(?:"
        for (i, m) in members.enumerated() {
            if i > 0 { out += "|" }
            for a in m { out += a.text }
        }
        out += ")"
    }

    /// Rewrites each plain alternation written in a pattern, `(?:word|word\\s+word|...)` (only
    /// characters, escaped punctuation and `\\s+`; no quantifier, class or group inside), as a
    /// trie (see `trie`): same matches, fewer tries per position. Anything else is copied as
    /// it is; a pattern in extended mode or with `\\Q` is left alone.
    static func factorAlternations(_ pattern: String, caseless: Bool) -> String {
        let s = Array(pattern.unicodeScalars)
        guard s.count > 4, !pattern.contains("\\Q"), !setsExtendedMode(s) else { return pattern }
        var out = ""
        var changed = false
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "\\" {
                out.unicodeScalars.append(c)
                if i + 1 < s.count { out.unicodeScalars.append(s[i + 1]) }
                i += 2
                continue
            }
            if c == "[" {
                // A class, copied whole: "]" first (or after "^") is a member, escapes skip.
                var j = i + 1
                if j < s.count, s[j] == "^" { j += 1 }
                if j < s.count, s[j] == "]" { j += 1 }
                while j < s.count, s[j] != "]" { j += s[j] == "\\" ? 2 : 1 }
                let end = min(j + 1, s.count)
                out.unicodeScalars.append(contentsOf: s[i..<end])
                i = end
                continue
            }
            if c == "(", i + 2 < s.count, s[i + 1] == "?", s[i + 2] == ":",
               let (members, close) = plainAlternation(s, from: i + 3), members.count > 1 {
                var text = ""
                let grouped = trie(members.map { $0[...] }, caseless: caseless, into: &text)
                out += grouped ? text : "(?:" + text + ")"
                changed = true
                i = close + 1
                continue
            }
            out.unicodeScalars.append(c)
            i += 1
        }
        return changed ? out : pattern
    }

    /// Whether an inline option setting turns on extended mode (`(?x)`, `(?ix:`...), where
    /// whitespace and `#` are not literal.
    static func setsExtendedMode(_ s: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i + 2 < s.count {
            if s[i] == "\\" { i += 2; continue }
            if s[i] == "(", s[i + 1] == "?" {
                var j = i + 2
                var on = true
                while j < s.count, s[j].properties.isAlphabetic || s[j] == "-" || s[j] == "^" {
                    if s[j] == "-" { on = false }
                    if s[j] == "x" && on { return true }
                    j += 1
                }
            }
            i += 1
        }
        return false
    }

    /// The members of a plain alternation whose content starts at `from`, as atoms, and the
    /// index of its closing parenthesis; nil when the group holds anything else.
    static func plainAlternation(_ s: [Unicode.Scalar], from: Int) -> ([[Atom]], Int)? {
        var members: [[Atom]] = [[]]
        var i = from
        func quantified(_ k: Int) -> Bool { k < s.count && (s[k] == "?" || s[k] == "*" || s[k] == "+" || s[k] == "{") }
        while i < s.count {
            let c = s[i]
            switch c {
            case ")":
                return (members, i)
            case "|":
                members.append([])
                i += 1
            case "\\":
                guard i + 1 < s.count else { return nil }
                let e = s[i + 1]
                if e == "s" {
                    // Only `\\s+`, greedy: `\\s+?` or `\\s++` match in other ways.
                    guard i + 2 < s.count, s[i + 2] == "+", !quantified(i + 3) else { return nil }
                    members[members.count - 1].append(Atom(kind: .whitespace, text: "\\s+"))
                    i += 3
                } else {
                    // Escaped punctuation is that character; `\\b`, `\\d`, `\\1`... are not.
                    guard e.isASCII, !e.properties.isAlphabetic, !("0"..."9").contains(e), !quantified(i + 2) else { return nil }
                    members[members.count - 1].append(Atom(kind: .character(e), text: "\\" + String(e)))
                    i += 2
                }
            case "(", "[", "]", ".", "^", "$", "*", "+", "?", "{", "}", "#":
                return nil
            default:
                guard !quantified(i + 1) else { return nil }
                members[members.count - 1].append(Atom(kind: .character(c), text: String(c)))
                i += 1
            }
        }
        return nil
    }

    /// A whole-word pattern for a phrase list.
    static func phraseRule(_ phrases: [String], caseless: Bool = false) -> String {
        "(?<![\\w]|\\w-)" + alternation(phrases, caseless: caseless) + "(?![\\w]|-\\w)"
    }

    /// Replaces each `{{name}}` with the alternation of the named list.
    /// `caseless`: the rule matches without case; a pattern that turns case back on anywhere
    /// (`(?-i`, `(?^`) is treated as case-sensitive throughout.
    static func expandLists(_ pattern: String, lists: [String: [String]], caseless: Bool = false) throws(RuleLoadError) -> String {
        let caseless = caseless && !pattern.contains("-i") && !pattern.contains("(?^")
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
            out += alternation(list, caseless: caseless).utf8
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
