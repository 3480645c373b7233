import Foundation

/// Query texts may quote what the note documents with `{minutes}`, `{days}`, `{modality}`,
/// `{location}` or `{credential}`, so a text never has to repeat a threshold of the profile.
/// A placeholder whose value the note lacks is left as written (the checker keeps texts honest).
enum QueryText {
    static func placeholderNames(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    static func fill(_ text: String, _ e: NoteElements) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var values: [String: String] = [:]
        if let t = e.time?.value { values["minutes"] = String(t) }
        if let d = e.deviceDays?.value { values["days"] = String(d) }
        if let m = e.modality?.value { values["modality"] = ElementVocabulary.display(m) }
        if let l = e.patientLocation?.value { values["location"] = l == "home" ? "home" : "a location other than home" }
        if let c = e.performingProvider?.value.credential { values["credential"] = c }
        // One pass over the text: each `{name}` with a value is replaced, any other kept.
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            if let v = values[name] { out += v } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }
}
