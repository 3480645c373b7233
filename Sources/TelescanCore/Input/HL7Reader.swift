import Foundation

/// HL7 v2 document messages (MDM^T02 and the like), one note per message.
///
/// Messages are split where an `MSH` segment starts, or by MLLP framing (0x0B … 0x1C 0x0D);
/// batch envelopes (`FHS`, `BHS`, `BTS`, `FTS`) are ignored. Segments end with CR, LF or CRLF.
/// Separators come from MSH-1 and MSH-2. The note id is TXA-12 (its first component), then
/// TXA-16, then MSH-10, then `<file>:<message number>`. The text is OBX-5 of every OBX whose
/// value type (OBX-2) is TX or FT, in order, one line per OBX repetition; component separators
/// inside the value are kept as text. Escapes `\F\ \S\ \T\ \R\ \E\`, `\.br\` (and `\.sp\`) as
/// line breaks, and `\Xhh…\` are decoded; other formatting escapes are dropped. MSH-18
/// `8859/1` is transcoded to UTF-8. Service date: TXA-4, then OBX-14.
///
/// A message with no OBX text (`HL7_NO_TEXT`), an MLLP frame that is not closed or an OBX
/// that ends before OBX-5 (`HL7_TRUNCATED`), or a line that is not a segment or a message that
/// does not start with MSH (`HL7_MALFORMED`) is an error record naming the file and message
/// number. Without MLLP framing a cut can only be seen when it breaks a segment's structure.
/// One message is held in memory at a time; with MLLP framing a message is handed out as soon
/// as its frame closes, otherwise when the next message starts.
public struct HL7Reader: NoteReader {
    enum Token { case segment([UInt8]), frameStart, frameEnd }

    struct Message {
        var segments: [[UInt8]] = []
        var framed = false
        var closed = false
    }

    let stream: ByteStream
    let name: String
    var current: Message?
    var messageNumber = 0
    var done = false

    public init(stream: ByteStream, name: String) {
        self.stream = stream
        self.name = name
    }

    public mutating func next() throws -> NoteRecord? {
        while !done {
            guard let token = try nextToken() else {
                done = true
                if let m = current { current = nil; return record(m) }
                return nil
            }
            switch token {
            case .frameStart:
                let previous = current
                current = Message(framed: true)
                if let m = previous, !m.segments.isEmpty { return record(m) }
            case .frameEnd:
                guard var m = current else { continue }
                m.closed = true
                current = nil
                if !m.segments.isEmpty { return record(m) }
            case .segment(let s):
                let id = s.prefix(3)
                if id.elementsEqual("BHS".utf8) || id.elementsEqual("BTS".utf8)
                    || id.elementsEqual("FHS".utf8) || id.elementsEqual("FTS".utf8) {
                    if let m = current, !m.segments.isEmpty, !m.framed { current = nil; return record(m) }
                    continue
                }
                if s.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
                if id.elementsEqual("MSH".utf8), let m = current, !m.segments.isEmpty {
                    current = Message(segments: [s])
                    return record(m)
                }
                if current == nil { current = Message() }
                current!.segments.append(s)
            }
        }
        return nil
    }

    /// The next segment or MLLP frame byte. Segments split on CR, LF, 0x0B and 0x1C.
    mutating func nextToken() throws -> Token? {
        var scanFrom = stream.start
        while true {
            let found: Int? = stream.buffer.withUnsafeBufferPointer { b in
                var k = scanFrom
                while k < stream.end {
                    let c = b[k]
                    if c == 13 || c == 10 || c == 0x0B || c == 0x1C { return k }
                    k += 1
                }
                return nil
            }
            if let k = found {
                if k > stream.start {
                    let s = Array(stream.buffer[stream.start..<k])
                    stream.start = k
                    return .segment(s)
                }
                let c = stream.buffer[k]
                stream.start += 1
                scanFrom = stream.start
                if c == 0x0B { return .frameStart }
                if c == 0x1C { return .frameEnd }
                continue
            }
            let scanned = stream.end - stream.start
            if try !stream.fill() {
                guard stream.start < stream.end else { return nil }
                let s = Array(stream.buffer[stream.start..<stream.end])
                stream.start = stream.end
                return .segment(s)
            }
            scanFrom = stream.start + scanned
        }
    }

