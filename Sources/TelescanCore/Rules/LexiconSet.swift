/// Everything loaded from one Lexicons folder, compiled: the rules, the named lists and the
/// text-layer data. Built once per process and shared read-only by all workers.
public final class LexiconSet: @unchecked Sendable {
    public let root: String
    public let lists: [String: [String]]
    public let definitions: [RuleDefinition]
    public let compiled: CompiledRules

    /// - Parameters:
    ///   - examples: false leaves the rules' examples unread (scanning never runs them).
    ///   - compileAll: false compiles each pattern on first use (a scan; see `CompiledRules`).
    ///   - cache: where loaded rules are kept between runs (only without examples: a scan).
    public init(root: String, examples: Bool = true, compileAll: Bool = true, cache: RuleCache? = nil) throws(RuleLoadError) {
        self.root = root
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else {
            throw RuleLoadError(file: root, problem: "lexicons folder not found")
        }
        if let cache, !examples {
            let fingerprint = RuleCache.fingerprint(root: root)
            StartupProfile.mark("rule files fingerprinted")
            var hit = cache.load(root: root, fingerprint: fingerprint)
            var built: (lists: [String: [String]], definitions: [RuleDefinition], compiled: CompiledRules)? = nil
            if hit == nil {
                // The first run after a change: build, store, and scan with what a warm run
                // reads back (rules decoded from the cache take less memory than rules built
                // from YAML, and the build's garbage goes back to the system first), so a cold
                // run peaks no higher than a warm one. Only when the cache cannot be written
                // does the scan use what was built.
                built = try Self.buildAndStore(root: root, cache: cache, fingerprint: fingerprint, compileAll: compileAll)
                StartupProfile.mark("rule cache written")
                if built == nil {
                    HeapTuning.releaseFreePages()
                    StartupProfile.mark("heap trimmed")
                    hit = cache.load(root: root, fingerprint: fingerprint)
                    if hit == nil { built = try Self.build(root: root, compileAll: compileAll) }
                }
            }
            if let hit {
                (lists, definitions) = (hit.lists, hit.definitions)
                StartupProfile.mark("rules loaded from the cache")
                compiled = try CompiledRules(definitions: definitions, compileAll: compileAll, prefilters: (
                    LiteralPrefilter(tables: hit.targetPrefilter), LiteralPrefilter(tables: hit.contextPrefilter)),
                    margins: hit.contextMargins, codes: hit.patternCodes)
            } else {
                (lists, definitions, compiled) = built!
            }
        } else {
            (lists, definitions, compiled) = try Self.build(root: root, examples: examples, compileAll: compileAll)
        }
        StartupProfile.mark("rules compiled")
    }

    public func list(_ name: String) -> [String] { lists[name] ?? [] }

    /// The rules loaded from their files and compiled.
    private static func build(root: String, examples: Bool = false, compileAll: Bool) throws(RuleLoadError)
        -> (lists: [String: [String]], definitions: [RuleDefinition], compiled: CompiledRules) {
        let lists = try RuleFileLoader.loadLists(root: root)
        let definitions = try RuleFileLoader.loadRules(root: root, lists: lists, examples: examples)
        StartupProfile.mark("rules loaded")
        return (lists, definitions, try CompiledRules(definitions: definitions, compileAll: compileAll))
    }

    /// Builds the rules and stores them in `cache`, with the context automaton (otherwise
    /// built on the first note with findings) and every pattern's code built now to be
    /// stored; nil once stored (all of it freed on return), else what was built.
    private static func buildAndStore(root: String, cache: RuleCache, fingerprint: Fingerprint, compileAll: Bool)
        throws(RuleLoadError) -> (lists: [String: [String]], definitions: [RuleDefinition], compiled: CompiledRules)? {
        let built = try build(root: root, compileAll: compileAll)
        let patterns = built.compiled.patterns
        let codes = ParallelMap.map(Array(patterns.indices)) { patterns[$0].serializedFromSource() ?? [] }
        let stored = cache.store(root: root, fingerprint: fingerprint, .init(
            lists: built.lists, definitions: built.definitions,
            targetPrefilter: built.compiled.prefilter.tables, contextPrefilter: built.compiled.contextPrefilter.tables,
            contextMargins: built.compiled.contextMargins, patternCodes: CachedPatternCodes(codes)))
        return stored ? nil : built
    }
}

import Foundation
