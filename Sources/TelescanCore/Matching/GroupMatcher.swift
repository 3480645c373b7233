import TelescanPCRE2

/// Runs the rules over a group of notes rule by rule rather than note by note, so that a rule's
/// JIT code, which is far larger in all than the core's caches, is fetched once for every note
/// of the group that woke it. The same hits, in the same order, as `RuleMatcher.matchTargets`
/// and `matchContext` note by note.
///
/// One matcher prefilters the notes one after another; right after each, what every rule it
/// woke must run in that note (the range and its windows) is copied out. The matcher's per-rule
/// tables are then reused by the next note while still in cache, and the rule-by-rule pass
/// reads each rule's runs in order (a matcher per note, each with tables the size of the rule
/// set, missed the cache on every wake).
final class GroupMatcher {
    /// Prefilters each note in turn; its scratch, profile and rule data error are the group's.
    let matcher: RuleMatcher
    /// The runs of the current step, as flat records of `[note, range, start, end, count, lo, hi,
    /// lo, hi, ...]`: `count` windows (closed ranges of allowed match starts) that reach
    /// `start...end`, or -1 when the rule has no windows (it runs over `start..<end` without a
    /// start limit). `pending`: in note order, each record led by its rule's position in the
    /// step's rule list; `order`: where each record begins in `pending` (after its rule), sorted
    /// by rule, rule `p`'s at `runStart[p] ..< runStart[p + 1]`, still in note then range order.
    /// An index rather than a sorted copy of the records: the copy was the largest allocation of
    /// a bulk scan (about 5 MB a thread with groups of 512 notes).
    var pending: [Int32] = []
    var order: [Int32] = []
    var runStart: [Int] = []
    /// Per note of the last group: whether it wakes every rule (see `RuleMatcher`), and the
    /// PCRE2 errors met in it (e.g. the match limit), as warnings.
    var wakesEveryRule: [Bool] = []
    private(set) var errors: [[String]] = []

    init(matcher: RuleMatcher) {
        self.matcher = matcher
    }

    /// Target-rule matches of `texts` (the matcher keeps nothing of them but whether each wakes
    /// every rule, for `matchContext` after).
    func matchTargets(_ texts: [UnsafeBufferPointer<UInt8>]) -> [[RuleHit]] {
        let rules = matcher.rules
        wakesEveryRule.removeAll(keepingCapacity: true)
        errors = [[String]](repeating: [], count: texts.count)
        startRuns(rules: rules.targetRules.count)
        for (k, text) in texts.enumerated() {
            matcher.prefilter(text)
            wakesEveryRule.append(matcher.wakesEveryRule)
            copyRuns(of: rules.targetRules, note: k, ranges: [0..<text.count], skippingEmpty: false)
        }
        sortRuns()
        var out = [[RuleHit]](repeating: [], count: texts.count)
        for (position, i) in rules.targetRules.enumerated() where runStart[position] < runStart[position + 1] {
            run(i, runStart[position] ..< runStart[position + 1], texts) { k, _, hits in out[k] += hits }
        }
        return out
    }

    /// Context-trigger matches of `texts`, each in its ranges (`ranges[k]`; none: the note is
    /// skipped), after `matchTargets` of the same texts. Per note, in range order then rule
    /// order, as `RuleMatcher.matchContext` finds them.
    func matchContext(_ texts: [UnsafeBufferPointer<UInt8>], in ranges: [[Range<Int>]]) -> [[RuleHit]] {
        let rules = matcher.rules
        startRuns(rules: rules.contextRules.count)
        for (k, text) in texts.enumerated() where !ranges[k].isEmpty {
            matcher.wakesEveryRule = wakesEveryRule[k]
            matcher.prefilterContext(text, around: ranges[k])
            // Within a range, a rule none of whose windows reaches it has nothing to run.
            copyRuns(of: rules.contextRules, note: k, ranges: ranges[k], skippingEmpty: true)
        }
        sortRuns()
        var byRange = ranges.map { [[RuleHit]](repeating: [], count: $0.count) }
        for (position, i) in rules.contextRules.enumerated() where runStart[position] < runStart[position + 1] {
            run(i, runStart[position] ..< runStart[position + 1], texts) { k, r, hits in byRange[k][r] += hits }
        }
        return byRange.map { $0.flatMap { $0 } }
    }

