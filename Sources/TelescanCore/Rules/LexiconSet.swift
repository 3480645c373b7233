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
    public init(root: String, examples: Bool = true, compileAll: Bool = true) throws(RuleLoadError) {
        self.root = root
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else {
            throw RuleLoadError(file: root, problem: "lexicons folder not found")
        }
        lists = try RuleFileLoader.loadLists(root: root)
        definitions = try RuleFileLoader.loadRules(root: root, lists: lists, examples: examples)
        compiled = try CompiledRules(definitions: definitions, compileAll: compileAll)
    }

    public func list(_ name: String) -> [String] { lists[name] ?? [] }
}

import Foundation
