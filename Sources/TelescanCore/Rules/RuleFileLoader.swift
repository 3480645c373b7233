import Foundation

/// Loads the rule data of a Lexicons folder: named lists (`lists/`), target rules (`rules/`)
/// and context rules (`context/`). Strict: unknown keys, unknown categories, duplicate ids,
/// unknown lists and invalid patterns are errors naming the file and the rule.
public enum RuleFileLoader {
    static let ruleKeys = ["id", "category", "description", "phrases", "pattern", "literals", "also_requires", "note_requires", "reach", "reach_after", "value",
                           "value_from", "values", "set", "priority", "ignore_context", "case_sensitive",
                           "direction", "window", "applies_to", "not_applies_to", "scope", "terminated_by", "examples"]

    /// YAML files in a folder, sorted by name, as (path, display name).
    static func yamlFiles(in dir: String, displayPrefix: String) -> [(String, String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { (dir + "/" + $0, displayPrefix + $0) }
    }

    /// The folders the loader reads: named lists, then rule files (target rules, then context
    /// rules). The rule cache fingerprints exactly these (`ruleDataFiles`).
    static let listFolder = "lists"
    static let ruleFolders: [(name: String, isContext: Bool)] = [("rules", false), ("context", true)]

    /// Every file the loader reads, as (path, display name): lists, rules, then context rules.
    static func ruleDataFiles(root: String) -> [(String, String)] {
        ([listFolder] + ruleFolders.map(\.name)).flatMap { yamlFiles(in: root + "/" + $0, displayPrefix: $0 + "/") }
    }

    public static func loadLists(root: String) throws(RuleLoadError) -> [String: [String]] {
        var lists: [String: [String]] = [:]
        for (path, name) in yamlFiles(in: root + "/" + listFolder, displayPrefix: listFolder + "/") {
            var f = try YAMLFields(try YAMLFields.load(file: path, displayName: name), file: name, entry: nil)
            let listName = try f.requiredString("name")
            _ = try f.string("description")
            guard let phrases = try f.strings("phrases"), !phrases.isEmpty else {
                throw f.error("missing required key 'phrases'")
            }
            try f.finish(allowed: ["name", "description", "phrases"])
            if lists[listName] != nil { throw f.error("list '\(listName)' defined twice") }
            lists[listName] = phrases
        }
        return lists
    }

    /// - Parameter examples: false drops the rules' examples unread (a scan never runs them)
    ///   and their descriptions;
    /// `rules check` and the tests read them.
    public static func loadRules(root: String, lists: [String: [String]], examples: Bool = true) throws(RuleLoadError) -> [RuleDefinition] {
        var files: [(path: String, name: String, isContext: Bool)] = []
        for (sub, isContext) in ruleFolders {
            files += yamlFiles(in: root + "/" + sub, displayPrefix: sub + "/").map { ($0.0, $0.1, isContext) }
        }
        // Files are parsed in parallel; errors and duplicate ids are reported in file order.
        let built = ListAlternations()
        let parsed = ParallelMap.map(files) { file in
            Result { () throws(RuleLoadError) in
                try parseFile(file.path, name: file.name, isContext: file.isContext, lists: lists, examples: examples, built: built)
            }
        }
        var rules: [RuleDefinition] = []
        var ids: [String: String] = [:]
        for (file, result) in zip(files, parsed) {
            for rule in try result.get() {
                if let other = ids[rule.id] {
                    throw RuleLoadError(file: file.name, entry: "rule '\(rule.id)'", problem: "duplicate id (also in \(other))")
                }
                ids[rule.id] = file.name
                rules.append(rule)
            }
        }
        return rules
    }

    static func parseFile(_ path: String, name: String, isContext: Bool,
                          lists: [String: [String]], examples: Bool = true,
                          built: ListAlternations? = nil) throws(RuleLoadError) -> [RuleDefinition] {
        let tree = try YAMLFields.load(file: path, displayName: name, skipping: examples ? nil : "examples")
        var top = try YAMLFields(tree, file: name, entry: nil)
        _ = try top.string("description")
        guard let list = top.raw("rules") as? [Any] else { throw top.error("missing list 'rules'") }
        try top.finish(allowed: ["description", "rules"])
        var rules: [RuleDefinition] = []
        for (i, item) in list.enumerated() {
            rules.append(try parseRule(item, index: i, file: name, isContext: isContext, lists: lists, examples: examples, built: built))
        }
        return rules
    }

    static func parseRule(_ item: Any, index: Int, file: String, isContext: Bool,
                          lists: [String: [String]], examples readExamples: Bool = true,
                          built: ListAlternations? = nil) throws(RuleLoadError) -> RuleDefinition {
        let provisional = (item as? [String: Any])?["id"] as? String
        var f = try YAMLFields(item, file: file, entry: "rule '\(provisional ?? "#\(index + 1)")'")
        let id = try f.requiredString("id")
        let categoryName = try f.requiredString("category")
        let kind: RuleDefinition.Kind
        if isContext {
            guard let c = ContextCategory(rawValue: categoryName) else {
                throw f.error("unknown category '\(categoryName)' (allowed: \(ContextCategory.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            kind = .context(c)
        } else {
            guard let e = Element(rawValue: categoryName) else {
                throw f.error("unknown category '\(categoryName)' (allowed: \(Element.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            kind = .target(e)
        }
        // Like the examples, a scan never reads a description: left out of its rules (and the
        // rule cache, where they were a third of the rules' bytes).
        var description = try f.string("description")
        if !readExamples { description = nil }
        let phrases = try f.strings("phrases")
        let pattern = try f.string("pattern")
        var literals = try f.strings("literals") ?? []
        var source: String
        var literalPrefixes: [Int]? = nil
        var prefixOfPhraseKey: [String: Int]? = nil
        switch (phrases, pattern) {
        case (let p?, nil):
            guard !p.isEmpty else { throw f.error("'phrases' is empty") }
            source = PatternBuilder.phraseRule(p, caseless: try f.bool("case_sensitive") != true)
            if literals.isEmpty {
                // Each key once, with the most any of its phrases has before it.
                var prefixes: [Int] = []
                for key in p.map({ PatternBuilder.key(ofPhrase: $0) }) {
                    if let i = literals.firstIndex(of: key.literal) { prefixes[i] = max(prefixes[i], key.prefix) } else {
                        literals.append(key.literal)
                        prefixes.append(key.prefix)
                    }
                }
                literalPrefixes = prefixes
            }
        case (nil, let p?):
            let caseless = try f.bool("case_sensitive") != true
            do { source = try PatternBuilder.expandLists(p, lists: lists, caseless: caseless, built: built) } catch {
                throw f.error(error.problem)
            }
        case (nil, nil): throw f.error("needs 'phrases' or 'pattern'")
        default: throw f.error("has both 'phrases' and 'pattern'; use one")
        }
        // `reach: phrases`: a pattern rule whose every match starts where a phrase of its literal
        // lists starts gets the phrase rules' windows (each key with the most its phrases have
        // before it).
        var reachesPhrases = false
        if pattern != nil { reachesPhrases = try f.string("reach") == "phrases" }
        if reachesPhrases {
            var prefixes: [String: Int] = [:]
            for lit in literals {
                let body = lit.hasPrefix("=") ? String(lit.dropFirst()) : lit
                guard body.hasPrefix("{{"), body.hasSuffix("}}"), let list = lists[String(body.dropFirst(2).dropLast(2))] else {
                    throw f.error("'reach: phrases' needs literals that are all lists ('{{name}}'); '\(lit)' is not one")
                }
                for phrase in list {
                    let key = PatternBuilder.key(ofPhrase: phrase, keepingCase: lit.hasPrefix("="))
                    prefixes[key.literal] = max(prefixes[key.literal] ?? 0, key.prefix)
                }
            }
            literalPrefixes = []   // filled below, once the literals are expanded and sorted
            prefixOfPhraseKey = prefixes
        }
        // A literal may name a list: every phrase of the list becomes a literal.
        func expand(_ raw: [String], _ key: String) throws(RuleLoadError) -> [String] {
            var expanded: [String] = []
            for lit in raw {
                // "=" keeps the key's case (see LiteralPrefilter.Key); else keys are lower-case.
                let exact = lit.hasPrefix("=")
                let body = exact ? String(lit.dropFirst()) : lit
                if body.hasPrefix("{{"), body.hasSuffix("}}") {
                    let name = String(body.dropFirst(2).dropLast(2))
                    guard let list = lists[name] else { throw f.error("unknown list '\(body)' in \(key)") }
                    expanded += list.map { PatternBuilder.key(ofPhrase: $0, keepingCase: exact).literal }
                } else {
                    expanded.append(exact ? lit : lit.lowercased())
                }
            }
            return Array(Set(expanded.filter { !$0.isEmpty })).sorted()
        }
        let prefixOf = prefixOfPhraseKey ?? literalPrefixes.map { Dictionary(zip(literals, $0), uniquingKeysWith: max) }
        literals = try expand(literals, "literals")
        // Expansion sorts the literals: their prefixes follow them (the rule's most, if ever unknown).
        if let prefixOf, let most = prefixOf.values.max() { literalPrefixes = literals.map { prefixOf[$0] ?? most } }
        let matchRequires = try expand(try f.strings("also_requires") ?? [], "also_requires")
        let noteRequires = try expand(try f.strings("note_requires") ?? [], "note_requires")
        if !matchRequires.isEmpty && !noteRequires.isEmpty { throw f.error("has both 'also_requires' and 'note_requires'; use one") }
        // Both are the prefilter's second key set; they differ in what they promise.
        let alsoRequires = matchRequires.isEmpty ? noteRequires : matchRequires
        if !alsoRequires.isEmpty && literals.isEmpty { throw f.error("'\(matchRequires.isEmpty ? "note_requires" : "also_requires")' needs 'literals' too") }
        // A phrase added later without a second key would never wake its rule: every phrase
        // must hold one (a pattern's matches are checked by its examples instead: see
        // `RuleExampleRunner`).
        for phrase in phrases ?? [] where !matchRequires.isEmpty && !LiteralPrefilter.contains(phrase, anyOf: matchRequires) {
            throw f.error("phrase '\(phrase)' holds none of 'also_requires' (every phrase must, or the rule never wakes on it; 'note_requires' is for a word the note must hold elsewhere)")
        }
        let reach = reachesPhrases ? nil : try f.int("reach")
        if let reach {
            if reach < 0 { throw f.error("'reach' must be 0 or more") }
            if literals.isEmpty { throw f.error("'reach' needs 'literals': it counts bytes from them") }
        }
        let reachAfter = try f.int("reach_after")
        if let reachAfter {
            if reachAfter < 0 { throw f.error("'reach_after' must be 0 or more") }
            if reach == nil { throw f.error("'reach_after' needs 'reach'") }
        }
        if try f.bool("case_sensitive") == true { source = "(?-i)" + source }

        let value = try f.string("value")
        let valueFrom = try f.string("value_from")
        let values = try f.stringMap("values") ?? [:]
        let set = try f.stringMap("set") ?? [:]
        let priority = try f.int("priority") ?? 0
        var ignore: Set<ContextCategory> = []
        for name in try f.strings("ignore_context") ?? [] {
            guard let c = ContextCategory(rawValue: name) else { throw f.error("unknown context category '\(name)' in ignore_context") }
            ignore.insert(c)
        }
        var direction = ContextDirection.forward
        if let d = try f.string("direction") {
            guard isContext, let dir = ContextDirection(rawValue: d) else {
                throw f.error(isContext ? "unknown direction '\(d)' (allowed: forward, backward, both)" : "'direction' is for context rules only")
            }
            direction = dir
        }
        let window = try f.int("window")
        func elements(_ key: String) throws(RuleLoadError) -> Set<Element>? {
            guard let names = try f.strings(key) else { return nil }
            var s = Set<Element>()
            for n in names {
                guard let e = Element(rawValue: n) else { throw f.error("unknown element '\(n)' in \(key)") }
                s.insert(e)
            }
            return s
        }
        let appliesTo = try elements("applies_to")
        let notAppliesTo = try elements("not_applies_to")
        if appliesTo != nil && notAppliesTo != nil { throw f.error("use 'applies_to' or 'not_applies_to', not both") }
        var blockScope = false
        var paragraphScope = false
        var previousLineScope = false
        if let scope = try f.string("scope") {
            guard isContext, ["unit", "block", "paragraph", "previous_line"].contains(scope) else {
                throw f.error(isContext ? "unknown scope '\(scope)' (allowed: unit, block, paragraph, previous_line)" : "'scope' is for context rules only")
            }
            blockScope = scope != "unit"
            paragraphScope = scope == "paragraph"
            previousLineScope = scope == "previous_line"
        }
        var terminatedBy: Set<ContextCategory> = [.terminate]
        if let names = try f.strings("terminated_by") {
            terminatedBy = []
            for n in names {
                guard let c = ContextCategory(rawValue: n) else { throw f.error("unknown category '\(n)' in terminated_by") }
                terminatedBy.insert(c)
            }
        }
        var examples = RuleExamples(match: [], noMatch: [])
        if let ex = f.raw("examples") {
            var e = try YAMLFields(ex, file: file, entry: "rule '\(id)' examples")
            examples.match = try e.strings("match") ?? []
            examples.noMatch = try e.strings("no_match") ?? []
            try e.finish(allowed: ["match", "no_match"])
        }
        if readExamples && (examples.match.isEmpty || examples.noMatch.isEmpty) {
            throw f.error("needs examples: at least one 'match' and one 'no_match'")
        }
        if valueFrom != nil && values.isEmpty { throw f.error("'value_from' needs a 'values' map") }
        try f.finish(allowed: ruleKeys)
        var rule = RuleDefinition(id: id, kind: kind, file: file, patternSource: source, literals: literals,
                              alsoRequires: alsoRequires, reach: reach, reachAfter: reachAfter,
                              literalPrefixes: literalPrefixes,
                              value: value, valueFrom: valueFrom,
                              values: Dictionary(uniqueKeysWithValues: values.map { ($0.key.lowercased(), $0.value) }),
                              set: set, priority: priority, ignoreContext: ignore, direction: direction,
                              window: window, appliesTo: appliesTo, notAppliesTo: notAppliesTo, blockScope: blockScope, terminatedBy: terminatedBy,
                              examples: examples, description: description)
        rule.paragraphScope = paragraphScope
        rule.previousLineScope = previousLineScope
        rule.gatesOnNote = !noteRequires.isEmpty
        return rule
    }
}
