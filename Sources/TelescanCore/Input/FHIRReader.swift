import Foundation

/// FHIR R4 NDJSON (a Bulk Data export): one resource per line.
///
/// - `DocumentReference`: each `content[].attachment` is one note; its id is the resource id,
///   with `#1`, `#2`… when there are several attachments. Service date from
///   `context.period.start`, then `date`.
/// - `DiagnosticReport`: each `presentedForm` attachment, likewise; date from
///   `effectiveDateTime`, `effectivePeriod.start`, then `issued`. A report without
///   `presentedForm` (a structured lab result) is not a note and is skipped.
/// - `Bundle`: its entries' resources, as if on their own lines.
/// - Any other resource type is skipped and counted (`skippedResources`, and per type in the
///   chain's `InputStats`).
///
/// Attachments are decoded by `Attachment`. A line that is not JSON, a resource without
/// `resourceType`, a DocumentReference without content, and every attachment that cannot be
/// turned into text (url only, bad base64, PDF or image…) become error records naming the
/// file, line and resource. JSON is parsed with `JSONSerialization`, one line at a time: an
/// export's notes are few and large, so this is not the hot path.
public struct FHIRReader: NoteReader {
    let stream: ByteStream
    let name: String
    let stats: InputStats
    var lineNumber = 0
    var pending: [NoteRecord] = []
    var pendingPos = 0
    /// Resources that are not notes (Patient, Encounter…), skipped so far.
    public private(set) var skippedResources = 0

    public init(stream: ByteStream, name: String, stats: InputStats = InputStats()) {
        self.stream = stream
        self.name = name
        self.stats = stats
    }

    public mutating func next() throws -> NoteRecord? {
        while true {
            if pendingPos < pending.count {
                let r = pending[pendingPos]
                pendingPos += 1
                return r
            }
            pending.removeAll(keepingCapacity: true)
            pendingPos = 0
            guard let line = try stream.nextLine() else { return nil }
            lineNumber += 1
            if line.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
            let at = "\(name) line \(lineNumber)"
            let object = try? JSONSerialization.jsonObject(with: Data(line), options: [])
            guard let resource = object as? [String: Any] else {
                pending.append(.failed(id: "\(name):\(lineNumber)", code: "INVALID_JSON", message: "\(at): not a JSON object"))
                continue
            }
            add(resource, at: at)
        }
    }

    mutating func add(_ resource: [String: Any], at: String) {
        let fallbackID = "\(name):\(lineNumber)"
        guard let type = resource["resourceType"] as? String else {
            pending.append(.failed(id: fallbackID, code: "INVALID_FHIR", message: "\(at): not a FHIR resource (no resourceType)"))
            return
        }
        let id = (resource["id"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? fallbackID
        let here = "\(at) (\(type)/\(id))"
        var attachments: [[String: Any]]
        var dates: [Any?]
        switch type {
        case "DocumentReference":
            let content = resource["content"] as? [[String: Any]] ?? []
            attachments = content.compactMap { $0["attachment"] as? [String: Any] }
            guard !attachments.isEmpty else {
                pending.append(.failed(id: id, code: "MISSING_TEXT", message: "\(here): no content attachment"))
                return
            }
            let context = resource["context"] as? [String: Any]
            dates = [(context?["period"] as? [String: Any])?["start"], resource["date"]]
        case "DiagnosticReport":
            attachments = resource["presentedForm"] as? [[String: Any]] ?? []
            if attachments.isEmpty { return skip("DiagnosticReport without presentedForm") }
            dates = [resource["effectiveDateTime"], (resource["effectivePeriod"] as? [String: Any])?["start"], resource["issued"]]
        case "Bundle":
            let entries = resource["entry"] as? [[String: Any]] ?? []
            for (k, e) in entries.enumerated() {
                if let r = e["resource"] as? [String: Any] { add(r, at: "\(at) entry \(k + 1)") }
            }
            return
        default:
            return skip(type)
        }
        var serviceDate: String?
        var badDate: String?
        dates: for case let raw as String in dates.compactMap({ $0 }) {
            switch RecordMetadata.date(raw) {
            case .none: continue
            case .date(let d): serviceDate = d; break dates
            case .invalid(let v): badDate = v; break dates
            }
        }
        // One record per attachment, whatever happens, so that ids do not depend on errors.
        for (k, a) in attachments.enumerated() {
            let noteID = attachments.count > 1 ? "\(id)#\(k + 1)" : id
            let which = attachments.count > 1 ? " attachment \(k + 1)" : ""
            if let badDate {
                pending.append(.failed(id: noteID, code: RecordMetadata.invalidDateCode, message: "\(here)\(which): date '\(badDate)' is not an ISO date"))
                continue
            }
            switch Attachment.decode(a) {
            case .text(let text):
                pending.append(NoteRecord(id: noteID, text: text, serviceDate: serviceDate))
            case .failure(let code, let message):
                pending.append(.failed(id: noteID, code: code, message: "\(here)\(which): \(message)"))
            }
        }
    }

    mutating func skip(_ type: String) {
        skippedResources += 1
        stats.skip(type)
    }
}

/// Counts a run's readers report besides their records (shared by copies of the chain, so a
/// summary can read them after the run).
public final class InputStats: @unchecked Sendable {
    let lock = NSLock()
    var skipped: [String: Int] = [:]

    public init() {}

    /// Input records that are not notes and were skipped, by kind (e.g. FHIR resource type).
    public var skippedResources: [String: Int] { lock.lock(); defer { lock.unlock() }; return skipped }

    func skip(_ kind: String) {
        lock.lock(); skipped[kind, default: 0] += 1; lock.unlock()
    }
}
