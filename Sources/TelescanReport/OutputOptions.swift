/// What printers include beyond the contract's defaults.
public struct OutputOptions: Sendable {
    /// Leave quoted note text out of evidence (offsets stay).
    public var noQuotes = false
    /// Add the full note text to each record.
    public var includeText = false
    public init(noQuotes: Bool = false, includeText: Bool = false) {
        self.noQuotes = noQuotes
        self.includeText = includeText
    }
}
