/// A note that names its patient in a header ("Patient: Eli Thornton, 9 y.o.") and then calls
/// the patient by the first name ("Eli participated from home", "Ollie agreed to be seen this
/// way"): each later mention of that first name is read as "Pt" (capitalised, as a name is: rules that read a named subject still do; the rest of the name's bytes
/// as spaces, same length), so the rules that take the patient as their subject read it. Only
/// the first name: relatives share the surname ("Mrs. Whitfield, his legal guardian, consented"
/// is the mother's consent), and only a name that is not also a common word ("Will", "May",
/// "Hope") nor followed by a possessive ("Eli's father" is the father).
public enum PatientNameMentions {
    /// Header labels that introduce the patient's name, lower case, without the colon.
    static let labels: [[UInt8]] = ["patient", "pt", "patient name", "name", "client", "member", "child"].map { Array($0.utf8) }
    /// Titles, and first names that are also words a sentence may start with.
    static let notNames: Set<[UInt8]> = Set(["mr", "mrs", "ms", "miss", "mx", "dr", "the", "unknown", "baby", "will", "may",
                                              "june", "april", "august", "bill", "art", "hope", "grace", "faith", "joy",
                                              "mark", "rose", "pat", "dawn", "summer", "autumn", "amber", "ray", "guy",
                                              "frank", "sunny", "patience", "chase", "drew", "lane", "reed", "rich",
                                              "sage", "skip", "wade", "dusty", "sandy", "ivy", "holly", "lily", "iris",
                                              "jan", "sue", "don", "ed", "al"].map { Array($0.utf8) })
    /// How far into the note the header is looked for.
    static let headerBytes = 800
    /// The longest label ("patient name").
    static let maxLabelBytes = 12

    /// The masked copy, or nil when the note names no patient in a header or never again.
    /// `nameAndDateLines`: whether a line holding only a name and a date names the patient (not
    /// in a note whose capitals the scanner set itself).
    public static func masked(_ text: [UInt8], nameAndDateLines: Bool = true) -> [UInt8]? {
        guard let (name, headerLine) = firstName(text, nameAndDateLines: nameAndDateLines) else { return nil }
        var out: [UInt8]? = nil
        let n = text.count, k = name.count
        var i = 0
        while i + k <= n {
            guard text[i] == name[0], (i == 0 || !isNameByte(text[i - 1])), i + k == n || !isNameByte(text[i + k]),
                  !headerLine.contains(i) else { i += 1; continue }
            var same = true
            for j in 1..<k where text[i + j] != name[j] { same = false; break }
            if same && !possessive(text, i + k) {
                if out == nil { out = text }
                out![i] = UInt8(ascii: "P")
                out![i + 1] = UInt8(ascii: "t")
                for j in 2..<k { out![i + j] = 32 }
            }
            i += same ? k : 1
        }
        return out
    }

    /// The patient's first name from a header line ("Patient: Eli Thornton", "Pt: Smith, John")
    /// near the note's start, and that line's range; else from an unlabelled one that gives the
    /// name with an age and sex or a date of birth (`nameWithAgeOrBirthDate`).
    static func firstName(_ t: [UInt8], nameAndDateLines: Bool = true) -> (name: [UInt8], line: Range<Int>)? {
        for unlabelled in [false, true] {
            var start = 0
            let limit = min(t.count, unlabelled ? unlabelledHeaderBytes : headerBytes)
            while start < limit {
                let end = ByteSearch.next(10, in: t, from: start) ?? t.count
                if let name = unlabelled ? nameWithAgeOrBirthDate(t, start, end, nameAndDateLines: nameAndDateLines)
                                         : nameAfterLabel(t, start, end) {
                    return (name, start..<end)
                }
                start = end + 1
            }
        }
        return nil
    }

    /// How far into the note an unlabelled name line is looked for (the first few lines).
    static let unlabelledHeaderBytes = 300

