import Dispatch
#if canImport(Glibc)
import Glibc
#endif
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

    /// Per-rule time and wake counts when `TELESCAN_RULE_PROFILE` is set (for rule authors
    /// tuning speed; printed to standard error, never any note text).
    var profile: [UInt64]? = nil
    var wakes: [Int] = []
    var matched: [Int] = []

    public init(rules: CompiledRules) {
        self.rules = rules
        scratch = MatchScratch(maxCaptures: rules.maxCaptures)
        hits = [Bool](repeating: false, count: 2 * rules.rules.count)
        if getenv("TELESCAN_RULE_PROFILE") != nil {
            profile = [UInt64](repeating: 0, count: rules.rules.count)
            wakes = [Int](repeating: 0, count: rules.rules.count)
            matched = [Int](repeating: 0, count: rules.rules.count)
        }
    }

    deinit {
        guard let profile else { return }
        let total = profile.reduce(0, +)
        var lines = "rule profile (ms, wakes):\n"
        for i in profile.indices.sorted(by: { profile[$0] > profile[$1] }).prefix(25) {
            lines += "  \(rules.rules[i].definition.id): \(profile[i] / 1_000_000) ms, \(wakes[i]) wakes, \(matched[i]) with a match\n"
        }
        lines += "  total \(total / 1_000_000) ms\n"
        let bytes = Array(lines.utf8)
        _ = bytes.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
    }

    /// All rule matches in `text`, in rule order then position (targets and triggers alike).
    public func match(_ text: UnsafeBufferPointer<UInt8>) -> [RuleHit] {
        prefilter(text)
        var out: [RuleHit] = []
        run(rules.targetRules, text, nil, &out)
        run(rules.contextRules, text, nil, &out)
        return out
    }

    /// Target-rule matches in `text`; also remembers which rules' literals occur, for
    /// `matchContext`.
    public func matchTargets(_ text: UnsafeBufferPointer<UInt8>) -> [RuleHit] {
        prefilter(text)
        var out: [RuleHit] = []
        run(rules.targetRules, text, nil, &out)
        return out
    }

    /// Context-trigger matches inside `ranges` only (the sentences that hold findings): triggers
    /// elsewhere could not apply, and common trigger words are everywhere.
    public func matchContext(_ text: UnsafeBufferPointer<UInt8>, in ranges: [Range<Int>]) -> [RuleHit] {
        var out: [RuleHit] = []
        for r in ranges { run(rules.contextRules, text, r, &out) }
        return out
    }

    func prefilter(_ text: UnsafeBufferPointer<UInt8>) {
        errors.removeAll(keepingCapacity: true)
        for i in hits.indices { hits[i] = false }
        rules.prefilter.scan(text, hits: &hits)
        let n = rules.rules.count
        for i in rules.conjunctive where !hits[n + i] { hits[i] = false }
        for i in rules.unconditional { hits[i] = true }
    }

    func run(_ indices: [Int], _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>?, _ out: inout [RuleHit]) {
        let patterns = rules.patterns
        for i in indices where hits[i] {
            let pattern = patterns[i]
            let before = out.count
            let t0 = profile == nil ? 0 : DispatchTime.now().uptimeNanoseconds
            defer {
                if profile != nil {
                    profile![i] += DispatchTime.now().uptimeNanoseconds - t0
                    wakes[i] += 1
                    if out.count > before { matched[i] += 1 }
                }
            }
            do {
                try pattern.forEachMatch(in: text, from: range?.lowerBound ?? 0, upTo: range?.upperBound, scratch: scratch) { m in
                    var caps: [String: String] = [:]
                    for (name, groups) in rules.captureGroups[i] {
                        if let r = groups.lazy.compactMap({ m.group($0) }).first, !r.isEmpty {
                            caps[name] = String(decoding: UnsafeBufferPointer(rebasing: text[r]), as: UTF8.self)
                        }
                    }
                    let whole = m.start..<m.end
                    let span = rules.spanGroups[i].flatMap { m.group($0) } ?? whole
                    out.append(RuleHit(rule: i, span: span, matchSpan: whole, captures: caps))
                }
            } catch {
                errors.append("PATTERN_LIMIT: rule \(rules.rules[i].definition.id): \(error.message)")
            }
        }
    }
}
