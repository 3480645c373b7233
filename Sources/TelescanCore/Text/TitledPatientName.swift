/// A narrative note or letter that names its patient with a title at the start ("Ms. Lavinia
/// Ochoa-Brandt joined today's video visit from her car", "I saw Mr. Desmond Achterberg by
/// telephone"): every mention of that name ("Ms. Lavinia Ochoa-Brandt", "Ms. Ochoa-Brandt",
/// "Lavinia Ochoa-Brandt") is read as "Pt", so the rules that take the patient as their subject
/// ("pt ... from her car") read it; the offset map takes each match back to the name.
///
/// The first titled name in the note's first 400 bytes only, and not one that is plainly
/// someone else: a letter's addressee ("Dear Mrs. ..."), a relative or carer named as such
/// ("Mrs. Ada Lind, her daughter,"), a signer with a credential ("Ms. Jane Roe, RN").
public enum TitledPatientName {
    static let titles: [[UInt8]] = PersonTitle.courtesy.map { Array($0.title.utf8) }
    static let headBytes = 400
    /// Words after the name that make it someone else's (lower case).
    static let others: Set<String> = [
        "daughter", "son", "wife", "husband", "mother", "father", "mom", "mum", "dad", "sister", "brother",
        "partner", "spouse", "caregiver", "carer", "guardian", "interpreter", "aide", "nurse", "friend",
        "neighbor", "neighbour", "niece", "nephew", "granddaughter", "grandson", "grandmother", "grandfather",
        "aunt", "uncle", "proxy", "poa", "parent", "parents", "cousin", "fiance", "fiancee",
    ]

    /// The rewritten copy and its map, or nil when the note names no patient this way.
    public static func rewritten(_ text: [UInt8]) -> (text: [UInt8], map: OffsetMap)? {
        guard let forms = nameForms(text) ?? headerSurnameForms(text), !forms.isEmpty else { return nil }
        // Every mention of a form (longest first, so the full name wins over its parts).
        var replaced: [Range<Int>] = []
        var i = 0
        let n = text.count
        while i < n {
            guard i == 0 || !isNameByte(text[i - 1]) else { i += 1; continue }
            var hit: Int? = nil
            for f in forms where i + f.count <= n && matches(text, at: i, f) {
                if i + f.count == n || !isNameByte(text[i + f.count]) || isCurlyApostrophe(text, i + f.count) { hit = f.count; break }
            }
            if let k = hit {
                replaced.append(i..<(i + k))
                i += k
            } else {
                i += 1
            }
        }
        guard !replaced.isEmpty else { return nil }
        var copy = OffsetMap.Builder(text)
        for r in replaced { copy.replace(r, with: [UInt8(ascii: "P"), UInt8(ascii: "t")]) }
        return copy.finish()
    }

