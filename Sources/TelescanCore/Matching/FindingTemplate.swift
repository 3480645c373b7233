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

    /// The finding for one hit, or nil when its `value_from` capture maps to no value.
    func finding(_ h: RuleHit) -> Finding? {
        var value = self.value
        if let from = valueFrom {
            guard let raw = h.captures[from], let mapped = values[NoteScanner.key(raw)] else { return nil }
            value = mapped
        }
        var caps = h.captures
        for (k, v) in set { caps[k] = v }
        var f = Finding(ruleID: ruleID, element: element, value: value, captures: caps,
                        span: h.span, matchSpan: h.matchSpan, priority: priority)
        f.ignoredContext = ignoreContext
        return f
    }
}
