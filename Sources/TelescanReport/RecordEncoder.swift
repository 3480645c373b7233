import TelescanCore

/// Encodes one result as the JSON object of the output contract (no trailing newline).
/// Shared by the `jsonl` and `json` printers so both always agree with the contract.
public struct RecordEncoder: Sendable {
    public let options: OutputOptions
    public init(options: OutputOptions) { self.options = options }

    public func encode(_ r: NoteResult, into w: inout JSONWriter) {
        w.raw("{"); w.key("id"); w.string(r.id)
        w.comma(); w.key("status"); w.string(r.status.rawValue)
        w.comma(); w.key("profile"); w.string(r.profile)
        w.comma(); w.key("service"); w.optionalString(r.service?.rawValue)
        w.comma(); w.key("elements"); elements(r, &w)
        w.comma(); w.key("missing"); w.raw("[")
        for (i, m) in r.decision.missing.enumerated() {
            if i > 0 { w.comma() }
            w.raw("{"); w.key("element"); w.string(m.element)
            w.comma(); w.key("reason"); w.string(m.reason)
            w.comma(); w.key("query"); w.string(m.query); w.raw("}")
        }
        w.raw("]")
        w.comma(); w.key("codes"); w.raw("[")
        for (i, c) in r.decision.codes.enumerated() {
            if i > 0 { w.comma() }
            w.raw("{"); w.key("code"); w.string(c.code)
            w.comma(); w.key("system"); w.string(c.system)
            w.comma(); w.key("modifiers"); w.stringArray(c.modifiers)
            w.comma(); w.key("pos"); w.optionalString(c.pos)
            w.comma(); w.key("units"); w.int(c.units)
            w.comma(); w.key("basis"); w.string(c.basis)
            w.comma(); w.key("because"); w.stringArray(c.because); w.raw("}")
        }
        w.raw("]")
        w.comma(); w.key("assumptions"); w.stringArray(r.decision.assumptions)
        w.comma(); w.key("warnings"); w.stringArray(r.warnings)
        if let e = r.error {
            w.comma(); w.key("error"); w.raw("{"); w.key("code"); w.string(e.code)
            w.comma(); w.key("message"); w.string(e.message); w.raw("}")
        }
        if options.includeText {
            w.comma(); w.key("text"); w.string(utf8: r.text)
        }
        w.raw("}")
    }

    func evidence(_ r: NoteResult, _ spans: [Range<Int>], _ w: inout JSONWriter) {
        w.key("evidence"); w.raw("[")
        for (i, span) in spans.enumerated() {
            if i > 0 { w.comma() }
            let ev = r.evidence(span)
            w.raw("{"); w.key("start"); w.int(ev.start); w.comma(); w.key("end"); w.int(ev.end)
            if !options.noQuotes { w.comma(); w.key("quote"); w.string(ev.quote) }
            w.raw("}")
        }
        w.raw("]")
    }

    func elements(_ r: NoteResult, _ w: inout JSONWriter) {
        let e = r.elements
        var first = true
        func open(_ name: StaticString, _ w: inout JSONWriter) {
            if !first { w.comma() }
            first = false
            w.key(name); w.raw("{")
        }
        w.raw("{")
        if let m = e.modality {
            open("modality", &w); w.key("value"); w.string(m.value)
            if e.modalitySwitch != nil { w.comma(); w.key("switch"); w.raw("true") }
            w.comma(); evidence(r, m.evidence, &w); w.raw("}")
        }
        if let s = e.modalitySwitch {
            open("modality_switch", &w); w.key("value"); w.raw("true"); w.comma(); evidence(r, s.evidence, &w); w.raw("}")
        }
        if let c = e.consent {
            open("consent", &w); w.key("value"); w.string(c.value.value)
            w.comma(); w.key("by"); w.string(c.value.by); w.comma(); evidence(r, c.evidence, &w); w.raw("}")
        }
        if let t = e.time {
            open("time", &w); w.key("minutes"); w.int(t.value); w.comma(); evidence(r, t.evidence, &w); w.raw("}")
        }
        if let m = e.mdm {
            open("mdm", &w); w.key("value"); w.string(m.value); w.comma(); evidence(r, m.evidence, &w); w.raw("}")
        }
        if let p = e.patientLocation {
            open("patient_location", &w); w.key("value"); w.string(p.value); w.comma(); evidence(r, p.evidence, &w); w.raw("}")
        }
        if let p = e.providerLocation {
            open("provider_location", &w); w.key("value"); w.string(p.value); w.comma(); evidence(r, p.evidence, &w); w.raw("}")
        }
        if let p = e.performingProvider {
            open("performing_provider", &w); w.key("name"); w.optionalString(p.value.name)
            w.comma(); w.key("credential"); w.optionalString(p.value.credential)
            w.comma(); evidence(r, p.evidence, &w); w.raw("}")
        }
        if let s = e.patientStatus {
            open("patient_status", &w); w.key("value"); w.string(s.value); w.comma(); evidence(r, s.evidence, &w); w.raw("}")
        }
        if let a = e.audioOnlyReason {
            open("audio_only_reason", &w); w.key("value"); w.raw("true"); w.comma(); evidence(r, a.evidence, &w); w.raw("}")
        }
        if let d = e.deviceDays {
            open("device_days", &w); w.key("value"); w.int(d.value); w.comma(); evidence(r, d.evidence, &w); w.raw("}")
        }
        w.raw("}")
    }
}
