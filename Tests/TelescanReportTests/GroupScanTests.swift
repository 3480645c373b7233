import XCTest
@testable import TelescanCore
import TelescanReport

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
        let alone = NoteScanner(engine: engine), grouped = NoteScanner(engine: engine)
        var index = 0, findings = 0
        for start in stride(from: 0, to: records.count, by: NoteScanner.groupSize) {
            let group = records[start ..< min(records.count, start + NoteScanner.groupSize)]
            let results = grouped.scan(group)
            XCTAssertEqual(results.map(\.id), group.map(\.id))
            for (record, result) in zip(group, results) {
                let single = alone.scan(record)
                findings += single.findings.count
                let text = { (r: NoteResult) in String(decoding: printer.render(r, index: index), as: UTF8.self) }
                XCTAssertEqual(text(result), text(single), record.id)
                index += 1
            }
        }
        XCTAssertGreaterThan(records.count, 2 * NoteScanner.groupSize)
        XCTAssertGreaterThan(findings, 10_000)
    }
}
