/// Turns the affirmed findings of a note into its elements: picks, per element, the finding
/// that counts (highest rule priority, then the element's tie-break) and computes the value.
public struct ElementResolver: Sendable {
    /// The patient-status value of a clinician's own first meeting ("new to me", "I have not
    /// met her before"): new, unless the practice has seen the patient.
    static let newToClinician = "new_to_clinician"

    /// Credential spellings as written → canonical form (from the `credentials` list).
    let credentials: [String: String]
    /// Credentials of clinical staff (the `staff_credentials` list).
    let staff: StaffCredentials

    public init(credentials: [String], staffCredentials: [String] = []) {
        var map: [String: String] = [:]
        // The first spelling of a key is canonical ("MD" before "M.D.").
        for c in credentials where map[ElementResolver.credentialKey(c)] == nil { map[ElementResolver.credentialKey(c)] = c }
        self.credentials = map
        staff = StaffCredentials(staffCredentials)
    }

    /// Letters only, upper-cased ("Ph.D." = "PHD", "PA-C" = "PAC").
    static func credentialKey(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            var out = ""
            for b in s.utf8 where (b | 0x20) >= 97 && (b | 0x20) <= 122 { out.unicodeScalars.append(Unicode.Scalar(b & ~0x20)) }
            return out
        }
        return String(s.uppercased().filter { $0.isLetter })
    }

    /// `startsEntry`: whether a signature's span opens its line or follows a sign-off mark
    /// ("-- Ruth Osei, MD"), as a signed entry's does; every span by default.
    public func resolve(_ all: [Finding], inputPatientStatus: String?,
                        startsEntry: (Int) -> Bool = { _ in true }) -> NoteElements {
        var e = NoteElements()
        // One pass groups the affirmed findings by element; each element's list is sorted when
        // asked for.
        var groups = [[Finding]](repeating: [], count: Element.allCases.count)
        for f in all where f.isAffirmed { groups[f.element.ordinal].append(f) }
        func of(_ el: Element) -> [Finding] {
            let g = groups[el.ordinal]
            if g.count < 2 { return g }
            return g.sorted {
                $0.priority != $1.priority ? $0.priority > $1.priority : $0.span.lowerBound < $1.span.lowerBound
            }
        }

        // Modality, switches and the technology used for most of the visit.
        let modalities = of(.modality).filter { $0.value != nil }
        let switches = of(.modalitySwitch)
        let times = of(.time).compactMap { f -> (Finding, Int)? in
            TimeValue.minutes(captures: f.captures, value: f.value).map { (f, $0) }
        }
        let clockPair = times.isEmpty ? Self.clockPair(of(.time)) : nil
        let bestTime = times.max(by: { a, b in
            a.0.priority != b.0.priority ? a.0.priority < b.0.priority : a.1 < b.1
        }) ?? clockPair.map { ($0.end, $0.minutes) }
        let majority = of(.modalityMajority).compactMap { f -> Finding? in
            var f = f
            if f.value == nil { f.value = Self.majorityValue(f.captures, totalMinutes: bestTime?.1) }
            return f.value == nil ? nil : f
        }
        let statesVideo = modalities.contains { $0.value == "audio_video" }
        let statesPhone = modalities.contains { $0.value == "audio_only" }
        if let sw = switches.first {
            e.modalitySwitch = .init(true, evidence: [sw.span])
            // A switch whose other technology is mentioned only as voided (scheduled, declined,
            // not used: "Scheduled as a video visit. Patient declined video ... converted to
            // telephone") used the one that is affirmed.
            let affirmed: String? = statesVideo == statesPhone ? nil : (statesPhone ? "audio_only" : "audio_video")
            // So did a switch from a chat or messages, named before it, to the one live technology
            // the note names, named first at or after the switch ("chat intake converted to video",
            // "clinician chat converted to telephone visit"); not one that names the live
            // technology before the switch ("chat, then video on Doxy.me, later converted to phone").
            let onlyOne = affirmed.flatMap { a -> String? in
                let other = a == "audio_only" ? "audio_video" : "audio_only"
                let firstLive = modalities.filter { $0.value == a }.map(\.span.lowerBound).min() ?? 0
                let fromMessages = firstLive >= sw.span.lowerBound
                    && modalities.contains { $0.value == "online_message" && $0.span.lowerBound < sw.span.lowerBound }
                return fromMessages || all.contains { !$0.isAffirmed && $0.element == .modality && $0.value == other } ? a : nil
            }
            if let decided = majority.first?.value ?? sw.value {
                let ev = (majority.first.map { [$0.span] } ?? []) + [sw.span]
                e.modality = .init(decided, evidence: ev)
            } else if let onlyOne {
                e.modality = .init(onlyOne, evidence: evidenceList(modalities.filter { $0.value == onlyOne }) + [sw.span])
            } else {
                e.modalityAmbiguous = true
            }
        } else if let top = modalities.first {
            var value = top.value!
            // A message named first and a live technology of the same priority stated more often
            // (a portal message, then "PHONE VISIT 13:00-13:16 ... we did the visit by phone"):
            // the message asked for the visit that the note documents.
            if value == "online_message" {
                let live = modalities.filter { $0.priority == top.priority && ($0.value == "audio_only" || $0.value == "audio_video") }
                if let first = live.first, !(statesVideo && statesPhone),
                   modalities.filter({ $0.value == first.value }).count > 2 * modalities.filter({ $0.value == "online_message" }).count {
                    value = first.value!
                }
            }
            // Video and phone both stated with no switch: the higher-priority statement wins; a
            // stated majority settles it. One that names a part of the visit ("the first couple
            // of minutes over the phone ..., then the rest of the visit on video"), not the whole
            // of it ("the entire visit was by phone"), says the visit changed technology.
            if statesVideo && statesPhone, let m = majority.first {
                value = m.value!
                if let part = majority.first(where: { $0.captures["whole"] == nil }) {
                    e.modalitySwitch = .init(true, evidence: [part.span])
                }
            }
            e.modality = .init(value, evidence: evidenceList(modalities.filter { $0.value == value }))
        }

        // A consent sentence the note later retracts ("the consent statement above was inserted
        // by the template; consent was not actually discussed") documents nothing; a consent
        // stated after the retraction still counts.
        let consents = of(.consent).filter { $0.value != nil }
        let retractedBefore = consents.filter { $0.value == Self.consentRetracted }.map(\.span.lowerBound).max()
        if let c = consents.first(where: { $0.value != Self.consentRetracted && $0.span.lowerBound > (retractedBefore ?? -1) }) {
            let by = c.captures["by"].map(normaliseBy) ?? "patient"
            e.consent = .init(.init(value: c.value!, by: by), evidence: [c.span])
        }

        // Time: the highest-priority statement; among equals the largest total ("35 minutes
        // total, of which 20 counseling" = 35).
        if let best = bestTime {
            e.time = .init(best.1, evidence: clockPair.map { [$0.start.span, $0.end.span] } ?? [best.0.span])
        }

        if let m = of(.mdm).first(where: { $0.value != nil }) { e.mdm = .init(m.value!, evidence: [m.span]) }
        if let p = of(.patientLocation).first(where: { $0.value != nil }) {
            e.patientLocation = .init(p.value!, evidence: [p.span])
        }
        if let p = of(.providerLocation).first {
            let place = p.captures["place"] ?? p.value ?? "documented"
            e.providerLocation = .init(Self.collapsingSpaces(place).lowercased(), evidence: [p.span])
        }

        // Performing provider: the scribe is never the performer; a trainee who signs under a
        // teaching physician (a scribe finding of value "trainee") is not either, unless no one
        // else signs ("Discussed with attending Dr. X, who agrees" below a resident's own note).
        // The last attestation or signature of the highest priority wins.
        let scribeFindings = groups[Element.scribe.ordinal]
        func names(_ fs: [Finding]) -> [String] { fs.compactMap { $0.captures["name"].map(normaliseName) } }
        let scribes = names(scribeFindings.filter { $0.value != Self.trainee })
        let trainees = names(scribeFindings.filter { $0.value == Self.trainee })
        func signs(_ f: Finding, as listed: [String]) -> Bool {
            guard !listed.isEmpty, let n = f.captures["name"] else { return false }
            return listed.contains(normaliseName(n))
        }
        let candidates = of(.performingProvider).filter { !signs($0, as: scribes) }
        let untrained = candidates.filter { !signs($0, as: trainees) }
        let providers = untrained.isEmpty ? candidates : untrained
        // A name written last name first ("Okafor-Reyes, Damaris MD") is given first-last.
        func fullName(_ f: Finding) -> String? {
            f.captures["first"].flatMap { first in f.captures["last"].map { cleanName(first) + " " + cleanName($0) } }
                ?? f.captures["name"].map(cleanName)
        }
        if let topPriority = providers.first?.priority {
            let top = providers.filter { $0.priority == topPriority }
            var best = top.max { $0.span.lowerBound < $1.span.lowerBound }!
            // Staff who sign after a clinician's signed visit wrote a later entry of their own (the
            // nurse's afternoon call below the morning's video visit): the clinician performed the
            // visit. A clinician who signs after staff attests to the staff's work, as before. Only
            // a clinician's signature that starts an entry: a name and credential read inside a
            // line ("27F, EST DENTAL PT" in capitals) signs nothing.
            if isStaff(best) {
                let signedBefore = top.filter {
                    !isStaff($0) && $0.span.upperBound <= best.span.lowerBound && startsEntry($0.span.lowerBound)
                }
                if let clinician = signedBefore.max(by: { $0.span.lowerBound < $1.span.lowerBound }) { best = clinician }
            }
            var name = fullName(best)
            let cred = best.captures["credential"].map(canonicalCredential)
            var evidence = [best.span]
            // An initial for the given name ("M. Constantinescu, NP" heading an addendum) is the
            // same clinician as a full signature elsewhere in the note with that surname, that
            // initial and no other credential: the full name is reported.
            if let n = name, let initial = Self.givenInitial(n),
               let full = providers.first(where: { f in
                   guard let m = fullName(f), Self.givenInitial(m) == nil, Self.surname(m) == Self.surname(n),
                         m.first.map({ String($0).lowercased() }) == initial else { return false }
                   let c = f.captures["credential"].map(canonicalCredential)
                   return c == nil || cred == nil || c == cred
               }) {
                name = fullName(full)
                evidence.append(full.span)
            } else if let n = name, let short = Self.shortGivenName(n),
                      let full = providers.first(where: { f in
                          guard let m = fullName(f), Self.surname(m) == Self.surname(n),
                                let given = m.split(separator: " ").first?.lowercased(),
                                given.count > short.count,
                                // A nickname that is no prefix only in a name of as many words: not
                                // "Signed Lydia Park" for "Lydia Park", nor "Lucía Moncayo" for "Ana Lucía Moncayo".
                                given.hasPrefix(short) || m.split(separator: " ").count == n.split(separator: " ").count else { return false }
                          let c = f.captures["credential"].map(canonicalCredential)
                          return c == cred
                      }) {
                // A short form of the given name ("Matt Okonkwo, DO" signing under a header's
                // "Matthew Okonkwo, DO"; a nickname that is no prefix, "Hank Oyelaran-Fisk, PT"
                // under "Therapist: PT, DPT - Henry Oyelaran-Fisk"): the same clinician, with the
                // same surname and credential; the full name is reported.
                name = fullName(full)
                evidence.append(full.span)
            }
            e.performingProvider = .init(.init(name: name, credential: cred), evidence: evidence)
        }

        let statuses = of(.patientStatus).filter { $0.value != nil }
        if let s = statuses.first {
            // "New to me" is the writer's view (the `new_to_clinician` rules): a patient the note
            // also shows the practice has seen ("with our clinic since 2023") is established, as
            // CPT counts any clinician of the group; else it is a new patient.
            if s.value == Self.newToClinician {
                if let stated = statuses.first(where: { $0.value == "new" }) {
                    e.patientStatus = .init("new", evidence: [stated.span])
                } else if let seen = statuses.first(where: { $0.value == "established" }) {
                    e.patientStatus = .init("established", evidence: [seen.span])
                } else {
                    e.patientStatus = .init("new", evidence: [s.span])
                }
            } else {
                e.patientStatus = .init(s.value!, evidence: [s.span])
            }
        } else if let input = inputPatientStatus?.lowercased(), input == "new" || input == "established" {
            e.patientStatus = .init(input)
            e.patientStatusFromInput = true
        }
        // Why video was not used, only where it was not: a visit held (or, after a switch,
        // coded) by video has no such reason ("the interpreter's camera failed" is someone
        // else's device; a visit that went back to video for most of its time is a video visit).
        if let r = of(.audioOnlyReason).first, e.modality?.value != "audio_video" {
            e.audioOnlyReason = .init(true, evidence: [r.span])
        }
        let days = of(.deviceDays).compactMap { f -> (Finding, Int)? in
            guard let d = f.captures["days"].flatMap(NumberParser.parse), d >= 0, d <= 31 else { return nil }
            return (f, Int(d))
        }
        if let best = days.max(by: { a, b in a.0.priority != b.0.priority ? a.0.priority < b.0.priority : a.1 < b.1 }) {
            e.deviceDays = .init(best.1, evidence: [best.0.span])
        }
        // Therapeutic monitoring when the note says so (with its body system when it names one);
        // otherwise (nil) physiologic, the common program.
        let programs = of(.monitoringProgram)
        if let rtm = programs.first(where: { $0.value == "rtm" }) {
            if let system = programs.first(where: { $0.value != "rtm" }), let v = system.value {
                e.monitoringProgram = .init("rtm_" + v, evidence: [rtm.span, system.span])
            } else {
                e.monitoringProgram = .init("rtm", evidence: [rtm.span])
            }
        }
        return e
    }

    /// A visit's start and its end written apart, each with its clock time, as a log or a
    /// narrative gives them ("14:00 session opened" ... "14:58 session ended"; "I called the pt
    /// back at 9:22 PM" ... "Hung up 9:37 PM"): time findings with a `visit_start` or a
    /// `visit_end` capture and no minutes. When no statement gives the minutes, the first start
    /// and the last end after it do (evidence: both).
    static func clockPair(_ findings: [Finding]) -> (start: Finding, end: Finding, minutes: Int)? {
        let starts = findings.filter { $0.captures["visit_start"] != nil }.sorted { $0.span.lowerBound < $1.span.lowerBound }
        guard let start = starts.first, let from = start.captures["visit_start"] else { return nil }
        let ends = findings.filter { $0.captures["visit_end"] != nil && $0.span.lowerBound > start.span.lowerBound }
        guard let end = ends.max(by: { $0.span.lowerBound < $1.span.lowerBound }), let to = end.captures["visit_end"],
              let minutes = TimeValue.span(from: from, to: to), minutes <= 4 * 60 else { return nil }
        return (start, end, minutes)
    }

    /// The lower-cased initial of a name whose given name is only an initial ("M. Lee", "M Lee"),
    /// or nil.
    static func givenInitial(_ name: String) -> String? {
        let parts = name.split(separator: " ")
        guard parts.count >= 2, let first = parts.first else { return nil }
        let letters = first.filter { $0 != "." }
        guard letters.count == 1, let c = letters.first, c.isLetter else { return nil }
        return String(c).lowercased()
    }

    /// The given name of a name of two or more words, lower-cased, when it is three to five
    /// letters: the length of a short form ("Matt", "Dani", "Kate", "Chris").
    static func shortGivenName(_ name: String) -> String? {
        let parts = name.split(separator: " ")
        guard parts.count >= 2, let first = parts.first, first.count >= 3, first.count <= 5,
              first.allSatisfy(\.isLetter) else { return nil }
        return first.lowercased()
    }

    /// The last word of a name, lower-cased.
    static func surname(_ name: String) -> String { name.split(separator: " ").last.map { $0.lowercased() } ?? "" }

    /// The value of a consent rule that retracts the consent sentences before it.
    static let consentRetracted = "retracted"

    /// The value of a scribe rule that names a trainee signing under a teaching physician.
    static let trainee = "trainee"

    /// The technology used for most of a switched visit, from stated segment durations
    /// (`first`/`first_minutes`, `second`/`second_minutes`, in digits or words: "about
    /// fifteen more minutes"; or a segment's clock range, `first_from`/`first_to`), or from the
    /// first or the last segment and the visit's total time.
    /// Nil when the note does not settle it.
    static func majorityValue(_ c: [String: String], totalMinutes: Int?) -> String? {
        func mode(_ raw: String?) -> String? {
            guard let r = raw?.lowercased() else { return nil }
            // Paraphrase names the technology by its parts: "by voice", "her landline", "on camera".
            if r.contains("video") || r == "vid" || r == "vv" || r.contains("camera") || r.contains("screen") || r.contains("webcam") || r.contains("picture") { return "audio_video" }
            if r.contains("phone") || r.contains("audio") || r == "call" || r == "ph" || r == "tel" || r.contains("voice")
                || r.contains("landline") || r == "mobile" || r == "cell" { return "audio_only" }
            return nil
        }
        func other(_ m: String) -> String { m == "audio_video" ? "audio_only" : "audio_video" }
        let secondMode = mode(c["second"])
        func minutes(_ raw: String?) -> Int? { raw.flatMap(NumberParser.parse).map { Int($0.rounded()) } }
        // A segment's clock range ("video 09:00-09:09 ... phone 09:11-09:25") gives its minutes.
        func clockMinutes(_ segment: String) -> Int? {
            guard let from = c[segment + "_from"], let to = c[segment + "_to"],
                  let m = TimeValue.span(from: from, to: to), m <= 4 * 60 else { return nil }
            return m
        }
        let second = minutes(c["second_minutes"]) ?? clockMinutes("second")
        let first = minutes(c["first_minutes"]) ?? clockMinutes("first")
        let firstMode = mode(c["first"]) ?? secondMode.map(other)
        if let first, let second, let firstMode, let secondMode {
            if first == second { return nil }
            return first > second ? firstMode : secondMode
        }
        if let second, let secondMode, let total = totalMinutes, total > 0 {
            if second * 2 == total { return nil }
            return second * 2 > total ? secondMode : other(secondMode)
        }
        // The first segment ("switched to phone after 4 minutes") and the total: the rest of the
        // visit is the other technology.
        if let first, let firstMode, let total = totalMinutes, total > first {
            if first * 2 == total { return nil }
            return first * 2 > total ? firstMode : other(firstMode)
        }
        return nil
    }

    /// A remote-monitoring or e-visit note names its own technology even when it also mentions
    /// a video or phone call (the interactive communication): report that one. A virtual
    /// check-in asked for by message reports the call's technology instead.
    public func alignModality(_ e: inout NoteElements, service: Service?, findings: [Finding]) {
        let wanted: [String]
        switch service {
        case .remoteMonitoring?: wanted = ["remote_monitoring"]
        case .eVisit?: wanted = ["online_message", "store_and_forward"]
        // A check-in the patient asked for by message ("Pt messaged asking for a quick call ...
        // connected with her by video") was held by the call's technology, when the note names it.
        case .virtualCheckin? where e.modality?.value == "online_message": wanted = ["audio_video", "audio_only"]
        default: return
        }
        // An e-visit whose photos themselves were reviewed ("Reviewed both images.", "E-visit -
        // photo review") was a store-and-forward review, though the portal that carried the photos
        // is named first and with a higher priority (s53: writers label such notes so 71 to 22).
        if service == .eVisit, e.modality?.value == "online_message" {
            let photos = findings.filter { $0.isAffirmed && $0.element == .modality && $0.value == "store_and_forward" }
            if !photos.isEmpty {
                e.modality = .init("store_and_forward", evidence: evidenceList(photos))
                return
            }
        }
        if let v = e.modality?.value, wanted.contains(v) { return }
        let candidates = findings.filter { $0.isAffirmed && $0.element == .modality && wanted.contains($0.value ?? "") }
        if let best = candidates.max(by: { $0.priority < $1.priority }) {
            e.modality = .init(best.value!, evidence: evidenceList(candidates.filter { $0.value == best.value }))
            e.modalitySwitch = nil
            e.modalityAmbiguous = false
        } else if service == .remoteMonitoring, let evidence = e.service?.evidence, !evidence.isEmpty {
            // A monitoring month's technology is the monitoring itself, whatever named the
            // service ("Days with a weight reading: 26"); the calls within it are not its modality.
            e.modality = .init("remote_monitoring", evidence: evidence)
            e.modalitySwitch = nil
            e.modalityAmbiguous = false
        }
    }

    func evidenceList(_ fs: [Finding]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for f in fs.sorted(by: { $0.span.lowerBound < $1.span.lowerBound }) where !out.contains(where: { $0.overlaps(f.span) }) {
            out.append(f.span)
            if out.count == 3 { break }
        }
        return out
    }

    func normaliseBy(_ raw: String) -> String {
        let s = raw.lowercased()
        return s == "patient" || s == "guardian" ? s : "other"
    }

    func normaliseName(_ raw: String) -> String {
        cleanName(raw).lowercased()
    }

    /// The place as one line: each run of white space (space separators, tabs, line breaks)
    /// one space, none at either end ("St.  Brigid\noffice" and "St. Brigid office" are one
    /// value). Without Foundation's character sets, which cost ~12K instructions a call.
    static func collapsingSpaces(_ raw: String) -> String {
        func space(_ u: Unicode.Scalar) -> Bool {
            u == "\t" || u == "\n" || u == "\r" || u.properties.generalCategory == .spaceSeparator
        }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in raw.unicodeScalars {
            if space(u) { pendingSpace = !out.isEmpty; continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(u)
        }
        return String(out)
    }

    static let nameTrim = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ",.;"))

    func cleanName(_ raw: String) -> String {
        if raw.utf8.allSatisfy({ $0 < 0x80 }) { return Self.withoutRole(Self.cleanASCIIName(raw)) }
        var s = Self.joiningBrokenHyphens(Self.withoutQuotedNickname(raw)).trimmingCharacters(in: Self.nameTrim)
        for prefix in ["Dr. ", "Dr ", "dr. ", "DR. "] where s.hasPrefix(prefix) { s = String(s.dropFirst(prefix.count)) }
        return Self.withoutRole(s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " "))
    }

    /// The name with a hyphen broken at a line's end joined to the word after it ("Priya
    /// Ramaswamy-\n Cole"), as `cleanASCIIName` joins it.
    static func joiningBrokenHyphens(_ raw: String) -> String {
        guard raw.contains("-\n") else { return raw }
        var out = String.UnicodeScalarView()
        var skipping = false
        for u in raw.unicodeScalars {
            if skipping, u == " " || u == "\t" || u == "\n" { continue }
            skipping = false
            if u == "\n", out.last == "-" { skipping = true; continue }
            out.append(u)
        }
        return String(out)
    }

    /// Role words a pattern's name group took in with the name ("Psychiatrist Priyanka Seth",
    /// "PCP Gideon Marsh", "MA Jordan Petit"): the name is the words after them. Only while two
    /// words or more remain, so a name is never emptied.
    static let roleWords: Set<String> = [
        "psychiatrist", "psychologist", "physician", "doctor", "provider", "clinician", "attending", "resident",
        "fellow", "therapist", "counselor", "counsellor", "nurse", "pcp", "ma", "rn", "np", "pa", "lpn", "cma",
        "surgeon", "consultant", "hospitalist", "intensivist", "pediatrician", "paediatrician", "pharmacist",
        "dietitian", "dietician", "midwife", "practitioner", "scribe", "dentist", "optometrist", "audiologist",
        // a billing line's prefix ("Incident-to Martin Osei, MD -- physician on site")
        "incident-to",
    ]

    static func withoutRole(_ name: String) -> String {
        // Most names are two words: nothing to drop, and nothing to allocate.
        guard name.utf8.lazy.filter({ $0 == 32 }).count >= 2 else { return name }
        var words = name.split(separator: " ")
        func isRole(_ w: Substring) -> Bool {
            // "Ma. Cristina Dizon": a Filipino given name's short form (Maria), not a medical assistant.
            if w == "Ma." { return false }
            let l = w.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ":.,"))
            return roleWords.contains(l) || (l.count > 6 && (l.hasSuffix("ologist") || l.hasSuffix("iatrist") || l.hasSuffix("ician")))
        }
        var dropped = false
        while words.count > 2, isRole(words[0]) { words.removeFirst(); dropped = true }
        return dropped ? words.joined(separator: " ") : name
    }

    /// The name without a nickname in quotes after the given name ("William “Bill”
    /// Nakashima-Reyes": the signature's name is the given one).
    static func withoutQuotedNickname(_ raw: String) -> String {
        guard raw.contains("“") || raw.contains("\"") else { return raw }
        return raw.split(separator: " ", omittingEmptySubsequences: true)
            .filter { w in !((w.hasPrefix("“") && w.hasSuffix("”")) || (w.count > 2 && w.hasPrefix("\"") && w.hasSuffix("\""))) }
            .joined(separator: " ")
    }

    /// `cleanName` on bytes, for ASCII names (nearly all): the same trimming, "Dr." prefixes,
    /// a quoted nickname and single spaces, without Foundation's character sets.
    static func cleanASCIIName(_ raw: String) -> String {
        let bytes = Array(withoutQuotedNickname(raw).utf8)
        func trimmed(_ c: UInt8) -> Bool { c == 32 || (c >= 9 && c <= 13) || c == 44 || c == 46 || c == 59 }
        var lo = 0, hi = bytes.count
        while lo < hi, trimmed(bytes[lo]) { lo += 1 }
        while hi > lo, trimmed(bytes[hi - 1]) { hi -= 1 }
        var s = bytes[lo..<hi]
        for prefix in ["Dr. ", "Dr ", "dr. ", "DR. "] where s.starts(with: prefix.utf8) { s = s.dropFirst(prefix.utf8.count) }
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var gap = false, broken = false
        for c in s {
            if c == 32 || c == 9 || c == 10 { gap = true; broken = broken || c == 10; continue }
            // A hyphenated name broken at the line's end ("Priya Ramaswamy-\n Cole") is one word.
            if gap && !out.isEmpty && !(broken && out.last == 45) { out.append(32) }
            gap = false; broken = false
            out.append(c)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a signature's credential is clinical staff's (`staff_credentials`).
    func isStaff(_ f: Finding) -> Bool { staff.contains(f.captures["credential"]) }

    func canonicalCredential(_ raw: String) -> String {
        credentials[ElementResolver.credentialKey(raw)] ?? raw.uppercased()
    }
}

import Foundation
