/// Decides which service a note documents, from its affirmed `service` cues and elements.
/// A telehealth mention that context voided (future, past, hypothetical) is not a service.
public struct ServiceClassifier: Sendable {
    /// Credentials of clinical staff (the `staff_credentials` list).
    let staff: StaffCredentials

    /// The cue values by which a note says it holds no encounter with the patient (a no-show, a
    /// scheduling or refill call, a contact without the patient, nothing clinical discussed).
    static let noEncounterCues: Set<String> = ["no_encounter", "no_patient", "clinician_consult", "no_clinical_content"]

    /// Credentials of staff whose contacts are always staff calls (the `staff_call_credentials`
    /// list: assistants, practical nurses, community health workers, paramedics).
    let staffCallOnly: StaffCredentials

    public init(staffCredentials: [String] = [], staffCallCredentials: [String] = []) {
        staff = StaffCredentials(staffCredentials)
        staffCallOnly = StaffCredentials(staffCallCredentials)
    }

    /// `isDated`: whether a calendar date stands beside a span (`DatedMention`); none by default.
    /// `onHeadingLine`: whether a byte offset lies on the note's first line with text, a short
    /// heading (`DatedMention.onHeadingLine`); none by default.
    public func classify(_ findings: [Finding], elements: NoteElements,
                         isDated: (Range<Int>) -> Bool = { _ in false },
                         onHeadingLine: (Int) -> Bool = { _ in false },
                         headingStatesFaceToFace: Bool = false) -> (Service?, [Range<Int>]) {
        let (service, evidence) = classifyCues(findings, elements: elements, isDated: isDated, onHeadingLine: onHeadingLine,
                                               headingStatesFaceToFace: headingStatesFaceToFace)
        // A call performed by clinical staff (an RN returning a call, an LPN handling a refill)
        // is no provider encounter, even with minutes: staff do not bill these services. A
        // registered nurse's or therapist's own clinical session (a lactation consult, diabetes
        // education, a wound review by video) is the visit the note documents, unless the note
        // names a staff task (a `staff_task` cue: a refill, triage, results, scheduling); an
        // assistant's or practical nurse's contact is always a staff call.
        if let service, service == .telemedicineVisit || service == .virtualCheckin || service == .eVisit,
           let performer = elements.performingProvider, isStaff(performer),
           staffCallOnly.contains(performer.value.credential) || findings.contains(where: {
               $0.isAffirmed && $0.element == .service && $0.value == "staff_task"
           }) {
            return (nil, performer.evidence)
        }
        return (service, evidence)
    }

    /// Whether the performer holds a credential of clinical staff (the `staff_credentials` list).
    public func isStaff(_ performer: NoteElements.Item<NoteElements.Provider>?) -> Bool {
        staff.contains(performer?.value.credential)
    }

