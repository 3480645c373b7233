/// CSV or TSV exports, one note per row, with a header row naming the columns
/// (`--id-column`, `--text-column`, `--date-column`, `--status-column`).
///
/// Quoting follows RFC 4180 (see `DelimitedParser`), so a note's text may span lines and
/// keeps its CRLF line ends. A header without the text column ends the run (exit 2). A row
/// with the wrong number of fields, or broken quoting, becomes an error record naming the file
/// and line; reading goes on with the next row. Without an id column (or with an empty id) a
/// row's id is `<file>:<row>`, counting data rows from 1.
public struct CSVNoteReader: NoteReader {
    public struct Columns: Sendable {
        public var id = "id"
        public var text = "text"
        /// Optional: a missing column is ignored; an empty name ignores the column.
        public var serviceDate = "service_date"
        /// Optional, like `serviceDate`.
        public var patientStatus = "patient_status"
        public init() {}
    }

    let parser: DelimitedParser
    let name: String
    let width: Int
    let idIndex: Int?
    let textIndex: Int
    let dateIndex: Int?
    let statusIndex: Int?
    var row = 0
    var empty = false

    /// Reads the header row; throws an `InputError` when it has no text column.
    public init(stream: ByteStream, name: String, delimiter: UInt8 = UInt8(ascii: ","), columns: Columns = Columns()) throws {
        parser = try DelimitedParser(stream: stream, delimiter: delimiter)
        self.name = name
        guard let header = try DelimitedHeader.read(parser, file: name) else {
            empty = true
            width = 0; idIndex = nil; textIndex = 0; dateIndex = nil; statusIndex = nil
            return
        }
        width = header.names.count
        textIndex = try header.require(columns.text, option: "--text-column")
        idIndex = header.index(of: columns.id)
        dateIndex = header.index(of: columns.serviceDate)
        statusIndex = header.index(of: columns.patientStatus)
        parser.keep = header.keepMask([idIndex, textIndex, dateIndex, statusIndex])
    }

    /// Where a row is, for messages (built only when one is needed).
    func at(_ r: DelimitedParser.Record) -> String { "\(name) line \(r.line) (row \(row))" }
    var fallbackID: String { "\(name):\(row)" }

    public mutating func next() throws -> NoteRecord? {
        if empty { return nil }
        guard let r = try parser.next() else { return nil }
        row += 1
        if let e = r.error {
            return .failed(id: fallbackID, code: e.code, message: "\(at(r)): \(e.message)")
        }
        guard r.count == width else {
            return .failed(id: fallbackID, code: "CSV_FIELD_COUNT", message: "\(at(r)): \(r.count) fields, the header has \(width)")
        }
        let id = idIndex.flatMap { RecordMetadata.text(r.field($0)) } ?? fallbackID
        var date: String?
        switch dateIndex.map({ RecordMetadata.date(r.field($0)) }) ?? .none {
        case .none: break
        case .date(let d): date = d
        case .invalid(let v):
            return .failed(id: id, code: RecordMetadata.invalidDateCode, message: RecordMetadata.invalidDateMessage(at(r), v, option: "--date-column"))
        }
        return NoteRecord(id: id, text: Array(r.field(textIndex)), serviceDate: date,
                          patientStatus: statusIndex.flatMap { RecordMetadata.status(r.field($0)) })
    }
}
