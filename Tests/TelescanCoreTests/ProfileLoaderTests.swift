import Foundation
import XCTest
@testable import TelescanCore

/// A small valid profile, and mutations of it that the loader or the checker must reject
/// with a message naming the file, the entry and the problem.
enum ProfileText {
    static let valid = """
    name: tiny
    description: A small profile for tests.
    credential_groups:
      therapists: {credentials: [PT, OTR/L]}
    queries:
      MODALITY_NOT_DOCUMENTED: Please document the technology used.
      MODALITY_AMBIGUOUS: Please document which technology was used for most of the visit.
      MODALITY_NOT_ACCEPTED: The note documents {modality}. Please document the technology used.
      CONSENT_NOT_DOCUMENTED: Please document whether consent was obtained, and from whom.
      CONSENT_DECLINED: Please document what happened after consent was declined.
      TIME_OR_MDM_NOT_DOCUMENTED: Please document the total time or the MDM level.
      TIME_NOT_DOCUMENTED: Please document the minutes.
      TIME_BELOW_AUDIO_ONLY_MINIMUM: The note records {minutes} minutes. Please document the total if incomplete.
      PATIENT_LOCATION_NOT_DOCUMENTED: Please document where the patient was.
      PERFORMING_PROVIDER_NOT_DOCUMENTED: Please document who performed the service.
      PATIENT_NOT_ESTABLISHED: Please document whether the patient was seen before.
    warnings:
      NO_CODE_FITS: no code fits
      SERVICE_NOT_IN_PROFILE: not covered
    services:
      telemedicine_visit:
        require: [modality, consent, time_or_mdm, patient_location, performing_provider]
        modalities: [audio_video, audio_only]
        place_of_service: {home: "10", other: "02"}
        modality_rules:
          audio_only: {modifiers: ["93"], min_minutes: 11}
        tables:
          - family: visits
            select: level
            codes:
              - {code: "99212", system: CPT, patient_status: established, level: 2, mdm: straightforward, min_minutes: 10, effective_from: 2021-01-01}
              - {code: "99213", system: CPT, patient_status: established, level: 3, mdm: low, min_minutes: 20, effective_from: 2021-01-01}
            add_ons:
              - {code: "99417", system: CPT, with: ["99213"], basis: time, first_unit_minutes: 35, unit_minutes: 15, effective_from: 2021-01-01}
      e_visit:
        require: [modality, consent, time, performing_provider, established_patient]
        modalities: [online_message]
        tables:
          - family: portal
            select: minutes
            codes:
              - {code: "99421", system: CPT, modality: online_message, min_minutes: 5, max_minutes: 10, effective_from: 2020-01-01}
              - {code: "98970", system: CPT, credential_group: therapists, min_minutes: 5, max_minutes: 10, effective_from: 2020-01-01, effective_to: 2030-12-31}
    """

    /// Writes `text` to a temporary file named `tiny.yaml` and loads it.
    static func load(_ text: String) throws -> PayerProfile {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("telescan-profile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("tiny.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try ProfileLoader.load(file: path, displayName: "profiles/tiny.yaml")
    }

    static func replacing(_ old: String, _ new: String) -> String {
        precondition(valid.contains(old), "test text lacks \(old)")
        return valid.replacingOccurrences(of: old, with: new)
    }
}

final class ProfileLoaderTests: XCTestCase {
    func assertLoadError(_ text: String, contains parts: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try ProfileText.load(text), file: file, line: line) { error in
            let message = "\(error)"
            for p in parts { XCTAssertTrue(message.contains(p), "\(message) lacks \(p)", file: file, line: line) }
        }
    }

    func testValidProfileLoadsWithTextScalars() throws {
        let p = try ProfileText.load(ProfileText.valid)
        XCTAssertEqual(p.name, "tiny")
        let visit = try XCTUnwrap(p.services[.telemedicineVisit])
        XCTAssertEqual(visit.placeOfService?["other"], "02")          // "02" keeps its zero
        XCTAssertEqual(visit.tables[0].rows[0].effective, EffectivePeriod(from: "2021-01-01"))
        XCTAssertEqual(visit.modalityRules["audio_only"]?.minimumTime?.minutes, 11)
        XCTAssertEqual(visit.modalityRules["audio_only"]?.minimumTime?.reason, .timeBelowAudioOnlyMinimum)
        XCTAssertEqual(p.services[.eVisit]?.tables[0].rows[1].effective.to, "2030-12-31")
        XCTAssertEqual(ProfileChecker.check(p).map(\.description), [])
    }

    func testUnknownTopLevelKey() {
        assertLoadError(ProfileText.valid + "\ncolour: red", contains: ["profiles/tiny.yaml", "unknown key 'colour'"])
    }

