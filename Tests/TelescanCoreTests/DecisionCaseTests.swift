import Foundation
import XCTest
import Yams
@testable import TelescanCore

/// The table-driven decision test: every case of `Fixtures/decision-cases.yaml` under every
/// profile it names, plus a check that the cases touch every code of every profile they use.
final class DecisionCaseTests: XCTestCase {
    struct Case {
        var id: String
        var service: Service?
        var elements: NoteElements
        var date: String
        var expect: [String: [String: Any]]
    }

    static let fixture = Repo.root + "/Tests/TelescanCoreTests/Fixtures/decision-cases.yaml"

    func loadFixture() throws -> (cases: [Case], deciders: [String: Decider]) {
        let text = try String(contentsOfFile: Self.fixture, encoding: .utf8)
        let doc = try XCTUnwrap(try Yams.load(yaml: text, Resolver.default.removing(.timestamp)) as? [String: Any])
        var deciders: [String: Decider] = [:]
        for name in ["cpt", "medicare"] { deciders[name] = try Decider.builtin(name, lexiconsRoot: Repo.lexicons) }
        for (name, path) in doc["profiles"] as? [String: String] ?? [:] {
            let d = try Decider.file(Repo.root + "/" + path)
            XCTAssertEqual(d.profileName, name, "profile file \(path)")
            deciders[name] = d
        }
        let bases = doc["bases"] as? [String: [String: Any]] ?? [:]
        var cases: [Case] = []
        var ids = Set<String>()
        for raw in try XCTUnwrap(doc["cases"] as? [[String: Any]]) {
            let id = try XCTUnwrap(raw["id"] as? String)
            XCTAssertTrue(ids.insert(id).inserted, "duplicate case id \(id)")
            var merged: [String: Any] = [:]
            if let b = raw["base"] as? String { merged = try XCTUnwrap(bases[b], "\(id): unknown base \(b)") }
            for (k, v) in raw["elements"] as? [String: Any] ?? [:] {
                if v is NSNull { merged[k] = nil } else { merged[k] = v }
            }
            let service = try ElementsFixture.service(raw["service"])
            let expect = try XCTUnwrap(raw["expect"] as? [String: [String: Any]], "\(id): expect")
            for p in expect.keys { XCTAssertNotNil(deciders[p], "\(id): unknown profile \(p)") }
            cases.append(Case(id: id, service: service, elements: try ElementsFixture.make(merged, service: service),
                              date: raw["date"] as? String ?? "2026-06-15", expect: expect))
        }
        return (cases, deciders)
    }

    func testEveryDecisionCase() throws {
        let (cases, deciders) = try loadFixture()
        XCTAssertGreaterThanOrEqual(cases.count, 80)
        var checks = 0
        for c in cases {
            for (profile, exp) in c.expect.sorted(by: { $0.key < $1.key }) {
                guard let decider = deciders[profile] else { continue }
                let d = decider.decide(service: c.service, elements: c.elements, serviceDate: c.date)
                let got = ElementsFixture.outcome(d)
                let at = "\(c.id) [\(profile)]"
                checks += 1
                XCTAssertEqual(got.status, exp["status"] as? String, "\(at) status")
                XCTAssertEqual(got.missing, (exp["missing"] as? [String] ?? []).sorted(), "\(at) missing")
                XCTAssertEqual(got.codes, exp["codes"] as? [String] ?? [], "\(at) codes")
                if let w = exp["warnings"] as? [String] { XCTAssertEqual(d.warnings, w, "\(at) warnings") }
                if let a = exp["assumptions"] as? [String] { XCTAssertEqual(d.assumptions, a, "\(at) assumptions") }
                if let b = exp["basis"] as? [String] { XCTAssertEqual(d.codes.map(\.basis), b, "\(at) basis") }
                // Every decision explains itself, and every missing element carries a query.
                XCTAssertFalse(d.explanations.isEmpty, at)
                for m in d.missing {
                    XCTAssertFalse(m.query.isEmpty, "\(at) \(m.reason) query")
                    XCTAssertFalse(m.query.contains("{"), "\(at) \(m.reason) query has an unfilled placeholder: \(m.query)")
                    XCTAssertFalse(m.explanation.isEmpty, "\(at) \(m.reason) explanation")
                }
                for code in d.codes {
                    XCTAssertTrue(code.explanation.hasPrefix(code.code), "\(at) \(code.code) explanation: \(code.explanation)")
                    XCTAssertTrue(code.rule.hasPrefix(profile), "\(at) \(code.code) rule: \(code.rule)")
                }
                // Without the reviewer's texts (JSON Lines, CSV) the decision is the same, textless.
                let plain = decider.decide(service: c.service, elements: c.elements, serviceDate: c.date, explain: false)
                XCTAssertEqual(plain.status, d.status, at)
                XCTAssertEqual(plain.missing.map { [$0.element, $0.reason, $0.query] }, d.missing.map { [$0.element, $0.reason, $0.query] }, at)
                XCTAssertEqual(plain.codes.map { "\($0.code) \($0.modifiers) \($0.pos ?? "-") \($0.units) \($0.basis) \($0.because)" },
                               d.codes.map { "\($0.code) \($0.modifiers) \($0.pos ?? "-") \($0.units) \($0.basis) \($0.because)" }, at)
                XCTAssertEqual(plain.warnings, d.warnings, at)
                XCTAssertEqual(plain.assumptions, d.assumptions, at)
                XCTAssertEqual(plain.explanations, [], at)
                XCTAssertEqual(plain.codes.map(\.rule) + plain.missing.map(\.explanation), Array(repeating: "", count: plain.codes.count + plain.missing.count), at)
            }
        }
        print("decision cases: \(cases.count) cases, \(checks) profile checks")
    }

