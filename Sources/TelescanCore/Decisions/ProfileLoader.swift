import Foundation

/// Loads a payer profile file strictly, like the rule loader: an unknown key, value, element,
/// requirement or reason, a malformed date or a number where text belongs is an error naming
/// the file, the entry and the problem. Structural only; `ProfileChecker` checks the tables.
public enum ProfileLoader {
    /// Built-in profiles live in `<lexicons root>/profiles/NAME.yaml`.
    public static func builtinPath(_ name: String, lexiconsRoot: String) -> String {
        lexiconsRoot + "/profiles/" + name + ".yaml"
    }

    /// The names of the built-in profiles in a Lexicons folder, sorted.
    public static func builtinNames(lexiconsRoot: String) -> [String] {
        RuleFileLoader.yamlFiles(in: lexiconsRoot + "/profiles", displayPrefix: "")
            .map(\.1).filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
    }

    public static func loadBuiltin(_ name: String, lexiconsRoot: String) throws(RuleLoadError) -> PayerProfile {
        let path = builtinPath(name, lexiconsRoot: lexiconsRoot)
        guard !name.contains("/"), FileManager.default.fileExists(atPath: path) else {
            let known = builtinNames(lexiconsRoot: lexiconsRoot).joined(separator: ", ")
            throw RuleLoadError(file: "profiles/\(name).yaml", problem: "no such profile (built-in: \(known)); use --profile-file for a profile of your own")
        }
        let profile = try load(file: path, displayName: "profiles/\(name).yaml")
        if profile.name != name {
            throw RuleLoadError(file: profile.file, entry: "name", problem: "'\(profile.name)' does not match the file name '\(name)'")
        }
        return profile
    }

    /// Loads a profile file; `displayName` is how messages name it (default: the path).
    public static func load(file path: String, displayName: String? = nil) throws(RuleLoadError) -> PayerProfile {
        let shown = displayName ?? path
        let doc = try YAMLFields.load(file: path, displayName: shown, scalars: .plain)
        return try parse(doc, file: shown)
    }

    static let topKeys = ["name", "description", "credential_groups", "queries", "warnings", "services"]
    static let serviceKeys = ["description", "require", "modalities", "place_of_service", "modality_rules", "queries", "tables"]
    static let modalityRuleKeys = ["require", "min_minutes", "below_minimum_reason", "patient_locations", "location_reason", "modifiers"]
    static let tableKeys = ["family", "select", "programs", "codes", "add_ons"]
    static let rowKeys = ["code", "system", "description", "patient_status", "modality", "credential_group", "level", "mdm",
                          "min_minutes", "max_minutes", "min_days", "max_days", "effective_from", "effective_to"]
    static let addOnKeys = ["code", "system", "description", "with", "basis", "first_unit_minutes", "unit_minutes",
                            "carry_modifiers", "effective_from", "effective_to"]
    /// Values a query text may quote from the note.
    public static let placeholders = ["minutes", "days", "modality", "location", "credential"]

    static func parse(_ doc: Any?, file: String) throws(RuleLoadError) -> PayerProfile {
        var top = try YAMLFields(doc, file: file, entry: nil)
        let name = try top.requiredString("name")
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
            throw RuleLoadError(file: file, entry: "name", problem: "'\(name)' may only use letters, digits, '-', '_' and '.'")
        }
        let description = try top.requiredString("description")
        var profile = PayerProfile(name: name, description: description, file: file)