    func testUnknownKeyInACodeRowNamesServiceTableAndCode() {
        let bad = ProfileText.replacing(#"{code: "99213", system: CPT,"#, #"{code: "99213", colour: red, system: CPT,"#)
        assertLoadError(bad, contains: ["profiles/tiny.yaml", "service 'telemedicine_visit' table 'visits' code '99213'", "unknown key 'colour'"])
    }

    func testBadDates() {
        assertLoadError(ProfileText.replacing("effective_from: 2020-01-01, effective_to: 2030-12-31", "effective_from: 2020-01-01, effective_to: 2030-02-30"),
                        contains: ["code '98970'", "'effective_to' must be a date YYYY-MM-DD, got '2030-02-30'"])
        assertLoadError(ProfileText.replacing("min_minutes: 20, effective_from: 2021-01-01", "min_minutes: 20, effective_from: 1/1/2021"),
                        contains: ["code '99213'", "'effective_from' must be a date"])
        assertLoadError(ProfileText.replacing("min_minutes: 20, effective_from: 2021-01-01}", "min_minutes: 20}"),
                        contains: ["code '99213'", "missing required key 'effective_from'"])
    }

    func testUnknownRequirementAndService() {
        assertLoadError(ProfileText.replacing("require: [modality, consent, time_or_mdm,", "require: [modality, consnet, time_or_mdm,"),
                        contains: ["service 'telemedicine_visit'", "unknown requirement 'consnet'"])
        assertLoadError(ProfileText.replacing("  e_visit:\n", "  e_visits:\n"), contains: ["services", "unknown service 'e_visits'"])
        assertLoadError(ProfileText.replacing("  e_visit:\n", "  in_person:\n"), contains: ["unknown service 'in_person'"])
    }

    func testUnknownReasonsAndPlaceholders() {
        assertLoadError(ProfileText.replacing("  CONSENT_DECLINED:", "  CONSENT_REFUSED:"), contains: ["queries", "unknown reason 'CONSENT_REFUSED'"])
        assertLoadError(ProfileText.replacing("The note records {minutes} minutes", "The note records {mins} minutes"),
                        contains: ["queries", "unknown placeholder '{mins}'"])
        assertLoadError(ProfileText.replacing("min_minutes: 11}", "min_minutes: 11, below_minimum_reason: CONSENT_DECLINED}"),
                        contains: ["modality rule 'audio_only'", "unknown reason 'CONSENT_DECLINED' for element 'time'"])
        assertLoadError(ProfileText.replacing("  NO_CODE_FITS:", "  NO_CODE:"), contains: ["warnings", "unknown warning 'NO_CODE'"])
    }

    func testUnknownValues() {
        assertLoadError(ProfileText.replacing(#"{code: "99421", system: CPT, modality: online_message"#, #"{code: "99421", system: CPT, modality: portal"#),
                        contains: ["code '99421'", "unknown modality 'portal'"])
        assertLoadError(ProfileText.replacing(#"{code: "99421", system: CPT,"#, #"{code: "99421", system: AMA,"#),
                        contains: ["code '99421'", "unknown system 'AMA'"])
        assertLoadError(ProfileText.replacing("level: 3, mdm: low,", "level: 3, mdm: medium,"), contains: ["code '99213'", "unknown mdm 'medium'"])
        assertLoadError(ProfileText.replacing("credential_group: therapists,", "credential_group: nurses,"),
                        contains: ["code '98970'", "unknown credential group 'nurses'"])
        assertLoadError(ProfileText.replacing("select: minutes", "select: hours"), contains: ["table 'portal'", "unknown select 'hours'"])
        assertLoadError(ProfileText.replacing("place_of_service: {home: \"10\"", "place_of_service: {house: \"10\""),
                        contains: ["unknown patient location 'house'"])
        assertLoadError(ProfileText.replacing("min_minutes: 10, effective_from: 2021-01-01", "min_minutes: ten, effective_from: 2021-01-01"),
                        contains: ["code '99212'", "'min_minutes' must be a whole number"])
        assertLoadError(ProfileText.replacing(#"{code: "99212","#, #"{code: "99 212","#), contains: ["must be a code of letters and digits"])
    }

    func testTableShapes() {
        assertLoadError(ProfileText.replacing("level: 2, mdm: straightforward,", "mdm: straightforward,"),
                        contains: ["code '99212'", "a 'level' table row needs 'level'"])
        assertLoadError(ProfileText.replacing("min_minutes: 5, max_minutes: 10, effective_from: 2020-01-01}", "min_days: 5, effective_from: 2020-01-01}"),
                        contains: ["code '99421'", "a 'minutes' table row needs 'min_minutes'"])
        assertLoadError(ProfileText.replacing(#"with: ["99213"]"#, #"with: ["99215"]"#),
                        contains: ["add-on '99417'", "'with' names '99215', which is not a code of this table"])
    }

    func testBuiltinProfilesByName() throws {
        XCTAssertEqual(ProfileLoader.builtinNames(lexiconsRoot: Repo.lexicons), ["cpt", "medicare"])
        XCTAssertEqual(try Decider.builtin("medicare", lexiconsRoot: Repo.lexicons).profileName, "medicare")
        XCTAssertThrowsError(try Decider.builtin("aetna", lexiconsRoot: Repo.lexicons)) { error in
            XCTAssertTrue("\(error)".contains("profiles/aetna.yaml: no such profile (built-in: cpt, medicare)"), "\(error)")
        }
    }

    func testBuiltinNameMustMatchItsFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("telescan-lex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("profiles"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try ProfileText.valid.write(toFile: dir.appendingPathComponent("profiles/small.yaml").path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Decider.builtin("small", lexiconsRoot: dir.path)) { error in
            XCTAssertTrue("\(error)".contains("profiles/small.yaml: name: 'tiny' does not match the file name 'small'"), "\(error)")
        }
        let folder = ProfileChecker.checkFolder(lexiconsRoot: dir.path)
        XCTAssertEqual(folder.profiles, 1)
        XCTAssertEqual(folder.problems.count, 1)
    }
}
