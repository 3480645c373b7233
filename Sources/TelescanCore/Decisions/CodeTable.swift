/// One family of codes from which at most one primary code is chosen, plus its add-ons.
public struct CodeTable: Sendable {
    /// How the primary code is chosen.
    public enum Selection: String, Sendable, CaseIterable {
        /// E/M level: by time (highest minimum met) or by MDM, the higher of the two.
        case level
        /// The row whose minute range holds the documented time.
        case minutes
        /// The row whose day range holds the documented device days.
        case deviceDays = "device_days"
    }

    public var family: String
    public var selection: Selection
    public var rows: [CodeRow]
    public var addOns: [AddOn]
    /// Remote monitoring: the programs the table is for (`rpm`, `rtm`, `rtm_respiratory`, ...);
    /// nil: every note of the service.
    public var programs: [String]?

    /// The programs a table may name (see `NoteElements.monitoringProgram`).
    public static let knownPrograms = ["rpm", "rtm", "rtm_respiratory", "rtm_musculoskeletal", "rtm_cbt"]

    public init(family: String, selection: Selection, rows: [CodeRow], addOns: [AddOn], programs: [String]? = nil) {
        self.family = family
        self.selection = selection
        self.rows = rows
        self.addOns = addOns
        self.programs = programs
    }

    /// Credential groups the rows distinguish: a row without a group is for everyone else.
    var credentialGroups: Set<String> { Set(rows.compactMap(\.credentialGroup)) }
}

/// The dates a code (or rule) is in force; both ends inclusive, ISO `YYYY-MM-DD`.
public struct EffectivePeriod: Sendable, Equatable, CustomStringConvertible {
    public var from: String
    public var to: String?

    public init(from: String, to: String? = nil) { self.from = from; self.to = to }

    public func contains(_ date: String) -> Bool { from <= date && (to.map { date <= $0 } ?? true) }

    public func overlaps(_ o: EffectivePeriod) -> Bool {
        from <= (o.to ?? "9999-12-31") && o.from <= (to ?? "9999-12-31")
    }

    public var description: String { "\(from)–\(to ?? "open")" }
}

/// One code of a table with the conditions under which it is chosen.
public struct CodeRow: Sendable {
    public var code: String
    public var system: String
    public var description: String?
    /// new | established; nil: either.
    public var patientStatus: String?
    /// The technologies the code is for; nil: any.
    public var modalities: [String]?
    /// nil: clinicians in none of the table's credential groups.
    public var credentialGroup: String?
    /// E/M level (level tables): the rank compared between time and MDM.
    public var level: Int?
    public var mdm: String?
    public var minMinutes: Int?
    public var maxMinutes: Int?
    public var minDays: Int?
    public var maxDays: Int?
    public var effective: EffectivePeriod

    public init(code: String, system: String, description: String? = nil, patientStatus: String? = nil,
                modalities: [String]? = nil, credentialGroup: String? = nil, level: Int? = nil, mdm: String? = nil,
                minMinutes: Int? = nil, maxMinutes: Int? = nil, minDays: Int? = nil, maxDays: Int? = nil,
                effective: EffectivePeriod) {
        self.code = code
        self.system = system
        self.description = description
        self.patientStatus = patientStatus
        self.modalities = modalities
        self.credentialGroup = credentialGroup
        self.level = level
        self.mdm = mdm
        self.minMinutes = minMinutes
        self.maxMinutes = maxMinutes
        self.minDays = minDays
        self.maxDays = maxDays
        self.effective = effective
    }
}

/// A code added to a chosen primary code for time beyond a threshold (99417, G2212, 99458):
/// one unit at `firstUnitMinutes`, one more for each further full `unitMinutes`.
public struct AddOn: Sendable {
    public var code: String
    public var system: String
    public var description: String?
    /// The primary codes it is added to.
    public var with: [String]
    /// Only when the primary was chosen on this basis (`time`); nil: any.
    public var basis: String?
    public var firstUnitMinutes: Int
    public var unitMinutes: Int
    /// Whether the primary's modifiers are repeated on the add-on line (its POS always is).
    public var carryModifiers: Bool
    public var effective: EffectivePeriod

    public init(code: String, system: String, description: String? = nil, with: [String], basis: String?,
                firstUnitMinutes: Int, unitMinutes: Int, carryModifiers: Bool = false, effective: EffectivePeriod) {
        self.code = code
        self.system = system
        self.description = description
        self.with = with
        self.basis = basis
        self.firstUnitMinutes = firstUnitMinutes
        self.unitMinutes = unitMinutes
        self.carryModifiers = carryModifiers
        self.effective = effective
    }

    /// Units for `minutes` of documented time (0: the add-on does not apply).
    public func units(minutes: Int) -> Int {
        minutes < firstUnitMinutes ? 0 : 1 + (minutes - firstUnitMinutes) / unitMinutes
    }
}
