import ArgumentParser
import Foundation
import TelescanCore

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Work with the rule data.",
        subcommands: [RulesCheckCommand.self]
    )
}

struct RulesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load every rule and profile file, run every example, and check the code tables."
    )

    @Argument(help: "The Lexicons folder to check (default: the bundled one).")
    var directory: String?

    @Option(name: .customLong("lexicons"), help: ArgumentHelp("The Lexicons folder to check, as `scan --lexicons` takes it.", valueName: "dir"))
    var lexicons: String?

    func validate() throws {
        if let lexicons, let directory, lexicons != directory {
            throw ValidationError("give the Lexicons folder once: '\(directory)' and --lexicons '\(lexicons)' differ")
        }
    }

    @Option(name: .customLong("profile-file"), help: "Also check this user profile file (repeatable).")
    var profileFiles: [String] = []

    @Flag(name: .customLong("show-literals"), help: "List each rule's prefilter literals (to spot keys that wake a rule on every note).")
    var showLiterals = false

    func run() throws {
        let lex = try LexiconLoading.load(lexicons ?? directory, examples: true)
        if showLiterals {
            for d in lex.definitions { print("\(d.id): \(d.literals.isEmpty ? "(none: runs on every note)" : d.literals.joined(separator: " | "))"
                      + (d.alsoRequires.isEmpty ? "" : " AND " + d.alsoRequires.joined(separator: " | "))) }
        }
        var problems: [String] = []
        if lex.definitions.isEmpty {
            // A wrong folder must not pass as "0 problems".
            problems.append("\(lex.root): no rules (expected rules/*.yaml and context/*.yaml)")
        }
        let (checked, _, failures) = RuleExampleRunner.run(lex.compiled)
        problems += failures.map(\.description)
        let profiles = ProfileChecker.checkFolder(lexiconsRoot: lex.root)
        problems += profiles.problems.map(\.description)
        for file in profileFiles {
            do { problems += ProfileChecker.check(try ProfileLoader.load(file: file)).map(\.description) } catch {
                problems.append(error.description)
            }
        }
        for p in problems { FileHandle.standardError.write(Data((p + "\n").utf8)) }
        print("\(lex.definitions.count) rules, \(checked) examples checked, \(profiles.profiles + profileFiles.count) profiles checked, \(problems.count) problems")
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
