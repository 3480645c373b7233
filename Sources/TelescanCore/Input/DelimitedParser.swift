#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// RFC 4180 records (CSV, or TSV with the same quoting) parsed on bytes straight out of a
/// `ByteStream`; the CSV and line-table readers share it.
///
/// Why a parser of our own, on bytes: `ByteStream.nextLine` cannot be used because a quoted
/// field may hold newlines; Foundation has no CSV parser; and the usual alternatives either
/// load the whole file (a `String`/`Data` of the export) or decode every field to `String`,
/// which is slow and would normalise the note text (CRLF, invalid UTF-8) before the pipeline
/// sees it. Here the fields a reader keeps are copied once, into a buffer reused from record
/// to record (other fields are skipped); memory is bounded by the largest record
/// (`maxRecordBytes`); and note text reaches the pipeline byte for byte.
///
/// Syntax (RFC 4180, with the usual leniencies): fields separated by `delimiter`, records by
/// LF, CRLF or a lone CR; a field that starts with `"` is quoted, may contain delimiters and
/// line breaks, and writes a quote as `""`; a quote inside an unquoted field is kept as text;
/// empty lines are not records.
///
/// Errors and resynchronisation: a character other than a delimiter, line break or quote
/// after a closing quote (`"abc"def`), a quoted field still open at end of input, or a record
/// larger than `maxRecordBytes` makes an error record that names the line where the record
/// started. If the broken record spans several lines (an opening quote swallowed what
/// followed), parsing starts again on the line after the one where it started, so the rows it
/// swallowed are read again; otherwise the rest of that line is skipped.
final class DelimitedParser {
    struct Record {
        /// The kept fields' bytes, one after the other.
        var bytes: [UInt8]
        /// One range into `bytes` per field seen; fields the caller did not ask to keep are empty.
        var ranges: [Range<Int>]
        /// The physical line (1-based) where the record starts.
        var line: Int
        var error: SyntaxError?

        var count: Int { ranges.count }
        func field(_ i: Int) -> ArraySlice<UInt8> { bytes[ranges[i]] }
    }

    enum SyntaxError: Equatable {
        case unterminatedQuote
        case textAfterClosingQuote(UInt8)
        case tooLarge(Int)

        var code: String {
            switch self {
            case .unterminatedQuote: return "CSV_UNTERMINATED_QUOTE"
            case .textAfterClosingQuote: return "CSV_BAD_QUOTE"
            case .tooLarge: return "RECORD_TOO_LARGE"
            }
        }

        var message: String {
            switch self {
            case .unterminatedQuote: return "quoted field not closed before the end of the input"
            case .textAfterClosingQuote(let b):
                let shown = b >= 0x20 && b < 0x7F ? "'\(Character(Unicode.Scalar(b)))'" : "byte 0x\(String(b, radix: 16))"
                return "\(shown) after a closing quote (a quote inside a quoted field must be doubled)"
            case .tooLarge(let n): return "record larger than \(n >= 1 << 20 ? "\(n >> 20) MB" : "\(n) bytes") (an unclosed quote?)"
            }
        }
    }

    enum State { case fieldStart, unquoted, quoted, quoteSeen, skipLine }

    static let quote = UInt8(ascii: "\"")
    static let lf: UInt8 = 10
    static let cr: UInt8 = 13

    let stream: ByteStream
    // Bytes to parse before the stream's (a broken multi-line record's tail, read again).
    var replay: [UInt8] = []
    var replayPos = 0
    /// The parsing state. A struct, so that the byte loop runs on it without the dynamic
    /// exclusivity checks every access to a class property costs (one check per chunk instead).
    var m: Machine

    /// Which fields to keep (by index); nil keeps every field. Others are parsed and dropped.
    var keep: [Bool]? {
        get { m.keep }
        set { m.keep = newValue }
    }

    init(stream: ByteStream, delimiter: UInt8, maxRecordBytes: Int = 64 << 20) throws {
        self.stream = stream
        m = Machine(delimiter: delimiter, maxRecordBytes: maxRecordBytes)
        if try stream.peek(3).elementsEqual([0xEF, 0xBB, 0xBF]) { stream.start += 3 }
    }

    /// The next record, or nil at end of input.
    func next() throws -> Record? {
        while true {
            let done: Bool
            if replayPos < replay.count {
                let data = replay
                let from = replayPos
                let used: Int
                (used, done) = data.withUnsafeBufferPointer { m.process($0.baseAddress! + from, $0.count - from) }
                replayPos += used
                if replayPos == replay.count {
                    replay = []
                    replayPos = 0
                }
            } else {
                if stream.start == stream.end, try !stream.fill() {
                    let r = m.finish()
                    readAgain()
                    return r
                }
                let from = stream.start, count = stream.end - stream.start
                let used: Int
                (used, done) = stream.buffer.withUnsafeBufferPointer { m.process($0.baseAddress! + from, count) }
                stream.start += used
            }
            readAgain()
            if done { return m.takeRecord() }
        }
    }

    /// Puts the tail of a broken multi-line record in front of what is left to read.
    func readAgain() {
        guard let again = m.pendingReplay else { return }
        replay = again + replay[replayPos...]
        replayPos = 0
        m.pendingReplay = nil
    }

    /// The state of the record being parsed and the byte loop that advances it.
    struct Machine {
        let delimiter: UInt8
        let maxRecordBytes: Int
        var keep: [Bool]?

        // The record being parsed.
        var state = State.fieldStart
        /// Kept fields' bytes and each field's range. Cleared when the next record starts (not
        /// when one is handed out), so that the buffer is reused once the caller let go of it.
        var buf: [UInt8] = []
        var ranges: [Range<Int>] = []
        var fieldStart = 0
        var keepField = true
        var started = false
        var recordLine = 1
        var recordBytes = 0
        var error: SyntaxError?
        /// Bytes after the record's first line break, kept only while a quoted field spans lines,
        /// so that a broken record can be read again from its second line.
        var capturing = false
        var raw: [UInt8] = []
        var pendingReplay: [UInt8]?

