/// One note as an input reader delivers it: raw UTF-8 bytes plus metadata.
/// A record the reader could not decode carries `error` and still yields one output record.
public struct NoteRecord: Sendable {
    public var id: String
    /// The note text as UTF-8 bytes, after decoding the container (JSON string, CSV field, base64).
    /// May be invalid UTF-8; the pipeline repairs it once and warns.
    public var text: [UInt8]
    /// ISO date `YYYY-MM-DD` of the service, when the input carries one.
    public var serviceDate: String?
    /// `new` or `established`, when the input carries it.
    public var patientStatus: String?
    /// Set when the record could not be read; the note is then reported with status `error`.
    public var error: RecordError?

    public init(id: String, text: [UInt8], serviceDate: String? = nil, patientStatus: String? = nil, error: RecordError? = nil) {
        self.id = id
        self.text = text
        self.serviceDate = serviceDate
        self.patientStatus = patientStatus
        self.error = error
    }

    public static func failed(id: String, code: String, message: String) -> NoteRecord {
        NoteRecord(id: id, text: [], error: RecordError(code: code, message: message))
    }
}

/// Why one input record could not be read. `code` is a stable upper-case identifier.
public struct RecordError: Error, Sendable, Equatable {
    public var code: String
    public var message: String
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}

/// A stream of note records. Readers stream: they never hold a whole input in memory.
/// `next()` throws only for errors that end the run (an unreadable input stream);
/// a broken record is returned as a record with `error` set.
public protocol NoteReader {
    mutating func next() throws -> NoteRecord?
}
