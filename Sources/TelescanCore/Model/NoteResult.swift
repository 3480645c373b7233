/// Evidence as the output contract has it: Unicode-scalar offsets and the quoted text.
public struct Evidence: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var quote: String
}

/// Everything the pipeline concludes about one note; printers read only this.
public struct NoteResult: Sendable {
    public var id: String
    public var status: NoteStatus
    public var profile: String
    public var service: Service?
    public var serviceEvidence: [Range<Int>] = []
    public var elements = NoteElements()
    public var decision: Decision
    public var error: RecordError?
    /// Note-level warnings (invalid UTF-8 repaired, pattern limits) ahead of the decision's.
    public var warnings: [String] = []
    /// The (repaired) note text, for quotes and `--include-text`.
    public var text: [UInt8] = []
    /// All findings with their context, for `explain`.
    public var findings: [Finding] = []
    var scalarOffsets: [Int: Int] = [:]
    var ascii = true

    public init(id: String, status: NoteStatus, profile: String, decision: Decision) {
        self.id = id
        self.status = status
        self.profile = profile
        self.decision = decision
    }

    /// Contract evidence for a byte range of the note.
    public func evidence(_ r: Range<Int>) -> Evidence {
        let quote = text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[r]), as: UTF8.self) }
        if ascii { return Evidence(start: r.lowerBound, end: r.upperBound, quote: quote) }
        let s = scalarOffsets[r.lowerBound] ?? r.lowerBound
        let e = scalarOffsets[r.upperBound] ?? r.upperBound
        return Evidence(start: s, end: e, quote: quote)
    }

    /// Every byte offset the printers may ask about.
    var evidenceOffsets: [Int] {
        var out: [Int] = []
        func add(_ rs: [Range<Int>]) { for r in rs { out.append(r.lowerBound); out.append(r.upperBound) } }
        let e = elements
        add(serviceEvidence)
        add(e.modality?.evidence ?? []); add(e.modalitySwitch?.evidence ?? []); add(e.consent?.evidence ?? [])
        add(e.time?.evidence ?? []); add(e.mdm?.evidence ?? []); add(e.patientLocation?.evidence ?? [])
        add(e.providerLocation?.evidence ?? []); add(e.performingProvider?.evidence ?? [])
        add(e.patientStatus?.evidence ?? []); add(e.audioOnlyReason?.evidence ?? []); add(e.deviceDays?.evidence ?? [])
        for f in findings { add([f.span]); for m in f.modifiers { add([m.span]) } }
        return out
    }
}
