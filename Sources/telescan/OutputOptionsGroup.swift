import ArgumentParser
import TelescanCore
import TelescanReport

/// Options that choose what is printed and how the run's exit status is decided.
struct OutputOptionsGroup: ParsableArguments {
    @Option(name: .customLong("format"), help: "Output format: jsonl.")
    var format: String = "jsonl"

    @Flag(name: .customLong("no-quotes"), help: "Leave quoted note text out of the evidence (offsets stay).")
    var noQuotes = false

    @Flag(name: .customLong("include-text"), help: "Add the full note text to each record.")
    var includeText = false

    func validate() throws {
        if format != "jsonl" { throw ValidationError("unknown --format '\(format)' (allowed: jsonl)") }
    }

    func makePrinter() -> any ResultPrinter {
        JSONLinesPrinter(options: OutputOptions(noQuotes: noQuotes, includeText: includeText))
    }

    /// Called for each result in input order (counts for a summary, `--fail-on`).
    func makeObserver() -> RunObserver { RunObserver() }

    /// After the run: writes any summary and returns the exit status.
    func finish(_ observer: RunObserver) throws -> Int32 { 0 }
}

/// Collects what the run saw, in input order.
final class RunObserver {
    var notes = 0
    func observe(_ r: NoteResult) { notes += 1 }
}
