import XCTest
@testable import TelescanCore
import TelescanPCRE2

/// The data-driven test: every example of every bundled rule file.
final class RuleDataTests: XCTestCase {
    func testEveryRuleExample() throws {
        let lex = try Repo.lexiconSet()
        let (checked, exportedCopies, failures) = RuleExampleRunner.run(lex.compiled)
        XCTAssertGreaterThan(checked, 2 * lex.definitions.count - 1)
        // Each match example is also run as exports change it (see the test below): that check
        // must have compared thousands of copies, not been skipped.
        XCTAssertGreaterThan(exportedCopies, 3000)
        for f in failures { XCTFail(f.description) }
    }

    func testEveryRuleHasBothKindsOfExample() throws {
        for def in try Repo.lexiconSet().definitions {
            XCTAssertFalse(def.examples.match.isEmpty, def.id)
            XCTAssertFalse(def.examples.noMatch.isEmpty, def.id)
        }
    }

    /// A marked example behind a multi-byte prefix must move by scalars, not bytes.
    func testExamplesSurviveMultiByteMutation() throws {
        let lex = try Repo.lexiconSet()
        var mutated: [RuleDefinition] = []
        // A rule anchored at the note's start (\A) can take no prefix at all.
        for var def in lex.definitions where !def.patternSource.hasPrefix("\\A") {
            // Rules anchored at a line start get the prefix on a line of its own.
            let prefix = anchorsAtLineStart(def.patternSource) ? "José — ≥\n" : "José — ≥ "
            def.examples.match = def.examples.match.filter { !$0.hasPrefix("⟦") }.map { prefix + $0 }
            def.examples.noMatch = ["José — ≥ nothing here"]
            if !def.examples.match.isEmpty { mutated.append(def) }
        }
        let (_, _, failures) = RuleExampleRunner.run(try CompiledRules(definitions: mutated))
        for f in failures { XCTFail(f.description) }
    }

    /// Exports pad and wrap text (`ExportMutations`): where a rule's pattern still matches an
    /// example so changed, the scan must find that match too, end to end (prefilter, second keys,
    /// windows) against PCRE2 over the whole text. `RuleExampleRunner` runs that check on every
    /// match example (`testEveryRuleExample`, `rules check`); here it must fail a rule whose key
    /// is a whole word glued to a number.
    func testPaddedGluedAndCapitalisedExamplesAreFound() throws {
        let scratch = MatchScratch()
        // The defect this guards against: minutes keyed on the word "min" alone lose "20min".
        var glued = try XCTUnwrap(Repo.lexiconSet().definitions.first { $0.id.hasPrefix("time.") })
        glued.patternSource = #"\b\d+\s*min\b"#
        (glued.literals, glued.alsoRequires, glued.literalPrefixes, glued.valueFrom) = (["min"], [], nil, nil)
        (glued.reach, glued.reachAfter, glued.gatesOnNote) = (10, 0, false)
        let keyed = try CompiledRules(definitions: [glued])
        let (_, lost) = RuleExampleRunner.exportedCopiesLost(0, "20 min today", keyed, windowed: RuleMatcher(rules: keyed),
                                                             whole: RuleMatcher(rules: keyed, windowed: false), scratch)
        XCTAssertFalse(lost.isEmpty)
    }

