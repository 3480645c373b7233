import XCTest
@testable import TelescanCore

/// Readers stream: the first record comes after a few chunks of a large input, the read buffer
/// never grows to the input's size, and a pipe's first record arrives before the writer closes.
final class StreamingInputTests: XCTestCase {
    static let noteCount = 3000
    static let chunk = 4096

    static func note(_ k: Int) -> String {
        "Note \(k). Video visit, patient at home — consent given.\r\n" + String(repeating: "Assessment line with \"quotes\", commas | and ~ tildes.\n", count: 8)
    }

    /// Each format's encoding of `noteCount` notes, and how to read it.
    func inputs() throws -> [(label: String, path: String, open: (ByteStream) throws -> any NoteReader)] {
        let notes = (0..<Self.noteCount).map { ("n\($0)", Self.note($0)) }
        let csvRows = [["id", "text"]] + notes.map { [$0.0, $0.1] }
        let lineRows = [["note_id", "line", "text"]] + notes.flatMap { n in FormatEncoder.lines(n.1).enumerated().map { [n.0, "\($0.offset + 1)", $0.element] } }
        var fhir = ""
        for n in notes {
            fhir += try FormatEncoder.ndjson([FormatEncoder.documentReference(id: n.0, attachments: [FormatEncoder.attachment(n.1, type: "text/plain")])])
        }
        let hl7 = notes.enumerated().map { FormatEncoder.mllp(FormatEncoder.mdm(id: $1.0, text: $1.1, number: $0, style: .segmentPerLine)) }.joined()
        let hl7Unframed = notes.enumerated().map { FormatEncoder.mdm(id: $1.0, text: $1.1, number: $0, style: .formattedText) }.joined()
        var sorted = LineTableReader.Options()
        sorted.lineSorted = true
        return [
            ("csv", try inputFile(FormatEncoder.delimited(csvRows, ","), ext: "csv"), { try CSVNoteReader(stream: $0, name: "csv") }),
            ("tsv", try inputFile(FormatEncoder.delimited(csvRows, "\t"), ext: "tsv"), { try CSVNoteReader(stream: $0, name: "tsv", delimiter: 9) }),
            ("line table, --line-sorted", try inputFile(FormatEncoder.delimited(lineRows, ","), ext: "csv"), { try LineTableReader(stream: $0, name: "lt", options: sorted) }),
            ("fhir", try inputFile(fhir, ext: "ndjson"), { FHIRReader(stream: $0, name: "fhir") }),
            ("hl7 mllp", try inputFile(hl7, ext: "hl7"), { HL7Reader(stream: $0, name: "hl7") }),
            ("hl7 unframed", try inputFile(hl7Unframed, ext: "hl7"), { HL7Reader(stream: $0, name: "hl7") }),
        ]
    }

    func testFirstRecordComesBeforeTheInputIsReadAndTheBufferStaysSmall() throws {
        for input in try inputs() {
            let size = try FileManager.default.attributesOfItem(atPath: input.path)[.size] as! Int
            XCTAssertGreaterThan(size, 1_000_000, input.label)
            let stream = InputFixture.stream(input.path, chunk: Self.chunk)
            var reader = try input.open(stream)
            let first = try reader.next()
            XCTAssertEqual(first?.id, "n0", input.label)
            XCTAssertNil(first?.error, input.label)
            XCTAssertEqual(first?.textString, Self.note(0), input.label)
            XCTAssertLessThanOrEqual(stream.bytesRead, 4 * Self.chunk, "\(input.label): read \(stream.bytesRead) bytes for the first record")
            var count = 1
            while let r = try reader.next() {
                XCTAssertNil(r.error, "\(input.label) \(r.id)")
                count += 1
            }
            XCTAssertEqual(count, Self.noteCount, input.label)
            XCTAssertEqual(stream.bytesRead, size, input.label)
            XCTAssertLessThanOrEqual(stream.buffer.count, 2 * Self.chunk, "\(input.label): buffer grew to \(stream.buffer.count)")
        }
    }

    /// Without --line-sorted a line table is held until the end of the file (the documented
    /// trade-off): the first note only comes after everything was read.
    func testUnsortedLineTableIsHeldUntilTheEnd() throws {
        let path = try inputFile("note_id,line,text\na,1,x\nb,1,y\na,2,z\n", ext: "csv")
        let stream = InputFixture.stream(path, chunk: 8)
        var reader = try LineTableReader(stream: stream, name: "lt")
        XCTAssertEqual(try reader.next()?.textString, "x\nz")
        XCTAssertEqual(stream.bytesRead, try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int)
    }

    /// A reader on a pipe hands out the first record while the writer is still open.
    func testFirstRecordArrivesFromAPipeBeforeTheWriterCloses() throws {
        let cases: [(label: String, head: String, tail: String, open: (ByteStream) throws -> any NoteReader)] = [
            ("csv", "id,text\np1,\"first\nnote\"\n", "p2,second\n", { try CSVNoteReader(stream: $0, name: "pipe") }),
            ("fhir", try FormatEncoder.ndjson([FormatEncoder.documentReference(id: "p1", attachments: [FormatEncoder.attachment("first", type: "text/plain")])]),
             try FormatEncoder.ndjson([FormatEncoder.documentReference(id: "p2", attachments: [FormatEncoder.attachment("second", type: "text/plain")])]),
             { FHIRReader(stream: $0, name: "pipe") }),
            ("hl7", FormatEncoder.mllp(FormatEncoder.mdm(id: "p1", text: "first", number: 1, style: .segmentPerLine)),
             FormatEncoder.mllp(FormatEncoder.mdm(id: "p2", text: "second", number: 2, style: .segmentPerLine)),
             { HL7Reader(stream: $0, name: "pipe") }),
        ]
        for c in cases {
            var fds: [Int32] = [0, 0]
            XCTAssertEqual(pipe(&fds), 0)
            send(fds[1], c.head)  // before opening: the CSV reader reads its header at once
            let box = ReaderBox(try c.open(ByteStream(fd: fds[0], ownsFD: true, chunkSize: 1 << 16)))
            let done = DispatchSemaphore(value: 0)
            Thread { box.first = try? box.reader.next(); done.signal() }.start()
            let arrived = done.wait(timeout: .now() + 10) == .success
            XCTAssertTrue(arrived, "\(c.label): no record before the writer closed")
            send(fds[1], c.tail)
            close(fds[1])
            if !arrived { done.wait() }
            XCTAssertEqual(box.first?.id, "p1", c.label)
            XCTAssertEqual(try box.reader.next()?.id, "p2", c.label)
            XCTAssertNil(try box.reader.next(), c.label)
        }
    }

    func send(_ fd: Int32, _ s: String) {
        let bytes = Array(s.utf8)
        XCTAssertEqual(bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }, bytes.count)
    }

    final class ReaderBox: @unchecked Sendable {
        var reader: any NoteReader
        var first: NoteRecord?
        init(_ reader: any NoteReader) { self.reader = reader }
    }
}
