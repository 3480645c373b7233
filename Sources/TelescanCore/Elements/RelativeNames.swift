/// Relatives a note names with their role, before or after it says what they did ("his daughter
/// Karin", "mother (Rosa Castellano, proxy account)", "Beatrice Marsh, her aunt", later "Robert,
/// her husband, keeps the BP log"), so that a consent given in that name ("Karin agreed to the
/// telephone visit on his behalf", "Rosa agreed to the e-visit") is credited to the relative:
/// the guardian when the relative is a parent or the note makes them the proxy, guardian or
/// power of attorney ("she is his health care proxy", "Greg is her health care proxy"), someone
/// else otherwise (decisions.md). Only consents the rules gave to the patient are read again, and
/// only when the name opens the consent or stands just before it.
public enum RelativeNames {
    /// Relatives who stand for the patient.
    static let parents: Set<String> = ["mother", "mom", "mum", "father", "dad", "parent", "stepmother", "stepfather",
                                       "guardian", "proxy"]
    /// Relatives and carers who do not, unless made the proxy.
    static let others: Set<String> = ["daughter", "son", "wife", "husband", "sister", "brother", "aunt", "uncle",
                                      "grandmother", "grandfather", "grandma", "grandpa", "grandparent", "niece", "nephew",
                                      "granddaughter", "grandson", "cousin", "partner", "spouse", "caregiver",
                                      "carer", "friend", "neighbor", "neighbour"]
    /// Words that make a named relative the one who decides for the patient.
    static let proxyWords: [[String]] = ["proxy", "power of attorney", "poa", "hcp", "legal guardian", "guardian",
                                         "guardianship", "health care agent", "healthcare agent", "conservator"].map { $0.split(separator: " ").map(String.init) }
    /// Capitalised words that are no given name.
    static let notNames: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "the", "who", "she", "he", "and",
                                        "is", "was", "on", "at", "in", "with", "pt", "patient", "not", "veteran",
                                        "client", "member", "resident", "child", "baby", "infant", "teen"]

    /// "guardian" or "other" when the consent at `span` opens with (or follows) the given
    /// name of a relative the note introduced; nil otherwise.
    public static func by(for span: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> String? {
        guard span.lowerBound < text.count else { return nil }
        // The capitalised word that opens the consent or stands within a few words before it.
        let lo = max(0, span.lowerBound - 20), hi = min(text.count, span.lowerBound + 12)
        let candidates = ConsentPronoun.words(in: lo..<hi, text).filter { ASCIIByte.isUpper(text[$0.0]) }
        guard let named = candidates.last(where: { $0.0 <= span.lowerBound + 1 }) ?? candidates.first ?? appositive(before: span.lowerBound, in: text)
                ?? sentenceSubject(before: span.lowerBound, in: text),
              !notNames.contains(named.1) else { return nil }
        // A role word is no name ("Wife agreed ... on his behalf" is read by ConsentOnBehalf).
        guard !parents.contains(named.1), !others.contains(named.1) else { return nil }
        // A surname or its initial after a title ("Ms. P. gave verbal consent", "Mr. Amundsen
        // gave verbal consent") is read with the title's gender; a bare name needs three letters.
        let title = self.title(before: named.0, in: text)
        guard named.1.count >= 3 || (title != nil && named.1.count == 1 && named.0 + 1 < text.count && text[named.0 + 1] == 46) else { return nil }
        if let role = role(of: named.1, before: named.0, in: text, title: title) { return role }
        // A full name ("Robert Kowalski answered and gave verbal consent"): the given name before
        // the surname is the one the note gives a role ("Robert, her husband, keeps the BP log").
        guard title == nil, let given = givenName(before: named.0, in: text) else { return nil }
        return role(of: given.1, before: given.0, in: text)
    }

    /// The capitalised given name one space before a capitalised surname at `at`, or nil.
    static func givenName(before at: Int, in text: UnsafeBufferPointer<UInt8>) -> (Int, String)? {
        guard at >= 4, text[at - 1] == 32, ASCIIByte.isLetter(text[at - 2]) else { return nil }
        var b = at - 2
        while b > 0, ASCIIByte.isLetter(text[b - 1]) { b -= 1 }
        guard ASCIIByte.isUpper(text[b]), at - 1 - b >= 3, b == 0 || !ASCIIByte.isLetter(text[b - 1]) && text[b - 1] != 39 else { return nil }
        let word = String(decoding: text[b..<(at - 1)].map { $0 | 0x20 }, as: UTF8.self)
        return notNames.contains(word) || titles[word] != nil ? nil : (b, word)
    }

    /// Titles, by the gender they give.
    static let titles: [String: ConsentPronoun.Gender] = Dictionary(uniqueKeysWithValues: PersonTitle.courtesy.map { ($0.title, $0.gender) })

    /// The gender of the title ("Ms. ", "Mr ") just before `at`; nil when there is none.
    static func title(before at: Int, in text: UnsafeBufferPointer<UInt8>) -> ConsentPronoun.Gender? {
        var e = at
        // The last part of a hyphenated surname reads its whole ("Mr. Solberg-Mensah").
        if e > 1, text[e - 1] == 45, ASCIIByte.isLetter(text[e - 2]) {
            e -= 1
            while e > 0, ASCIIByte.isLetter(text[e - 1]) { e -= 1 }
        }
        while e > 0, text[e - 1] == 32 { e -= 1 }
        guard e < at else { return nil }
        if e > 0, text[e - 1] == 46 { e -= 1 }
        var b = e
        while b > 0, ASCIIByte.isLetter(text[b - 1]) { b -= 1 }
        guard b < e, b == 0 || !ASCIIByte.isLetter(text[b - 1]) else { return nil }
        return titles[String(decoding: text[b..<e].map { $0 | 0x20 }, as: UTF8.self)]
    }

    /// Relatives by the gender of their role; those not listed may be either.
    static let female: Set<String> = ["mother", "mom", "mum", "stepmother", "daughter", "wife", "sister", "aunt", "grandmother",
                                      "grandma", "niece", "granddaughter"]
    static let male: Set<String> = ["father", "dad", "stepfather", "son", "husband", "brother", "uncle", "grandfather",
                                    "grandpa", "nephew", "grandson"]

    static func agrees(_ relation: String, _ title: ConsentPronoun.Gender?) -> Bool {
        switch title {
        case .female?: return !male.contains(relation)
        case .male?: return !female.contains(relation)
        default: return true
        }
    }

    /// How far back a clause-opening name may stand before the consent.
    static let appositiveReach = 120

    /// The capitalised name that opens the consent's clause with a comma after it, a relative
    /// clause or bracket between it and the consent ("Rachel, who helps care for her (she is not
    /// the health care proxy), gave verbal consent"); nil otherwise.
    static func appositive(before at: Int, in text: UnsafeBufferPointer<UInt8>) -> (Int, String)? {
        let s = ConsentOnBehalf.sentenceStart(before: at, notBefore: max(0, at - appositiveReach), in: text)
        guard s == 0 || text[s - 1] == 10 || text[s - 1] == 46 || text[s - 1] == 59 else { return nil }
        guard let first = ConsentPronoun.words(in: s..<at, text).first, ASCIIByte.isUpper(text[first.0]),
              text[s..<first.0].allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 }) else { return nil }
        let end = first.0 + first.1.count
        guard end < at, text[end] == 44 else { return nil }
        return first
    }

    /// Words that name another subject between a sentence's opening name and its consent.
    static let otherSubjects: Set<String> = ["she", "he", "they", "i", "we", "you", "pt", "patient", "who", "not", "no"]

    /// The capitalised given name that opens the consent's sentence as its only subject ("Gerald
    /// was called before rounds and gave verbal consent"), within `appositiveReach`; nil when
    /// another subject stands between.
    static func sentenceSubject(before at: Int, in text: UnsafeBufferPointer<UInt8>) -> (Int, String)? {
        let s = ConsentOnBehalf.sentenceStart(before: at, notBefore: max(0, at - appositiveReach), in: text)
        guard s == 0 || text[s - 1] == 10 || text[s - 1] == 46 || text[s - 1] == 59 else { return nil }
        var words = ConsentPronoun.words(in: s..<at, text)
        guard let first = words.first, ASCIIByte.isUpper(text[first.0]),
              text[s..<first.0].allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 }) else { return nil }
        // A title opens the sentence: the surname after it is the subject ("Ms. Holm joined ...").
        if titles[first.1] != nil {
            words.removeFirst()
            guard let surname = words.first, ASCIIByte.isUpper(text[surname.0]) else { return nil }
        }
        guard let subject = words.first, !words.dropFirst().contains(where: { otherSubjects.contains($0.1) }) else { return nil }
        return subject
    }

    /// Whether a consent credited to someone other than the patient opens with a relative's role
    /// ("Grandmother gave verbal consent") that an earlier sentence of the note made the proxy,
    /// guardian or power of attorney ("her grandmother, Sra. Herminia Aguayo, who has legal
    /// guardianship of Valentina"), without denying it.
    public static func roleMadeProxy(for span: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard span.lowerBound < text.count else { return false }
        let opening = ConsentPronoun.words(in: span.lowerBound..<min(text.count, span.lowerBound + 16), text)
        guard let role = opening.first, role.0 == span.lowerBound, others.contains(role.1) else { return false }
        let key = Array(role.1.utf8)
        var at = 0
        while at + key.count <= span.lowerBound {
            defer { at += 1 }
            guard at == 0 || !ASCIIByte.isLetter(text[at - 1]), !ASCIIByte.isLetter(text[at + key.count]),
                  (0..<key.count).allSatisfy({ text[at + $0] | 0x20 == key[$0] }) else { continue }
            // The role must be the one the proxy word goes with: not "Wife (his caregiver; the
            // daughter holds the POA)", where another relative comes between.
            guard isMadeProxy(near: at, in: text) else { continue }
            let after = ConsentPronoun.words(in: at..<Self.sentence(around: at, in: text).upperBound, text).map(\.1).dropFirst()
            let firstProxy = after.indices.first { k in proxyWords.contains { p in
                k + p.count <= after.endIndex && Array(after[k..<(k + p.count)]) == p } }
            guard let firstProxy else { continue }
            let between = after[after.startIndex..<firstProxy]
            if !between.contains(where: { $0 != role.1 && (others.contains($0) || parents.contains($0)) }) {
                return true
            }
        }
        return false
    }

    /// The sentence holding `at`: between line breaks and full stops, a title's full stop ("Sra.
    /// Herminia Aguayo, who has legal guardianship") and a full stop inside a word ("Doxy.me") ending
    /// none.
    static func sentence(around at: Int, in text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var s = at, e = at
        while s > 0, text[s - 1] != 10 || isSoftWrap(s - 1, in: text),
              text[s - 1] != 46 || ConsentOnBehalf.isTitle(before: s - 1, in: text) || isInitial(before: s - 1, in: text)
                || ConsentOnBehalf.isInWord(s - 1, in: text) { s -= 1 }
        while e < text.count, text[e] != 10 || isSoftWrap(e, in: text),
              text[e] != 46 || ConsentOnBehalf.isTitle(before: e, in: text) || isInitial(before: e, in: text)
                || ConsentOnBehalf.isInWord(e, in: text) { e += 1 }
        return s..<e
    }

    /// Whether the line break at `i` wraps a sentence ("a court-appointed legal guardian, Ms.
    /// Regina Thorne of County Guardianship\nServices."): a lower-case letter or a comma before
    /// it, a letter after it, and the next line no label ("Location: home").
    static func isSoftWrap(_ i: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard i >= 1, i + 1 < text.count else { return false }
        let before = text[i - 1]
        guard (before >= 97 && before <= 122) || before == 44, ASCIIByte.isLetter(text[i + 1]) else { return false }
        var j = i + 1
        while j < text.count, j < i + 32, ASCIIByte.isLetter(text[j]) || text[j] == 32 || text[j] == 39 || text[j] == 45 {
            if text[j] == 32, j + 1 < text.count, text[j + 1] == 32 { break }
            j += 1
        }
        return j >= text.count || text[j] != 58 || j >= i + 32
    }

    /// Whether the full stop at `dot` ends a name's initial ("Loretta P. has legal guardianship").
    static func isInitial(before dot: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        dot >= 2 && ASCIIByte.isUpper(text[dot - 1]) && text[dot - 2] == 32
    }

    /// The role a relative of that given name was introduced with: before `limit` (the consent)
    /// first, then after it; else "guardian" when a clause makes the name the proxy. The note is
    /// searched for the name's bytes; only the few words around each mention are read as words.
    static func role(of name: String, before limit: Int, in text: UnsafeBufferPointer<UInt8>,
                     title: ConsentPronoun.Gender? = nil) -> String? {
        let key = Array(name.utf8)
        guard !key.isEmpty, limit <= text.count else { return nil }
        // Mentions before the consent first, then later ones: a role may be told a paragraph on
        // ("Plan: ... Mom (Jenna) will drive him", "Anthony (son) is her health care proxy").
        for range in [0..<limit, limit..<text.count] {
            var at = range.lowerBound
            while at + key.count <= range.upperBound {
                defer { at += 1 }
                guard isMention(of: key, at: at, in: text) else { continue }
                let words = ConsentPronoun.words(in: max(0, at - 40)..<min(text.count, at + 80), text)
                // The consent's own name is the relative's only when not a companion of another
                // subject ("Mr. Achenbach joined ... with his wife, Ilse, and agreed").
                guard let k = words.firstIndex(where: { $0.0 == at }) else { continue }
                if at == limit, words[max(0, k - 4)..<k].contains(where: { $0.1 == "with" }) { continue }
                // A titled surname's relation told after it belongs to that title's bearer only
                // ("Mrs. Abernathy (his wife ...)", not "Mrs. Ingrid Solberg-Mensah (SPOUSE)" for
                // "Mr. Solberg-Mensah agreed").
                let after = title == nil || self.title(before: at, in: text) == title
                guard let relation = relation(of: k, in: words, text, after: after) ?? (title == nil ? nil : surnameRelation(k, key, words, text, title)),
                      agrees(relation, title) else { continue }
                if parents.contains(relation) { return "guardian" }
                return isMadeProxy(near: at, in: text) || isNamedProxy(key, after: at + key.count, before: text.count, in: text) ? "guardian" : "other"
            }
        }
        // No relation beside any mention, but a clause makes the name the proxy ("Per the chart,
        // Greg is her health care proxy").
        return title == nil && isNamedProxy(key, after: 0, before: text.count, in: text) ? "guardian" : nil
    }

    /// Whether a later mention of the name, from `start` to `limit`, is the subject of a clause that makes
    /// them the proxy, guardian or power of attorney ("her son Rafael Castellanos on the line.
    /// Rafael is her health care proxy."): the name (and its surname), then is / was / has /
    /// holds / remains, and a proxy word within the next six words with no other relative
    /// between and no denial.
    static func isNamedProxy(_ key: [UInt8], after start: Int, before limit: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !key.isEmpty, limit <= text.count else { return false }
        var at = start
        while at + key.count <= limit {
            defer { at += 1 }
            guard isMention(of: key, at: at, in: text) else { continue }
            let words = ConsentPronoun.words(in: at..<min(text.count, at + 90), text)
            // The verb right after the name, or after a capitalised surname.
            var v = 1
            if v < words.count, !proxyVerbs.contains(words[v].1), ASCIIByte.isUpper(text[words[v].0]) { v += 1 }
            guard v < words.count, proxyVerbs.contains(words[v].1) else { continue }
            let after = Array(words[(v + 1)...].prefix(7).map(\.1))
            guard let k = after.indices.first(where: { k in proxyWords.contains { p in
                k + p.count <= after.count && Array(after[k..<(k + p.count)]) == p } }), k <= 5 else { continue }
            // Before the first proxy word: no denial and no other relative ("Rafael is her son;
            // the daughter is her health care proxy").
            if after[..<k].contains(where: { $0 == "not" || $0 == "no" || others.contains($0) || parents.contains($0) }) { continue }
            return true
        }
        return false
    }

    /// Words after "proxy" that make it a portal's access, not a legal role ("proxy access").
    static let portalWords: Set<String> = ["access", "account", "login", "user", "portal"]

    /// Verbs that make the name before them the subject of a proxy clause ("Rafael is ...").
    static let proxyVerbs: Set<String> = ["is", "was", "has", "holds", "remains"]

    /// Whether the name (lower-case `key`) stands at `at` as a capitalised whole word.
    static func isMention(of key: [UInt8], at: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        text[at] == key[0] & ~0x20 && (at == 0 || !ASCIIByte.isLetter(text[at - 1]))
            && (at + key.count == text.count || !ASCIIByte.isLetter(text[at + key.count]))
            && (1..<key.count).allSatisfy { text[at + $0] | 0x20 == key[$0] }
    }

    /// The relation the words around the name at `k` give it: just before, in the same clause
    /// ("his daughter Karin", "mother (Rosa", "aunt, Beatrice", "His niece,⏎Janet" hard-wrapped; not
    /// "guardian. Maya's"), or after its surname, a comma and a possessive on one line ("Beatrice
    /// Marsh, her aunt"); with `after`, also in brackets or told with "(who) is" after the name
    /// ("Priya (niece)", "Kevin, who is Jayden's father").
    static func relation(of k: Int, in words: [(Int, String)], _ text: UnsafeBufferPointer<UInt8>, after: Bool = true) -> String? {
        let w = words[k]
        if k >= 1, parents.contains(words[k - 1].1) || others.contains(words[k - 1].1),
           w.0 - (words[k - 1].0 + words[k - 1].1.count) <= 3,
           text[(words[k - 1].0 + words[k - 1].1.count)..<w.0].allSatisfy({ $0 == 32 || $0 == 40 || $0 == 44 || $0 == 10 || $0 == 13 }) {
            return words[k - 1].1
        }
        var j = k + 1
        if j < words.count, ASCIIByte.isUpper(text[words[j].0]), words[j].0 - (w.0 + w.1.count) == 1 { j += 1 }
        let end = words[j - 1].0 + words[j - 1].1.count
        if j + 1 < words.count, end < text.count, text[end] == 44,
           words[j].0 - end <= 2, ["his", "her", "their"].contains(words[j].1),
           words[j + 1].0 - (words[j].0 + words[j].1.count) == 1,
           parents.contains(words[j + 1].1) || others.contains(words[j + 1].1) {
            return words[j + 1].1
        }
        // A carer's role right after the name and a comma ("Darnell Hughes, DSP on shift").
        if j < words.count, end < text.count, text[end] == 44, words[j].0 - end <= 2, carerRoles.contains(words[j].1) {
            return "caregiver"
        }
        guard after else { return nil }
        // The relation in brackets after the name ("Priya (niece)", "Rosa Delgado (mother)",
        // "Mrs. Abernathy (his wife of 51 years)"), or told with "(who) is" ("Kevin, who is
        // Jayden's father", "Gwen is his wife").
        if j < words.count, text[end..<words[j].0].filter({ $0 != 32 }) == [40] {
            var r = j
            if r + 1 < words.count, possessives.contains(words[r].1) || words[r].1.hasSuffix("'s") { r += 1 }
            if parents.contains(words[r].1) || others.contains(words[r].1) { return words[r].1 }
        }
        var v = j
        if v < words.count, words[v].1 == "who", end < text.count, text[end] == 44 { v += 1 }
        if v + 2 < words.count, words[v].1 == "is" || words[v].1 == "was", v == j || words[v - 1].1 == "who" {
            var r = v + 1
            if words[r].1 == "the", r + 1 < words.count { r += 1 }
            if r + 1 < words.count, possessives.contains(words[r].1) || words[r].1.hasSuffix("'s") { r += 1 }
            if parents.contains(words[r].1) || others.contains(words[r].1) { return words[r].1 }
        }
        return nil
    }

    /// Words that own the relation after a name ("her husband", "(his wife").
    static let possessives: Set<String> = ["his", "her", "their", "the"]

    /// Paid carers' roles written after a name ("Darnell Hughes, DSP"): they stand for no one.
    static let carerRoles: Set<String> = ["dsp", "aide", "caregiver", "carer", "pca", "cna", "hha"]

    /// The relation of a titled surname, unless the patient's header line bears the same surname
    /// and says nothing that sets the patient apart from the one who consented: "Mrs. Ibarra gave
    /// verbal consent" is the patient Rosalía Ibarra Montes's, not her daughter Marisela Ibarra's;
    /// "Ms. P." is the grandmother of "Patient: Keanu P., 11 yo M", a minor of another sex.
    static func surnameRelation(_ k: Int, _ key: [UInt8], _ words: [(Int, String)], _ text: UnsafeBufferPointer<UInt8>,
                                _ title: ConsentPronoun.Gender?) -> String? {
        guard let relation = relation(ofSurname: k, in: words, text) else { return nil }
        let all = Array(text)
        guard let header = PatientNameMentions.firstName(all)?.line else { return relation }
        let line = ConsentPronoun.words(in: header, text).map(\.1)
        guard line.contains(String(decoding: key, as: UTF8.self)) else { return relation }
        return PatientHeader.isMinor(all[header]) || PatientHeader.sex(all[header]).map({ $0 != title }) == true ? relation : nil
    }

    /// The relation of a surname (or its initial) after a given name or a title, the relation
    /// standing before them in the same clause ("grandmother, Loretta P.", "adoptive mother, Mrs.
    /// Gwen A.", "maternal grandmother, Bernice Brooks"); read only for a consent that names
    /// its giver by title and surname, whose gender the relation must agree with.
    static func relation(ofSurname k: Int, in words: [(Int, String)], _ text: UnsafeBufferPointer<UInt8>) -> String? {
        var j = k
        var skipped = 0
        while j >= 1, skipped < 3 {
            let prev = words[j - 1]
            let gap = text[(prev.0 + prev.1.count)..<words[j].0]
            guard gap.count <= 3, gap.allSatisfy({ $0 == 32 || $0 == 46 || $0 == 10 || $0 == 13 }) else { break }
            guard titles[prev.1] != nil || (ASCIIByte.isUpper(text[prev.0]) && !parents.contains(prev.1) && !others.contains(prev.1)) else { break }
            j -= 1
            skipped += 1
        }
        guard j < k, j >= 1 else { return nil }
        if let relation = relation(of: j, in: words, text) { return relation }
        // A guardian's title a few words before the name, in its clause ("a court-appointed
        // guardian of the person,\nMr. Felix Amundsen").
        var i = j
        while i >= 1, j - i < 4 {
            let prev = words[i - 1]
            guard !text[(prev.0 + prev.1.count)..<words[i].0].contains(where: { $0 == 46 || $0 == 59 || $0 == 58 }) else { break }
            if prev.1 == "guardian" || prev.1 == "conservator" { return "guardian" }
            i -= 1
        }
        return nil
    }

    /// Whether the sentence holding `at` makes someone the proxy, guardian or power of attorney
    /// ("she is his health care proxy"); not a sentence that denies the role to anyone ("who helps
    /// care for her but is not her health care proxy", "not the proxy; proxy is her son", "his
    /// wife is his health care proxy, not Renee"), nor a portal's "proxy access".
    static func isMadeProxy(near at: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let sentence = ConsentPronoun.words(in: Self.sentence(around: at, in: text), text).map(\.1)
        var made = false
        for k in sentence.indices {
            for p in proxyWords where k + p.count <= sentence.count && Array(sentence[k..<(k + p.count)]) == p {
                let end = k + p.count
                if end < sentence.count, portalWords.contains(sentence[end]) || (k > 0 && sentence[k - 1] == "portal") { continue }
                // "is not her health care proxy": the denial may stand five words before, or
                // right after ("proxy, not Renee").
                let before = sentence[max(0, k - 5)..<k]
                let after = sentence[end..<min(sentence.count, end + 2)]
                if before.contains("not") || before.contains("no") || before.contains("non") || before.contains("isn't")
                    || after.first == "not" {
                    // A sentence that denies someone the role ("not the health care proxy; proxy
                    // is her son") does not make the named relative the proxy.
                    return false
                }
                made = true
            }
        }
        return made
    }
}
