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

    @Option(name: .customLong("lexicons"), help: "Use the rule data in this folder instead of the bundled one.")
    var lexicons: String?

    @Option(name: [.customShort("j"), .customLong("jobs")], help: "Worker threads (default: all cores).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let lex = try LexiconLoading.load(lexicons)
        let engine = ScanEngine(lexicons: lex, decider: try profile.makeDecider(lexicons: lex),
                                defaultDate: profile.serviceDate)
        var reader = InputChain(paths: paths, options: input.makeInputOptions())
        let printer = output.makePrinter()
        let observer = output.makeObserver()
        let out = OutputStream.standardOutput
        do {
            try ScanRunner(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
                .run(reader: &reader, engine: engine, printer: printer,
                     write: { try out.write($0) }, observe: { observer.observe($0) })
            try out.flush()
        } catch let e as InputError {
            try? out.flush()
            throw Failure(e.message)
        }
        let status = try output.finish(observer)
        if status != 0 { throw ExitCode(status) }
    }
}

/// Loads the rule data once, with a message that names the file and rule on failure.
enum LexiconLoading {
    static func load(_ explicit: String?) throws -> LexiconSet {
        let root = LexiconLocator.locate(explicit)
        do { return try LexiconSet(root: root) } catch { throw Failure("rule data: \(error)") }
    }
}
