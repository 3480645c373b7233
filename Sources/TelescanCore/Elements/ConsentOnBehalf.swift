/// Who gave a consent that the note says was given for the patient ("Ms. Ng (agency house
/// manager, not a guardian) agreed to the video visit on his behalf", "her aunt consented on
/// behalf of the patient"): not the patient. The guardian when the sentence makes the one who
/// consented a parent, guardian, proxy or power of attorney and does not deny it; someone else
/// otherwise (decisions.md). Only a consent the rules gave to the patient is read again, and only
/// when "on his / her / their / the patient's behalf" or "on behalf of" stands in it or follows
/// it in its sentence, or the sentence ends "for her / him / them".
public enum ConsentOnBehalf {
    /// What follows the consent within this many bytes, in its sentence.
    static let reach = 40
    static let phrases: [[UInt8]] = ["on his behalf", "on her behalf", "on their behalf", "on the patient's behalf",
                                     "on the patient’s behalf", "on pt's behalf", "on behalf of"].map { Array($0.utf8) }
    /// Parents, who stand for a child; proxies and guardians are read by `RelativeNames.isMadeProxy`.
    static let parents: Set<String> = ["mother", "mom", "mum", "father", "dad", "parent", "parents", "stepmother", "stepfather"]

    /// "guardian" or "other" for a consent at `span` given on the patient's behalf; nil otherwise.
    public static func by(for span: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> String? {
        let n = text.count
        guard span.upperBound <= n else { return nil }
        var e = span.upperBound
        let limit = min(n, span.upperBound + reach)
        while e < limit, text[e] != 46, text[e] != 10, text[e] != 59 { e += 1 }
        // The consent's own words and what follows them ("agreed on her behalf to do the consult").
        let tail = text[span.lowerBound..<e].map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
        guard phrases.contains(where: { p in
            tail.count >= p.count && (0...(tail.count - p.count)).contains { i in tail[i..<(i + p.count)].elementsEqual(p) }
        }) || endsForSomeone(tail) || namesSomeonesBehalf(tail) else { return nil }
        if RelativeNames.isMadeProxy(near: span.lowerBound, in: text) { return "guardian" }
        // A parent named in the clause before the consent, not denied ("not his mother").
        let s = sentenceStart(before: span.lowerBound, notBefore: 0, in: text)
        // After a sentence that made someone the proxy, a pronoun stands for that proxy when it
        // opens the consent's sentence ("His daughter holds durable power of attorney for health
        // care. She agreed on his behalf to today's visit by video"), or, after a full stop, stands
        // anywhere in it up to the consent's end ("Her husband ... is her designated health care
        // agent ... . I explained the nature of a video consultation and he agreed to it for her").
        // Or two sentences before, where the sentence between tells what the proxy did
        // ("Clementine is his health care proxy. ... Clementine uploaded two photos ... . She
        // checked the e-visit acknowledgement agreeing, on his behalf, to ..."), only with the
        // pronoun opening the consent's sentence.
        let opening = ConsentPronoun.words(in: s..<min(n, max(span.upperBound, span.lowerBound + 4)), text)
        let pronounOpens = opening.first.map { $0.0 < span.lowerBound + 4 && ConsentPronoun.subjects.contains($0.1) } ?? false
        if pronounOpens, s >= 2 {
            let previous = sentenceStart(before: s - 2, notBefore: 0, in: text)
            // Over the blank lines between paragraphs to the earlier sentence's last byte.
            var end = previous - 2
            while end > 0, text[end] == 10 || text[end] == 13 || text[end] == 32 { end -= 1 }
            if end > 0, RelativeNames.isMadeProxy(near: end, in: text) { return "guardian" }
        }
        if s >= 2, RelativeNames.isMadeProxy(near: s - 2, in: text) {
            if pronounOpens { return "guardian" }
            if text[s - 1] == 46, opening.contains(where: { $0.0 < span.upperBound && ConsentPronoun.subjects.contains($0.1) }) {
                return "guardian"
            }
        }
        let words = ConsentPronoun.words(in: s..<span.lowerBound, text).map(\.1)
        for (k, w) in words.enumerated() where parents.contains(w) {
            let before = words[max(0, k - 3)..<k]
            if !before.contains("not") && !before.contains("no") { return "guardian" }
        }
        return "other"
    }

    /// Objects that close a consent given for the patient ("he agreed to it for her"): "for her",
    /// "for him" or "for them" at the sentence's end, where the patient's own consent would
    /// name the visit ("consented for her video visit"), after the thing agreed to or the verb;
    /// not a patient's "that worked for him".
    static let forSomeone: [[UInt8]] = ["for her", "for him", "for them"].map { Array($0.utf8) }
    static let agreedTo: Set<String> = ["it", "this", "that", "agreed", "consented", "consent", "visit", "call", "consult",
                                        "consultation", "video", "phone", "telehealth", "telemedicine", "care"]

    static func endsForSomeone(_ tail: [UInt8]) -> Bool {
        var t = tail[...]
        while let last = t.last, last == 32 || last == 44 || last == 41 || last == 13 { t = t.dropLast() }
        guard let p = forSomeone.first(where: { p in
            t.count > p.count && t.suffix(p.count).elementsEqual(p) && !ASCIIByte.isLetter(t[t.endIndex - p.count - 1])
        }) else { return false }
        var e = t.endIndex - p.count
        while e > t.startIndex, t[e - 1] == 32 { e -= 1 }
        var b = e
        while b > t.startIndex, ASCIIByte.isLetter(t[b - 1]) { b -= 1 }
        return agreedTo.contains(String(decoding: t[b..<e], as: UTF8.self))
    }

    /// "on her mother's behalf", "on his wife’s behalf": a relative named by the possessive,
    /// with "on" at most 30 bytes before it (the lower-cased tail of a consent, whose span may
    /// run over a line break).
    static func namesSomeonesBehalf(_ tail: [UInt8]) -> Bool {
        let key = Array("s behalf".utf8)
        guard tail.count > key.count + 4 else { return false }
        // A line break may fall inside the phrase ("on her mother's\nbehalf"): any blank is a space.
        func blank(_ b: UInt8) -> UInt8 { b == 10 || b == 13 || b == 9 ? 32 : b }
        for i in 1...(tail.count - key.count) where tail[i..<(i + key.count)].elementsEqual(key, by: { blank($0) == $1 }) {
            let apostrophe = tail[i - 1] == 39 || (i >= 3 && tail[i - 3] == 0xE2 && tail[i - 2] == 0x80 && tail[i - 1] == 0x99)
            guard apostrophe else { continue }
            let from = max(0, i - 30)
            if (from..<i).contains(where: { j in
                j + 3 <= i && tail[j] == 111 && tail[j + 1] == 110 && blank(tail[j + 2]) == 32 && (j == 0 || !ASCIIByte.isLetter(tail[j - 1]))
            }) { return true }
        }
        return false
    }

    /// Where the sentence holding `at` starts: after a line break, a semicolon or a full stop that
    /// ends no title, looked for back to `notBefore`.
    static func sentenceStart(before at: Int, notBefore: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var s = at
        while s > notBefore, text[s - 1] != 10, text[s - 1] != 59, !(text[s - 1] == 46 && !isTitle(before: s - 1, in: text) && !isInWord(s - 1, in: text)) { s -= 1 }
        return s
    }

    /// Whether the full stop at `dot` sits inside a word, a letter or digit right after it
    /// ("Doxy.me", "e.g.", "2.5"): no sentence ends there.
    static func isInWord(_ dot: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        dot + 1 < text.count && (ASCIIByte.isLetter(text[dot + 1]) || ASCIIByte.isDigit(text[dot + 1]))
    }

    /// Whether the full stop at `dot` ends a title ("Ms.", "Dr.", "Sra."), not a sentence.
    static func isTitle(before dot: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var b = dot
        while b > 0, ASCIIByte.isLetter(text[b - 1]) { b -= 1 }
        return PersonTitle.abbreviated.contains(text[b..<dot].map { $0 | 0x20 })
    }
}
