/// Picks at most one primary code from a code table (by E/M level, by a minute range or by a
/// device-day range) and the add-ons that follow it, each with a reviewer-readable reason.
/// Only rows in force on the service date take part: a code is never suggested outside its dates.
struct CodeSelector {
    let facts: CodingFacts
    /// Whether to write the reviewer's texts (lines, each code's rule and reason).
    var explain = true

    struct Result {
        var codes: [SuggestedCode] = []
        var lines: [String] = []
        let explain: Bool
        mutating func line(_ text: @autoclosure () -> String) { if explain { lines.append(text()) } }
    }

    func select(_ table: CodeTable) -> Result {
        let groups = table.credentialGroups
        let providerGroup = facts.profile.group(of: facts.credential, among: groups)
        // One pass, copying only the candidates (a row holds a dozen strings; copying every row
        // in force, then the candidates again, was most of a telehealth note's code selection).
        var anyInForce = false
        var candidates: [CodeRow] = []
        for row in table.rows where row.effective.contains(facts.date) {
            anyInForce = true
            if (row.patientStatus == nil || row.patientStatus == facts.patientStatus)
                && (row.modalities.map { m in facts.modality.map(m.contains) ?? false } ?? true)
                && row.credentialGroup == providerGroup {
                candidates.append(row)
            }
        }
        var result = Result(explain: explain)
        guard !candidates.isEmpty else {
            if !anyInForce {
                result.line("\(table.family): no code of this table is in force on \(facts.date)")
            } else {
                result.line("\(table.family): no code in force on \(facts.date) for \(cellText(providerGroup: providerGroup))")
            }
            return result
        }
        let chosen: (row: CodeRow, basis: String, because: [String], text: String)?
        switch table.selection {
        case .level: chosen = byLevel(candidates, table: table, result: &result)
        case .minutes: chosen = byMinutes(candidates, table: table, providerGroup: providerGroup, groups: groups, result: &result)
        case .deviceDays: chosen = byDays(candidates, table: table, result: &result)
        }
        guard let chosen else { return result }
        let usesPOS = facts.profile.services[facts.service]?.placeOfService != nil
        let modifiers = facts.modifiers
        var because = chosen.because
        if usesPOS, facts.pos != nil { because.append("patient_location") }
        var explanation = ""
        if explain {
            explanation = "\(chosen.row.code): \(chosen.text)"
            if !modifiers.isEmpty, let m = facts.modifierText { explanation += "; " + m }
            if usesPOS, let p = facts.posText { explanation += "; " + p }
        }
        let primary = SuggestedCode(code: chosen.row.code, system: chosen.row.system, modifiers: modifiers,
                                    pos: usesPOS ? facts.pos : nil, units: 1, basis: chosen.basis, because: because,
                                    rule: explain ? rule(table, chosen.row) : "", explanation: explanation)
        result.codes.append(primary)
        result.line(explanation)
        for addOn in table.addOns where addOn.with.contains(primary.code) {
            addAddOn(addOn, primary: primary, table: table, result: &result)
        }
        return result
    }

    // MARK: - Selections