    /// Appends to `pending`, for each rule of `list` the matcher woke in note `k`, its runs in
    /// each of `ranges` (with `skippingEmpty`, only where some window of a windowed rule reaches).
    func copyRuns(of list: [Int], note k: Int, ranges: [Range<Int>], skippingEmpty: Bool) {
        let m = matcher
        var pending = self.pending, runStart = self.runStart
        self.pending = []
        self.runStart = []
        defer { self.pending = pending; self.runStart = runStart }
        m.hits.withUnsafeBufferPointer { hits in
        m.windowedRules.withUnsafeBufferPointer { inWindows in
        m.windowStart.withUnsafeBufferPointer { windowStart in
        m.windowCount.withUnsafeBufferPointer { windowCount in
        m.windowLo.withUnsafeBufferPointer { windowLo in
        m.windowHi.withUnsafeBufferPointer { windowHi in
            // Ranges in order (a note's units are): each range's first window is at or after the
            // last range's, so one walk over a rule's windows serves all its ranges.
            var sorted = true
            for r in ranges.indices.dropFirst() where ranges[r].lowerBound < ranges[r - 1].lowerBound { sorted = false }
            for (position, i) in list.enumerated() where hits[i] {
                let first = Int(windowStart[i]), stop = first + Int(windowCount[i])
                var lo = first
                for (r, range) in ranges.enumerated() {
                    let start = range.lowerBound, end = range.upperBound
                    guard inWindows[i] else {
                        pending.append(Int32(position)); pending.append(Int32(k)); pending.append(Int32(r))
                        pending.append(Int32(start)); pending.append(Int32(end)); pending.append(-1)
                        runStart[position + 2] += 1
                        continue
                    }
                    // The windows that overlap start...end (they are sorted and disjoint).
                    if !sorted { lo = first }
                    while lo < stop, Int(windowHi[lo]) < start { lo += 1 }
                    if lo == stop && sorted && skippingEmpty { break }
                    var last = lo
                    while last < stop, Int(windowLo[last]) <= end { last += 1 }
                    if skippingEmpty && last == lo { continue }
                    pending.append(Int32(position)); pending.append(Int32(k)); pending.append(Int32(r))
                    pending.append(Int32(start)); pending.append(Int32(end)); pending.append(Int32(last - lo))
                    for w in lo..<last { pending.append(windowLo[w]); pending.append(windowHi[w]) }
                    runStart[position + 2] += 1
                }
            }
        }
        }
        }
        }
        }
        }
    }

    /// Empties `pending` and zeroes `runStart` for a step whose rule list holds `count` rules:
    /// `copyRuns` counts each rule's records at `runStart[p + 2]`.
    func startRuns(rules count: Int) {
        pending.removeAll(keepingCapacity: true)
        runStart.removeAll(keepingCapacity: true)
        runStart.append(contentsOf: repeatElement(0, count: count + 2))
    }

    /// Indexes `pending` by rule into `order` (a counting sort: the order within a rule is kept).
    func sortRuns() {
        var order = self.order
        self.order = []
        defer { self.order = order }
        order.removeAll(keepingCapacity: true)
        pending.withUnsafeBufferPointer { pending in
        runStart.withUnsafeMutableBufferPointer { runStart in
            // The counts sit two places up, so the prefix sums leave each rule's start at `p + 1`,
            // then its end there after the scatter.
            for p in 2 ..< runStart.count { runStart[p] += runStart[p - 1] }
            order.append(contentsOf: repeatElement(0, count: runStart[runStart.count - 1]))
            order.withUnsafeMutableBufferPointer { order in
                var j = 0
                while j < pending.count {
                    let p = Int(pending[j]) + 1
                    order[runStart[p]] = Int32(j + 1)
                    runStart[p] += 1
                    j += 1 + Self.recordSize(pending, at: j + 1)
                }
            }
        }
        }
        runStart.removeLast()
    }

    /// The length of the record at `j`.
    @inline(__always) static func recordSize(_ records: UnsafeBufferPointer<Int32>, at j: Int) -> Int {
        5 + 2 * max(0, Int(records[j + 4]))
    }

    /// Runs rule `i` as the records `span` of `order` say, handing each run's hits, if any, to
    /// `deliver` (note, range, hits). As `RuleMatcher.runRule` does for one note and range.
    func run(_ i: Int, _ span: Range<Int>, _ texts: [UnsafeBufferPointer<UInt8>],
             _ deliver: (Int, Int, [RuleHit]) -> Void) {
        let pattern = matcher.rules.patterns[i]
        let scratch = matcher.scratch
        let profile = matcher.profile
        var lastNote = -1
        // One run's hits, before they go to their note (kept empty: most runs find none).
        var found: [RuleHit] = []
        pending.withUnsafeBufferPointer { records in
        order.withUnsafeBufferPointer { order in
        for o in span {
            let j = Int(order[o])
            let k = Int(records[j]), r = Int(records[j + 1]), start = Int(records[j + 2]), end = Int(records[j + 3])
            let count = Int(records[j + 4])
            let windows = j + 5
            let text = texts[k]
            if k != lastNote {
                lastNote = k
                pattern.ranInNote()
            }
            let t0 = profile != nil ? RuleProfile.now() : 0
            do throws(PCRE2Error) {
                try pattern.compile()
                let named = pattern.hasNamedGroups
                if count >= 0 {
                    // Only where a match can start; the next search starts where the last
                    // match ended.
                    var offset = start
                    for w in 0..<count {
                        let from = max(offset, Int(records[windows + 2 * w]))
                        let limit = min(Int(records[windows + 2 * w + 1]), end)
                        if from > limit { continue }
                        offset = try pattern.forEachMatch(in: text, from: from, upTo: end, startLimit: limit, scratch: scratch) { m in
                            found.append(RuleMatcher.hit(m, rule: i, pattern: pattern, named: named, in: text))
                        }
                    }
                } else {
                    try pattern.forEachMatch(in: text, from: start, upTo: end, scratch: scratch) { m in
                        found.append(RuleMatcher.hit(m, rule: i, pattern: pattern, named: named, in: text))
                    }
                }
            } catch {
                if error.offset != nil {
                    matcher.noteRuleDataError(i, error)
                } else {
                    errors[k].append(RuleMatcher.limitWarning(matcher.rules, i, error))
                }
            }
            if let profile { profile.add(i, since: t0, matched: !found.isEmpty) }
            if !found.isEmpty {
                deliver(k, r, found)
                found.removeAll(keepingCapacity: true)
            }
        }
        }
        }
    }
}
