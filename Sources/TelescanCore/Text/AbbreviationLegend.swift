/// A legend a clinician wrote for their own abbreviations ("Abbrev: PL = patient location; VC =
/// verbal consent; TT = total time", or a "Legend:" line followed by one `X = meaning` per line).
/// The rules read the note with each abbreviation spelled out ("PL: home" as "patient location:
/// home"), and the legend itself as blank: it defines words, it states no fact of the visit ("VV
/// = video visit" in an office note's legend is no video). Spelling out changes lengths, so this
/// type also maps every byte range found in the expanded text back to the note's own bytes: an
/// expanded abbreviation's evidence is the abbreviation as written.
public struct AbbreviationLegend: Sendable {
    /// Where each abbreviation was spelled out: the expanded text's ranges and the note's.
    public let map: OffsetMap

    /// The header words a legend line starts with (lower case); a colon or dash follows them.
    static let headers: [[UInt8]] = ["abbreviations", "abbreviation", "abbrevs", "abbrev", "abbr",
                                     "legend", "key"].map { Array($0.utf8) }

    /// An abbreviation is short, holds a letter and no space or '='.
    static let maxAbbreviationLength = 12

    // MARK: Expanding

    /// The note with its legend blanked and its abbreviations spelled out, and the map back; nil
    /// when the note holds no legend (most notes: no '=' at all).
    public static func expanded(_ text: [UInt8]) -> (text: [UInt8], legend: AbbreviationLegend)? {
        guard ByteSearch.contains(text, UInt8(ascii: "=")) else { return nil }
        let lines = ByteSearch.lineRanges(text)
        var entries: [(abbreviation: [UInt8], meaning: [UInt8])] = []
        var legendLines: [Range<Int>] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            guard let body = legendBody(text, line) else { i += 1; continue }
            let items = Self.items(text, body)
            if !items.isEmpty {
                entries += items
                legendLines.append(line)
                i += 1
                continue
            }
            // A header alone on its line: one `X = meaning` per following line.
            guard isBlank(text, body) else { i += 1; continue }
            var j = i + 1
            var block: [(abbreviation: [UInt8], meaning: [UInt8])] = []
            while j < lines.count {
                let next = Self.items(text, lines[j])
                guard !next.isEmpty else { break }
                block += next
                j += 1
            }
            if block.isEmpty { i += 1; continue }
            entries += block
            legendLines += lines[i..<j]
            i = j
        }
        var dictionary: [(abbreviation: [UInt8], meaning: [UInt8])] = []
        for e in entries where e.abbreviation != e.meaning && !dictionary.contains(where: { $0.abbreviation == e.abbreviation }) {
            dictionary.append(e)
        }
        guard !dictionary.isEmpty else { return nil }
        // A meaning may use another abbreviation of the legend ("C+ = pt consented to today's
        // VV"): spelled out once, not recursively.
        let plain = dictionary
        for k in dictionary.indices {
            let others = plain.enumerated().filter { $0.offset != k }.map(\.element)
            dictionary[k].meaning = substitute(dictionary[k].meaning, others, skipping: []).text
        }
        // Longest first, so "ProvL" is tried before a shorter abbreviation it starts with.
        dictionary.sort { $0.abbreviation.count > $1.abbreviation.count }
        var masked = text
        for line in legendLines {
            for k in line where masked[k] != 9 { masked[k] = 32 }
        }
        let (out, map) = substitute(masked, dictionary, skipping: legendLines)
        return (out, AbbreviationLegend(map: map))
    }

    /// Where a legend line's items start (after its header and the colon or dash), or nil when
    /// the line does not start with a legend header.
    static func legendBody(_ t: [UInt8], _ line: Range<Int>) -> Range<Int>? {
        var k = line.lowerBound
        while k < line.upperBound, isBlank(t[k]) || t[k] == UInt8(ascii: "*") || t[k] == UInt8(ascii: "#") { k += 1 }
        guard let header = headers.first(where: { startsCaseless(t, at: k, with: $0, before: line.upperBound) }) else { return nil }
        k += header.count
        if k < line.upperBound, ASCIIByte.isLetter(t[k]) { return nil }
        while k < line.upperBound, isBlank(t[k]) { k += 1 }
        // An aside: "Abbrev (used below):".
        if k < line.upperBound, t[k] == UInt8(ascii: "(") {
            guard let close = t[k..<line.upperBound].firstIndex(of: UInt8(ascii: ")")) else { return nil }
            k = close + 1
            while k < line.upperBound, isBlank(t[k]) { k += 1 }
        }
        guard k < line.upperBound else { return nil }
        if t[k] == UInt8(ascii: ":") || t[k] == UInt8(ascii: "-") {
            while k < line.upperBound, t[k] == UInt8(ascii: ":") || t[k] == UInt8(ascii: "-") { k += 1 }
        } else if k + 2 < line.upperBound, t[k] == 0xE2, t[k + 1] == 0x80, t[k + 2] == 0x93 || t[k + 2] == 0x94 {
            k += 3  // an en or em dash
        } else {
            return nil
        }
        return k..<line.upperBound
    }

    /// The `X = meaning` items of a legend line's body, in order. Items are split at ';' (or at
    /// ',' when the line has no ';'); a piece without '=' continues the meaning before it ("OV =
    /// office visit (in person, clinic room 4)"). An abbreviation is at most two short words.
    static func items(_ t: [UInt8], _ body: Range<Int>) -> [(abbreviation: [UInt8], meaning: [UInt8])] {
        let equals = UInt8(ascii: "=")
        let separator = t[body].contains(UInt8(ascii: ";")) ? UInt8(ascii: ";") : UInt8(ascii: ",")
        let pieces = ByteSearch.split(t, body, at: separator)
        var merged: [Range<Int>] = []
        for p in pieces {
            if t[p].contains(equals) || merged.isEmpty { merged.append(p) } else { merged[merged.count - 1] = merged[merged.count - 1].lowerBound..<p.upperBound }
        }
        var out: [(abbreviation: [UInt8], meaning: [UInt8])] = []
        for p in merged {
            guard let e = t[p].firstIndex(of: equals) else { continue }
            var a = trimmed(t, p.lowerBound..<e)
            // A bullet before the abbreviation of a one-per-line legend.
            while a.lowerBound < a.upperBound, t[a.lowerBound] == UInt8(ascii: "-") || t[a.lowerBound] == UInt8(ascii: "*") {
                a = trimmed(t, (a.lowerBound + 1)..<a.upperBound)
            }
            if a.count >= 3, t[a.lowerBound] == 0xE2, t[a.lowerBound + 1] == 0x80, t[a.lowerBound + 2] == 0xA2 {
                a = trimmed(t, (a.lowerBound + 3)..<a.upperBound)
            }
            guard !a.isEmpty, a.count <= maxAbbreviationLength, t[a].contains(where: ASCIIByte.isLetter),
                  t[a].filter({ isBlank($0) }).count <= 1 else { continue }
            var m = trimmed(t, (e + 1)..<p.upperBound)
            if !m.isEmpty, t[m.upperBound - 1] == UInt8(ascii: ".") { m = trimmed(t, m.lowerBound..<(m.upperBound - 1)) }
            guard !m.isEmpty, t[m].contains(where: ASCIIByte.isLetter) else { continue }
            out.append((Array(t[a]), Array(t[m])))
        }
        return out
    }

    static func trimmed(_ t: [UInt8], _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, isBlank(t[lo]) { lo += 1 }
        while hi > lo, isBlank(t[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// `text` with every whole-word, same-case occurrence of an abbreviation replaced by its
    /// meaning, outside `skipping`; and where each replacement went.
    static func substitute(_ text: [UInt8], _ dictionary: [(abbreviation: [UInt8], meaning: [UInt8])],
                           skipping: [Range<Int>]) -> (text: [UInt8], map: OffsetMap) {
        var copy = OffsetMap.Builder(text, extra: 256)
        var firsts = [Bool](repeating: false, count: 256)
        for e in dictionary { firsts[Int(e.abbreviation[0])] = true }
        var skip = 0
        var k = 0
        let n = text.count
        while k < n {
            while skip < skipping.count, skipping[skip].upperBound <= k { skip += 1 }
            let b = text[k]
            if firsts[Int(b)], k == 0 || !isWordByte(text[k - 1]),
               skip >= skipping.count || !skipping[skip].contains(k),
               let e = dictionary.first(where: { matches($0.abbreviation, text, at: k) }) {
                copy.replace(k..<(k + e.abbreviation.count), with: e.meaning)
                k += e.abbreviation.count
                continue
            }
            k += 1
        }
        return copy.finish()
    }

    /// The abbreviation as a whole word at `k`: same bytes, and no letter or digit after it.
    static func matches(_ a: [UInt8], _ t: [UInt8], at k: Int) -> Bool {
        guard k + a.count <= t.count else { return false }
        for (i, b) in a.enumerated() where t[k + i] != b { return false }
        let end = k + a.count
        return end == t.count || !isWordByte(t[end]) || !isWordByte(a[a.count - 1])
    }

    // MARK: Bytes

    static func startsCaseless(_ t: [UInt8], at k: Int, with word: [UInt8], before end: Int) -> Bool {
        guard k + word.count <= end else { return false }
        for (i, w) in word.enumerated() where t[k + i] | 0x20 != w { return false }
        return true
    }

    static func isBlank(_ t: [UInt8], _ r: Range<Int>) -> Bool { r.allSatisfy { isBlank(t[$0]) } }
    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == 32 || b == 9 }  // within a line (not LiteralPrefilter.isSpace)
    /// Unlike LiteralPrefilter.isWordByte, a non-ASCII byte is a word byte: "PLé" is no "PL".
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool { ASCIIByte.isLetter(b) || (b >= 48 && b <= 57) || b >= 0x80 }
}
