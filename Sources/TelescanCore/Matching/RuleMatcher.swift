import TelescanPCRE2

/// A raw match of one rule in a note: byte ranges and captures, before context.
public struct RuleHit: Sendable {
    public var rule: Int
    public var span: Range<Int>
    public var matchSpan: Range<Int>
    public var captures: [String: String]
}

/// Per-worker matcher: runs the prefilter, then the PCRE2 rules it woke, over one note.
/// Owns its match scratch; not shared between threads.
public final class RuleMatcher {
    let rules: CompiledRules
    let scratch: MatchScratch
    var hits: [Bool]
    /// PCRE2 errors met on the last note (e.g. the match limit), as warnings.
    public private(set) var errors: [String] = []

    public init(rules: CompiledRules) {
        self.rules = rules
        scratch = MatchScratch(maxCaptures: rules.maxCaptures)
        hits = [Bool](repeating: false, count: rules.rules.count)
    }

    /// All rule matches in `text`, in rule order then position.
    public func match(_ text: UnsafeBufferPointer<UInt8>) -> [RuleHit] {
        errors.removeAll(keepingCapacity: true)
        for i in hits.indices { hits[i] = false }
        rules.prefilter.scan(text, hits: &hits)
        for i in rules.unconditional { hits[i] = true }
        var out: [RuleHit] = []
        let all = rules.rules
        for i in 0..<all.count where hits[i] {
            let rule = all[i]
            do {
                try rule.pattern.forEachMatch(in: text, scratch: scratch) { m in
                    var caps: [String: String] = [:]
                    for (name, groups) in rule.captures {
                        if let r = groups.lazy.compactMap({ m.group($0) }).first, !r.isEmpty {
                            caps[name] = String(decoding: UnsafeBufferPointer(rebasing: text[r]), as: UTF8.self)
                        }
                    }
                    let whole = m.start..<m.end
                    let span = rule.spanGroup.flatMap { m.group($0) } ?? whole
                    out.append(RuleHit(rule: i, span: span, matchSpan: whole, captures: caps))
                }
            } catch {
                errors.append("PATTERN_LIMIT: rule \(rule.definition.id): \(error.message)")
            }
        }
        return out
    }
}
