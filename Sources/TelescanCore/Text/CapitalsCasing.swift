/// A note written all in capitals (older systems, some fixed-width reports), read with each word
/// of four or more letters in title case ("ZUZANA WAS AT HOME" as "Zuzana WAS AT Home"): the rules
/// tell a name from other words by its capital and lower-case letters ("Zuzana was at home",
/// "Marisol Vasquez-Hale, PhD"), which capitals alone do not show. Credentials and other words of
/// up to three letters ("MD", "PA-C", "LCSW", "BP", "MDM") stay in capitals. Function words and
/// name particles (the `capitals_lower_words` list) are read in lower case, but where they open a
/// line or sentence (the sentence splitter reads that capital): in title case "I ASKED
/// WHETHER WE COULD DO THIS BY VIDEO" was a clinician, "Asked Whether WE Could, DO". Latin-1
/// capitals after a word's first letter are lowered too ("BERGSTRÖM" as "Bergström"). Same length
/// (a Latin-1 letter's case is its second byte), so offsets and quotes stay.
public struct CapitalsCasing: Sendable {
    /// Words kept in capitals (upper case, ASCII letters only).
    let kept: Set<[UInt8]>
    /// Words read in lower case (upper case, ASCII letters only).
    let lowered: Set<[UInt8]>

    /// A note is in capitals when it has no lower-case ASCII letter and at least this many capitals.
    static let minimumCapitals = 20

    public init(keeping words: [String], lowering lowerWords: [String] = []) {
        kept = Self.wordSet(words)
        lowered = Self.wordSet(lowerWords).subtracting(kept)
    }

    static func wordSet(_ words: [String]) -> Set<[UInt8]> {
        var set: Set<[UInt8]> = []
        for w in words {
            for part in w.uppercased().split(whereSeparator: { !($0.isASCII && $0.isLetter) }) { set.insert(Array(part.utf8)) }
        }
        return set
    }

    /// The masked copy, or nil when the note is not in capitals.
    public func masked(_ text: [UInt8]) -> [UInt8]? {
        var capitals = 0
        for b in text {
            if b >= 97 && b <= 122 { return nil }
            if b >= 65 && b <= 90 { capitals += 1 }
        }
        guard capitals >= Self.minimumCapitals else { return nil }
        var out = text
        var i = 0
        let n = text.count
        while i < n {
            guard Self.isCapital(text[i]) || Self.isLatinLetter(text, i) else { i += 1; continue }
            // The word: ASCII capitals and Latin-1 letters (two bytes each).
            var e = i, beyondASCII = false
            while e < n {
                if Self.isCapital(text[e]) { e += 1 } else if Self.isLatinLetter(text, e) { beyondASCII = true; e += 2 } else { break }
            }
            let word = Array(text[i..<e])
            if kept.contains(word) {
                // A credential or listed abbreviation, as written.
            } else if !beyondASCII, lowered.contains(word), !Self.opensStatement(text, at: i) {
                for k in i..<e { out[k] = text[k] | 0x20 }
            } else if e - i >= 4 || beyondASCII {
                var k = i + (Self.isCapital(text[i]) ? 1 : 2)
                while k < e {
                    if Self.isCapital(text[k]) { out[k] = text[k] | 0x20; k += 1 } else { Self.lowerLatin1(&out, k); k += 2 }
                }
            }
            i = e
        }
        return out
    }

    @inline(__always) static func isCapital(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }

    /// Whether the word at `i` opens a line, a sentence or a label's answer (after blanks, quotes
    /// or an opening bracket): there a listed word keeps its capital, since the sentence splitter
    /// reads a line that starts in lower case as going on from the line before.
    static func opensStatement(_ text: [UInt8], at i: Int) -> Bool {
        var k = i - 1
        while k >= 0, text[k] == 0x20 || text[k] == 0x09 || text[k] == 0x22 || text[k] == 0x27 || text[k] == 0x28 || text[k] == 0x5B {
            k -= 1
        }
        guard k >= 0 else { return true }
        switch text[k] {
        case 0x0A, 0x0D, 0x2E, 0x21, 0x3F, 0x3A, 0x3B, 0x2D, 0x2A, 0x3E: return true   // \n \r . ! ? : ; - * >
        default: return false
        }
    }

    /// A Latin letter beyond ASCII in UTF-8 at `i`: Latin-1's (U+00C0-U+00FF but the signs × and
    /// ÷) or Latin Extended-A's ("Ł", "Ş", U+0100-U+017F, kept in their case).
    @inline(__always) static func isLatinLetter(_ text: [UInt8], _ i: Int) -> Bool {
        guard i + 1 < text.count, text[i + 1] >= 0x80, text[i + 1] <= 0xBF else { return false }
        switch text[i] {
        case 0xC3: return text[i + 1] != 0x97 && text[i + 1] != 0xB7
        case 0xC4, 0xC5: return true
        default: return false
        }
    }

    /// Lowers the Latin-1 capital at `k` (U+00C0-U+00DE: "Ö" to "ö"); other letters stay.
    @inline(__always) static func lowerLatin1(_ out: inout [UInt8], _ k: Int) {
        if out[k] == 0xC3, out[k + 1] <= 0x9E { out[k + 1] += 0x20 }
    }
}
