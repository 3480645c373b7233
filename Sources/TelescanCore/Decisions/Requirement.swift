/// A documentation requirement a profile can list for a service (`require:`). What each one
/// checks is fixed here; which services need which is profile data.
public enum Requirement: String, CaseIterable, Sendable {
    case modality
    case consent
    case time
    /// Time or an MDM level: either one lets the level be chosen.
    case timeOrMDM = "time_or_mdm"
    case patientLocation = "patient_location"
    case performingProvider = "performing_provider"
    /// The patient must not be new (a note that does not say is assumed established).
    case establishedPatient = "established_patient"
    case audioOnlyReason = "audio_only_reason"
    /// Remote monitoring: device days, management minutes, or both.
    case deviceDaysOrTime = "device_days_or_time"

    /// The reasons this requirement can report (for the checker: each needs a query text).
    public var reasons: [MissingReason] {
        switch self {
        case .modality: [.modalityNotDocumented, .modalityAmbiguous, .modalityNotAccepted]
        case .consent: [.consentNotDocumented, .consentDeclined]
        case .time: [.timeNotDocumented]
        case .timeOrMDM: [.timeOrMDMNotDocumented]
        case .patientLocation: [.patientLocationNotDocumented]
        case .performingProvider: [.performingProviderNotDocumented]
        case .establishedPatient: [.patientNotEstablished]
        case .audioOnlyReason: [.audioOnlyReasonNotDocumented]
        case .deviceDaysOrTime: [.deviceDaysOrTimeNotDocumented]
        }
    }

    /// The reason the note fails this requirement for, or nil when it is met.
    /// `modality` is the technology the decision uses (nil when ambiguous or absent);
    /// `accepted` the technologies the service accepts (nil: any).
    func check(_ e: NoteElements, modality: String?, accepted: [String]?) -> MissingReason? {
        switch self {
        case .modality:
            if e.modalityAmbiguous { return .modalityAmbiguous }
            guard let modality else { return .modalityNotDocumented }
            if let accepted, !accepted.contains(modality) { return .modalityNotAccepted }
            return nil
        case .consent:
            guard let c = e.consent else { return .consentNotDocumented }
            return c.value.value == "declined" ? .consentDeclined : nil
        case .time: return e.time == nil ? .timeNotDocumented : nil
        case .timeOrMDM: return e.time == nil && e.mdm == nil ? .timeOrMDMNotDocumented : nil
        case .patientLocation: return e.patientLocation == nil ? .patientLocationNotDocumented : nil
        case .performingProvider: return e.performingProvider == nil ? .performingProviderNotDocumented : nil
        case .establishedPatient: return e.patientStatus?.value == "new" ? .patientNotEstablished : nil
        case .audioOnlyReason: return e.audioOnlyReason == nil ? .audioOnlyReasonNotDocumented : nil
        case .deviceDaysOrTime: return e.deviceDays == nil && e.time == nil ? .deviceDaysOrTimeNotDocumented : nil
        }
    }
}