        if let groups = top.raw("credential_groups") {
            let map = try mapping(groups, file: file, entry: "credential_groups")
            for (groupName, body) in map.sorted(by: { $0.key < $1.key }) {
                var g = try YAMLFields(body, file: file, entry: "credential group '\(groupName)'")
                let desc = try g.string("description")
                guard let creds = try g.strings("credentials"), !creds.isEmpty else { throw g.error("missing required key 'credentials'") }
                try g.finish(allowed: ["description", "credentials"])
                profile.credentialGroups[groupName] = CredentialGroup(name: groupName, description: desc, credentials: creds)
            }
        }
        profile.queries = try queries(top.raw("queries"), file: file, entry: "queries")
        if let w = top.raw("warnings") {
            for (code, text) in try textMap(w, file: file, entry: "warnings") {
                guard let warning = DecisionWarning(rawValue: code) else {
                    throw RuleLoadError(file: file, entry: "warnings", problem: "unknown warning '\(code)' (allowed: \(DecisionWarning.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                profile.warnings[warning] = text
            }
        }
        guard let servicesRaw = top.raw("services") else { throw top.error("missing required key 'services'") }
        let services = try mapping(servicesRaw, file: file, entry: "services")
        if services.isEmpty { throw RuleLoadError(file: file, entry: "services", problem: "no services") }
        for (serviceName, body) in services.sorted(by: { $0.key < $1.key }) {
            let allowed = Service.allCases.filter(\.isTelehealth).map(\.rawValue)
            guard let service = Service(rawValue: serviceName), service.isTelehealth else {
                throw RuleLoadError(file: file, entry: "services", problem: "unknown service '\(serviceName)' (allowed: \(allowed.joined(separator: ", ")))")
            }
            profile.services[service] = try parseService(service, body, profile: profile, file: file)
        }
        try top.finish(allowed: topKeys)
        return profile
    }

    static func parseService(_ service: Service, _ body: Any, profile: PayerProfile, file: String) throws(RuleLoadError) -> ServiceRules {
        let entry = "service '\(service.rawValue)'"
        var f = try YAMLFields(body, file: file, entry: entry)
        let description = try f.string("description")
        let requirements = try requirementList(f.strings("require") ?? [], f)
        let modalities = try f.strings("modalities")
        for m in modalities ?? [] { try oneOf(m, ElementVocabulary.modalities, what: "modality", f) }
        var pos: [String: String]? = nil
        if let raw = f.raw("place_of_service") {
            let map = try textMap(raw, file: file, entry: entry + " place_of_service")
            for key in map.keys { try oneOf(key, ElementVocabulary.patientLocations, what: "patient location", f) }
            pos = map
        }
        var rules: [String: ModalityRule] = [:]
        if let raw = f.raw("modality_rules") {
            for (modality, ruleBody) in try mapping(raw, file: file, entry: entry + " modality_rules").sorted(by: { $0.key < $1.key }) {
                try oneOf(modality, modalities ?? ElementVocabulary.modalities, what: "modality", f)
                rules[modality] = try parseModalityRule(modality, ruleBody, file: file, entry: entry + " modality rule '\(modality)'")
            }
        }
        let queries = try queries(f.raw("queries"), file: file, entry: entry + " queries")
        var tables: [CodeTable] = []
        if let raw = f.raw("tables") {
            guard let list = raw as? [Any] else { throw f.error("'tables' must be a list") }
            for (i, t) in list.enumerated() {
                tables.append(try parseTable(t, index: i, profile: profile, file: file, entry: entry))
            }
        }
        try f.finish(allowed: serviceKeys)
        return ServiceRules(service: service, description: description, requirements: requirements, modalities: modalities,
                            placeOfService: pos, modalityRules: rules, tables: tables, queries: queries)
    }

    static func parseModalityRule(_ modality: String, _ body: Any, file: String, entry: String) throws(RuleLoadError) -> ModalityRule {
        var f = try YAMLFields(body, file: file, entry: entry)
        var rule = ModalityRule(modality: modality)
        rule.requirements = try requirementList(f.strings("require") ?? [], f)
        if let minutes = try f.int("min_minutes") {
            guard minutes > 0 else { throw f.error("'min_minutes' must be above 0") }
            let reason = try reasonValue(f.string("below_minimum_reason") ?? MissingReason.timeBelowAudioOnlyMinimum.rawValue, element: "time", key: "below_minimum_reason", f)
            rule.minimumTime = .init(minutes: minutes, reason: reason)
        } else if try f.string("below_minimum_reason") != nil {
            throw f.error("'below_minimum_reason' needs 'min_minutes'")
        }
        if let locations = try f.strings("patient_locations") {
            for l in locations { try oneOf(l, ElementVocabulary.patientLocations, what: "patient location", f) }
            let reason = try reasonValue(f.string("location_reason") ?? MissingReason.audioOnlyRequiresHome.rawValue, element: "patient_location", key: "location_reason", f)
            rule.patientLocations = .init(allowed: locations, reason: reason)
        } else if try f.string("location_reason") != nil {
            throw f.error("'location_reason' needs 'patient_locations'")
        }
        rule.modifiers = try f.strings("modifiers") ?? []
        if rule.modifiers.count > 4 { throw f.error("at most four modifiers") }
        for m in rule.modifiers where m.isEmpty || m.contains(" ") { throw f.error("invalid modifier '\(m)'") }
        try f.finish(allowed: modalityRuleKeys)
        return rule
    }

    static func parseTable(_ body: Any, index: Int, profile: PayerProfile, file: String, entry: String) throws(RuleLoadError) -> CodeTable {
        let provisional = (body as? [String: Any])?["family"] as? String
        let tableEntry = entry + " table '\(provisional ?? "#\(index + 1)")'"
        var f = try YAMLFields(body, file: file, entry: tableEntry)
        let family = try f.requiredString("family")
        let selectName = try f.requiredString("select")
        guard let selection = CodeTable.Selection(rawValue: selectName) else {
            throw f.error("unknown select '\(selectName)' (allowed: \(CodeTable.Selection.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard let list = f.raw("codes") as? [Any], !list.isEmpty else { throw f.error("missing list 'codes'") }
        var rows: [CodeRow] = []
        for (i, item) in list.enumerated() {
            rows.append(try parseRow(item, index: i, selection: selection, profile: profile, file: file, entry: tableEntry))
        }
        var addOns: [AddOn] = []
        if let raw = f.raw("add_ons") {
            guard let list = raw as? [Any] else { throw f.error("'add_ons' must be a list") }
            for (i, item) in list.enumerated() {
                let addOn = try parseAddOn(item, index: i, file: file, entry: tableEntry)
                for code in addOn.with where !rows.contains(where: { $0.code == code }) {
                    throw RuleLoadError(file: file, entry: tableEntry + " add-on '\(addOn.code)'", problem: "'with' names '\(code)', which is not a code of this table")
                }
                addOns.append(addOn)
            }
        }
        let programs = try f.strings("programs")
        for p in programs ?? [] where !CodeTable.knownPrograms.contains(p) {
            throw f.error("unknown program '\(p)' in programs (allowed: \(CodeTable.knownPrograms.joined(separator: ", ")))")
        }
        try f.finish(allowed: tableKeys)
        return CodeTable(family: family, selection: selection, rows: rows, addOns: addOns, programs: programs)
    }

    static func parseRow(_ body: Any, index: Int, selection: CodeTable.Selection, profile: PayerProfile,
                         file: String, entry: String) throws(RuleLoadError) -> CodeRow {
        let provisional = (body as? [String: Any])?["code"] as? String
        var f = try YAMLFields(body, file: file, entry: entry + " code '\(provisional ?? "#\(index + 1)")'")
        let code = try codeText(f.requiredString("code"), key: "code", f)
        let system = try f.requiredString("system")
        try oneOf(system, ElementVocabulary.codeSystems, what: "system", f)
        var row = CodeRow(code: code, system: system, effective: try period(&f))
        row.description = try f.string("description")
        if let s = try f.string("patient_status") {
            try oneOf(s, ElementVocabulary.patientStatuses, what: "patient status", f)
            row.patientStatus = s
        }
        if let ms = try f.strings("modality") {
            for m in ms { try oneOf(m, ElementVocabulary.modalities, what: "modality", f) }
            row.modalities = ms
        }
        if let g = try f.string("credential_group") {
            guard profile.credentialGroups[g] != nil else {
                throw f.error("unknown credential group '\(g)' (defined: \(profile.credentialGroups.keys.sorted().joined(separator: ", ")))")
            }
            row.credentialGroup = g
        }
        row.level = try f.int("level")
        if let m = try f.string("mdm") {
            try oneOf(m, ElementVocabulary.mdmLevels, what: "mdm", f)
            row.mdm = m
        }
        row.minMinutes = try nonNegative("min_minutes", &f)
        row.maxMinutes = try nonNegative("max_minutes", &f)
        row.minDays = try nonNegative("min_days", &f)
        row.maxDays = try nonNegative("max_days", &f)
        switch selection {
        case .level:
            guard row.level != nil else { throw f.error("a 'level' table row needs 'level'") }
            guard row.mdm != nil || row.minMinutes != nil else { throw f.error("a 'level' table row needs 'mdm', 'min_minutes' or both") }
            if row.maxMinutes != nil || row.minDays != nil || row.maxDays != nil {
                throw f.error("a 'level' table row takes 'min_minutes' only (the level is the highest minimum met)")
            }
        case .minutes:
            guard row.minMinutes != nil else { throw f.error("a 'minutes' table row needs 'min_minutes'") }
            if row.level != nil || row.mdm != nil || row.minDays != nil || row.maxDays != nil {
                throw f.error("a 'minutes' table row takes 'min_minutes' and 'max_minutes' only")
            }
        case .deviceDays:
            guard row.minDays != nil else { throw f.error("a 'device_days' table row needs 'min_days'") }
            if row.level != nil || row.mdm != nil || row.minMinutes != nil || row.maxMinutes != nil {
                throw f.error("a 'device_days' table row takes 'min_days' and 'max_days' only")
            }
        }
        try f.finish(allowed: rowKeys)
        return row
    }

    static func parseAddOn(_ body: Any, index: Int, file: String, entry: String) throws(RuleLoadError) -> AddOn {
        let provisional = (body as? [String: Any])?["code"] as? String
        var f = try YAMLFields(body, file: file, entry: entry + " add-on '\(provisional ?? "#\(index + 1)")'")
        let code = try codeText(f.requiredString("code"), key: "code", f)
        let system = try f.requiredString("system")
        try oneOf(system, ElementVocabulary.codeSystems, what: "system", f)
        let description = try f.string("description")
        guard let with = try f.strings("with"), !with.isEmpty else { throw f.error("missing required key 'with'") }
        let basis = try f.string("basis")
        if let basis { try oneOf(basis, ["time", "mdm"], what: "basis", f) }
        guard let first = try nonNegative("first_unit_minutes", &f) else { throw f.error("missing required key 'first_unit_minutes'") }
        guard let unit = try f.int("unit_minutes") else { throw f.error("missing required key 'unit_minutes'") }
        guard unit > 0 else { throw f.error("'unit_minutes' must be above 0") }
        let carry = try f.bool("carry_modifiers") ?? false
        let effective = try period(&f)
        try f.finish(allowed: addOnKeys)
        return AddOn(code: code, system: system, description: description, with: with, basis: basis,
                     firstUnitMinutes: first, unitMinutes: unit, carryModifiers: carry, effective: effective)
    }

    // MARK: - Values

    static func period(_ f: inout YAMLFields) throws(RuleLoadError) -> EffectivePeriod {
        let from = try f.requiredString("effective_from")
        try date(from, key: "effective_from", f)
        let to = try f.string("effective_to")
        if let to { try date(to, key: "effective_to", f) }
        return EffectivePeriod(from: from, to: to)
    }

    /// A calendar date written `YYYY-MM-DD` (a quoted or unquoted scalar; "2025-02-30" is not one).
    static func date(_ s: String, key: String, _ f: YAMLFields) throws(RuleLoadError) {
        guard isCalendarDate(s) else { throw f.error("'\(key)' must be a date YYYY-MM-DD, got '\(s)'") }
    }

    public static func isCalendarDate(_ s: String) -> Bool {
        guard DateText.isValid(s) else { return false }
        let p = s.split(separator: "-").compactMap { Int($0) }
        let (y, m, d) = (p[0], p[1], p[2])
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days
    }

    static func nonNegative(_ key: String, _ f: inout YAMLFields) throws(RuleLoadError) -> Int? {
        guard let v = try f.int(key) else { return nil }
        guard v >= 0 else { throw f.error("'\(key)' must not be negative") }
        return v
    }

    static func codeText(_ s: String, key: String, _ f: YAMLFields) throws(RuleLoadError) -> String {
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw f.error("'\(key)' must be a code of letters and digits, got '\(s)'")
        }
        return s
    }

    static func oneOf(_ value: String, _ allowed: [String], what: String, _ f: YAMLFields) throws(RuleLoadError) {
        guard allowed.contains(value) else {
            throw f.error("unknown \(what) '\(value)' (allowed: \(allowed.joined(separator: ", ")))")
        }
    }

    static func requirementList(_ names: [String], _ f: YAMLFields) throws(RuleLoadError) -> [Requirement] {
        var out: [Requirement] = []
        for n in names {
            guard let r = Requirement(rawValue: n) else {
                throw f.error("unknown requirement '\(n)' (allowed: \(Requirement.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            if out.contains(r) { throw f.error("requirement '\(n)' listed twice") }
            out.append(r)
        }
        return out
    }

    static func reasonValue(_ s: String, element: String, key: String, _ f: YAMLFields) throws(RuleLoadError) -> MissingReason {
        let fitting = MissingReason.allCases.filter { $0.element == element }
        guard let r = MissingReason(rawValue: s), r.element == element else {
            throw f.error("'\(key)': unknown reason '\(s)' for element '\(element)' (allowed: \(fitting.map(\.rawValue).joined(separator: ", ")))")
        }
        return r
    }

    static func mapping(_ any: Any, file: String, entry: String) throws(RuleLoadError) -> [String: Any] {
        guard let m = any as? [String: Any] else { throw RuleLoadError(file: file, entry: entry, problem: "expected a mapping") }
        return m
    }

    static func textMap(_ any: Any, file: String, entry: String) throws(RuleLoadError) -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in try mapping(any, file: file, entry: entry) {
            guard let s = v as? String, !s.isEmpty else {
                throw RuleLoadError(file: file, entry: entry, problem: "'\(k)' must be a non-empty text")
            }
            out[k] = s
        }
        return out
    }

    static func queries(_ any: Any?, file: String, entry: String) throws(RuleLoadError) -> [MissingReason: String] {
        guard let any else { return [:] }
        var out: [MissingReason: String] = [:]
        for (code, text) in try textMap(any, file: file, entry: entry) {
            guard let reason = MissingReason(rawValue: code) else {
                throw RuleLoadError(file: file, entry: entry, problem: "unknown reason '\(code)' (allowed: \(MissingReason.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            for name in QueryText.placeholderNames(in: text) where !placeholders.contains(name) {
                throw RuleLoadError(file: file, entry: entry, problem: "'\(code)': unknown placeholder '{\(name)}' (allowed: \(placeholders.map { "{\($0)}" }.joined(separator: ", ")))")
            }
            out[reason] = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return out
    }
}
