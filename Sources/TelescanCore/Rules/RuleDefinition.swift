import TelescanPCRE2

/// One rule as written in a rule file: the shape shared by target rules (elements) and
/// context rules (triggers). Phrase lists and patterns both compile to one PCRE2 pattern.
public struct RuleDefinition: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case target(Element), context(ContextCategory) }

    public var id: String
    public var kind: Kind
    public var file: String
    /// The PCRE2 pattern source after list expansion (phrases are compiled to a pattern too).
    public var patternSource: String
    /// Lower-case ASCII literals, one of which every match must contain (the prefilter's keys).
    /// Empty: the rule runs on every note.
    public var literals: [String]
    /// A second key set: the rule also needs one of these in the note (a rule that needs a
    /// number of minutes *and* a word like "total" wakes far less often than on either alone).
    public var alsoRequires: [String]
    /// `note_requires`: the second key set is a gate on the note (a word it must hold anywhere),
    /// not, as `also_requires` promises, a word every match holds.
    public var gatesOnNote = false
    /// Every match starts within this many bytes of one of the rule's literals (before its
    /// start or after its end): the rule then runs only in those windows of a note, not over
    /// all of it. Nil: the whole note.
    public var reach: Int? = nil
    /// How far after a literal's end a match can still start (nil: `reach`); 0 when the
    /// literal always lies inside the match, as it must: the window then ends at the literal.
    public var reachAfter: Int? = nil
    /// Phrase rules keyed on their own words: per literal (same order as `literals`), the most
    /// bytes (other than whitespace) its own phrases have before it, so a match starts at most
    /// that far before an occurrence of that key (a key that starts all its phrases gets a
    /// window of one start). Computed, never written.
    public var literalPrefixes: [Int]? = nil
    /// The most of `literalPrefixes`: how far before any key a match of the rule can start.
    public var phrasePrefix: Int? { literalPrefixes?.max() }
    public var value: String?
    /// Name of a capture whose text, looked up in `values`, gives the value.
    public var valueFrom: String?
    public var values: [String: String]
    /// Fixed attributes merged into the finding's captures (e.g. `by: guardian`).
    public var set: [String: String]
    public var priority: Int
    /// Context categories that do not apply to this rule's findings.
    public var ignoreContext: Set<ContextCategory>
    // Context rules only.
    public var direction: ContextDirection
    public var window: Int?
    public var appliesTo: Set<Element>?
    /// Elements the rule never applies to (`not_applies_to`); a bare concept (no element) is
    /// still covered.
    public var notAppliesTo: Set<Element>? = nil
    /// `scope: block` (context rules): the trigger is a line of its own ("--- Previous note
    /// (05/02/2026), copied forward ---") and covers the lines after it up to the next blank
    /// line, not only its own sentence. Such rules are looked for over the whole note.
    public var blockScope = false
    /// `scope: paragraph` (context rules, with `blockScope`): the trigger covers the whole
    /// paragraph it stands in, before it as well as after (a retraction at the end of a pasted
    /// attestation: "(Template text; today's visit was face to face.)").
    public var paragraphScope = false
    /// `scope: previous_line` (context rules, with `blockScope`): the trigger covers the line
    /// before its own, and nothing after it (a clinician's correction under an ambient draft's
    /// value: "Patient location (AI-inferred): home\n>> Correction by clinician: Wrong - ...").
    public var previousLineScope = false
    public var terminatedBy: Set<ContextCategory>
    public var examples: RuleExamples
    public var description: String?
}

/// Texts a rule must match (with the expected evidence marked `⟦…⟧`) and texts it must not.
public struct RuleExamples: Sendable, Equatable {
    public var match: [String]
    public var noMatch: [String]
}