    // MARK: - One message

    struct Separators {
        var field: UInt8 = UInt8(ascii: "|")
        var component: UInt8 = UInt8(ascii: "^")
        var repetition: UInt8 = UInt8(ascii: "~")
        var escape: UInt8 = UInt8(ascii: "\\")
        var subcomponent: UInt8 = UInt8(ascii: "&")
    }

    mutating func record(_ m: Message) -> NoteRecord {
        messageNumber += 1
        let at = "\(name) message \(messageNumber)"
        let fallbackID = "\(name):\(messageNumber)"
        func failed(_ id: String, _ code: String, _ why: String) -> NoteRecord {
            .failed(id: id, code: code, message: "\(at): \(why)")
        }
        guard let msh = m.segments.first, msh.starts(with: Array("MSH".utf8)) else {
            let first = String(decoding: (m.segments.first ?? []).prefix(3), as: UTF8.self)
            return failed(fallbackID, "HL7_MALFORMED", "segment '\(first)' before any MSH segment")
        }
        guard msh.count >= 8 else { return failed(fallbackID, "HL7_TRUNCATED", "MSH segment cut short") }
        var sep = Separators()
        sep.field = msh[3]
        let enc = msh[4...].prefix { $0 != sep.field }
        let encoding = Array(enc)
        if encoding.count > 0 { sep.component = encoding[0] }
        if encoding.count > 1 { sep.repetition = encoding[1] }
        if encoding.count > 2 { sep.escape = encoding[2] }
        if encoding.count > 3 { sep.subcomponent = encoding[3] }
        // MSH-n is mshFields[n - 1]: MSH-1 is the field separator itself.
        let mshFields = split(msh, sep.field)
        let charset = field(mshFields, 17).flatMap { Charset(label: String(decoding: $0, as: UTF8.self)) } ?? .utf8

        var txa: [ArraySlice<UInt8>]?
        var lines: [[UInt8]] = []
        var obxDate: String?
        var otherTypes: [String] = []
        var broken: (code: String, why: String)?
        for (k, s) in m.segments.enumerated().dropFirst() {
            guard isSegmentID(s, sep.field) else {
                let shown = String(decoding: s.prefix(20), as: UTF8.self)
                broken = broken ?? ("HL7_MALFORMED", "line \(k + 1) of the message is not a segment ('\(shown)')")
                continue
            }
            if s.starts(with: Array("TXA".utf8)) { txa = split(s, sep.field); continue }
            guard s.starts(with: Array("OBX".utf8)) else { continue }
            let f = split(s, sep.field)
            let type = field(f, 2).map { String(decoding: $0.prefix { $0 != sep.component }, as: UTF8.self).uppercased() } ?? ""
            guard type == "TX" || type == "FT" else {
                if !otherTypes.contains(type) { otherTypes.append(type) }
                continue
            }
            guard f.count > 5 else {
                broken = broken ?? ("HL7_TRUNCATED", "OBX segment \(k + 1) ends before OBX-5 (message cut?)")
                continue
            }
            for rep in split(f[5], sep.repetition) { lines.append(unescape(rep, sep)) }
            if obxDate == nil { obxDate = field(f, 14).map { String(decoding: $0, as: UTF8.self) } }
        }
        var id = fallbackID
        for candidate in [field(txa, 12).map { $0.prefix { $0 != sep.component } }, field(txa, 16), field(mshFields, 9)] {
            if let c = candidate, let text = RecordMetadata.text(unescape(c, sep)) { id = text; break }
        }
        if m.framed && !m.closed { return failed(id, "HL7_TRUNCATED", "MLLP frame not closed (message cut?)") }
        if let broken { return failed(id, broken.code, broken.why) }
        if lines.isEmpty {
            let others = otherTypes.isEmpty ? "" : " (OBX value types: \(otherTypes.joined(separator: ", ")))"
            return failed(id, "HL7_NO_TEXT", "no OBX segment with TX or FT text\(others)")
        }
        var serviceDate: String?
        dates: for raw in [field(txa, 4).map { String(decoding: $0, as: UTF8.self) }, obxDate] {
            switch RecordMetadata.date(raw) {
            case .none: continue
            case .date(let d): serviceDate = d; break dates
            case .invalid(let v): return failed(id, RecordMetadata.invalidDateCode, "date '\(v)' is not an HL7 date (YYYYMMDD…)")
            }
        }
        var text: [UInt8] = []
        for (i, l) in lines.enumerated() {
            if i > 0 { text.append(10) }
            text += l
        }
        return NoteRecord(id: id, text: charset.utf8(text), serviceDate: serviceDate)
    }

