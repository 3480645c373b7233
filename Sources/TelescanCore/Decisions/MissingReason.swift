/// The stable reason codes of the output contract's `missing` entries. The codes are part of
/// the contract (scripts and review queues key on them), so they are a closed set here; their
/// query texts are profile data. Each reason is reported under one element.
public enum MissingReason: String, CaseIterable, Sendable, Comparable {
    case modalityNotDocumented = "MODALITY_NOT_DOCUMENTED"
    case modalityAmbiguous = "MODALITY_AMBIGUOUS"
    /// A technology is documented but the service does not accept it (e.g. portal messages
    /// for a real-time visit).
    case modalityNotAccepted = "MODALITY_NOT_ACCEPTED"
    case consentNotDocumented = "CONSENT_NOT_DOCUMENTED"
    case consentDeclined = "CONSENT_DECLINED"
    case timeOrMDMNotDocumented = "TIME_OR_MDM_NOT_DOCUMENTED"
    case timeNotDocumented = "TIME_NOT_DOCUMENTED"
    case timeBelowAudioOnlyMinimum = "TIME_BELOW_AUDIO_ONLY_MINIMUM"
    case patientLocationNotDocumented = "PATIENT_LOCATION_NOT_DOCUMENTED"
    case audioOnlyRequiresHome = "AUDIO_ONLY_REQUIRES_HOME"
    case performingProviderNotDocumented = "PERFORMING_PROVIDER_NOT_DOCUMENTED"
    case audioOnlyReasonNotDocumented = "AUDIO_ONLY_REASON_NOT_DOCUMENTED"
    case patientNotEstablished = "PATIENT_NOT_ESTABLISHED"
    case deviceDaysOrTimeNotDocumented = "DEVICE_DAYS_OR_TIME_NOT_DOCUMENTED"

    /// The element name the contract reports this reason under.
    public var element: String {
        switch self {
        case .modalityNotDocumented, .modalityAmbiguous, .modalityNotAccepted: "modality"
        case .consentNotDocumented, .consentDeclined: "consent"
        case .timeOrMDMNotDocumented: "time_or_mdm"
        case .timeNotDocumented, .timeBelowAudioOnlyMinimum: "time"
        case .patientLocationNotDocumented, .audioOnlyRequiresHome: "patient_location"
        case .performingProviderNotDocumented: "performing_provider"
        case .audioOnlyReasonNotDocumented: "audio_only_reason"
        case .patientNotEstablished: "patient_status"
        case .deviceDaysOrTimeNotDocumented: "device_days"
        }
    }

    /// Output order of missing elements: the order of this enum (technology, consent, time,
    /// location, performer, patient, reason, device days), so records are deterministic.
    public static func < (a: MissingReason, b: MissingReason) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Warning codes the decider can add (texts are profile data, shown in explanations).
public enum DecisionWarning: String, CaseIterable, Sendable {
    /// Everything required is documented but no code of the profile fits.
    case noCodeFits = "NO_CODE_FITS"
    /// The profile does not cover the note's service.
    case serviceNotInProfile = "SERVICE_NOT_IN_PROFILE"
    /// A virtual check-in bundled into a related E/M visit: reported with that visit, not alone.
    case checkinBundled = "CHECKIN_BUNDLED"

    /// Text used when a profile has none: warnings added after user profiles were written keep
    /// those profiles loading (the bundled profiles carry their own text for every warning).
    public var defaultText: String? {
        switch self {
        case .checkinBundled:
            "the check-in follows a related E/M visit of the previous 7 days or leads to an E/M visit within 24 hours, so it is reported with that visit"
        case .noCodeFits, .serviceNotInProfile: nil
        }
    }
}
