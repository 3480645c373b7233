/// What one service needs and how it is coded under a profile.
public struct ServiceRules: Sendable {
    public var service: Service
    public var description: String?
    public var requirements: [Requirement]
    /// The technologies the service accepts (nil: any).
    public var modalities: [String]?
    /// Place of service by patient location (`home` → "10"); nil: no place of service applies.
    public var placeOfService: [String: String]?
    /// Extra rules by the modality of the visit (audio-only minimum time, modifiers, ...).
    public var modalityRules: [String: ModalityRule]
    public var tables: [CodeTable]
    public var queries: [MissingReason: String]

    public init(service: Service, description: String? = nil, requirements: [Requirement], modalities: [String]? = nil,
                placeOfService: [String: String]? = nil, modalityRules: [String: ModalityRule] = [:],
                tables: [CodeTable] = [], queries: [MissingReason: String] = [:]) {
        self.service = service
        self.description = description
        self.requirements = requirements
        self.modalities = modalities
        self.placeOfService = placeOfService
        self.modalityRules = modalityRules
        self.tables = tables
        self.queries = queries
    }

    /// Every reason this service can report under the profile (each needs a query text).
    public var possibleReasons: Set<MissingReason> {
        var out = Set(requirements.flatMap(\.reasons))
        for rule in modalityRules.values {
            out.formUnion(rule.requirements.flatMap(\.reasons))
            if let m = rule.minimumTime { out.insert(m.reason); out.insert(.timeNotDocumented) }
            if let l = rule.patientLocations { out.insert(l.reason) }
        }
        return out
    }

    /// Whether any code of the service depends on new vs established (then an unstated
    /// status is assumed established, and the assumption recorded).
    var usesPatientStatus: Bool {
        requirements.contains(.establishedPatient) || tables.contains { $0.rows.contains { $0.patientStatus != nil } }
    }
}

/// Rules that apply when the visit used one technology.
public struct ModalityRule: Sendable {
    /// A minimum documented time below which time cannot choose the level (audio-only:
    /// more than 10 minutes of medical discussion).
    public struct MinimumTime: Sendable {
        public var minutes: Int
        public var reason: MissingReason
    }
    /// Patient locations allowed with this technology; a documented other location is
    /// reported with `reason` and blocks every code of the service.
    public struct Locations: Sendable {
        public var allowed: [String]
        public var reason: MissingReason
    }

    public var modality: String
    public var requirements: [Requirement]
    public var minimumTime: MinimumTime?
    public var patientLocations: Locations?
    /// Appended, in order, to the primary codes (e.g. "93"; the "95" switch for video).
    public var modifiers: [String]

    public init(modality: String, requirements: [Requirement] = [], minimumTime: MinimumTime? = nil,
                patientLocations: Locations? = nil, modifiers: [String] = []) {
        self.modality = modality
        self.requirements = requirements
        self.minimumTime = minimumTime
        self.patientLocations = patientLocations
        self.modifiers = modifiers
    }
}
