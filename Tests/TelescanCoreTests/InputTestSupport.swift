import Foundation
import XCTest
@testable import TelescanCore

extension XCTestCase {
    /// Writes `bytes` to a fresh temporary file with the given extension (named `name` when
    /// given, for messages); the file is removed when the test ends.
    func inputFile(_ bytes: [UInt8], ext: String, name: String? = nil) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("telescan-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("\(name ?? "input").\(ext)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return path
    }

    func inputFile(_ text: String, ext: String, name: String? = nil) throws -> String { try inputFile(Array(text.utf8), ext: ext, name: name) }
}

/// Whole-input reads for the reader tests.
enum InputFixture {
    /// Every record the chain reads from `paths`.
    static func records(_ paths: [String], _ options: InputOptions = InputOptions()) throws -> [NoteRecord] {
        var chain = InputChain(paths: paths, options: options)
        var out: [NoteRecord] = []
        while let r = try chain.next() { out.append(r) }
        return out
    }

    static func records(_ path: String, format: InputFormat = .auto, _ configure: (inout InputOptions) -> Void = { _ in }) throws -> [NoteRecord] {
        var options = InputOptions()
        options.format = format
        configure(&options)
        return try records([path], options)
    }

    /// A stream over a file with a small chunk size (to exercise refills and measure reads).
    static func stream(_ path: String, chunk: Int) -> ByteStream {
        ByteStream(fd: open(path, O_RDONLY), ownsFD: true, chunkSize: chunk)
    }
}

extension NoteRecord {
    var textString: String { String(decoding: text, as: UTF8.self) }
}

/// Encoders that turn plain notes into each export format, for the tests (the same shapes as
/// scripts/make-format-samples writes).
enum FormatEncoder {
    // Unicode scalars throughout: for String, "\r\n" is one Character, neither "\r" nor "\n".
    static func quoted(_ field: String, _ delimiter: Unicode.Scalar) -> String {
        if field.unicodeScalars.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }

    static func delimited(_ rows: [[String]], _ delimiter: Unicode.Scalar, newline: String = "\n") -> String {
        rows.map { $0.map { quoted($0, delimiter) }.joined(separator: String(delimiter)) + newline }.joined()
    }

    /// Lines split on LF only (a CRLF note keeps its CR at the end of each line).
    static func lines(_ text: String) -> [String] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
    }

    static func html(_ text: String) -> String {
        let body = lines(text).map { line -> String in
            var s = ""
            for u in line.unicodeScalars where u != "\r" {
                switch u {
                case "&": s += "&amp;"
                case "<": s += "&lt;"
                case ">": s += "&gt;"
                case "’": s += "&rsquo;"
                case "é": s += "&#233;"
                case "—": s += "&#x2014;"
                default: s.unicodeScalars.append(u)
                }
            }
            return s
        }.joined(separator: "<br>\n")
        return "<!DOCTYPE html><html><head><title>video visit by phone</title><style>p { color: red }</style>"
            + "<script>var note = \"telephone visit 5 minutes\";</script></head><body><div class=\"note\">\n"
            + body + "\n</div><!-- signed by nobody --></body></html>"
    }

    static func hl7Escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\E\\"
            case "|": out += "\\F\\"
            case "^": out += "\\S\\"
            case "&": out += "\\T\\"
            case "~": out += "\\R\\"
            case "\r": out += "\\X0D\\"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    enum HL7Style { case segmentPerLine, formattedText, repetitions }

    /// One MDM^T02 message, segments ended by CR.
    static func mdm(id: String, text: String, number: Int, date: String = "20260615", style: HL7Style) -> String {
        var segs = [
            "MSH|^~\\&|TEST-EHR|TEST|TELESCAN|TEST|\(date)1030||MDM^T02^MDM_T02|MSG\(number)|P|2.5||||||UNICODE UTF-8",
            "EVN|T02|\(date)1030",
            "PID|1||test-\(number)^^^TEST^MR||Test^Patient",
            "TXA|1|PN|TX|\(date)1030||||||||\(id)^TEST|||||AU",
        ]
        let ls = lines(text)
        switch style {
        case .segmentPerLine:
            for (k, l) in ls.enumerated() { segs.append("OBX|\(k + 1)|TX|11506-3^Progress note^LN||\(hl7Escape(l))||||||F") }
        case .formattedText:
            segs.append("OBX|1|FT|11506-3^Progress note^LN||\(ls.map(hl7Escape).joined(separator: "\\.br\\"))||||||F")
        case .repetitions:
            segs.append("OBX|1|TX|11506-3^Progress note^LN||\(ls.map(hl7Escape).joined(separator: "~"))||||||F")
        }
        return segs.joined(separator: "\r") + "\r"
    }

    static func mllp(_ message: String) -> String { "\u{0B}" + message + "\u{1C}\r" }

    static func documentReference(id: String, attachments: [[String: Any]], date: String = "2026-06-15") -> [String: Any] {
        ["resourceType": "DocumentReference", "id": id, "status": "current",
         "date": date + "T16:00:00Z",
         "context": ["period": ["start": date + "T10:30:00-04:00"]],
         "content": attachments.map { ["attachment": $0] }]
    }

    static func attachment(_ text: String, type: String) -> [String: Any] {
        ["contentType": type, "data": Data(text.utf8).base64EncodedString()]
    }

    static func ndjson(_ resources: [[String: Any]]) throws -> String {
        try resources.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) + "\n" }.joined()
    }
}
