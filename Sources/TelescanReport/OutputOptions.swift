/// What printers include beyond the contract's defaults, and how they look.
/// Everything a printer needs is decided before the run and passed in here, so `render` stays
/// pure: printers never look at the terminal or the environment themselves.
public struct OutputOptions: Sendable {
    /// Leave quoted note text out of evidence (offsets stay). Applies to every printer.
    public var noQuotes = false
    /// Add the full note text to each record.
    public var includeText = false
    /// ANSI colour in the `text` and `explain` printers (the command line decides: a terminal,
    /// and `NO_COLOR` not set).
    public var color = false
    /// Start CSV output with a UTF-8 byte order mark.
    public var csvBOM = false

    public init(noQuotes: Bool = false, includeText: Bool = false, color: Bool = false, csvBOM: Bool = false) {
        self.noQuotes = noQuotes
        self.includeText = includeText
        self.color = color
        self.csvBOM = csvBOM
    }
}
