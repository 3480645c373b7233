/// The parts of a target rule that its findings are made of.
final class FindingTemplate: Sendable {
    let ruleID: String
    let element: Element
    let value: String?
    let valueFrom: String?
    let values: [String: String]
    let set: [String: String]
    let priority: Int
    let ignoreContext: Set<ContextCategory>

    init?(_ def: RuleDefinition) {
        guard case .target(let element) = def.kind else { return nil }
        ruleID = def.id
        self.element = element
        value = def.value
        valueFrom = def.valueFrom
        values = def.values
        set = def.set
        priority = def.priority
        ignoreContext = def.ignoreContext
    }

    /// The finding for one hit in `text`, or nil when its `value_from` capture maps to no value.
    func finding(_ h: RuleHit, in text: UnsafeBufferPointer<UInt8>) -> Finding? {
        var value = self.value
        if let from = valueFrom {
            guard let raw = h.captures[from], let mapped = values[NoteScanner.key(raw)] else { return nil }
            value = mapped
        }
        var caps = h.captures
        for (k, v) in set { caps[k] = v }
        var f = Finding(ruleID: ruleID, element: element, value: value, captures: caps,
                        span: Self.evidence(h.span, in: text), matchSpan: h.matchSpan, priority: priority)
        f.ignoredContext = ignoreContext
        return f
    }

    /// A span without the whitespace at its ends (a pattern may take the line break or the
    /// spaces around its words: the quote a reviewer reads should not). Whitespace is ASCII
    /// whitespace and the no-break space (HTML tags are already masked as spaces). A span of
    /// whitespace only is left as it is.
    static func evidence(_ span: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lo = span.lowerBound, hi = span.upperBound
        while lo < hi {
            if WhitespaceRuns.isSpace(text[lo]) { lo += 1 }
            else if lo + 1 < hi, text[lo] == 0xC2, text[lo + 1] == 0xA0 { lo += 2 }
            else { break }
        }
        while lo < hi {
            if WhitespaceRuns.isSpace(text[hi - 1]) { hi -= 1 }
            else if lo + 1 < hi, text[hi - 1] == 0xA0, text[hi - 2] == 0xC2 { hi -= 2 }
            else { break }
        }
        return lo < hi ? lo..<hi : span
    }
}
