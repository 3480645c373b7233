/// A note whose line breaks an export removed ("... MDM: Low Time: 18 minutes Nadia Ferreira-Olsen,
/// PA-C"), read with a line break before each inline label and before the signature that ends it
/// ("...\nMDM: Low\nTime: 18 minutes\nNadia Ferreira-Olsen, PA-C"): the rules read labels and
/// signatures where a line starts. Only on a long line (`minimumLength` bytes) holding at least
/// `minimumLabels` labels, so a sentence's own "Plan:" in a short paragraph stays; in a note that
/// is one long line, the closing signature whatever its labels. A space
/// becomes the break: same length, offsets and quotes stay.
public struct FlattenedNoteBreaks: Sendable {
    /// Credentials in their own case (as the signature rules read them).
    let credentials: Set<[UInt8]>
    static let minimumLength = 300
    static let minimumLabels = 2

    public init(credentials: [String]) {
        self.credentials = Set(credentials.map { Array($0.utf8) })
    }

    /// The masked copy, or nil when no line is a flattened note's.
    public func masked(_ text: [UInt8]) -> [UInt8]? {
        var out: [UInt8]? = nil
        var start = 0
        let n = text.count
        while start < n {
            let end = ByteSearch.next(10, in: text, from: start) ?? n
            if end - start >= Self.minimumLength {
                let labels = Self.labelStarts(text, start, end)
                // A note that is one long line is flattened whatever its labels.
                let wholeNote = start == 0 && end >= n - 1
                if labels.count >= Self.minimumLabels || wholeNote {
                    var breaks = labels.count >= Self.minimumLabels ? labels : []
                    if let (name, tails) = signature(text, start, end) {
                        breaks.append(name)
                        breaks += tails
                    }
                    if !breaks.isEmpty {
                        if out == nil { out = text }
                        for p in breaks { out![p - 1] = 10 }
                    }
                }
            }
            start = end + 1
        }
        return out
    }

    /// Where each inline label starts ("Time:", "Patient location:", "MDM:"): after a space that
    /// follows a word or a value (not a sentence's end, which needs no break), a capital and up
    /// to three more words, then a colon and a space or digit.
    static func labelStarts(_ t: [UInt8], _ start: Int, _ end: Int) -> [Int] {
        var out: [Int] = []
        var i = start + 2
        while i < end {
            guard t[i - 1] == 32, ASCIIByte.isUpper(t[i]), t[i - 2] != 32, t[i - 2] != 58, t[i - 2] != 46 else { i += 1; continue }
            var k = i
            var words = 1
            var ok = false
            while k < end, k - i <= 40 {
                let b = t[k]
                if b == 58 {
                    ok = k + 1 < end && (t[k + 1] == 32 || (t[k + 1] >= 48 && t[k + 1] <= 57)) && k > i
                    break
                }
                if b == 32 {
                    words += 1
                    if words > 4 || k + 1 >= end || !ASCIIByte.isLetter(t[k + 1]) { break }
                } else if !ASCIIByte.isLetter(b) && b != 47 && b != 45 && b != 38 && b != 39 { break }
                k += 1
            }
            if ok { out.append(i) }
            i = k + 1
        }
        return out
    }

