/// Runs the pipeline on one note: repair UTF-8, match, split, context, elements, service,
/// decision, evidence offsets. One per worker thread (it owns PCRE2 match state).
public final class NoteScanner {
    public let engine: ScanEngine
    let matcher: RuleMatcher

    /// - Parameter windowed: false runs every rule over the whole note (and context rules'
    /// literals are looked for over the whole note), the reference windows must equal.
    public init(engine: ScanEngine, windowed: Bool = RuleMatcher.windowedByDefault) {
        self.engine = engine
        matcher = RuleMatcher(rules: engine.lexicons.compiled, windowed: windowed)
    }

    /// A rule whose pattern did not compile when a note first needed it (rules loaded with
    /// `compileAll: false`): results since then lack that rule, so the run must stop.
    public var ruleDataError: RuleLoadError? { matcher.ruleDataError }

    public func scan(_ record: NoteRecord) -> NoteResult {
        switch prepare(record) {
        case .done(let result):
            return result
        case .ready(let note):
            return note.matched.withUnsafeBufferPointer { buf in
                let found = findings(buf, targets: matcher.matchTargets(buf))
                let contextHits = found.findings.isEmpty ? [] : matcher.matchContext(buf, in: found.contextRanges)
                return finish(note, buf, found, contextHits: contextHits, errors: matcher.errors)
            }
        }
    }

    /// Notes scanned together (`scan(_:)` of a slice): target rules run rule by rule across
    /// them rather than note by note, so a rule's JIT code, which is far larger in all than the
    /// core's caches, is fetched once for every note of the group that woke it. 384 notes (s47,
    /// `bench-200` at `-j 2`, three alternating runs each): 37.7 s and a peak of 91.9-94.6 MB,
    /// against 37.1 s and 100.7-103.3 MB with 512 (39.8 s, 90.6 MB with 256, one run): the
    /// notes in flight are most of the memory beside the JIT code, and 512 had taken the 1 GB
    /// export's peak over 100 MB.
    public static let groupSize = 384
    /// Matches a group's notes rule by rule, with `matcher`.
    lazy var group = GroupMatcher(matcher: matcher)