    /// A tab or a no-break space between two words, as exports leave them, is a space to the
    /// rules: a pattern writes `[-\h]`, not `[- ]` (a literal space), and `\s` where a line may
    /// wrap. Every match example still matches with each single space between two letters made
    /// a tab, but for those whose pattern needs a line's own spacing (a table's columns, a
    /// one-space field separator); the count is pinned so that no new pattern writes `[- ]`.
    func testTabsBetweenWordsKeepExamplesMatching() throws {
        let rules = try Repo.lexiconSet().compiled
        let scratch = MatchScratch(maxCaptures: rules.maxCaptures)
        var lost: [String] = []
        var tried = 0
        for rule in rules.rules {
            for source in rule.definition.examples.match {
                let plain = Array(ExampleText(parsing: source).text.utf8)
                var tabbed = plain
                for k in tabbed.indices.dropFirst().dropLast() where tabbed[k] == 32 && Self.isLetter(plain[k - 1]) && Self.isLetter(plain[k + 1]) {
                    tabbed[k] = 9
                }
                if tabbed == plain { continue }
                tried += 1
                var found = false
                _ = tabbed.withUnsafeBufferPointer { buf in try? rule.pattern.forEachMatch(in: buf, scratch: scratch) { _ in found = true } }
                if !found { lost.append(rule.definition.id) }
            }
        }
        XCTAssertGreaterThan(tried, 7_000)
        XCTAssertLessThanOrEqual(lost.count, Self.examplesLostToTabs, "\(Set(lost).sorted())")
    }

    // 79 when 417 patterns wrote `[- ]`; six rules left (`[\w/&+ -]` classes, `[ ]` columns). Counted
    // in examples: patient_location.key_named_site's value ends at a tab (a table's next column),
    // so each example it gains counts (s41: three, 26 -> 29; the same six rules). s59: 27, five rules
    // (provider_location.ticked's place now takes any blank between its words).
    static let examplesLostToTabs = 27

    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }
}

/// Whether a pattern uses `^` as an anchor (not as a negated class).
func anchorsAtLineStart(_ pattern: String) -> Bool {
    let chars = Array(pattern)
    for i in chars.indices where chars[i] == "^" {
        if i == 0 || (chars[i - 1] != "[" && chars[i - 1] != "\\") { return true }
    }
    return false
}

/// Strict loading: unknown keys, unknown categories and bad patterns name the file and rule.
final class RuleLoaderTests: XCTestCase {
    func load(_ yaml: String, folder: String = "rules") throws -> [RuleDefinition] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("telescan-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(folder), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try yaml.write(to: dir.appendingPathComponent("\(folder)/bad.yaml"), atomically: true, encoding: .utf8)
        let defs = try RuleFileLoader.loadRules(root: dir.path, lists: ["credentials": ["MD"]])
        _ = try CompiledRules(definitions: defs)
        return defs
    }

