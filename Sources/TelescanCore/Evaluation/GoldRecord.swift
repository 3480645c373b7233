import Foundation

/// One line of a gold file (see Corpus/README.md): the expected elements of a note and, per
/// profile, its status, missing elements and codes.
public struct GoldRecord: Sendable {
    public var id: String
    public var service: String?
    /// Element name → comparable value text (see `ElementValues`).
    public var elements: [String: String]
    public var status: [String: String]
    public var missing: [String: [String]]
    public var codes: [String: [String]]
    public var serviceDate: String?

    public static func load(path: String) throws -> [GoldRecord] {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw InputError(message: "cannot read gold file \(path): \(error.localizedDescription)")
        }
        var out: [GoldRecord] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = obj["id"] as? String else {
                throw InputError(message: "\(path) line \(n + 1): not a gold record")
            }
            var r = GoldRecord(id: id, service: obj["service"] as? String, elements: [:], status: [:], missing: [:], codes: [:])
            r.serviceDate = obj["service_date"] as? String
            for (k, v) in (obj["elements"] as? [String: Any]) ?? [:] { r.elements[k] = ElementValues.gold(k, v) }
            r.status = (obj["status"] as? [String: String]) ?? [:]
            r.missing = ((obj["missing"] as? [String: [String]]) ?? [:]).mapValues { $0.sorted() }
            r.codes = ((obj["codes"] as? [String: [String]]) ?? [:]).mapValues { $0.sorted() }
            out.append(r)
        }
        return out
    }
}

/// Elements as comparable text, from gold JSON values or from a scan's `NoteElements`.
public enum ElementValues {
    public static let names = ["modality", "modality_switch", "consent", "time", "mdm", "patient_location",
                               "provider_location", "performing_provider", "patient_status",
                               "audio_only_reason", "device_days"]

    static func gold(_ name: String, _ v: Any) -> String {
        switch name {
        case "consent":
            let d = v as? [String: Any] ?? [:]
            return "\(d["value"] ?? "?")/\(d["by"] ?? "?")"
        case "performing_provider":
            let d = v as? [String: Any] ?? [:]
            return provider(d["name"] as? String, d["credential"] as? String)
        case "provider_location", "modality_switch", "audio_only_reason":
            return "true"
        default:
            if let i = v as? Int { return String(i) }
            if let b = v as? Bool { return b ? "true" : "false" }
            return "\(v)"
        }
    }

    /// A gold credential of "" (the note writes none) is the same as none found. A middle
    /// initial ("Elena M. Ramirez" of a "/es/ ELENA M RAMIREZ, MD" block) names the same
    /// clinician as the name without it, so it is compared without.
    static func provider(_ name: String?, _ credential: String?) -> String {
        let credential = credential.flatMap { $0.isEmpty ? nil : $0 } ?? "?"
        var words = (name ?? "?").lowercased().split(separator: " ")
        if words.count >= 3 {
            words = [words[0]] + words[1..<(words.count - 1)].filter { w in
                !(w.count == 1 || (w.count == 2 && w.hasSuffix("."))) || !(w.first?.isLetter ?? false)
            } + [words[words.count - 1]]
        }
        return "\(words.joined(separator: " "))|\(credential.uppercased())"
    }

    public static func of(_ e: NoteElements) -> [String: String] {
        var out: [String: String] = [:]
        out["modality"] = e.modality?.value
        if e.modalitySwitch != nil { out["modality_switch"] = "true" }
        if let c = e.consent { out["consent"] = "\(c.value.value)/\(c.value.by)" }
        if let t = e.time { out["time"] = String(t.value) }
        out["mdm"] = e.mdm?.value
        out["patient_location"] = e.patientLocation?.value
        if e.providerLocation != nil { out["provider_location"] = "true" }
        if let p = e.performingProvider { out["performing_provider"] = provider(p.value.name, p.value.credential) }
        if !e.patientStatusFromInput { out["patient_status"] = e.patientStatus?.value }
        if e.audioOnlyReason != nil { out["audio_only_reason"] = "true" }
        if let d = e.deviceDays { out["device_days"] = String(d.value) }
        return out
    }
}
