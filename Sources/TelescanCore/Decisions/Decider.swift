/// Turns a note's service and elements into a status, the missing elements with their
/// queries, and suggested codes, under one payer profile (decisions.md). Everything
/// payer-specific — requirements, thresholds, codes, dates, modifiers, POS, texts — comes
/// from the profile; this type only applies it.
public struct Decider: Sendable {
    public let profileName: String
    public let profile: PayerProfile

    public init(profile: PayerProfile) {
        self.profile = profile
        profileName = profile.name
    }

    /// A built-in profile (`<lexicons root>/profiles/NAME.yaml`), loaded and checked.
    public static func builtin(_ name: String, lexiconsRoot: String) throws -> Decider {
        let profile = try ProfileLoader.loadBuiltin(name, lexiconsRoot: lexiconsRoot)
        if let problem = ProfileChecker.check(profile).first { throw problem }
        return Decider(profile: profile)
    }

    /// A user's profile file, loaded and checked as strictly as the built-in ones.
    public static func file(_ path: String) throws -> Decider {
        let profile = try ProfileLoader.load(file: path)
        if let problem = ProfileChecker.check(profile).first { throw problem }
        return Decider(profile: profile)
    }

    /// - Parameter explain: whether to write the reviewer's texts (explanations, each code's rule
    /// and reason); JSON Lines and CSV output never show them, and building them was a tenth of
    /// a bulk scan.
    public func decide(service: Service?, elements e: NoteElements, serviceDate: String, explain: Bool = true) -> Decision {
        guard let service, service.isTelehealth else {
            var d = Decision(status: .notTelehealth)
            if explain {
                d.explanations = ["service \(service?.rawValue ?? "none"): no telehealth service documented, so status not_telehealth"]
            }
            return d
        }
        var d = Decision(status: .needsQuery)
        func note(_ text: @autoclosure () -> String) { if explain { d.explanations.append(text()) } }
        note("profile \(profileName), service \(service.rawValue), service date \(serviceDate)")
        guard let rules = profile.services[service] else {
            d.warnings.append(DecisionWarning.serviceNotInProfile.rawValue)
            note("status needs_query (\(DecisionWarning.serviceNotInProfile.rawValue)): \(warningText(.serviceNotInProfile))")
            return d
        }

        // The technology coded: none when the switch left the majority open.
        let modality = e.modalityAmbiguous ? nil : e.modality?.value
        let accepted = modality.map { rules.modalities?.contains($0) ?? true } ?? false
        let modalityRule = accepted ? rules.modalityRules[modality!] : nil

        var status = e.patientStatus?.value
        var assumed = false
        if status == nil && rules.usesPatientStatus {
            status = "established"
            assumed = true
            d.assumptions.append("patient_status=established")
            note("patient status not stated: assumed established")
        }

        // Each reason once, with the first explanation given (a list: a note has few).
        var missing: [(reason: MissingReason, why: String)] = []
        func report(_ reason: MissingReason, _ why: @autoclosure () -> String) {
            if !missing.contains(where: { $0.reason == reason }) { missing.append((reason, explain ? why() : "")) }
        }
        for req in rules.requirements {
            if let reason = req.check(e, modality: modality, accepted: rules.modalities) {
                report(reason, self.explain(reason, requirement: req, service: service, modality: modality, rules: rules))
            }
        }
        if let mr = modalityRule {
            let tech = ElementVocabulary.display(mr.modality)
            for req in mr.requirements {
                if let reason = req.check(e, modality: modality, accepted: rules.modalities) {
                    report(reason, "\(reason.element): \(tech) \(service.rawValue) under profile \(profileName) requires it; the note documents none")
                }
            }
        }

        // A minimum time for the technology (audio-only: more than 10 minutes of discussion).
        var timeUsable = true
        if let min = modalityRule?.minimumTime {
            let tech = ElementVocabulary.display(modalityRule!.modality)
            if let t = e.time?.value {
                if t < min.minutes {
                    timeUsable = false
                    report(min.reason, "time: \(t) minutes is below the \(min.minutes)-minute minimum for \(tech) under profile \(profileName); time cannot choose the level")
                }
            } else if e.mdm != nil {
                report(.timeNotDocumented, "time: \(tech) needs at least \(min.minutes) minutes documented under profile \(profileName); the note gives an MDM level but no time")
            }
        }

        // Patient locations allowed for the technology (Medicare audio-only: home).
        var blocked: String? = nil
        if let locations = modalityRule?.patientLocations, let place = e.patientLocation?.value, !locations.allowed.contains(place) {
            let tech = ElementVocabulary.display(modalityRule!.modality)
            blocked = "no code: \(tech) under profile \(profileName) needs patient_location \(locations.allowed.joined(separator: " or ")), and the note documents \(place)"
            report(locations.reason, "patient_location: " + blocked!)
        }

        let location = e.patientLocation?.value
        // A check-in bundled into a related E/M visit (coding-rules 1.3) is coded with that visit.
        let bundledCheckin = service == .virtualCheckin && e.checkinBundled != nil
        let facts = CodingFacts(profile: profile, service: service, date: serviceDate, modality: accepted ? modality : nil,
                                patientStatus: status, statusAssumed: assumed, time: e.time?.value,
                                timeUsableForLevel: timeUsable, minimumTime: modalityRule?.minimumTime?.minutes,
                                mdm: e.mdm?.value, deviceDays: e.deviceDays?.value,
                                credential: e.performingProvider?.value.credential, patientLocation: location,
                                pos: location.flatMap { rules.placeOfService?[$0] }, modifiers: modalityRule?.modifiers ?? [])
        if let blocked {
            note(blocked)
        } else if bundledCheckin {
            note("no code: the check-in is bundled into a related E/M visit (\(warningText(.checkinBundled)))")
        } else {
            // Remote monitoring: only the tables of the note's program (physiologic unless stated).
            let program = e.monitoringProgram?.value ?? "rpm"
            for table in rules.tables {
                if let programs = table.programs, !programs.contains(program) {
                    if program == "rtm", programs.contains(where: { $0.hasPrefix("rtm_") }) {
                        note("\(table.family): the note does not name the system therapeutic monitoring covers")
                    }
                    continue
                }
                let r = CodeSelector(facts: facts, explain: explain).select(table)
                d.codes += r.codes
                d.explanations += r.lines
            }
        }

        d.missing = missing.sorted { $0.reason < $1.reason }.map { reason, why in
            MissingElement(element: reason.element, reason: reason.rawValue,
                           query: QueryText.fill(profile.query(reason, service: service) ?? "", e),
                           explanation: why)
        }
        if explain { d.explanations += d.missing.map(\.explanation) }
        if !d.missing.isEmpty {
            d.status = .needsQuery
            note("status needs_query: \(d.missing.count) required element\(d.missing.count == 1 ? "" : "s") missing (\(d.missing.map(\.reason).joined(separator: ", ")))")
        } else if d.codes.isEmpty, bundledCheckin {
            d.status = .needsQuery
            d.warnings.append(DecisionWarning.checkinBundled.rawValue)
            note("status needs_query (\(DecisionWarning.checkinBundled.rawValue)): nothing missing, but \(warningText(.checkinBundled))")
        } else if d.codes.isEmpty {
            d.status = .needsQuery
            d.warnings.append(DecisionWarning.noCodeFits.rawValue)
            note("status needs_query (\(DecisionWarning.noCodeFits.rawValue)): nothing missing, but \(warningText(.noCodeFits))")
        } else {
            d.status = .ready
            note("status ready: every required element documented, \(d.codes.count) code line\(d.codes.count == 1 ? "" : "s") suggested")
        }
        return d
    }

