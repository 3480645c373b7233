/// A note typed all in lower case (a texting register, a quick phone note: no capital at all),
/// read with a clinician's name and credential in capitals where a credential follows two to
/// four name words on a line ("dana lee, np" as "Dana Lee, NP", "signed by omar haddad md" as
/// "signed by Omar Haddad MD"): the rules tell a name by its capitals, so such a note would name
/// no clinician. A credential that is also an English word in lower case ("do", "ma", "pa", "ms",
/// "pt", "ot", "od", "dc", "rd") counts only after a comma ("dana lee, do"), and the name
/// words stop at a word that names no one ("by", "with", "pt", "visit"). Same length (ASCII
/// letters only), so offsets and quotes stay.
public struct LowerCaseNames: Sendable {
    /// Credentials in lower case (ASCII), as bytes.
    let credentials: Set<[UInt8]>
    /// A note is in lower case when it has no capital ASCII letter and at least this many letters.
    static let minimumLetters = 20
    /// Up to this many capitals, a note is read to its end before it is judged.
    static let maximumCapitals = 40

    static let wordsOnlyAfterComma: Set<[UInt8]> = Set(["do", "ma", "pa", "ms", "pt", "ot", "od", "dc", "rd", "ba", "bs", "cna"].map { Array($0.utf8) })

    /// Words that are no part of a name before a credential.
    static let notNames: Set<[UInt8]> = Set([
        "a", "an", "the", "and", "or", "by", "with", "to", "of", "in", "on", "at", "for", "from", "per", "via", "is",
        "was", "am", "as", "me", "my", "our", "your", "her", "his", "their", "i", "we", "you", "he", "she", "they",
        "this", "that", "pt", "patient", "visit", "call", "phone", "video", "seen", "signed", "electronically",
        "dictated", "reviewed", "attested", "cosigned", "co-signed", "e-signed", "esigned", "provider", "clinician", "doctor", "dr", "nurse", "note",
        "today", "time", "min", "mins", "minutes", "total", "plan", "consent", "home", "f/u", "pcp", "rn", "md",
        "np", "pa", "no", "not", "yes", "will", "called", "spoke", "talked", "discussed", "sent", "see", "also",
        "np's", "md's", "mom", "dad", "mother", "father", "wife", "husband", "son", "daughter", "team", "clinic",
        "office", "follow", "up", "fu", "rtc", "prn", "if", "then", "done", "ok", "okay", "thanks", "thank",
        // A plan's last words before a run-on signature ("debrox as needed harlan bext md").
        "needed", "directed", "tolerated", "advised", "prescribed", "ordered", "started", "stopped", "continued",
        "increased", "decreased", "improved", "resolved", "scheduled", "completed", "instructed", "educated",
        "agreed", "declined", "noted", "reported", "denies", "daily", "weekly", "nightly", "monthly", "prn", "bid", "tid", "qid",
        // Ranks before a military clinician's name.
        "lcdr", "ltc", "maj", "col", "capt", "cpt", "lt", "cdr", "cmdr", "ens", "sgt", "gen",
    ].map { Array($0.utf8) })

    /// Lower-case parts of a surname ("van der Berg", "de la Cruz").
    static let particles: Set<[UInt8]> = Set(["van", "der", "den", "von", "de", "del", "della", "da", "la", "le", "du", "di", "dos"].map { Array($0.utf8) })
    /// Academic degrees written between a name and a credential.
    static let degrees: Set<[UInt8]> = Set(["ms", "ma", "msc", "med", "mph", "mba", "mhs", "msn", "bsn", "bs", "ba", "bsc", "msw", "phd", "mbbs"].map { Array($0.utf8) })

    public init(credentials: [String]) {
        var set: Set<[UInt8]> = []
        for c in credentials where c.allSatisfy({ $0.isASCII }) {
            set.insert(Array(c.lowercased().utf8))
        }
        self.credentials = set
    }

