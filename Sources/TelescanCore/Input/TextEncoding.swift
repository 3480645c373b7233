import Foundation

/// The character sets a container may declare for note text (a FHIR attachment's
/// `contentType` charset, HL7 MSH-18, RTF `\ansicpg`), transcoded to UTF-8.
enum Charset: Equatable {
    case utf8
    /// ISO-8859-1 and Windows-1252. Decoded with the Windows-1252 table, as browsers do: the
    /// two differ only in 0x80–0x9F, control codes in ISO-8859-1 that real text never means,
    /// and typographic quotes and dashes in Windows-1252 that mislabelled text often holds.
    case windows1252

    /// A charset label (MIME, or HL7 MSH-18 such as `8859/1`, `UNICODE UTF-8`, `ASCII`);
    /// nil when unsupported.
    init?(label raw: String) {
        let label = raw.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"'"))).lowercased()
        switch label {
        case "utf-8", "utf8", "unicode utf-8", "unicode-1-1-utf-8", "us-ascii", "ascii", "ansi_x3.4-1968", "iso-ir-6", "":
            self = .utf8
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "8859/1", "cp819", "ibm819",
             "windows-1252", "cp1252", "x-cp1252", "1252", "28591":
            self = .windows1252
        default:
            return nil
        }
    }

    func utf8(_ bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .utf8:
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
            return bytes
        case .windows1252:
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            for b in bytes { Charset.appendUTF8(Charset.windows1252Scalar(b), to: &out) }
            return out
        }
    }

    /// The scalar a Windows-1252 byte stands for (undefined bytes map to themselves).
    static func windows1252Scalar(_ b: UInt8) -> UInt32 {
        if b >= 0x80 && b < 0xA0 { return cp1252High[Int(b - 0x80)] }
        return UInt32(b)
    }

    static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Appends a scalar as UTF-8; surrogates and out-of-range values become U+FFFD.
    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        var c = v
        if (c >= 0xD800 && c < 0xE000) || c > 0x10FFFF { c = 0xFFFD }
        switch c {
        case ..<0x80: out.append(UInt8(c))
        case ..<0x800:
            out.append(UInt8(0xC0 | (c >> 6))); out.append(UInt8(0x80 | (c & 0x3F)))
        case ..<0x10000:
            out.append(UInt8(0xE0 | (c >> 12))); out.append(UInt8(0x80 | ((c >> 6) & 0x3F))); out.append(UInt8(0x80 | (c & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (c >> 18))); out.append(UInt8(0x80 | ((c >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((c >> 6) & 0x3F))); out.append(UInt8(0x80 | (c & 0x3F)))
        }
    }
}

/// Strict base64 (RFC 4648, standard alphabet): whitespace is ignored, padding is optional at
/// the end, anything else is an error.
enum Base64 {
    struct Failure: Error { var message: String }

    /// 0–63 for alphabet bytes, 64 for '=', 65 for whitespace, 255 for anything else.
    static let table: [UInt8] = {
        var t = [UInt8](repeating: 255, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { t[Int(c)] = UInt8(i) }
        t[Int(UInt8(ascii: "="))] = 64
        for c: UInt8 in [9, 10, 13, 32] { t[Int(c)] = 65 }
        return t
    }()

    static func decode(_ s: String) throws(Failure) -> [UInt8] {
        var text = s
        let result: Result<[UInt8], Failure> = text.withUTF8 { decode($0) }
        return try result.get()
    }

    static func decode(_ input: UnsafeBufferPointer<UInt8>) -> Result<[UInt8], Failure> {
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 3 / 4)
        var acc: UInt32 = 0
        var n = 0
        var padding = 0
        let table = Base64.table
        for (offset, c) in input.enumerated() {
            let v = table[Int(c)]
            if v < 64 {
                if padding > 0 { return .failure(Failure(message: "data after '=' padding at offset \(offset)")) }
                acc = acc << 6 | UInt32(v)
                n += 1
                if n == 4 {
                    out.append(UInt8(acc >> 16)); out.append(UInt8((acc >> 8) & 0xFF)); out.append(UInt8(acc & 0xFF))
                    acc = 0; n = 0
                }
            } else if v == 64 {
                padding += 1
            } else if v != 65 {
                return .failure(Failure(message: "invalid character at offset \(offset)"))
            }
        }
        switch n {
        case 0: if padding != 0 { return .failure(Failure(message: "unexpected '=' padding")) }
        case 2: out.append(UInt8(acc >> 4))
        case 3: out.append(UInt8(acc >> 10)); out.append(UInt8((acc >> 2) & 0xFF))
        default: return .failure(Failure(message: "length is not a whole number of base64 groups"))
        }
        if padding > 2 { return .failure(Failure(message: "too much '=' padding")) }
        return .success(out)
    }
}
