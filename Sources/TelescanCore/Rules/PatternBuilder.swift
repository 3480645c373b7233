/// Turns phrase lists into PCRE2 patterns and expands `{{list}}` references to named lists.
enum PatternBuilder {
    /// Escapes a phrase for PCRE2; runs of spaces match any whitespace, a hyphen or space between
    /// words also matches the other ("follow-up" = "follow up").
    static func phrasePattern(_ phrase: String) -> String {
        var out: [UInt8] = []
        for a in atoms(phrase) { a.write(to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// One piece of a phrase's pattern: a character (escaped when special), a run of whitespace
    /// (`\s+`) or a hyphen that may also be whitespace or nothing (`\s*(?:-\s*)?`).
    struct Atom: Equatable {
        enum Kind: UInt8 { case character, whitespace, optionalHyphen }
        var kind: Kind
        /// The character (`character` only).
        var scalar: Unicode.Scalar = " "
        /// Written with a backslash (a special character of PCRE2).
        var escaped = false

        static let whitespace = Atom(kind: .whitespace)
        static let optionalHyphen = Atom(kind: .optionalHyphen)
        static func character(_ c: Unicode.Scalar, escaped: Bool = false) -> Atom {
            Atom(kind: .character, scalar: c, escaped: escaped)
        }

        func write(to out: inout [UInt8]) {
            switch kind {
            case .character:
                if escaped { out.append(UInt8(ascii: "\\")) }
                if scalar.isASCII { out.append(UInt8(scalar.value)) } else { out.append(contentsOf: String(scalar).utf8) }
            case .whitespace: out.append(contentsOf: [0x5C, 0x73, 0x2B])                    // \s+
            // Spaces around a hyphen vary as between words ("video  visit", "follow - up"), and
            // both may be missing ("followup").
            case .optionalHyphen: out.append(contentsOf: Array("\\s*(?:-\\s*)?".utf8))
            }
        }

        /// Whether the two match the same text: the same atom, or (caseless) ASCII letters that
        /// differ only in case.
        func same(_ other: Atom, caseless: Bool) -> Bool {
            if self == other { return true }
            guard caseless, kind == .character, other.kind == .character, scalar.isASCII, other.scalar.isASCII else { return false }
            return LiteralPrefilter.fold(UInt8(scalar.value)) == LiteralPrefilter.fold(UInt8(other.scalar.value))
        }

        /// Whether no text can match both `self` and `other` at the same place, in caseless or
        /// case-sensitive matching alike: two ASCII characters that differ in more than case,
        /// or whitespace and a character that is not.
        func excludes(_ other: Atom) -> Bool {
            switch (kind, other.kind) {
            case (.character, .character):
                guard scalar.isASCII, other.scalar.isASCII else { return false }
                return LiteralPrefilter.fold(UInt8(scalar.value)) != LiteralPrefilter.fold(UInt8(other.scalar.value))
            case (.character, .whitespace): return isNonSpaceASCII
            case (.whitespace, .character): return other.isNonSpaceASCII
            default: return false
            }
        }

        var isNonSpaceASCII: Bool { kind == .character && scalar.isASCII && !WhitespaceRuns.isSpace(UInt8(scalar.value)) }
    }

    static func atoms(_ phrase: String) -> [Atom] {
        var out: [Atom] = []
        var pendingSpace = false
        for ch in phrase.unicodeScalars {
            if ch == " " || ch == "\t" { pendingSpace = true; continue }
            if pendingSpace { out.append(.whitespace); pendingSpace = false }
            switch ch {
            case "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "#":
                out.append(.character(ch, escaped: true))
            case "-":
                out.append(.optionalHyphen)
            default:
                out.append(.character(ch))
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
        var out: [UInt8] = []
        writeAlternation(phrases, caseless: caseless, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `alternation`, appended to `out` as bytes (pattern building works on bytes).
    static func writeAlternation(_ phrases: [String], caseless: Bool, into out: inout [UInt8]) {
        // Lengths computed once: `String.count` walks grapheme clusters on every comparison.
        let sorted = phrases.map { ($0, $0.unicodeScalars.count) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        var body: [UInt8] = []
        let members = sorted.map { atoms($0.0) }
        if trie(members, Array(members.indices), depth: 0, caseless: caseless, into: &body) {
            out += body
        } else {
            out += [0x28, 0x3F, 0x3A]   // (?:
            out += body
            out.append(0x29)
        }
    }

    /// Writes the alternation of `members` (in match order) as a group. Members are grouped
    /// by their first atom only when the first atoms of different groups exclude each other,
    /// so at most one group can match at a position and the order inside each group is kept;
    /// a member that ends here (the shortest: members are longest first) stays last. A group's
    /// shared first atom is written once only when it can match in one way alone (then
    /// "a(?:x|y)" tries the same things in the same order as "ax|ay"). Otherwise the members
    /// are written one after another, as given. Returns whether it wrote one group around all.
    /// `members` index `atoms`; each member's atoms from `depth` on are written.
    static func trie(_ atoms: [[Atom]], _ members: [Int], depth: Int, caseless: Bool, into out: inout [UInt8]) -> Bool {
        var firsts: [Atom] = []
        var groups: [[Int]] = []
        var endsHere = false
        for (i, m) in members.enumerated() {
            guard depth < atoms[m].count else {
                // An empty member matches anywhere: only as the last one.
                guard i == members.count - 1 else { flat(atoms, members, depth: depth, into: &out); return true }
                endsHere = true
                continue
            }
            let a = atoms[m][depth]
            if let g = firsts.firstIndex(where: { $0.same(a, caseless: caseless) }) {
                groups[g].append(m)
            } else {
                guard firsts.allSatisfy({ $0.excludes(a) }) else { flat(atoms, members, depth: depth, into: &out); return true }
                firsts.append(a)
                groups.append([m])
            }
        }
        func forced(_ g: Int) -> Bool {
            switch firsts[g].kind {
            case .character: return true
            case .optionalHyphen: return false
            // A whitespace run is taken whole when every member goes on with a character that
            // is not whitespace.
            case .whitespace: return groups[g].allSatisfy { depth + 1 < atoms[$0].count && atoms[$0][depth + 1].isNonSpaceASCII }
            }
        }
        // A lone group written as one sequence needs no parentheses of its own.
        let bare = groups.count == 1 && !endsHere && (groups[0].count == 1 || forced(0))
        if !bare { out += [0x28, 0x3F, 0x3A] }
        for (g, group) in groups.enumerated() {
            if g > 0 { out.append(0x7C) }
            if group.count == 1 {
                for a in atoms[group[0]][depth...] { a.write(to: &out) }
            } else if forced(g) {
                firsts[g].write(to: &out)
                _ = trie(atoms, group, depth: depth + 1, caseless: caseless, into: &out)
            } else {
                for (i, m) in group.enumerated() {
                    if i > 0 { out.append(0x7C) }
                    for a in atoms[m][depth...] { a.write(to: &out) }
                }
            }
        }
        if endsHere { out.append(0x7C) }
        if !bare { out.append(0x29) }
        return !bare
    }

    static func flat(_ atoms: [[Atom]], _ members: [Int], depth: Int, into out: inout [UInt8]) {
        out += [0x28, 0x3F, 0x3A]
        for (i, m) in members.enumerated() {
            if i > 0 { out.append(0x7C) }
            for a in atoms[m][depth...] { a.write(to: &out) }
        }
        out.append(0x29)
    }

    /// Whether a pattern may turn case-sensitive matching back on somewhere (`(?-i`, `(?^`).
    /// Bytes, not Foundation's `contains` (a visible share of start-up on patterns).
    static func turnsCaseOn(_ pattern: String) -> Bool {
        let s = Array(pattern.utf8)
        return ContextClassifier.find(Array("-i".utf8), in: s) != nil || ContextClassifier.find(Array("(?^".utf8), in: s) != nil
    }

    /// A whole-word pattern for a phrase list.
    static func phraseRule(_ phrases: [String], caseless: Bool = false) -> String {
        "(?<![\\w]|\\w-)" + alternation(phrases, caseless: caseless) + "(?![\\w]|-\\w)"
    }

    /// Replaces each `{{name}}` with the alternation of the named list.
    /// `caseless`: the rule matches without case; a pattern that turns case back on anywhere
    /// (`(?-i`, `(?^`) is treated as case-sensitive throughout.
    /// `built`: alternations already written, by list and case (a list serves many rules).
    static func expandLists(_ pattern: String, lists: [String: [String]], caseless: Bool = false,
                            built: ListAlternations? = nil) throws(RuleLoadError) -> String {
        let caseless = caseless && !turnsCaseOn(pattern)
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
            if let built { out += built.alternation(name, list, caseless: caseless) } else {
                writeAlternation(list, caseless: caseless, into: &out)
            }
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

/// The alternations of the named lists, each written once per load and case (rule files load
/// in parallel, so the store is locked).
final class ListAlternations: @unchecked Sendable {
    private let store = Mutex<[String: [UInt8]]>([:])

    func alternation(_ name: String, _ list: [String], caseless: Bool) -> [UInt8] {
        let key = (caseless ? "i:" : "c:") + name
        if let done = store.withLock({ $0[key] }) { return done }
        var out: [UInt8] = []
        PatternBuilder.writeAlternation(list, caseless: caseless, into: &out)
        store.withLock { $0[key] = out }
        return out
    }
}

import Foundation
import Synchronization
