import ArgumentParser
import Foundation
import TelescanCore

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure telescan against gold labels: per-element precision, recall and F1, status and code accuracy.",
        subcommands: [],
        defaultSubcommand: nil
    )

    @Option(name: .customLong("gold"), help: "Gold file (JSON Lines, see Corpus/README.md).")
    var gold: String

    @Argument(help: "Notes to scan (files or folders; default: the notes folder beside the gold file).")
    var paths: [String] = []

    @OptionGroup(title: "Input") var input: InputOptionsGroup

    @Option(name: .customLong("date"), help: "Service date for notes whose input carries none (default 2026-06-15, the corpus gold's date).")
    var date: String = "2026-06-15"

    @Option(name: .customLong("lexicons"), help: "Use the rule data in this folder instead of the bundled one.")
    var lexicons: String?

    @Option(name: .customLong("min-f1"), help: "Exit 1 when any element's F1 is below this.")
    var minF1: Double?

    @Option(name: [.customShort("j"), .customLong("jobs")], help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Flag(name: .customLong("quiet-disagreements"), help: "Do not list the notes that disagree with the gold.")
    var quietDisagreements = false

    @Option(name: .customLong("findings"), help: ArgumentHelp("Print the findings of the note with this id (for rule authors).", visibility: .hidden))
    var findingsFor: String?

    func run() throws {
        let lex = try LexiconLoading.load(lexicons)
        if let findingsFor {
            let engine = ScanEngine(lexicons: lex, decider: try Decider.builtin("cpt", lexiconsRoot: lex.root), defaultDate: date, keepFindings: true)
            var reader = InputChain(paths: paths.isEmpty ? [((gold as NSString).deletingLastPathComponent as NSString).appendingPathComponent("notes")] : paths, options: input.makeInputOptions())
            let scanner = NoteScanner(engine: engine)
            while let rec = try reader.next() {
                if rec.id != findingsFor { continue }
                let r = scanner.scan(rec)
                for f in r.findings.sorted(by: { $0.span.lowerBound < $1.span.lowerBound }) {
                    let q = r.evidence(f.span).quote.replacingOccurrences(of: "\n", with: "⏎")
                    let ctx = f.modifiers.map { "\($0.category.rawValue):\($0.ruleID) '\(r.evidence($0.span).quote)'" }.joined(separator: ", ")
                    print("\(f.element.rawValue)=\(f.value ?? "-") [\(f.ruleID)] '\(q)' \(f.captures.isEmpty ? "" : "\(f.captures)") \(ctx.isEmpty ? "" : "VOID by " + ctx)")
                }
            }
            return
        }
        let golds = try GoldRecord.load(path: gold)
        let notes = paths.isEmpty ? [((gold as NSString).deletingLastPathComponent as NSString).appendingPathComponent("notes")] : paths
        var evaluator = GoldEvaluator(lexicons: lex, date: date)
        evaluator.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let eval = try evaluator.run(golds: golds, paths: notes, options: input.makeInputOptions())
        print(eval.report(showDisagreements: !quietDisagreements), terminator: "")
        if let minF1, eval.minimumF1 < minF1 { throw ExitCode(1) }
    }
}
