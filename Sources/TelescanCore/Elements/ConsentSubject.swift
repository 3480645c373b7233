/// Who gave a consent whose sentence opens with a parent as its only subject ("Mum phoned Mon and
/// gave the go-ahead for Ellie to have her sessions on the video link"): the guardian
/// (decisions.md); another relative as that subject is someone else, or the guardian when made
/// the proxy. The rules read a consent verb with no subject of its own as the patient's;
/// only when the words between the sentence's start and the consent name a parent first and no
/// other person (no "she", "he", "pt", "patient", "I", "we", "they") is it read again. A parent's
/// role may follow the name ("Mom, Dalia Quiroga (parent/legal guardian), was beside him ... and
/// okayed doing today's therapy over video").
public enum ConsentSubject {
    /// Parents, who stand for a child.
    static let parents: Set<String> = ["mum", "mom", "mother", "dad", "father", "parent", "parents", "mommy", "mama",
                                       "stepmother", "stepfather", "stepmom", "stepdad", "guardian"]
    /// Words that name another subject in the clause before the consent.
    static let others: Set<String> = ["she", "he", "they", "pt", "patient", "i", "we", "you", "client", "child",
                                      "son", "daughter", "who", "which", "not", "no"]
    /// Words that may stand before the parent ("Her mum", "The patient's mother").
    static let leading: Set<String> = ["the", "her", "his", "their", "pt's", "patient's", "child's"]
    /// How far back the sentence's start is looked for.
    static let reach = 120

    /// Who stands for the patient by authority, named after "by" or "from" inside a consent's
    /// own words.
    static let authorities: Set<String> = parents.union(["proxy", "poa", "hcpoa", "dpoa", "conservator"])
    /// Words that may stand between "by" and the authority ("from his court-appointed legal guardian").
    static let authorityLeading: Set<String> = leading.union(["court", "appointed", "legal", "health", "care"])

    /// The authorities as possessors ("mom's", "guardian's"), as `ConsentPronoun.words` spells them.
    static let authorityPossessives: Set<String> = Set(authorities.map { $0 + "'s" })
    /// What a possessor's agreement is called after "with" ("with mom's agreement").
    static let agreementNouns: Set<String> = ["agreement", "consent", "permission", "approval", "ok", "okay"]
    /// Words that may stand between the possessor and the agreement ("with mum's verbal consent").
    static let agreementQualifiers: Set<String> = ["verbal", "oral", "full", "written", "informed", "explicit"]

    /// The end of the consent's clause: the rest of it after a short span too ("Consent: obtained
    /// before the visit from his court-appointed legal guardian"), at most 60 bytes on, and not
    /// past a check box ("obtained from patient [ ] From guardian", "☐ From guardian"): its options
    /// are the template's, not what was said. (U+2610-U+263F, the ballot boxes, begin E2 98 in
    /// UTF-8; a curly apostrophe or a dash, E2 80, does not stop the clause.)
    static func clauseEnd(after span: Range<Int>, _ text: UnsafeBufferPointer<UInt8>) -> Int {
        var end = min(text.count, span.upperBound)
        let limit = min(text.count, end + 60)
        while end < limit, text[end] != 46, text[end] != 59, text[end] != 10, text[end] != 91,
              !(text[end] == 0xE2 && end + 1 < text.count && text[end + 1] == 0x98) { end += 1 }
        return end
    }

    /// Whether the consent's own words name a parent, guardian or proxy as the one who gave or
    /// signed it, after "by" or "from" ("telehealth consent signed by mother in January is on
    /// file; I reconfirmed with her verbally today") or as the agreement's possessor after "with"
    /// ("visit done by phone instead, with mom's agreement"): the rule that read the whole
    /// statement did not say who.
    static func namesAuthority(in span: Range<Int>, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let words = ConsentPronoun.words(in: span.lowerBound..<clauseEnd(after: span, text), text).map(\.1)
        for (i, w) in words.enumerated() where w == "by" || w == "from" || w == "with" {
            var j = i + 1
            while j < words.count, authorityLeading.contains(words[j]) { j += 1 }
            guard j < words.count else { continue }
            if w != "with" {
                if authorities.contains(words[j]) { return true }
                // A name, then the role it acts in ("by Aldric as health care proxy", "from Ms.
                // Ruiz as his legal guardian").
                if let a = words[j..<min(words.count, j + 5)].firstIndex(of: "as") {
                    var k = a + 1
                    while k < words.count, authorityLeading.contains(words[k]) { k += 1 }
                    if k < words.count, authorities.contains(words[k]) { return true }
                }
                continue
            }
            // "with mom's agreement", "with his guardian's verbal consent": the possessor agreed.
            guard authorityPossessives.contains(words[j]) else { continue }
            var k = j + 1
            while k < words.count, agreementQualifiers.contains(words[k]) { k += 1 }
            if k < words.count, agreementNouns.contains(words[k]) { return true }
        }
        return false
    }