    /// Where a signature that ends the line starts, and where what follows its credentials
    /// starts (a specialty, a "cc:"), if anything: two capitalised name words (or an initial and a
    /// name), an optional comma, credentials (then at most two more capitals, "MD FAAD"), then at
    /// most a short bracketed remark ("(signed)"), up to four capitalised words of a specialty
    /// ("Developmental-Behavioral Pediatrics") or a "cc:" of 60 bytes.
    func signature(_ t: [UInt8], _ start: Int, _ end: Int) -> (name: Int, tails: [Int])? {
        var e = end
        func trim(_ bytes: Set<UInt8>) { while e > start, bytes.contains(t[e - 1]) { e -= 1 } }
        func wordStart() -> Int {
            var s = e
            while s > start, t[s - 1] != 32, t[s - 1] != 44 { s -= 1 }
            return s
        }
        trim([32, 9, 13, 46])
        var tails: [Int] = []
        // "... Samuel Achterberg, MD Electronically signed 01/22/2026 11:18": the signing's date
        // stamp after the signature gets its own line.
        if let stamp = Self.signedStamp(t, start, e) ?? trailingDate(t, start, e) {
            tails.append(stamp)
            e = stamp
            trim([32, 46])
        }
        // "... NP cc: Dr. Luisa Ferreira"
        if e - start > 4, let cc = (max(start, e - 60)..<(e - 3)).last(where: { t[$0] == 32 && (t[$0 + 1] | 0x20) == 99 && (t[$0 + 2] | 0x20) == 99 && t[$0 + 3] == 58 }) {
            tails.append(cc + 1)
            e = cc
            trim([32])
        }
        if e > start, t[e - 1] == 41, let open = t[start..<e].lastIndex(of: 40), e - open <= 30 {
            e = open
            trim([32])
        }
        var sawCredential = false
        var extras = 0
        var specialty: [Int] = []
        while e > start {
            let s = wordStart()
            guard s < e else { return nil }
            let word = Array(t[s..<e])
            if credentials.contains(word) {
                sawCredential = true
            } else if !sawCredential, extras < 2, word.count >= 2, word.count <= 6, word.allSatisfy(ASCIIByte.isUpper) {
                extras += 1
            } else if !sawCredential, extras == 0, specialty.count < 4, ASCIIByte.isUpper(word[0]),
                      word.dropFirst().allSatisfy({ ASCIIByte.isLetter($0) || $0 == 45 || $0 == 38 }) {
                specialty.append(s)
            } else if !sawCredential, extras == 0, !specialty.isEmpty, specialty.count < 4,
                      Self.specialtyJoiners.contains(word.map { $0 | 0x20 }) {
                // "Pulmonary and Critical Care": a joining word between a specialty's words.
                specialty.append(s)
            } else {
                break
            }
            e = s
            trim([32, 44])
        }
        guard sawCredential else { return nil }
        // A joining word opens no specialty ("MD and Surgery" is no signature's tail).
        while let first = specialty.last, Self.specialtyJoiners.contains(t[first..<(t[first...].firstIndex(of: 32) ?? end)].map { $0 | 0x20 }) {
            specialty.removeLast()
        }
        if let first = specialty.last { tails.append(first) }
        var nameStart: Int? = nil
        for _ in 0..<2 {
            let s = wordStart()
            guard s < e, ASCIIByte.isUpper(t[s]), s == start || t[s - 1] == 32,
                  t[s..<e].allSatisfy({ ASCIIByte.isLetter($0) || $0 == 45 || $0 == 39 || $0 == 46 || $0 >= 0x80 }) else { return nil }
            nameStart = s
            e = s
            trim([32])
        }
        // "... discussed with Jane Roe, MD": a name after a preposition or a conjunction is
        // the object of the sentence, not the note's signer; after "signed by" it is the signer,
        // and the line starts at the signing ("Electronically signed by Isaac Bernstein, MD").
        if let s = nameStart, s > start + 1 {
            e = s
            trim([32])
            let w = wordStart()
            let before = t[w..<e].map { $0 | 0x20 }
            if before == Array("by".utf8), let signing = Self.signingBefore(t, start, w) { return (signing, tails) }
            if Self.objectWords.contains(before) { return nil }
        }
        return nameStart.map { ($0, tails) }
    }

    /// How far back from a line's end a signing's date stamp may start, and its phrases.
    static let stampBytes = 80
    static let stampPhrases: [[UInt8]] = ["electronically signed", "e-signed", "esigned", "digitally signed", "signed"].map { Array($0.utf8) }

    /// Where a closing date stamp of the signing starts ("Electronically signed 01/22/2026 11:18
    /// AM CST", "E-signed on 3/2/26", "Signed 02/26/2026"): the phrase after a space, then only a
    /// date and a time (digits and their marks, "on", "at", "AM", a time zone's letters), within
    /// the line's last `stampBytes`; nil when none.
    static func signedStamp(_ t: [UInt8], _ start: Int, _ e: Int) -> Int? {
        // The first from the left: "Electronically signed ..." rather than its "signed ...".
        var p = max(start + 1, e - stampBytes)
        while p < e {
            if t[p - 1] == 32, let after = stampPhraseEnd(t, p, e), onlyDateAndTime(t, after, e) { return p }
            p += 1
        }
        return nil
    }

