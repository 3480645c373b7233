/// Where a rule's matches can start, relative to the occurrences of its literals in a note: the
/// rule then runs only there (PCRE2 still sees the whole note, for lookarounds and for matches
/// that run on). A rule example and a corpus test check that windows change no finding.
public enum MatchWindow: Equatable, Sendable {
    /// No literal, or no bound known: the whole note.
    case wholeNote
    /// `reach: N` in the rule data: within N characters before a literal's start or after its
    /// end (`reach_after: M`: within M after its end), a run of whitespace counting as one.
    case reach(Int, after: Int)
    /// A phrase rule keyed on its own words: a match starts at the key word's occurrence or
    /// before it, across at most this many bytes that are not whitespace.
    case phrasePrefix(Int)

    init(_ def: RuleDefinition) {
        if def.literals.isEmpty { self = .wholeNote }
        else if let r = def.reach { self = .reach(r, after: def.reachAfter ?? r) }
        else if let p = def.phrasePrefix { self = .phrasePrefix(p) }
        else { self = .wholeNote }
    }

    /// The closed range of allowed match starts around one literal occurrence. `before`: for
    /// a phrase rule, the most its occurrence's own key has before it in a phrase (at most the
    /// rule's prefix); nil: the rule's prefix. `runs`: the note's whitespace runs (found here
    /// when not given).
    @inline(__always)
    func starts(around start: Int, _ end: Int, before: Int? = nil, in text: UnsafeBufferPointer<UInt8>,
                runs: WhitespaceRuns? = nil) -> ClosedRange<Int> {
        switch self {
        case .wholeNote: return 0...text.count
        case .reach(let n, let after):
            let runs = runs ?? { var r = WhitespaceRuns(); r.find(in: text); return r }()
            return runs.back(from: start, over: n)...runs.forward(from: end, over: after, limit: text.count)
        case .phrasePrefix(let rulePrefix):
            let n = before ?? rulePrefix
            // Walk back over at most n bytes that are not whitespace (PCRE2's \s), and over any
            // whitespace between them.
            var i = start
            var left = n
            while i > 0 {
                if !WhitespaceRuns.isSpace(text[i - 1]) {
                    if left == 0 { break }
                    left -= 1
                }
                i -= 1
            }
            return i...start
        }
    }
}