    /// The masked copy, or nil when the note is not in lower case or names nobody so.
    public func masked(_ text: [UInt8]) -> [UInt8]? {
        // Lower case: no capital, or capitals only as an export's header would add them (one
        // in a hundred letters at most: "[EHR AUTO HEADER] Encounter: Telehealth" over a
        // dictation in lower case). Most notes are told apart within their first capitals.
        var letters = 0, capitals = 0
        for b in text {
            if b >= 65 && b <= 90 {
                capitals += 1
                if capitals > Self.maximumCapitals, capitals * 100 > letters { return nil }
            } else if b >= 97 && b <= 122 { letters += 1 }
        }
        guard letters >= Self.minimumLetters, capitals * 100 <= letters else { return nil }
        // The words of the note (letters, digits, hyphens, apostrophes, periods and slashes inside).
        var words: [Range<Int>] = []
        var i = 0
        let n = text.count
        while i < n {
            guard Self.isWordByte(text[i]) else { i += 1; continue }
            var e = i + 1
            while e < n, Self.isWordByte(text[e]) || ((text[e] == 45 || text[e] == 46 || text[e] == 39 || text[e] == 47) && e + 1 < n && Self.isWordByte(text[e + 1])) { e += 1 }
            words.append(i..<e)
            i = e
        }
        var out = text
        var changed = false
        for (k, w) in words.enumerated() where k >= 2 {
            let credential = Array(text[w])
            guard credentials.contains(credential) else { continue }
            // The credential ends its line or clause (more credentials may follow: "md ccfp"): a
            // comma, a bracket, a dash, a date, a line end or the note's end after it.
            var a = w.upperBound
            var next = k + 1
            while true {
                while a < n, text[a] == 32 || text[a] == 9 { a += 1 }
                var c = a
                if c < n, text[c] == 44 { c += 1; while c < n, text[c] == 32 || text[c] == 9 { c += 1 } }
                guard next < words.count, words[next].lowerBound == c, credentials.contains(Array(text[words[next]])) else { break }
                a = words[next].upperBound
                next += 1
            }
            let columnGap = a - w.upperBound >= 2 && next == k + 1
            let dated = next < words.count && words[next].lowerBound == a && (Array(text[words[next]]) == Array("on".utf8) || Array(text[words[next]]) == Array("at".utf8))
                && next + 1 < words.count && text[words[next + 1].lowerBound] >= 48 && text[words[next + 1].lowerBound] <= 57
            let endsLine = a == n || text[a] == 10 || text[a] == 13
            // A specialty after it ends the line: "hollis grange md dermatology".
            var tail = 0
            var lineEnd = false
            while !lineEnd, tail < 3, next + tail < words.count {
                let t = words[next + tail]
                guard t.lowerBound == (tail == 0 ? a : words[next + tail - 1].upperBound + 1), text[t.lowerBound - 1] == 32,
                      text[t].allSatisfy({ $0 >= 97 && $0 <= 122 }), !Self.notNames.contains(Array(text[t])) else { break }
                tail += 1
                lineEnd = t.upperBound == n || text[t.upperBound] == 10 || text[t.upperBound] == 13
            }
            let specialty = tail > 0 && lineEnd
            guard endsLine || specialty || columnGap || dated || text[a] == 44 || text[a] == 40 || text[a] == 41 || text[a] == 46
                    || text[a] == 59 || (a + 1 < n && text[a] == 45) || (text[a] >= 48 && text[a] <= 57) else { continue }
            // Before it: an optional comma (or a degree), then two to four name words on the same line.
            var b = w.lowerBound
            while b > 0, text[b - 1] == 32 || text[b - 1] == 9 { b -= 1 }
            let comma = b > 0 && text[b - 1] == 44
            let ambiguous = Self.wordsOnlyAfterComma.contains(credential) && !comma
            if ambiguous, !endsLine { continue }
            var name: [Range<Int>] = []
            var j = k - 1
            var gapStart = comma ? b - 1 : w.lowerBound
            // A degree between the name and the credential ("vasquez-oyelaran ms, rdn"): in capitals too.
            var degree: Range<Int>? = nil
            if j >= 0, Self.degrees.contains(Array(text[words[j]])),
               text[words[j].upperBound..<gapStart].allSatisfy({ $0 == 32 || $0 == 9 || $0 == 44 }) {
                degree = words[j]
                gapStart = words[j].lowerBound
                j -= 1
            }
            while j >= 0, name.count < 4 {
                let word = words[j]
                // Only blanks between the words (the comma, once, before the credential; a full
                // stop after an initial: "t. brennan-walsh").
                let lower = Array(text[word])
                let initial = lower.count == 1 && word.upperBound < gapStart && text[word.upperBound] == 46
                let gap = text[(initial ? word.upperBound + 1 : word.upperBound)..<gapStart]
                guard gap.allSatisfy({ $0 == 32 || $0 == 9 || (degree != nil && name.isEmpty && $0 == 44) }),
                      word.upperBound < gapStart || name.isEmpty && comma else { break }
                guard !Self.notNames.contains(lower), !credentials.contains(lower),
                      lower.allSatisfy({ ($0 >= 97 && $0 <= 122) || $0 == 45 || $0 == 39 || $0 >= 0x80 }),
                      lower.count >= 2 || initial else { break }
                name.insert(word, at: 0)
                gapStart = word.lowerBound
                j -= 1
            }
            // A name starts with a name word, not a particle ("van der berg": "Marisol van der Berg").
            while let first = name.first, Self.particles.contains(Array(text[first])) { name.removeFirst() }
            guard name.count >= 2 else { continue }
            // "hollis varga-ames do" ends a line: a signature only where one starts (the line's
            // start, "signed", "by", a colon), not "... nothing to do".
            if ambiguous, !Self.startsSignature(text, before: name[0].lowerBound, words: words, at: j) { continue }
            if let degree { for p in degree where text[p] >= 97 && text[p] <= 122 { out[p] = text[p] & ~0x20 } }
            for word in name where !Self.particles.contains(Array(text[word])) {
                out[word.lowerBound] = text[word.lowerBound] & ~0x20
                // "ansah-moreau": each part of a hyphenated name.
                for p in word.dropFirst() where text[p - 1] == 45 && text[p] >= 97 && text[p] <= 122 { out[p] = text[p] & ~0x20 }
            }
            for c in k..<next {
                for p in words[c] where text[p] >= 97 && text[p] <= 122 { out[p] = text[p] & ~0x20 }
            }
            changed = true
        }
        return changed ? out : nil
    }

    /// Whether what comes before a name is where a signature starts: the line's start (after
    /// blanks, dashes or a "/s/"), a colon, or the word "signed", "e-signed" or "by".
    static func startsSignature(_ t: [UInt8], before start: Int, words: [Range<Int>], at j: Int) -> Bool {
        var i = start
        while i > 0, t[i - 1] == 32 || t[i - 1] == 9 || t[i - 1] == 45 || t[i - 1] == 47 { i -= 1 }
        if i == 0 || t[i - 1] == 10 || t[i - 1] == 13 || t[i - 1] == 58 { return true }
        if Array(t[max(0, i - 3)..<i]) == Array("/s/".utf8) { return true }
        guard j >= 0, words[j].upperBound == i else { return false }
        let w = Array(t[words[j]])
        return w == Array("signed".utf8) || w == Array("e-signed".utf8) || w == Array("esigned".utf8) || w == Array("by".utf8)
    }

    /// Letters, digits, and bytes beyond ASCII (a name's "ü").
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || b >= 0x80 }
}
