/// Who gave a consent said with a pronoun that opens its clause ("Mom on the line from home with
/// pt. She agreed to handle this as a telephone visit."): a parent, guardian or proxy who opens
/// the clause before it, when the pronoun agrees ("she": mom; "he": dad; either: parent), is the
/// guardian (decisions.md). The rules read the pronoun as the patient, since most notes' "she
/// agreed" is the patient's; only a consent whose own words and the few before them name no
/// one ("pt", "Mom agreed" keep what the rule said) is read again. The chain goes back over
/// clauses that keep the pronoun's subject (`isPassedOver`) to a relative or titled name its
/// clause makes the proxy, who is the guardian too. Other relatives are left to the rules:
/// measured, reading "Her aunt ... She agreed" as the aunt's too cost a held-out set of
/// patient-facing letters one consent it had right.
public enum ConsentPronoun {
    enum Gender { case female, male, either }

    /// Relatives who stand for the patient, by the pronoun they take.
    static let guardians: [String: Gender] = [
        "mom": .female, "mother": .female, "mum": .female, "mommy": .female, "mama": .female,
        "stepmother": .female, "stepmom": .female,
        "dad": .male, "father": .male, "daddy": .male, "papa": .male, "stepfather": .male, "stepdad": .male,
        "parent": .either, "guardian": .either, "proxy": .either,
    ]
    /// How many clauses that open with the consent's pronoun may stand between it and the parent.
    static let pronounChainHops = 2
    /// Words before the relative that leave it the clause's subject ("Her mother", "Pt's dad").
    static let leading: Set<String> = ["the", "her", "his", "their", "pt's", "pt’s", "patient's", "patient’s"]
    /// Words that name the patient or someone: a consent near them says who it was.
    static let namers: Set<String> = ["pt", "patient", "client", "mom", "mother", "mum", "dad", "father",
                                      "parent", "guardian", "proxy", "family"]

    static let maternityWords: [[UInt8]] = ["postpartum", "post-partum", "postnatal", "post-natal", "post natal",
                                            "lactation", "breastfeed", "breast-feed", "antenatal", "prenatal"].map { Array($0.utf8) }

