/// The categories a target rule can report: the documentation elements of decisions.md plus
/// a few cues the element and service logic use (`service`, `scribe`, `modality_majority`,
/// `monitoring_program`).
public enum Element: String, CaseIterable, Sendable, Codable {
    case service
    case modality
    case modalitySwitch = "modality_switch"
    case modalityMajority = "modality_majority"
    case consent
    case time
    case mdm
    case patientLocation = "patient_location"
    case providerLocation = "provider_location"
    case performingProvider = "performing_provider"
    case scribe
    case patientStatus = "patient_status"
    case audioOnlyReason = "audio_only_reason"
    case deviceDays = "device_days"
    /// Remote monitoring: physiologic (RPM) or therapeutic (RTM), and RTM's body system.
    case monitoringProgram = "monitoring_program"

    /// Position in `allCases`, for per-element arrays (cheaper than hashing in the hot path).
    @inline(__always) var ordinal: Int {
        switch self {
        case .service: 0
        case .modality: 1
        case .modalitySwitch: 2
        case .modalityMajority: 3
        case .consent: 4
        case .time: 5
        case .mdm: 6
        case .patientLocation: 7
        case .providerLocation: 8
        case .performingProvider: 9
        case .scribe: 10
        case .patientStatus: 11
        case .audioOnlyReason: 12
        case .deviceDays: 13
        case .monitoringProgram: 14
        }
    }
}

/// The context categories a context (trigger) rule can report (ConText family).
public enum ContextCategory: String, CaseIterable, Sendable, Codable {
    case negation
    case hypothetical
    case historical
    case otherExperiencer = "other_experiencer"
    /// Looks like a trigger but is not ("no increase", "not only"): cancels triggers it overlaps.
    case pseudo
    /// Ends the scope of triggers ("but", "however").
    case terminate
    /// An unticked template box or an unfilled blank: documents nothing.
    case unchecked
    /// A ticked template box: documents, and ends the scope of an earlier box.
    case checked
    /// A clause break (a comma): ends the scope only of triggers that list it in
    /// `terminated_by` ("Patient at home, consent given, video not possible": "not possible" is
    /// about the video, not the home or the consent).
    case clause
    /// A comma before a new statement of a terse note ("camera not working, verbal consent"):
    /// ends the scope only of triggers that list it (forward negation), as `clause` does.
    case statement
    /// A new clause after a negation ("Couldn't do video, she was at work in her car", "preferred
    /// not to use video because he was at his job site"): ends only the scope of triggers that
    /// list it (the forward negations), so a relative named before it stays the clause's subject
    /// for the experiencer triggers, as it would not after a `statement`.
    case negationEnd = "negation_end"
    /// A correction of the note ("Correction 08/15/2025: ... she was at her daughter's house",
    /// "Please disregard the line ..."): a block trigger whose paragraph restates an element;
    /// that element's statements before the restatement are replaced (`ContextEngine.applyCorrection`).
    case correction
}

/// The direction in which a trigger's scope extends from the trigger.
public enum ContextDirection: String, Sendable, Codable {
    case forward, backward, both
}

/// The encounter kinds of decisions.md.
public enum Service: String, Sendable, Codable, CaseIterable {
    case telemedicineVisit = "telemedicine_visit"
    case virtualCheckin = "virtual_checkin"
    case eVisit = "e_visit"
    case remoteMonitoring = "remote_monitoring"
    case inPerson = "in_person"

    public var isTelehealth: Bool { self != .inPerson }
}

/// Output status of a note.
public enum NoteStatus: String, Sendable, Codable {
    case ready
    case needsQuery = "needs_query"
    case notTelehealth = "not_telehealth"
    case error
}
