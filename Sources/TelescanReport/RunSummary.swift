import TelescanCore

/// What a run saw, counted as results arrive. `add` is called by the run's observer, in input
/// order, on the thread that drives the run; printers may read it only from `footer()`,
/// which runs on that same thread after the last result. (Hence `@unchecked Sendable`: it is
/// never touched by worker threads.)
///
/// It holds no note text: counts, codes, element names and reason codes only.
public final class RunSummary: @unchecked Sendable {
    /// Input records, one per output record.
    public private(set) var records = 0
    /// Records with status `error` (the input record could not be read).
    public private(set) var errors = 0
    /// UTF-8 bytes of note text scanned (after decoding the container).
    public private(set) var textBytes = 0
    var byStatus: [String: Int] = [:]
    var byService: [String: Int] = [:]
    var byMissing: [String: Int] = [:]
    var byCode: [String: Int] = [:]
    var byWarning: [String: Int] = [:]
    let clock = ContinuousClock()
    let started: ContinuousClock.Instant
    var stopped: ContinuousClock.Instant?

    /// Input records that are not notes and were skipped (e.g. FHIR Patient resources), by kind.
    public var skipped: [String: Int] = [:]

    public init() { started = clock.now }

    /// Notes read: records that were not read errors.
    public var notes: Int { records - errors }

    public func add(_ r: NoteResult) {
        records += 1
        if r.status == .error { errors += 1 }
        textBytes += r.text.count
        byStatus[r.status.rawValue, default: 0] += 1
        if r.status != .error { byService[r.service?.rawValue ?? "none", default: 0] += 1 }
        for m in r.decision.missing { byMissing["\(m.element):\(m.reason)", default: 0] += 1 }
        for c in r.decision.codes { byCode[c.code, default: 0] += 1 }
        for w in r.warnings {
            // Warnings start with a stable code; count by it (`PATTERN_LIMIT: rule ...`).
            let code = w.split(separator: ":", maxSplits: 1).first.map(String.init) ?? w
            byWarning[code, default: 0] += 1
        }
    }

    /// Stops the clock (the first call counts).
    public func stop() { if stopped == nil { stopped = clock.now } }

    /// Seconds from creation to `stop()` (or to now).
    public var seconds: Double {
        let d = (stopped ?? clock.now) - started
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    // MARK: Ordered counts

    /// Every status, in the contract's order, zeros included.
    public var statusCounts: [(key: String, value: Int)] {
        ["ready", "needs_query", "not_telehealth", "error"].map { ($0, byStatus[$0] ?? 0) }
    }
    /// Services seen, in the contract's order; `none` for notes with no service.
    public var serviceCounts: [(key: String, value: Int)] {
        (Service.allCases.map(\.rawValue) + ["none"]).compactMap { k in byService[k].map { (k, $0) } }
    }
    public var missingCounts: [(key: String, value: Int)] { Self.sorted(byMissing) }
    public var codeCounts: [(key: String, value: Int)] { Self.sorted(byCode) }
    public var warningCounts: [(key: String, value: Int)] { Self.sorted(byWarning) }

    /// Most frequent first, then by name: deterministic.
    static func sorted(_ d: [String: Int]) -> [(key: String, value: Int)] {
        d.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    // MARK: Rendering

    func rates(_ seconds: Double) -> (notes: Double, mb: Double) {
        guard seconds > 0 else { return (0, 0) }
        return (Double(records) / seconds, Double(textBytes) / 1_000_000 / seconds)
    }

    static func fixed(_ v: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let n = (v * scale).rounded()
        let whole = Int(n / scale)
        var frac = String(Int(n.truncatingRemainder(dividingBy: scale)))
        while frac.count < digits { frac = "0" + frac }
        return digits == 0 ? "\(whole)" : "\(whole).\(frac)"
    }

    /// Readable text. - Parameter seconds: elapsed time (default: the clock's).
    public func renderText(seconds: Double? = nil) -> String {
        let secs = seconds ?? self.seconds
        let (nps, mbps) = rates(secs)
        var out = "telescan summary\n"
        func row(_ k: String, _ v: String, indent: String = "  ") {
            let pad = max(1, 34 - indent.count - k.count)
            out += indent + k + String(repeating: " ", count: pad) + v + "\n"
        }
        row("records read", "\(records)")
        row("notes read", "\(notes)")
        row("errors", "\(errors)")
        row("note text", "\(textBytes) bytes")
        row("elapsed", Self.fixed(secs, 3) + " s")
        row("throughput", Self.fixed(nps, 1) + " notes/s, " + Self.fixed(mbps, 2) + " MB/s")
        func section(_ title: String, _ rows: [(key: String, value: Int)]) {
            out += "\n\(title)\n"
            if rows.isEmpty { out += "  (none)\n" }
            for r in rows { row(r.key, "\(r.value)") }
        }
        section("by status", statusCounts)
        section("by service", serviceCounts)
        section("by missing element (element:reason)", missingCounts)
        section("by code", codeCounts)
        section("by warning", warningCounts)
        if !skipped.isEmpty { section("skipped input records (not notes)", skipped.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }) }
        return out
    }

    /// One JSON object (with a trailing newline). - Parameter seconds: elapsed time (default: the clock's).
    public func renderJSON(seconds: Double? = nil) -> [UInt8] {
        let secs = seconds ?? self.seconds
        let (nps, mbps) = rates(secs)
        var w = JSONWriter()
        func map(_ rows: [(key: String, value: Int)]) {
            w.raw("{")
            for (i, r) in rows.enumerated() {
                if i > 0 { w.comma() }
                w.string(r.key); w.raw(":"); w.int(r.value)
            }
            w.raw("}")
        }
        w.raw("{"); w.key("records"); w.int(records)
        w.comma(); w.key("notes"); w.int(notes)
        w.comma(); w.key("errors"); w.int(errors)
        w.comma(); w.key("text_bytes"); w.int(textBytes)
        w.comma(); w.key("seconds"); w.bytes += Array(Self.fixed(secs, 3).utf8)
        w.comma(); w.key("notes_per_second"); w.bytes += Array(Self.fixed(nps, 1).utf8)
        w.comma(); w.key("mb_per_second"); w.bytes += Array(Self.fixed(mbps, 2).utf8)
        w.comma(); w.key("skipped"); map(skipped.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) })
        w.comma(); w.key("status"); map(statusCounts)
        w.comma(); w.key("service"); map(serviceCounts)
        w.comma(); w.key("missing"); map(missingCounts)
        w.comma(); w.key("codes"); map(codeCounts)
        w.comma(); w.key("warnings"); map(warningCounts)
        w.raw("}\n")
        return w.bytes
    }
}
