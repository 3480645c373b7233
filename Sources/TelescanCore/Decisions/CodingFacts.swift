/// What the decider has settled about one note before it looks codes up: the technology it
/// codes, the patient status (possibly assumed), whether time may choose a level, and the
/// place of service and modifiers every primary line carries.
struct CodingFacts {
    var profile: PayerProfile
    var service: Service
    var date: String
    /// The technology used for the service; nil when undocumented or ambiguous.
    var modality: String?
    /// new | established; "established" when assumed.
    var patientStatus: String?
    var statusAssumed: Bool
    var time: Int?
    /// False when a modality rule's minimum excludes the documented time from choosing a level.
    var timeUsableForLevel: Bool
    var minimumTime: Int?
    var mdm: String?
    var deviceDays: Int?
    var credential: String?
    var patientLocation: String?
    var pos: String?
    var modifiers: [String]

    /// "POS 10 because patient_location=home", or why there is none.
    var posText: String? {
        guard profile.services[service]?.placeOfService != nil else { return nil }
        if let pos, let patientLocation { return "POS \(pos) because patient_location=\(patientLocation)" }
        if patientLocation == nil { return "no POS because patient_location is not documented" }
        return "no POS for patient_location=\(patientLocation!)"
    }

    var modifierText: String? {
        guard !modifiers.isEmpty, let modality else { return nil }
        return "modifier \(modifiers.joined(separator: "-")) for \(ElementVocabulary.display(modality))"
    }

    var statusText: String? {
        guard let patientStatus else { return nil }
        return statusAssumed ? "\(patientStatus) (assumed: not stated)" : patientStatus
    }
}
