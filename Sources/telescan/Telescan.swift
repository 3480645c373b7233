import ArgumentParser
import Foundation
import TelescanCore

@main
struct Telescan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "telescan",
        abstract: "Check telemedicine notes for what a telehealth claim needs, and suggest codes.",
        discussion: "Exit status: 0 the run completed; 1 with --fail-on when such a note was seen; 2 usage or I/O error.",
        version: Telescan.version,
        subcommands: [ScanCommand.self, ExplainCommand.self, EvalCommand.self, ContextCommand.self, RulesCommand.self],
        defaultSubcommand: ScanCommand.self
    )

    /// Usage errors exit 2 (not ArgumentParser's 64), as the README documents.
    static func main() {
        let args = Array(CommandLine.arguments.dropFirst())
        StartupProfile.begin()
        HeapTuning.fixMmapThreshold()
        Preload.start(args)
        do {
            var command = try scanFastPath(args) ?? parseAsRoot()
            StartupProfile.mark("arguments parsed")
            try command.run()
            StartupProfile.mark("run done")
            StartupProfile.report()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success { Self.exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .validationFailure || code.rawValue == 64 ? 2 : (code.rawValue == 1 ? 2 : code.rawValue))
        }
    }
}

extension Telescan {
    /// The release, printed by `telescan --version`.
    static let version = "0.5.0"

    /// A plain scan (`telescan [scan] [options] [paths]`, no help or completion flags) parses as
    /// `scan` alone: the root's parse also reflects over every subcommand and the completion
    /// generator, several milliseconds of every shell-pipeline call. Anything it cannot parse
    /// goes through the root parse, which reports the error as usual.
    static func scanFastPath(_ args: [String]) -> ParsableCommand? {
        var rest = args
        if rest.first == "scan" { rest.removeFirst() } else if let first = rest.first, !first.hasPrefix("-"),
            ["explain", "eval", "context", "rules", "help"].contains(first) { return nil }
        for a in rest where a == "-h" || a == "--help" || a == "--version" || a.hasPrefix("--generate-completion")
            || a.hasPrefix("--experimental") { return nil }
        return try? ScanCommand.parse(rest)
    }
}

/// A failure the commands report themselves: printed as `telescan: message`, exit 2.
struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
