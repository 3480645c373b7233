import TelescanCore

/// `telescan explain` and `scan --explain`: each decision for a person, with its evidence
/// quoted and the rule that made it: the service and why, each element with its quote and the
/// rule id that found it, the matches that context voided and the trigger that voided them,
/// why each code (its profile rule and threshold), why this place of service, why each element
/// counts as missing, and what was assumed.
///
/// Rule ids come from `NoteResult.findings`, which the engine keeps only when built with
/// `keepFindings: true`; without them the evidence is still shown.
public struct ExplainPrinter: ResultPrinter {
    let options: OutputOptions
    public init(options: OutputOptions = OutputOptions()) { self.options = options }

    public func render(_ r: NoteResult, index: Int) -> [UInt8] {
        let st = Style(on: options.color)
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        func head(_ s: String) { line(st.bold(s)) }
        func shown(_ span: Range<Int>) -> String { st.evidence(r, span, noQuotes: options.noQuotes) }
        /// Rule ids of the affirmed findings behind one piece of evidence (same element first).
        func rules(_ span: Range<Int>, _ element: Element?) -> String {
            let hits = r.findings.filter { $0.isAffirmed && $0.span == span }
            let same = hits.filter { $0.element == element }
            let ids = (same.isEmpty ? hits : same).map(\.ruleID)
            return ids.isEmpty ? "" : "  " + st.dim("rule " + Self.unique(ids).joined(separator: ", "))
        }

        line("\(st.status(r.status))  \(st.bold(DisplayText.oneLine(r.id)))  \(st.dim("profile " + r.profile))")
        if let e = r.error {
            line("  \(st.red("error")): \(e.code): \(DisplayText.oneLine(e.message))")
            line("  The record could not be read, so nothing was decided.")
            line()
            return Array(out.utf8)
        }

        // Service.
        head("  Service: \(r.service?.rawValue ?? "none")")
        if r.serviceEvidence.isEmpty {
            line(r.service == nil ? "    No telehealth service is documented." : "    (no evidence recorded)")
        }
        for span in r.serviceEvidence { line("    because " + shown(span) + rules(span, .service)) }

        // Elements found.
        let elements = r.elementLines
        var used = Set<Range<Int>>(r.serviceEvidence)
        head("  Elements found:" + (elements.isEmpty ? " none" : ""))
        for el in elements {
            line("    \(st.bold(el.name)) = \(DisplayText.oneLine(el.value))")
            if el.evidence.isEmpty {
                line("      " + st.dim(el.name == "patient_status" && r.elements.patientStatusFromInput ? "from the input record" : "no quote (assumed or from input)"))
            }
            for span in el.evidence {
                used.insert(span)
                line("      " + shown(span) + rules(span, el.element))
            }
        }
        if r.elements.modalityAmbiguous {
            line("    modality: the visit switched technology and the note does not say which was used for most of it")
        }

        // Matches that context voided, and other matches not used as evidence.
        let voided = r.findings.filter { !$0.isAffirmed }
        if !voided.isEmpty {
            head("  Not counted (context):")
            for f in voided {
                let why = f.modifiers.map { m in
                    let q = options.noQuotes ? "" : " \"" + DisplayText.oneLine(r.evidence(m.span).quote) + "\""
                    return Self.verb(m.category) + " " + m.ruleID + q
                }.joined(separator: "; ")
                line("    \(f.element.rawValue)\(f.value.map { " = " + $0 } ?? ""): " + shown(f.span) + "  " + st.dim("rule " + f.ruleID))
                line("      " + why)
            }
        }
        let unused = r.findings.filter { $0.isAffirmed && !used.contains($0.span) }
        if !unused.isEmpty {
            head("  Other matches (not used as evidence):")
            for f in unused {
                line("    \(f.element.rawValue)\(f.value.map { " = " + $0 } ?? ""): " + shown(f.span) + "  " + st.dim("rule " + f.ruleID))
            }
        }

        // Codes, with the rule and threshold that chose each.
        let d = r.decision
        if r.status != .notTelehealth || !d.codes.isEmpty {
            head("  Codes:" + (d.codes.isEmpty ? " none" : ""))
            for c in d.codes {
                line("    \(st.bold(c.label))  \(c.system), \(c.units) unit\(c.units == 1 ? "" : "s"), basis \(c.basis)"
                     + (c.because.isEmpty ? "" : ", because " + c.because.joined(separator: ", ")))
                if !c.rule.isEmpty { line("      rule " + c.rule) }
                if !c.explanation.isEmpty { line("      " + c.explanation) }
            }
            // Place of service.
            let places = Self.unique(d.codes.map { $0.pos ?? "none" })
            if !places.isEmpty {
                head("  Place of service:")
                for p in places { line("    \(p): " + placeReason(p, r)) }
            }
        }

        // Missing elements.
        if !d.missing.isEmpty {
            head("  Missing:")
            for m in d.missing {
                line("    \(st.bold(m.element)) (\(m.reason))" + (m.explanation.isEmpty ? "" : ": " + m.explanation))
                line("      query: " + m.query)
            }
        }
        if !d.explanations.isEmpty {
            head("  Decisions:")
            for e in d.explanations { line("    - " + e) }
        }
        if !d.assumptions.isEmpty {
            head("  Assumptions:")
            for a in d.assumptions { line("    - " + a) }
        }
        if !r.warnings.isEmpty {
            head("  Warnings:")
            for w in r.warnings { line("    - " + DisplayText.oneLine(w)) }
        }
        if options.includeText {
            head("  Text:")
            for l in DisplayText.block(r.textString).split(separator: "\n", omittingEmptySubsequences: false) { line("    | " + l) }
        }
        line()
        return Array(out.utf8)
    }

    func placeReason(_ pos: String, _ r: NoteResult) -> String {
        let loc = r.elements.patientLocation
        let quote = loc?.evidence.first.map { span -> String in
            let (q, o) = r.shownEvidence(span, noQuotes: options.noQuotes)
            return q.map { " (\"\($0)\")" } ?? " \(o)"
        } ?? ""
        switch pos {
        case "10": return "the patient was at home: patient_location = \(loc?.value ?? "?")" + quote
        case "02": return "the patient was not at home: patient_location = \(loc?.value ?? "?")" + quote
        case "none":
            if loc == nil, r.service == .telemedicineVisit { return "no place of service: the patient's location is not documented" }
            return "no telehealth place of service applies to \(r.service?.rawValue ?? "this service")"
        default: return "set by the profile" + (loc.map { " (patient_location = \($0.value))" } ?? "") + quote
        }
    }

    static func verb(_ c: ContextCategory) -> String {
        switch c {
        case .negation: return "negated by"
        case .hypothetical: return "hypothetical per"
        case .historical: return "historical per"
        case .otherExperiencer: return "about someone else per"
        case .unchecked: return "unticked box or blank per"
        case .checked: return "ended by a ticked box per"
        case .pseudo: return "pseudo-trigger"
        case .terminate: return "scope ended by"
        case .clause: return "scope ended by a clause break per"
        case .statement: return "scope ended by a new statement per"
        case .negationEnd: return "negation ended by a new clause per"
        case .correction: return "replaced by a later correction per"
        }
    }

    static func unique(_ a: [String]) -> [String] {
        var seen = Set<String>()
        return a.filter { seen.insert($0).inserted }
    }
}
