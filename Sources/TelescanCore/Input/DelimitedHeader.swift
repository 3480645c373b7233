import Foundation

/// The header row of a CSV/TSV export and the per-record helpers the delimited readers share.
struct DelimitedHeader {
    let names: [String]
    let file: String

    /// Reads the header row; nil for an empty input. A header that cannot be parsed ends the run.
    static func read(_ parser: DelimitedParser, file: String) throws -> DelimitedHeader? {
        guard let r = try parser.next() else { return nil }
        if let e = r.error { throw InputError(message: "\(file) line \(r.line): cannot read the header row: \(e.message)") }
        return DelimitedHeader(names: r.fields.map { String(decoding: $0, as: UTF8.self) }, file: file)
    }

    /// The column called `name`: exact match first, then ignoring case and surrounding blanks.
    /// An empty name means "no such column".
    func index(of name: String) -> Int? {
        if name.isEmpty { return nil }
        if let i = names.firstIndex(of: name) { return i }
        let want = Self.fold(name)
        return names.firstIndex { Self.fold($0) == want }
    }

    /// A column that must exist: a missing one is a usage error (exit 2).
    func require(_ name: String, option: String) throws -> Int {
        guard let i = index(of: name) else {
            throw InputError(message: "\(file): no column '\(name)' in the header (columns: \(names.joined(separator: ", "))); choose one with \(option)")
        }
        return i
    }

    static func fold(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Which fields the parser keeps: only the columns a reader uses.
    func keepMask(_ columns: [Int?]) -> [Bool] {
        var mask = [Bool](repeating: false, count: names.count)
        for c in columns { if let c { mask[c] = true } }
        return mask
    }
}

/// Record metadata shared by the readers: service dates and patient status as text.
enum RecordMetadata {
    /// A service date as `YYYY-MM-DD`: `.none` when blank or without a day (`2026`, `2026-06`,
    /// HL7 `202606`: FHIR and HL7 allow such partial dates), `.invalid` when unreadable.
    enum Date: Equatable { case none, date(String), invalid(String) }

    static func date(_ raw: String?) -> Date {
        guard let raw else { return .none }
        let s = raw.trimmingCharacters(in: .whitespaces)
        if s.isEmpty { return .none }
        if let d = DateText.normalise(s) { return .date(d) }
        if s.range(of: #"^\d{4}(-?\d{2})?$"#, options: .regularExpression) != nil { return .none }
        return .invalid(s)
    }

    static func text(_ bytes: [UInt8]) -> String? {
        let s = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return s.isEmpty ? nil : s
    }

    static let invalidDateCode = "INVALID_SERVICE_DATE"

    static func invalidDateMessage(_ where: String, _ value: String, option: String) -> String {
        "\(`where`): service date '\(value)' is not YYYY-MM-DD, YYYYMMDD, MM/DD/YYYY or an ISO timestamp (\(option) '' ignores the column)"
    }
}
