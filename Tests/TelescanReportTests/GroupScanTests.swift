import XCTest
@testable import TelescanCore
import TelescanReport
import TelescanTestSupport

/// A scanner given a group of notes runs the target rules rule by rule across them (so a
/// rule's JIT code is fetched once for the group): each note's result must be exactly what it
/// gets alone.
final class GroupScanTests: XCTestCase {
    func testGroupScanGivesEachNoteItsOwnResult() throws {
        let engine = ScanEngine(lexicons: try Repo.lexiconSet(), decider: try Decider.builtin("cpt", lexiconsRoot: Repo.lexicons),
                                defaultDate: "2026-06-15", keepFindings: true)
        let dir = Repo.corpus + "/notes"
        var records = try FileManager.default.contentsOfDirectory(atPath: dir).sorted().map {
            NoteRecord(id: $0, text: [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/" + $0))))
        }
        // Among them: a broken record, an empty note, invalid UTF-8, and a note holding "ſ"
        // (which wakes every rule over the whole note).
        records.insert(.failed(id: "broken", code: "BAD_JSON", message: "line 3: not JSON"), at: 3)
        records.insert(NoteRecord(id: "empty", text: []), at: 7)
        records.insert(NoteRecord(id: "bad-utf8", text: Array("Video visit, pt at home, \u{FF}consent verbal.".utf8) + [0xC3, 0x28]), at: 11)
        records.insert(NoteRecord(id: "long-s", text: Array("Video visit. Verbal con\u{17F}ent obtained. Pt at home. 20 minutes.".utf8)), at: 12)
        let printer = ExplainPrinter()
        let all = records
        // Groups spread over two workers (the suite's time), each with its own two scanners.
        let groups = stride(from: 0, to: all.count, by: NoteScanner.groupSize).map { $0 ..< min(all.count, $0 + NoteScanner.groupSize) }
        let compared = spreadOverWorkers(groups.count, make: { (NoteScanner(engine: engine), NoteScanner(engine: engine)) }) { scanners, g in
            let group = all[groups[g]]
            let results = scanners.1.scan(group)
            return zip(group, results).map { record, result in
                let single = scanners.0.scan(record)
                let text = { (r: NoteResult) in String(decoding: printer.render(r, index: 0), as: UTF8.self) }
                return (id: record.id, resultID: result.id, grouped: text(result), alone: text(single), findings: single.findings.count)
            }
        }.flatMap { $0 }
        XCTAssertEqual(compared.map(\.resultID), all.map(\.id))
        for c in compared { XCTAssertEqual(c.grouped, c.alone, c.id) }
        XCTAssertGreaterThan(all.count, 2 * NoteScanner.groupSize)
        XCTAssertGreaterThan(compared.reduce(0) { $0 + $1.findings }, 10_000)
    }
}
