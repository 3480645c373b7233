/// Typing slips that swap two neighbouring letters of a word the rules read ("vidoe", "consnet",
/// "mintues", "pateint", "loaction", "hoem"): the note is matched with the letters put back
/// (same length, so every offset holds; evidence quotes the note as written). Only words of the
/// `typo_targets` list (Lexicons/lists), four to twelve letters, and only a swap that makes no
/// other word of the list; a word is a run of ASCII letters with no letter or digit on either
/// side, so identifiers and codes stay. Other slips (a dropped or doubled letter) are left to
/// the rules' own spellings.
public struct TranspositionRepair: Sendable {
    /// Each swapped spelling's key (`key`) -> the position of the swap's first letter.
    let swaps: [UInt64: Int]
    /// Bit `l` of `firstLetters[n]`: some swapped spelling of length `n` starts with letter `l`
    /// (a cheap test that skips most words before the lookup).
    let firstLetters: [UInt32]

    static let minLength = 4
    static let maxLength = 12

    public init(words: [String]) {
        var swaps: [UInt64: Int] = [:]
        var firstLetters = [UInt32](repeating: 0, count: Self.maxLength + 1)
        let targets = words.map { Array($0.lowercased().utf8) }
            .filter { w in (Self.minLength...Self.maxLength).contains(w.count) && w.allSatisfy { $0 >= 97 && $0 <= 122 } }
        let targetKeys = Set(targets.map { Self.key($0[...]) })
        for w in targets {
            for i in 0..<(w.count - 1) where w[i] != w[i + 1] {
                var v = w
                v.swapAt(i, i + 1)
                let k = Self.key(v[...])
                if targetKeys.contains(k) { continue }
                swaps[k] = i
                firstLetters[v.count] |= 1 << UInt32(v[0] - 97)
            }
        }
        self.swaps = swaps
        self.firstLetters = firstLetters
    }

    /// Five bits a letter (1-26), so twelve letters fit; lower-case ASCII only.
    @inline(__always) static func key(_ w: ArraySlice<UInt8>) -> UInt64 {
        var k: UInt64 = 0
        for b in w { k = k << 5 | UInt64(b - 96) }
        return k
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// The repaired copy, or nil when the note holds no such slip.
    public func masked(_ text: [UInt8]) -> [UInt8]? {
        if swaps.isEmpty { return nil }
        var out: [UInt8]? = nil
        text.withUnsafeBufferPointer { t in
            let n = t.count
            var i = 0
            while i < n {
                guard ASCIIByte.isLetter(t[i]) else { i += 1; continue }
                // A word: letters only, with no letter or digit right before it.
                let start = i
                var k: UInt64 = 0
                while i < n, ASCIIByte.isLetter(t[i]) {
                    if i - start < Self.maxLength { k = k << 5 | UInt64((t[i] | 0x20) - 96) }
                    i += 1
                }
                let length = i - start
                if length < Self.minLength || length > Self.maxLength { continue }
                // A digit or a letter beyond ASCII beside it: part of a code or of another word.
                if start > 0, Self.isDigit(t[start - 1]) || t[start - 1] >= 0x80 { continue }
                if i < n, Self.isDigit(t[i]) || t[i] >= 0x80 { continue }
                guard firstLetters[length] & (1 << UInt32((t[start] | 0x20) - 97)) != 0,
                      let at = swaps[k] else { continue }
                if out == nil { out = text }
                out![start + at] = t[start + at + 1]
                out![start + at + 1] = t[start + at]
            }
        }
        return out
    }
}
