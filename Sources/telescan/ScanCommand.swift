import ArgumentParser
import Foundation
import TelescanCore
import TelescanReport

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan notes and print one record per note."
    )

    @Argument(help: "Files or folders of notes; none or '-' reads standard input.")
    var paths: [String] = []

    @OptionGroup(title: "Input") var input: InputOptionsGroup
    @OptionGroup(title: "Profile") var profile: ProfileOptionsGroup
    @OptionGroup(title: "Output") var output: OutputOptionsGroup
    @OptionGroup(title: "Engine") var engine: EngineOptionsGroup

    func run() throws {
        let observer = try output.makeObserver()
        let printer = output.makePrinter(summary: observer.summary)
        try ScanJob.run(paths: paths, input: input, profile: profile, engine: engine,
                        keepFindings: output.needsFindings, printer: printer, observer: observer)
        let status = try output.finish(observer)
        if status != 0 { throw ExitCode(status) }
    }
}

/// Loads the rule data once, with a message that names the file and rule on failure.
enum LexiconLoading {
    /// - Parameter examples: read the rules' examples (only `rules check` runs them).
    static func load(_ explicit: String?, examples: Bool = false) throws -> LexiconSet {
        try load(root: LexiconLocator.locate(explicit), examples: examples)
    }

    /// - Parameter compileAll: false for a scan (patterns compile on first use).
    /// - Parameter cache: the rule cache (a scan without `--no-cache`).
    static func load(root: String, examples: Bool = false, compileAll: Bool = true, cache: RuleCache? = nil) throws -> LexiconSet {
        do { return try LexiconSet(root: root, examples: examples, compileAll: compileAll, cache: cache) } catch { throw Failure("rule data: \(error)") }
    }
}
