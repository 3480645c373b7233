import Foundation
import TelescanCore
import TelescanReport

/// Results built by hand, so printer tests depend on neither the rules nor the decider.
enum Fixtures {
    static let text = """
    Video visit. The patient is at home. Patient verbally consented to telehealth. \
    I spent 62 minutes. MDM: moderate. Note: =HYPERLINK("http://x") <script>alert(1)</script> "quoted", \u{1B}[31mred
    Electronically signed by Jane Roe, MD
    """

    static func span(_ s: String) -> Range<Int> {
        let b = Array(text.utf8), n = Array(s.utf8)
        for i in 0...(b.count - n.count) where Array(b[i..<i + n.count]) == n { return i..<i + n.count }
        fatalError("fixture text lacks \(s)")
    }

    /// A complete visit, with two codes.
    static func ready(id: String = "note-1") -> NoteResult {
        var d = Decision(status: .ready)
        d.codes = [
            SuggestedCode(code: "98006", system: "CPT", pos: "10", basis: "time", because: ["modality", "time", "patient_location"],
                          rule: "cpt.telemedicine.established.audio_video", explanation: "62 minutes meets the 30-minute threshold of level 4 (98006)"),
            SuggestedCode(code: "99417", system: "CPT", pos: "10", units: 2, basis: "time", because: ["time"],
                          rule: "cpt.prolonged", explanation: "62 minutes: 2 units from 55 minutes"),
        ]
        d.assumptions = ["patient_status=established"]
        d.explanations = ["level chosen by time (62 minutes) over MDM (moderate)"]
        var r = NoteResult(id: id, status: .ready, profile: "cpt", decision: d)
        r.text = Array(text.utf8)
        r.service = .telemedicineVisit
        r.serviceEvidence = [span("Video visit")]
        var e = NoteElements()
        e.service = .init(.telemedicineVisit, evidence: r.serviceEvidence)
        e.modality = .init("audio_video", evidence: [span("Video visit")])
        e.patientLocation = .init("home", evidence: [span("The patient is at home")])
        e.consent = .init(.init(value: "documented", by: "patient"), evidence: [span("Patient verbally consented to telehealth")])
        e.time = .init(62, evidence: [span("I spent 62 minutes")])
        e.mdm = .init("moderate", evidence: [span("MDM: moderate")])
        e.performingProvider = .init(.init(name: "Jane Roe", credential: "MD"), evidence: [span("Electronically signed by Jane Roe, MD")])
        e.patientStatus = .init("established")
        r.elements = e
        return r
    }

    /// A visit missing consent, with evidence that holds characters every format must escape.
    static func needsQuery(id: String = "=cmd|' /C calc'!A0") -> NoteResult {
        var r = ready(id: id)
        r.status = .needsQuery
        r.decision.status = .needsQuery
        r.decision.codes = [SuggestedCode(code: "99214", system: "CPT", modifiers: ["93"], pos: nil, basis: "mdm", because: ["mdm"], rule: "medicare.em")]
        r.elements.consent = nil
        r.elements.mdm = .init("moderate", evidence: [span("=HYPERLINK(\"http://x\") <script>alert(1)</script> \"quoted\", \u{1B}[31mred")])
        r.decision.missing = [MissingElement(element: "consent", reason: "CONSENT_NOT_DOCUMENTED",
                                             query: "The note does not state whether the patient agreed to a telehealth visit. Please document whether consent was obtained, and from whom.",
                                             explanation: "telemedicine_visit requires consent")]
        r.warnings = ["NO_CODE_FITS"]
        return r
    }

    static func error(id: String = "input.jsonl:2") -> NoteResult {
        var r = NoteResult(id: id, status: .error, profile: "cpt", decision: Decision(status: .error))
        r.error = RecordError(code: "INVALID_JSON", message: "expected a value at byte 14")
        return r
    }

    static func notTelehealth(id: String = "office") -> NoteResult {
        var r = NoteResult(id: id, status: .notTelehealth, profile: "cpt", decision: Decision(status: .notTelehealth))
        r.text = Array("Office visit in clinic.".utf8)
        r.service = .inPerson
        return r
    }

    static var all: [NoteResult] { [ready(), needsQuery(), error(), notTelehealth()] }

    /// Renders results through a printer as the runner does: header, each in order, footer.
    static func print(_ results: [NoteResult], _ printer: some ResultPrinter) -> String {
        var out = printer.header()
        for (i, r) in results.enumerated() { out += printer.render(r, index: i) }
        out += printer.footer()
        return String(decoding: out, as: UTF8.self)
    }
}
