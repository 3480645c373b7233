/// One rule match in a note, before and after context: the raw material of elements.
public struct Finding: Sendable {
    public var ruleID: String
    public var element: Element
    /// The normalised value the rule assigns (from the rule's `value` or a mapped capture).
    public var value: String?
    /// Named captures as text (e.g. `minutes`, `name`, `credential`).
    public var captures: [String: String]
    /// Byte range of the evidence in the note (the `span` capture if the rule has one).
    public var span: Range<Int>
    /// Byte range of the whole match.
    public var matchSpan: Range<Int>
    public var priority: Int
    /// Context categories the rule says do not apply to it.
    public var ignoredContext: Set<ContextCategory> = []
    /// Context modifiers that apply to this finding (empty: affirmed).
    public var modifiers: [ContextModifier] = []

    public var isAffirmed: Bool { modifiers.isEmpty }

    public init(ruleID: String, element: Element, value: String?, captures: [String: String],
                span: Range<Int>, matchSpan: Range<Int>, priority: Int) {
        self.ruleID = ruleID
        self.element = element
        self.value = value
        self.captures = captures
        self.span = span
        self.matchSpan = matchSpan
        self.priority = priority
    }
}

/// A context trigger that applies to a finding: why the finding does not count.
public struct ContextModifier: Sendable, Equatable {
    public var category: ContextCategory
    public var ruleID: String
    public var span: Range<Int>
}
