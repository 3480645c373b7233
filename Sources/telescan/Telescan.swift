import ArgumentParser
import Foundation

@main
struct Telescan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "telescan",
        abstract: "Check telemedicine notes for what a telehealth claim needs, and suggest codes.",
        discussion: "Exit status: 0 the run completed; 1 with --fail-on when such a note was seen; 2 usage or I/O error.",
        subcommands: [ScanCommand.self, ExplainCommand.self, EvalCommand.self, ContextCommand.self, RulesCommand.self],
        defaultSubcommand: ScanCommand.self
    )

    /// Usage errors exit 2 (not ArgumentParser's 64), as the README documents.
    static func main() {
        Preload.start(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot()
            try command.run()
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

/// A failure the commands report themselves: printed as `telescan: message`, exit 2.
struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