    func warningText(_ w: DecisionWarning) -> String {
        profile.warnings[w] ?? w.defaultText ?? w.rawValue
    }

    func explain(_ reason: MissingReason, requirement: Requirement, service: Service, modality: String?, rules: ServiceRules) -> String {
        let head = "\(reason.element): "
        switch reason {
        case .modalityAmbiguous:
            return head + "the note documents a change of technology but not which one was used for most of the visit, so no visit code"
        case .modalityNotAccepted:
            return head + "\(ElementVocabulary.display(modality ?? "")) is not a technology \(service.rawValue) accepts under profile \(profileName) (\((rules.modalities ?? []).map(ElementVocabulary.display).joined(separator: ", ")))"
        case .consentDeclined:
            return head + "the note documents that consent was declined"
        case .patientNotEstablished:
            return head + "\(service.rawValue) is for established patients under profile \(profileName); the note documents a new patient"
        case .timeOrMDMNotDocumented:
            return head + "\(service.rawValue) needs total time or an MDM level to choose a level; the note documents neither"
        case .deviceDaysOrTimeNotDocumented:
            return head + "\(service.rawValue) needs device days, management minutes or both; the note documents neither"
        default:
            return head + "required for \(service.rawValue) under profile \(profileName); the note documents none"
        }
    }
}