    func split(_ s: some Collection<UInt8>, _ by: UInt8) -> [ArraySlice<UInt8>] {
        ArraySlice(s).split(separator: by, omittingEmptySubsequences: false)
    }

    func field(_ f: [ArraySlice<UInt8>]?, _ n: Int) -> ArraySlice<UInt8>? {
        guard let f, n < f.count, !f[n].isEmpty else { return nil }
        return f[n]
    }

    /// Three upper-case letters or digits, then the field separator or the end.
    func isSegmentID(_ s: [UInt8], _ fieldSep: UInt8) -> Bool {
        guard s.count >= 3, s[0] >= 65, s[0] <= 90 else { return false }
        for c in s[1..<3] where !((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) { return false }
        return s.count == 3 || s[3] == fieldSep
    }

    /// Decodes HL7 escape sequences in one value.
    func unescape(_ v: ArraySlice<UInt8>, _ sep: Separators) -> [UInt8] {
        guard v.contains(sep.escape) else { return Array(v) }
        var out: [UInt8] = []
        out.reserveCapacity(v.count)
        var i = v.startIndex
        while i < v.endIndex {
            let c = v[i]
            guard c == sep.escape, let close = v[(i + 1)...].firstIndex(of: sep.escape) else {
                out.append(c)
                i += 1
                continue
            }
            let body = v[(i + 1)..<close]
            let s = String(decoding: body, as: UTF8.self)
            switch s {
            case "F": out.append(sep.field)
            case "S": out.append(sep.component)
            case "T": out.append(sep.subcomponent)
            case "R": out.append(sep.repetition)
            case "E": out.append(sep.escape)
            case "P": out.append(UInt8(ascii: "#"))  // truncation character (v2.7)
            case ".br": out.append(10)
            case "H", "N", ".fi", ".nf", ".ce": break
            default:
                if s.hasPrefix("X") {
                    let hex = Array(s.utf8.dropFirst())
                    guard hex.count % 2 == 0 else { out += v[i...close]; break }
                    var k = 0
                    while k < hex.count {
                        guard let b = UInt8(String(decoding: hex[k..<(k + 2)], as: UTF8.self), radix: 16) else { break }
                        out.append(b)
                        k += 2
                    }
                } else if s.hasPrefix(".sp") {
                    let n = Int(s.dropFirst(3).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "+", with: "")) ?? 1
                    out += [UInt8](repeating: 10, count: max(1, min(n, 100)))
                } else if s.hasPrefix(".sk") {
                    let n = Int(s.dropFirst(3).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "+", with: "")) ?? 1
                    out += [UInt8](repeating: 32, count: max(1, min(n, 100)))
                } else if s.hasPrefix(".in") || s.hasPrefix(".ti") || s.hasPrefix("C") || s.hasPrefix("M") || s.hasPrefix("Z") {
                    break  // indentation, character set and local escapes: not text
                } else {
                    out += v[i...close]  // not an escape we know: keep it as written
                }
            }
            i = close + 1
        }
        return out
    }
}
