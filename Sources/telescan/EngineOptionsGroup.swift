import ArgumentParser
import Foundation
import TelescanCore
import TelescanReport

/// Options that say which rule data to use and how many threads scan: shared by `scan` and `explain`.
struct EngineOptionsGroup: ParsableArguments {
    @Option(name: .customLong("lexicons"), help: "Use the rule data in this folder instead of the bundled one.")
    var lexicons: String?

    @Option(name: [.customShort("j", allowingJoined: true), .customLong("jobs")], help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Flag(name: .customLong("no-cache"), help: ArgumentHelp(
        "Load the rule data from its YAML files without the rule cache.",
        discussion: "The cache (in $TELESCAN_CACHE_DIR, else $XDG_CACHE_HOME/telescan or ~/.cache/telescan) holds the loaded rules of each Lexicons folder, never note text, and is rebuilt whenever a rule file or the binary changes."))
    var noCache = false

    @Flag(name: [.customShort("q"), .customLong("quiet")], help: "No progress line on standard error (it is shown only on a terminal anyway).")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}

/// One scan, as `scan` and `explain` run it: read the inputs, scan in parallel, write the
/// printer's bytes to standard output in input order, feed the observer, finish.
enum ScanJob {
    static func run(paths: [String], input: InputOptionsGroup, profile: ProfileOptionsGroup,
                    engine options: EngineOptionsGroup, keepFindings: Bool,
                    printer: any ResultPrinter, observer: RunObserver) throws {
        // The payer profile loads on a second thread while the rules load: start-up is paid
        // on every call in a shell pipeline.
        let root = LexiconLocator.locate(options.lexicons)
        let preloaded = root == Preload.root
        let decider: BackgroundValue<Decider, Error>
        if preloaded, profile.profileFile == nil, (profile.profile ?? "cpt") == "cpt", let pre = Preload.cptDecider {
            decider = BackgroundValue { () throws -> Decider in
                do { return try pre.value() } catch { throw Failure("profile: \(error)") }
            }
        } else {
            decider = BackgroundValue { () throws -> Decider in try profile.makeDecider(lexiconsRoot: root) }
        }
        let lex: LexiconSet
        // The preloaded rules serve when they were loaded as asked: with the cache, or without
        // it for --no-cache (with no cache folder at all, both ways load the YAML).
        if preloaded, Preload.noCache == options.noCache, let pre = Preload.lexicons {
            do { lex = try pre.value() } catch { throw Failure("rule data: \(error)") }
        } else {
            lex = try LexiconLoading.load(root: root, compileAll: false, cache: options.noCache ? nil : RuleCache.default)
        }
        StartupProfile.mark("rules ready for the scan")
        let engine = ScanEngine(lexicons: lex, decider: try decider.value(),
                                defaultDate: profile.serviceDate, keepFindings: keepFindings)
        var reader = InputChain(paths: paths, options: input.makeInputOptions())
        let out = OutputStream.standardOutput
        observer.progress = ProgressLine.make(totalBytes: reader.totalBytes, quiet: options.quiet)
        defer { observer.progress?.finish() }
        do {
            try ScanRunner(jobs: options.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
                .run(reader: &reader, engine: engine, printer: printer,
                     write: { try out.write($0) }, observe: { observer.observe($0) })
            try out.flush()
            observer.summary.skipped = reader.stats.skippedResources
        } catch let e as InputError {
            try? out.flush()
            throw Failure(e.message)
        } catch let e as RuleLoadError {
            try? out.flush()
            throw Failure("rule data: \(e)")
        }
    }
}
