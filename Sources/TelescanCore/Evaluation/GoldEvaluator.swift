/// Scans notes and compares them with gold records, under every built-in profile the gold
/// names. Shared by `telescan eval` and the test that enforces the corpus figures.
public struct GoldEvaluator {
    let lexicons: LexiconSet
    let date: String
    public var profiles: [String] = ["cpt", "medicare"]

    public init(lexicons: LexiconSet, date: String) {
        self.lexicons = lexicons
        self.date = date
    }

    /// Worker threads for the scan (results are compared in input order, whatever the count).
    public var jobs = 1

    public func run(golds: [GoldRecord], paths: [String], options: InputOptions) throws -> Evaluation {
        let deciders = try profiles.map { try Decider.builtin($0, lexiconsRoot: lexicons.root) }
        guard let first = deciders.first else { throw InputError(message: "no profile to evaluate") }
        let engine = ScanEngine(lexicons: lexicons, decider: first, defaultDate: date)
        var byID: [String: GoldRecord] = [:]
        for g in golds { byID[g.id] = g }
        var seen = Set<String>()
        var eval = Evaluation()
        var reader = ServiceDateKeepingReader(base: InputChain(paths: paths, options: options))
        let dates = reader.dates
        var index = 0
        // Small groups: a gold set is often a few dozen notes, and every worker should get some.
        var runner = ScanRunner(jobs: jobs)
        runner.batchNotes = 256
        runner.groupNotes = 16
        try runner.run(reader: &reader, engine: engine, printer: RenderingNothing(), write: { _ in }, observe: { r in
            let recordDate = dates.take(index)
            index += 1
            guard let g = byID[r.id] else { eval.unmatchedResults.append(r.id); return }
            seen.insert(r.id)
            let serviceDate = recordDate ?? g.serviceDate ?? date
            var decisions: [String: Decision] = [:]
            for d in deciders {
                decisions[d.profileName] = d.decide(service: r.service, elements: r.elements, serviceDate: serviceDate)
            }
            eval.add(gold: g, elements: r.elements, service: r.service, decisions: decisions)
        })
        eval.unmatchedGold = golds.map(\.id).filter { !seen.contains($0) }
        return eval
    }
}

/// The evaluation compares results, not printed records.
struct RenderingNothing: ResultPrinter {
    func render(_ result: NoteResult, index: Int) -> [UInt8] { [] }
}