    /// Where a date and time that follow the credentials start ("Isaac Bernstein, MD 01/15/2026
    /// 12:20 PM"): the line's last words are dates and times (an "AM" or a time zone after one),
    /// and the word before them a credential.
    func trailingDate(_ t: [UInt8], _ start: Int, _ e: Int) -> Int? {
        var words: [Range<Int>] = []   // the line's last words, last first
        var p = e
        while p > start, words.count < 6 {
            var s = p
            while s > start, t[s - 1] != 32 { s -= 1 }
            guard s < p else { break }
            words.append(s..<p)
            p = s
            while p > start, t[p - 1] == 32 { p -= 1 }
        }
        func isDigitWord(_ r: Range<Int>) -> Bool { t[r].contains(where: ASCIIByte.isDigit) && t[r].allSatisfy(Self.isDateByte) }
        var k = 0
        var date: Int? = nil
        while k < words.count {
            if isDigitWord(words[k]) {
                date = words[k].lowerBound
            } else if !(words[k].count <= 4 && t[words[k]].allSatisfy({ ASCIIByte.isLetter($0) || $0 == 46 })
                        && k + 1 < words.count && isDigitWord(words[k + 1])) {
                break
            }
            k += 1
        }
        guard let date, k < words.count, credentials.contains(Array(t[words[k]])) else { return nil }
        return date
    }

    /// Words that join a specialty's words ("Pulmonary and Critical Care", "Diseases of the Chest").
    static let specialtyJoiners: Set<[UInt8]> = Set(["and", "&", "of", "the"].map { Array($0.utf8) })

    /// Where a signing phrase (`stampPhrases`: "signed", "Electronically signed") that ends just
    /// before `by` starts, the longest one; nil when none.
    static func signingBefore(_ t: [UInt8], _ start: Int, _ by: Int) -> Int? {
        var e = by
        while e > start, t[e - 1] == 32 { e -= 1 }
        var p = max(start, e - (stampPhrases.map(\.count).max() ?? 0))
        while p < e {
            if p == start || t[p - 1] == 32, stampPhraseEnd(t, p, e) == e { return p }
            p += 1
        }
        return nil
    }

    /// Where a signing phrase at `p` ends (case aside), or nil.
    static func stampPhraseEnd(_ t: [UInt8], _ p: Int, _ e: Int) -> Int? {
        for phrase in stampPhrases where p + phrase.count <= e {
            if zip(phrase, t[p..<(p + phrase.count)]).allSatisfy({ $0 == $1 | 0x20 }),
               p + phrase.count == e || t[p + phrase.count] == 32 { return p + phrase.count }
        }
        return nil
    }

    /// Whether `t[from..<e]` is a date with a time at most: words of digits and their marks
    /// ("01/22/2026", "11:18"), one to four letters ("on", "at", "AM", "CST"), one digit at least.
    static func onlyDateAndTime(_ t: [UInt8], _ from: Int, _ e: Int) -> Bool {
        var digit = false
        for word in t[from..<e].split(separator: 32) {
            if word.allSatisfy(isDateByte) {
                if word.contains(where: ASCIIByte.isDigit) { digit = true }
            } else if word.count > 4 || !word.allSatisfy({ ASCIIByte.isLetter($0) || $0 == 46 }) {
                return false
            }
        }
        return digit
    }

    /// A digit or a mark that dates and times are written with ("01/22/2026", "11:18", "3.2.26").
    @inline(__always) static func isDateByte(_ b: UInt8) -> Bool {
        ASCIIByte.isDigit(b) || b == 47 || b == 58 || b == 45 || b == 46 || b == 44
    }

    /// Words after which a name is a sentence's object ("with", "to", "per"), lower case.
    static let objectWords: Set<[UInt8]> = Set(["with", "to", "and", "or", "from", "per", "of", "for", "via", "at",
                                                 "cc", "cc:"].map { Array($0.utf8) })

}
