import Foundation
import XCTest
@testable import TelescanCore

/// The sentence banks of `Corpus/banks/`: labelled sentences in plain and fast-typed wording,
/// each bank by a writer who never saw the rules (see `Corpus/banks/README.md`). Each sentence
/// is scanned inside a small note whose other lines say nothing about its element; its element
/// must come out as labelled, and a near miss (value null) must come out with none. Floors as in
/// `IndependentSetsTests`: raise one when telescan gets better, lower one only with a reason.
final class SentenceBankTests: XCTestCase {
    /// Per bank and element: at least so many sentences read right, at most so many near misses
    /// read as the element.
    static let floors: [(bank: String, element: String, right: Int, falseFound: Int)] = [
        ("consent", "consent", 100, 8),
        ("consent-2", "consent", 109, 8),
        ("modality", "modality", 89, 5),
        ("modality-2", "modality", 72, 1),
        ("location", "patient_location", 70, 5),
        ("location", "provider_location", 33, 1),
        ("location-2", "patient_location", 75, 3),
        ("location-2", "provider_location", 26, 1),
        ("status", "patient_status", 55, 1),
        ("status", "audio_only_reason", 35, 6),
        ("status-2", "patient_status", 56, 0),
        ("status-2", "audio_only_reason", 35, 5),
        ("time", "time", 61, 1),
        ("time", "mdm", 40, 0),
        ("time-2", "time", 54, 1),
        ("time-2", "mdm", 32, 0),
    ]

    /// The note around a sentence: a visit of the kind the element needs, nothing else of it.
    static func frame(_ element: String, _ text: String) -> String {
        switch element {
        case "consent": return "Follow-up visit by video today.\n\(text)\nRash improving, continue cream.\nJane Roe, MD\n"
        case "modality": return "\(text)\nCough improving, plan reviewed with her.\nJane Roe, MD\n"
        case "audio_only_reason": return "Phone visit today.\n\(text)\nCough improving, plan reviewed.\nJane Roe, MD\n"
        default: return "Video visit today.\n\(text)\nRash improving, continue cream.\nJane Roe, MD\n"
        }
    }

    /// The element's value as the bank writes it (consent as "value/by"), or nil.
    static func value(_ e: NoteElements, _ element: String) -> String? {
        switch element {
        case "consent": return e.consent.map { "\($0.value.value)/\($0.value.by)" }
        case "modality": return e.modality?.value
        case "time": return e.time.map { String($0.value) }
        case "mdm": return e.mdm?.value
        case "patient_location": return e.patientLocation?.value
        case "provider_location": return e.providerLocation == nil ? nil : "true"
        case "patient_status": return e.patientStatus?.value
        case "audio_only_reason": return e.audioOnlyReason == nil ? nil : "true"
        default: return nil
        }
    }

    /// One bank line; `value` is a string, a number of minutes, `true`, or null for a near miss.
    struct Row: Decodable {
        enum Value: Decodable {
            case text(String), number(Int), flag(Bool)
            init(from decoder: Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let b = try? c.decode(Bool.self) { self = .flag(b) }
                else if let n = try? c.decode(Int.self) { self = .number(n) }
                else { self = .text(try c.decode(String.self)) }
            }
        }
        var text: String
        var element: String
        var value: Value?
        var by: String?

        /// The labelled value, in the form of `value(_:_:)`; nil for a near miss.
        var label: String? {
            switch value {
            case .text(let s)?: return element == "consent" ? "\(s)/\(by ?? "patient")" : s
            case .number(let n)?: return String(n)
            case .flag(let b)?: return b ? "true" : nil
            case nil: return nil
            }
        }
    }

    func testBanksKeepTheirReadings() throws {
        let scanner = try NoteScanner.forTests()
        var counts: [String: (right: Int, falseFound: Int)] = [:]
        for bank in Set(Self.floors.map(\.bank)) {
            let text = try String(contentsOfFile: Repo.corpus + "/banks/\(bank).jsonl", encoding: .utf8)
            for line in text.split(separator: "\n") where !line.isEmpty {
                let row = try JSONDecoder().decode(Row.self, from: Data(line.utf8))
                let element = row.element
                let found = Self.value(scanner.scan(text: Self.frame(element, row.text)).elements, element)
                var c = counts["\(bank) \(element)"] ?? (0, 0)
                if let want = row.label {
                    if found == want { c.right += 1 }
                } else if found != nil {
                    c.falseFound += 1
                }
                counts["\(bank) \(element)"] = c
            }
        }
        for floor in Self.floors {
            let c = counts["\(floor.bank) \(floor.element)"] ?? (0, 0)
            if c.right < floor.right || c.falseFound > floor.falseFound {
                print("\(floor.bank) \(floor.element): \(c.right) right, \(c.falseFound) near misses found")
            }
            XCTAssertGreaterThanOrEqual(c.right, floor.right, "\(floor.bank) \(floor.element): sentences read right")
            XCTAssertLessThanOrEqual(c.falseFound, floor.falseFound, "\(floor.bank) \(floor.element): near misses read as the element")
        }
    }
}
