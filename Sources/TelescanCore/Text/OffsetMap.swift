/// How a rewritten copy of a note (abbreviations spelled out, space runs made one space) lines
/// up with the note's own bytes: the rewritten stretches, each with the note's range it stands
/// for; between them the two texts are the same bytes, shifted. Every byte range the rules find
/// in the copy is mapped back, so evidence quotes the note as given.
public struct OffsetMap: Sendable {
    /// One rewritten stretch: its range in the copy and in the note.
    struct Region: Sendable {
        var changed: Range<Int>
        var original: Range<Int>
    }

    /// Sorted by position, non-overlapping.
    let regions: [Region]

    /// The note's byte range that a range of the copy stands for.
    public func original(_ r: Range<Int>) -> Range<Int> {
        let s = originalOffset(r.lowerBound, isEnd: false)
        let e = max(s, originalOffset(r.upperBound, isEnd: true))
        return s..<e
    }

    /// An offset of the copy in the note: after a region it is shifted by the lengths before it;
    /// inside one it snaps to the region's start (a range's start) or end (its end); at one the
    /// copy left out, to its end (a range's start) or start (its end).
    func originalOffset(_ x: Int, isEnd: Bool) -> Int {
        var lo = 0, hi = regions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if regions[mid].changed.lowerBound <= x { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return x }
        let r = regions[lo - 1]
        // At a stretch the copy left out (indentation, trailing blanks): a range ends before it
        // and starts after it.
        if r.changed.isEmpty, x == r.changed.lowerBound { return isEnd ? r.original.lowerBound : r.original.upperBound }
        if x >= r.changed.upperBound { return x - r.changed.upperBound + r.original.upperBound }
        if x == r.changed.lowerBound { return r.original.lowerBound }
        return isEnd ? r.original.upperBound : r.original.lowerBound
    }

    /// Every byte range of a result, mapped back to the note.
    public func mapBack(_ result: inout NoteResult) {
        let f = original
        result.serviceEvidence = result.serviceEvidence.map(f)
        result.elements.mapEvidence(f)
        for i in result.findings.indices {
            result.findings[i].span = f(result.findings[i].span)
            result.findings[i].matchSpan = f(result.findings[i].matchSpan)
            for m in result.findings[i].modifiers.indices {
                result.findings[i].modifiers[m].span = f(result.findings[i].modifiers[m].span)
            }
        }
    }
}

extension OffsetMap {
    /// Builds a rewritten copy of a note and its map in one pass, for every text step that
    /// changes lengths (indentation dropped, space runs squeezed, a name or an abbreviation
    /// replaced): the step says which range of the note becomes which bytes, in order; the
    /// builder copies the bytes between.
    struct Builder {
        private let source: [UInt8]
        private var text: [UInt8] = []
        private var regions: [Region] = []
        private var copied = 0
        /// Room beyond the note's length for replacements longer than what they replace.
        private let extra: Int

        init(_ source: [UInt8], extra: Int = 0) {
            self.source = source
            self.extra = extra
        }

        /// `range` of the note (after every earlier one) reads as `bytes` in the copy.
        mutating func replace(_ range: Range<Int>, with bytes: some Collection<UInt8>) {
            if text.isEmpty { text.reserveCapacity(source.count + extra) }
            text.append(contentsOf: source[copied..<range.lowerBound])
            let start = text.count
            text.append(contentsOf: bytes)
            regions.append(Region(changed: start..<text.count, original: range))
            copied = range.upperBound
        }

        /// `range` of the note is left out of the copy.
        mutating func drop(_ range: Range<Int>) { replace(range, with: EmptyCollection()) }

        /// The copy, with the rest of the note, and its map.
        consuming func finish() -> (text: [UInt8], map: OffsetMap) {
            text.append(contentsOf: source[copied...])
            return (text, OffsetMap(regions: regions))
        }

        /// As `finish`, or nil when nothing was replaced.
        consuming func finishIfChanged() -> (text: [UInt8], map: OffsetMap)? {
            regions.isEmpty ? nil : finish()
        }
    }
}

