/// Checks a loaded profile's tables and texts for what the loader cannot see in one entry:
/// thresholds ascending within a family, patient status and technology; no two codes for the
/// same cell on overlapping dates; well-formed date ranges; a query text for every reason a
/// service can report and a text for every warning. Each problem names file and entry.
public enum ProfileChecker {
    public static func check(_ p: PayerProfile) -> [RuleLoadError] {
        var problems: [RuleLoadError] = []
        func problem(_ entry: String?, _ text: String) { problems.append(RuleLoadError(file: p.file, entry: entry, problem: text)) }

        for w in DecisionWarning.allCases where p.warnings[w] == nil && w.defaultText == nil {
            problem("warnings", "no text for warning \(w.rawValue)")
        }
        for service in Service.allCases where p.services[service] != nil {
            let rules = p.services[service]!
            let entry = "service '\(service.rawValue)'"
            for reason in rules.possibleReasons.sorted() where p.query(reason, service: service) == nil {
                problem(entry, "no query text for reason \(reason.rawValue) (add it under 'queries' of the profile or of the service)")
            }
            for (loc, pos) in (rules.placeOfService ?? [:]).sorted(by: { $0.key < $1.key }) where pos.isEmpty {
                problem(entry, "empty place of service for '\(loc)'")
            }
            for table in rules.tables {
                checkTable(table, rules: rules, entry: entry + " table '\(table.family)'", problem: problem)
            }
        }
        return problems
    }

    static func checkTable(_ t: CodeTable, rules: ServiceRules, entry: String, problem: (String?, String) -> Void) {
        for r in t.rows {
            let e = entry + " code '\(r.code)'"
            checkPeriod(r.effective, entry: e, problem: problem)
            if let lo = r.minMinutes, let hi = r.maxMinutes, lo > hi { problem(e, "min_minutes \(lo) is above max_minutes \(hi)") }
            if let lo = r.minDays, let hi = r.maxDays, lo > hi { problem(e, "min_days \(lo) is above max_days \(hi)") }
            if let accepted = rules.modalities, let ms = r.modalities {
                for m in ms where !accepted.contains(m) {
                    problem(e, "modality '\(m)' is not one the service accepts (\(accepted.joined(separator: ", "))): the code can never be chosen")
                }
            }
        }
        // Pairs of rows that compete for the same note on some date.
        for (i, a) in t.rows.enumerated() {
            for b in t.rows[(i + 1)...] where sameCell(a, b) && a.effective.overlaps(b.effective) {
                let e = entry + " code '\(b.code)'"
                let both = "'\(a.code)' and '\(b.code)'"
                switch t.selection {
                case .level:
                    let (lo, hi) = a.level! <= b.level! ? (a, b) : (b, a)
                    if lo.level == hi.level {
                        problem(e, "\(both) are both level \(lo.level!) for the same patient status and technology on overlapping dates")
                        continue
                    }
                    if let l = lo.minMinutes, let h = hi.minMinutes, l >= h {
                        problem(e, "thresholds not ascending: level \(lo.level!) ('\(lo.code)') needs \(l) minutes, level \(hi.level!) ('\(hi.code)') \(h)")
                    }
                    if let lm = lo.mdm, let hm = hi.mdm,
                       ElementVocabulary.mdmLevels.firstIndex(of: lm)! >= ElementVocabulary.mdmLevels.firstIndex(of: hm)! {
                        problem(e, "MDM not ascending: level \(lo.level!) ('\(lo.code)') is MDM \(lm), level \(hi.level!) ('\(hi.code)') MDM \(hm)")
                    }
                case .minutes:
                    if rangesOverlap(a.minMinutes!, a.maxMinutes, b.minMinutes!, b.maxMinutes) {
                        problem(e, "\(both) have overlapping minute ranges for the same cell on overlapping dates")
                    }
                case .deviceDays:
                    if rangesOverlap(a.minDays!, a.maxDays, b.minDays!, b.maxDays) {
                        problem(e, "\(both) have overlapping day ranges for the same cell on overlapping dates")
                    }
                }
            }
        }
        for (i, add) in t.addOns.enumerated() {
            let e = entry + " add-on '\(add.code)'"
            checkPeriod(add.effective, entry: e, problem: problem)
            for other in t.addOns[(i + 1)...] where other.code == add.code && other.effective.overlaps(add.effective) {
                for code in Set(add.with).intersection(other.with).sorted() {
                    problem(e, "two '\(add.code)' add-ons for '\(code)' on overlapping dates")
                }
            }
            for code in add.with {
                for row in t.rows where row.code == code {
                    if let min = row.minMinutes, add.firstUnitMinutes <= min {
                        problem(e, "first unit at \(add.firstUnitMinutes) minutes is not above the \(min)-minute threshold of '\(code)'")
                    }
                }
            }
        }
    }

    static func checkPeriod(_ p: EffectivePeriod, entry: String, problem: (String?, String) -> Void) {
        for d in [p.from] + (p.to.map { [$0] } ?? []) where !ProfileLoader.isCalendarDate(d) {
            problem(entry, "'\(d)' is not a date YYYY-MM-DD")
        }
        if let to = p.to, to < p.from { problem(entry, "effective_from \(p.from) is after effective_to \(to)") }
    }

    /// Two rows compete when a note could match both: same credential group, compatible
    /// patient status, and a technology in common.
    static func sameCell(_ a: CodeRow, _ b: CodeRow) -> Bool {
        guard a.credentialGroup == b.credentialGroup else { return false }
        if let x = a.patientStatus, let y = b.patientStatus, x != y { return false }
        if let x = a.modalities, let y = b.modalities, Set(x).isDisjoint(with: y) { return false }
        return true
    }

    static func rangesOverlap(_ aLo: Int, _ aHi: Int?, _ bLo: Int, _ bHi: Int?) -> Bool {
        aLo <= (bHi ?? Int.max) && bLo <= (aHi ?? Int.max)
    }
}

extension ProfileChecker {
    /// Loads and checks every profile in `<lexicons root>/profiles/` (for `rules check`).
    /// A profile that does not load is one problem; the others are still checked.
    public static func checkFolder(lexiconsRoot: String) -> (profiles: Int, problems: [RuleLoadError]) {
        var problems: [RuleLoadError] = []
        let names = ProfileLoader.builtinNames(lexiconsRoot: lexiconsRoot)
        for name in names {
            do {
                let profile = try ProfileLoader.loadBuiltin(name, lexiconsRoot: lexiconsRoot)
                problems += check(profile)
            } catch {
                problems.append(error)
            }
        }
        return (names.count, problems)
    }
}
