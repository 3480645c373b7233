import TelescanCore

/// `--format text`: for a person at a terminal. One block per note, a blank line between:
/// the status first, then the service, codes, missing elements with their queries, and each
/// element with its evidence quoted. Quotes are shown on one line with control characters
/// replaced, so a note can never drive the terminal. Colour only when `options.color`.
public struct TextPrinter: ResultPrinter {
    let options: OutputOptions
    public init(options: OutputOptions = OutputOptions()) { self.options = options }

    public func render(_ r: NoteResult, index: Int) -> [UInt8] {
        let st = Style(on: options.color)
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        func shown(_ span: Range<Int>) -> String { st.evidence(r, span, noQuotes: options.noQuotes) }

        line("\(st.status(r.status))  \(st.bold(DisplayText.oneLine(r.id)))  \(st.dim("profile " + r.profile))")
        if let e = r.error {
            line("  \(st.red("error")): \(e.code): \(DisplayText.oneLine(e.message))")
        }
        if r.status != .error {
            line("  service:  \(r.service?.rawValue ?? "none")")
            for span in r.serviceEvidence { line("            " + shown(span)) }
        }
        let d = r.decision
        if !d.codes.isEmpty {
            line("  codes:    " + d.codes.map { st.bold($0.label) }.joined(separator: "; "))
            for c in d.codes {
                line("            \(c.label): \(c.system), basis \(c.basis)" + (c.because.isEmpty ? "" : ", because " + c.because.joined(separator: ", ")))
            }
        } else if r.status != .error && r.status != .notTelehealth {
            line("  codes:    none")
        }
        if !d.missing.isEmpty {
            line("  missing:")
            for m in d.missing {
                line("    - \(st.bold(m.element)) (\(m.reason))")
                line("      query: \(m.query)")
            }
        }
        let elements = r.elementLines
        if !elements.isEmpty {
            line("  elements:")
            for el in elements {
                line("    \(st.bold(el.name)): \(DisplayText.oneLine(el.value))")
                for span in el.evidence { line("      " + shown(span)) }
            }
        }
        if !d.assumptions.isEmpty { line("  assumed:  " + d.assumptions.joined(separator: "; ")) }
        if !r.warnings.isEmpty { line("  warnings: " + r.warnings.map(DisplayText.oneLine).joined(separator: "; ")) }
        if options.includeText {
            line("  text:")
            for l in DisplayText.block(r.textString).split(separator: "\n", omittingEmptySubsequences: false) {
                line("  | " + l)
            }
        }
        line()
        return Array(out.utf8)
    }
}