    func byLevel(_ rows: [CodeRow], table: CodeTable, result: inout Result) -> (CodeRow, String, [String], String)? {
        let head = explain ? [facts.statusText, facts.modality.map(ElementVocabulary.display)].compactMap { $0 }.joined(separator: ", ") : ""
        var timeRow: CodeRow? = nil
        var timeNote: String? = nil
        if let t = facts.time {
            if facts.timeUsableForLevel {
                timeRow = rows.filter { ($0.minMinutes ?? Int.max) <= t }.max { $0.level! < $1.level! }
                if explain, timeRow == nil, let lowest = rows.compactMap(\.minMinutes).min() {
                    timeNote = "\(t) minutes reach no level (lowest time threshold \(lowest))"
                }
            } else if explain {
                timeNote = "\(t) minutes cannot choose the level (\(ElementVocabulary.display(facts.modality ?? "")) needs at least \(facts.minimumTime ?? 0))"
            }
        }
        let mdmRow = facts.mdm.flatMap { m in rows.first { $0.mdm == m } }
        func timeText(_ r: CodeRow) -> String { "\(facts.time!) minutes ≥ \(r.minMinutes!) (time threshold of level \(r.level!))" }
        func mdmText(_ r: CodeRow) -> String { "MDM \(r.mdm!) (level \(r.level!))" }
        let chosenRow: CodeRow
        let basis: String
        var parts: [String] = []
        func say(_ text: @autoclosure () -> String) { if explain { parts.append(text()) } }
        switch (timeRow, mdmRow) {
        case let (t?, m?):
            // The higher of the two; time wins a tie (it also decides prolonged time).
            if m.level! > t.level! {
                chosenRow = m; basis = "mdm"
                say(mdmText(m))
                say("\(facts.time!) minutes reach only level \(t.level!) (≥ \(t.minMinutes!))")
            } else {
                chosenRow = t; basis = "time"
                say(timeText(t))
                say(m.level! == t.level! ? "MDM \(m.mdm!) gives the same level" : "MDM \(m.mdm!) gives only level \(m.level!)")
            }
        case let (t?, nil):
            chosenRow = t; basis = "time"
            say(timeText(t))
            if let mdm = facts.mdm { say("MDM \(mdm) matches no level of this table") }
        case let (nil, m?):
            chosenRow = m; basis = "mdm"
            say(mdmText(m))
            say(timeNote ?? "no time documented")
        case (nil, nil):
            if explain {
                var why = [timeNote ?? (facts.time == nil ? "no time documented" : nil)].compactMap { $0 }
                why.append(facts.mdm.map { "MDM \($0) matches no level" } ?? "no MDM level documented")
                result.line("\(table.family): no level for \(head.isEmpty ? "this visit" : head): \(why.joined(separator: "; "))")
            }
            return nil
        }
        var because = facts.modality == nil ? [] : ["modality"]
        because.append(basis)
        if chosenRow.patientStatus != nil && !facts.statusAssumed { because.append("patient_status") }
        return (chosenRow, basis, because, explain ? (head.isEmpty ? "" : head + ", ") + parts.joined(separator: "; ") : "")
    }

    func byMinutes(_ rows: [CodeRow], table: CodeTable, providerGroup: String?, groups: Set<String>,
                   result: inout Result) -> (CodeRow, String, [String], String)? {
        guard let t = facts.time else {
            result.line("\(table.family): no time documented")
            return nil
        }
        guard let row = rows.first(where: { $0.minMinutes! <= t && t <= ($0.maxMinutes ?? Int.max) }) else {
            result.line("\(table.family): no code in force for \(t) minutes (\(rows.map { "\($0.code) \(range($0.minMinutes!, $0.maxMinutes))" }.joined(separator: ", ")))")
            return nil
        }
        var because = row.modalities == nil ? [] : ["modality"]
        because.append("time")
        if row.patientStatus != nil && !facts.statusAssumed { because.append("patient_status") }
        var text = explain ? "\(t) minutes \(within(row.minMinutes!, row.maxMinutes))" : ""
        if !groups.isEmpty {
            because.append("performing_provider")
            if !explain {
            } else if let g = providerGroup {
                text += "; \(facts.credential!) is in credential group \(g)"
            } else {
                text += facts.credential.map { "; \($0) is in no credential group of this table" }
                    ?? "; no performer documented: the codes without a credential group apply"
            }
        }
        return (row, "time", because, text)
    }

    func byDays(_ rows: [CodeRow], table: CodeTable, result: inout Result) -> (CodeRow, String, [String], String)? {
        guard let d = facts.deviceDays else {
            result.line("\(table.family): no device days documented")
            return nil
        }
        guard let row = rows.first(where: { $0.minDays! <= d && d <= ($0.maxDays ?? Int.max) }) else {
            result.line("\(table.family): no code in force for \(days(d)) (\(rows.map { "\($0.code) \(range($0.minDays!, $0.maxDays))" }.joined(separator: ", ")))")
            return nil
        }
        return (row, "service", ["device_days"], explain ? "\(days(d)) \(within(row.minDays!, row.maxDays))" : "")
    }