    /// The forms of the patient's name to read as "Pt", longest first: the titled name as
    /// written, the title with the surname, and the names without the title (two words or more).
    static func nameForms(_ text: [UInt8]) -> [[UInt8]]? {
        let limit = min(text.count, headBytes)
        var i = 0
        while i < limit {
            defer { i += 1 }
            guard let (title, j) = titleAt(i, in: text) else { continue }
            // One to three capitalised words, one blank apart.
            var words: [Range<Int>] = []
            var k = j
            while words.count < 3, k < text.count, text[k] == 32, k + 1 < text.count, ASCIIByte.isUpper(text[k + 1]) {
                var e = k + 1
                // Letters, a hyphen, and an apostrophe before a capital ("O'Brien", not "Lind's").
                // A typographic apostrophe ends the name as an ASCII one does ("Lund’s").
                while e < text.count, (isNameByte(text[e]) && !isCurlyApostrophe(text, e)) || text[e] == UInt8(ascii: "-")
                        || (text[e] == UInt8(ascii: "'") && e + 1 < text.count && ASCIIByte.isUpper(text[e + 1])) { e += 1 }
                // A name, not a word in capitals ("Mr. Tom Lee", not "MR. TOM LEE" or "Ms Teams").
                guard e - (k + 1) >= 2, text[(k + 2)..<e].contains(where: { $0 >= 97 && $0 <= 122 }),
                      !(words.isEmpty && matchesLower(text, at: k + 1, Array("teams".utf8))) else { break }
                words.append((k + 1)..<e)
                k = e
            }
            // Only the first title counts: one with initials ("Mr. S.P. Mishra") or no name after
            // it leaves the note as it is, rather than a later one ("Wife Mrs. Mishra") taken for the patient.
            guard !words.isEmpty else { return nil }
            if precededByDear(text, i) || precededBySomeoneElse(text, i) || namesSomeoneElse(text, after: words.last!.upperBound)
                || introducedAsSomeoneElse(text, surname: words.last!, before: i) { return nil }
            // A "Patient: Jonah Whitfield" header names the patient: a titled name elsewhere
            // ("Mrs. Whitfield consented") is someone else's.
            // Unless the header gives the same surname (and given name, if any) and an adult's age
            // and sex that the title fits ("Patient: Annika Solberg-Reyes, 38F" before "Ms.
            // Solberg-Reyes joined from her classroom"): a child's relatives share the surname, an
            // adult's are named as such.
            if let (first, header) = PatientNameMentions.firstName(text), !header.contains(i),
               !headerNamesAdult(text, line: header, surname: words.last!, title: title)
                || (words.count >= 2 && Array(text[words.first!]) != first) { return nil }
            let titled = Array(text[i..<words.last!.upperBound])
            let surname = Array(text[words.last!])
            var forms: [[UInt8]] = [titled, Array(text[i..<j]) + [32] + surname]
            if title.count == 2 || title.count == 3, text[i + title.count] != UInt8(ascii: ".") {
                forms.append(Array(text[i..<(i + title.count)]) + [UInt8(ascii: "."), 32] + surname)
            } else if text[i + title.count] == UInt8(ascii: ".") {
                forms.append(Array(text[i..<(i + title.count)]) + [32] + surname)
            }
            if words.count >= 2 { forms.append(Array(text[words.first!.lowerBound..<words.last!.upperBound])) }
            var seen = Set<[UInt8]>()
            return forms.filter { seen.insert($0).inserted }.sorted { $0.count > $1.count }
        }
        return nil
    }

    /// The title written at `i` in running text ("Ms", "Mrs.": a capital M, then lower case; "MS
    /// Teams" and a signer's "MS, RDN" are no title) and where the blank after it (and its full
    /// stop) is, or nil. Every title starts with "M": one comparison per byte of the note.
    @inline(__always)
    static func titleAt(_ i: Int, in text: [UInt8]) -> (title: [UInt8], blank: Int)? {
        guard text[i] == UInt8(ascii: "M"), i == 0 || !isNameByte(text[i - 1]),
              let title = titles.first(where: { matchesLower(text, at: i, $0) }),
              (1..<title.count).allSatisfy({ !ASCIIByte.isUpper(text[i + $0]) }) else { return nil }
        var j = i + title.count
        if j < text.count, text[j] == UInt8(ascii: ".") { j += 1 }
        guard j < text.count, text[j] == 32 else { return nil }
        return (title, j)
    }

    /// How far into the note a titled surname from an adult's header is looked for.
    static let headerSurnameBytes = 3000

