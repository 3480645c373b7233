import Foundation
import Synchronization
import TelescanPCRE2

/// Runs every example of every rule: a `match` example must match with exactly the marked
/// evidence span, and each match must hold one of the rule's prefilter literals (else the
/// prefilter would silently drop the finding); a `no_match` example must not match. A rule run only around its
/// literals (`reach`, phrase rules) must find the same there as over the whole example. Each
/// match must hold a literal and a second key (`also_requires`) itself: with every occurrence
/// of them masked, it must be gone (else the rule's findings would hang on text elsewhere in the
/// note; a gate on the note by design is `note_requires`). And each `match` example as exports
/// change it (`ExportMutations`: padded, glued, capitalised), where the pattern still matches,
/// must be found by the scan too (keys and windows), so that `rules check` catches a key that
/// loses "~4min" before the test suite does.
public enum RuleExampleRunner {
    public struct Failure: Sendable, CustomStringConvertible {
        public var file: String
        public var rule: String
        public var example: String
        public var problem: String
        public var description: String { "\(file): rule '\(rule)': \(problem): \"\(example)\"" }
    }

    /// `checked`: examples run; `exportedCopies`: exported copies of match examples compared
    /// with the scan (those the pattern still matches). The rules are spread over `jobs`
    /// threads (each with its own matchers and scratch); failures come back in rule order.
    public static func run(_ rules: CompiledRules, jobs: Int = ProcessInfo.processInfo.activeProcessorCount)
        -> (checked: Int, exportedCopies: Int, failures: [Failure]) {
        let workers = max(1, min(jobs, rules.rules.count))
        let perRule = Mutex<[Int: RuleOutcome]>([:])
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let scratch = MatchScratch(maxCaptures: rules.maxCaptures)
            let windowed = RuleMatcher(rules: rules), whole = RuleMatcher(rules: rules, windowed: false)
            var mine: [Int: RuleOutcome] = [:]
            for index in stride(from: w, to: rules.rules.count, by: workers) {
                mine[index] = check(index, rules, scratch, windowed: windowed, whole: whole)
            }
            perRule.withLock { $0.merge(mine) { a, _ in a } }
        }
        let outcomes = perRule.withLock { all in rules.rules.indices.map { all[$0]! } }
        return (outcomes.reduce(0) { $0 + $1.checked }, outcomes.reduce(0) { $0 + $1.exportedCopies },
                outcomes.flatMap(\.failures))
    }

    struct RuleOutcome: Sendable {
        var checked = 0, exportedCopies = 0
        var failures: [Failure] = []
    }

    /// Every example of the rule at `index`.
    static func check(_ index: Int, _ rules: CompiledRules, _ scratch: MatchScratch,
                      windowed: RuleMatcher, whole: RuleMatcher) -> RuleOutcome {
        var outcome = RuleOutcome()
        let rule = rules.rules[index]
        let def = rule.definition
        func fail(_ ex: String, _ p: String) { outcome.failures.append(Failure(file: def.file, rule: def.id, example: ex, problem: p)) }
        func checkWindows(_ ex: String, _ text: String) {
            guard rules.windows[index] != .wholeNote, let w = windowed.matchRule(index, in: text),
                  let f = whole.matchRule(index, in: text) else { return }
            let (ws, fs) = (w.map(\.matchSpan), f.map(\.matchSpan))
            if ws != fs { fail(ex, "finds \(ws) near its literals but \(fs) over the whole text (reach too small?)") }
        }
        for source in def.examples.match + def.examples.noMatch where lostItsOpeningQuote(source) {
            fail(source, "ends with a quote it never opened: a lost opening quote in the YAML list glued the text to the list's syntax")
        }
        for source in def.examples.match {
            outcome.checked += 1
            let ex = ExampleText(parsing: source)
            let spans = matches(rule, ex.text, scratch)
            checkWindows(source, ex.text)
            if spans.isEmpty { fail(source, "does not match"); continue }
            let exported = exportedCopiesLost(index, ex.text, rules, windowed: windowed, whole: whole, scratch)
            outcome.exportedCopies += exported.compared
            for problem in exported.problems { fail(source, problem) }
            if !ex.marked.isEmpty {
                for m in ex.marked where !spans.contains(m) {
                    fail(source, "matched \(spans.map { "[\($0.lowerBound),\($0.upperBound))" }.joined(separator: " ")) but the marked span is [\(m.lowerBound),\(m.upperBound))")
                }
            }
            // A gate on the note need only be in the example somewhere; other keys in each match
            // (masking them covers an example that lacks them altogether).
            if def.gatesOnNote && !LiteralPrefilter.contains(ex.text, anyOf: def.alsoRequires) {
                fail(source, "matches but contains none of the rule's note_requires \(def.alsoRequires)")
            }
            for (name, keys) in [("literals", def.literals), ("also_requires", def.gatesOnNote ? [] : def.alsoRequires)] where !keys.isEmpty {
                let kept = matchesWithKeysMasked(rule, ex.text, keys, scratch)
                if !kept.isEmpty {
                    fail(source, "still matches \(kept) with every one of its \(name) \(keys) masked: each match must hold one"
                         + (name == "also_requires" ? " (a word the note must hold elsewhere is 'note_requires')" : ""))
                }
            }
        }
        for source in def.examples.noMatch {
            outcome.checked += 1
            let ex = ExampleText(parsing: source)
            if !matches(rule, ex.text, scratch).isEmpty { fail(source, "matches but must not") }
            checkWindows(source, ex.text)
        }
        return outcome
    }

    /// Whether an example ends with a double quote it never opened (`..., Pt asked for a call."`
    /// in a YAML flow list whose opening quote was lost still parses, as a plain scalar holding
    /// the closing quote). A quote after a digit is an inch mark (`5'8"`), not a string's end.
    static func lostItsOpeningQuote(_ example: String) -> Bool {
        let scalars = Array(example.unicodeScalars)
        guard scalars.last == "\"", scalars.count >= 2, !("0"..."9").contains(scalars[scalars.count - 2]) else { return false }
        return scalars.filter { $0 == "\"" }.count % 2 == 1
    }

    /// For each export mutation of `text` that the rule's pattern still matches (over the whole
    /// text, PCRE2 alone), whether the scan finds the same matches with its keys, both windowed
    /// and over the whole note: `compared` such copies, and a problem for each that differs.
    public static func exportedCopiesLost(_ index: Int, _ text: String, _ rules: CompiledRules, windowed: RuleMatcher,
                                          whole: RuleMatcher, _ scratch: MatchScratch) -> (compared: Int, problems: [String]) {
        let rule = rules.rules[index]
        var compared = 0
        var problems: [String] = []
        for mutate in ExportMutations.all {
            let copy = mutate(text)
            var expected: [Range<Int>] = []
            _ = Array(copy.utf8).withUnsafeBufferPointer { buf in
                try? rule.pattern.forEachMatch(in: buf, scratch: scratch) { expected.append($0.start..<$0.end) }
            }
            if expected.isEmpty { continue }
            compared += 1
            for (name, matcher) in [("windowed", windowed), ("whole-note", whole)] {
                let found = matcher.matchRule(index, in: copy)?.map(\.matchSpan) ?? []
                if found != expected {
                    problems.append("the scan (\(name)) finds \(found) but the pattern \(expected) in the exported copy \(copy.debugDescription) (a key glued to a number, with one space, or of one case?)")
                }
            }
        }
        return (compared, problems)
    }

    /// The rule's matches in `text` (as UTF-8 byte ranges) that stay when every occurrence of
    /// `keys` is overwritten with "#".
    static func matchesWithKeysMasked(_ rule: CompiledRules.Rule, _ text: String, _ keys: [String],
                                      _ scratch: MatchScratch) -> [Range<Int>] {
        func spans(_ bytes: [UInt8]) -> [Range<Int>] {
            var out: [Range<Int>] = []
            _ = bytes.withUnsafeBufferPointer { buf in
                try? rule.pattern.forEachMatch(in: buf, scratch: scratch) { out.append($0.start..<$0.end) }
            }
            return out
        }
        let bytes = Array(text.utf8)
        var masked = bytes
        for r in LiteralPrefilter.occurrences(of: keys, in: text) { for i in r { masked[i] = UInt8(ascii: "#") } }
        let kept = Set(spans(masked))
        return spans(bytes).filter(kept.contains)
    }

    /// Evidence spans (in Unicode scalars) of the rule's findings in `text`. A match whose
    /// `value_from` capture maps to no value is not a finding.
    static func matches(_ rule: CompiledRules.Rule, _ text: String, _ scratch: MatchScratch) -> [Range<Int>] {
        let bytes = Array(text.utf8)
        var out: [Range<Int>] = []
        _ = bytes.withUnsafeBufferPointer { buf in
            try? rule.pattern.forEachMatch(in: buf, scratch: scratch) { m in
                if let from = rule.definition.valueFrom {
                    guard let g = rule.pattern.namedGroups[from]?.lazy.compactMap({ m.group($0) }).first else { return }
                    let raw = String(decoding: UnsafeBufferPointer(rebasing: buf[g]), as: UTF8.self)
                    if rule.definition.values[NoteScanner.key(raw)] == nil { return }
                }
                let span = rule.pattern.namedGroups["span"]?.lazy.compactMap({ m.group($0) }).first ?? (m.start..<m.end)
                let conv = ScalarOffsets.convert(buf, byteOffsets: [span.lowerBound, span.upperBound])
                out.append(conv[span.lowerBound]!..<conv[span.upperBound]!)
            }
        }
        return out
    }
}
