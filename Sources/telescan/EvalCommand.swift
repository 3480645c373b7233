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

    @Flag(name: .customLong("quiet-disagreements"), help: "Do not list the notes that disagree with the gold.")
    var quietDisagreements = false

    func run() throws {
        let lex = try LexiconLoading.load(lexicons)
        let golds = try GoldRecord.load(path: gold)
        let notes = paths.isEmpty ? [((gold as NSString).deletingLastPathComponent as NSString).appendingPathComponent("notes")] : paths
        let eval = try GoldEvaluator(lexicons: lex, date: date).run(golds: golds, paths: notes, options: input.makeInputOptions())
        print(eval.report(showDisagreements: !quietDisagreements), terminator: "")
        if let minF1, eval.minimumF1 < minF1 { throw ExitCode(1) }
    }
}
