import TelescanCore

/// One documented element as the human-facing printers (csv, text, html, explain) show it.
public struct ElementLine: Sendable {
    /// The contract's element name (`modality`, `consent`, ...).
    public var name: String
    /// The element as words: `audio_only`, `documented by patient`, `25 minutes`.
    public var value: String
    public var evidence: [Range<Int>]
    /// The rule category whose findings produce this element.
    public var element: Element
}

extension NoteResult {
    /// The elements found, in the contract's order.
    public var elementLines: [ElementLine] {
        let e = elements
        var out: [ElementLine] = []
        if let m = e.modality {
            out.append(.init(name: "modality", value: m.value + (e.modalitySwitch != nil ? " (switch)" : ""), evidence: m.evidence, element: .modality))
        }
        if let s = e.modalitySwitch { out.append(.init(name: "modality_switch", value: "true", evidence: s.evidence, element: .modalitySwitch)) }
        if let c = e.consent {
            out.append(.init(name: "consent", value: "\(c.value.value) by \(c.value.by)", evidence: c.evidence, element: .consent))
        }
        if let t = e.time { out.append(.init(name: "time", value: "\(t.value) minutes", evidence: t.evidence, element: .time)) }
        if let m = e.mdm { out.append(.init(name: "mdm", value: m.value, evidence: m.evidence, element: .mdm)) }
        if let p = e.patientLocation { out.append(.init(name: "patient_location", value: p.value, evidence: p.evidence, element: .patientLocation)) }
        if let p = e.providerLocation { out.append(.init(name: "provider_location", value: p.value, evidence: p.evidence, element: .providerLocation)) }
        if let p = e.performingProvider {
            let v = [p.value.name, p.value.credential].compactMap { $0 }.joined(separator: ", ")
            out.append(.init(name: "performing_provider", value: v.isEmpty ? "(unnamed)" : v, evidence: p.evidence, element: .performingProvider))
        }
        if let s = e.patientStatus {
            out.append(.init(name: "patient_status", value: s.value + (e.patientStatusFromInput ? " (from input)" : ""), evidence: s.evidence, element: .patientStatus))
        }
        if let a = e.audioOnlyReason { out.append(.init(name: "audio_only_reason", value: "documented", evidence: a.evidence, element: .audioOnlyReason)) }
        if let d = e.deviceDays { out.append(.init(name: "device_days", value: "\(d.value) days", evidence: d.evidence, element: .deviceDays)) }
        return out
    }
}

extension SuggestedCode {
    /// Review-sheet form: `CODE[-MOD...][xUNITS][ @POS]`, e.g. `98006 @10`, `99417x2 @10`, `99214-93 @10`.
    public var label: String {
        var s = code
        for m in modifiers { s += "-" + m }
        if units > 1 { s += "x\(units)" }
        if let pos { s += " @" + pos }
        return s
    }
}

/// Making note text safe to show: printers quote note text, which may hold anything.
public enum DisplayText {
    /// One line: whitespace runs (newlines included) become one space, and control characters
    /// (which could drive a terminal) become U+FFFD.
    public static func oneLine(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for u in s.unicodeScalars {
            if u == " " || u == "\t" || u == "\n" || u == "\r" || u == "\u{0B}" || u == "\u{0C}" || u == "\u{85}" || u == "\u{2028}" || u == "\u{2029}" {
                space = true
                continue
            }
            if space && !out.isEmpty { out.append(" ") }
            space = false
            out.append(isControl(u) ? "\u{FFFD}" : u)
        }
        return String(out)
    }

    /// Keeps line breaks and tabs; other control characters become U+FFFD.
    public static func block(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u == "\n" || u == "\t" { out.append(u); continue }
            if u == "\r" { continue }
            out.append(isControl(u) ? "\u{FFFD}" : u)
        }
        return String(out)
    }

    /// C0 and C1 controls and DEL.
    public static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (u.value >= 0x7F && u.value < 0xA0)
    }
}

/// ANSI styles for terminal printers; all no-ops when colour is off.
struct Style: Sendable {
    let on: Bool
    func sgr(_ code: String, _ s: String) -> String { on ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func bold(_ s: String) -> String { sgr("1", s) }
    func dim(_ s: String) -> String { sgr("2", s) }
    func quote(_ s: String) -> String { sgr("36", s) }
    func red(_ s: String) -> String { sgr("31", s) }
    func status(_ st: NoteStatus) -> String {
        let label = st.rawValue.uppercased()
        switch st {
        case .ready: return sgr("1;32", label)
        case .needsQuery: return sgr("1;33", label)
        case .notTelehealth: return sgr("1;2", label)
        case .error: return sgr("1;31", label)
        }
    }
}

extension NoteResult {
    /// The text shown for one piece of evidence: the quote (one line), or only offsets with `--no-quotes`.
    func shownEvidence(_ r: Range<Int>, noQuotes: Bool) -> (quote: String?, offsets: String) {
        let ev = evidence(r)
        return (noQuotes ? nil : DisplayText.oneLine(ev.quote), "[\(ev.start),\(ev.end))")
    }

    /// The note text as a String (repaired UTF-8).
    var textString: String { String(decoding: text, as: UTF8.self) }
}

extension Style {
    /// One piece of evidence for a person: the quote (one line, control characters replaced)
    /// and its offsets, or the offsets alone with `--no-quotes`.
    func evidence(_ r: NoteResult, _ span: Range<Int>, noQuotes: Bool) -> String {
        let (quote, offsets) = r.shownEvidence(span, noQuotes: noQuotes)
        return quote.map { self.quote("\"\($0)\"") + " " + dim(offsets) } ?? dim(offsets)
    }
}
