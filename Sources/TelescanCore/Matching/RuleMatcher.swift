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
    /// Whether to run rules with a `reach` only in the windows around their literals (off:
    /// over the whole note, for tests that check both find the same).
    let windowed: Bool
    /// Rules run only in the windows around their literals (windowed, and not whole-note): the
    /// prefilter records their literals' occurrences.
    let windowedRules: [Bool]
    var occurrences: [LiteralPrefilter.Occurrence] = []
    /// The context rules the current note woke (reused from note to note).
    var wokenContext: [Int] = []
    /// The current note's number, and the last note each rule ran in: each pattern is told
    /// once per note that it ran (`CompiledPattern.ranInNote`).
    var note: Int32 = 0
    var lastNote: [Int32]
    /// The current note's whitespace runs, for `reach` windows.
    var whitespaceRuns = WhitespaceRuns()
    /// Fetched from `rules` on this worker's first note with findings (built then, once).
    lazy var contextPrefilter: LiteralPrefilter = rules.contextPrefilter
    /// The windows (closed ranges of allowed match starts) of the current note, flat: rule r's
    /// are `windowLo/windowHi[windowStart[r] ..< windowStart[r] + windowCount[r]]`, sorted.
    var windowLo: [Int32] = []
    var windowHi: [Int32] = []
    var windowStart: [Int32]
    var windowCount: [Int32]
    /// Whether the current note holds a character that PCRE2 matches, without case, to an
    /// ASCII letter of a key (see `LiteralPrefilter.hasCaselessVariant`): every rule then wakes.
    var wakesEveryRule = false
    /// PCRE2 errors met on the last note (e.g. the match limit), as warnings.
    public private(set) var errors: [String] = []
    /// A rule whose deferred pattern did not compile (see `CompiledRules.init(compileAll:)`):
    /// the scan stops with it rather than go on without the rule.
    public private(set) var ruleDataError: RuleLoadError? = nil

    /// Per-rule time and wakes when `TELESCAN_RULE_PROFILE` is set (shared with the scanner's
    /// `GroupMatcher`).
    let profile: RuleProfile?

    /// TELESCAN_WHOLE_NOTE=1 runs every rule over the whole note, for rule authors checking
    /// that a `reach` or a literal loses nothing (outputs must be identical).
    public static let windowedByDefault = !EnvironmentSwitch.isOn("TELESCAN_WHOLE_NOTE")

    /// Every rule wakes on every note, over the whole note (tests: the reference a scan with
    /// keys must equal, wherever a key gap would lose a match).
    let wakesAll: Bool

    public init(rules: CompiledRules, windowed: Bool = RuleMatcher.windowedByDefault, wakingEveryRule: Bool = false) {
        self.rules = rules
        let windowed = windowed && !wakingEveryRule
        self.windowed = windowed
        wakesAll = wakingEveryRule
        scratch = MatchScratch(maxCaptures: rules.maxCaptures)
        hits = [Bool](repeating: false, count: 2 * rules.rules.count)
        windowedRules = rules.windows.map { windowed && $0 != .wholeNote }
        windowStart = [Int32](repeating: 0, count: rules.rules.count)
        windowCount = [Int32](repeating: 0, count: rules.rules.count)
        lastNote = [Int32](repeating: 0, count: rules.rules.count)
        profile = RuleProfile.ifEnabled(rules)
    }

    /// All rule matches in `text`, in rule order then position (targets and triggers alike).
    public func match(_ text: UnsafeBufferPointer<UInt8>) -> [RuleHit] {
        var out = matchTargets(text)
        out += matchContext(text, in: [0..<text.count])
        return out
    }

    /// Target-rule matches in `text`.
    public func matchTargets(_ text: UnsafeBufferPointer<UInt8>) -> [RuleHit] {
        prefilter(text)
        var out: [RuleHit] = []
        run(rules.targetRules, text, nil, &out)
        return out
    }

    /// Context-trigger matches inside `ranges` only (the sentences that hold findings): triggers
    /// elsewhere could not apply, and common trigger words are everywhere. Call after
    /// `matchTargets` on the same text.
    public func matchContext(_ text: UnsafeBufferPointer<UInt8>, in ranges: [Range<Int>]) -> [RuleHit] {
        prefilterContext(text, around: ranges)
        var out: [RuleHit] = []
        // The woken rules, listed once (not every context rule checked again for each unit).
        wokenContext.removeAll(keepingCapacity: true)
        for i in rules.contextRules where hits[i] { wokenContext.append(i) }
        if wokenContext.isEmpty { return out }
        let woken = wokenContext
        for r in ranges { run(woken, text, r, &out) }
        return out
    }

    /// Matches of rule `i` alone in `text` (for rule examples and tests), or nil when the
    /// prefilter does not wake it.
    public func matchRule(_ i: Int, in text: String) -> [RuleHit]? {
        Array(text.utf8).withUnsafeBufferPointer { buf in
            prefilter(buf)
            // Block-scoped context rules are found with the target rules, not by the context step.
            if case .context = rules.rules[i].definition.kind, !rules.rules[i].definition.blockScope {
                prefilterContext(buf, around: [0..<buf.count])
            }
            guard hits[i] else { return nil }
            var out: [RuleHit] = []
            run([i], buf, nil, &out)
            return out
        }
    }

    func prefilter(_ text: UnsafeBufferPointer<UInt8>) {
        note &+= 1
        rules.notesScanned.add(1)
        errors.removeAll(keepingCapacity: true)
        hits.withUnsafeMutableBufferPointer { $0.update(repeating: false) }
        occurrences.removeAll(keepingCapacity: true)
        whitespaceRuns.forget()
        rules.prefilter.scan(text, hits: &hits, record: windowedRules, occurrences: &occurrences)
        if windowed { buildWindows(text) }
        wakesEveryRule = wakesAll || LiteralPrefilter.hasCaselessVariant(text)
        if wakesEveryRule { wakeEveryRule(text) }
        settleHits(rules.targetConjunctive, rules.targetUnconditional)
    }

    /// Wakes every rule, each with one window over the whole note: for the rare note whose
    /// keys the prefilter cannot see (it folds ASCII case only), so no match is lost.
    func wakeEveryRule(_ text: UnsafeBufferPointer<UInt8>) {
        let n = rules.rules.count
        hits.withUnsafeMutableBufferPointer { $0.update(repeating: true) }
        guard windowed else { return }
        if windowLo.count < n { grow(to: n) }
        for r in 0..<n {
            windowStart[r] = Int32(r)
            windowCount[r] = 1
            windowLo[r] = 0
            windowHi[r] = Int32(text.count)
        }
    }

    /// Wakes the context rules whose literals occur in `ranges`, widened by the context margins
    /// (over the whole note when not windowed: the reference the windowed run must equal).
    /// Replaces the target rules' windows, so it runs after them.
    func prefilterContext(_ text: UnsafeBufferPointer<UInt8>, around ranges: [Range<Int>]) {
        let n = rules.rules.count
        for i in rules.contextRules { hits[i] = false; hits[n + i] = false }
        occurrences.removeAll(keepingCapacity: true)
        guard windowed else {
            contextPrefilter.scan(text, hits: &hits, occurrences: &occurrences)
            if wakesEveryRule { wakeEveryRule(text) }
            settleHits(rules.contextConjunctive, rules.contextUnconditional)
            return
        }
        let before = rules.contextMarginBefore, after = rules.contextMarginAfter
        // Widened ranges, merged, so every occurrence is recorded once and in order.
        var pending: Range<Int>? = nil
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let lo = max(0, r.lowerBound - before), hi = min(text.count, r.upperBound + after)
            if let p = pending, lo <= p.upperBound {
                pending = p.lowerBound..<max(p.upperBound, hi)
                continue
            }
            if let p = pending { contextPrefilter.scan(text, in: p, hits: &hits, record: windowedRules, occurrences: &occurrences) }
            pending = lo..<hi
        }
        if let p = pending { contextPrefilter.scan(text, in: p, hits: &hits, record: windowedRules, occurrences: &occurrences) }
        buildWindows(text)
        if wakesEveryRule { wakeEveryRule(text) }
        settleHits(rules.contextConjunctive, rules.contextUnconditional)
    }

    /// Rules with `also_requires` (`conjunctive`) sleep unless both key sets occurred; rules
    /// without literals (`unconditional`) always wake. Each step passes only its own rules.
    func settleHits(_ conjunctive: [Int], _ unconditional: [Int]) {
        let n = rules.rules.count
        hits.withUnsafeMutableBufferPointer { hits in
            for i in conjunctive where !hits[n + i] { hits[i] = false }
            for i in unconditional { hits[i] = true }
        }
    }

    /// Turns the literal occurrences into each rule's windows: one counting pass, one filling
    /// pass, flat arrays. Occurrences come in order of where their first words end, so a rule's
    /// next window either extends its last one or starts after it (a key of several words may
    /// end after a later occurrence: the last window then only widens); windows less than 16
    /// bytes apart are joined (fewer PCRE2 calls; a start between them simply fails).
    func buildWindows(_ text: UnsafeBufferPointer<UInt8>) {
        let n = rules.rules.count
        if windowLo.count < occurrences.count { grow(to: occurrences.count) }
        if !occurrences.isEmpty { whitespaceRuns.find(in: text) }
        let runs = whitespaceRuns
        // Raw pointers: this runs twice per note over every occurrence.
        windowStart.withUnsafeMutableBufferPointer { start in
        windowCount.withUnsafeMutableBufferPointer { count in
        windowLo.withUnsafeMutableBufferPointer { lo in
        windowHi.withUnsafeMutableBufferPointer { hi in
        occurrences.withUnsafeBufferPointer { occurrences in
        rules.windows.withUnsafeBufferPointer { kinds in
            count.update(repeating: 0)
            for o in occurrences { count[Int(o.rule)] += 1 }
            var total = 0
            for r in 0..<n { start[r] = Int32(total); total += Int(count[r]); count[r] = 0 }
            for o in occurrences {
                let r = Int(o.rule)
                let w = kinds[r].starts(around: Int(o.start), Int(o.end), before: Int(o.before), in: text, runs: runs)
                let c = Int(count[r]), last = Int(start[r]) + c - 1
                let wlo = Int32(w.lowerBound), whi = Int32(w.upperBound)
                if c > 0 && wlo <= hi[last] + 16 {
                    lo[last] = min(lo[last], wlo)
                    hi[last] = max(hi[last], whi)
                } else {
                    lo[last + 1] = wlo
                    hi[last + 1] = whi
                    count[r] = Int32(c + 1)
                }
            }
        }
        }
        }
        }
        }
        }
    }

    /// Whether one of rule `i`'s windows (sorted, disjoint) overlaps the starts `start...end`.
    @inline(__always) func hasWindow(_ i: Int, overlapping start: Int, _ end: Int) -> Bool {
        let first = Int(windowStart[i]), stop = first + Int(windowCount[i])
        var lo = first, hi = stop
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(windowHi[mid]) < start { lo = mid + 1 } else { hi = mid }
        }
        return lo < stop && Int(windowLo[lo]) <= end
    }

    /// Room for `total` windows (a note with more literal occurrences than any before).
    @inline(never) func grow(to total: Int) {
        windowLo += [Int32](repeating: 0, count: total - windowLo.count)
        windowHi += [Int32](repeating: 0, count: total - windowHi.count)
    }

    func run(_ indices: [Int], _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>?, _ out: inout [RuleHit]) {
        for i in indices where hits[i] { runRule(i, text, range, &out) }
    }

    /// Runs woken rule `i` in `text` (within `range`, when given), adding its hits to `out`.
    @inline(__always)
    func runRule(_ i: Int, _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>?, _ out: inout [RuleHit]) {
        let inWindows = windowedRules
        let profiling = profile != nil
        let start = range?.lowerBound ?? 0
        let end = range?.upperBound ?? text.count
        do {
            // Within a unit (context rules), a rule none of whose windows reaches it has nothing
            // to run: skipped before any other work (most of a note's context rules, per unit).
            if range != nil, inWindows[i], !hasWindow(i, overlapping: start, end) { return }
            let pattern = rules.patterns[i]
            if lastNote[i] != note {
                lastNote[i] = note
                pattern.ranInNote()
            }
            let before = out.count
            let t0 = profiling ? RuleProfile.now() : 0
            do {
                try pattern.compile()
                let named = pattern.hasNamedGroups
                func found(_ m: Match) { out.append(Self.hit(m, rule: i, pattern: pattern, named: named, in: text)) }
                if inWindows[i] {
                    // Only where a match can start: the windows around the rule's literals.
                    // The next search starts where the last match ended, as over the whole note.
                    // Windows are sorted: within a unit (context rules) only the few that
                    // overlap it are visited, found by binary search, so a huge note with many
                    // units and windows stays linear.
                    let first = Int(windowStart[i]), stop = first + Int(windowCount[i])
                    var lo = first, hi = stop
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        if Int(windowHi[mid]) < start { lo = mid + 1 } else { hi = mid }
                    }
                    var offset = start
                    var k = lo
                    while k < stop, Int(windowLo[k]) <= end {
                        let from = max(offset, Int(windowLo[k]))
                        let limit = min(Int(windowHi[k]), end)
                        k += 1
                        if from > limit { continue }
                        offset = try pattern.forEachMatch(in: text, from: from, upTo: range?.upperBound, startLimit: limit,
                                                          scratch: scratch, found)
                    }
                } else {
                    try pattern.forEachMatch(in: text, from: start, upTo: range?.upperBound, scratch: scratch, found)
                }
            } catch {
                if error.offset != nil {
                    noteRuleDataError(i, error)
                } else {
                    errors.append(Self.limitWarning(rules, i, error))
                }
            }
            if profiling { profile!.add(i, since: t0, matched: out.count > before) }
        }
    }

    /// A match of rule `i` as a hit: named groups other than `span` become captures; `span`
    /// narrows the evidence.
    @inline(__always)
    static func hit(_ m: Match, rule i: Int, pattern: CompiledPattern, named: Bool, in text: UnsafeBufferPointer<UInt8>) -> RuleHit {
        let whole = m.start..<m.end
        guard named else { return RuleHit(rule: i, span: whole, matchSpan: whole, captures: [:]) }
        let groups = pattern.namedGroupList
        var caps: [String: String] = [:]
        var span: Range<Int>? = nil
        for (name, numbers) in groups {
            // With `(?J)` a name may number several groups (one per alternative): the one that took part.
            if name == "span" { span = numbers.lazy.compactMap({ m.group($0) }).first; continue }
            guard let r = numbers.lazy.compactMap({ m.group($0) }).first else { continue }
            if !r.isEmpty { caps[name] = String(decoding: UnsafeBufferPointer(rebasing: text[r]), as: UTF8.self) }
        }
        return RuleHit(rule: i, span: span ?? whole, matchSpan: whole, captures: caps)
    }

    /// Rule `i`'s pattern did not compile on first use (the first such rule is kept).
    func noteRuleDataError(_ i: Int, _ error: PCRE2Error) {
        if ruleDataError == nil { ruleDataError = CompiledRules.invalidPattern(rules.rules[i].definition, error) }
    }

    /// The warning for a PCRE2 error met while matching rule `i` (e.g. the match limit).
    static func limitWarning(_ rules: CompiledRules, _ i: Int, _ error: PCRE2Error) -> String {
        "PATTERN_LIMIT: rule \(rules.rules[i].definition.id): \(error.message)"
    }
}
