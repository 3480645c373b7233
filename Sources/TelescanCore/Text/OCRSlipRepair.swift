/// Slips of optical character recognition in a faxed or scanned note: a digit read for a letter
/// in a word the rules read ("Tota1 time", "Patient 1ocation", "MDM: 1ow", "Te1ehea1th"), a
/// capital I read for a lower-case l at a word's start ("Iocation"), an m read as "rn" ("horne",
/// "rninutes": put back one letter shorter, a blank after it), and a letter read for a digit in
/// a number ("2O minutes", "l4 minutes", "O3/27/2O25"). The note is matched with them put back
/// (same length, so every offset holds; evidence quotes the note as written).
///
/// A word is repaired only into a word of its list (`typo_targets` and `ocr_slip_words`, in
/// Lexicons/lists), so codes and identifiers ("T1DM", "a1buterol", "B12") stay; a number only
/// when it holds a real digit and its other characters are O, o, I or l, and an l or I only
/// before a digit ("2l" of water stays), and never "O2".
public struct OCRSlipRepair: Sendable {
    /// The list's words, lower case.
    let words: Set<[UInt8]>
    /// The longest listed word: longer runs are not looked up.
    let maxLength: Int
    /// The second letters of the listed words that start with "l": a word "I" + letter is looked
    /// up only when that letter could follow (most capitalised I-words, "Interval", "Increase",
    /// are not, and cost no copy).
    let secondLettersAfterL: Set<UInt8>

    public init(words: [String]) {
        let list = words.map { Array($0.lowercased().utf8) }.filter { $0.count >= 3 && $0.allSatisfy { $0 >= 97 && $0 <= 122 } }
        self.words = Set(list)
        self.maxLength = list.map(\.count).max() ?? 0
        self.secondLettersAfterL = Set(list.filter { $0[0] == 108 }.map { $0[1] })
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || ASCIIByte.isLetter(b) }

    /// The repaired copy, or nil when the note holds no such slip.
    public func masked(_ text: [UInt8]) -> [UInt8]? {
        if words.isEmpty { return nil }
        var out: [UInt8]? = nil
        text.withUnsafeBufferPointer { t in
            let n = t.count
            var i = 0
            while i < n {
                guard Self.isAlnum(t[i]), i == 0 || (t[i - 1] < 0x80 && !Self.isAlnum(t[i - 1])) else { i += 1; continue }
                let start = i
                var digits = 0, slipDigits = 0, letters = 0, upper = 0, slipLetters = 0
                while i < n, Self.isAlnum(t[i]) {
                    let b = t[i]
                    if Self.isDigit(b) {
                        digits += 1
                        if b == 48 || b == 49 { slipDigits += 1 }
                    } else {
                        letters += 1
                        if b >= 65 && b <= 90 { upper += 1 }
                        if b == 79 || b == 111 || b == 73 || b == 108 { slipLetters += 1 }   // O o I l
                    }
                    i += 1
                }
                // A letter beyond ASCII right after: part of another word.
                if i < n, t[i] >= 0x80 { continue }
                let range = start..<i
                if digits > 0, letters >= 2, digits == slipDigits, range.count <= maxLength {
                    // "Tota1", "1ocation", "Te1ehea1th": digits read for letters.
                    let caps = upper == letters
                    var w = Array(t[range])
                    for k in w.indices {
                        if w[k] == 49 { w[k] = caps ? 76 : 108 } else if w[k] == 48 { w[k] = caps ? 79 : 111 }
                    }
                    if words.contains(w.map { $0 | 0x20 }) { write(w, at: start, into: &out, t) }
                } else if digits == 0, upper == 0, letters >= 4, letters <= maxLength + 2, let w = rnReadAsM(t, range) {
                    // "horne", "rninutes": an m read as "rn"; the word is put back one letter
                    // shorter and a blank fills its end. Lower-case words only ("Dr. Horne").
                    write(w, at: start, into: &out, t)
                } else if digits == 0, t[start] == 73, letters >= 3, letters <= maxLength, upper == 1,
                          secondLettersAfterL.contains(t[start + 1]) {
                    // "Iocation", "Iow": a capital I read for a lower-case l at a word's start.
                    var w = Array(t[range])
                    w[0] = 108
                    let original = t[range].map { $0 | 0x20 }
                    if !words.contains(original), words.contains(w) { write(w, at: start, into: &out, t) }
                } else if digits > 0, slipLetters > 0, letters == slipLetters, range.count >= 2,
                          !(range.count == 2 && (t[start] | 0x20) == 111 && t[start + 1] == 50) {
                    // "2O", "l4", "16O": letters read for digits in a number; an l or I only
                    // before a digit ("2l" of water is litres).
                    var w = Array(t[range])
                    var changed = false
                    for k in w.indices {
                        switch w[k] {
                        case 79, 111: w[k] = 48; changed = true
                        // `where` binds to one pattern only, so each letter carries its own.
                        case 73 where k + 1 < w.count && Self.isDigit(w[k + 1]),
                             108 where k + 1 < w.count && Self.isDigit(w[k + 1]):
                            w[k] = 49; changed = true
                        default: break
                        }
                    }
                    if changed && w.allSatisfy(Self.isDigit) { write(w, at: start, into: &out, t) }
                }
            }
        }
        return out
    }

    /// The word at `range` with every "rn" read as "m" and blanks after it, when that spells a
    /// listed word and the word as written is none.
    func rnReadAsM(_ t: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8]? {
        // Most words hold no "rn": they cost one look at their bytes, no copy.
        guard (range.lowerBound..<(range.upperBound - 1)).contains(where: { t[$0] == 114 && t[$0 + 1] == 110 }) else { return nil }
        var w: [UInt8] = []
        var k = range.lowerBound
        while k < range.upperBound {
            if t[k] == 114, k + 1 < range.upperBound, t[k + 1] == 110 { w.append(109); k += 2 } else { w.append(t[k]); k += 1 }
        }
        guard w.count < range.count, words.contains(w), !words.contains(Array(t[range])) else { return nil }
        return w + [UInt8](repeating: 32, count: range.count - w.count)
    }

    private func write(_ w: [UInt8], at start: Int, into out: inout [UInt8]?, _ t: UnsafeBufferPointer<UInt8>) {
        if out == nil { out = Array(t) }
        for k in w.indices { out![start + k] = w[k] }
    }
}
