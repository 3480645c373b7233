import TelescanCore

/// The formats `--format` accepts, and the printer for each.
public enum OutputFormat: String, CaseIterable, Sendable {
    case jsonl, json, csv, text, html

    /// - Parameter summary: the run's counts, which the `html` footer shows; it is read only
    ///   by `footer()`, after every result has been observed.
    public func makePrinter(options: OutputOptions, summary: RunSummary? = nil) -> any ResultPrinter {
        switch self {
        case .jsonl: return JSONLinesPrinter(options: options)
        case .json: return JSONArrayPrinter(options: options)
        case .csv: return CSVPrinter(options: options)
        case .text: return TextPrinter(options: options)
        case .html: return HTMLPrinter(options: options, summary: summary)
        }
    }
}
