/// Classifies one concept in one sentence with the context rules alone: the entry point for
/// measuring the context engine on labelled sentences (the NegEx test set).
public final class ContextClassifier {
    public struct Labels: Sendable, Equatable {
        public var negated = false
        public var historical = false
        public var hypothetical = false
        public var otherExperiencer = false
    }

    let lexicons: LexiconSet
    let matcher: RuleMatcher
    let engine = ContextEngine()

    public init(lexicons: LexiconSet) {
        self.lexicons = lexicons
        matcher = RuleMatcher(rules: lexicons.compiled)
    }

    /// Labels for the first case-insensitive occurrence of `concept` in `sentence`, or nil when
    /// the concept does not occur in it. `element`: the concept read as that element, so the
    /// rules that apply only to some elements apply (nil: a generic concept, as NegEx's).
    public func classify(sentence: String, concept: String, element: Element? = nil) -> Labels? {
        let bytes = Array(sentence.utf8)
        let lowered = Array(sentence.lowercased().utf8)
        let needle = Array(concept.lowercased().utf8)
        guard !needle.isEmpty, lowered.count == bytes.count,
              let start = ContextClassifier.find(needle, in: lowered) else { return nil }
        let span = start..<(start + needle.count)
        return bytes.withUnsafeBufferPointer { buf in
            let triggers = matcher.match(buf).compactMap { h -> ContextEngine.Trigger? in
                lexicons.compiled.triggerRules[h.rule].map { .init(rule: $0, span: h.span) }
            }
            let mods = engine.modifiers(of: span, element: element, ignoring: [],
                                        triggers: ContextEngine.removingPseudo(triggers), text: buf)
            var l = Labels()
            for m in mods {
                switch m.category {
                case .negation, .unchecked: l.negated = true
                case .historical: l.historical = true
                case .hypothetical: l.hypothetical = true
                case .otherExperiencer: l.otherExperiencer = true
                default: break
                }
            }
            return l
        }
    }

    static func find(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard needle.count <= hay.count else { return nil }
        outer: for i in 0...(hay.count - needle.count) {
            for j in 0..<needle.count where hay[i + j] != needle[j] { continue outer }
            return i
        }
        return nil
    }
}
