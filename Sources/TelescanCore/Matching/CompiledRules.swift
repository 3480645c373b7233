import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import TelescanPCRE2

/// All rules of a Lexicons folder, compiled once per process and shared by every worker.
public final class CompiledRules: @unchecked Sendable {
    public struct Rule: @unchecked Sendable {
        public let definition: RuleDefinition
        public let pattern: CompiledPattern
    }

    public let rules: [Rule]
    /// The hot path's view of each rule: its pattern only (copying a whole `Rule` per wake cost
    /// retain/release traffic on every field).
    let patterns: [CompiledPattern]
    /// The notes the matchers have scanned with these rules, over every worker (see
    /// `CompiledPattern.rareShareDivisor`).
    public let notesScanned: NoteTally
    /// What a target rule's hit becomes, per rule (nil for context rules): one reference to
    /// read per hit instead of a copy of the whole definition.
    let findingTemplates: [FindingTemplate?]
    /// What a context rule's hit becomes, per rule (nil for target rules).
    public let triggerRules: [ContextEngine.TriggerRule?]
    /// Where each rule can match, relative to its literal occurrences.
    let windows: [MatchWindow]
    /// The target rules' literals, scanned over the whole note.
    public let prefilter: LiteralPrefilter
    /// The context rules' literals, scanned only around the sentences that hold findings
    /// (context rules run nowhere else; their common trigger words are most of a note's
    /// literal occurrences). Built on first use: a run whose notes hold no finding (a shell
    /// pipeline's one short note) never pays for it at start-up.
    public var contextPrefilter: LiteralPrefilter {
        contextPrefilterCell.withLock { cell in
            if let built = cell { return built }
            let built = LiteralPrefilter(literals: contextLiteralSets, before: literalPrefixes)
            cell = built
            return built
        }
    }
    private let contextLiteralSets: [[String]]
    private let literalPrefixes: [[Int]]
    private let contextPrefilterCell: Mutex<LiteralPrefilter?>
    /// How far before and after a sentence a context rule's literal can lie and still matter:
    /// its longest lookbehind (4 bytes a character) plus its reach; after: its reach.
    let contextMarginBefore: Int
    let contextMarginAfter: Int
    public struct ContextMargins: Equatable, Sendable {
        public let before: Int, after: Int
    }
    /// Both margins, for the rule cache: a start-up that knows them compiles no pattern.
    public var contextMargins: ContextMargins { .init(before: contextMarginBefore, after: contextMarginAfter) }
    /// Rules with no literal: run on every note.
    let unconditional: [Int]
    /// Indices of target rules (with the block-scoped context rules, found over the whole note)
    /// and of the other context rules.
    let targetRules: [Int]
    /// Rules with `also_requires`: woken only when both key sets occur.
    let conjunctive: [Int]
    let contextRules: [Int]
    /// `unconditional` and `conjunctive` split into target and context rules: each prefilter
    /// step settles only the rules it woke (the other step's were settled by it, or are unread).
    let targetUnconditional: [Int], contextUnconditional: [Int]
    let targetConjunctive: [Int], contextConjunctive: [Int]
    public let maxCaptures: Int