        var line = 1
        /// A record ended on CR: a LF right after it belongs to the same line break.
        var pendingLF = false

        init(delimiter: UInt8, maxRecordBytes: Int) {
            self.delimiter = delimiter
            self.maxRecordBytes = maxRecordBytes
        }

        mutating func takeRecord() -> Record {
            let r = Record(bytes: buf, ranges: ranges, line: recordLine, error: error)
            started = false
            recordBytes = 0
            error = nil
            capturing = false
            raw.removeAll(keepingCapacity: true)
            state = .fieldStart
            return r
        }

        mutating func endField() {
            ranges.append(fieldStart..<buf.count)
            fieldStart = buf.count
            keepField = keep.map { ranges.count < $0.count && $0[ranges.count] } ?? true
        }

        /// A broken record: read its tail again if it spans lines, else skip the rest of its line.
        /// Returns true when the record is complete (the caller returns it).
        mutating func fail(_ e: SyntaxError) -> Bool {
            error = e
            ranges.removeAll(keepingCapacity: true)
            buf.removeAll(keepingCapacity: true)
            fieldStart = 0
            if capturing {
                pendingReplay = raw
                line = recordLine + 1
                pendingLF = false
                return true
            }
            state = .skipLine
            return false
        }

        /// Parses bytes until a record ends (returns `done`) or the bytes run out.
        /// `used` counts the bytes consumed.
        mutating func process(_ p: UnsafePointer<UInt8>, _ n: Int) -> (used: Int, done: Bool) {
            let delim = delimiter, quote = DelimitedParser.quote, lf = DelimitedParser.lf, cr = DelimitedParser.cr
            var i = 0
            var captureFrom = 0
            /// Fails the record; true when it is complete (reported at once, its tail read again).
            func failed(_ e: SyntaxError) -> Bool {
                if capturing { raw.append(contentsOf: UnsafeBufferPointer(start: p + captureFrom, count: i - captureFrom)) }
                return fail(e)
            }
            while i < n {
                switch state {
                case .skipLine:
                    var j = i
                    while j < n, p[j] != lf, p[j] != cr { j += 1 }
                    if j == n { i = n; continue }
                    i = j + 1
                    line += 1
                    pendingLF = p[j] == cr
                    state = .fieldStart
                    return (i, true)

                case .fieldStart:
                    let b = p[i]
                    if pendingLF {
                        pendingLF = false
                        if b == lf { i += 1; continue }
                    }
                    if !started {
                        if b == lf { line += 1; i += 1; continue }
                        if b == cr { line += 1; pendingLF = true; i += 1; continue }
                        started = true
                        recordLine = line
                        keepField = keep.map { !$0.isEmpty && $0[0] } ?? true
                        buf.removeAll(keepingCapacity: true)
                        ranges.removeAll(keepingCapacity: true)
                        fieldStart = 0
                    }
                    if b == quote { state = .quoted; i += 1 } else { state = .unquoted }

                case .unquoted:
                    var j = i
                    while j < n {
                        let c = p[j]
                        if c == delim || c == lf || c == cr { break }
                        j += 1
                    }
                    if keepField { buf.append(contentsOf: UnsafeBufferPointer(start: p + i, count: j - i)) }
                    recordBytes += j - i
                    i = j
                    if recordBytes > maxRecordBytes {
                        if failed(.tooLarge(maxRecordBytes)) { return (i, true) }
                        continue
                    }
                    if j == n { continue }
                    let c = p[j]
                    i += 1
                    endField()
                    if c == delim { state = .fieldStart; continue }
                    line += 1
                    pendingLF = c == cr
                    state = .fieldStart
                    return (i, true)

                case .quoted:
                    let hit = memchr(p + i, Int32(quote), n - i)
                    let stop = hit.map { p.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? n
                    var k = i
                    while k < stop, let nl = memchr(p + k, Int32(lf), stop - k) {
                        k = p.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
                        line += 1
                        if !capturing { capturing = true; captureFrom = k }
                    }
                    if keepField { buf.append(contentsOf: UnsafeBufferPointer(start: p + i, count: stop - i)) }
                    recordBytes += stop - i
                    i = stop
                    if recordBytes > maxRecordBytes {
                        if failed(.tooLarge(maxRecordBytes)) { return (i, true) }
                        continue
                    }
                    if hit != nil { i += 1; state = .quoteSeen }

                case .quoteSeen:
                    let c = p[i]
                    i += 1
                    if c == quote {
                        if keepField { buf.append(quote) }
                        state = .quoted
                    } else if c == delim {
                        endField()
                        state = .fieldStart
                    } else if c == lf || c == cr {
                        endField()
                        line += 1
                        pendingLF = c == cr
                        state = .fieldStart
                        return (i, true)
                    } else if failed(.textAfterClosingQuote(c)) {
                        return (i, true)
                    }
                }
            }
            if capturing { raw.append(contentsOf: UnsafeBufferPointer(start: p + captureFrom, count: n - captureFrom)) }
            return (n, false)
        }

        /// End of input: completes the last record, or reports an open quote.
        mutating func finish() -> Record? {
            switch state {
            case .skipLine:
                return takeRecord()
            case .fieldStart:
                guard started else { return nil }
                endField()
                return takeRecord()
            case .unquoted, .quoteSeen:
                endField()
                return takeRecord()
            case .quoted:
                _ = fail(.unterminatedQuote)
                return takeRecord()
            }
        }
    }
}
