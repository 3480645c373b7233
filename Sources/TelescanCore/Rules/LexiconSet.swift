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
            if let hit = cache.load(root: root, fingerprint: fingerprint) {
                (lists, definitions) = (hit.lists, hit.definitions)
                StartupProfile.mark("rules loaded from the cache")
                compiled = try CompiledRules(definitions: definitions, compileAll: compileAll, prefilters: (
                    LiteralPrefilter(tables: hit.targetPrefilter), LiteralPrefilter(tables: hit.contextPrefilter)),
                    margins: hit.contextMargins, codes: hit.patternCodes)
            } else {
                lists = try RuleFileLoader.loadLists(root: root)
                definitions = try RuleFileLoader.loadRules(root: root, lists: lists, examples: false)
                compiled = try CompiledRules(definitions: definitions, compileAll: compileAll)
                // The context automaton, otherwise built on the first note with findings, and
                // every pattern's code are built now to be stored (only on this run, the first
                // after a change); the scan's patterns still compile when a note needs them.
                let patterns = compiled.patterns
                let codes = ParallelMap.map(Array(patterns.indices)) { patterns[$0].serializedFromSource() ?? [] }
                cache.store(root: root, fingerprint: fingerprint, .init(
                    lists: lists, definitions: definitions,
                    targetPrefilter: compiled.prefilter.tables, contextPrefilter: compiled.contextPrefilter.tables,
                    contextMargins: compiled.contextMargins, patternCodes: CachedPatternCodes(codes)))
            }
        } else {
            lists = try RuleFileLoader.loadLists(root: root)
            definitions = try RuleFileLoader.loadRules(root: root, lists: lists, examples: examples)
            StartupProfile.mark("rules loaded")
            compiled = try CompiledRules(definitions: definitions, compileAll: compileAll)
        }
        StartupProfile.mark("rules compiled")
    }

    public func list(_ name: String) -> [String] { lists[name] ?? [] }
}

import Foundation