    /// - Parameter compileAll: compile every pattern now, so a syntax error fails the load
    ///   (`rules check`, eval, the tests). A scan passes false: each pattern compiles when a
    ///   note first wakes its rule (a shell pipeline's one note needs a fraction of them), and
    ///   a pattern that does not compile stops the scan then (`ruleDataError`). Patterns of
    ///   context rules that may hold a lookbehind compile at once: their length sets how far
    ///   around a sentence context literals are looked for.
    /// - Parameter prefilters: both automata, already built from these definitions (the rule
    ///   cache); nil builds them.
    /// - Parameter margins: the context margins computed before from these definitions (the
    ///   rule cache); nil computes them.
    /// - Parameter codes: the patterns' code as an earlier run compiled it, by rule index (the
    ///   rule cache): a pattern decodes it on first use instead of compiling its source.
    init(definitions: [RuleDefinition], compileAll: Bool = true,
         prefilters: (target: LiteralPrefilter, context: LiteralPrefilter)?, margins: ContextMargins? = nil,
         codes: (any PatternCodeStore)? = nil) throws(RuleLoadError) {
        // The prefilter is built on another thread while the patterns compile. Second key sets
        // get prefilter slots after the rules': slot count + j for rule j.
        // Context rules run per sentence, except block-scoped ones: those are looked for over the
        // whole note, with the target rules.
        @Sendable func isUnitContext(_ d: RuleDefinition) -> Bool { if case .context = d.kind { return !d.blockScope }; return false }
        let contextSets = definitions.map { isUnitContext($0) ? $0.literals : [] } + definitions.map { isUnitContext($0) ? $0.alsoRequires : [] }
        let targetSets = definitions.map { isUnitContext($0) ? [] : $0.literals } + definitions.map { isUnitContext($0) ? [] : $0.alsoRequires }
        let prefixes = definitions.map { $0.literalPrefixes ?? [] }
        let prefilterBuild = prefilters.map { BackgroundValue<LiteralPrefilter, Never>(done: $0.target) } ?? BackgroundValue {
            defer { StartupProfile.mark("prefilter built") }
            return LiteralPrefilter(literals: targetSets, before: prefixes)
        }
        contextPrefilterCell = Mutex(prefilters?.context)
        contextLiteralSets = contextSets
        literalPrefixes = prefixes
        let windows = definitions.map(MatchWindow.init)
        let options = windows.map { $0 == .wholeNote ? RegexOptions.standard : RegexOptions.standard.union(.useOffsetLimit) }
        let tally = NoteTally()
        notesScanned = tally
        let patterns = definitions.indices.map { i in
            CompiledPattern(deferred: definitions[i].patternSource, options: options[i], tally: tally,
                            stored: codes.map { StoredPatternCode(store: $0, index: i) })
        }
        // PCRE2 compiles are independent: done in parallel, checked in rule order.
        let now = compileAll ? Array(patterns.indices)
            : margins != nil ? []
            : patterns.indices.filter { isUnitContext(definitions[$0]) && Self.lookbehindBound(definitions[$0].patternSource) == nil }
        let profiling = EnvironmentSwitch.isOn("TELESCAN_RULE_PROFILE")
        let results = ParallelMap.map(now) { i in
            let t0 = profiling ? DispatchTime.now().uptimeNanoseconds : 0
            let result = Result { () throws(PCRE2Error) in try patterns[i].compile() }
            return (result, profiling ? DispatchTime.now().uptimeNanoseconds - t0 : 0)
        }
        if profiling, compileAll { Self.printCompileProfile(definitions, results.map(\.1)) }
        for (i, (result, _)) in zip(now, results) {
            if case .failure(let error) = result { throw Self.invalidPattern(definitions[i], error) }
        }
        for (def, pattern) in zip(definitions, patterns) {
            guard let from = def.valueFrom else { continue }
            let named = compileAll ? pattern.namedGroups[from] != nil : Self.namesGroup(def.patternSource, from)
            if !named {
                throw RuleLoadError(file: def.file, entry: "rule '\(def.id)'", problem: "value_from '\(from)' names no capture group of the pattern")
            }
        }
        let compiled = zip(definitions, patterns).map { Rule(definition: $0, pattern: $1) }
        rules = compiled
        self.patterns = patterns
        self.windows = windows
        findingTemplates = definitions.map(FindingTemplate.init)
        triggerRules = definitions.map(ContextEngine.TriggerRule.init)
        StartupProfile.mark("patterns compiled")
        prefilter = prefilterBuild.value()
        if let margins, !compileAll {
            (contextMarginBefore, contextMarginAfter) = (margins.before, margins.after)
        } else {
            var before = 0, after = 0
            for (def, rule) in zip(definitions, compiled) where isUnitContext(def) {
                let lookbehind = Self.lookbehindBound(def.patternSource) ?? rule.pattern.maxLookbehind
                before = max(before, 4 * lookbehind + (def.reach ?? 0))
                after = max(after, def.reachAfter ?? def.reach ?? 0)
            }
            contextMarginBefore = before
            contextMarginAfter = after
        }
        conjunctive = definitions.indices.filter { !definitions[$0].alsoRequires.isEmpty }
        unconditional = definitions.indices.filter { definitions[$0].literals.isEmpty }
        targetRules = definitions.indices.filter { if case .target = definitions[$0].kind { return true }; return definitions[$0].blockScope }
        contextRules = definitions.indices.filter { if case .context = definitions[$0].kind { return !definitions[$0].blockScope }; return false }
        let isContext = definitions.map(isUnitContext)
        targetUnconditional = unconditional.filter { !isContext[$0] }
        contextUnconditional = unconditional.filter { isContext[$0] }
        targetConjunctive = conjunctive.filter { !isContext[$0] }
        contextConjunctive = conjunctive.filter { isContext[$0] }
        maxCaptures = compileAll ? max(1, compiled.map(\.pattern.captureCount).max() ?? 1) : 16
    }

