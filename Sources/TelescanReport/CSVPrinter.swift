import TelescanCore

/// `--format csv`: a review worklist, one row per note under a header row (RFC 4180: CRLF
/// line ends, every cell with a comma, quote, CR or LF quoted, quotes doubled).
///
/// Columns, in order (see docs/outputs.md):
/// `id, status, profile, service, codes, missing, queries, evidence, assumptions, warnings, error`,
/// plus `text` with `--include-text`. Lists inside a cell are joined with `; ` (codes, missing,
/// assumptions, warnings) or ` | ` (queries and evidence, whose items are sentences).
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a CR gets a leading apostrophe, so a
/// spreadsheet shows it as text and never runs it as a formula.
public struct CSVPrinter: ResultPrinter {
    public static let columns = ["id", "status", "profile", "service", "codes", "missing", "queries",
                                 "evidence", "assumptions", "warnings", "error"]
    let options: OutputOptions

    public init(options: OutputOptions = OutputOptions()) { self.options = options }

    public func header() -> [UInt8] {
        var out: [UInt8] = options.csvBOM ? [0xEF, 0xBB, 0xBF] : []
        out += Self.row(Self.columns + (options.includeText ? ["text"] : []))
        return out
    }

    public func render(_ r: NoteResult, index: Int) -> [UInt8] {
        var evidence: [String] = []
        func add(_ name: String, _ spans: [Range<Int>]) {
            for s in spans {
                let (quote, offsets) = r.shownEvidence(s, noQuotes: options.noQuotes)
                evidence.append(quote.map { "\(name): \"\($0)\"" } ?? "\(name): \(offsets)")
            }
        }
        add("service", r.serviceEvidence)
        for line in r.elementLines { add(line.name, line.evidence) }
        let d = r.decision
        var cells = [
            r.id,
            r.status.rawValue,
            r.profile,
            r.service?.rawValue ?? "",
            d.codes.map(\.label).joined(separator: "; "),
            d.missing.map { "\($0.element): \($0.reason)" }.joined(separator: "; "),
            d.missing.map(\.query).joined(separator: " | "),
            evidence.joined(separator: " | "),
            d.assumptions.joined(separator: "; "),
            r.warnings.joined(separator: "; "),
            r.error.map { "\($0.code): \($0.message)" } ?? "",
        ]
        if options.includeText { cells.append(r.textString) }
        return Self.row(cells)
    }

    /// One CSV row with its CRLF.
    static func row(_ cells: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for (i, c) in cells.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += cell(c)
        }
        out += [13, 10]
        return out
    }

    /// One cell: neutralised against formula injection, then quoted if it needs to be.
    public static func cell(_ value: String) -> [UInt8] {
        var bytes = Array(value.utf8)
        if let first = bytes.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13].contains(first) {
            bytes.insert(UInt8(ascii: "'"), at: 0)
        }
        guard bytes.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else { return bytes }
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for b in bytes {
            out.append(b)
            if b == UInt8(ascii: "\"") { out.append(b) }
        }
        out.append(UInt8(ascii: "\""))
        return out
    }
}