    func classifyCues(_ findings: [Finding], elements: NoteElements, isDated: (Range<Int>) -> Bool,
                      onHeadingLine: (Int) -> Bool, headingStatesFaceToFace: Bool) -> (Service?, [Range<Int>]) {
        // The cue values and their first two spans; a note has a handful, so a list searched
        // in order is cheaper than a dictionary hashing every key.
        var cues = CueList()
        for f in findings where f.isAffirmed && f.element == .service {
            if let v = f.value { cues.add(v, f.span) }
        }
        // A statement that nothing clinical was discussed is also a no-encounter cue (where the
        // visit it sits beside outranks it, the other no-encounter checks still see it).
        if let spans = cues["no_clinical_content"] { for span in spans { cues.add("no_encounter", span) } }
        func ev(_ k: String) -> [Range<Int>] { cues[k].map { Array($0.prefix(2)) } ?? [] }
        let modality = elements.modality?.value
        // A contact without the patient (e-consult, clinician-to-clinician call, a family meeting
        // the patient took no part in) is no encounter with the patient, whatever its minutes.
        if cues["no_patient"] != nil { return (nil, ev("no_patient")) }
        // A stated face-to-face setting: an in-person cue of priority 1. The sections of a clinic
        // note (HPI, A/P, chief complaint) are priority 0: telehealth notes have them too.
        let statedInPerson = findings.contains {
            $0.isAffirmed && $0.element == .service && $0.value == "in_person" && $0.priority > 0
        }
        // A note titled as a face-to-face visit ("MEDICARE ANNUAL WELLNESS VISIT (subsequent) - in
        // office") whose no-encounter cues all come later (the front desk's cancellation of the
        // next visit, appended below the signed visit) is that visit, even without minutes or MDM.
        func titledOfficeVisit() -> Bool {
            guard let noEncounter = cues["no_encounter"]?.map(\.lowerBound).min() else { return false }
            return findings.contains {
                $0.isAffirmed && $0.element == .service && $0.value == "in_person" && $0.priority > 0
                    && $0.span.upperBound < noEncounter && onHeadingLine($0.span.lowerBound)
            }
        }
        // A month titled as the program's ("Remote Patient Monitoring - Monthly Review", the titled
        // rules' priority 3) with its management minutes is the month even when its plan names an
        // office visit to come.
        func titledMonthWithMinutes() -> Bool {
            elements.time != nil && findings.contains {
                $0.isAffirmed && $0.element == .service && $0.value == "remote_monitoring" && $0.priority > 2
            }
        }
        // An e-consult or clinician-to-clinician call the note names is that contact, unless the
        // note also documents a visit with the patient: the consult that was "converted to a
        // video visit" (the patient's place and a live technology), the phone visit titled as
        // such that goes over the consult's reply, the office visit or monitoring month that
        // mentions one (a month with its days of readings).
        if cues["clinician_consult"] != nil {
            let live = modality == "audio_video" || modality == "audio_only" || elements.modalitySwitch != nil
                || elements.modalityAmbiguous
            let liveWithPatient = elements.patientLocation != nil && live
            if !(liveWithPatient || cues["titled_visit"] != nil || statedInPerson || titledMonthWithMinutes()
                 || elements.deviceDays != nil) {
                return (nil, ev("clinician_consult"))
            }
        }
        // A note that says nothing clinical was discussed (an admin's test video call) is no
        // encounter, whatever its minutes: they are the call's, not a visit's work. Not when
        // the note also documents a visit (the patient's agreement or place, an MDM level): "No
        // clinical discussion took place" of a failed morning attempt, then a phone visit that
        // afternoon with the patient "at his sister's house".
        if cues["no_clinical_content"] != nil, elements.mdm == nil, elements.consent == nil, elements.patientLocation == nil {
            return (nil, ev("no_clinical_content"))
        }
        // A document with no encounter (scheduling, no-show, refill call) that mentions a visit
        // is still no encounter, unless it documents the work of one (MDM, or 5 minutes or more:
        // no service is billed for less, so "Call length 3 min" of a scheduling call is no visit).
        if cues["no_encounter"] != nil && (elements.time?.value ?? 0) < 5 && elements.mdm == nil {
            return titledOfficeVisit() ? (.inPerson, ev("in_person")) : (nil, ev("no_encounter"))
        }
        // A monitoring program named in an office visit's plan ("Enrolled in BP cuff RPM") is a
        // mention: a monitoring month that states a face-to-face setting still counts its days.
        // A month's readings told only by their count of days ("26 days of readings so far this
        // month", priority 1) in a note that names a telehealth visit held by video or phone is
        // that visit reviewing the readings, not the monitoring month.
        func visitReviewingReadings() -> Bool {
            cues["telemedicine_visit"] != nil && (modality == "audio_video" || modality == "audio_only")
                && !findings.contains {
                    $0.isAffirmed && $0.element == .service && $0.value == "remote_monitoring" && $0.priority > 1
                }
        }
        // A note whose first line names it a phone or video visit ("Phone visit - 03/09", "Tel
        // visit") is that visit: the program it mentions ("RPM participant", "RPM flagged SBP
        // 92") and the readings' days are what the visit reviews. The month's own title with its
        // minutes still makes the month.
        let titledVisit = cues["titled_visit"] != nil && !titledMonthWithMinutes()
        // A telehealth visit that changed technology ("started on video ... did the remaining
        // 17 minutes by phone") is a visit held in real time: the monitoring program it names
        // ("her BP cuff (remote monitoring program) sent readings") is what it reviewed.
        let visitThatSwitched = elements.modalitySwitch != nil && cues["telemedicine_visit"] != nil && !titledMonthWithMinutes()
        // A live visit with a level of decision making and the patient's place ("Visit conducted
        // via synchronous audio-video. Patient located at his home ... MDM: moderate") is that
        // visit, though it reviews the program's data ("RPM weight and BP review"): a monitoring
        // month has management minutes, not a level of decision making.
        let visitWithDecisionMaking = elements.mdm != nil && elements.patientLocation != nil
            && (modality == "audio_video" || modality == "audio_only") && !titledMonthWithMinutes()
        // An office visit by its heading ("CARDIOLOGY ASSOCIATES - OFFICE VISIT", `FaceToFaceHeading`)
        // that goes over the program's readings ("Remote cuff average for February: 131/79 over
        // 24 days of readings") is that visit, not the month; the month's own title with its
        // minutes still makes the month.
        func officeVisitByHeading() -> Bool {
            headingStatesFaceToFace && elements.modalitySwitch == nil && !titledMonthWithMinutes()
        }
        if cues["remote_monitoring"] != nil, !statedInPerson || elements.deviceDays != nil || titledMonthWithMinutes(),
           !visitReviewingReadings(), !titledVisit, !visitThatSwitched, !visitWithDecisionMaking, !officeVisitByHeading() {
            return (.remoteMonitoring, ev("remote_monitoring"))
        }
        // A check-in or portal message that became a full visit is that visit: the check-in is
        // bundled into the E/M service it leads to.
        if cues["escalated_to_visit"] != nil {
            return (.telemedicineVisit, ev("escalated_to_visit") + (elements.modality?.evidence ?? []))
        }
        if modality == "remote_monitoring", elements.deviceDays != nil, !titledVisit, !officeVisitByHeading() {
            return (.remoteMonitoring, elements.modality!.evidence)
        }
        // A monitoring month (the program named, readings on a count of days) whose management
        // included a call with the patient (the interactive communication the month's codes
        // require) is still that month: the call's technology outranks the program's as the
        // modality, not as the service.
        if elements.deviceDays != nil, cues["telemedicine_visit"] == nil, !statedInPerson, !titledVisit,
           let program = findings.first(where: { $0.isAffirmed && $0.element == .modality && $0.value == "remote_monitoring" }) {
            return (.remoteMonitoring, [program.span])
        }
        // A note titled as a phone or video visit that names an e-visit elsewhere ("follow-up
        // e-visit in 2 weeks") is still the visit.
        if cues["e_visit"] != nil, !titledVisit { return (.eVisit, ev("e_visit")) }
        if cues["virtual_checkin"] != nil { return (.virtualCheckin, ev("virtual_checkin")) }
        if modality == "online_message" || modality == "store_and_forward", cues["telemedicine_visit"] == nil {
            // An office visit whose history mentions a portal message is still an office visit.
            if cues["e_visit"] == nil, statedInPerson, elements.consent == nil { return (.inPerson, ev("in_person")) }
            return (.eVisit, elements.modality!.evidence)
        }
        // A stated face-to-face visit written as a clinic note (its sections: CC, Exam, A/P),
        // with its work (minutes or MDM), outranks a no-encounter cue: "No telehealth visit took
        // place" in an office visit booked as video says which visit did not happen, not that
        // none did. A coordination note that only names an "ED visit" has no such sections.
        // Asked only where a no-encounter cue stands, so most notes never scan for it.
        func officeVisitWork() -> Bool {
            statedInPerson && ((elements.time?.value ?? 0) >= 5 || elements.mdm != nil) && findings.contains {
                $0.isAffirmed && $0.element == .service && $0.value == "in_person" && $0.priority == 0
            }
        }
        // A lone "by phone" or "by video" in a note that reads as a face-to-face encounter is a
        // mention (a call to a colleague, a video EEG), not the visit's technology. A switch
        // between video and phone, or the technology that carried most of the visit, is not: it
        // describes the visit itself ("started on video, it froze, finished by phone").
        // In a note that states a face-to-face setting, a technology with a date beside it ("I saw
        // her by video on 09/03", "completed by telephone 02/04/2026 by the RN") is another
        // day's contact: it is no strong statement of this visit's technology.
        let strongModality = elements.modalitySwitch != nil || findings.contains {
            $0.isAffirmed && (($0.element == .modality && $0.priority > 0 && !(statedInPerson && isDated($0.span)))
                              || $0.element == .modalityMajority)
        }
        if !strongModality, cues["telemedicine_visit"] == nil, modality == "audio_video" || modality == "audio_only" {
            // A weak mention stands only with other signs of a remote visit (consent, the
            // patient's location), and not against a stated face-to-face setting. In a note shaped
            // like a clinic note it needs both signs: "BP readings at home ... called the pharmacy
            // by phone" is an office visit.
            let supported = elements.consent != nil || elements.patientLocation != nil
            let sectionsOnly = cues["in_person"] != nil && !statedInPerson
            let bothSigns = elements.consent != nil && elements.patientLocation != nil
            if statedInPerson || !supported || (sectionsOnly && !bothSigns) {
                // An intake or scheduling call that offers a video or an in-person slot is
                // still no encounter.
                if cues["no_encounter"] != nil, !officeVisitWork() { return (nil, ev("no_encounter")) }
                return cues["in_person"] != nil ? (.inPerson, ev("in_person")) : (nil, [])
            }
        }
        // Likewise a lone "telemedicine visit" in a note that states a face-to-face setting, with
        // no technology, consent or location of a remote visit, is a mention.
        if modality == nil, !elements.modalityAmbiguous, cues["telemedicine_visit"] != nil, statedInPerson,
           elements.consent == nil, elements.patientLocation == nil {
            return (.inPerson, ev("in_person"))
        }
        // A note whose heading states a face-to-face visit ("Internal Medicine Office Visit",
        // "FAMILY MEDICINE -- OFFICE VISIT (in person)") is that visit: the video or phone it
        // names in its body is another day's, a plan's or a relative's (s53: over the sets, 16
        // such notes read as telehealth were face-to-face and 2 telehealth, both with the
        // technology beside the heading's words; `FaceToFaceHeading`). Not when the note states
        // a switch between technologies, nor when the body says this service was telehealth and
        // the patient agreed to it ("This service was provided via telemedicine. The patient
        // consented to telehealth.").
        let statedTelehealthWithConsent = cues["telemedicine_visit"] != nil && elements.consent?.value.value == "documented"
        if headingStatesFaceToFace, elements.modalitySwitch == nil, !elements.modalityAmbiguous, !titledVisit, !statedTelehealthWithConsent {
            return (.inPerson, ev("in_person"))
        }
        if modality == "audio_video" || modality == "audio_only" || elements.modalityAmbiguous
            || cues["telemedicine_visit"] != nil || titledVisit {
            return (.telemedicineVisit, ev("telemedicine_visit") + (elements.modality?.evidence ?? []))
        }
        // A monitoring month told in prose, with no visit of another kind: the device's readings
        // on a count of days ("his oximeter sent readings on 19 of the 30 days"), the program
        // named only in the past ("consented to remote monitoring in January") or not at all; or
        // the program with its management minutes ("Total management time this period was 32
        // minutes").
        if !statedInPerson, cues["no_encounter"] == nil {
            if let days = elements.deviceDays { return (.remoteMonitoring, days.evidence) }
            if modality == "remote_monitoring", elements.time != nil { return (.remoteMonitoring, elements.modality!.evidence) }
        }
        if cues["no_encounter"] != nil, !officeVisitWork() { return (nil, ev("no_encounter")) }
        // The patient agreed to meet this way, the note says where the patient was and what
        // the visit took (minutes or a level of decision making): a remote visit whose
        // technology the note does not name in words the rules read ("Telehealth on Coviu ...
        // Re-checked she's still happy doing sessions this way ... at home ... 50 min"). Not
        // against any face-to-face cue, and not for a refusal. Without the visit's work, a
        // procedure's "informed consent was obtained" and a history's "lifting at work" in a
        // dictated operative note would make one.
        if cues["in_person"] == nil, let consent = elements.consent, consent.value.value == "documented",
           let place = elements.patientLocation, elements.time != nil || elements.mdm != nil {
            return (.telemedicineVisit, Array(consent.evidence.prefix(1) + place.evidence.prefix(1)))
        }
        if cues["in_person"] != nil { return (.inPerson, ev("in_person")) }
        return (nil, [])
    }
}

/// Service cue values with their spans, in order of first appearance.
struct CueList {
    var values: [String] = []
    var spans: [[Range<Int>]] = []

    mutating func add(_ value: String, _ span: Range<Int>) {
        if let i = values.firstIndex(of: value) { spans[i].append(span) } else { values.append(value); spans.append([span]) }
    }

    subscript(_ value: String) -> [Range<Int>]? {
        values.firstIndex(of: value).map { spans[$0] }
    }
}