    public convenience init(definitions: [RuleDefinition], compileAll: Bool = true) throws(RuleLoadError) {
        try self.init(definitions: definitions, compileAll: compileAll, prefilters: nil)
    }

    /// The error of a rule whose pattern does not compile.
    static func invalidPattern(_ def: RuleDefinition, _ error: PCRE2Error) -> RuleLoadError {
        RuleLoadError(file: def.file, entry: "rule '\(def.id)'", problem: "invalid pattern: \(error.description)")
    }

    /// PCRE2's longest lookbehind of a pattern, read from its text when it holds no lookbehind
    /// syntax: 1 when it may use `\b`, `\B` or `\A` (a one-character lookbehind), else 0; nil
    /// when it may hold a lookbehind (or a verb): then only compiling tells. Errs high, never low.
    static func lookbehindBound(_ source: String) -> Int? {
        let bytes = Array(source.utf8)
        if holds(bytes, "(?<=") || holds(bytes, "(?<!") || holds(bytes, "(*") { return nil }
        return holds(bytes, "\\b") || holds(bytes, "\\B") || holds(bytes, "\\A") ? 1 : 0
    }

    /// Whether the pattern text defines a group named `name` (`(?<name>`, `(?P<name>` or
    /// `(?'name'`), for checking `value_from` without compiling.
    static func namesGroup(_ source: String, _ name: String) -> Bool {
        let bytes = Array(source.utf8)
        return holds(bytes, "(?<\(name)>") || holds(bytes, "(?P<\(name)>") || holds(bytes, "(?'\(name)'")
    }

    /// A byte search: Foundation's `contains` on these pattern texts was 7% of a one-note
    /// scan's instructions.
    static func holds(_ source: [UInt8], _ needle: String) -> Bool {
        ContextClassifier.find(Array(needle.utf8), in: source) != nil
    }

    /// With `TELESCAN_RULE_PROFILE`: each pattern's PCRE2 compile time, the costliest first (the
    /// start-up every run pays; rule authors keep patterns small), on standard error.
    static func printCompileProfile(_ definitions: [RuleDefinition], _ nanos: [UInt64]) {
        var lines = "compile profile (µs, pattern bytes): total \(nanos.reduce(0, +) / 1000) µs\n"
        for i in nanos.indices.sorted(by: { nanos[$0] > nanos[$1] }).prefix(15) {
            lines += "  \(definitions[i].id): \(nanos[i] / 1000) µs, \(definitions[i].patternSource.utf8.count) bytes\n"
        }
        let bytes = Array(lines.utf8)
        _ = bytes.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
    }
}