    /// Together the cases must suggest every code of both bundled profiles at least once.
    func testCasesTouchEveryCodeOfEveryProfile() throws {
        let (cases, deciders) = try loadFixture()
        var seen: [String: Set<String>] = [:]
        for c in cases {
            for (profile, exp) in c.expect {
                for s in exp["codes"] as? [String] ?? [] {
                    seen[profile, default: []].insert(String(s.prefix { $0 != "-" && $0 != "@" && $0 != "*" }))
                }
            }
        }
        for (name, decider) in deciders where ["cpt", "medicare"].contains(name) {
            var all = Set<String>()
            for rules in decider.profile.services.values {
                for t in rules.tables { all.formUnion(t.rows.map(\.code)); all.formUnion(t.addOns.map(\.code)) }
            }
            let untouched = all.subtracting(seen[name] ?? []).sorted()
            XCTAssertEqual(untouched, [], "codes of profile \(name) that no decision case expects")
        }
    }

    /// The readable explanation of the brief's example.
    func testQueryPlaceholdersAreFilledOnceEach() {
        var e = NoteElements()
        e.time = .init(25)
        e.modality = .init("audio_only")
        XCTAssertEqual(QueryText.fill("{minutes} min by {modality}; {credential}? {minutes}", e),
                       "25 min by audio-only; {credential}? 25")
        XCTAssertEqual(QueryText.fill("no braces", e), "no braces")
        XCTAssertEqual(QueryText.fill("open {minutes", e), "open {minutes")
    }

    func testExplanationOfATimeChosenLevel() throws {
        let decider = try Decider.builtin("cpt", lexiconsRoot: Repo.lexicons)
        let e = try ElementsFixture.make(["modality": "audio_video", "consent": "documented", "time": 32, "mdm": "moderate",
                                          "patient_location": "home", "performing_provider": "MD", "patient_status": "established"],
                                         service: .telemedicineVisit)
        let d = decider.decide(service: .telemedicineVisit, elements: e, serviceDate: "2026-06-15")
        XCTAssertEqual(d.codes.first?.explanation,
                       "98006: established, audio-video, 32 minutes ≥ 30 (time threshold of level 4); MDM moderate gives the same level; POS 10 because patient_location=home")
        XCTAssertEqual(d.codes.first?.because, ["modality", "time", "patient_status", "patient_location"])
        XCTAssertTrue(d.codes.first?.rule.contains("in force 2025-01-01") == true, d.codes.first?.rule ?? "")
        XCTAssertEqual(d.explanations.last, "status ready: every required element documented, 1 code line suggested")
    }

    func testQueriesQuoteTheNoteAndNeverMentionPayment() throws {
        for name in ["cpt", "medicare"] {
            let profile = try Decider.builtin(name, lexiconsRoot: Repo.lexicons).profile
            var texts = Array(profile.queries.values)
            for rules in profile.services.values { texts += rules.queries.values }
            for t in texts {
                for word in ["pay", "reimburs", "bill", "claim", "denied", "revenue", "money"] {
                    XCTAssertFalse(t.lowercased().contains(word), "\(name): query mentions '\(word)': \(t)")
                }
            }
        }
        let decider = try Decider.builtin("cpt", lexiconsRoot: Repo.lexicons)
        let e = try ElementsFixture.make(["modality": "audio_only", "consent": "documented", "time": 8, "patient_location": "home",
                                          "performing_provider": "MD"], service: .telemedicineVisit)
        let d = decider.decide(service: .telemedicineVisit, elements: e, serviceDate: "2026-06-15")
        XCTAssertTrue(d.missing.first?.query.contains("records 8 minutes") == true, d.missing.first?.query ?? "")
    }

    /// Switching modifier 95 on is a data change only.
    func testModifier95SwitchIsData() throws {
        let text = try String(contentsOfFile: Repo.lexicons + "/profiles/medicare.yaml", encoding: .utf8)
        let marker = "        modifiers: []\n      audio_only:"
        XCTAssertTrue(text.contains(marker))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("medicare-95-\(UUID().uuidString).yaml").path
        try text.replacingOccurrences(of: "name: medicare", with: "name: medicare-95")
            .replacingOccurrences(of: marker, with: "        modifiers: [\"95\"]\n      audio_only:")
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let decider = try Decider.file(path)
        XCTAssertEqual(decider.profileName, "medicare-95")
        let e = try ElementsFixture.make(["modality": "audio_video", "consent": "documented", "time": 70, "patient_location": "home",
                                          "performing_provider": "MD"], service: .telemedicineVisit)
        let d = decider.decide(service: .telemedicineVisit, elements: e, serviceDate: "2026-06-15")
        XCTAssertEqual(d.codes.map(\.compact), ["99215-95@10", "G2212@10"])
    }
}