    /// A first name from a header line without a label, when the name is plainly the patient's:
    /// the line opens with "First Last" and a comma, then an age with a sex or a unit ("Delbert
    /// Oyelaran, 66M — est pt", "Ana Ruiz, 4 y F"), or the name stands before "(DOB" or ", DOB"
    /// anywhere in the line ("Phone visit — Walter Kinney (DOB 7/2/1937)"), or the line holds the
    /// name and a date alone ("Juniper Castellanos   3/14/2026"). A clinician's line ("Jane Roe,
    /// MD") has none of these.
    static func nameWithAgeOrBirthDate(_ t: [UInt8], _ start: Int, _ end: Int, nameAndDateLines: Bool = true) -> [UInt8]? {
        var i = start
        while i < end, t[i] == 32 || t[i] == 9 { i += 1 }
        // "First Last, 66M" at the line's start.
        if let (first, after) = firstAndLast(t, i, end), after < end, t[after] == UInt8(ascii: ",") {
            var k = after + 1
            while k < end, t[k] == 32 { k += 1 }
            let digits = k
            while k < end, k - digits < 3, t[k] >= 48, t[k] <= 57 { k += 1 }
            if k > digits {
                while k < end, t[k] == 32 { k += 1 }
                let unit = t[k..<min(end, k + 6)].map { $0 | 0x20 }
                let sexOrUnit = ["m", "f", "y", "yo", "y/o", "yr", "yrs", "year", "male", "female", "mo", "wk"].contains { u in
                    unit.starts(with: Array(u.utf8)) && (unit.count == u.utf8.count || !ASCIIByte.isLetter(unit[u.utf8.count]))
                }
                if sexOrUnit { return acceptable(t, first) }
            }
        }
        // "First Last   3/14/2026": a line that holds only the name and the visit's date.
        // A title line has that shape too ("Video Encounter 06/15/2026", "Progress Note 3/1/2026"):
        // its words are words, written in lower case elsewhere in the note; names are not.
        if nameAndDateLines, let (first, after) = firstAndLast(t, i, end), after < end, t[after] == 32 || t[after] == 9,
           onlyDateFollows(t, after, end), !occursInLowerCase(t, first),
           !occursInLowerCase(t, (first.upperBound + 1)..<after) {
            return acceptable(t, first)
        }
        // "First Last (DOB" or "First Last, DOB" anywhere in the line.
        var j = i
        while j < end {
            if (j == i || t[j - 1] == 32), let (first, after) = firstAndLast(t, j, end) {
                var k = after
                if k < end, t[k] == UInt8(ascii: ",") { k += 1 }
                while k < end, t[k] == 32 { k += 1 }
                if k < end, t[k] == UInt8(ascii: "(") { k += 1 }
                if k + 3 <= end, t[k] == UInt8(ascii: "D"), t[k + 1] == UInt8(ascii: "O"), t[k + 2] == UInt8(ascii: "B") {
                    return acceptable(t, first)
                }
            }
            j += 1
        }
        return nil
    }

    /// Whether from `k` to `end` there are only blanks (a dash or bar among them) and one date
    /// written with slashes ("   3/14/2026", " - 03/14/26").
    static func onlyDateFollows(_ t: [UInt8], _ k: Int, _ end: Int) -> Bool {
        var k = k
        func blanks() { while k < end, t[k] == 32 || t[k] == 9 || t[k] == 13 || t[k] == UInt8(ascii: "-") || t[k] == UInt8(ascii: "|") { k += 1 } }
        func digits(_ most: Int) -> Bool {
            let s = k
            while k < end, k - s < most, t[k] >= 48, t[k] <= 57 { k += 1 }
            return k > s
        }
        blanks()
        guard digits(2), k < end, t[k] == UInt8(ascii: "/"), { k += 1; return true }(), digits(2),
              k < end, t[k] == UInt8(ascii: "/"), { k += 1; return true }(), digits(4) else { return false }
        while k < end, t[k] == 32 || t[k] == 9 || t[k] == 13 { k += 1 }
        return k == end
    }

    /// Whether the capitalised word at `range` also stands in the note in lower case, as a whole
    /// word ("Video" and "video").
    static func occursInLowerCase(_ t: [UInt8], _ range: Range<Int>) -> Bool {
        let word = t[range].map { $0 | 0x20 }
        guard let first = word.first, word.count <= t.count else { return false }
        var i = 0
        while i + word.count <= t.count {
            if t[i] == first, i == 0 || !isNameByte(t[i - 1]), i + word.count == t.count || !isNameByte(t[i + word.count]),
               t[i..<(i + word.count)].elementsEqual(word) {
                return true
            }
            i += 1
        }
        return false
    }

