import Foundation

/// A FHIR `Attachment` turned into note text: base64 `data` decoded, then by `contentType`:
/// `text/plain` (charset utf-8, us-ascii, iso-8859-1 or windows-1252), `text/html` and
/// `application/xhtml+xml` (see `HTMLText`), `text/rtf` and `application/rtf` (see `RTFText`).
/// Without a content type the bytes are sniffed (RTF, HTML, else plain text). Anything else
/// (PDF, images, CDA XML) is an error naming the type; so is an attachment with only a `url`:
/// telescan never fetches anything.
enum Attachment {
    enum Decoded: Equatable {
        case text([UInt8])
        case failure(code: String, message: String)
    }

    static let supportedTypes = "text/plain, text/html, application/xhtml+xml, text/rtf"

    static func decode(_ a: [String: Any]) -> Decoded {
        guard let data = a["data"] as? String else {
            if let url = a["url"] as? String {
                return .failure(code: "ATTACHMENT_URL_ONLY", message: "the attachment has only a url (\(url)); telescan never fetches URLs, export the content as base64 data")
            }
            return .failure(code: "ATTACHMENT_EMPTY", message: "the attachment has neither data nor url")
        }
        let bytes: [UInt8]
        do { bytes = try Base64.decode(data) } catch {
            return .failure(code: "INVALID_BASE64", message: "the attachment data is not valid base64 (\(error.message))")
        }
        let declared = a["contentType"] as? String
        var type = declared.map(mediaType) ?? sniff(bytes)
        if type == "application/octet-stream" && declared != nil { type = sniff(bytes) }
        var charset = Charset.utf8
        if let label = declared.flatMap(charsetLabel) {
            guard let c = Charset(label: label) else {
                return .failure(code: "UNSUPPORTED_CHARSET", message: "the attachment charset '\(label)' is not supported (utf-8, us-ascii, iso-8859-1, windows-1252)")
            }
            charset = c
        }
        switch type {
        case "text/plain", "text/markdown": return .text(charset.utf8(bytes))
        case "text/html", "application/xhtml+xml": return .text(HTMLText.text(charset.utf8(bytes)))
        case "text/rtf", "application/rtf", "text/richtext": return .text(RTFText.text(bytes))
        default:
            return .failure(code: "UNSUPPORTED_CONTENT_TYPE", message: "the attachment content type '\(declared ?? type)' is not note text (supported: \(supportedTypes))")
        }
    }

    /// `text/html; charset=UTF-8` → `text/html`.
    static func mediaType(_ contentType: String) -> String {
        trimmed(contentType.split(separator: ";", maxSplits: 1).first ?? "").lowercased()
    }

    static func charsetLabel(_ contentType: String) -> String? {
        for part in contentType.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1)
            if kv.count == 2, trimmed(kv[0]).lowercased() == "charset" {
                return trimmed(kv[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    static func trimmed(_ s: Substring) -> String {
        var t = s
        while let c = t.first, c == " " || c == "\t" { t = t.dropFirst() }
        while let c = t.last, c == " " || c == "\t" { t = t.dropLast() }
        return String(t)
    }

    /// A content type for bytes that declare none.
    static func sniff(_ bytes: [UInt8]) -> String {
        var head = bytes.prefix(512)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
        head = head.drop { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
        if head.starts(with: Array("{\\rtf".utf8)) { return "text/rtf" }
        if head.starts(with: Array("%PDF".utf8)) { return "application/pdf" }
        if head.first == UInt8(ascii: "<") {
            let lower = String(decoding: head, as: UTF8.self).lowercased()
            if ["<html", "<!doctype html", "<body", "<p", "<div", "<br"].contains(where: lower.contains) { return "text/html" }
        }
        return "text/plain"
    }
}
