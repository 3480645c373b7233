import Foundation

/// Warehouse extracts with one row per note line (Epic-style note text tables): a CSV/TSV with
/// a header naming the note id, line number and line text columns (`--line-id-column`,
/// `--line-number-column`, `--line-text-column`), plus the optional service date and patient
/// status columns of `CSVNoteReader.Columns`. Rows may come in any order, and a note's lines
/// may be spread over the file. Notes are reassembled by id, in order of first appearance,
/// their lines sorted by number (rows with the same number keep their file order) and joined
/// with `--join` (default a line feed).
///
/// Memory: a note is complete only when all its lines have been seen, and in an unsorted
/// extract that is only known at end of file, so by default every note is held until the end
/// (memory ≈ the size of the extract). With `--line-sorted` (each note's rows contiguous, as
/// `ORDER BY note_id` gives) a note is emitted as soon as the id changes and memory is one
/// note; only the ids already seen are kept, so that a note whose rows come back later is
/// reported as an error instead of being emitted twice in pieces.
///
/// Errors: a row that cannot be parsed, or has no note id, is an error record of its own
/// (id `<file>:<row>`); a row with the wrong number of fields or an unreadable line number
/// makes its note an error record. Messages name the file and line.
public struct LineTableReader: NoteReader {
    public struct Columns: Sendable {
        public var noteID = "note_id"
        public var line = "line"
        public var text = "text"
        public init() {}
    }

    public struct Options: Sendable {
        public var columns = Columns()
        /// Service date and patient status columns (optional; the first non-blank value wins).
        public var metadata = CSVNoteReader.Columns()
        /// Put between a note's lines.
        public var join: [UInt8] = [10]
        /// The rows of each note are contiguous: emit a note when the id changes.
        public var lineSorted = false
        public init() {}
    }

    /// A line of a note: its number, its place in the file, and its text in `Note.bytes`.
    struct Line { var number: Int; var seq: Int; var text: Range<Int> }

    struct Note {
        var id: String
        /// The lines' text, in file order (one buffer per note, not one array per line).
        var bytes: [UInt8] = []
        var lines: [Line] = []
        var serviceDate: String?
        var patientStatus: String?
        var error: RecordError?
    }

    /// A note being assembled (an index into `notes`) or a broken row, in input order;
    /// `done` once handed out.
    enum Entry { case note(Int), failed(NoteRecord), done }

    let parser: DelimitedParser
    let name: String
    let options: Options
    let width: Int
    let idIndex: Int, numberIndex: Int, textIndex: Int
    let dateIndex: Int?, statusIndex: Int?
    var row = 0
    var seq = 0
    var atEnd = false

    /// Entries still being assembled, and the notes they point to.
    var open: [Entry] = []
    var notes: [Note] = []
    var position: [String: Int] = [:]
    /// The note of the previous row: consecutive rows of one note skip the lookups.
    var cached: (id: String, index: Int)?
    /// Entries complete and being handed out (each note is built and freed as it goes).
    var draining: [Entry] = []
    var drainingNotes: [Note] = []
    var drainPos = 0
    // --line-sorted only
    var currentID: String?
    var finished: Set<String> = []
    var lateID: String?

    public init(stream: ByteStream, name: String, delimiter: UInt8 = UInt8(ascii: ","), options: Options = Options()) throws {
        parser = try DelimitedParser(stream: stream, delimiter: delimiter)
        self.name = name
        self.options = options
        guard let header = try DelimitedHeader.read(parser, file: name) else {
            atEnd = true
            width = 0; idIndex = 0; numberIndex = 0; textIndex = 0; dateIndex = nil; statusIndex = nil
            return
        }
        width = header.names.count
        idIndex = try header.require(options.columns.noteID, option: "--line-id-column")
        numberIndex = try header.require(options.columns.line, option: "--line-number-column")
        textIndex = try header.require(options.columns.text, option: "--line-text-column")
        dateIndex = header.index(of: options.metadata.serviceDate)
        statusIndex = header.index(of: options.metadata.patientStatus)
        parser.keep = header.keepMask([idIndex, numberIndex, textIndex, dateIndex, statusIndex])
    }

