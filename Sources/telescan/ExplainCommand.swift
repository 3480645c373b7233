import ArgumentParser
import Foundation
import TelescanCore
import TelescanReport

/// `telescan explain`: the same scan, printed for a person with every decision's evidence and rule.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain each note's decisions: the evidence quoted and the rule and threshold behind each.",
        discussion: "Reads the same inputs as scan. Output is for people and may change between versions; scripts should use 'scan'."
    )

    @Argument(help: "Files or folders of notes; none or '-' reads standard input.")
    var paths: [String] = []

    @OptionGroup(title: "Input") var input: InputOptionsGroup
    @OptionGroup(title: "Profile") var profile: ProfileOptionsGroup
    @OptionGroup(title: "Output") var report: ReportOptionsGroup
    @OptionGroup(title: "Engine") var engine: EngineOptionsGroup

    func run() throws {
        let observer = try report.makeObserver()
        let printer = ExplainPrinter(options: report.printerOptions(terminal: .current))
        try ScanJob.run(paths: paths, input: input, profile: profile, engine: engine,
                        keepFindings: true, printer: printer, observer: observer)
        let status = try report.finish(observer)
        if status != 0 { throw ExitCode(status) }
    }
}
