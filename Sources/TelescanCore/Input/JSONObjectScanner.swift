/// A small, strict scanner for one JSON object per line: decodes the string (or number) values
/// of the wanted top-level keys and skips everything else, validating as it goes.
/// Far faster than JSONDecoder for the JSON Lines hot path.
public struct JSONObjectScanner {
    public struct Failure: Error { public var message: String }

    /// Top-level `key → value` for the keys in `wanted` (strings decoded; numbers as text;
    /// null omitted). Throws `Failure` when the line is not one well-formed JSON object.
    public static func fields(_ line: ArraySlice<UInt8>, wanted: Set<String>) throws(Failure) -> [String: [UInt8]] {
        let keys = Array(wanted)
        let values = try values(line, keys: keys.map { Array($0.utf8) })
        var out: [String: [UInt8]] = [:]
        for (k, v) in zip(keys, values) where v != nil { out[k] = v }
        return out
    }

    /// The values of `keys` (UTF-8 key names), in their order: nil where absent or null. The
    /// hot path's form: keys are compared as bytes, nothing is hashed.
    public static func values(_ line: ArraySlice<UInt8>, keys: [[UInt8]]) throws(Failure) -> [[UInt8]?] {
        var p = JSONObjectScanner(bytes: line)
        return try p.object(keys: keys)
    }

    let bytes: ArraySlice<UInt8>
    var i: Int
    init(bytes: ArraySlice<UInt8>) { self.bytes = bytes; i = bytes.startIndex }

    mutating func ws() {
        while i < bytes.endIndex {
            let b = bytes[i]
            guard b == 32 || b == 9 || b == 10 || b == 13 else { return }
            i += 1
        }
    }

    func fail(_ m: String) -> Failure { Failure(message: "\(m) at byte \(i - bytes.startIndex)") }

    mutating func expect(_ b: UInt8) throws(Failure) {
        ws()
        guard i < bytes.endIndex, bytes[i] == b else { throw fail("expected '\(Character(Unicode.Scalar(b)))'") }
        i += 1
    }

    mutating func object(keys: [[UInt8]]) throws(Failure) -> [[UInt8]?] {
        var out = [[UInt8]?](repeating: nil, count: keys.count)
        // Skip a UTF-8 byte order mark on the first line.
        if bytes.count >= 3, bytes[i] == 0xEF, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { i += 3 }
        try expect(UInt8(ascii: "{"))
        ws()
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: "}") { i += 1; try end(); return out }
        while true {
            ws()
            let key = try string()
            try expect(UInt8(ascii: ":"))
            ws()
            // A repeated key keeps its last value, as a dictionary would; a key asked for twice
            // fills both slots.
            if keys.contains(key) {
                guard i < bytes.endIndex else { throw fail("unexpected end") }
                let b = bytes[i]
                var value: [UInt8]? = nil
                if b == UInt8(ascii: "\"") { value = try string() }
                else if b == UInt8(ascii: "-") || (b >= 48 && b <= 57) {
                    let s = i
                    try skipValue()
                    value = Array(bytes[s..<i])
                } else { try skipValue() }
                if let value { for slot in keys.indices where keys[slot] == key { out[slot] = value } }
            } else {
                try skipValue()
            }
            ws()
            guard i < bytes.endIndex else { throw fail("unexpected end of line") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; break }
            throw fail("expected ',' or '}'")
        }
        try end()
        return out
    }

    mutating func end() throws(Failure) {
        ws()
        if i != bytes.endIndex { throw fail("trailing characters after the object") }
    }

    mutating func skipValue() throws(Failure) {
        ws()
        guard i < bytes.endIndex else { throw fail("unexpected end") }
        switch bytes[i] {
        case UInt8(ascii: "\""): _ = try string(decode: false)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close: UInt8 = bytes[i] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            let isObject = close == UInt8(ascii: "}")
            i += 1
            ws()
            if i < bytes.endIndex, bytes[i] == close { i += 1; return }
            while true {
                if isObject {
                    ws(); _ = try string(decode: false); try expect(UInt8(ascii: ":"))
                }
                try skipValue()
                ws()
                guard i < bytes.endIndex else { throw fail("unexpected end") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == close { i += 1; return }
                throw fail("expected ',' or closing bracket")
            }
        default:
            let s = i
            while i < bytes.endIndex {
                let b = bytes[i]
                if b == UInt8(ascii: ",") || b == UInt8(ascii: "}") || b == UInt8(ascii: "]") || b == 32 || b == 9 || b == 10 || b == 13 { break }
                i += 1
            }
            let tok = bytes[s..<i]
            if tok.elementsEqual("true".utf8) || tok.elementsEqual("false".utf8) || tok.elementsEqual("null".utf8) { return }
            if tok.isEmpty || Double(String(decoding: tok, as: UTF8.self)) == nil { throw fail("invalid value") }
        }
    }

    /// Reads a JSON string at `i` (which must be a quote) and returns its decoded UTF-8 bytes.
    mutating func string(decode: Bool = true) throws(Failure) -> [UInt8] {
        guard i < bytes.endIndex, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a string") }
        i += 1
        let s = i
        // Fast path: no escapes.
        i = plainRun(from: i)
        guard i < bytes.endIndex else { throw fail("unterminated string") }
        if bytes[i] < 0x20 { throw fail("control character in string") }
        if bytes[i] == UInt8(ascii: "\"") { i += 1; return decode ? Array(bytes[s..<(i - 1)]) : [] }
        var out = decode ? Array(bytes[s..<i]) : []
        // Decoded text is never longer than its escaped form: one allocation.
        if decode { out.reserveCapacity(bytes.endIndex - s) }
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; return out }
            if b < 0x20 { throw fail("control character in string") }
            if b != UInt8(ascii: "\\") {
                // A run of plain bytes, copied at once (notes escape every line break).
                let run = i
                i = plainRun(from: i + 1)
                if decode {
                    let base = bytes.startIndex, end = i
                    bytes.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[(run - base)..<(end - base)])) }
                }
                continue
            }
            i += 1
            guard i < bytes.endIndex else { throw fail("unterminated escape") }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "u"):
                var cp = try hex4()
                if cp >= 0xD800 && cp < 0xDC00 {
                    if i + 1 < bytes.endIndex, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                        i += 2
                        let lo = try hex4()
                        if lo >= 0xDC00 && lo < 0xE000 { cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00) } else { cp = 0xFFFD }
                    } else { cp = 0xFFFD }
                } else if cp >= 0xDC00 && cp < 0xE000 { cp = 0xFFFD }
                // Encoded in place: exports written with Python's default `ensure_ascii` escape
                // every curly quote and accented letter.
                if decode { UTF8.encode(Unicode.Scalar(cp) ?? "\u{FFFD}") { out.append($0) } }
            default: throw fail("invalid escape")
            }
        }
        throw fail("unterminated string")
    }

    /// The index of the first quote, backslash or control byte at or after `from` (or the end):
    /// a note's text is mostly such a run, scanned here without per-byte bounds checks.
    func plainRun(from: Int) -> Int {
        let base = bytes.startIndex
        return bytes.withUnsafeBufferPointer { buf in
            var k = from - base
            while k < buf.count {
                let c = buf[k]
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 { break }
                k += 1
            }
            return k + base
        }
    }

    mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 <= bytes.endIndex else { throw fail("short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 48...57: d = UInt32(b - 48)
            case 65...70: d = UInt32(b - 55)
            case 97...102: d = UInt32(b - 87)
            default: throw fail("bad \\u escape")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }
}
