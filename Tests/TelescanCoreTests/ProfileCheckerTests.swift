import Foundation
import XCTest
@testable import TelescanCore

/// `rules check` on the bundled data, and the table checks on broken profiles.
final class ProfileCheckerTests: XCTestCase {
    /// What `telescan rules check` runs: every rule example and every bundled profile.
    func testRulesCheckPassesOnTheBundledData() throws {
        let lex = try Repo.lexiconSet()
        XCTAssertEqual(RuleExampleRunner.run(lex.compiled).failures.map(\.description), [])
        let folder = ProfileChecker.checkFolder(lexiconsRoot: Repo.lexicons)
        XCTAssertEqual(folder.profiles, 2)
        XCTAssertEqual(folder.problems.map(\.description), [])
    }

    func testTheDocumentedUserProfileIsClean() throws {
        let p = try ProfileLoader.load(file: Repo.root + "/docs/profiles/commercial-95.yaml")
        XCTAssertEqual(p.name, "commercial-95")
        XCTAssertEqual(ProfileChecker.check(p).map(\.description), [])
    }

    func problems(_ text: String) throws -> [String] {
        ProfileChecker.check(try ProfileText.load(text)).map(\.description)
    }

    func assertProblem(_ text: String, contains parts: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let found = try problems(text)
        XCTAssertTrue(found.contains { p in parts.allSatisfy(p.contains) }, "no problem with \(parts) in \(found)", file: file, line: line)
    }

    func testThresholdsMustAscend() throws {
        try assertProblem(ProfileText.replacing("level: 3, mdm: low, min_minutes: 20", "level: 3, mdm: low, min_minutes: 10"),
                          contains: ["profiles/tiny.yaml", "table 'visits' code '99213'", "thresholds not ascending"])
        try assertProblem(ProfileText.replacing("level: 3, mdm: low,", "level: 3, mdm: straightforward,"),
                          contains: ["code '99213'", "MDM not ascending"])
    }

    func testNoTwoCodesForTheSameCellOnOverlappingDates() throws {
        // Same level twice.
        try assertProblem(ProfileText.replacing("level: 3, mdm: low,", "level: 2, mdm: low,"),
                          contains: ["code '99213'", "both level 2"])
        // Overlapping minute ranges: fine when the dates do not overlap.
        let overlapping = ProfileText.replacing("credential_group: therapists, min_minutes: 5, max_minutes: 10",
                                                "min_minutes: 8, max_minutes: 12")
        try assertProblem(overlapping, contains: ["table 'portal' code '98970'", "overlapping minute ranges"])
        let successive = overlapping.replacingOccurrences(of: "max_minutes: 12, effective_from: 2020-01-01, effective_to: 2030-12-31",
                                                          with: "max_minutes: 12, effective_from: 2031-01-01")
            .replacingOccurrences(of: "max_minutes: 10, effective_from: 2020-01-01}", with: "max_minutes: 10, effective_from: 2020-01-01, effective_to: 2030-12-31}")
        XCTAssertEqual(try problems(successive), [])
    }

    func testEffectiveDatesWellFormed() throws {
        try assertProblem(ProfileText.replacing("effective_from: 2020-01-01, effective_to: 2030-12-31", "effective_from: 2020-01-01, effective_to: 2019-12-31"),
                          contains: ["code '98970'", "effective_from 2020-01-01 is after effective_to 2019-12-31"])
    }

    func testEveryReasonNeedsAQueryText() throws {
        let noText = ProfileText.replacing("  PATIENT_NOT_ESTABLISHED: Please document whether the patient was seen before.\n", "")
        try assertProblem(noText, contains: ["service 'e_visit'", "no query text for reason PATIENT_NOT_ESTABLISHED"])
        // Medicare-style audio-only rules need their own texts.
        let audio = ProfileText.replacing("audio_only: {modifiers: [\"93\"], min_minutes: 11}",
                                          "audio_only: {modifiers: [\"93\"], min_minutes: 11, require: [audio_only_reason], patient_locations: [home]}")
        let found = try problems(audio)
        XCTAssertTrue(found.contains { $0.contains("no query text for reason AUDIO_ONLY_REASON_NOT_DOCUMENTED") }, "\(found)")
        XCTAssertTrue(found.contains { $0.contains("no query text for reason AUDIO_ONLY_REQUIRES_HOME") }, "\(found)")
        try assertProblem(ProfileText.replacing("  SERVICE_NOT_IN_PROFILE: not covered\n", ""),
                          contains: ["warnings", "no text for warning SERVICE_NOT_IN_PROFILE"])
    }

    func testAddOnMustStartAboveItsPrimary() throws {
        try assertProblem(ProfileText.replacing("first_unit_minutes: 35", "first_unit_minutes: 20"),
                          contains: ["add-on '99417'", "not above the 20-minute threshold of '99213'"])
    }

    func testUnreachableModality() throws {
        try assertProblem(ProfileText.replacing(#"{code: "99421", system: CPT, modality: online_message"#, #"{code: "99421", system: CPT, modality: audio_video"#),
                          contains: ["code '99421'", "can never be chosen"])
    }

    func testDeciderRefusesAProfileWithProblems() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("telescan-user-\(UUID().uuidString).yaml")
        try ProfileText.replacing("level: 3, mdm: low, min_minutes: 20", "level: 3, mdm: low, min_minutes: 5")
            .write(to: dir, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertThrowsError(try Decider.file(dir.path)) { error in
            XCTAssertTrue("\(error)".contains("thresholds not ascending"), "\(error)")
        }
    }
}
