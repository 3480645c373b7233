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
    /// A segment is a slice of the stream's buffer, valid until the next token is read.
    enum Token { case segment(ArraySlice<UInt8>), frameStart, frameEnd }

    /// One message: its segments' bytes one after the other, and each segment's range.
    struct Message {
        var bytes: [UInt8] = []
        var segments: [Range<Int>] = []
        var framed = false
        var closed = false

        mutating func append(_ s: ArraySlice<UInt8>) {
            let start = bytes.count
            bytes.append(contentsOf: s)
            segments.append(start..<bytes.count)
        }
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

    static func isSegment(_ s: ArraySlice<UInt8>, _ id: StaticString) -> Bool {
        guard s.count >= 3 else { return false }
        let p = id.utf8Start, i = s.startIndex
        return s[i] == p[0] && s[i + 1] == p[1] && s[i + 2] == p[2]
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
                if Self.isSegment(s, "BHS") || Self.isSegment(s, "BTS") || Self.isSegment(s, "FHS") || Self.isSegment(s, "FTS") {
                    if let m = current, !m.segments.isEmpty, !m.framed { current = nil; return record(m) }
                    continue
                }
                if s.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
                if Self.isSegment(s, "MSH"), let m = current, !m.segments.isEmpty {
                    current = Message()
                    current!.append(s)
                    return record(m)
                }
                if current == nil { current = Message() }
                current!.append(s)
            }
        }
        return nil
    }

    /// The next segment or MLLP frame byte. Segments split on CR, LF, 0x0B and 0x1C.
    mutating func nextToken() throws -> Token? {
        var scanFrom = stream.start
        while true {
            let end = stream.end
            let found: Int? = stream.buffer.withUnsafeBufferPointer { b in
                var k = scanFrom
                while k < end {
                    let c = b[k]
                    if c == 13 || c == 10 || c == 0x0B || c == 0x1C { return k }
                    k += 1
                }
                return nil
            }
            if let k = found {
                if k > stream.start {
                    let s = stream.buffer[stream.start..<k]
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
            let scanned = end - stream.start
            if try !stream.fill() {
                guard stream.start < stream.end else { return nil }
                let s = stream.buffer[stream.start..<stream.end]
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
        func failed(_ id: String?, _ code: String, _ why: String) -> NoteRecord {
            .failed(id: id ?? "\(name):\(messageNumber)", code: code, message: "\(name) message \(messageNumber): \(why)")
        }
        let bytes = m.bytes
        let msh = bytes[m.segments[0]]
        guard Self.isSegment(msh, "MSH") else {
            return failed(nil, "HL7_MALFORMED", "segment '\(String(decoding: msh.prefix(3), as: UTF8.self))' before any MSH segment")
        }
        guard msh.count >= 8 else { return failed(nil, "HL7_TRUNCATED", "MSH segment cut short") }
        var sep = Separators()
        sep.field = msh[msh.startIndex + 3]
        let encoding = Array(msh.dropFirst(4).prefix { $0 != sep.field })
        if encoding.count > 0 { sep.component = encoding[0] }
        if encoding.count > 1 { sep.repetition = encoding[1] }
        if encoding.count > 2 { sep.escape = encoding[2] }
        if encoding.count > 3 { sep.subcomponent = encoding[3] }
        // MSH-n is mshFields[n - 1]: MSH-1 is the field separator itself.
        let mshFields = fields(msh, sep.field, upTo: 17)
        let charset = field(mshFields, 17).flatMap { Charset(label: String(decoding: $0, as: UTF8.self)) } ?? .utf8

        var txa: [ArraySlice<UInt8>]?
        var text: [UInt8] = []
        var lines = 0
        var obxDate: ArraySlice<UInt8>?
        var otherTypes: [String] = []
        var broken: (code: String, why: String)?
        for (k, range) in m.segments.enumerated().dropFirst() {
            let s = bytes[range]
            guard isSegmentID(s, sep.field) else {
                let shown = String(decoding: s.prefix(20), as: UTF8.self)
                broken = broken ?? ("HL7_MALFORMED", "line \(k + 1) of the message is not a segment ('\(shown)')")
                continue
            }
            if Self.isSegment(s, "TXA") { txa = fields(s, sep.field, upTo: 16); continue }
            guard Self.isSegment(s, "OBX") else { continue }
            let f = fields(s, sep.field, upTo: 14)
            // Value type (OBX-2, first component): TX or FT.
            let type = field(f, 2).map { $0.prefix { $0 != sep.component } } ?? []
            let t0 = type.count == 2 ? type.first! & 0xDF : 0, t1 = type.count == 2 ? type.last! & 0xDF : 0
            guard (t0 == UInt8(ascii: "T") && t1 == UInt8(ascii: "X")) || (t0 == UInt8(ascii: "F") && t1 == UInt8(ascii: "T")) else {
                let name = String(decoding: type, as: UTF8.self).uppercased()
                if !otherTypes.contains(name) { otherTypes.append(name) }
                continue
            }
            guard f.count > 5 else {
                broken = broken ?? ("HL7_TRUNCATED", "OBX segment \(k + 1) ends before OBX-5 (message cut?)")
                continue
            }
            for rep in f[5].split(separator: sep.repetition, omittingEmptySubsequences: false) {
                if lines > 0 { text.append(10) }
                unescape(rep, sep, into: &text)
                lines += 1
            }
            if obxDate == nil { obxDate = field(f, 14) }
        }
        var id: String?
        for candidate in [field(txa, 12).map { $0.prefix { $0 != sep.component } }, field(txa, 16), field(mshFields, 9)] {
            guard let c = candidate else { continue }
            var decoded: [UInt8] = []
            unescape(c, sep, into: &decoded)
            if let t = RecordMetadata.text(decoded) { id = t; break }
        }
        if m.framed && !m.closed { return failed(id, "HL7_TRUNCATED", "MLLP frame not closed (message cut?)") }
        if let broken { return failed(id, broken.code, broken.why) }
        if lines == 0 {
            let others = otherTypes.isEmpty ? "" : " (OBX value types: \(otherTypes.joined(separator: ", ")))"
            return failed(id, "HL7_NO_TEXT", "no OBX segment with TX or FT text\(others)")
        }
        var serviceDate: String?
        dates: for raw in [field(txa, 4), obxDate] {
            switch raw.map(RecordMetadata.date) ?? .none {
            case .none: continue
            case .date(let d): serviceDate = d; break dates
            case .invalid(let v): return failed(id, RecordMetadata.invalidDateCode, "date '\(v)' is not an HL7 date (YYYYMMDD…)")
            }
        }
        return NoteRecord(id: id ?? "\(name):\(messageNumber)", text: charset.utf8(text), serviceDate: serviceDate)
    }

    /// The fields of a segment, up to field `upTo` (the segment id is field 0).
    func fields(_ s: ArraySlice<UInt8>, _ sep: UInt8, upTo: Int) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        out.reserveCapacity(upTo + 1)
        var start = s.startIndex
        var i = s.startIndex
        while i < s.endIndex && out.count < upTo {
            if s[i] == sep { out.append(s[start..<i]); start = i + 1 }
            i += 1
        }
        if out.count < upTo {
            out.append(s[start..<s.endIndex])
        } else if out.count == upTo {
            // The last wanted field ends at the next separator (or the end).
            var e = start
            while e < s.endIndex && s[e] != sep { e += 1 }
            out.append(s[start..<e])
        }
        return out
    }

    func field(_ f: [ArraySlice<UInt8>]?, _ n: Int) -> ArraySlice<UInt8>? {
        guard let f, n < f.count, !f[n].isEmpty else { return nil }
        return f[n]
    }

    /// Three upper-case letters or digits, then the field separator or the end.
    func isSegmentID(_ s: ArraySlice<UInt8>, _ fieldSep: UInt8) -> Bool {
        let b = s.startIndex
        guard s.count >= 3, s[b] >= 65, s[b] <= 90 else { return false }
        for c in s[(b + 1)..<(b + 3)] where !((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) { return false }
        return s.count == 3 || s[b + 3] == fieldSep
    }

    /// Decodes the HL7 escape sequences of one value, appending to `out`.
    func unescape(_ v: ArraySlice<UInt8>, _ sep: Separators, into out: inout [UInt8]) {
        guard v.contains(sep.escape) else { out.append(contentsOf: v); return }
        var i = v.startIndex
        while i < v.endIndex {
            let c = v[i]
            guard c == sep.escape, let close = v[(i + 1)...].firstIndex(of: sep.escape) else {
                out.append(c)
                i += 1
                continue
            }
            let body = v[(i + 1)..<close]
            defer { i = close + 1 }
            if body.count == 1 {
                switch body.first! {
                case UInt8(ascii: "F"): out.append(sep.field); continue
                case UInt8(ascii: "S"): out.append(sep.component); continue
                case UInt8(ascii: "T"): out.append(sep.subcomponent); continue
                case UInt8(ascii: "R"): out.append(sep.repetition); continue
                case UInt8(ascii: "E"): out.append(sep.escape); continue
                case UInt8(ascii: "P"): out.append(UInt8(ascii: "#")); continue  // truncation character (v2.7)
                case UInt8(ascii: "H"), UInt8(ascii: "N"): continue  // highlighting on/off
                default: break
                }
            }
            let s = String(decoding: body, as: UTF8.self)
            if s == ".br" {
                out.append(10)
            } else if s == ".fi" || s == ".nf" || s == ".ce" {
                // fill mode, no-fill mode, centring: layout only
            } else if s.hasPrefix("X") {
                let hex = Array(s.utf8.dropFirst())
                guard hex.count % 2 == 0 else { out += v[i...close]; continue }
                var k = 0
                while k < hex.count, let b = UInt8(String(decoding: hex[k..<(k + 2)], as: UTF8.self), radix: 16) {
                    out.append(b)
                    k += 2
                }
            } else if s.hasPrefix(".sp") || s.hasPrefix(".sk") {
                // .sp n: n line breaks; .sk n: skip n spaces.
                let n = Int(s.dropFirst(3).filter { $0 != " " && $0 != "+" }) ?? 1
                out += [UInt8](repeating: s.hasPrefix(".sp") ? 10 : 32, count: max(1, min(n, 100)))
            } else if s.hasPrefix(".in") || s.hasPrefix(".ti") || s.hasPrefix("C") || s.hasPrefix("M") || s.hasPrefix("Z") {
                // indentation, character set and locally defined escapes: not text
            } else {
                out += v[i...close]  // not an escape we know: keep it as written
            }
        }
    }
}
