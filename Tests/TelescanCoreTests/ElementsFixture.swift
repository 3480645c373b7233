import Foundation
import TelescanCore

/// Builds `NoteElements` from the element objects of the corpus gold and the decision-case
/// fixture (same shape: `modality`, `modality_switch`, `consent: {value, by}`, `time`, `mdm`,
/// `patient_location`, `provider_location`, `performing_provider: {name, credential}`,
/// `patient_status`, `audio_only_reason`, `device_days`; and `monitoring_program` and
/// `checkin_bundled`, decision inputs that are not output elements: the gold carries them beside
/// `elements`). A switch without
/// a modality is an undecided switch. Shorthands: `consent: documented`, `performing_provider: MD`.
enum ElementsFixture {
    struct Bad: Error, CustomStringConvertible { var description: String }

    static let keys: Set<String> = ["modality", "modality_switch", "consent", "time", "mdm", "patient_location",
                                    "provider_location", "performing_provider", "patient_status",
                                    "audio_only_reason", "device_days", "monitoring_program", "checkin_bundled"]

    static func make(_ raw: [String: Any], service: Service?) throws -> NoteElements {
        if let unknown = Set(raw.keys).subtracting(keys).sorted().first { throw Bad(description: "unknown element '\(unknown)'") }
        var e = NoteElements()
        e.service = service.map { .init($0) }
        if let m = raw["modality"] as? String { e.modality = .init(m) }
        if bool(raw["modality_switch"]) == true {
            e.modalitySwitch = .init(true)
            e.modalityAmbiguous = e.modality == nil
        }
        if let c = raw["consent"] {
            if let s = c as? String { e.consent = .init(.init(value: s, by: "patient")) }
            else if let m = c as? [String: Any], let v = m["value"] as? String {
                e.consent = .init(.init(value: v, by: m["by"] as? String ?? "patient"))
            } else { throw Bad(description: "bad consent \(c)") }
        }
        if let t = raw["time"] { e.time = .init(try int(t, "time")) }
        if let m = raw["mdm"] as? String { e.mdm = .init(m) }
        if let l = raw["patient_location"] as? String { e.patientLocation = .init(l) }
        if let p = raw["provider_location"] { e.providerLocation = .init((p as? String) ?? "documented") }
        if let p = raw["performing_provider"] {
            if let cred = p as? String { e.performingProvider = .init(.init(name: "Test Clinician", credential: cred)) }
            else if let m = p as? [String: Any] {
                e.performingProvider = .init(.init(name: m["name"] as? String, credential: m["credential"] as? String))
            } else { throw Bad(description: "bad performing_provider \(p)") }
        }
        if let s = raw["patient_status"] as? String { e.patientStatus = .init(s) }
        if bool(raw["audio_only_reason"]) == true { e.audioOnlyReason = .init(true) }
        if let d = raw["device_days"] { e.deviceDays = .init(try int(d, "device_days")) }
        if let p = raw["monitoring_program"] as? String { e.monitoringProgram = .init(p) }
        if bool(raw["checkin_bundled"]) == true { e.checkinBundled = .init(true) }
        return e
    }

    static func bool(_ v: Any?) -> Bool? {
        if let b = v as? Bool { return b }
        if let n = v as? NSNumber { return n.boolValue }
        return nil
    }

    static func int(_ v: Any, _ key: String) throws -> Int {
        if let i = v as? Int { return i }
        if let n = v as? NSNumber { return n.intValue }
        throw Bad(description: "'\(key)' must be a whole number, got \(v)")
    }

    /// `service: null` or absent → no encounter.
    static func service(_ v: Any?) throws -> Service? {
        guard let s = v as? String else { return nil }
        guard let svc = Service(rawValue: s) else { throw Bad(description: "unknown service '\(s)'") }
        return svc
    }

    /// The comparable outcome of a decision: status, sorted `element:REASON`, codes in order.
    static func outcome(_ d: Decision) -> (status: String, missing: [String], codes: [String]) {
        (d.status.rawValue, d.missing.map { "\($0.element):\($0.reason)" }.sorted(), d.codes.map(\.compact))
    }
}