    /// A titled name after the first 400 bytes, for the patient a header names as an adult
    /// ("Patient: Beatrice Lindqvist, 79 y/o F" before "... Mrs. Lindqvist said she understood and
    /// agreed" in the sixth line): the first title with the header's surname, when the title fits
    /// the header's sex and nothing makes that name someone else's.
    static func headerSurnameForms(_ text: [UInt8]) -> [[UInt8]]? {
        guard let (first, line) = PatientNameMentions.firstName(text) else { return nil }
        // The surname: the capitalised word right after the first name in the header line.
        var k = line.lowerBound
        var surname: Range<Int>? = nil
        while k + first.count < line.upperBound {
            defer { k += 1 }
            guard matches(text, at: k, first), k == line.lowerBound || !isNameByte(text[k - 1]),
                  text[k + first.count] == 32 else { continue }
            let start = k + first.count + 1
            var e = start
            while e < line.upperBound, isNameByte(text[e]) || text[e] == UInt8(ascii: "-") { e += 1 }
            if e - start >= 2, ASCIIByte.isUpper(text[start]) { surname = start..<e }
            break
        }
        guard let surname else { return nil }
        let name = Array(text[surname])
        let limit = min(text.count, headerSurnameBytes)
        var i = line.upperBound
        while i < limit {
            defer { i += 1 }
            guard let (title, j) = titleAt(i, in: text), j + 1 < text.count, ASCIIByte.isUpper(text[j + 1]) else { continue }
            // The first titled name after the header must be the surname alone: a relative named
            // first ("his mother, Mrs. Laura Whitfield") makes a later "Mrs. Whitfield" hers.
            let end = j + 1 + name.count
            guard end <= text.count, matches(text, at: j + 1, name), end == text.count || !isNameByte(text[end]) else { return nil }
            guard headerNamesAdult(text, line: line, surname: surname, title: title),
                  !precededBySomeoneElse(text, i), !namesSomeoneElse(text, after: end),
                  !introducedAsSomeoneElse(text, surname: (j + 1)..<end, before: i) else { return nil }
            return [Array(text[i..<end])]
        }
        return nil
    }

    /// Whether the header line names `surname` followed by an adult's age with a sex or a unit
    /// ("Solberg-Reyes, 38F", "Kinney, 87 y/o M") and no sex the title contradicts (a "38F" header
    /// and a "Mr." are husband and wife).
    static func headerNamesAdult(_ text: [UInt8], line: Range<Int>, surname: Range<Int>, title: [UInt8]) -> Bool {
        let name = Array(text[surname])
        var k = line.lowerBound
        while k + name.count <= line.upperBound {
            defer { k += 1 }
            guard matches(text, at: k, name), k == line.lowerBound || !isNameByte(text[k - 1]) else { continue }
            var j = k + name.count
            guard j == line.upperBound || !isNameByte(text[j]) else { continue }
            while j < line.upperBound, text[j] == 32 || text[j] == UInt8(ascii: ",") { j += 1 }
            let digits = j
            while j < line.upperBound, j - digits < 3, text[j] >= 48, text[j] <= 57 { j += 1 }
            guard j > digits, let age = Int(String(decoding: text[digits..<j], as: UTF8.self)), age >= 18 else { return false }
            while j < line.upperBound, text[j] == 32 || text[j] == UInt8(ascii: "-") { j += 1 }
            var e = j
            while e < line.upperBound, ASCIIByte.isLetter(text[e]) || text[e] == UInt8(ascii: "/") || text[e] == UInt8(ascii: ".") { e += 1 }
            let unit = String(decoding: text[j..<e].filter { $0 != UInt8(ascii: ".") }, as: UTF8.self).lowercased()
            var female = ["f", "female", "yof", "yf"].contains(unit), male = ["m", "male", "yom", "ym"].contains(unit)
            guard female || male || ["y", "yo", "y/o", "yr", "yrs", "year", "years"].contains(unit) else { return false }
            if !female && !male {
                // The sex after the unit ("79 y/o F", "66 yrs, male").
                var b = e
                while b < line.upperBound, text[b] == 32 || text[b] == UInt8(ascii: ",") || text[b] == UInt8(ascii: "-") || text[b] == UInt8(ascii: ".") { b += 1 }
                var w = b
                while w < line.upperBound, ASCIIByte.isLetter(text[w]) { w += 1 }
                let sex = String(decoding: text[b..<w], as: UTF8.self).lowercased()
                (female, male) = (["f", "female", "woman"].contains(sex), ["m", "male", "man"].contains(sex))
            }
            let mister = title == Array("mr".utf8)
            return !(female && mister) && !(male && !mister && title != Array("mx".utf8))
        }
        return false
    }

    static func precededByDear(_ text: [UInt8], _ i: Int) -> Bool {
        let dear = Array("dear ".utf8)
        guard i >= dear.count else { return false }
        return dear.indices.allSatisfy { text[i - dear.count + $0] | 0x20 == dear[$0] }
    }