    public mutating func next() throws -> NoteRecord? {
        while true {
            if drainPos < draining.count {
                let e = draining[drainPos]
                draining[drainPos] = .done
                drainPos += 1
                switch e {
                case .done: continue
                case .failed(let r): return r
                case .note(let k):
                    let note = drainingNotes[k]
                    drainingNotes[k] = Note(id: "")
                    return record(note)
                }
            }
            if atEnd {
                if open.isEmpty { return nil }
                complete()
                continue
            }
            guard let r = try parser.next() else { atEnd = true; continue }
            add(r)
        }
    }

    /// Moves the open entries to the draining queue (which is empty whenever rows are read).
    mutating func complete() {
        draining = open
        drainingNotes = notes
        drainPos = 0
        open = []
        notes = []
        position = [:]
        cached = nil
    }

    /// Where a row is, for messages (built only when one is needed).
    func at(_ r: DelimitedParser.Record) -> String { "\(name) line \(r.line) (row \(row))" }

    mutating func add(_ r: DelimitedParser.Record) {
        row += 1
        if let e = r.error {
            return open.append(.failed(.failed(id: "\(name):\(row)", code: e.code, message: "\(at(r)): \(e.message)")))
        }
        func countError() -> RecordError {
            RecordError(code: "CSV_FIELD_COUNT", message: "\(at(r)): \(r.count) fields, the header has \(width)")
        }
        guard let id = idIndex < r.count ? RecordMetadata.text(r.field(idIndex)) : nil else {
            let e = r.count != width ? countError()
                : RecordError(code: "MISSING_NOTE_ID", message: "\(at(r)): no note id in column '\(options.columns.noteID)'")
            return open.append(.failed(.failed(id: "\(name):\(row)", code: e.code, message: e.message)))
        }
        guard let k = noteIndex(id, r), notes[k].error == nil else { return }
        guard r.count == width else { notes[k].error = countError(); return }
        guard let number = RecordMetadata.integer(r.field(numberIndex)) else {
            let shown = String(decoding: RecordMetadata.trimmed(r.field(numberIndex)), as: UTF8.self)
            notes[k].error = RecordError(code: "INVALID_LINE_NUMBER", message: "\(at(r)): line number '\(shown)' is not an integer")
            return
        }
        if notes[k].serviceDate == nil {
            switch dateIndex.map({ RecordMetadata.date(r.field($0)) }) ?? .none {
            case .none: break
            case .date(let d): notes[k].serviceDate = d
            case .invalid(let v):
                notes[k].error = RecordError(code: RecordMetadata.invalidDateCode, message: RecordMetadata.invalidDateMessage(at(r), v, option: "--date-column"))
                return
            }
        }
        if notes[k].patientStatus == nil { notes[k].patientStatus = statusIndex.flatMap { RecordMetadata.status(r.field($0)) } }
        seq += 1
        let start = notes[k].bytes.count
        notes[k].bytes.append(contentsOf: r.field(textIndex))
        notes[k].lines.append(Line(number: number, seq: seq, text: start..<notes[k].bytes.count))
    }

    /// The note `id` being assembled (created on first sight); nil when the row is dropped
    /// (with `--line-sorted`: a row of a note already emitted, reported once per run of rows).
    mutating func noteIndex(_ id: String, _ r: DelimitedParser.Record) -> Int? {
        if let c = cached, c.id == id { return c.index }
        if options.lineSorted {
            if currentID != id {
                if let c = currentID { finished.insert(c) }
                complete()
                currentID = id
            }
            if finished.contains(id) {
                if lateID != id {
                    lateID = id
                    open.append(.failed(.failed(id: id, code: "LINE_TABLE_NOT_SORTED", message: "\(at(r)): more lines of note '\(id)' after it was emitted (rows not grouped by note; run without --line-sorted)")))
                }
                return nil
            }
            lateID = nil
        }
        let k: Int
        if let known = position[id] {
            k = known
        } else {
            k = notes.count
            notes.append(Note(id: id))
            position[id] = k
            open.append(.note(k))
        }
        cached = (id, k)
        return k
    }

    func record(_ note: Note) -> NoteRecord {
        if let e = note.error { return .failed(id: note.id, code: e.code, message: e.message) }
        let lines = note.lines.sorted { ($0.number, $0.seq) < ($1.number, $1.seq) }
        var text: [UInt8] = []
        text.reserveCapacity(note.bytes.count + lines.count * options.join.count)
        for (i, l) in lines.enumerated() {
            if i > 0 { text += options.join }
            text += note.bytes[l.text]
        }
        return NoteRecord(id: note.id, text: text, serviceDate: note.serviceDate, patientStatus: note.patientStatus)
    }
}