    /// "First Last" at `i` (two capitalised name words, one blank between): the first word's
    /// range and where the second ends. Ranges, not copies: this runs at every capital of a
    /// note's first lines when it has no labelled header.
    static func firstAndLast(_ t: [UInt8], _ i: Int, _ end: Int) -> (Range<Int>, Int)? {
        guard let firstEnd = wordEnd(t, i, end), firstEnd < end, t[firstEnd] == 32,
              let lastEnd = wordEnd(t, firstEnd + 1, end) else { return nil }
        return (i..<firstEnd, lastEnd)
    }

    /// The first name at `range` of `t`, unless it is too short or a word (`notNames`).
    static func acceptable(_ t: [UInt8], _ range: Range<Int>) -> [UInt8]? {
        range.count >= 2 && !notNames.contains(t[range].map { $0 | 0x20 }) ? Array(t[range]) : nil
    }

    /// Where the capitalised name word at `i` ends (as `word`), or nil when none starts there.
    static func wordEnd(_ t: [UInt8], _ i: Int, _ end: Int) -> Int? {
        guard i < end, t[i] >= 65, t[i] <= 90 else { return nil }
        var e = i + 1
        var lower = false
        while e < end, isNameByte(t[e]) {
            if t[e] >= 97 && t[e] <= 122 { lower = true }
            e += 1
        }
        return lower ? e : nil
    }

    static func nameAfterLabel(_ t: [UInt8], _ start: Int, _ end: Int) -> [UInt8]? {
        var i = start
        while i < end, t[i] == 32 || t[i] == 9 { i += 1 }
        // Only a short label can come before the colon: look no further (a note's long first
        // lines are read once, not searched to their end).
        guard let colon = t[i..<min(end, i + maxLabelBytes + 1)].firstIndex(of: UInt8(ascii: ":")),
              labels.contains(where: { $0.count == colon - i && zip($0, t[i..<colon]).allSatisfy { $0 == $1 | 0x20 } })
        else { return nil }
        var w = colon + 1
        while w < end, t[w] == 32 || t[w] == 9 { w += 1 }
        var first = word(t, w, end)
        guard !first.isEmpty else { return nil }
        // "Smith, John": the first name follows the comma.
        var after = w + first.count
        if after < end, t[after] == UInt8(ascii: ",") {
            after += 1
            while after < end, t[after] == 32 { after += 1 }
            first = word(t, after, end)
        } else {
            // A first name needs a surname after it ("Patient: Eli Thornton"), or the surname's
            // initial ("Pt: Noah B., 16 M"), else it may be the surname alone or a word.
            var s = after
            guard s < end, t[s] == 32 else { return nil }
            while s < end, t[s] == 32 { s += 1 }
            let initial = s + 1 < end && t[s] >= 65 && t[s] <= 90 && t[s + 1] == UInt8(ascii: ".")
            guard initial || !word(t, s, end).isEmpty else { return nil }
        }
        guard first.count >= 2, !notNames.contains(first.map { $0 | 0x20 }) else { return nil }
        return first
    }

    /// A capitalised name word at `i`: a capital, then letters (a hyphen or an apostrophe inside).
    static func word(_ t: [UInt8], _ i: Int, _ end: Int) -> [UInt8] {
        guard i < end, t[i] >= 65, t[i] <= 90 else { return [] }
        var e = i + 1
        while e < end, isNameByte(t[e]) { e += 1 }
        guard t[i..<e].dropFirst().contains(where: { $0 >= 97 && $0 <= 122 }) else { return [] }
        return Array(t[i..<e])
    }

    static func possessive(_ t: [UInt8], _ i: Int) -> Bool {
        if i + 1 < t.count, t[i] == UInt8(ascii: "'"), t[i + 1] | 0x20 == UInt8(ascii: "s") { return true }
        // ’ is E2 80 99.
        return i + 3 < t.count && t[i] == 0xE2 && t[i + 1] == 0x80 && t[i + 2] == 0x99 && t[i + 3] | 0x20 == UInt8(ascii: "s")
    }

    @inline(__always) static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == UInt8(ascii: "-") || b >= 0x80
    }
}
