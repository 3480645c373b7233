import Synchronization
import TelescanPCRE2

/// All rules of a Lexicons folder, compiled once per process and shared by every worker.
public final class CompiledRules: @unchecked Sendable {
    public struct Rule: @unchecked Sendable {
        public let definition: RuleDefinition
        public let pattern: CompiledPattern
        /// Named groups other than `span`, as (name, group numbers), sorted by name.
        let captures: [(String, [Int])]
        let spanGroup: Int?
    }

    public let rules: [Rule]
    /// The hot path's view of each rule: its pattern, captures and span group only (copying a
    /// whole `Rule` per wake cost retain/release traffic on every field).
    let patterns: [CompiledPattern]
    let captureGroups: [[(String, [Int])]]
    let spanGroups: [Int?]
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
    private let contextPrefilterCell = Mutex<LiteralPrefilter?>(nil)
    /// How far before and after a sentence a context rule's literal can lie and still matter:
    /// its longest lookbehind (4 bytes a character) plus its reach; after: its reach.
    let contextMarginBefore: Int
    let contextMarginAfter: Int
    /// Rules with no literal: run on every note.
    let unconditional: [Int]
    /// Indices of target rules (with the block-scoped context rules, found over the whole note)
    /// and of the other context rules.
    let targetRules: [Int]
    /// Rules with `also_requires`: woken only when both key sets occur.
    let conjunctive: [Int]
    let contextRules: [Int]
    public let maxCaptures: Int

    public init(definitions: [RuleDefinition]) throws(RuleLoadError) {
        // The prefilter is built on another thread while the patterns compile. Second key sets
        // get prefilter slots after the rules': slot count + j for rule j.
        // Context rules run per sentence, except block-scoped ones: those are looked for over the
        // whole note, with the target rules.
        @Sendable func isUnitContext(_ d: RuleDefinition) -> Bool { if case .context = d.kind { return !d.blockScope }; return false }
        let contextSets = definitions.map { isUnitContext($0) ? $0.literals : [] } + definitions.map { isUnitContext($0) ? $0.alsoRequires : [] }
        let targetSets = definitions.map { isUnitContext($0) ? [] : $0.literals } + definitions.map { isUnitContext($0) ? [] : $0.alsoRequires }
        let prefixes = definitions.map { $0.literalPrefixes ?? [] }
        let prefilterBuild = BackgroundValue { LiteralPrefilter(literals: targetSets, before: prefixes) }
        contextLiteralSets = contextSets
        literalPrefixes = prefixes
        // PCRE2 compiles are independent: done in parallel, checked in rule order.
        let windows = definitions.map(MatchWindow.init)
        let results = ParallelMap.map(Array(zip(definitions, windows))) { def, window in
            Result { () throws(PCRE2Error) in
                try CompiledPattern(def.patternSource, options: window == .wholeNote ? .standard : RegexOptions.standard.union(.useOffsetLimit))
            }
        }
        var compiled: [Rule] = []
        for (def, result) in zip(definitions, results) {
            let pattern: CompiledPattern
            do { pattern = try result.get() } catch {
                throw RuleLoadError(file: def.file, entry: "rule '\(def.id)'", problem: "invalid pattern: \(error.description)")
            }
            var caps = pattern.namedGroups.filter { $0.key != "span" }.map { ($0.key, $0.value) }
            caps.sort { $0.0 < $1.0 }
            if let from = def.valueFrom, pattern.namedGroups[from] == nil {
                throw RuleLoadError(file: def.file, entry: "rule '\(def.id)'", problem: "value_from '\(from)' names no capture group of the pattern")
            }
            compiled.append(Rule(definition: def, pattern: pattern, captures: caps, spanGroup: pattern.namedGroups["span"]?.first))
        }
        rules = compiled
        patterns = compiled.map(\.pattern)
        captureGroups = compiled.map(\.captures)
        spanGroups = compiled.map(\.spanGroup)
        self.windows = windows
        findingTemplates = definitions.map(FindingTemplate.init)
        triggerRules = definitions.map(ContextEngine.TriggerRule.init)
        prefilter = prefilterBuild.value()
        var before = 0, after = 0
        for (def, rule) in zip(definitions, compiled) where isUnitContext(def) {
            before = max(before, 4 * rule.pattern.maxLookbehind + (def.reach ?? 0))
            after = max(after, def.reachAfter ?? def.reach ?? 0)
        }
        contextMarginBefore = before
        contextMarginAfter = after
        conjunctive = definitions.indices.filter { !definitions[$0].alsoRequires.isEmpty }
        unconditional = definitions.indices.filter { definitions[$0].literals.isEmpty }
        targetRules = definitions.indices.filter { if case .target = definitions[$0].kind { return true }; return definitions[$0].blockScope }
        contextRules = definitions.indices.filter { if case .context = definitions[$0].kind { return !definitions[$0].blockScope }; return false }
        maxCaptures = max(1, compiled.map(\.pattern.captureCount).max() ?? 1)
    }
}