    /// Words that name the patient after "by" or "from".
    static let patientWords: Set<String> = ["patient", "pt", "client", "resident", "veteran", "member", "herself", "himself", "themselves"]
    /// Words that may stand between "by" or "from" and a relative ("from his grandmother").
    static let relativeLeading: Set<String> = ["the", "his", "her", "their", "pt's", "patient's", "maternal", "paternal"]

    /// "other", or "guardian" when the sentence makes them the proxy, when the consent's own
    /// words name a relative who does not stand for the patient by default right after "by" or
    /// "from" ("Consent from grandparents (non-guardian caregivers) documented", "Consent:
    /// obtained from his aunt"); nil otherwise. Read after `namesAuthority`, and only up to the
    /// clause's end.
    static func namesRelative(in span: Range<Int>, _ text: UnsafeBufferPointer<UInt8>) -> String? {
        let words = ConsentPronoun.words(in: span.lowerBound..<clauseEnd(after: span, text), text)
        for (i, w) in words.enumerated() where w.1 == "by" || w.1 == "from" {
            // "not from her husband" denies it.
            if i > 0, words[i - 1].1 == "not" { continue }
            var j = i + 1
            while j < words.count, relativeLeading.contains(words[j].1) { j += 1 }
            guard j < words.count else { continue }
            // The patient named first ("came from the patient herself, not from her husband").
            if patientWords.contains(words[j].1) { return nil }
            var word = words[j].1
            // A given name the note introduced as a relative ("obtained from Peter, who agreed"
            // after "Her son, Peter, is her health care proxy").
            if ASCIIByte.isUpper(text[words[j].0]), !RelativeNames.notNames.contains(word), word.count >= 3,
               let role = RelativeNames.role(of: word, before: words[j].0, in: text) {
                return role
            }
            if word.hasSuffix("s"), !RelativeNames.others.contains(word) { word.removeLast() }
            guard RelativeNames.others.contains(word) else { continue }
            return RelativeNames.isMadeProxy(near: words[j].0, in: text) ? "guardian" : "other"
        }
        return nil
    }

    /// "guardian" when the consent at `span` belongs to a parent who opens its sentence, or its
    /// own words name a parent, guardian or proxy after "by" or "from"; another relative named
    /// there gives "other" (or "guardian" when made the proxy); nil otherwise.
    public static func by(for span: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> String? {
        guard span.lowerBound <= text.count else { return nil }
        if namesAuthority(in: span, text) { return "guardian" }
        if let relative = namesRelative(in: span, text) { return relative }
        let limit = max(0, span.lowerBound - reach)
        let s = ConsentOnBehalf.sentenceStart(before: span.lowerBound, notBefore: limit, in: text)
        // The sentence's start must be found within reach.
        guard s == 0 || s > limit || text[s - 1] == 10 || text[s - 1] == 46 || text[s - 1] == 59 else { return nil }
        // The consent's own first words may name its subject ("the patient gave the go-ahead").
        let own = ConsentPronoun.words(in: span.lowerBound..<min(text.count, span.lowerBound + 16), text).prefix(3).map(\.1)
        if own.contains(where: { others.contains($0) || parents.contains($0) }) { return nil }
        var words = ConsentPronoun.words(in: s..<span.lowerBound, text).map(\.1)
        // A possessor before the relative ("Theo's mom declined video but agreed to a telephone
        // visit") leaves the relative the subject, as "Her mum" does.
        while let first = words.first, leading.contains(first) || (first.hasSuffix("'s") && first.count > 3) { words.removeFirst() }
        guard let first = words.first, !words.dropFirst().contains(where: { others.contains($0) }) else { return nil }
        if parents.contains(first) { return "guardian" }
        // Another relative as the sentence's only subject, the consent joined to what they did
        // ("His daughter was with him and consented for him - she is his health care proxy";
        // "Daughter consented"): theirs, the guardian's when the sentence makes them the proxy.
        // Not a consent of other words after them ("Pt's husband uploaded 2 photos via portal
        // at pt's request").
        guard RelativeNames.others.contains(first), words.count == 1 || ["and", "but"].contains(words.last ?? "") else { return nil }
        return RelativeNames.isMadeProxy(near: span.lowerBound, in: text) ? "guardian" : "other"
    }
}
