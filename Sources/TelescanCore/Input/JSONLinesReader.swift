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
    let wanted: Set<String>
    var lineNumber = 0

    public init(stream: ByteStream, name: String, fields: Fields = Fields()) {
        self.stream = stream
        self.name = name
        self.fields = fields
        wanted = [fields.id, fields.text, fields.serviceDate, fields.patientStatus]
    }

    public mutating func next() throws -> NoteRecord? {
        while let line = try stream.nextLine() {
            lineNumber += 1
            if line.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
            let fallbackID = "\(name):\(lineNumber)"
            let values: [String: [UInt8]]
            do { values = try JSONObjectScanner.fields(line, wanted: wanted) } catch {
                return .failed(id: fallbackID, code: "INVALID_JSON", message: "\(name) line \(lineNumber): not a JSON object (\(error.message))")
            }
            let id = values[fields.id].map { String(decoding: $0, as: UTF8.self) } ?? fallbackID
            guard let text = values[fields.text] else {
                return .failed(id: id, code: "MISSING_TEXT_FIELD", message: "\(name) line \(lineNumber): no string field '\(fields.text)'")
            }
            return NoteRecord(id: id, text: text,
                              serviceDate: values[fields.serviceDate].map { String(decoding: $0, as: UTF8.self) },
                              patientStatus: values[fields.patientStatus].map { String(decoding: $0, as: UTF8.self) })
        }
        return nil
    }
}