    func addAddOn(_ addOn: AddOn, primary: SuggestedCode, table: CodeTable, result: inout Result) {
        guard addOn.effective.contains(facts.date) else {
            result.line("\(addOn.code) not added: not in force on \(facts.date) (\(addOn.effective))")
            return
        }
        if let basis = addOn.basis, basis != primary.basis {
            result.line("\(addOn.code) not added: the level of \(primary.code) was chosen by \(basisText(primary.basis)), and \(addOn.code) applies only when it is chosen by \(basisText(basis))")
            return
        }
        guard let t = facts.time else { return }
        let units = addOn.units(minutes: t)
        guard units > 0 else {
            result.line("\(addOn.code) not added: \(t) minutes < \(addOn.firstUnitMinutes) (first unit with \(primary.code))")
            return
        }
        var because = ["time"]
        if primary.pos != nil { because.append("patient_location") }
        guard explain else {
            result.codes.append(SuggestedCode(code: addOn.code, system: addOn.system,
                                              modifiers: addOn.carryModifiers ? primary.modifiers : [],
                                              pos: primary.pos, units: units, basis: "time", because: because,
                                              rule: "", explanation: ""))
            return
        }
        let text = "\(addOn.code)\(units > 1 ? " ×\(units)" : ""): \(t) minutes with \(primary.code): first unit at \(addOn.firstUnitMinutes) minutes, one more per further full \(addOn.unitMinutes)"
            + (primary.pos.map { "; POS \($0) as on \(primary.code)" } ?? "")
        let rule = "\(facts.profile.name) › \(facts.service.rawValue) › \(table.family) add-on: \(addOn.code) with \(addOn.with.joined(separator: "/"))"
            + "\(addOn.basis.map { " chosen by \($0)" } ?? ""), from \(addOn.firstUnitMinutes) min, +1 per \(addOn.unitMinutes) min, in force \(addOn.effective)"
        result.codes.append(SuggestedCode(code: addOn.code, system: addOn.system,
                                          modifiers: addOn.carryModifiers ? primary.modifiers : [],
                                          pos: primary.pos, units: units, basis: "time", because: because,
                                          rule: rule, explanation: text))
        result.line(text)
    }

    // MARK: - Text

    func range(_ lo: Int, _ hi: Int?) -> String { hi.map { "\(lo)–\($0)" } ?? "≥ \(lo)" }

    /// "within 11–20" or "≥ 20" (an open range).
    func within(_ lo: Int, _ hi: Int?) -> String { hi.map { "within \(lo)–\($0)" } ?? "≥ \(lo)" }

    func days(_ d: Int) -> String { d == 1 ? "1 device day" : "\(d) device days" }

    func basisText(_ b: String) -> String { b == "mdm" ? "MDM" : b }

    func cellText(providerGroup: String?) -> String {
        var parts: [String] = []
        if let s = facts.statusText { parts.append(s) }
        parts.append(facts.modality.map(ElementVocabulary.display) ?? "no documented technology")
        if let g = providerGroup { parts.append("credential group \(g)") }
        return parts.joined(separator: ", ")
    }

    func rule(_ table: CodeTable, _ row: CodeRow) -> String {
        var cond: [String] = []
        if let s = row.patientStatus { cond.append(s) }
        if let m = row.modalities { cond.append(m.joined(separator: "/")) }
        if let g = row.credentialGroup { cond.append("credential group \(g)") }
        switch table.selection {
        case .level:
            var how: [String] = []
            if let m = row.mdm { how.append("MDM \(m)") }
            if let t = row.minMinutes { how.append("≥ \(t) min") }
            cond.append("level \(row.level!): \(how.joined(separator: " or "))")
        case .minutes: cond.append("\(range(row.minMinutes!, row.maxMinutes)) min")
        case .deviceDays: cond.append("\(range(row.minDays!, row.maxDays)) device days")
        }
        return "\(facts.profile.name) › \(facts.service.rawValue) › \(table.family) (\(table.selection.rawValue)): \(row.code) \(cond.joined(separator: ", ")), in force \(row.effective)"
    }
}