    /// Results for `records`, in order, each the same as `scan(_:)` of it alone.
    public func scan(_ records: ArraySlice<NoteRecord>) -> [NoteResult] {
        if records.count < 2 { return records.map { scan($0) } }
        var results = [NoteResult?](repeating: nil, count: records.count)
        var notes: [(slot: Int, note: PreparedNote, text: UnsafeMutableBufferPointer<UInt8>)] = []
        for (slot, record) in records.enumerated() {
            switch prepare(record) {
            case .done(let result): results[slot] = result
            case .ready(let note):
                // A copy with a stable address, read by every rule of the group.
                let text = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: note.matched.count)
                _ = text.initialize(from: note.matched)
                notes.append((slot, note, text))
            }
        }
        defer { for n in notes { n.text.deallocate() } }
        let texts = notes.map { UnsafeBufferPointer($0.text) }
        let targets = group.matchTargets(texts)
        // The context rules likewise, rule by rule across the group, in each note's ranges.
        let found = texts.indices.map { findings(texts[$0], targets: targets[$0]) }
        let contextHits = group.matchContext(texts, in: found.map(\.contextRanges))
        for (k, n) in notes.enumerated() {
            results[n.slot] = finish(n.note, texts[k], found[k], contextHits: contextHits[k], errors: group.errors[k])
        }
        return results.map { $0! }
    }

    /// A note after repair and masking, ready to match (or, for a record with an error, its result).
    enum Prepared {
        case done(NoteResult)
        case ready(PreparedNote)
    }

    struct PreparedNote {
        let record: NoteRecord
        /// The note as given, UTF-8 repaired.
        let text: [UInt8]
        let ascii: Bool
        let warnings: [String]
        let legend: AbbreviationLegend?
        /// How the shorter copies made by `asTyped` line up with `text`, in the order made.
        let typedMaps: [OffsetMap]
        /// What the rules read: the same length as `text`, unless `asTyped` shortened it or a
        /// legend spelled abbreviations out.
        let matched: [UInt8]
        /// Generation suffixes blanked in `matched` ("Jr."), given back to the performer's name.
        var suffixes: [GenerationSuffixes.Suffix] = []
    }

    func prepare(_ record: NoteRecord) -> Prepared {
        let profile = engine.decider.profileName
        if let error = record.error {
            var r = NoteResult(id: record.id, status: .error, profile: profile, decision: Decision(status: .error))
            r.error = error
            return .done(r)
        }
        var warnings: [String] = []
        var text = record.text
        // One pass tells ASCII notes (most) apart; only the others are validated and get a
        // byte-to-scalar offset table.
        let ascii = text.withUnsafeBufferPointer(ScalarOffsets.isASCII)
        if !ascii, let repaired = UTF8Repair.repair(text) {
            text = repaired
            warnings.append("INVALID_UTF8_REPLACED")
        }
        // Lines ended by bare carriage returns read as lines.
        let lined = LoneCarriageReturns.masked(text) ?? text
        // A dictation's said marks ("period", "new paragraph") and spelled letters ("m d").
        let dictated = engine.dictation.rewritten(lined)
        var (joined, typedMaps) = Self.asTyped(dictated?.text ?? lined, ascii: ascii, hyphens: engine.lineEndHyphens, softBreaks: engine.softBreaks)
        if let dictated { typedMaps.insert(dictated.map, at: 0) }
        // A note in capitals or in lower case read with names in capitals, a flattened note with
        // breaks before its labels and signature.
        // A scanned note's OCR slips ("Tota1 time: 2O minutes"), before the casing reads its capitals.
        let unslipped = engine.ocrSlips.masked(joined) ?? joined
        let recased = engine.capitals.masked(unslipped) ?? engine.lowerCaseNames.masked(unslipped)
        let cased = recased ?? unslipped
        let broken = engine.flattened.masked(cased) ?? cased
        // Line breaks written out as text ("\\n", "_x000D_"), resolved SmartLists' wrappers,
        // a form's arrow, a label's square brackets or a table's cell wall ("|" or box-drawing
        // characters) between a label and its answer, HTML tags left by an export, and
        // Markdown's emphasis and marks are matched as what they stand for or as spaces (same
        // offsets; quotes keep them); so is a dropdown's chosen value in brackets.
        let unescaped = EscapeRemnants.masked(broken) ?? broken
        let listed = SmartListRemnants.masked(unescaped) ?? unescaped
        let arrowed = FormArrowRemnants.masked(listed) ?? listed
        let bracketed = BracketLabelRemnants.masked(arrowed) ?? arrowed
        let answered = BracketAnswerRemnants.masked(bracketed) ?? bracketed
        let boxed = BoxDrawingRemnants.masked(answered) ?? answered
        let labelled = TableCellRemnants.masked(boxed) ?? boxed
        let html = HTMLRemnants.masked(labelled) ?? labelled
        let marked = MarkdownRemnants.masked(html) ?? html
        // The patient called by the first name of the header's "Patient: Eli Thornton".
        // A recased note's capitals are ours, not the writer's: its title lines look like names.
        let named = PatientNameMentions.masked(marked, nameAndDateLines: recased == nil) ?? marked
        // "vidoe", "consnet": a slip that swapped two letters of a word the rules read.
        let masked = engine.transpositions.masked(named) ?? named
        // A legend of the clinician's own abbreviations: read the note with them spelled out,
        // then map every range back to the note's bytes.
        let legend = AbbreviationLegend.expanded(masked)
        let spelled = legend?.text ?? masked
        // After the legend: its "VC = verbal consent" lines are definitions, not labels.
        let separated = LabelSeparatorRemnants.masked(spelled) ?? spelled
        // "Walter T. Briggs Jr., MD": the signature read without its "Jr." (see `finish`).
        let suffixed = GenerationSuffixes.masked(separated)
        return .ready(PreparedNote(record: record, text: text, ascii: ascii, warnings: warnings,
                                   legend: legend?.legend, typedMaps: typedMaps, matched: suffixed?.text ?? separated,
                                   suffixes: suffixed?.suffixes ?? []))
    }

    /// The note as typed, read as the rules expect it: a one-row table's cells as labelled
    /// lines, a blank line after every line read
    /// single-spaced, a note written as one bulleted list without its bullets, lines'
    /// indentation and trailing blanks as absent, two spaces or a no-break space between words as
    /// one space, then a hard-wrapped note's soft line breaks as spaces (widths measured
    /// single-spaced) and a wrapped CRLF's two spaces again as one, a titled patient's name as
    /// "Pt" and minutes written in words as digits. Returns the text and the maps
    /// of the steps that shortened it, in the order made (ranges found in it are mapped back
    /// through them, after the legend's); the masks that follow keep its length.
    static func asTyped(_ text: [UInt8], ascii: Bool, hyphens: LineEndHyphens? = nil,
                        softBreaks: SoftBreaks? = nil) -> (text: [UInt8], maps: [OffsetMap]) {
        var maps: [OffsetMap] = []
        func shortened(_ step: ([UInt8]) -> (text: [UInt8], map: OffsetMap)?, _ t: [UInt8]) -> [UInt8] {
            guard let r = step(t) else { return t }
            maps.append(r.map)
            return r.text
        }
        // A one-row table's values read as "field: value" lines.
        let tabled = shortened(ColumnTableRow.rewritten, text)
        let lined = shortened(DoubleSpacedLines.single, tabled)
        let unbulleted = ListMarkerRemnants.masked(lined) ?? lined
        let flush = shortened(LineIndentation.removed, unbulleted)
        let single = shortened(InnerSpaceRuns.squeezed, flush)
        // Last: a narrative note's patient named with a title ("Ms. Lavinia Ochoa-Brandt joined ...")
        // read as "Pt" (after the blanks are single, so "Ms.  Ochoa" is found as "Ms. Ochoa").
        let wrapped = HardWrapRemnants.masked(single, ascii: ascii)
        // Then single breaks inside a statement of a note not wrapped as a whole ("...: 25\nminutes").
        let softened = softBreaks.flatMap { $0.masked(wrapped ?? single) } ?? wrapped
        let joined = softened.map { shortened(InnerSpaceRuns.squeezed, $0) } ?? single
        // A word hyphenated at a line's end ("verbal con-\nsent") read whole.
        let unhyphenated = hyphens.map { h in shortened(h.joined, joined) } ?? joined
        let titled = shortened(TitledPatientName.rewritten, unhyphenated)
        // Minutes in words read as digits ("thirty two minutes" as "32 minutes").
        return (shortened(SpelledMinutes.rewritten, titled), maps)
    }

    /// The rest of the pipeline on a prepared note whose rules have run (its findings and the
    /// context hits in its ranges, alone or with its group, and the PCRE2 errors met): context,
    /// elements, service, decision, then the note's own text and offsets back in the result.
    func finish(_ note: PreparedNote, _ buf: UnsafeBufferPointer<UInt8>, _ found: Findings, contextHits: [RuleHit],
                errors: [String]) -> NoteResult {
        var warnings = note.warnings
        var result = analyse(buf, found, contextHits: contextHits, errors: errors, record: note.record,
                             profile: engine.decider.profileName, warnings: &warnings, suffixes: note.suffixes)
        note.legend?.map.mapBack(&result)
        for map in note.typedMaps.reversed() { map.mapBack(&result) }
        result.text = note.text
        result.ascii = note.ascii
        result.warnings = warnings + result.decision.warnings
        result.decision.warnings = []
        if !result.ascii {
            result.scalarOffsets = note.text.withUnsafeBufferPointer { ScalarOffsets.convert($0, byteOffsets: result.evidenceOffsets) }
        }
        return result
    }

    /// A note's findings and block triggers from its target hits, and where its context
    /// triggers are looked for: the units that hold findings (none when there is no finding).
    struct Findings {
        var findings: [Finding] = []
        var blockTriggers: [ContextEngine.Trigger] = []
        var scoped: [TextUnit] = []
        var contextRanges: [Range<Int>] = []
    }

    func findings(_ buf: UnsafeBufferPointer<UInt8>, targets: [RuleHit]) -> Findings {
        let compiled = engine.lexicons.compiled
        var f = Findings()
        for h in targets {
            if let template = compiled.findingTemplates[h.rule] {
                if let finding = template.finding(h, in: buf) { f.findings.append(finding) }
            } else if let rule = compiled.triggerRules[h.rule] {
                f.blockTriggers.append(ContextEngine.Trigger(rule: rule, span: h.span))
            }
        }
        if !f.findings.isEmpty {
            // Context triggers are looked for only in the units that hold findings.
            let units = engine.splitter.units(around: f.findings.map(\.matchSpan.lowerBound), in: buf)
            f.scoped = Self.unitsHolding(f.findings, units)
            f.contextRanges = Self.contextRanges(f.scoped, in: buf)
        }
        return f
    }

    /// The rest of the pipeline once the context rules have run (`contextHits`, in the note's
    /// context ranges): context, elements, service, decision.
    func analyse(_ buf: UnsafeBufferPointer<UInt8>, _ found: Findings, contextHits: [RuleHit], errors: [String],
                 record: NoteRecord, profile: String, warnings: inout [String],
                 suffixes: [GenerationSuffixes.Suffix]) -> NoteResult {
        let compiled = engine.lexicons.compiled
        var findings = found.findings
        if !findings.isEmpty {
            let triggers = contextHits.compactMap { h in
                compiled.triggerRules[h.rule].map { ContextEngine.Trigger(rule: $0, span: h.span) }
            }
            if !triggers.isEmpty {
                engine.context.apply(findings: &findings, triggers: triggers, units: found.scoped, text: buf)
            }
            if !found.blockTriggers.isEmpty {
                engine.context.applyBlocks(findings: &findings, triggers: found.blockTriggers, text: buf)
            }
        }
        warnings += errors
        var elements = engine.resolver.resolve(findings, inputPatientStatus: record.patientStatus,
                                               startsEntry: { Self.startsEntry($0, buf) })
        // "J. Whitcombe, NP" signing a note headed "... - Jonah Whitcombe, NP": the full name.
        if let p = elements.performingProvider, let name = p.value.name,
           let (full, span) = InitialledName.fullName(of: name, credential: p.value.credential, in: buf) {
            elements.performingProvider = .init(.init(name: full, credential: p.value.credential), evidence: p.evidence + [span])
        }
        // "Sandy Ruiz de Alarcón, NP (Alexandra Ruiz de Alarcón)": the bracketed full name.
        if let p = elements.performingProvider, let name = p.value.name, let last = p.evidence.first,
           let (full, span) = BracketedFullName.fullName(of: name, after: last.upperBound, in: buf) {
            elements.performingProvider = .init(.init(name: full, credential: p.value.credential), evidence: p.evidence + [span])
        }
        // "Walter T. Briggs Jr., MD": the suffix the rules read as blanks, back in the name.
        if !suffixes.isEmpty, let p = elements.performingProvider, let name = p.value.name, let span = p.evidence.first,
           let full = GenerationSuffixes.restored(name: name, span: span, suffixes: suffixes, in: buf) {
            elements.performingProvider = .init(.init(name: full, credential: p.value.credential), evidence: p.evidence)
        }
        // "Karin agreed" after "his daughter Karin", "Mom on the line with pt. She agreed ...",
        // "(house manager) agreed to the video visit on his behalf": the consent is another's.
        if let c = elements.consent, c.value.by == "patient", let first = c.evidence.first,
           let by = RelativeNames.by(for: first, in: buf) ?? ConsentPronoun.by(for: first, in: buf)
            ?? ConsentOnBehalf.by(for: first, in: buf) ?? ConsentSubject.by(for: first, in: buf) {
            elements.consent = .init(.init(value: c.value.value, by: by), evidence: c.evidence)
        } else if let c = elements.consent, c.value.by == "other", let first = c.evidence.first,
                  RelativeNames.by(for: first, in: buf) == "guardian" || RelativeNames.roleMadeProxy(for: first, in: buf) {
            // "Daughter Carol (health care POA) ... Carol gave consent on her mother's behalf",
            // "her grandmother ... who has legal guardianship ... Grandmother gave verbal consent": a
            // relative the note made the proxy stands for the patient.
            elements.consent = .init(.init(value: c.value.value, by: "guardian"), evidence: c.evidence)
        }
        // A young child's consent, left the patient's, is the parent's (`YoungChildConsent`).
        if let c = elements.consent, c.value.by == "patient", let by = YoungChildConsent.by(in: buf) {
            elements.consent = .init(.init(value: c.value.value, by: by), evidence: c.evidence)
        }
        let (service, serviceEvidence) = engine.classifier.classify(findings, elements: elements,
                                                                    isDated: { DatedMention.isDated($0, in: buf) },
                                                                    onHeadingLine: { DatedMention.onHeadingLine($0, buf) },
                                                                    headingStatesFaceToFace: FaceToFaceHeading.states(buf))
        elements.service = service.map { .init($0, evidence: serviceEvidence) }
        engine.resolver.alignModality(&elements, service: service, findings: findings)
        // A monitoring month is the signing clinician's service: staff who made its calls ("10/03
        // call by Tamsin Greer, RN" above "Reviewed and agree with the above. Benedikt Adler, MD")
        // do not perform it. Only when a clinician's signature starts an entry or a sentence after
        // the staff's.
        if service == .remoteMonitoring, engine.classifier.isStaff(elements.performingProvider) {
            let resolver = engine.resolver
            let isStaffName = { (f: Finding) in f.element == .performingProvider && resolver.isStaff(f) }
            if let lastStaff = findings.filter(isStaffName).map(\.span.lowerBound).max(),
               findings.contains(where: { $0.element == .performingProvider && $0.isAffirmed && !isStaffName($0)
                                          && $0.span.lowerBound > lastStaff && Self.startsSentence($0.span.lowerBound, buf)
                                          && !Self.namesASupervisor($0.span, buf) }),
               let clinician = engine.resolver.resolve(findings.filter { !isStaffName($0) }, inputPatientStatus: record.patientStatus,
                                                       startsEntry: { Self.startsEntry($0, buf) }).performingProvider {
                elements.performingProvider = clinician
            }
        }
        // A table with a column of minutes (`MinutesTable`), else minutes listed person by person
        // under a heading of time (`TeamMinutes`), in any service, stands where the time found is
        // none or read from the table or list itself. Else a log of the clinician's time that
        // states no total: its rows add up (`TimeLog`); else activities with their minutes on one
        // line and no total (`ActivityMinutes`); else parts told in a sentence ("took me 5 minutes
        // on the 3rd and 7 minutes on the 6th", `ProseMinutes`). Each stands where the time found
        // is none or one of its own parts, and is more.
        let time = elements.time
        func readFrom(_ extent: Range<Int>) -> Bool { time.map { t in t.evidence.allSatisfy { extent.overlaps($0) } } ?? true }
        if let s = service, let table = MinutesTable.sum(in: buf, service: s, performer: elements.performingProvider?.value),
           readFrom(table.extent) {
            elements.time = .init(table.sum.minutes, evidence: table.sum.rows)
        } else if let s = service, let team = TeamMinutes.sum(in: buf, countingStaff: s == .remoteMonitoring), readFrom(team.extent) {
            elements.time = .init(team.sum.minutes, evidence: team.sum.rows)
        } else if let s = service, s != .inPerson {
            func stands(_ sum: TimeLog.Sum) -> Bool {
                time.map { t in sum.minutes > t.value && t.evidence.allSatisfy { e in sum.rows.contains { $0.overlaps(e) } } } ?? true
            }
            if let log = TimeLog.sum(in: buf, countingStaff: s == .remoteMonitoring), stands(log) {
                elements.time = .init(log.minutes, evidence: log.rows)
            } else if let line = ActivityMinutes.sum(in: buf, countingStaff: s == .remoteMonitoring), stands(line) {
                elements.time = .init(line.minutes, evidence: line.rows)
            } else if let prose = ProseMinutes.sum(in: buf, countingStaff: s == .remoteMonitoring), stands(prose) {
                elements.time = .init(prose.minutes, evidence: prose.rows)
            }
        }
        if service == .virtualCheckin,
           let bundled = findings.first(where: { $0.isAffirmed && $0.element == .service && $0.value == "checkin_bundled" }) {
            elements.checkinBundled = .init(true, evidence: [bundled.span])
        }
        if service == nil {
            // A note with no service has no performer (decisions.md's performer is the service's):
            // the signer of a no-show, scheduling or refill note is its author. Unless it shows
            // the work of a visit no rule recognised as a service (minutes, MDM, a consent, the
            // patient's place, a technology) and says nothing of holding no encounter, nor was
            // signed by clinical staff (a staff call, which ServiceClassifier voids, or any other
            // no-service note: staff perform no billable service).
            let visitSigns = (elements.time?.value ?? 0) >= 5 || elements.mdm != nil
                || elements.consent?.value.value == "documented" || elements.patientLocation != nil
                || elements.modality != nil
            if !visitSigns || engine.classifier.isStaff(elements.performingProvider) || findings.contains(where: {
                $0.isAffirmed && $0.element == .service && ServiceClassifier.noEncounterCues.contains($0.value ?? "")
            }) {
                elements.performingProvider = nil
            }
            // No encounter: the minutes or MDM of a staff call are not a clinician's visit work.
            elements.time = nil
            elements.mdm = nil
            // Nor does an earlier visit it mentions ("Last office visit 11/2025" on a refill
            // protocol) answer new or established: only a status the note states does.
            if !elements.patientStatusFromInput, elements.patientStatus != nil,
               !findings.contains(where: { $0.element == .patientStatus && $0.isAffirmed && $0.value != nil
                                           && $0.captures["basis"] != "earlier_contact" }) {
                elements.patientStatus = nil
            }
        }
        if service == nil || service == .inPerson {
            // No telehealth service: where the patient or clinician was (a home they live in, the
            // clinic), a consent to telehealth and the technology (and so a reason for the one not
            // used) are not this note's; a face-to-face note keeps its performer, time, MDM and
            // patient status, a no-encounter note a stated patient status and a declined consent.
            elements.patientLocation = nil
            elements.providerLocation = nil
            // A telehealth visit the patient declined is documented as declined, the reason a
            // no-encounter note has no visit ("declined the video visit; rescheduled in person").
            if !(service == nil && elements.consent?.value.value == "declined") { elements.consent = nil }
            elements.modality = nil
            elements.modalitySwitch = nil
            elements.modalityAmbiguous = false
            elements.audioOnlyReason = nil
        }
        // Device days count a remote-monitoring period; in a visit note they are a mention.
        if service != .remoteMonitoring { elements.deviceDays = nil }
        // A reason for not using video explains an audio-only visit: a check-in, an e-visit or a
        // monitoring month requires none ("app issues on her phone" in an RTM month is the app).
        if service != .telemedicineVisit { elements.audioOnlyReason = nil }
        // A monitoring month has no place of the patient: the readings come from wherever the
        // device is, no code of the service takes a place of service, and "home" in such a note
        // ("glucose meter at home", "onboarding call, pt at home") describes the device's use.
        // Nor has an e-visit: the patient writes from anywhere, over days, and no code of the
        // service takes a place (none of 898 e-visits the writers labelled gives one).
        if service == .remoteMonitoring || service == .eVisit { elements.patientLocation = nil }
        let date = record.serviceDate ?? engine.defaultDate
        let decision = engine.decider.decide(service: service, elements: elements, serviceDate: date,
                                             explain: engine.keepFindings)
        var r = NoteResult(id: record.id, status: decision.status, profile: profile, decision: decision)
        r.service = service
        r.serviceEvidence = serviceEvidence
        r.elements = elements
        r.findings = engine.keepFindings ? findings : []
        return r
    }

    /// Where context triggers are looked for: each unit that holds a finding, and before a unit
    /// that opens with "He" or "She" also the sentence before it on the same paragraph, back to
    /// the unit before or at most `pronounReach` bytes ("Her son was in Denver. He joined by
    /// FaceTime": a trigger may name the person there and mark the pronoun as its span; a
    /// trigger is still judged in the unit its span starts in).
    static func contextRanges(_ units: [TextUnit], in t: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(units.count)
        var floor = 0
        for u in units {
            var r = u.range
            if startsWithPronoun(t, r) {
                var lo = r.lowerBound
                let limit = max(floor, r.lowerBound - pronounReach)
                // Back over the sentence before, not across a blank line.
                while lo > limit, !(t[lo - 1] == 10 && lo >= 2 && (t[lo - 2] == 10 || (t[lo - 2] == 13 && lo >= 3 && t[lo - 3] == 10))) {
                    lo -= 1
                }
                r = lo..<r.upperBound
            }
            out.append(r)
            floor = r.upperBound
        }
        return out
    }

    static let pronounReach = 160

    /// Whether the unit's first word is "He" or "She" (a sentence's subject, capitalised).
    static func startsWithPronoun(_ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound, t[i] == 32 || t[i] == 9 || t[i] == 10 || t[i] == 13 { i += 1 }
        func word(_ w: StaticString) -> Bool {
            let n = w.utf8CodeUnitCount
            guard i + n < r.upperBound else { return false }
            for k in 0..<n where t[i + k] != w.utf8Start[k] { return false }
            return t[i + n] == 32 || t[i + n] == 9
        }
        return word("He") || word("She")
    }

    /// The units (sorted, distinct) in which some finding starts.
    static func unitsHolding(_ findings: [Finding], _ units: [TextUnit]) -> [TextUnit] {
        var picked = [Bool](repeating: false, count: units.count)
        for f in findings {
            let pos = f.matchSpan.lowerBound
            var lo = 0, hi = units.count - 1
            while lo <= hi {
                let mid = (lo + hi) / 2
                let r = units[mid].range
                if pos < r.lowerBound { hi = mid - 1 } else if pos >= r.upperBound { lo = mid + 1 } else { picked[mid] = true; break }
            }
        }
        return units.indices.filter { picked[$0] }.map { units[$0] }
    }

    /// Lower-cased, whitespace-collapsed capture text, the key into a rule's `values` map.
    static func key(_ raw: String) -> String {
        raw.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }
}

