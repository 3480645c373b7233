/// JSON Lines: one note per line. A line that is not a JSON object, or has no text field,
/// becomes an error record; blank lines are not records.
public struct JSONLinesReader: NoteReader {
    public struct Fields: Sendable {
        public var id = "id"
        public var text = "text"
        public var serviceDate = "service_date"
        public var patientStatus = "patient_status"
        public init() {}
    }

    let stream: ByteStream
    let name: String
    let fields: Fields
    /// The field names looked for, as bytes: id, text, service date, patient status.
    let keys: [[UInt8]]
    var lineNumber = 0

    public init(stream: ByteStream, name: String, fields: Fields = Fields()) {
        self.stream = stream
        self.name = name
        self.fields = fields
        keys = [fields.id, fields.text, fields.serviceDate, fields.patientStatus].map { Array($0.utf8) }
    }

    public mutating func next() throws -> NoteRecord? {
        while let line = try stream.nextLine() {
            lineNumber += 1
            if line.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
            let values: [[UInt8]?]
            do { values = try JSONObjectScanner.values(line, keys: keys) } catch {
                return .failed(id: "\(name):\(lineNumber)", code: "INVALID_JSON", message: "\(name) line \(lineNumber): not a JSON object (\(error.message))")
            }
            let id = values[0].map { String(decoding: $0, as: UTF8.self) } ?? "\(name):\(lineNumber)"
            guard let text = values[1] else {
                return .failed(id: id, code: "MISSING_TEXT_FIELD", message: "\(name) line \(lineNumber): no string field '\(fields.text)'")
            }
            return NoteRecord(id: id, text: text,
                              serviceDate: values[2].map { String(decoding: $0, as: UTF8.self) },
                              patientStatus: values[3].map { String(decoding: $0, as: UTF8.self) })
        }
        return nil
    }
}
