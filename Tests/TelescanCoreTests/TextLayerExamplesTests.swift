import XCTest
@testable import TelescanCore
import TelescanPCRE2

/// `rules check` runs a rule's examples through its pattern alone; a scan first runs the text
/// layer (label separators, table cells, squeezed spaces, a titled patient read as "Pt", ...).
/// A rule written against a note's raw form can lose its fact there and still pass its check, so
/// every match example of an element rule, scanned as a note of its own, must still yield a
/// finding of that element and value (from that rule or another that reads the layer's form).
/// Examples written to measure a reach with placeholder words ("Mrs. Abbbbbbbbbbbbbbbbbbb") are
/// left out: no note reads like them.
final class TextLayerExamplesTests: XCTestCase {
    func testEveryElementExampleSurvivesTheTextLayer() throws {
        let rules = try Repo.lexiconSet().compiled
        let scanner = try NoteScanner.forTests(keepFindings: true)
        let scratch = MatchScratch(maxCaptures: rules.maxCaptures)
        var tried = 0
        for rule in rules.rules {
            guard case .target(let element) = rule.definition.kind else { continue }
            for source in rule.definition.examples.match {
                let text = ExampleText(parsing: source).text
                if Self.hasPlaceholderWord(text) { continue }
                var matched = false
                _ = Array(text.utf8).withUnsafeBufferPointer { buf in
                    try? rule.pattern.forEachMatch(in: buf, scratch: scratch) { _ in matched = true }
                }
                guard matched else { continue }
                tried += 1
                let found = scanner.scan(text: text).findings.contains {
                    $0.element == element && (rule.definition.value == nil || $0.value == rule.definition.value)
                }
                XCTAssertTrue(found, "\(rule.definition.id): \(text.debugDescription)")
            }
        }
        XCTAssertGreaterThan(tried, 7000)
    }

    /// A run of twelve or more of one letter.
    static func hasPlaceholderWord(_ s: String) -> Bool {
        var last: Character = " ", run = 0
        for c in s {
            run = c == last && c.isLetter ? run + 1 : 1
            last = c
            if run >= 12 { return true }
        }
        return false
    }
}