    func assertLoadError(_ yaml: String, contains parts: [String], folder: String = "rules", file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try load(yaml, folder: folder), file: file, line: line) { error in
            let text = "\(error)"
            for p in parts { XCTAssertTrue(text.contains(p), "\(text) lacks \(p)", file: file, line: line) }
        }
    }

    let ok = """
    rules:
      - id: t.one
        category: consent
        phrases: [consent obtained]
        examples: {match: ["⟦consent obtained⟧"], no_match: ["nothing"]}
    """

    func testValidFileLoads() throws {
        XCTAssertEqual(try load(ok).map(\.id), ["t.one"])
    }

    func testUnknownKeyIsNamed() {
        assertLoadError(ok + "\n    colour: red", contains: ["rules/bad.yaml", "t.one", "unknown key 'colour'"])
    }

    func testUnknownCategoryIsNamed() {
        assertLoadError(ok.replacingOccurrences(of: "category: consent", with: "category: consnet"),
                        contains: ["rules/bad.yaml", "t.one", "unknown category 'consnet'"])
    }

    func testInvalidPatternCarriesPCRE2Message() {
        let bad = ok.replacingOccurrences(of: "phrases: [consent obtained]", with: "pattern: 'consent (obtained'")
        assertLoadError(bad, contains: ["rules/bad.yaml", "t.one", "missing closing parenthesis", "offset"])
    }

    func testMissingExamplesAreAnError() {
        let bad = ok.replacingOccurrences(of: #"examples: {match: ["⟦consent obtained⟧"], no_match: ["nothing"]}"#, with: #"examples: {match: ["⟦consent obtained⟧"]}"#)
        assertLoadError(bad, contains: ["t.one", "no_match"])
    }

    func testUnknownListIsNamed() {
        let bad = ok.replacingOccurrences(of: "phrases: [consent obtained]", with: "pattern: 'by {{doctors}}'")
        assertLoadError(bad, contains: ["t.one", "unknown list '{{doctors}}'"])
    }

    func testReachPhrasesNeedsListLiterals() throws {
        let listLed = ok.replacingOccurrences(of: "phrases: [consent obtained]", with: "pattern: '{{credentials}}'\n    literals: [\"{{credentials}}\"]\n    reach: phrases")
            .replacingOccurrences(of: "⟦consent obtained⟧", with: "⟦MD⟧")
        let rule = try XCTUnwrap(try load(listLed).first)
        XCTAssertNil(rule.reach)
        XCTAssertEqual(rule.literals, ["md"])
        XCTAssertEqual(rule.literalPrefixes, [0])
        assertLoadError(listLed.replacingOccurrences(of: #"literals: ["{{credentials}}"]"#, with: "literals: [consent]"),
                        contains: ["t.one", "'reach: phrases' needs literals that are all lists", "'consent'"])
    }

    func testAppliesToAndNotAppliesToExcludeEachOther() throws {
        let ctx = """
        rules:
          - id: c.one
            category: negation
            phrases: [declined]
            not_applies_to: [patient_status]
            examples: {match: ["⟦declined⟧"], no_match: ["nothing"]}
        """
        XCTAssertEqual(try load(ctx, folder: "context").first?.notAppliesTo, [.patientStatus])
        assertLoadError(ctx + "\n    applies_to: [modality]", contains: ["c.one", "not both"], folder: "context")
    }

    func testScopeIsUnitOrBlockForContextRulesOnly() throws {
        let ctx = """
        rules:
          - id: c.block
            category: historical
            scope: block
            pattern: '^copied forward:$'
            literals: [copied]
            examples: {match: ["⟦copied forward:⟧"], no_match: ["nothing"]}
        """
        XCTAssertEqual(try load(ctx, folder: "context").first?.blockScope, true)
        assertLoadError(ctx.replacingOccurrences(of: "scope: block", with: "scope: page"), contains: ["c.block", "unknown scope 'page'"], folder: "context")
        assertLoadError(ok + "\n    scope: block", contains: ["t.one", "'scope' is for context rules only"])
    }

    /// A scan loads the rules without their examples (dropped before parsing): the rules must be
    /// the same, field for field, as when the examples are read.
    func testRulesLoadedWithoutExamplesAreTheSameRules() throws {
        let root = Repo.lexicons
        let lists = try RuleFileLoader.loadLists(root: root)
        let full = try RuleFileLoader.loadRules(root: root, lists: lists)
        let lean = try RuleFileLoader.loadRules(root: root, lists: lists, examples: false)
        XCTAssertEqual(full.map(\.id), lean.map(\.id))
        for (a, b) in zip(full, lean) {
            XCTAssertEqual(a.patternSource, b.patternSource, a.id)
            XCTAssertEqual(a.literals, b.literals, a.id)
            XCTAssertEqual(a.alsoRequires, b.alsoRequires, a.id)
            XCTAssertEqual(a.reach, b.reach, a.id)
            XCTAssertEqual(a.reachAfter, b.reachAfter, a.id)
            XCTAssertEqual(a.literalPrefixes, b.literalPrefixes, a.id)
            XCTAssertEqual(a.value, b.value, a.id)
            XCTAssertEqual(a.priority, b.priority, a.id)
            XCTAssertEqual(a.blockScope, b.blockScope, a.id)
            XCTAssertTrue(b.examples.match.isEmpty && b.examples.noMatch.isEmpty, a.id)
            XCTAssertFalse(a.examples.match.isEmpty, a.id)
        }
    }

    func testDroppingAKeyKeepsTheRestOfTheYAML() throws {
        let yaml = "rules:\r\n  - id: a\r\n    examples:\r\n      match: [\"x\",\r\n        \"y\"]\r\n\r\n      no_match: [z]\r\n    priority: 2\r\n  - id: b\r\n    examples: {match: [q], no_match: [r]}\r\n    value: v\r\n"
        let kept = String(decoding: YAMLFields.dropping(key: "examples", from: Array(yaml.utf8)), as: UTF8.self)
        XCTAssertEqual(kept, "rules:\r\n  - id: a\r\n    priority: 2\r\n  - id: b\r\n    value: v\r\n")
    }

    /// YAML lets a quoted example or a flow list go on at the start of a line: the dropped
    /// entry runs to where it closes, however indented (the rest once failed a scan with
    /// "mapping values are not allowed" while `rules check` read the file). A quote, bracket or
    /// block scalar inside text opens nothing.
    func testDroppingAKeyFollowsQuotesAndFlowListsOntoLessIndentedLines() throws {
        let cases: [(String, String)] = [
            ("  - id: a\n    examples:\n      match: [\"Patient: at home\nDoctor: ok\"]\n      no_match: ['it''s\n: x']\n    value: v\n", "  - id: a\n    value: v\n"),
            ("  - id: a\n    examples: {match: [x,\ny: z], no_match: [q]}\n    value: v\n", "  - id: a\n    value: v\n"),
            ("  - id: a\n    examples:\n      match:\n        - Pt's [sic home\n        - |\n          \"quoted [ text\n    value: v\n", "  - id: a\n    value: v\n"),
            ("  - id: a\n    examples:\n      match: [a] # a \"comment\n    value: v\n", "  - id: a\n    value: v\n"),
        ]
        for (yaml, expected) in cases {
            XCTAssertEqual(String(decoding: YAMLFields.dropping(key: "examples", from: Array(yaml.utf8)), as: UTF8.self), expected, yaml)
        }
        // End to end: the scan's lean load reads the file `rules check` reads.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("telescan-yaml-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("r.yaml").path
        try "rules:\n  - id: t.a\n    category: time\n    pattern: 'x'\n    literals: [x]\n    examples:\n      match: [\"⟦x⟧ Patient: at\nDoctor: home\"]\n      no_match: [y]\n".write(toFile: file, atomically: true, encoding: .utf8)
        let full = try XCTUnwrap(YAMLFields.load(file: file, displayName: "r.yaml") as? [String: Any])
        let lean = try XCTUnwrap(YAMLFields.load(file: file, displayName: "r.yaml", skipping: "examples") as? [String: Any])
        XCTAssertEqual((full["rules"] as? [Any])?.count, 1)
        XCTAssertEqual(((lean["rules"] as? [Any])?.first as? [String: Any])?["id"] as? String, "t.a")
    }

    /// A phrase rule's second keys must be in every phrase: a phrase added without one would
    /// never wake the rule. A gate meant to change the findings is declared as such.
    func testEveryPhraseHoldsASecondKey() throws {
        let gated = ok.replacingOccurrences(of: "phrases: [consent obtained]", with: "phrases: [consent obtained, verbal consent given]\n    also_requires: [obtained, given]")
        XCTAssertEqual(try XCTUnwrap(try load(gated).first).alsoRequires, ["given", "obtained"])
        let ungated = gated.replacingOccurrences(of: "verbal consent given", with: "verbal consent documented")
        assertLoadError(ungated, contains: ["t.one", "phrase 'verbal consent documented' holds none of 'also_requires'"])
        // A gate on the note, by design, is `note_requires`: the same prefilter keys, no promise.
        let noteGated = try XCTUnwrap(try load(ungated.replacingOccurrences(of: "also_requires:", with: "note_requires:")).first)
        XCTAssertEqual(noteGated.alsoRequires, ["given", "obtained"])
        assertLoadError(ungated.replacingOccurrences(of: "also_requires: [obtained, given]", with: "also_requires: [obtained]\n    note_requires: [telehealth]"),
                        contains: ["t.one", "has both 'also_requires' and 'note_requires'"])
    }

    /// A pattern's second keys must lie in each match too, which only running its examples can
    /// tell: "Interactive communication: 22 min" matched in an "RPM" note whatever its keys said,
    /// a gate on the note. Masking the keys must make every match go; `note_requires` says that
    /// the gate is meant. Literals likewise.
    func testEachExampleMatchHoldsItsKeys() throws {
        func failures(_ keys: String) throws -> [String] {
            let yaml = """
            rules:
              - id: t.gate
                category: time
                pattern: '\\b(?<minutes>\\d+)\\s*min\\b'
                literals: ['*min']
            \(keys)
                examples: {match: ["RPM. ⟦22 min⟧"], no_match: ["nothing"]}
            """
            return RuleExampleRunner.run(try CompiledRules(definitions: try load(yaml))).failures.map(\.problem)
        }
        let gate = try failures("    also_requires: [rpm]")
        XCTAssertEqual(gate.count, 1)
        XCTAssertTrue(gate.first?.contains("with every one of its also_requires [\"rpm\"] masked") == true, "\(gate)")
        XCTAssertEqual(try failures("    note_requires: [rpm]"), [])
        XCTAssertEqual(try failures(""), [])
        // A literal that only stands beside the match (a pattern of the number alone) is caught too.
        let literalOutside = try load("""
            rules:
              - id: t.beside
                category: time
                pattern: '\\b(?<minutes>\\d+)\\b'
                literals: [min]
                examples: {match: ["⟦22⟧ min"], no_match: ["nothing"]}
            """)
        let problems = RuleExampleRunner.run(try CompiledRules(definitions: literalOutside)).failures.map(\.problem)
        XCTAssertTrue(problems.contains { $0.contains("with every one of its literals [\"min\"] masked") }, "\(problems)")
    }

    /// A YAML flow list whose opening quote was lost (`["a.", ⟦b⟧ c."]`) still parses, the
    /// example then ending in a quote it never opened: `rules check` names it.
    func testAnExampleThatLostItsOpeningQuoteIsNamed() throws {
        let glued = try load("""
            rules:
              - id: t.quote
                category: time
                pattern: '\\b(?<minutes>\\d+)\\s*min\\b'
                literals: ['*min']
                examples: {match: ["RPM. ⟦22 min⟧", ⟦5 min⟧ today."], no_match: ["nothing", Total 5'8"]}
            """)
        let problems = RuleExampleRunner.run(try CompiledRules(definitions: glued)).failures
        XCTAssertEqual(problems.map(\.example), ["⟦5 min⟧ today.\""], "\(problems)")
        XCTAssertTrue(problems.first?.problem.contains("lost opening quote") == true)
    }

    /// With `(?J)` each alternative may name its own `span`: the evidence is the one that took
    /// part, in the matcher and in the example runner alike (the first-numbered group alone left
    /// the second alternative's evidence the whole match).
    func testASpanNamedInEachAlternativeNarrowsEither() throws {
        let defs = try load("""
            rules:
              - id: t.two_spans
                category: consent
                value: documented
                pattern: '(?J)consent:\\s*(?<span>yes)|(?:agreed)\\s+(?<span>ok)'
                literals: [consent, agreed]
                examples: {match: ["consent: ⟦yes⟧", "agreed ⟦ok⟧"], no_match: ["nothing"]}
            """)
        let compiled = try CompiledRules(definitions: defs)
        XCTAssertEqual(RuleExampleRunner.run(compiled).failures.map(\.problem), [])
        let hits = try XCTUnwrap(RuleMatcher(rules: compiled).matchRule(0, in: "we agreed ok"))
        XCTAssertEqual(hits.map(\.span), [10..<12])
    }

    func testContextRuleNeedsContextCategory() {
        assertLoadError(ok, contains: ["context/bad.yaml", "unknown category 'consent'"], folder: "context")
    }
}
