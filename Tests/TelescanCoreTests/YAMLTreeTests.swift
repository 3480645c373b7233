import XCTest
@testable import TelescanCore

/// The YAML reader under the rule and profile loaders: every scalar stays text, structure is
/// kept, and bad YAML says where.
final class YAMLTreeTests: XCTestCase {
    func parse(_ text: String) throws -> Any? { try YAMLTree.parse(Array(text.utf8)) }

    func testScalarsStayTextAndStructureIsKept() throws {
        let doc = try XCTUnwrap(try parse("""
        a: no
        b: "02"
        c: [on, 3, 'x y']
        d:
          - {k: v}
          - ~
        e:
        """) as? [String: Any])
        XCTAssertEqual(doc["a"] as? String, "no")
        XCTAssertEqual(doc["b"] as? String, "02")
        XCTAssertEqual(doc["c"] as? [String], ["on", "3", "x y"])
        let d = try XCTUnwrap(doc["d"] as? [Any])
        XCTAssertEqual((d[0] as? [String: Any])?["k"] as? String, "v")
        XCTAssertEqual(d[1] as? String, "~")
        XCTAssertEqual(doc["e"] as? String, "")
        XCTAssertEqual(doc.count, 5)
    }

    func testAnchorsAndAliases() throws {
        let doc = try XCTUnwrap(try parse("base: &b [x, y]\ncopy: *b\n") as? [String: Any])
        XCTAssertEqual(doc["copy"] as? [String], ["x", "y"])
    }

    func testBadYAMLNamesTheLine() {
        XCTAssertThrowsError(try parse("a: [1, 2\nb: c\n")) { error in
            let message = (error as? YAMLTree.ParseError)?.message ?? ""
            XCTAssertTrue(message.contains("line"), message)
        }
        XCTAssertThrowsError(try parse("*nowhere\n"))
    }

    func testSecondDocumentIsAnError() {
        XCTAssertThrowsError(try parse("a: 1\n---\nb: 2\n")) { error in
            XCTAssertTrue(((error as? YAMLTree.ParseError)?.message ?? "").contains("more than one document"))
        }
    }

    func testEmptyDocumentIsNil() throws {
        XCTAssertNil(try parse(""))
    }

    /// A rule that lost its `id:` line merges into the next one: its keys appear twice.
    func testDuplicateKeyIsAnErrorWithItsLine() {
        XCTAssertThrowsError(try parse("rules:\n  - id: a\n    pattern: x\n    category: time\n    pattern: y\n")) { error in
            XCTAssertEqual((error as? YAMLTree.ParseError)?.message, "duplicate key 'pattern' (line 5)")
        }
        // The same key in different mappings is fine.
        XCTAssertNoThrow(try parse("- {id: a}\n- {id: b}\n"))
    }

    func testNonTextKeyIsAnError() {
        XCTAssertThrowsError(try parse("[a]: b\n"))
    }
}
