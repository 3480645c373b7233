/// A note written all in capitals (older systems, some fixed-width reports), read with each word
/// of four or more letters in title case ("ZUZANA WAS AT HOME" as "Zuzana Was At Home"): the rules
/// tell a name from other words by its capital and lower-case letters ("Zuzana was at home",
/// "Marisol Vasquez-Hale, PhD"), which capitals alone do not show. Credentials and words of up
/// to three letters ("MD", "PA-C", "LCSW", "BP", "MDM") stay in capitals. Same length (ASCII
/// letters only), so offsets and quotes stay.
public struct CapitalsCasing: Sendable {
    /// Words kept in capitals (upper case, ASCII letters only).
    let kept: Set<[UInt8]>

    /// A note is in capitals when it has no lower-case ASCII letter and at least this many capitals.
    static let minimumCapitals = 20

    public init(keeping words: [String]) {
        var kept: Set<[UInt8]> = []
        for w in words {
            for part in w.uppercased().split(whereSeparator: { !($0.isASCII && $0.isLetter) }) { kept.insert(Array(part.utf8)) }
        }
        self.kept = kept
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
            guard Self.isCapital(text[i]) else { i += 1; continue }
            var e = i + 1
            while e < n, Self.isCapital(text[e]) { e += 1 }
            // A word goes on past a letter beyond ASCII ("BERGSTRÖM"): only its ASCII letters change.
            let beyondASCII = e < n && text[e] >= 0x80
            if e - i >= 4 || beyondASCII, !kept.contains(Array(text[i..<e])) {
                for k in (i + 1)..<e { out[k] = text[k] | 0x20 }
            }
            i = e
            // The rest of a word after a letter beyond ASCII: lower case too.
            while i < n, text[i] >= 0x80 || Self.isCapital(text[i]) {
                if Self.isCapital(text[i]) { out[i] = text[i] | 0x20 }
                i += 1
            }
        }
        return out
    }

    @inline(__always) static func isCapital(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
}
