import ArgumentParser
import Foundation
import TelescanCore
import TelescanReport

/// Options that choose what `scan` prints, plus the run-report options it shares with `explain`.
struct OutputOptionsGroup: ParsableArguments {
    @Option(name: .customLong("format"), help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: text on a terminal, else jsonl).")
    var format: String?

    @Flag(name: .customLong("explain"), help: "Print each decision with its evidence and rule, for a person (as 'telescan explain').")
    var explain = false

    @Flag(name: .customLong("csv-bom"), help: "Start CSV output with a UTF-8 byte order mark (for spreadsheets that need one to see UTF-8).")
    var csvBOM = false

    @OptionGroup var report: ReportOptionsGroup

    func validate() throws {
        if let format, OutputFormat(rawValue: format) == nil {
            throw ValidationError("unknown --format '\(format)' (allowed: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if explain && format != nil { throw ValidationError("--explain prints its own format; leave out --format") }
    }

    /// The format in effect: `--format`, else `text` when standard output is a terminal, else `jsonl`.
    func resolvedFormat(stdoutIsTerminal: Bool) -> OutputFormat {
        format.flatMap(OutputFormat.init(rawValue:)) ?? (stdoutIsTerminal ? .text : .jsonl)
    }

    /// Whether the engine must keep every finding (the explain printer shows rule ids).
    var needsFindings: Bool { explain }

    func makePrinter(summary: RunSummary, terminal: Terminal = .current) -> any ResultPrinter {
        var options = report.printerOptions(terminal: terminal)
        options.csvBOM = csvBOM
        if explain { return ExplainPrinter(options: options) }
        return resolvedFormat(stdoutIsTerminal: terminal.stdoutIsTerminal).makePrinter(options: options, summary: summary)
    }

    func makeObserver() throws -> RunObserver { try report.makeObserver() }

    /// After the run: writes any summary and returns the exit status.
    func finish(_ observer: RunObserver) throws -> Int32 { try report.finish(observer) }
}

/// Options `scan` and `explain` share: what the evidence shows, colour, the run summary, and
/// when the run fails.
struct ReportOptionsGroup: ParsableArguments {
    @Flag(name: .customLong("no-quotes"), help: "Leave quoted note text out of the evidence (offsets stay).")
    var noQuotes = false

    @Flag(name: .customLong("include-text"), help: "Add the full note text to each record.")
    var includeText = false

    @Option(name: .customLong("color"), help: "Colour in text output: auto (a terminal), always, never. NO_COLOR turns it off.")
    var color: ColorChoice = .auto

    @Option(name: .customLong("summary"), help: ArgumentHelp("Write run counts and throughput to FILE ('-' for standard error).", valueName: "FILE"))
    var summary: String?

    @Option(name: .customLong("summary-format"), help: "Summary format: text or json.")
    var summaryFormat: SummaryFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a note with this status was seen: needs_query, error, or any (either).")
    var failOn: FailOn?

    func printerOptions(terminal: Terminal) -> OutputOptions {
        OutputOptions(noQuotes: noQuotes, includeText: includeText, color: color.enabled(terminal: terminal))
    }

    /// Opens the summary file now, so an unwritable path fails before the scan.
    func makeObserver() throws -> RunObserver {
        var sink: OutputStream?
        if let summary {
            if summary == "-" {
                sink = OutputStream(fd: 2)
            } else {
                let fd = open(summary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                if fd < 0 { throw Failure("cannot write summary to \(summary): \(String(cString: strerror(errno)))") }
                sink = OutputStream(fd: fd)
            }
        }
        return RunObserver(failOn: failOn, summarySink: sink, summaryFormat: summaryFormat)
    }

    func finish(_ observer: RunObserver) throws -> Int32 {
        observer.summary.stop()
        if let sink = observer.summarySink {
            let bytes = summaryFormat == .json ? observer.summary.renderJSON() : Array(observer.summary.renderText().utf8)
            defer { if sink.fd > 2 { close(sink.fd) } }
            do {
                try sink.write(bytes)
                try sink.flush()
            } catch {
                throw Failure("cannot write summary to \(summary ?? "-"): \(error)")
            }
        }
        return observer.failed ? 1 : 0
    }
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// `NO_COLOR` (set and not empty) always wins; `auto` needs a terminal on standard output.
    func enabled(terminal: Terminal) -> Bool {
        if terminal.noColor { return false }
        switch self {
        case .auto: return terminal.stdoutIsTerminal
        case .always: return true
        case .never: return false
        }
    }
}

enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--fail-on`: which statuses make the run exit 1.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case needsQuery = "needs_query"
    case error
    case any

    func matches(_ s: NoteStatus) -> Bool {
        switch self {
        case .needsQuery: return s == .needsQuery
        case .error: return s == .error
        case .any: return s == .needsQuery || s == .error
        }
    }
}

/// What the process knows about where its output goes, read once at start.
struct Terminal {
    var stdoutIsTerminal: Bool
    var noColor: Bool

    static var current: Terminal {
        let env = ProcessInfo.processInfo.environment["NO_COLOR"] ?? ""
        return Terminal(stdoutIsTerminal: isatty(1) != 0, noColor: !env.isEmpty)
    }
}

/// Collects what the run saw, in input order on the main thread: the summary counts and
/// whether a `--fail-on` status appeared.
final class RunObserver {
    let summary = RunSummary()
    let failOn: FailOn?
    let summarySink: OutputStream?
    let summaryFormat: SummaryFormat
    private(set) var failed = false
    /// The terminal progress line, when there is one.
    var progress: ProgressLine?

    init(failOn: FailOn? = nil, summarySink: OutputStream? = nil, summaryFormat: SummaryFormat = .text) {
        self.failOn = failOn
        self.summarySink = summarySink
        self.summaryFormat = summaryFormat
    }

    func observe(_ r: NoteResult) {
        summary.add(r)
        if let failOn, failOn.matches(r.status) { failed = true }
        progress?.update(summary)
    }
}
