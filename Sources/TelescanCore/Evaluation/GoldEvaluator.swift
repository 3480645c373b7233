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

    public func run(golds: [GoldRecord], paths: [String], options: InputOptions) throws -> Evaluation {
        let deciders = try profiles.map { try Decider.builtin($0, lexiconsRoot: lexicons.root) }
        guard let first = deciders.first else { throw InputError(message: "no profile to evaluate") }
        let engine = ScanEngine(lexicons: lexicons, decider: first, defaultDate: date)
        let scanner = NoteScanner(engine: engine)
        var byID: [String: GoldRecord] = [:]
        for g in golds { byID[g.id] = g }
        var seen = Set<String>()
        var eval = Evaluation()
        var reader = InputChain(paths: paths, options: options)
        while let record = try reader.next() {
            let r = scanner.scan(record)
            guard let g = byID[r.id] else { eval.unmatchedResults.append(r.id); continue }
            seen.insert(r.id)
            var decisions: [String: Decision] = [:]
            for d in deciders {
                decisions[d.profileName] = d.decide(service: r.service, elements: r.elements, serviceDate: record.serviceDate ?? g.serviceDate ?? date)
            }
            eval.add(gold: g, elements: r.elements, service: r.service, decisions: decisions)
        }
        eval.unmatchedGold = golds.map(\.id).filter { !seen.contains($0) }
        return eval
    }
}
