/// Words hyphenated at a line's end by a narrow column or a fax gateway ("Mother gave verbal
/// con-\nsent", "12 minutes of medical dis-\ncussion", "tele-\nphone visit"), read whole: the
/// hyphen, the line break and the next line's indentation are left out when the two parts
/// spell a word the rules read (the `typo_targets` and `ocr_slip_words` lists, with an "s",
/// "ed", "d" or "ing" after it); otherwise only the break is ("audio-\nvideo" reads
/// "audio-video", "e-\nvisit" "e-visit"). A break that the hard-wrap step already read as a
/// space ("con- sent") is joined only into a listed word. The next line must go on in lower
/// case. Shortens the note; its map takes every range back.
public struct LineEndHyphens: Sendable {
    let words: Set<[UInt8]>
    static let suffixes: [[UInt8]] = ["s", "d", "ed", "ing", "es"].map { Array($0.utf8) }

    public init(words: [String]) {
        self.words = Set(words.map { Array($0.lowercased().utf8) }.filter { $0.count >= 3 })
    }

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { ASCIIByte.isLetter(b) }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b >= 97 && b <= 122 }

    /// Whether the lower-cased parts spell a listed word, or one with a common ending.
    func spellsWord(_ w: [UInt8]) -> Bool {
        if words.contains(w) { return true }
        for s in Self.suffixes where w.count > s.count + 2 && w.suffix(s.count).elementsEqual(s) {
            if words.contains(Array(w.dropLast(s.count))) { return true }
        }
        return false
    }

    /// The note with its line-end hyphens read, and the map back; nil when it has none.
    public func joined(_ text: [UInt8]) -> (text: [UInt8], map: OffsetMap)? {
        guard !words.isEmpty, text.contains(45) else { return nil }
        return text.withUnsafeBufferPointer { t -> (text: [UInt8], map: OffsetMap)? in
            let n = t.count
            var copy = OffsetMap.Builder(text)
            var i = 1
            while i < n - 2 {
                defer { i += 1 }
                guard t[i] == 45, Self.isLetter(t[i - 1]) else { continue }
                var j = i + 1
                if t[j] == 13 { j += 1 }
                guard j < n else { continue }
                let newline = t[j] == 10
                guard newline || (t[j] == 32 && j == i + 1) else { continue }
                var k = j + 1
                if newline { while k < n, t[k] == 32 || t[k] == 9 { k += 1 } }
                guard k < n, Self.isLower(t[k]) else { continue }
                // The two parts, whole words on either side.
                var ls = i - 1
                while ls > 0, Self.isLetter(t[ls - 1]) { ls -= 1 }
                if ls > 0, t[ls - 1] == 45 || (t[ls - 1] >= 48 && t[ls - 1] <= 57) { continue }
                var re = k
                while re < n, Self.isLetter(t[re]) { re += 1 }
                let word = (Array(t[ls..<i]) + Array(t[k..<re])).map { $0 | 0x20 }
                if spellsWord(word) {
                    copy.drop(i..<k)
                } else if newline {
                    copy.drop((i + 1)..<k)
                }
                i = k
            }
            return copy.finishIfChanged()
        }
    }
}