    /// "guardian" when the consent at `span` is a pronoun's whose antecedent is a parent,
    /// guardian or proxy; nil otherwise.
    public static func by(for span: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> String? {
        let n = text.count
        guard span.lowerBound < n else { return nil }
        let lo = max(0, span.lowerBound - 30), hi = min(n, span.lowerBound + 12)
        var pronoun: (at: Int, gender: Gender)? = nil
        for (start, word) in words(in: lo..<hi, text) where start < span.lowerBound + 4 || pronoun == nil {
            if word == "she" { pronoun = (start, .female) } else if word == "he" { pronoun = (start, .male) }
        }
        guard let pronoun else { return madeProxyBefore(span, in: text) }
        // Someone named between the pronoun and the consent, or in the consent, says who it was.
        // A pronoun just after a short consent span ("Pt consented. He ...") lies past its end.
        let named = words(in: pronoun.at..<max(pronoun.at, min(n, span.upperBound)), text)
        if named.contains(where: { namers.contains($0.1) }) { return nil }
        // Only a pronoun that opens its clause: in "Her parent was not on the call and she
        // gave consent herself" the pronoun is the patient.
        let clauseStart = clauseStart(before: pronoun.at, text)
        guard clauseStart > 0, !text[clauseStart..<pronoun.at].contains(where: ASCIIByte.isLetter)
                || isIntroduction(clauseStart..<pronoun.at, text) else { return nil }
        // In a maternity note the mother is the patient ("Mother is at her house with the baby.
        // She has given verbal consent").
        let maternity = maternityWords.contains { containsFolded(text, $0) }
        // The clause before names the parent, or opens with the same pronoun, whose clause before
        // is read in turn ("Mom is at home with Sofia. She has no data plan on her phone, so
        // video wasn't an option; she agreed to a phone visit instead"): a pronoun that keeps
        // the subject of the clauses before it. Not over a blank line (an empty clause ends it).
        let pronounWord = pronoun.gender == .female ? "she" : "he"
        var clause = clauseStart
        for _ in 0..<(1 + pronounChainHops) {
            let subjectStart = Self.clauseStart(before: Self.sentenceEnd(before: clause, text), text)
            var leadingWords = 0
            var goesOn = false
            let clauseWords = words(in: subjectStart..<clause, text)
            for (at, word) in clauseWords {
                if leading.contains(word), leadingWords < 1 { leadingWords += 1; continue }
                if let g = guardians[word], agrees(g, pronoun.gender) {
                    if maternity && g == .female { return nil }
                    // A parent of an adult patient stands for no one unless made the guardian
                    // ("Mom (Heidi Brandt, co-guardian) requested ... She gave verbal consent"):
                    // "her mom picked up and handed her the phone. She agreed ..." is the
                    // patient's (24 F).
                    if patientIsAdult(text), !RelativeNames.isMadeProxy(near: at, in: text) { return nil }
                    return "guardian"
                }
                // A relative or a titled name of the pronoun's gender that its clause makes the
                // proxy ("Her son Gerhard Brandt is her health care proxy ... I called him at
                // 13:50; he agreed").
                if Self.gender(of: word) == pronoun.gender, RelativeNames.isMadeProxy(near: at, in: text) { return "guardian" }
                goesOn = (leadingWords == 0 && word == pronounWord)
                    || Self.isPassedOver(clauseWords, subjectAt: at, word: word, leadingWords: leadingWords, pronoun: pronoun.gender)
                break
            }
            guard goesOn, subjectStart > 0 else { break }
            clause = subjectStart
        }
        return madeProxyBefore(span, in: text)
    }

    /// Whether the words before a clause's pronoun are a short introduction ended by a comma
    /// ("Before sending, she ticked the acknowledgment ... and agreed to it"): at most three
    /// words, none naming someone; the pronoun still opens the clause.
    static func isIntroduction(_ range: Range<Int>, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var e = range.upperBound
        while e > range.lowerBound, text[e - 1] == 32 || text[e - 1] == 9 { e -= 1 }
        guard e > range.lowerBound, text[e - 1] == 44 else { return false }
        let ws = words(in: range.lowerBound..<(e - 1), text)
        return !ws.isEmpty && ws.count <= 3
            && !ws.contains(where: { namers.contains($0.1) || subjects.contains($0.1) || $0.1 == "i" || $0.1 == "we" })
    }

    /// Whether the patient's header line gives an adult's age ("Pt: Nadia Okabe, 24 F").
    static func patientIsAdult(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let all = Array(text)
        guard let header = PatientNameMentions.firstName(all)?.line else { return false }
        return PatientHeader.isAdult(all[header])
    }

    /// The pronouns that may stand for a relative the sentence before made the proxy.
    static let subjects: Set<String> = ["he", "she", "they"]

    /// How far before the consent the pronoun that opens its sentence may stand ("He joined by
    /// video from his home in Ohio and gave permission ...").
    static let proxySentenceReach = 80

    /// "guardian" when the consent's sentence opens with "he", "she" or "they", names no one
    /// else before the consent, and the sentence just before it made someone the proxy, guardian
    /// or power of attorney without denying it ("Her son, Martin Tierney, is her designated
    /// health care proxy (HCP document on file). He joined by video ... and gave permission for
    /// today's visit"; "... she is her mother's health care power of attorney - explained ... .
    /// She gave verbal consent for tele-ICU care"); nil otherwise.
    static func madeProxyBefore(_ span: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> String? {
        let n = text.count
        let s = ConsentOnBehalf.sentenceStart(before: min(n, span.lowerBound + 1), notBefore: max(0, span.lowerBound - proxySentenceReach), in: text)
        // The sentence before ends with a full stop, on the same line or at the end of the line
        // before ("... who has had legal guardianship since 2023.\nShe was home with him ...");
        // not across a blank line.
        var stop = s - 1
        if stop >= 0, text[stop] == 10 {
            stop -= 1
            while stop >= 0, text[stop] == 32 || text[stop] == 9 || text[stop] == 13 { stop -= 1 }
        }
        guard stop >= 1, text[stop] == 46 else { return nil }
        let opening = words(in: s..<min(n, span.upperBound), text)
        guard let first = opening.first, subjects.contains(first.1),
              text[s..<first.0].allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 }),
              !opening.dropFirst().contains(where: { namers.contains($0.1) || $0.1 == "i" || $0.1 == "we" }) else { return nil }
        return RelativeNames.isMadeProxy(near: stop - 1, in: text) ? "guardian" : nil
    }

    /// The gender a clause's first word gives its subject: a pronoun, a courtesy title or a
    /// relative's role; nil for any other word.
    static func gender(of word: String) -> Gender? {
        if word == "she" { return .female }
        if word == "he" { return .male }
        if let g = RelativeNames.titles[word], g != .either { return g }
        if RelativeNames.female.contains(word) { return .female }
        if RelativeNames.male.contains(word) { return .male }
        return nil
    }

    /// Words after an object "her" that leave it the object, not a possessive ("I called her at
    /// 10:05" and "reached her by phone", not "I reviewed her labs").
    static let afterObjectHer: Set<String> = ["at", "by", "on", "back", "about", "again", "today", "first", "before",
                                              "over", "via", "that", "when"]

