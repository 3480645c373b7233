/// The shared, read-only part of a scan: compiled rules, text-layer data, resolvers and the
/// decider for the chosen profile. Built once per process; workers each make a `NoteScanner`.
public final class ScanEngine: @unchecked Sendable {
    public let lexicons: LexiconSet
    public let splitter: SentenceSplitter
    /// Swapped neighbouring letters in the words the rules read, put back before matching.
    public let transpositions: TranspositionRepair
    /// A scanned note's OCR slips ("Tota1 time: 2O minutes") put back before matching.
    public let ocrSlips: OCRSlipRepair
    public let lineEndHyphens: LineEndHyphens
    /// Line breaks inside a statement ("25\nminutes", "Ambrose,\nPA-C") read as spaces.
    public let softBreaks: SoftBreaks
    /// A note in capitals read in title case, credentials kept.
    public let capitals: CapitalsCasing
    /// A note in lower case read with its clinicians' names and credentials in capitals.
    public let lowerCaseNames: LowerCaseNames
    /// A speech-recognition dictation read with its said marks as marks, spelled letters joined.
    public let dictation: SpokenDictation
    /// A note whose line breaks were removed, read with breaks before its labels and signature.
    public let flattened: FlattenedNoteBreaks
    public let context = ContextEngine()
    public let resolver: ElementResolver
    public let classifier: ServiceClassifier
    public let decider: Decider
    /// Service date used when a record carries none (`--date`, else today).
    public let defaultDate: String
    /// Keep all findings and the decision's texts (explanations, each code's rule and reason)
    /// on each result, for `explain` and debugging; other outputs show neither.
    public let keepFindings: Bool

    public init(lexicons: LexiconSet, decider: Decider, defaultDate: String, keepFindings: Bool = false) {
        self.lexicons = lexicons
        self.splitter = SentenceSplitter(lexicons: lexicons)
        self.transpositions = TranspositionRepair(words: lexicons.list("typo_targets"))
        // The words the rules read, which a scanned or hard-wrapped note may break: one list for
        // both repairs.
        let readWords = lexicons.list("typo_targets") + lexicons.list("ocr_slip_words")
        self.ocrSlips = OCRSlipRepair(words: readWords)
        self.lineEndHyphens = LineEndHyphens(words: readWords)
        self.softBreaks = SoftBreaks(wrapEnds: lexicons.list("wrap_end_words"), breakWords: lexicons.list("soft_break_words"),
                                     credentials: lexicons.list("credentials") + lexicons.list("staff_credentials"))
        self.capitals = CapitalsCasing(keeping: lexicons.list("credentials") + lexicons.list("staff_credentials"),
                                       lowering: lexicons.list("capitals_lower_words"))
        self.lowerCaseNames = LowerCaseNames(credentials: lexicons.list("credentials") + lexicons.list("staff_credentials"))
        self.dictation = SpokenDictation(credentials: lexicons.list("credentials") + lexicons.list("staff_credentials"))
        self.flattened = FlattenedNoteBreaks(credentials: lexicons.list("credentials") + lexicons.list("staff_credentials"))
        self.resolver = ElementResolver(credentials: lexicons.list("credentials"), staffCredentials: lexicons.list("staff_credentials"))
        self.classifier = ServiceClassifier(staffCredentials: lexicons.list("staff_credentials"),
                                            staffCallCredentials: lexicons.list("staff_call_credentials"))
        self.decider = decider
        self.defaultDate = defaultDate
        self.keepFindings = keepFindings
    }
}
