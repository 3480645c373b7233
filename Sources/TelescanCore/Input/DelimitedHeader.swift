import Foundation

/// The header row of a CSV/TSV export and the per-record helpers the delimited readers share.
struct DelimitedHeader {
    let names: [String]
    let file: String

    /// Reads the header row; nil for an empty input. A header that cannot be parsed ends the run.
    static func read(_ parser: DelimitedParser, file: String) throws -> DelimitedHeader? {
        guard let r = try parser.next() else { return nil }
        if let e = r.error { throw InputError(message: "\(file) line \(r.line): cannot read the header row: \(e.message)") }
        return DelimitedHeader(names: (0..<r.count).map { String(decoding: r.field($0), as: UTF8.self) }, file: file)
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

/// Record metadata shared by the readers: service dates and patient status, read from bytes
/// (this runs once per row, so no Foundation string work on the way).
enum RecordMetadata {
    /// A service date as `YYYY-MM-DD`: `.none` when blank or without a day (`2026`, `2026-06`,
    /// HL7 `202606`: FHIR and HL7 allow such partial dates), `.invalid` when unreadable.
    enum Date: Equatable { case none, date(String), invalid(String) }

    static func date(_ raw: String?) -> Date {
        guard let raw else { return .none }
        return date(ArraySlice(raw.utf8))
    }

    /// Accepts what `DateText.normalise` accepts: `YYYY-MM-DD` (or an ISO timestamp),
    /// `YYYYMMDD…` (HL7), `MM/DD/YYYY`. Read from bytes rather than by calling it: it trims with
    /// Foundation, which was half the CSV reader's time at one date per row. A test keeps the
    /// two in step.
    static func date(_ raw: ArraySlice<UInt8>) -> Date {
        let s = trimmed(raw)
        if s.isEmpty { return .none }
        let b = Array(s)
        func digits(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= b.count else { return nil }
            var v = 0
            for i in r {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        func valid(_ y: Int, _ m: Int, _ d: Int) -> Date? {
            guard y >= 1900, y <= 9999, (1...12).contains(m), (1...31).contains(d) else { return nil }
            var out = [UInt8](repeating: 48, count: 10)
            for (i, v, width) in [(0, y, 4), (5, m, 2), (8, d, 2)] {
                var x = v
                for k in stride(from: i + width - 1, through: i, by: -1) { out[k] = UInt8(48 + x % 10); x /= 10 }
            }
            out[4] = dash; out[7] = dash
            return .date(String(decoding: out, as: UTF8.self))
        }
        let dash = UInt8(ascii: "-"), slash = UInt8(ascii: "/")
        if b.count >= 10, b[4] == dash, b[7] == dash, let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10),
           let r = valid(y, m, d) { return r }
        if let y = digits(0..<4), let m = digits(4..<6), let d = digits(6..<8), let r = valid(y, m, d) { return r }
        let parts = b.split(separator: slash, omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count >= 4 {
            let n = parts.map { Array($0) }
            func number(_ p: [UInt8]) -> Int? {
                guard !p.isEmpty, p.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
                return p.reduce(0) { $0 * 10 + Int($1 - 48) }
            }
            if let m = number(n[0]), let d = number(n[1]), let y = number(Array(n[2].prefix(4))), let r = valid(y, m, d) { return r }
        }
        let allDigits = b.allSatisfy { $0 >= 48 && $0 <= 57 }
        if (b.count == 4 || b.count == 6) && allDigits { return .none }
        if b.count == 7, b[4] == dash, digits(0..<4) != nil, digits(5..<7) != nil { return .none }
        return .invalid(String(decoding: b, as: UTF8.self))
    }

    /// Spaces and tabs removed from both ends.
    static func trimmed(_ b: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = b.startIndex, e = b.endIndex
        while s < e, b[s] == 32 || b[s] == 9 { s += 1 }
        while e > s, b[e - 1] == 32 || b[e - 1] == 9 { e -= 1 }
        return b[s..<e]
    }

    /// A whole number (optionally signed), blanks around it allowed.
    static func integer(_ bytes: ArraySlice<UInt8>) -> Int? {
        var s = trimmed(bytes)
        var sign = 1
        if let f = s.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") { sign = f == UInt8(ascii: "-") ? -1 : 1; s = s.dropFirst() }
        guard !s.isEmpty, s.count <= 18 else { return nil }
        var v = 0
        for c in s {
            guard c >= 48 && c <= 57 else { return nil }
            v = v * 10 + Int(c - 48)
        }
        return sign * v
    }

    /// The trimmed text, or nil when blank.
    static func text(_ bytes: some Collection<UInt8>) -> String? {
        let s = trimmed(ArraySlice(bytes))
        return s.isEmpty ? nil : String(decoding: s, as: UTF8.self)
    }

    /// A patient status as given, trimmed and lower-cased (ASCII), or nil when blank.
    static func status(_ bytes: ArraySlice<UInt8>) -> String? {
        let s = trimmed(bytes)
        return s.isEmpty ? nil : String(decoding: s.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }

    static let invalidDateCode = "INVALID_SERVICE_DATE"

    static func invalidDateMessage(_ where: String, _ value: String, option: String) -> String {
        "\(`where`): service date '\(value)' is not YYYY-MM-DD, YYYYMMDD, MM/DD/YYYY or an ISO timestamp (\(option) '' ignores the column)"
    }
}