    /// Whether a pronoun's chain passes over the clause before without ending: a clause of the
    /// clinician's that holds the pronoun as its object ("Her son ... is her health care proxy.
    /// I called him at 13:50; he agreed"), or one whose subject is of the other gender ("Her
    /// son, Raymond Diaz, is her health care proxy ... Mrs. Diaz was pleasant ... He was okay
    /// with us doing the visit by phone"). Only those: any other subject ends the chain.
    static func isPassedOver(_ clauseWords: [(Int, String)], subjectAt: Int, word: String, leadingWords: Int,
                             pronoun: Gender) -> Bool {
        if leadingWords == 0, word == "i" || word == "we" {
            let rest = clauseWords.drop { $0.0 <= subjectAt }.map(\.1)
            if pronoun == .male { return rest.contains("him") }
            return rest.indices.contains { k in
                rest[k] == "her" && k + 1 < rest.endIndex && afterObjectHer.contains(rest[k + 1])
            }
        }
        guard let g = gender(of: word) else { return false }
        return g != pronoun
    }

    static func agrees(_ relative: Gender, _ pronoun: Gender) -> Bool {
        relative == .either || relative == pronoun
    }

    /// The break that ends the clause before the one starting at `clause`: the break just before
    /// it, or, when that is a line break right after a stop ("... joined on speaker.\nShe gave
    /// verbal consent"), the stop, so that the clause before is the stop's sentence and not the
    /// empty rest of its line. A blank line stays a break of its own.
    static func sentenceEnd(before clause: Int, _ text: UnsafeBufferPointer<UInt8>) -> Int {
        let brk = clause - 1
        guard brk >= 1, text[brk] == 10 else { return brk }
        var k = brk - 1
        while k >= 0, text[k] == 32 || text[k] == 9 || text[k] == 13 { k -= 1 }
        guard k >= 0, text[k] == 46 || text[k] == 59 || text[k] == 33 || text[k] == 63 else { return brk }
        return k
    }

    /// Just after the last clause break (a stop, semicolon, line break) before `i`, or 0.
    static func clauseStart(before i: Int, _ text: UnsafeBufferPointer<UInt8>) -> Int {
        var j = i - 1
        while j >= 0 {
            let b = text[j]
            if b == 46 || b == 59 || b == 10 || b == 33 || b == 63 {
                // A line break that wraps a sentence ends no clause ("Her son Gerhard Brandt is\nher
                // health care proxy").
                if b == 10, RelativeNames.isSoftWrap(j, in: text) { j -= 1; continue }
                // "Dr." and "Mrs." do not end a clause.
                if b == 46, ConsentOnBehalf.isTitle(before: j, in: text) { j -= 1; continue }
                // Nor does a full stop inside a word ("Doxy.me").
                if b == 46, ConsentOnBehalf.isInWord(j, in: text) { j -= 1; continue }
                return j + 1
            }
            j -= 1
        }
        return 0
    }

    /// Whether `needle` (lower case) occurs in the text, ASCII capitals folded.
    static func containsFolded(_ text: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        let m = needle.count
        guard m > 0, text.count >= m else { return false }
        var i = 0
        while i + m <= text.count {
            if text[i] | 0x20 == needle[0] {
                var k = 1
                while k < m, (ASCIIByte.isLetter(needle[k]) ? text[i + k] | 0x20 : text[i + k]) == needle[k] { k += 1 }
                if k == m { return true }
            }
            i += 1
        }
        return false
    }

    /// The words that start in `range`, in lower case (letters and an apostrophe's "’s"), with
    /// their starts. A word is read to its end even past the range: cut at the range's end,
    /// "herself" would read as the pronoun "he".
    static func words(in range: Range<Int>, _ text: UnsafeBufferPointer<UInt8>) -> [(Int, String)] {
        var out: [(Int, String)] = []
        var i = range.lowerBound
        while i < range.upperBound {
            guard ASCIIByte.isLetter(text[i]), i == 0 || !ASCIIByte.isLetter(text[i - 1]) else { i += 1; continue }
            var j = i
            var bytes: [UInt8] = []
            while j < text.count {
                let b = text[j]
                if ASCIIByte.isLetter(b) { bytes.append(b | 0x20); j += 1; continue }
                if b == 39, j + 1 < text.count, (text[j + 1] | 0x20) == 115 { bytes += [39, 115]; j += 2; break }
                // A curly possessive (U+2019, E2 80 99) reads as the ASCII one: "patient’s mother".
                if b == 0xE2, j + 3 < text.count, text[j + 1] == 0x80, text[j + 2] == 0x99, (text[j + 3] | 0x20) == 115 {
                    bytes += [39, 115]; j += 4; break
                }
                break
            }
            out.append((i, String(decoding: bytes, as: UTF8.self)))
            i = j
        }
        return out
    }
}
