import Foundation
import TelescanCore

/// Start-up overlap: a scan's bundled rules and default profile start loading on their own
/// threads before the arguments are parsed (ArgumentParser's reflection takes several
/// milliseconds). `ScanJob` uses them only when the parsed options ask for exactly that rule
/// folder and profile; otherwise they are dropped, and `--help` or other commands never wait.
enum Preload {
    nonisolated(unsafe) private(set) static var root: String?
    /// Whether the arguments asked for `--no-cache` (the preloaded rules then skipped the cache).
    nonisolated(unsafe) private(set) static var noCache = false
    nonisolated(unsafe) private(set) static var lexicons: BackgroundValue<LexiconSet, Error>?
    nonisolated(unsafe) private(set) static var cptDecider: BackgroundValue<Decider, Error>?

    /// Called first thing in `main`, with the raw arguments (program name dropped).
    static func start(_ args: [String]) {
        // Only a scan (the default subcommand) or explain, with the bundled rules.
        if let first = args.first, !first.hasPrefix("-"), first != "scan", first != "explain" { return }
        if args.contains(where: { $0 == "-h" || $0 == "--help" || $0 == "--version" || $0.hasPrefix("--lexicons") }) { return }
        let root = LexiconLocator.locate(nil)
        self.root = root
        noCache = args.contains("--no-cache")
        let cache = noCache ? nil : RuleCache.default
        lexicons = BackgroundValue { () throws -> LexiconSet in try LexiconSet(root: root, examples: false, compileAll: false, cache: cache) }
        if !args.contains(where: { $0.hasPrefix("--profile") }) {
            cptDecider = BackgroundValue { () throws -> Decider in
                defer { StartupProfile.mark("payer profile loaded") }
                return try Decider.builtin("cpt", lexiconsRoot: root)
            }
        }
    }
}
