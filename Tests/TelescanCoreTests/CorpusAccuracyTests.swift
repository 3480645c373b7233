import Foundation
import XCTest
import TelescanCore

/// The accuracy the README reports, enforced: every element at least 0.95 F1 on the corpus,
/// and no telehealth service found in MTSamples' in-person transcriptions.
final class CorpusAccuracyTests: XCTestCase {
    /// A gold signer with credential "" (the note writes none) agrees with one found without a
    /// credential, and not with one found with a credential.
    func testAnEmptyGoldCredentialIsNoCredential() throws {
        let path = NSTemporaryDirectory() + "telescan-gold-\(getpid()).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try #"{"id": "a.txt", "service": null, "elements": {"performing_provider": {"name": "Euan Gillespie", "credential": ""}}}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        let gold = try GoldRecord.load(path: path)
        XCTAssertEqual(gold.first?.elements["performing_provider"], "euan gillespie|?")
        XCTAssertNotEqual(gold.first?.elements["performing_provider"], "euan gillespie|RN")
    }

    /// A signer's middle initial does not make another clinician: "Elena M. Ramirez" agrees with a
    /// gold "Elena Ramirez"; a different given name or surname does not.
    func testAMiddleInitialNamesTheSameSigner() throws {
        let path = NSTemporaryDirectory() + "telescan-gold-mi-\(getpid()).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try #"{"id": "a.txt", "service": null, "elements": {"performing_provider": {"name": "Elena M. Ramirez", "credential": "MD"}}}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        let gold = try GoldRecord.load(path: path)
        XCTAssertEqual(gold.first?.elements["performing_provider"], "elena ramirez|MD")
        XCTAssertNotEqual(gold.first?.elements["performing_provider"], "elena m ramirez-cruz|MD")
    }

    func testCorpusElementsAtLeast095F1() throws {
        let golds = try GoldRecord.load(path: Repo.corpus + "/gold.jsonl")
        XCTAssertGreaterThanOrEqual(golds.count, 150)
        var evaluator = GoldEvaluator(lexicons: try Repo.lexiconSet(), date: "2026-06-15")
        evaluator.jobs = 2
        let eval = try evaluator.run(golds: golds, paths: [Repo.corpus + "/notes"], options: InputOptions())
        XCTAssertTrue(eval.unmatchedGold.isEmpty, "gold without note: \(eval.unmatchedGold)")
        XCTAssertTrue(eval.unmatchedResults.isEmpty, "note without gold: \(eval.unmatchedResults)")
        for (name, c) in eval.elements where c.support > 0 {
            XCTAssertGreaterThanOrEqual(c.f1, 0.95, "\(name): P \(c.precision) R \(c.recall)")
        }
        XCTAssertGreaterThanOrEqual(Double(eval.serviceCorrect) / Double(eval.notes), 0.95)
        // Issue 4: per profile, statuses, missing elements and code sets from the note text.
        XCTAssertEqual(Set(eval.profiles.keys), ["cpt", "medicare"])
        for (profile, p) in eval.profiles {
            let n = Double(p.notes)
            XCTAssertGreaterThanOrEqual(Double(p.status) / n, 0.95, "\(profile) status accuracy")
            XCTAssertGreaterThanOrEqual(Double(p.missing) / n, 0.95, "\(profile) missing-set exact match")
            XCTAssertGreaterThanOrEqual(Double(p.codes) / n, 0.95, "\(profile) code-set exact match")
        }
        if eval.minimumF1 < 0.95 {
            print(eval.report())
        }
    }

    func testMTSamplesYieldNoTelehealthService() throws {
        guard var reader = Repo.mtsamples() else {
            throw XCTSkip("../shared/eval/mtsamples is absent; MTSamples false positives not checked")
        }
        let scanner = try NoteScanner.forTests()
        var seen = Set<[UInt8]>()
        var telehealth: [String] = []
        while let record = try reader.next() {
            if record.error != nil || !seen.insert(record.text).inserted { continue }
            let r = scanner.scan(record)
            if let s = r.service, s.isTelehealth { telehealth.append("\(r.id): \(s.rawValue)") }
        }
        XCTAssertGreaterThan(seen.count, 2000)
        XCTAssertEqual(telehealth, [], "MTSamples notes read as telehealth")
    }
}
