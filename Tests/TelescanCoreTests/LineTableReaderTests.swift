import XCTest
@testable import TelescanCore

final class LineTableReaderTests: XCTestCase {
    func testReassemblesShuffledLinesInFirstAppearanceOrder() throws {
        let table = #"""
        note_id,line,text,service_date
        B,2,"second of B, with a comma",
        A,3,third of A,2026-06-14
        B,1,first of B,20260615
        A,1,first of A,
        C,1,only line of C,
        A,2,"second of A ""quoted""",
        B,10,tenth of B (sorted as a number),

        """#
        let r = try InputFixture.records(try inputFile(table, ext: "csv"))
        XCTAssertEqual(r.map(\.id), ["B", "A", "C"])
        XCTAssertEqual(r.map(\.textString), [
            "first of B\nsecond of B, with a comma\ntenth of B (sorted as a number)",
            "first of A\nsecond of A \"quoted\"\nthird of A",
            "only line of C",
        ])
        XCTAssertEqual(r.map(\.serviceDate), ["2026-06-15", "2026-06-14", nil])
    }

    func testJoinColumnsAndTSV() throws {
        let table = "NOTE_ID\tLINE\tNOTE_TEXT\nx\t2\tworld\nx\t1\thello\nx\t1\tagain\n"
        let r = try InputFixture.records(try inputFile(table, ext: "tsv"), format: .linetable) {
            $0.lineTable.columns.noteID = "note_id"
            $0.lineTable.columns.line = "line"
            $0.lineTable.columns.text = "note_text"
            $0.lineTable.join = [32]
        }
        // Same line number: file order.
        XCTAssertEqual(r.map(\.textString), ["hello again world"])
    }

    func testLineSortedFlushesWhenTheIdChangesAndReportsLateRows() throws {
        let table = "note_id,line,text\nA,2,a2\nA,1,a1\nB,1,b1\nA,3,late\nA,4,late too\nC,1,c1\n"
        let path = try inputFile(table, ext: "csv")
        var options = InputOptions()
        options.format = .linetable
        options.lineTable.lineSorted = true
        var chain = InputChain(paths: [path], options: options)
        let first = try chain.next()
        XCTAssertEqual(first?.id, "A")
        XCTAssertEqual(first?.textString, "a1\na2")
        var rest: [NoteRecord] = []
        while let r = try chain.next() { rest.append(r) }
        XCTAssertEqual(rest.map(\.id), ["B", "A", "C"])
        XCTAssertEqual(rest[1].error?.code, "LINE_TABLE_NOT_SORTED")
        XCTAssertTrue(rest[1].error?.message.hasPrefix("\(path) line 5 (row 4):") ?? false, rest[1].error?.message ?? "")
        XCTAssertNil(rest[2].error)
    }

    func testBrokenRowsFailTheirNoteOrStandAlone() throws {
        let table = """
        note_id,line,text
        A,1,fine
        B,one,not a number
        B,2,still B
        ,1,no id
        A,2,"too",many
        C,1,"bad "quote
        D,1,fine

        """
        let path = try inputFile(table, ext: "csv", name: "lines")
        let r = try InputFixture.records(path)
        XCTAssertEqual(r.map(\.id), ["A", "B", "\(path):4", "\(path):6", "D"])
        XCTAssertEqual(r.map { $0.error?.code }, ["CSV_FIELD_COUNT", "INVALID_LINE_NUMBER", "MISSING_NOTE_ID", "CSV_BAD_QUOTE", nil])
        XCTAssertEqual(r[0].error?.message, "\(path) line 6 (row 5): 4 fields, the header has 3")
        XCTAssertEqual(r[1].error?.message, "\(path) line 3 (row 2): line number 'one' is not an integer")
        XCTAssertEqual(r[4].textString, "fine")
    }

    func testMissingColumnsAreUsageErrors() throws {
        let path = try inputFile("note_id,line,body\n1,1,x\n", ext: "csv")
        XCTAssertThrowsError(try InputFixture.records(path, format: .linetable)) { error in
            XCTAssertTrue((error as? InputError)?.message.contains("--line-text-column") ?? false, "\(error)")
        }
    }
}