    /// Whether a relationship comes right before the title ("Wife Mrs. Mishra", "his daughter Ms. Lind").
    static func precededBySomeoneElse(_ text: [UInt8], _ i: Int) -> Bool {
        var e = i
        while e > 0, text[e - 1] == 32 || text[e - 1] == UInt8(ascii: ",") || text[e - 1] == UInt8(ascii: ":") { e -= 1 }
        var b = e
        while b > 0, ASCIIByte.isLetter(text[b - 1]) { b -= 1 }
        return b < e && others.contains(String(decoding: text[b..<e], as: UTF8.self).lowercased())
    }

    /// Whether the surname was written earlier in the note after a relative's or carer's word,
    /// with up to three given names between ("Zuri's mother, Folasade Adebayo" before "Mrs.
    /// Adebayo consented"): the titled name is that person's, not the patient's.
    static func introducedAsSomeoneElse(_ text: [UInt8], surname: Range<Int>, before limit: Int) -> Bool {
        let name = Array(text[surname])
        guard name.count >= 2 else { return false }
        var k = 0
        while k + name.count <= limit {
            defer { k += 1 }
            guard text[k] == name[0], matches(text, at: k, name),
                  k == 0 || !isNameByte(text[k - 1]) else { continue }
            // Back over given names (capitalised words), blanks and a comma to the word before.
            var b = k
            for _ in 0..<4 {
                var e = b
                while e > 0, text[e - 1] == 32 || text[e - 1] == UInt8(ascii: ",") { e -= 1 }
                var w = e
                while w > 0, ASCIIByte.isLetter(text[w - 1]) { w -= 1 }
                guard w < e else { break }
                if others.contains(String(decoding: text[w..<e], as: UTF8.self).lowercased()) { return true }
                guard ASCIIByte.isUpper(text[w]) else { break }
                b = w
            }
        }
        return false
    }

    /// Whether the name is followed by what makes it a relative, carer or signer: ", her
    /// daughter", "(son)", ", RN".
    static func namesSomeoneElse(_ text: [UInt8], after end: Int) -> Bool {
        var j = end
        var seenComma = false
        while j < text.count, j < end + 4, text[j] == 32 || text[j] == UInt8(ascii: ",") || text[j] == UInt8(ascii: "(") {
            if text[j] != 32 { seenComma = true }
            j += 1
        }
        guard seenComma else { return false }
        var e = j
        while e < text.count, isNameByte(text[e]) || text[e] == UInt8(ascii: "'") { e += 1 }
        let word = String(decoding: text[j..<e], as: UTF8.self)
        // A credential after the comma: two or more capitals ("RN", "LCSW", "MD").
        if word.count >= 2, word.unicodeScalars.allSatisfy({ $0.value >= 65 && $0.value <= 90 }) { return true }
        // A relationship among the next four words ("her daughter", "his legal guardian", "the
        // patient's adult son").
        var at = j
        for _ in 0..<4 {
            var t = at
            while t < text.count, isNameByte(text[t]) || text[t] == UInt8(ascii: "'") { t += 1 }
            guard t > at else { return false }
            if others.contains(String(decoding: text[at..<t], as: UTF8.self).lowercased()) { return true }
            at = t
            while at < text.count, text[at] == 32 { at += 1 }
        }
        return false
    }

    static func matches(_ text: [UInt8], at i: Int, _ form: [UInt8]) -> Bool {
        for (k, b) in form.enumerated() where text[i + k] != b { return false }
        return true
    }

    static func matchesLower(_ text: [UInt8], at i: Int, _ word: [UInt8]) -> Bool {
        guard i + word.count <= text.count else { return false }
        for (k, b) in word.enumerated() where text[i + k] | 0x20 != b { return false }
        // The title is a word of its own ("Mrs", not "Mrsa").
        let e = i + word.count
        return e == text.count || !ASCIIByte.isLetter(text[e])
    }

    @inline(__always) static func isNameByte(_ b: UInt8) -> Bool { ASCIIByte.isLetter(b) || b >= 0x80 }
    /// U+2018 or U+2019 at `i` (E2 80 98/99): an apostrophe, not a letter of a name.
    @inline(__always) static func isCurlyApostrophe(_ t: [UInt8], _ i: Int) -> Bool {
        i + 2 < t.count && t[i] == 0xE2 && t[i + 1] == 0x80 && (t[i + 2] == 0x98 || t[i + 2] == 0x99)
    }
}