extension NoteScanner {
    /// Whether the finding's line up to its end names a supervising or collaborating physician
    /// ("Supervising physician: Anders Halvorsen, MD (general supervision)"): one on file, who
    /// signs nothing.
    static func namesASupervisor(_ span: Range<Int>, _ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var s = min(span.lowerBound, t.count)
        while s > 0, t[s - 1] != 10 { s -= 1 }
        let line = UnsafeBufferPointer(rebasing: t[s..<min(span.upperBound, t.count)])
        return supervisorWords.contains { ConsentPronoun.containsFolded(line, $0) }
    }
    static let supervisorWords: [[UInt8]] = ["supervis", "collaborat", "on file"].map { Array($0.utf8) }

    /// Whether `pos` starts an entry or a sentence ("Reviewed and agree with the above. Benedikt
    /// Adler, MD").
    static func startsSentence(_ pos: Int, _ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = min(pos, t.count) - 1
        while i >= 0, t[i] == 32 || t[i] == 9 { i -= 1 }
        return i >= 0 && t[i] == 46 && i < min(pos, t.count) - 1 || startsEntry(pos, t)
    }

    /// Whether the text before `pos` on its line is only blanks, or a sign-off mark ("--", "—",
    /// "/s/") after blanks: where a signed entry's signature starts.
    static func startsEntry(_ pos: Int, _ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = min(pos, t.count) - 1
        while i >= 0, t[i] == 32 || t[i] == 9 { i -= 1 }
        if i < 0 || t[i] == 10 || t[i] == 13 { return true }
        if i >= 1, t[i] == 45, t[i - 1] == 45 { return true }                                   // "--"
        if i >= 2, t[i] == 0x94, t[i - 1] == 0x80, t[i - 2] == 0xE2 { return true }             // "—"
        if i >= 2, t[i] == 47, t[i - 1] | 0x20 == 115, t[i - 2] == 47 { return true }           // "/s/"
        return false
    }
}
