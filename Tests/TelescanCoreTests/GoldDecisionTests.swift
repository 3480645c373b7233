import Foundation
import XCTest
import TelescanCore

/// The corpus gold states, for every note, its elements and the expected decision under both
/// bundled profiles at 2026-06-15. Feeding the gold elements straight to the decider (no
/// extraction) must reproduce the gold status, missing elements and codes exactly.
final class GoldDecisionTests: XCTestCase {
    static let date = "2026-06-15"

    func testDecisionsReproduceTheGoldForBothProfiles() throws {
        let deciders = try ["cpt", "medicare"].map { try Decider.builtin($0, lexiconsRoot: Repo.lexicons) }
        let text = try String(contentsOfFile: Repo.corpus + "/gold.jsonl", encoding: .utf8)
        var lines = 0
        var agree = [String: Int]()
        for line in text.split(separator: "\n") where !line.isEmpty {
            lines += 1
            let gold = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = gold["id"] as? String ?? "?"
            let service = try ElementsFixture.service(gold["service"])
            var raw = gold["elements"] as? [String: Any] ?? [:]
            raw["monitoring_program"] = gold["monitoring_program"]
            raw["checkin_bundled"] = gold["checkin_bundled"]
            let elements = try ElementsFixture.make(raw, service: service)
            for decider in deciders {
                let p = decider.profileName
                let got = ElementsFixture.outcome(decider.decide(service: service, elements: elements, serviceDate: Self.date))
                let status = (gold["status"] as? [String: Any])?[p] as? String
                let missing = ((gold["missing"] as? [String: Any])?[p] as? [String] ?? []).sorted()
                let codes = ((gold["codes"] as? [String: Any])?[p] as? [String] ?? []).sorted()
                XCTAssertEqual(got.status, status, "\(id) [\(p)] status")
                XCTAssertEqual(got.missing, missing, "\(id) [\(p)] missing")
                XCTAssertEqual(got.codes.sorted(), codes, "\(id) [\(p)] codes")
                if got.status == status && got.missing == missing && got.codes.sorted() == codes { agree[p, default: 0] += 1 }
            }
        }
        // Every corpus note has exactly one gold line.
        let notes = try FileManager.default.contentsOfDirectory(atPath: Repo.corpus + "/notes").filter { $0.hasSuffix(".txt") }
        XCTAssertEqual(lines, notes.count)
        print("gold agreement at \(Self.date): cpt \(agree["cpt"] ?? 0)/\(lines), medicare \(agree["medicare"] ?? 0)/\(lines)")
    }
}
