/// What the decision stage concludes for one note under one payer profile.
public struct Decision: Sendable {
    public var status: NoteStatus
    public var missing: [MissingElement] = []
    public var codes: [SuggestedCode] = []
    public var assumptions: [String] = []
    public var warnings: [String] = []
    /// Human-readable reasons for `telescan explain`: one line per decision taken.
    public var explanations: [String] = []

    public init(status: NoteStatus) { self.status = status }
}

/// A required element the note does not document, with a non-leading query for the provider.
public struct MissingElement: Sendable, Equatable {
    public var element: String
    public var reason: String
    public var query: String
    /// Why it is missing (the profile rule), for `explain`.
    public var explanation: String

    public init(element: String, reason: String, query: String, explanation: String = "") {
        self.element = element
        self.reason = reason
        self.query = query
        self.explanation = explanation
    }
}

/// One suggested service line.
public struct SuggestedCode: Sendable, Equatable {
    public var code: String
    public var system: String        // CPT | HCPCS
    public var modifiers: [String]
    public var pos: String?
    public var units: Int
    public var basis: String         // time | mdm | service
    public var because: [String]     // element names that justify it
    /// The profile rule that chose it and the threshold that applied, for `explain`.
    public var rule: String
    public var explanation: String

    public init(code: String, system: String, modifiers: [String] = [], pos: String?, units: Int = 1,
                basis: String, because: [String], rule: String, explanation: String = "") {
        self.code = code
        self.system = system
        self.modifiers = modifiers
        self.pos = pos
        self.units = units
        self.basis = basis
        self.because = because
        self.rule = rule
        self.explanation = explanation
    }

    /// Compact form used by the corpus gold: `CODE[-MOD...][@POS][*UNITS]`.
    public var compact: String {
        var s = code
        for m in modifiers { s += "-" + m }
        if let pos { s += "@" + pos }
        if units > 1 { s += "*\(units)" }
        return s
    }
}
